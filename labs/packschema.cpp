#include "packschema.h"

#include "coursepackloader.h"
#include "decimaltext.h"
#include "statecheck.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <yaml-cpp/yaml.h>

namespace PackSchema {

namespace {
using T = FieldType;

FieldSpec field(const char *name, FieldType type = T::Text, const ObjectSchema *object = nullptr)
{
    return {QString::fromLatin1(name), type, object};
}

const ObjectSchema &languages()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "a text in both languages"), {}, {field("zh_CN"), field("en")}};
    return schema;
}

// --- the pack's own files -------------------------------------------------------------

const ObjectSchema &item()
{
    static const ObjectSchema schema{QT_TRANSLATE_NOOP("CoursePackLoader", "an item"),
                                     {},
                                     {field("lesson"), field("lab"), field("title", T::Localized),
                                      field("requires", T::List), field("domain")}};
    return schema;
}

const ObjectSchema &module()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "a module"),
        {},
        {field("id"), field("title", T::Localized), field("items", T::Objects, &item())}};
    return schema;
}

const ObjectSchema &track()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "a track"),
        {},
        {field("id"), field("title", T::Localized), field("modules", T::Objects, &module())}};
    return schema;
}

const ObjectSchema &cluster()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "the cluster section"),
        {},
        {field("settings", T::Map), field("archive", T::Flag), field("standby", T::Flag)}};
    return schema;
}

const ObjectSchema &decoy()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "a decoy"), {}, {field("sql"), field("note")}};
    return schema;
}

const ObjectSchema &step()
{
    // checks: each by its kind (checkProblems).
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "a step"),
        {},
        {field("id"), field("points", T::Count), field("instructions", T::Localized),
         field("hints", T::LocalizedList), field("checks", T::Objects), field("solution"),
         field("decoys", T::Objects, &decoy()), field("restart", T::Flag), field("recover", T::Flag)}};
    return schema;
}

const ObjectSchema &domain()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "a domain"), {}, {field("id"), field("title", T::Localized)}};
    return schema;
}

const ObjectSchema &option()
{
    static const ObjectSchema schema{QT_TRANSLATE_NOOP("CoursePackLoader", "an option"),
                                     {},
                                     {field("text", T::TextOrLocalized), field("correct", T::Flag)}};
    return schema;
}

const ObjectSchema &pair()
{
    static const ObjectSchema schema{QT_TRANSLATE_NOOP("CoursePackLoader", "a pair"),
                                     {},
                                     {field("left", T::TextOrLocalized), field("right", T::TextOrLocalized)}};
    return schema;
}

const ObjectSchema &shuffle()
{
    static const ObjectSchema schema{QT_TRANSLATE_NOOP("CoursePackLoader", "\"shuffle\""),
                                     {},
                                     {field("questions", T::Flag), field("options", T::Flag)}};
    return schema;
}

// Every question has these; its type adds its own.
QList<FieldSpec> questionFields(const QList<FieldSpec> &own)
{
    return QList<FieldSpec>{field("id"),
                            field("type"),
                            field("domain"),
                            field("topics", T::List),
                            field("difficulty"),
                            field("stem", T::Localized),
                            field("explanation", T::Localized),
                            field("reference")} +
           own;
}

// --- checks ----------------------------------------------------------------------------

// Every check has these; its kind adds its own.
QList<FieldSpec> checkFields(const QList<FieldSpec> &own)
{
    return QList<FieldSpec>{field("kind"), field("message", T::Localized)} + own;
}

const ObjectSchema &resultCheck()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "a result check"),
        {},
        checkFields(
            {field("reference"), field("query"), field("ordered", T::Flag), field("columns", T::TextList),
             field("check_names", T::Flag), field("tolerance", T::Decimal), field("variant", T::Flag),
             // the columns the reference's ORDER BY sorts on, when the checker cannot find them itself
             field("order_by", T::TextList)})};
    return schema;
}

