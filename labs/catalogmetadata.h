#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What a database holds, for autocompletion and the schema browser: schemas, tables,
// views and their columns, functions with their signatures, types and settings, and the
// search path. Loaded on a connection of its own (blocking: call it off the UI thread),
// never on the learner's query session, and loaded again after DDL.
struct CatalogMetadata
{
    Q_DECLARE_TR_FUNCTIONS(CatalogMetadata)
public:
    struct Column
    {
        QString name, type;
    };
    struct Relation
    {
        QString schema, name;
        QChar kind; // pg_class.relkind: r, p, v, m, f
        QList<Column> columns;
    };
    struct Function
    {
        QString schema, name, arguments, result;
        QChar kind; // f, p, a, w
    };

    QStringList schemas;
    QList<Relation> relations;
    QList<Function> functions;
    QStringList types;    // as format_type names them: integer, text, shop.mood
    QStringList settings; // every name pg_settings has
    QStringList searchPath; // the schemas current_schemas(true) gives, in order

    static std::optional<CatalogMetadata> load(const QString &conninfo, QString *error);

    // The relation schema.name; with an empty schema, the first one the search path finds.
    const Relation *relation(const QString &schema, const QString &name) const;
    int columnCount() const;

private:
    void index();
    QHash<QString, qsizetype> m_byName; // "schema.name" -> index into relations
};
