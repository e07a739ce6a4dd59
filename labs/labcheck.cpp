#include "labcheck.h"

#include "clustercheck.h"
#include "connectioninfo.h"
#include "errorcheck.h"
#include "graderconnection.h"
#include "multisessioncheck.h"
#include "plancheck.h"
#include "resultcheck.h"
#include "statecheck.h"
#include "statementsplitter.h"

QString GradingContext::conninfoAs(const QString &role) const
{
    return ConnectionInfo(learnerConninfo).with(QStringLiteral("user"), role);
}

bool GradingContext::openAsLearner(GraderConnection &connection, QString *error) const
{
    if (!connection.open(learnerConninfo, statementTimeoutMs, error))
        return false;
    if (learnerRole.isEmpty())
        return true;
    const SqlOutcome set = connection.exec(QStringLiteral("SET ROLE ") + GraderConnection::identifier(learnerRole));
    if (!set.ok)
        *error = set.message;
    return set.ok;
}

bool GradingContext::openCatalog(GraderConnection &connection, QString *error) const
{
    // Startup options outrank every setting kept with the database or a role.
    const ConnectionInfo admin(adminConninfo);
    const QString pinned = QStringLiteral("-c search_path=pg_catalog,pg_temp -c default_transaction_read_only=on "
                                          "-c client_encoding=UTF8 -c local_preload_libraries=");
    const QString options = (admin.value(QStringLiteral("options")) + u' ' + pinned).trimmed();
    if (!connection.open(admin.with(QStringLiteral("options"), options), statementTimeoutMs, error))
        return false;
    // A role the database's settings switch to would read with someone else's eyes.
    const QString same = connection.value(QStringLiteral("SELECT current_user = session_user"), {}, error);
    if (same == u"t")
        return true;
    if (error->isEmpty())
        *error = CheckGrader::tr("the database's settings change the role of the grader's connection");
    connection.close();
    return false;
}

ScriptUnit GradingContext::learnerUnit() const
{
    const QList<ScriptUnit> units = StatementSplitter::split(answer);
    for (auto unit = units.crbegin(); unit != units.crend(); ++unit) {
        if (unit->kind == ScriptUnit::Kind::Query && !StatementSplitter::isOnlyComments(unit->text))
            return *unit;
    }
    return {};
}

const CheckGrader *CheckGrader::forKind(const QString &kind)
{
    static const ResultCheck result;
    static const StateCheck state;
    static const PlanCheck plan;
    static const ErrorCheck error;
    static const MultiSessionCheck multiSession;
    static const ClusterCheck cluster;
    if (kind == u"result")
        return &result;
    if (kind == u"state")
        return &state;
    if (kind == u"plan")
        return &plan;
    if (kind == u"error")
        return &error;
    if (kind == u"multi-session")
        return &multiSession;
    if (kind == u"cluster")
        return &cluster;
    return nullptr;
}

QString CheckGrader::text(const LabCheck &check, const QString &field)
{
    return check.fields.value(field).toString().trimmed();
}

bool CheckGrader::flag(const LabCheck &check, const QString &field, bool fallback)
{
    const QString value = text(check, field).toLower();
    if (value == u"true" || value == u"yes" || value == u"on")
        return true;
    if (value == u"false" || value == u"no" || value == u"off")
        return false;
    return fallback;
}

QStringList CheckGrader::list(const LabCheck &check, const QString &field)
{
    const QVariant value = check.fields.value(field);
    QStringList items;
    if (value.typeId() == QMetaType::QVariantList) {
        for (const QVariant &item : value.toList())
            items << item.toString().trimmed();
    } else if (!value.toString().trimmed().isEmpty()) {
        for (const QString &item : value.toString().split(u','))
            items << item.trimmed();
    }
    return items;
}

QString CheckGrader::authorMessage(const LabCheck &check, const QString &language)
{
    const QVariantMap message = check.fields.value(QStringLiteral("message")).toMap();
    const QString text = message.value(language).toString().trimmed();
    return text.isEmpty() ? message.value(QStringLiteral("en")).toString().trimmed() : text;
}

CheckVerdict CheckGrader::fail(const LabCheck &check, const GradingContext &context, const QString &why)
{
    const QString own = authorMessage(check, context.language);
    CheckVerdict verdict = CheckVerdict::fail(why);
    if (!own.isEmpty())
        verdict.feedback.prepend(own);
    return verdict;
}

CheckVerdict CheckGrader::unreachable(const QString &error)
{
    return CheckVerdict::fail(tr("The grader could not connect to your database: %1").arg(error));
}

QString CheckGrader::joinedStatements()
{
    return tr("Your last query joins several statements into one with \\;. The check grades one query: "
              "end each statement with ; and put the query last.");
}

QString CheckGrader::missing(const QString &field)
{
    return tr("the check needs \"%1\"").arg(field);
}
