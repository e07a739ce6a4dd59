#include "errorcheck.h"

#include "graderconnection.h"

#include <QRegularExpression>

QString ErrorCheck::asWithoutSql()
{
    return tr("\"as\" needs the check's own \"sql\": a learner's answer never runs as another role");
}

QStringList ErrorCheck::validate(const LabCheck &check) const
{
    static const QRegularExpression sqlstate(QStringLiteral("^[0-9A-Z]{5}$"));
    QStringList problems;
    if (!sqlstate.match(text(check, QStringLiteral("sqlstate"))).hasMatch())
        problems << tr("\"sqlstate\" must be a five-character SQLSTATE such as 23514");
    if (!text(check, QStringLiteral("as")).isEmpty() && text(check, QStringLiteral("sql")).isEmpty())
        problems << asWithoutSql();
    return problems;
}

CheckVerdict ErrorCheck::grade(const LabCheck &check, const GradingContext &context) const
{
    const QString role = text(check, QStringLiteral("as"));
    const QString sql = text(check, QStringLiteral("sql")).isEmpty() ? context.answer : text(check, QStringLiteral("sql"));
    const QString expected = text(check, QStringLiteral("sqlstate"));
    if (!role.isEmpty() && text(check, QStringLiteral("sql")).isEmpty())
        return CheckVerdict::fail(asWithoutSql()); // never the learner's text with another role's rights
    GraderConnection c;
    QString error;
    const bool opened = role.isEmpty() ? context.openAsLearner(c, &error)
                                       : context.openPinned(c, context.conninfoAs(role), &error);
    if (!opened)
        return unreachable(error);
    // The answer itself must fail: on data it (or anything else) already changed, it may fail
    // for a reason it would not have on the lab's data (taking 5 from a stock it had emptied).
    if (text(check, QStringLiteral("sql")).isEmpty() && context.hasExpectedState) {
        QList<std::pair<QString, QString>> all;
        for (const RelationDigest &table : context.expectedState)
            all.append({table.schema, table.name});
        c.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        const QStringList differences = context.dataDifferences(c, all);
        c.exec(QStringLiteral("ROLLBACK"));
        if (!differences.isEmpty())
            return failOnOtherData(check, context, differences);
    }
    c.exec(QStringLiteral("BEGIN"));
    const SqlOutcome outcome = c.exec(sql);
    c.exec(QStringLiteral("ROLLBACK"));
    const QString who = role.isEmpty() ? tr("you") : role;
    if (outcome.ok)
        return fail(check, context, tr("When %1 ran \"%2\", it worked; it should have been refused (SQLSTATE %3).")
                                        .arg(who, sql.simplified(), expected));
    if (outcome.sqlstate != expected)
        return fail(check, context, tr("When %1 ran \"%2\", it failed, but for another reason: %3 (SQLSTATE %4, expected %5).")
                                        .arg(who, sql.simplified(), outcome.message, outcome.sqlstate, expected));
    return CheckVerdict::pass();
}