// A state check's fields besides its assertion, by assertion (StateCheck::Assertions).
QList<FieldSpec> assertionFields(const QString &assertion)
{
    if (assertion == u"column")
        return {field("column"), field("type"), field("not_null", T::Flag), field("default")};
    if (assertion == u"index_on")
        return {field("index_on"), field("method"), field("unique", T::Flag)};
    if (assertion == u"constraint_on")
        return {field("constraint_on"), field("definition")};
    if (assertion == u"privilege")
        return {field("privilege"), field("on"), field("role"), field("held", T::Flag)};
    if (assertion == u"role_attribute")
        return {field("role_attribute"),
                field("login", T::Flag),
                field("superuser", T::Flag),
                field("createdb", T::Flag),
                field("createrole", T::Flag),
                field("inherit", T::Flag),
                field("replication", T::Flag),
                field("bypassrls", T::Flag),
                field("connection_limit", T::Integer)};
    if (assertion == u"setting")
        return {field("setting"), field("value")};
    if (assertion == u"rows")
        return {field("rows"), field("where"), field("count", T::Count)};
    if (assertion == u"every")
        return {field("every"), field("where")};
    return {FieldSpec{assertion, T::Text, nullptr}}; // table, extension, assert: the assertion alone
}

const ObjectSchema &stateCheck(const QString &assertion)
{
    static const QHash<QString, ObjectSchema> schemas = [] {
        QHash<QString, ObjectSchema> all;
        for (const QString &a : StateCheck::Assertions)
            all.insert(a, {QT_TRANSLATE_NOOP("CoursePackLoader", "a state check with \"%1\""), a,
                           checkFields(assertionFields(a))});
        QList<FieldSpec> any; // no assertion yet: any of them may be what was meant
        for (const QString &a : StateCheck::Assertions)
            any += assertionFields(a);
        all.insert(QString(), {QT_TRANSLATE_NOOP("CoursePackLoader", "a state check"), {}, checkFields(any)});
        return all;
    }();
    const auto found = schemas.constFind(assertion);
    return found == schemas.cend() ? *schemas.constFind(QString()) : *found;
}

const ObjectSchema &planCheck()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "a plan check"),
        {},
        checkFields({field("query"), field("includes", T::TextList), field("excludes", T::TextList),
                     field("uses_index"), field("max_cost", T::Decimal)})};
    return schema;
}

const ObjectSchema &errorCheck()
{
    static const ObjectSchema schema{QT_TRANSLATE_NOOP("CoursePackLoader", "an error check"),
                                     {},
                                     checkFields({field("sql"), field("sqlstate"), field("as")})};
    return schema;
}

const ObjectSchema &expectation()
{
    static const ObjectSchema schema{QT_TRANSLATE_NOOP("CoursePackLoader", "\"expect\""),
                                     {},
                                     {field("error"), field("value"), field("rows", T::Count)}};
    return schema;
}

const ObjectSchema &scriptEntry()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "a script entry"),
        {},
        {field("session"), field("sql"), field("answer", T::Flag), field("await", T::Flag),
         field("expect", T::Expectation, &expectation()), field("wait_ms", T::Count)}};
    return schema;
}

const ObjectSchema &observeEntry()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "an observe entry"),
        {},
        {field("session"), field("state"), field("holds"), field("on"), field("waits_for")}};
    return schema;
}

const ObjectSchema &multiSessionCheck()
{
    static const ObjectSchema schema{QT_TRANSLATE_NOOP("CoursePackLoader", "a multi-session check"),
                                     {},
                                     checkFields({field("script", T::Objects, &scriptEntry()),
                                                  field("observe", T::Objects, &observeEntry())})};
    return schema;
}

const ObjectSchema &clusterCheck()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "a cluster check"),
        {},
        checkFields({field("setting"), field("value"), field("pending_restart", T::Flag),
                     field("archived", T::Flag), field("streaming", T::Flag), field("slot"),
                     field("recovered", T::Flag), field("round_trip"), field("assert"), field("database"),
                     field("on")})};
    return schema;
}

// --- checking a map against a schema ----------------------------------------------------

int lineOf(const YAML::Node &node)
{
    return node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
}

