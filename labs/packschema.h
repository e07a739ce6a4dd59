#pragma once

#include <QList>
#include <QString>

namespace YAML {
class Node;
}

// What each object of a course pack may hold and the type of each field, as
// courseware/README.md documents them. The loader checks every map of a pack against
// its schema, so a misspelled field or a value of the wrong type is reported with its
// line instead of being read as "not given" (`orderd: true` once meant an unordered
// result check; `ordered: ture` meant false).
namespace PackSchema {

enum class FieldType
{
    Text,                // a scalar; what it must say, the loader checks where it reads it
    Flag,                // exactly true or false
    Integer,             // a whole number, negative too (connection_limit: -1)
    Count,               // a whole number, 0 or more
    Decimal,             // a decimal number, 0 or more
    List,                // a sequence of scalars
    TextList,            // a sequence of scalars, or one text "a, b" (what checks read as a list)
    Localized,           // {zh_CN: …, en: …}
    TextOrLocalized,     // a plain value, the same in both languages, or {zh_CN: …, en: …}
    LocalizedList,       // a sequence of {zh_CN: …, en: …}
    TextOrLocalizedList, // a sequence of plain values or {zh_CN: …, en: …}
    Map,                 // a map of scalars to scalars (settings, weights)
    Object,              // a map checked against the field's own schema
    Objects,             // a sequence of maps, each checked against the field's own schema (when it has one)
    Expectation,         // ok or blocks, or a map with one of error, value, rows
};

struct ObjectSchema;

struct FieldSpec
{
    QString name;
    FieldType type = FieldType::Text;
    const ObjectSchema *object = nullptr; // the schema of an Object or of each of Objects
};

struct ObjectSchema
{
    const char *what = nullptr; // "a step", for messages: a CoursePackLoader translation source
    QString detail;             // fills %1 of what, untranslated (a state check's assertion)
    QList<FieldSpec> fields;
};

// One problem with a map's fields: the line it is on and what is wrong, translated.
struct FieldProblem
{
    int line = 0;
    QString message;
};

const ObjectSchema &manifest();
const ObjectSchema &lab();
const ObjectSchema &bank();
const ObjectSchema &exam();
// The fields of a question of that type (single, multiple…); null for a type nobody knows.
const ObjectSchema *question(const QString &type);

// What is wrong with the fields of map by schema: unknown fields (with the known name it
// was most likely meant to be), values of the wrong type; nested objects that have a
// schema are checked too. Checks and questions inside are left to checkProblems() and
// question(), which depend on their kind and type.
QList<FieldProblem> problems(const YAML::Node &map, const ObjectSchema &schema);

// What is wrong with the fields of one check, chosen by its kind (and for a state check by
// its assertion, of which it makes one); nothing for an unknown kind, which the loader reports.
QList<FieldProblem> checkProblems(const YAML::Node &check);

// The known name within edit distance 2 of name, or empty.
QString nearest(const QString &name, const QStringList &known);

} // namespace PackSchema
