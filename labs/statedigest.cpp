#include "statedigest.h"

#include "graderconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString digestSql(const RelationDigest &relation)
{
    QStringList columns;
    for (const QString &column : relation.columns)
        columns << QStringLiteral("t.") + GraderConnection::identifier(column);
    // Everything qualified: on a learner's connection, pg_catalog comes first, but an exact
    // match in the learner's schema would still beat a built-in that needs a coercion. The
    // types' own hashes make no text (several times faster on a large table) and do not
    // depend on DateStyle or TimeZone; text is for types without one.
    const QString row = QStringLiteral("ROW(%1)").arg(columns.join(QStringLiteral(", ")));
    const QString hash = relation.byText ? QStringLiteral("pg_catalog.hashtextextended(%1::pg_catalog.text, 0)").arg(row)
                                         : QStringLiteral("pg_catalog.hash_record_extended(%1, 0)").arg(row);
    // sum(bigint) adds in 128-bit integers where it can: no numeric per row.
    return QStringLiteral("SELECT pg_catalog.count(*), COALESCE(pg_catalog.sum(%1), 0) FROM %2.%3 AS t")
        .arg(hash, GraderConnection::identifier(relation.schema), GraderConnection::identifier(relation.name));
}

// The table's digest by relation->byText's way; choosing (the lab's side), a table whose
// column types cannot all be hashed is hashed as text instead.
bool digestInto(GraderConnection &c, RelationDigest *relation, QString *error, bool choose)
{
    SqlOutcome digest;
    if (relation->byText) {
        digest = c.exec(digestSql(*relation));
    } else {
        c.exec(QStringLiteral("SAVEPOINT pgcampus_digest"));
        digest = c.exec(digestSql(*relation));
        c.exec(digest.ok ? QStringLiteral("RELEASE SAVEPOINT pgcampus_digest") : QStringLiteral("ROLLBACK TO SAVEPOINT pgcampus_digest"));
        if (!digest.ok && choose && digest.sqlstate == u"42883") { // no hash function for a column's type
            relation->byText = true;
            digest = c.exec(digestSql(*relation));
        }
    }
    if (!digest.ok) {
        *error = StateDigest::tr("%1 cannot be read: %2").arg(relation->qualifiedName(), digest.message);
        return false;
    }
    relation->rows = digest.value(0, 0).toLongLong();
    relation->hash = digest.value(0, 1);
    return true;
}

void collectRelations(const QJsonObject &node, QList<std::pair<QString, QString>> *into)
{
    const QString name = node.value(QStringLiteral("Relation Name")).toString();
    if (!name.isEmpty()) {
        const std::pair<QString, QString> relation{node.value(QStringLiteral("Schema")).toString(), name};
        if (!into->contains(relation))
            into->append(relation);
    }
    for (const QJsonValue &child : node.value(QStringLiteral("Plans")).toArray())
        collectRelations(child.toObject(), into);
}
} // namespace

bool StateDigest::fixTextSettings(GraderConnection &c, QString *error)
{
    // How dates, times, intervals, floats, bytea and money are written: the digest hashes
    // rows as text, and the learner's side must write them as the lab's side did.
    const SqlOutcome set = c.exec(QStringLiteral("SET LOCAL DateStyle = 'ISO, MDY'; SET LOCAL TimeZone = 'UTC'; "
                                                 "SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 1; "
                                                 "SET LOCAL bytea_output = 'hex'; SET LOCAL lc_monetary = 'C'"));
    if (!set.ok)
        *error = set.message;
    return set.ok;
}