QString scalarText(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

QString whatOf(const ObjectSchema &schema)
{
    const QString what = CoursePackLoader::tr(schema.what);
    return schema.detail.isEmpty() ? what : what.arg(schema.detail);
}

class Checker
{
public:
    QList<FieldProblem> found;

    void object(const YAML::Node &map, const ObjectSchema &schema, const QStringList &skipped = {})
    {
        QStringList known;
        for (const FieldSpec &f : schema.fields)
            known << f.name;
        known.removeDuplicates();
        for (const auto &entry : map) {
            const QString name = scalarText(entry.first);
            if (skipped.contains(name))
                continue;
            const auto spec = std::find_if(schema.fields.cbegin(), schema.fields.cend(),
                                           [&](const FieldSpec &f) { return f.name == name; });
            if (spec == schema.fields.cend())
                unknown(entry.first, name, schema, known);
            else
                value(entry.second, *spec);
        }
    }

private:
    void report(const YAML::Node &at, const QString &message) { found.append({lineOf(at), message}); }

    void unknown(const YAML::Node &at, const QString &name, const ObjectSchema &schema,
                 const QStringList &known)
    {
        const QString meant = nearest(name, known);
        if (!meant.isEmpty())
            report(at, CoursePackLoader::tr("unknown field \"%1\" in %2 (did you mean \"%3\"?)")
                           .arg(name, whatOf(schema), meant));
        else
            report(at, CoursePackLoader::tr("unknown field \"%1\" in %2 (known: %3)")
                           .arg(name, whatOf(schema), known.join(QStringLiteral(", "))));
    }

    void localized(const YAML::Node &node, const QString &name)
    {
        if (!node.IsMap())
            report(node, CoursePackLoader::tr("\"%1\" needs a text for each language (zh_CN, en)").arg(name));
        else
            object(node, languages());
    }

    void scalars(const YAML::Node &node, const QString &name)
    {
        if (!node.IsSequence() ||
            std::any_of(node.begin(), node.end(), [](const YAML::Node &n) { return !n.IsScalar(); }))
            report(node, CoursePackLoader::tr("\"%1\" must be a list of values, such as [a, b]").arg(name));
    }

    void value(const YAML::Node &node, const FieldSpec &spec)
    {
        switch (spec.type) {
        case T::Text:
        case T::Flag:
        case T::Integer:
        case T::Count:
        case T::Decimal:
            scalar(node, spec);
            break;
        default:
            container(node, spec);
            break;
        }
    }

    void scalar(const YAML::Node &node, const FieldSpec &spec)
    {
        const QString shown = node.IsScalar() ? scalarText(node) : QString();
        static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
        switch (spec.type) {
        case T::Text:
            if (!node.IsNull() && !node.IsScalar())
                report(node, CoursePackLoader::tr("\"%1\" must be given as text").arg(spec.name));
            break;
        case T::Flag:
            if (!node.IsScalar() || (shown != u"true" && shown != u"false"))
                report(
                    node,
                    CoursePackLoader::tr("\"%1\" must be true or false, not \"%2\"").arg(spec.name, shown));
            break;
        case T::Integer:
        case T::Count: {
            bool ok = false;
            const int number = integer.match(shown).hasMatch() ? shown.toInt(&ok) : 0;
            if (!node.IsScalar() || !ok)
                report(
                    node,
                    CoursePackLoader::tr("\"%1\" must be a whole number, not \"%2\"").arg(spec.name, shown));
            else if (spec.type == T::Count && number < 0)
                report(node,
                       CoursePackLoader::tr("\"%1\" must be 0 or more, not \"%2\"").arg(spec.name, shown));
            break;
        }
        case T::Decimal: {
            const std::optional<DecimalText> number = DecimalText::parse(shown.toUtf8());
            if (!node.IsScalar() || !number || !number->isFinite())
                report(node, CoursePackLoader::tr("\"%1\" must be a decimal number, not \"%2\"")
                                 .arg(spec.name, shown));
            else if (number->isNegative() && !number->isZero())
                report(node,
                       CoursePackLoader::tr("\"%1\" must be 0 or more, not \"%2\"").arg(spec.name, shown));
            break;
        }
        default:
            break;
        }
    }

    void container(const YAML::Node &node, const FieldSpec &spec)
    {
        const bool absent = node.IsNull();
        switch (spec.type) {
        case T::List:
            if (!absent)
                scalars(node, spec.name);
            break;
        case T::TextList:
            if (!absent && !node.IsScalar())
                scalars(node, spec.name);
            break;
        case T::Localized:
            localized(node, spec.name);
            break;
        case T::TextOrLocalized:
            if (!node.IsScalar())
                localized(node, spec.name);
            break;
        case T::LocalizedList:
        case T::TextOrLocalizedList:
            if (!absent && !node.IsSequence()) {
                report(node, CoursePackLoader::tr("\"%1\" must be a list").arg(spec.name));
                break;
            }
            // An entry that is no map the loader reports as it reads it ("hint", "item").
            for (const YAML::Node &text : node) {
                if (text.IsMap())
                    object(text, languages());
            }
            break;
        case T::Map:
            if (!absent && (!node.IsMap() || std::any_of(node.begin(), node.end(),
                                                         [](const auto &e) { return !e.second.IsScalar(); })))
                report(node, CoursePackLoader::tr("\"%1\" must be a map of names to values, such as {a: 1}")
                                 .arg(spec.name));
            break;
        case T::Object:
            if (!absent && !node.IsMap())
                report(node, CoursePackLoader::tr("\"%1\" must be a map of fields").arg(spec.name));
            else if (node.IsMap() && spec.object)
                object(node, *spec.object);
            break;
        case T::Objects:
            if (!absent && !node.IsSequence()) {
                report(node, CoursePackLoader::tr("\"%1\" must be a list").arg(spec.name));
                break;
            }
            for (const YAML::Node &entry : node) {
                if (!entry.IsMap())
                    report(
                        entry,
                        CoursePackLoader::tr("each entry of \"%1\" must be a map of fields").arg(spec.name));
                else if (spec.object)
                    object(entry, *spec.object);
            }
            break;
        case T::Expectation:
            if (node.IsMap() && node.size() == 1)
                object(node, *spec.object);
            else if (!node.IsScalar())
                report(node, CoursePackLoader::tr(
                                 "\"%1\" is ok, blocks, or one of {error: …}, {value: …}, {rows: …}")
                                 .arg(spec.name));
            break;
        default:
            break;
        }
    }
};

} // namespace

