#include "statecheck.h"

#include "catalognames.h"
#include "constraintequivalence.h"
#include "graderconnection.h"

#include <QRegularExpression>

const QStringList StateCheck::Assertions = {
    QStringLiteral("table"),      QStringLiteral("column"),  QStringLiteral("index_on"),
    QStringLiteral("constraint_on"), QStringLiteral("privilege"), QStringLiteral("role_attribute"),
    QStringLiteral("setting"),    QStringLiteral("extension"), QStringLiteral("rows"),
    QStringLiteral("every"),      QStringLiteral("assert")};

namespace {
const QStringList RoleAttributes = {QStringLiteral("login"),       QStringLiteral("superuser"),
                                    QStringLiteral("createdb"),    QStringLiteral("createrole"),
                                    QStringLiteral("inherit"),     QStringLiteral("replication"),
                                    QStringLiteral("bypassrls"),   QStringLiteral("connection_limit")};

QString assertionOf(const LabCheck &check)
{
    for (const QString &field : StateCheck::Assertions) {
        if (check.fields.contains(field))
            return field;
    }
    return {};
}

// "orders (customer_id, placed_at)" -> orders and its columns, unquoted and in order.
bool splitTableColumns(const QString &text, QString *table, QStringList *columns)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*([^()]+?)\\s*\\((.*)\\)\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    *table = m.captured(1);
    columns->clear();
    for (const QString &c : m.captured(2).split(u',', Qt::SkipEmptyParts))
        *columns << ConstraintEquivalence::normalizedName(c);
    return !columns->isEmpty();
}

// Runs a boolean or counting query as the learner, read-only; the first value.
SqlOutcome asLearner(const GradingContext &context, const QString &sql, QString *error)
{
    GraderConnection c;
    if (!context.openAsLearner(c, error))
        return {};
    return c.readOnly(sql);
}
} // namespace

QStringList StateCheck::validate(const LabCheck &check) const
{
    const QString assertion = assertionOf(check);
    if (assertion.isEmpty())
        return {tr("a state check needs one of: %1").arg(Assertions.join(QStringLiteral(", ")))};
    QStringList problems;
    auto need = [&](const QString &field) {
        if (text(check, field).isEmpty())
            problems << missing(field);
    };
    QString table;
    QStringList columns;
    if (assertion == u"column" && !text(check, assertion).contains(u'.'))
        problems << tr("\"column\" is written table.column");
    if (assertion == u"index_on" && !splitTableColumns(text(check, assertion), &table, &columns))
        problems << tr("\"index_on\" is written table (column, ...)");
    if (assertion == u"constraint_on")
        need(QStringLiteral("definition"));
    if (assertion == u"privilege") {
        need(QStringLiteral("on"));
        need(QStringLiteral("role"));
    }
    if (assertion == u"role_attribute"
        && std::none_of(RoleAttributes.begin(), RoleAttributes.end(), [&](const QString &a) { return check.fields.contains(a); }))
        problems << tr("\"role_attribute\" needs one of: %1").arg(RoleAttributes.join(QStringLiteral(", ")));
    if (assertion == u"setting")
        need(QStringLiteral("value"));
    if (assertion == u"every")
        need(QStringLiteral("where"));
    return problems;
}

CheckVerdict StateCheck::grade(const LabCheck &check, const GradingContext &context) const
{
    const QString kind = assertionOf(check);
    if (kind == u"setting")
        return setting(check, context);
    if (kind == u"rows" || kind == u"every")
        return rows(check, context, kind == u"every");
    if (kind == u"assert")
        return assertion(check, context);

    GraderConnection catalog;
    QString error;
    if (!context.openCatalog(catalog, &error))
        return unreachable(error);
    if (kind == u"table")
        return table(check, context, catalog);
    if (kind == u"column")
        return column(check, context, catalog);
    if (kind == u"index_on")
        return index(check, context, catalog);
    if (kind == u"constraint_on")
        return constraint(check, context, catalog);
    if (kind == u"privilege")
        return privilege(check, context, catalog);
    if (kind == u"role_attribute")
        return roleAttribute(check, context, catalog);
    return extension(check, context, catalog);
}

