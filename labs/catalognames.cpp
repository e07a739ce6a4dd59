#include "catalognames.h"

#include "graderconnection.h"

namespace {
// The candidates for a name, in the order the lab's search path tries them: as written,
// then, when unqualified, prefixed with each lab schema; the first that `lookup` finds.
QString firstFound(GraderConnection &catalog, const QString &lookup, const QString &name, const QStringList &schemas,
                   QString *error)
{
    const QString sql = QStringLiteral(
        "SELECT found FROM (SELECT 0 AS n, $1::pg_catalog.text AS name UNION ALL "
        "SELECT u.n, pg_catalog.quote_ident(u.schema) || '.' || $1 FROM pg_catalog.unnest($2::pg_catalog.text[]) WITH ORDINALITY AS u(schema, n) "
        "WHERE pg_catalog.cardinality(pg_catalog.parse_ident($1, false)) = 1) AS candidate, "
        "LATERAL (SELECT %1) AS f(found) WHERE found IS NOT NULL ORDER BY n LIMIT 1")
                            .arg(lookup);
    const SqlOutcome outcome = catalog.exec(sql, {name, GraderConnection::textArray(schemas)});
    if (!outcome.ok) {
        *error = outcome.message;
        return {};
    }
    error->clear();
    return outcome.value();
}
} // namespace

QString CatalogNames::relation(GraderConnection &catalog, const QString &name, const QStringList &schemas, QString *error)
{
    return firstFound(catalog, QStringLiteral("pg_catalog.to_regclass(candidate.name)::pg_catalog.oid"), name, schemas, error);
}

QString CatalogNames::function(GraderConnection &catalog, const QString &signature, const QStringList &schemas, QString *error)
{
    return firstFound(catalog, QStringLiteral("pg_catalog.to_regprocedure(candidate.name)::pg_catalog.oid"), signature,
                      schemas, error);
}

QString CatalogNames::type(GraderConnection &catalog, const QString &name, const QStringList &schemas, QString *error)
{
    return firstFound(catalog,
                      QStringLiteral("pg_catalog.format_type(pg_catalog.to_regtype(candidate.name), "
                                     "pg_catalog.to_regtypemod(candidate.name))"),
                      name, schemas, error);
}

QString CatalogNames::shownRelationSql(const QString &oidExpression, const QString &schemasParameter)
{
    return QStringLiteral("(SELECT CASE WHEN n.nspname = ANY (%2::pg_catalog.text[]) THEN pg_catalog.quote_ident(c.relname) "
                          "ELSE pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) END "
                          "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                          "WHERE c.oid = %1)")
        .arg(oidExpression, schemasParameter);
}