const ObjectSchema &manifest()
{
    static const ObjectSchema schema{QT_TRANSLATE_NOOP("CoursePackLoader", "the manifest"),
                                     {},
                                     {field("id"), field("version"), field("title", T::Localized),
                                      field("min_server_version"), field("tracks", T::Objects, &track()),
                                      field("banks", T::List), field("exams", T::List)}};
    return schema;
}

const ObjectSchema &lab()
{
    static const ObjectSchema schema{
        QT_TRANSLATE_NOOP("CoursePackLoader", "a lab"),
        {},
        {field("id"), field("objectives", T::Localized), field("min_server_version"), field("setup"),
         field("variant_setup"), field("roles", T::List), field("sessions", T::List),
         field("cluster", T::Object, &cluster()), field("steps", T::Objects, &step())}};
    return schema;
}

const ObjectSchema &bank()
{
    // questions: each by its type (question()).
    static const ObjectSchema schema{QT_TRANSLATE_NOOP("CoursePackLoader", "a bank"),
                                     {},
                                     {field("id"), field("title", T::Localized),
                                      field("domains", T::Objects, &domain()),
                                      field("questions", T::Objects)}};
    return schema;
}

const ObjectSchema &exam()
{
    // questions, duration_minutes, pass_percent and the weights: the loader says what they must be.
    static const ObjectSchema schema{QT_TRANSLATE_NOOP("CoursePackLoader", "an exam"),
                                     {},
                                     {field("id"), field("title", T::Localized),
                                      field("description", T::Localized), field("questions"),
                                      field("duration_minutes"), field("pass_percent"), field("review"),
                                      field("shuffle", T::Object, &shuffle()), field("banks", T::List),
                                      field("domains", T::Map), field("difficulty", T::Map)}};
    return schema;
}

