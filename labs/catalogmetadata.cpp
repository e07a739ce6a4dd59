#include "catalogmetadata.h"

#include "graderconnection.h"

#include <QMap>

namespace {
QString key(const QString &schema, const QString &name)
{
    return schema + u'.' + name;
}
} // namespace

std::optional<CatalogMetadata> CatalogMetadata::load(const QString &conninfo, QString *error)
{
    GraderConnection c;
    if (!c.open(conninfo, 30000, error))
        return std::nullopt;
    // One snapshot for all of it: the lists agree with each other.
    const SqlOutcome begin = c.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    if (!begin.ok) {
        *error = begin.message;
        return std::nullopt;
    }
    const auto run = [&](const char *sql) -> std::optional<ResultSet> {
        SqlOutcome outcome = c.exec(QString::fromLatin1(sql));
        if (!outcome.ok) {
            *error = outcome.message;
            return std::nullopt;
        }
        return outcome.result;
    };
    const std::optional<ResultSet> relations = run(
        "SELECT n.nspname, c.relname, c.relkind, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)\n"
        "FROM pg_catalog.pg_class c\n"
        "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
        "  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped\n"
        "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname !~ '^pg_toast'\n"
        "  AND (n.nspname !~ '^pg_temp_' OR n.oid = pg_catalog.pg_my_temp_schema())\n"
        "ORDER BY c.oid, a.attnum");
    const std::optional<ResultSet> functions = run(
        "SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid),\n"
        "  coalesce(pg_catalog.pg_get_function_result(p.oid), ''), p.prokind\n"
        "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"
        "WHERE n.nspname <> 'information_schema'\n"
        "ORDER BY 1, 2");
    const std::optional<ResultSet> types = run(
        "SELECT pg_catalog.format_type(t.oid, NULL) FROM pg_catalog.pg_type t\n"
        "  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace\n"
        "WHERE t.typtype IN ('b', 'c', 'd', 'e', 'r', 'm') AND t.typname !~ '^_'\n"
        "  AND (t.typrelid = 0 OR EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))\n"
        "  AND n.nspname !~ '^pg_toast' AND n.nspname <> 'information_schema'\n"
        "ORDER BY 1");
    const std::optional<ResultSet> settings = run("SELECT name FROM pg_catalog.pg_settings ORDER BY 1");
    const std::optional<ResultSet> schemas = run(
        "SELECT nspname, pg_catalog.array_position(pg_catalog.current_schemas(true), nspname)\n"
        "FROM pg_catalog.pg_namespace WHERE nspname !~ '^pg_(toast|temp_)' OR oid = pg_catalog.pg_my_temp_schema()\n"
        "ORDER BY 1");
    if (!relations || !functions || !types || !settings || !schemas)
        return std::nullopt;
    c.exec(QStringLiteral("ROLLBACK"));

    CatalogMetadata m;
    QString last;
    for (qsizetype r = 0; r < relations->rowCount(); ++r) {
        const QString schema = relations->text(r, 0), name = relations->text(r, 1);
        const QString relation = key(schema, name);
        if (relation != last || m.relations.isEmpty()) {
            m.relations.append({schema, name, relations->text(r, 2).front(), {}});
            last = relation;
        }
        if (!relations->isNull(r, 3))
            m.relations.last().columns.append({relations->text(r, 3), relations->text(r, 4)});
    }
    for (qsizetype r = 0; r < functions->rowCount(); ++r)
        m.functions.append({functions->text(r, 0), functions->text(r, 1), functions->text(r, 2), functions->text(r, 3),
                            functions->text(r, 4).front()});
    for (qsizetype r = 0; r < types->rowCount(); ++r)
        m.types << types->text(r, 0);
    for (qsizetype r = 0; r < settings->rowCount(); ++r)
        m.settings << settings->text(r, 0);
    QMap<int, QString> path;
    for (qsizetype r = 0; r < schemas->rowCount(); ++r) {
        m.schemas << schemas->text(r, 0);
        if (!schemas->isNull(r, 1))
            path.insert(schemas->text(r, 1).toInt(), schemas->text(r, 0));
    }
    m.searchPath = path.values();
    m.index();
    return m;
}

void CatalogMetadata::index()
{
    m_byName.clear();
    m_byName.reserve(relations.size());
    for (qsizetype i = 0; i < relations.size(); ++i)
        m_byName.insert(key(relations.at(i).schema, relations.at(i).name), i);
}

const CatalogMetadata::Relation *CatalogMetadata::relation(const QString &schema, const QString &name) const
{
    const QStringList where = schema.isEmpty() ? searchPath : QStringList{schema};
    for (const QString &s : where) {
        const auto it = m_byName.constFind(key(s, name));
        if (it != m_byName.cend())
            return &relations.at(*it);
    }
    return nullptr;
}

int CatalogMetadata::columnCount() const
{
    int n = 0;
    for (const Relation &r : relations)
        n += int(r.columns.size());
    return n;
}
