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

bool GradingContext::openAsLearner(GraderConnection &connection, QString *error, bool pinned) const
{
    if (pinned ? !openPinned(connection, learnerConninfo, error) : !connection.open(learnerConninfo, statementTimeoutMs, error))
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

namespace {
// A value as libpq's "options" takes it: spaces and backslashes escaped.
QString optionValue(const QString &value)
{
    return QString(value).replace(u'\\', QStringLiteral("\\\\")).replace(u' ', QStringLiteral("\\ "));
}
} // namespace

bool GradingContext::pinnedOptions(QString *options, QString *error) const
{
    if (m_pinned) {
        *options = *m_pinned;
        return true;
    }
    QStringList path{QStringLiteral("pg_catalog")};
    for (const QString &schema : labSchemas)
        path << GraderConnection::identifier(schema);
    QStringList pins{QStringLiteral("-c search_path=") + optionValue(path.join(u','))};
    GraderConnection catalog;
    if (!openCatalog(catalog, error))
        return false;
    // What the learner may have set: for their database, or for the roles grading logs in
    // and switches to (class mode: the student's own login), everywhere or in this database.
    const QString login = ConnectionInfo(learnerConninfo).value(QStringLiteral("user"));
    const SqlOutcome names = catalog.exec(
        QStringLiteral("SELECT DISTINCT split_part(c, '=', 1) FROM pg_db_role_setting s, unnest(s.setconfig) AS c "
                       "WHERE s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database())) "
                       "AND (s.setrole = 0 OR s.setrole IN (SELECT oid FROM pg_roles WHERE rolname IN ($1, $2))) "
                       "AND (s.setdatabase <> 0 OR s.setrole <> 0) ORDER BY 1"),
        {learnerRole, login});
    if (!names.ok) {
        *error = names.message;
        return false;
    }
    QStringList changed;
    for (int r = 0; r < names.result.rowCount(); ++r) {
        const QString name = names.value(r);
        if (!name.contains(u'.') && name.compare(u"search_path", Qt::CaseInsensitive) != 0)
            changed << name;
    }
    if (!changed.isEmpty()) {
        // The server's own values: as the administrator sees them in the postgres database,
        // or, where that is closed (a class's student), the built-in defaults.
        GraderConnection server;
        QString ignored;
        const bool opened = server.open(ConnectionInfo(adminConninfo).with(QStringLiteral("dbname"), QStringLiteral("postgres")),
                                        statementTimeoutMs, &ignored);
        const SqlOutcome values =
            opened ? server.exec(QStringLiteral("SELECT name, pg_catalog.current_setting(name) FROM pg_catalog.unnest($1::pg_catalog.text[]) AS name"),
                                 {GraderConnection::textArray(changed)})
                   : catalog.exec(QStringLiteral("SELECT name, boot_val FROM pg_settings WHERE name = ANY ($1::text[])"),
                                  {GraderConnection::textArray(changed)});
        if (!values.ok) {
            *error = values.message;
            return false;
        }
        for (int r = 0; r < values.result.rowCount(); ++r)
            pins << QStringLiteral("-c %1=%2").arg(values.value(r, 0), optionValue(values.value(r, 1)));
    }
    m_pinned = std::make_shared<QString>(pins.join(u' '));
    *options = *m_pinned;
    return true;
}

bool GradingContext::openPinned(GraderConnection &connection, const QString &conninfo, QString *error) const
{
    QString pins;
    if (!pinnedOptions(&pins, error))
        return false;
    const ConnectionInfo info(conninfo);
    const QString options = (info.value(QStringLiteral("options")) + u' ' + pins).trimmed();
    return connection.open(info.with(QStringLiteral("options"), options), statementTimeoutMs, error);
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

CheckVerdict CheckGrader::labProblem(const QString &why)
{
    return CheckVerdict::fail(tr("This lab has a problem: %1. It is not your answer's fault: tell your trainer or the "
                                 "author of the course.")
                                  .arg(why));
}

CheckVerdict CheckGrader::failOnOtherData(const LabCheck &check, const GradingContext &context, const QStringList &differences)
{
    CheckVerdict failed = fail(check, context, dataChanged());
    failed.feedback << differences;
    return failed;
}

QString CheckGrader::dataChanged()
{
    return tr("Your query is graded on the lab's data as this step expects it, and your database no longer holds "
              "that data. Reset the lab (and redo the earlier steps as they ask) to check this step:");
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

QStringList GradingContext::dataDifferences(GraderConnection &c, const QList<std::pair<QString, QString>> &read) const
{
    if (!hasExpectedState)
        return {};
    QString error;
    if (!StateDigest::fixTextSettings(c, &error))
        return {CheckGrader::tr("The lab's data could not be compared with yours: %1").arg(error)};
    QList<RelationDigest> compared;
    QList<RelationDigest> actual;
    QStringList missing;
    const SqlOutcome where = c.exec(QStringLiteral("SELECT pg_catalog.current_database()::pg_catalog.text || ' ' || "
                                                   "pg_catalog.pg_current_snapshot()::pg_catalog.text"));
    const QString snapshot = where.ok ? where.value() : QString();
    for (const RelationDigest &expected : expectedState) {
        const bool isRead = read.contains(std::pair{expected.schema, expected.name});
        const QString key = expected.qualifiedName() + u'\n' + expected.columns.join(u',') + (expected.byText ? u't' : u'r');
        QString gone;
        std::optional<RelationDigest> found = isRead && digestCache ? digestCache->find(key, snapshot) : std::nullopt;
        if (!found) {
            found = StateDigest::take(c, expected, isRead, &gone, &error);
            if (found && isRead && digestCache)
                digestCache->insert(key, snapshot, *found);
        }
        if (!gone.isEmpty())
            missing << gone;
        else if (!found)
            return {CheckGrader::tr("The lab's data could not be compared with yours: %1").arg(error)};
        else if (isRead) {
            compared << expected;
            actual << *found;
        }
    }
    return StateDigest::differences(compared, actual, missing);
}