const ObjectSchema *question(const QString &type)
{
    static const QHash<QString, ObjectSchema> schemas = {
        {QStringLiteral("single"),
         {QT_TRANSLATE_NOOP("CoursePackLoader", "a single-choice question"),
          {},
          questionFields({field("options", T::Objects, &option())})}},
        {QStringLiteral("multiple"),
         {QT_TRANSLATE_NOOP("CoursePackLoader", "a multiple-choice question"),
          {},
          questionFields({field("options", T::Objects, &option()), field("scoring")})}},
        {QStringLiteral("truefalse"),
         {QT_TRANSLATE_NOOP("CoursePackLoader", "a true/false question"),
          {},
          questionFields({field("answer", T::Flag)})}},
        {QStringLiteral("fillin"),
         {QT_TRANSLATE_NOOP("CoursePackLoader", "a fill-in question"),
          {},
          questionFields({field("accepted", T::List), field("case_sensitive", T::Flag), field("whitespace"),
                          field("regex")})}},
        {QStringLiteral("numerical"),
         {QT_TRANSLATE_NOOP("CoursePackLoader", "a numerical question"),
          {},
          questionFields({field("value"), field("tolerance")})}},
        {QStringLiteral("ordering"),
         {QT_TRANSLATE_NOOP("CoursePackLoader", "an ordering question"),
          {},
          questionFields({field("items", T::TextOrLocalizedList)})}},
        {QStringLiteral("matching"),
         {QT_TRANSLATE_NOOP("CoursePackLoader", "a matching question"),
          {},
          questionFields({field("pairs", T::Objects, &pair())})}},
        {QStringLiteral("sql"),
         {QT_TRANSLATE_NOOP("CoursePackLoader", "an sql question"),
          {},
          questionFields({field("setup"), field("variant_setup"), field("roles", T::List),
                          field("checks", T::Objects), field("solution"),
                          field("decoys", T::Objects, &decoy())})}},
    };
    const auto found = schemas.constFind(type);
    return found == schemas.cend() ? nullptr : &*found;
}

QList<FieldProblem> problems(const YAML::Node &map, const ObjectSchema &schema)
{
    Checker checker;
    if (map.IsMap())
        checker.object(map, schema);
    return checker.found;
}

QList<FieldProblem> checkProblems(const YAML::Node &check)
{
    if (!check.IsMap())
        return {};
    const QString kind = scalarText(check["kind"]);
    Checker checker;
    if (kind == u"result") {
        checker.object(check, resultCheck());
    } else if (kind == u"state") {
        QStringList assertions;
        for (const QString &a : StateCheck::Assertions) {
            if (check[a.toStdString()])
                assertions << a;
        }
        if (assertions.size() > 1)
            checker.found.append(
                {lineOf(check[assertions.at(1).toStdString()]),
                 CoursePackLoader::tr("a state check makes one assertion, but this one has \"%1\" and \"%2\"")
                     .arg(assertions.at(0), assertions.at(1))});
        checker.object(check, stateCheck(assertions.value(0)), assertions.mid(1));
    } else if (kind == u"plan") {
        checker.object(check, planCheck());
    } else if (kind == u"error") {
        checker.object(check, errorCheck());
    } else if (kind == u"multi-session") {
        if (check["script"] && check["observe"])
            checker.found.append(
                {lineOf(check["observe"]),
                 CoursePackLoader::tr("a multi-session check has a \"script\" or an \"observe\", not both")});
        checker.object(check, multiSessionCheck());
    } else if (kind == u"cluster") {
        checker.object(check, clusterCheck());
    }
    return checker.found;
}

QString nearest(const QString &name, const QStringList &known)
{
    // Levenshtein distance, cut off above 2.
    const auto distance = [](const QString &a, const QString &b) {
        QList<int> row(b.size() + 1);
        for (qsizetype j = 0; j <= b.size(); ++j)
            row[j] = int(j);
        for (qsizetype i = 1; i <= a.size(); ++i) {
            int diagonal = row[0];
            row[0] = int(i);
            for (qsizetype j = 1; j <= b.size(); ++j) {
                const int above = row[j];
                row[j] =
                    std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1)});
                diagonal = above;
            }
        }
        return row[b.size()];
    };
    QString best;
    int bestDistance = 3;
    for (const QString &candidate : known) {
        const int d = distance(name, candidate);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace PackSchema
