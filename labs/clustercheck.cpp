#include "clustercheck.h"

#include "connectioninfo.h"
#include "graderconnection.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QThread>

QStringList ClusterCheck::validate(const LabCheck &check) const
{
    const QStringList known = {QStringLiteral("setting"), QStringLiteral("pending_restart"), QStringLiteral("archived"),
                               QStringLiteral("assert")};
    if (std::none_of(known.begin(), known.end(), [&](const QString &f) { return check.fields.contains(f); }))
        return {tr("a cluster check needs one of: %1").arg(known.join(QStringLiteral(", ")))};
    if (check.fields.contains(QStringLiteral("setting")) && text(check, QStringLiteral("value")).isEmpty())
        return {missing(QStringLiteral("value"))};
    return {};
}

CheckVerdict ClusterCheck::grade(const LabCheck &check, const GradingContext &context) const
{
    if (context.clusterConninfo.isEmpty())
        return CheckVerdict::fail(tr("This check needs the lab's own cluster, and it is not running."));
    const QString database = text(check, QStringLiteral("database"));
    GraderConnection c;
    QString error;
    const QString conninfo = database.isEmpty() ? context.clusterConninfo
                                                : ConnectionInfo(context.clusterConninfo).with(QStringLiteral("dbname"), database);
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
    if (check.fields.contains(QStringLiteral("assert"))) {
        const SqlOutcome outcome = c.exec(text(check, QStringLiteral("assert")));
        if (!outcome.ok)
            return fail(check, context, tr("The check could not read the cluster: %1").arg(outcome.message));
        if (outcome.value() != u"t")
            return fail(check, context, tr("The cluster is not yet in the state this step asks for."));
    }
    return CheckVerdict::pass();
}