std::optional<QList<RelationDigest>> StateDigest::takeAll(GraderConnection &c, QString *error)
{
    if (!fixTextSettings(c, error))
        return std::nullopt;
    const SqlOutcome tables = c.exec(QStringLiteral(
        "SELECT n.nspname, c.relname, pg_catalog.json_agg(a.attname ORDER BY a.attnum)::pg_catalog.text "
        "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE c.relkind IN ('r', 'p') AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' "
        "AND n.nspname !~ '^pgcampus_' GROUP BY n.nspname, c.relname ORDER BY 1, 2"));
    if (!tables.ok) {
        *error = tables.message;
        return std::nullopt;
    }
    QList<RelationDigest> all;
    for (int row = 0; row < tables.result.rowCount(); ++row) {
        RelationDigest relation;
        relation.schema = tables.value(row, 0);
        relation.name = tables.value(row, 1);
        for (const QJsonValue &column : QJsonDocument::fromJson(tables.value(row, 2).toUtf8()).array())
            relation.columns << column.toString();
        if (!digestInto(c, &relation, error, true))
            return std::nullopt;
        all << relation;
    }
    return all;
}

std::optional<RelationDigest> StateDigest::take(GraderConnection &c, const RelationDigest &like, bool digest, QString *missing,
                                               QString *error)
{
    const SqlOutcome found = c.exec(
        QStringLiteral("SELECT c.relkind::pg_catalog.text, (SELECT pg_catalog.json_agg(a.attname)::pg_catalog.text "
                       "FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) "
                       "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname OPERATOR(pg_catalog.=) $1 AND c.relname OPERATOR(pg_catalog.=) $2"),
        {like.schema, like.name});
    if (!found.ok) {
        *error = found.message;
        return std::nullopt;
    }
    if (found.result.rowCount() == 0 || (found.value(0, 0) != u"r" && found.value(0, 0) != u"p")) {
        *missing = tr("%1 is not the lab's table any more (dropped, renamed or replaced)").arg(like.qualifiedName());
        return std::nullopt;
    }
    QStringList present;
    for (const QJsonValue &column : QJsonDocument::fromJson(found.value(0, 1).toUtf8()).array())
        present << column.toString();
    for (const QString &column : like.columns) {
        if (!present.contains(column)) {
            *missing = tr("%1 has no column %2 any more").arg(like.qualifiedName(), column);
            return std::nullopt;
        }
    }
    RelationDigest actual = like;
    if (digest && !digestInto(c, &actual, error, false))
        return std::nullopt;
    return actual;
}

QStringList StateDigest::differences(const QList<RelationDigest> &expected, const QList<RelationDigest> &actual,
                                     const QStringList &missing)
{
    QStringList lines = missing;
    for (const RelationDigest &want : expected) {
        const auto have = std::find_if(actual.begin(), actual.end(), [&](const RelationDigest &a) {
            return a.schema == want.schema && a.name == want.name;
        });
        if (have == actual.end())
            continue;
        if (have->rows != want.rows)
            lines << tr("%1: your copy counts %2 rows; at this step the lab's data has %3")
                         .arg(want.qualifiedName())
                         .arg(have->rows)
                         .arg(want.rows);
        else if (want.stable && have->hash != want.hash)
            lines << tr("%1 has as many rows as the lab's data at this step (%2), but other values")
                         .arg(want.qualifiedName())
                         .arg(want.rows);
    }
    return lines;
}

QList<std::pair<QString, QString>> StateDigest::relationsOfPlan(const QString &planJson)
{
    QList<std::pair<QString, QString>> relations;
    for (const QJsonValue &entry : QJsonDocument::fromJson(planJson.toUtf8()).array())
        collectRelations(entry.toObject().value(QStringLiteral("Plan")).toObject(), &relations);
    return relations;
}

std::optional<RelationDigest> DigestCache::find(const QString &key, const QString &snapshot) const
{
    const QMutexLocker lock(&m_mutex);
    const auto found = m_digests.constFind(key);
    if (found == m_digests.cend() || found->first != snapshot || snapshot.isEmpty())
        return std::nullopt;
    return found->second;
}

void DigestCache::insert(const QString &key, const QString &snapshot, const RelationDigest &digest)
{
    const QMutexLocker lock(&m_mutex);
    m_digests.insert(key, {snapshot, digest});
}
