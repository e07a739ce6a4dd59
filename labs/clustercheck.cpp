#include "clustercheck.h"

#include "connectioninfo.h"
#include "graderconnection.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

namespace {
// One line per object of a database's own schemas, with what a dump must keep: table rows
// (count and a hash of their text), view and index definitions, constraints, sequence
// positions, functions. Two databases with the same lines hold the same things.
const char *const Inventory = R"sql(
WITH own AS (SELECT oid, nspname FROM pg_namespace
             WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'),
tables AS (SELECT own.nspname, c.relname, query_to_xml(format(
             'SELECT count(*) || '' rows, '' || md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) AS x '
             'FROM %I.%I t', own.nspname, c.relname), false, true, '') AS summary
           FROM pg_class c JOIN own ON own.oid = c.relnamespace WHERE c.relkind IN ('r', 'p'))
SELECT line FROM (
  SELECT format('table %I.%I: %s', nspname, relname, (xpath('/row/x/text()', summary))[1]::text) AS line FROM tables
  UNION ALL
  SELECT format('view %I.%I: %s', own.nspname, c.relname, pg_get_viewdef(c.oid))
    FROM pg_class c JOIN own ON own.oid = c.relnamespace WHERE c.relkind IN ('v', 'm')
  UNION ALL
  SELECT format('index %s', pg_get_indexdef(i.indexrelid))
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN own ON own.oid = c.relnamespace
  UNION ALL
  SELECT format('constraint %I on %s: %s', con.conname, con.conrelid::regclass, pg_get_constraintdef(con.oid))
    FROM pg_constraint con JOIN own ON own.oid = con.connamespace WHERE con.conrelid <> 0
  UNION ALL
  SELECT format('sequence %I.%I at %s', own.nspname, c.relname, coalesce(pg_sequence_last_value(c.oid)::text, 'start'))
    FROM pg_class c JOIN own ON own.oid = c.relnamespace WHERE c.relkind = 'S'
  UNION ALL
  SELECT format('function %I.%I(%s)', own.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
    FROM pg_proc p JOIN own ON own.oid = p.pronamespace
) lines ORDER BY line
)sql";

struct ProgramRun
{
    bool ok = false;
    QString errors; // the first error lines (or whatever it printed) when it failed
};

ProgramRun runProgram(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    ProgramRun run;
    if (!process.waitForStarted(10000)) {
        run.errors = process.errorString();
        return run;
    }
    process.waitForFinished(120000);
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    const QStringList lines = QString::fromLocal8Bit(process.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
    QStringList errors;
    for (const QString &line : lines) {
        if (line.contains(QStringLiteral("error:")))
            errors << line.section(QStringLiteral("error: "), -1).trimmed();
    }
    run.errors = (errors.isEmpty() ? lines : errors).mid(0, 2).join(u' ');
    return run;
}

QStringList inventory(const QString &conninfo, QString *error)
{
    GraderConnection c;
    if (!c.open(conninfo, 0, error))
        return {};
    const SqlOutcome outcome = c.readOnly(QString::fromUtf8(Inventory));
    if (!outcome.ok) {
        *error = outcome.message;
        return {};
    }
    QStringList lines;
    for (int row = 0; row < outcome.result.rowCount(); ++row)
        lines << outcome.value(row, 0);
    return lines;
}
} // namespace

QStringList ClusterCheck::validate(const LabCheck &check) const
{
    const QStringList known = {QStringLiteral("setting"),   QStringLiteral("pending_restart"), QStringLiteral("archived"),
                               QStringLiteral("streaming"), QStringLiteral("slot"),            QStringLiteral("recovered"),
                               QStringLiteral("round_trip"), QStringLiteral("assert")};
    if (std::none_of(known.begin(), known.end(), [&](const QString &f) { return check.fields.contains(f); }))
        return {tr("a cluster check needs one of: %1").arg(known.join(QStringLiteral(", ")))};
    if (check.fields.contains(QStringLiteral("setting")) && text(check, QStringLiteral("value")).isEmpty())
        return {missing(QStringLiteral("value"))};
    const QString on = text(check, QStringLiteral("on"));
    if (!on.isEmpty() && on != u"primary" && on != u"standby")
        return {tr("\"on\" is either primary or standby")};
    return {};
}

QString ClusterCheck::streamingProblem(const LabCheck &check, GraderConnection &primary) const
{
    const QString slot = text(check, QStringLiteral("slot"));
    const bool wantStreaming = flag(check, QStringLiteral("streaming"), false);
    QString error;
    if (!slot.isEmpty()) {
        const QString found = primary.value(QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name = $1"),
                                            {slot}, &error);
        if (!error.isEmpty())
            return error;
        if (found != u"1") {
            const QString others = primary.value(QStringLiteral("SELECT string_agg(slot_name, ', ' ORDER BY slot_name) "
                                                                "FROM pg_replication_slots"),
                                                 {}, &error);
            return others.isEmpty() ? tr("The primary has no replication slot named %1; it has none at all.").arg(slot)
                                    : tr("The primary has no replication slot named %1 (it has: %2).").arg(slot, others);
        }
    }
    if (!wantStreaming)
        return {};
    // A standby told to use a slot reconnects after a reload: give the WAL sender a moment.
    const QString query = slot.isEmpty()
        ? QStringLiteral("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
        : QStringLiteral("SELECT count(*) FROM pg_stat_replication r JOIN pg_replication_slots s ON s.active_pid = r.pid "
                         "WHERE r.state = 'streaming' AND s.slot_name = $1");
    const QStringList parameters = slot.isEmpty() ? QStringList() : QStringList{slot};
    for (QDeadlineTimer deadline(StreamingWaitMs);; QThread::msleep(200)) {
        if (primary.value(query, parameters, &error).toInt() > 0)
            return {};
        if (!error.isEmpty())
            return error;
        if (deadline.hasExpired())
            break;
    }
    const QString streaming = primary.value(QStringLiteral("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"),
                                            {}, &error);
    if (slot.isEmpty() || streaming == u"0")
        return tr("No standby is streaming from the primary (pg_stat_replication has no streaming row).");
    return tr("A standby streams, but not through the slot %1: set primary_slot_name on the standby and reload it.").arg(slot);
}

QString ClusterCheck::recoveryProblem(GraderConnection &c) const
{
    const SqlOutcome state = c.exec(QStringLiteral(
        "SELECT pg_is_in_recovery(), "
        "CASE WHEN pg_is_in_recovery() THEN pg_get_wal_replay_pause_state() ELSE '' END, "
        "(SELECT count(*) FROM pg_ls_waldir() WHERE name LIKE '%.history')"));
    if (!state.ok)
        return state.message;
    if (state.value(0, 0) == u"t")
        return state.value(0, 1) == u"paused"
            ? QString()
            : tr("The cluster is still replaying WAL and has not stopped at a recovery target yet.");
    if (state.value(0, 2).toInt() > 0)
        return {};
    return tr("The cluster has not been through point-in-time recovery: it is still on its first timeline. Set "
              "restore_command and a recovery target with ALTER SYSTEM, then press Recover.");
}

QString ClusterCheck::roundTripProblem(const QString &database, const GradingContext &context) const
{
    QTemporaryDir work;
    const QString dump = work.filePath(QStringLiteral("round-trip.dump"));
    const QString copy = database + QStringLiteral("_round_trip");
    const QString source = ConnectionInfo(context.clusterConninfo).with(QStringLiteral("dbname"), database);
    const QString target = ConnectionInfo(context.clusterConninfo).with(QStringLiteral("dbname"), copy);
    const QDir programs(context.binaryDirectory);
    GraderConnection admin;
    QString error;
    if (!admin.open(context.clusterConninfo, 0, &error))
        return error;
    const auto dropCopy = [&] {
        admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(GraderConnection::identifier(copy)));
    };
    if (admin.value(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {database}, &error) != u"1")
        return tr("There is no database named %1.").arg(database);
    const ProgramRun dumped = runProgram(programs.filePath(QStringLiteral("pg_dump")),
                                         {QStringLiteral("--format=custom"), QStringLiteral("--file=") + dump,
                                          QStringLiteral("--dbname=") + source});
    if (!dumped.ok)
        return tr("pg_dump of %1 failed: %2").arg(database, dumped.errors);
    dropCopy();
    const SqlOutcome created = admin.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0")
                                              .arg(GraderConnection::identifier(copy)));
    if (!created.ok)
        return created.message;
    const ProgramRun restored = runProgram(programs.filePath(QStringLiteral("pg_restore")),
                                           {QStringLiteral("--exit-on-error"), QStringLiteral("--dbname=") + target, dump});
    if (!restored.ok) {
        dropCopy();
        return tr("pg_restore of the dump into a new database failed: %1").arg(restored.errors);
    }
    const QStringList before = inventory(source, &error);
    const QStringList after = error.isEmpty() ? inventory(target, &error) : QStringList();
    dropCopy();
    if (!error.isEmpty())
        return error;
    QStringList lost;
    for (const QString &line : before) {
        if (!after.contains(line))
            lost << line;
    }
    if (lost.isEmpty() && before.size() == after.size())
        return {};
    if (lost.isEmpty())
        return tr("The restored copy has more than the original.");
    return tr("The restored copy differs from %1: %2").arg(database, lost.mid(0, 3).join(QStringLiteral("; ")));
}

CheckVerdict ClusterCheck::grade(const LabCheck &check, const GradingContext &context) const
{
    if (context.clusterConninfo.isEmpty())
        return CheckVerdict::fail(tr("This check needs the lab's own cluster, and it is not running."));
    const bool onStandby = text(check, QStringLiteral("on")) == u"standby";
    if (onStandby && context.standbyConninfo.isEmpty())
        return CheckVerdict::fail(tr("This check needs the lab's standby, and the lab has none."));
    const QString database = text(check, QStringLiteral("database"));
    const QString server = onStandby ? context.standbyConninfo : context.clusterConninfo;
    GraderConnection c;
    QString error;
    const QString conninfo = database.isEmpty() ? server : ConnectionInfo(server).with(QStringLiteral("dbname"), database);
    if (!c.open(conninfo, context.statementTimeoutMs, &error))
        return CheckVerdict::fail(tr("The grader could not connect to the lab's cluster: %1").arg(error));

    if (check.fields.contains(QStringLiteral("setting"))) {
        const QString name = text(check, QStringLiteral("setting"));
        const QString actual = c.value(QStringLiteral("SELECT current_setting($1)"), {name}, &error);
        const QString wanted = text(check, QStringLiteral("value"));
        if (!error.isEmpty())
            return fail(check, context, error);
        if (actual.compare(wanted, Qt::CaseInsensitive) != 0)
            return fail(check, context, tr("A new session sees %1 = %2; it should see %3. (SET changes only your own "
                                           "session; ALTER SYSTEM needs a reload, some settings a restart.)")
                                            .arg(name, actual, wanted));
    }
    if (check.fields.contains(QStringLiteral("pending_restart"))) {
        const QString waiting = c.value(QStringLiteral("SELECT string_agg(name, ', ' ORDER BY name) FROM pg_settings "
                                                       "WHERE pending_restart"),
                                        {}, &error);
        const bool wantPending = flag(check, QStringLiteral("pending_restart"), false);
        if (wantPending == waiting.isEmpty())
            return fail(check, context, wantPending ? tr("No changed setting is waiting for a restart.")
                                                    : tr("These settings wait for a restart: %1.").arg(waiting));
    }
    if (flag(check, QStringLiteral("archived"), false)) {
        // The archiver works on its own time: give it a moment after a segment is complete.
        bool archived = false;
        for (QDeadlineTimer deadline(ArchiveWaitMs); !archived; QThread::msleep(100)) {
            const QString last = c.value(QStringLiteral("SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver"), {}, &error);
            archived = !last.isEmpty() && last.left(24) >= context.firstSegment
                && QFileInfo::exists(QDir(context.archiveDirectory).filePath(last));
            if (deadline.hasExpired())
                break;
        }
        if (!archived)
            return fail(check, context, tr("No WAL segment has reached the archive yet."));
    }
    if (check.fields.contains(QStringLiteral("streaming")) || check.fields.contains(QStringLiteral("slot"))) {
        GraderConnection primary;
        if (!primary.open(context.clusterConninfo, context.statementTimeoutMs, &error))
            return CheckVerdict::fail(tr("The grader could not connect to the lab's cluster: %1").arg(error));
        const QString problem = streamingProblem(check, primary);
        if (!problem.isEmpty())
            return fail(check, context, problem);
    }
    if (flag(check, QStringLiteral("recovered"), false)) {
        const QString problem = recoveryProblem(c);
        if (!problem.isEmpty())
            return fail(check, context, problem);
    }
    if (check.fields.contains(QStringLiteral("round_trip"))) {
        const QString problem = roundTripProblem(text(check, QStringLiteral("round_trip")), context);
        if (!problem.isEmpty())
            return fail(check, context, problem);
    }
    if (check.fields.contains(QStringLiteral("assert"))) {
        const SqlOutcome outcome = c.exec(text(check, QStringLiteral("assert")));
        if (!outcome.ok)
            return fail(check, context, tr("The check could not read the cluster: %1").arg(outcome.message));
        if (outcome.value() != u"t")
            return fail(check, context, tr("The cluster is not yet in the state this step asks for."));
    }
    return CheckVerdict::pass();
}