CheckVerdict StateCheck::table(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const
{
    const QString name = text(check, QStringLiteral("table"));
    QString error;
    if (CatalogNames::relation(catalog, name, context.labSchemas, &error).isEmpty())
        return fail(check, context, error.isEmpty() ? tr("There is no table or view named %1.").arg(name) : error);
    return CheckVerdict::pass();
}

CheckVerdict StateCheck::column(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const
{
    const QString qualified = text(check, QStringLiteral("column"));
    const qsizetype dot = qualified.lastIndexOf(u'.');
    const QString table = qualified.left(dot);
    const QString name = ConstraintEquivalence::normalizedName(qualified.mid(dot + 1));
    QString error;
    const QString relation = CatalogNames::relation(catalog, table, context.labSchemas, &error);
    const SqlOutcome found = catalog.exec(
        QStringLiteral("SELECT format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid) "
                       "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                       "WHERE a.attrelid = $1::oid AND a.attname = $2 AND a.attnum > 0 AND NOT a.attisdropped"),
        {relation.isEmpty() ? QStringLiteral("0") : relation, name});
    if (!found.ok || found.result.rowCount() == 0)
        return fail(check, context, tr("The table %1 has no column %2.").arg(table, name));
    const QString type = found.value(0, 0);
    const QString wantedType = text(check, QStringLiteral("type"));
    if (!wantedType.isEmpty()) {
        const QString wanted = CatalogNames::type(catalog, wantedType, context.labSchemas, &error);
        if (wanted != type)
            return fail(check, context, tr("The column %1.%2 is of type %3; it should be %4.")
                                            .arg(table, name, type, wanted.isEmpty() ? wantedType : wanted));
    }
    const QString notNull = text(check, QStringLiteral("not_null"));
    if (!notNull.isEmpty() && flag(check, QStringLiteral("not_null"), false) != (found.value(0, 1) == u"t"))
        return fail(check, context, flag(check, QStringLiteral("not_null"), false)
                                        ? tr("The column %1.%2 still accepts NULL.").arg(table, name)
                                        : tr("The column %1.%2 should accept NULL, but it is NOT NULL.").arg(table, name));
    if (check.fields.contains(QStringLiteral("default"))) {
        const QString current = found.value(0, 2);
        if (current.isEmpty())
            return fail(check, context, tr("The column %1.%2 has no default.").arg(table, name));
        // Equivalent when both evaluate to the same value, however the learner wrote theirs.
        const SqlOutcome same = asLearner(context, QStringLiteral("SELECT (%1) IS NOT DISTINCT FROM (%2)::%3")
                                                       .arg(current, text(check, QStringLiteral("default")), type),
                                          &error);
        if (!error.isEmpty())
            return unreachable(error);
        if (same.value() != u"t")
            return fail(check, context, tr("The column %1.%2 has the default %3, which is not the one asked for.")
                                            .arg(table, name, current));
    }
    return CheckVerdict::pass();
}

CheckVerdict StateCheck::index(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const
{
    QString table;
    QStringList wanted;
    splitTableColumns(text(check, QStringLiteral("index_on")), &table, &wanted);
    QString error;
    const QString relation = CatalogNames::relation(catalog, table, context.labSchemas, &error);
    if (relation.isEmpty())
        return fail(check, context, tr("There is no table named %1.").arg(table));
    const SqlOutcome indexes = catalog.exec(
        QStringLiteral("SELECT c.relname, am.amname, ix.indisunique, ix.indpred IS NOT NULL, "
                       "array_to_string(ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true) "
                       "FROM generate_series(1, ix.indnkeyatts) k ORDER BY k), ', ') "
                       "FROM pg_index ix JOIN pg_class c ON c.oid = ix.indexrelid JOIN pg_am am ON am.oid = c.relam "
                       "WHERE ix.indrelid = $1::oid AND ix.indisvalid ORDER BY c.relname"),
        {relation});
    if (!indexes.ok)
        return fail(check, context, tr("There is no table named %1.").arg(table));
    const QString method = text(check, QStringLiteral("method")).toLower();
    const bool unique = flag(check, QStringLiteral("unique"), false);
    QStringList existing;
    QString partial;
    for (qsizetype r = 0; r < indexes.result.rowCount(); ++r) {
        QStringList columns;
        for (const QString &c : indexes.value(int(r), 4).split(QStringLiteral(", ")))
            columns << ConstraintEquivalence::normalizedName(c);
        existing << QStringLiteral("%1 (%2, %3)").arg(indexes.value(int(r), 0), indexes.value(int(r), 4), indexes.value(int(r), 1));
        if (columns != wanted)
            continue;
        // A partial index covers only the rows its WHERE picks: not an index on the columns.
        if (indexes.value(int(r), 3) == u"t") {
            partial = indexes.value(int(r), 0);
            continue;
        }
        if (!method.isEmpty() && indexes.value(int(r), 1) != method)
            return fail(check, context, tr("The index %1 is on the right columns but uses %2; it should use %3.")
                                            .arg(indexes.value(int(r), 0), indexes.value(int(r), 1), method));
        if (unique && indexes.value(int(r), 2) != u"t")
            return fail(check, context, tr("The index %1 is on the right columns but is not unique.").arg(indexes.value(int(r), 0)));
        return CheckVerdict::pass();
    }
    if (!partial.isEmpty())
        return fail(check, context, tr("The index %1 is on the right columns but only for the rows of its WHERE; "
                                       "this step asks for an index on every row.").arg(partial));
    if (existing.isEmpty())
        return fail(check, context, tr("There is no index on %1 (%2); %1 has no index at all.").arg(table, wanted.join(QStringLiteral(", "))));
    CheckVerdict missingIndex = fail(check, context, tr("There is no index on %1 (%2). Indexes of %1:").arg(table, wanted.join(QStringLiteral(", "))));
    for (const QString &index : std::as_const(existing))
        missingIndex.feedback << QStringLiteral("  ") + index; // one per line
    return missingIndex;
}

CheckVerdict StateCheck::constraint(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const
{
    const QString table = text(check, QStringLiteral("constraint_on"));
    GraderConnection learner;
    QString error;
    if (!context.openAsLearner(learner, &error))
        return unreachable(error);
    const ConstraintEquivalence::Match match =
        ConstraintEquivalence::find(catalog, learner, table, context.labSchemas, text(check, QStringLiteral("definition")));
    if (match.found)
        return CheckVerdict::pass();
    return fail(check, context, match.why);
}

CheckVerdict StateCheck::privilege(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const
{
    const QString privilege = text(check, QStringLiteral("privilege")).toUpper();
    const QString on = text(check, QStringLiteral("on"));
    const QString role = text(check, QStringLiteral("role"));
    const bool held = flag(check, QStringLiteral("held"), true);
    static const QRegularExpression kind(QStringLiteral("^(schema|database|sequence|function)\\s+(.+)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = kind.match(on);
    const QString kindName = m.hasMatch() ? m.captured(1).toLower() : QStringLiteral("table");
    QString object = m.hasMatch() ? m.captured(2) : on;
    QString error;
    // Tables, sequences and functions are found along the lab's path; schemas and databases by name.
    const bool onPath = kindName != u"schema" && kindName != u"database";
    if (onPath) {
        object = kindName == u"function" ? CatalogNames::function(catalog, object, context.labSchemas, &error)
                                         : CatalogNames::relation(catalog, object, context.labSchemas, &error);
        if (object.isEmpty())
            return fail(check, context, tr("Cannot tell whether %1 may %2 on %3: %4")
                                            .arg(role, privilege, on, error.isEmpty() ? tr("it does not exist") : error));
    }
    const QString has = catalog.value(QStringLiteral("SELECT has_%1_privilege($1, $2%2, $3)")
                                        .arg(kindName, onPath ? QStringLiteral("::oid") : QString()),
                                    {role, object, privilege}, &error);
    if (!error.isEmpty())
        return fail(check, context, tr("Cannot tell whether %1 may %2 on %3: %4").arg(role, privilege, on, error));
    if ((has == u"t") == held)
        return CheckVerdict::pass();
    return fail(check, context, held ? tr("The role %1 cannot %2 on %3 yet.").arg(role, privilege, on)
                                     : tr("The role %1 can still %2 on %3; it should not.").arg(role, privilege, on));
}

CheckVerdict StateCheck::roleAttribute(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const
{
    const QString role = text(check, QStringLiteral("role_attribute"));
    const SqlOutcome found = catalog.exec(
        QStringLiteral("SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolinherit, rolreplication, "
                       "rolbypassrls, rolconnlimit FROM pg_roles WHERE rolname = $1"),
        {role});
    if (!found.ok || found.result.rowCount() == 0)
        return fail(check, context, tr("There is no role named %1.").arg(role));
    for (int i = 0; i < RoleAttributes.size(); ++i) {
        const QString attribute = RoleAttributes.at(i);
        if (!check.fields.contains(attribute))
            continue;
        const QString actual = found.value(0, i);
        const bool isLimit = attribute == u"connection_limit";
        const bool same = isLimit ? actual == text(check, attribute) : (actual == u"t") == flag(check, attribute, false);
        if (!same)
            return fail(check, context, tr("The role %1 has %2 = %3; it should be %4.")
                                            .arg(role, attribute, isLimit ? actual : (actual == u"t" ? QStringLiteral("true") : QStringLiteral("false")),
                                                 text(check, attribute)));
    }
    return CheckVerdict::pass();
}

CheckVerdict StateCheck::setting(const LabCheck &check, const GradingContext &context) const
{
    const QString name = text(check, QStringLiteral("setting"));
    GraderConnection c;
    QString error;
    // Unpinned: the learner's settings are what this check looks at (the call is qualified,
    // so no function of theirs can answer for it).
    if (!context.openAsLearner(c, &error, false))
        return unreachable(error);
    const QString actual = c.value(QStringLiteral("SELECT pg_catalog.current_setting($1)"), {name}, &error);
    if (!error.isEmpty())
        return fail(check, context, error);
    const QString wanted = text(check, QStringLiteral("value"));
    if (actual.compare(wanted, Qt::CaseInsensitive) != 0)
        return fail(check, context, tr("%1 is %2 for a new session in your database; it should be %3.").arg(name, actual, wanted));
    return CheckVerdict::pass();
}

CheckVerdict StateCheck::extension(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const
{
    const QString name = text(check, QStringLiteral("extension"));
    QString error;
    if (catalog.value(QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = $1"), {name}, &error) != u"1")
        return fail(check, context, tr("The extension %1 is not installed in your database.").arg(name));
    return CheckVerdict::pass();
}

CheckVerdict StateCheck::rows(const LabCheck &check, const GradingContext &context, bool every) const
{
    const QString table = text(check, every ? QStringLiteral("every") : QStringLiteral("rows"));
    const QString where = text(check, QStringLiteral("where"));
    const QString condition = where.isEmpty() ? QStringLiteral("true") : where;
    QString error;
    const SqlOutcome counted = asLearner(
        context,
        every ? QStringLiteral("SELECT count(*) FROM %1 WHERE NOT coalesce((%2), false)").arg(table, condition)
              : QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, condition),
        &error);
    if (!error.isEmpty())
        return unreachable(error);
    if (!counted.ok)
        return fail(check, context, tr("Cannot read %1: %2").arg(table, counted.message));
    const qint64 n = counted.value().toLongLong();
    if (every) {
        if (n == 0)
            return CheckVerdict::pass();
        return fail(check, context, tr("%n row(s) of %1 do not satisfy %2.", nullptr, int(n)).arg(table, where));
    }
    const QString count = text(check, QStringLiteral("count"));
    if (count.isEmpty() ? n > 0 : n == count.toLongLong())
        return CheckVerdict::pass();
    return fail(check, context, count.isEmpty()
                                    ? tr("No row of %1 satisfies %2.").arg(table, condition)
                                    : tr("%1 has %2 row(s) where %3; there should be %4.").arg(table).arg(n).arg(condition, count));
}

CheckVerdict StateCheck::assertion(const LabCheck &check, const GradingContext &context) const
{
    QString error;
    const SqlOutcome outcome = asLearner(context, text(check, QStringLiteral("assert")), &error);
    if (!error.isEmpty())
        return unreachable(error);
    if (!outcome.ok)
        return fail(check, context, tr("The check could not read your database: %1").arg(outcome.message));
    if (outcome.value() == u"t")
        return CheckVerdict::pass();
    return fail(check, context, tr("Your database is not yet in the state this step asks for."));
}
