#include "errorcheck.h"

#include "graderconnection.h"

#include <QRegularExpression>

QStringList ErrorCheck::validate(const LabCheck &check) const
{
    static const QRegularExpression sqlstate(QStringLiteral("^[0-9A-Z]{5}$"));
    if (!sqlstate.match(text(check, QStringLiteral("sqlstate"))).hasMatch())
        return {tr("\"sqlstate\" must be a five-character SQLSTATE such as 23514")};
    return {};
}

CheckVerdict ErrorCheck::grade(const LabCheck &check, const GradingContext &context) const
{
    const QString role = text(check, QStringLiteral("as"));
    const QString sql = text(check, QStringLiteral("sql")).isEmpty() ? context.answer : text(check, QStringLiteral("sql"));
    const QString expected = text(check, QStringLiteral("sqlstate"));
    GraderConnection c;
    QString error;
    const bool opened = role.isEmpty() ? context.openAsLearner(c, &error)
                                       : c.open(context.conninfoAs(role), context.statementTimeoutMs, &error);
    if (!opened)
        return unreachable(error);
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
