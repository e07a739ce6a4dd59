#include "multisessioncheck.h"

#include "catalognames.h"
#include "graderconnection.h"
#include "learnersessions.h"

#include <QDeadlineTimer>
#include <QMap>

#include <map>

namespace {
const QString Grader = QStringLiteral("grader");

struct Entry
{
    QString session;
    QString sql;
    bool answer = false;
    bool await = false;
    QString expect = QStringLiteral("ok"); // ok, blocks, error, value, rows
    QString expected;                      // the SQLSTATE, value or count
    int waitMs = MultiSessionCheck::DefaultWaitMs;
};

Entry entryFrom(const QVariantMap &map)
{
    Entry e;
    e.session = map.value(QStringLiteral("session")).toString().trimmed();
    e.sql = map.value(QStringLiteral("sql")).toString().trimmed();
    e.answer = map.value(QStringLiteral("answer")).toString() == u"true";
    e.await = map.value(QStringLiteral("await")).toString() == u"true";
    if (map.contains(QStringLiteral("wait_ms")))
        e.waitMs = map.value(QStringLiteral("wait_ms")).toInt();
    const QVariant expect = map.value(QStringLiteral("expect"));
    if (expect.typeId() == QMetaType::QVariantMap) {
        const QVariantMap m = expect.toMap();
        if (!m.isEmpty()) {
            e.expect = m.firstKey();
            e.expected = m.first().toString().trimmed();
        }
    } else if (!expect.toString().isEmpty()) {
        e.expect = expect.toString().trimmed();
    }
    return e;
}

QList<Entry> scriptOf(const LabCheck &check)
{
    QList<Entry> entries;
    for (const QVariant &item : check.fields.value(QStringLiteral("script")).toList())
        entries << entryFrom(item.toMap());
    return entries;
}

QString label(const QString &session)
{
    return session == Grader ? MultiSessionCheck::tr("the grader") : MultiSessionCheck::tr("Session %1").arg(session);
}

// Whether the session's backend waits for a lock another backend holds (on the catalog reader).
bool blockedOnLock(GraderConnection &catalog, int pid)
{
    QString error;
    return catalog.value(QStringLiteral("SELECT cardinality(pg_blocking_pids($1::int)) > 0"), {QString::number(pid)}, &error) == u"t";
}

// What went wrong with one finished statement, or empty when it did what was expected.
QString judge(const Entry &e, const SqlOutcome &outcome)
{
    if (e.expect == u"blocks")
        return MultiSessionCheck::tr("it should have waited for a lock, but it finished at once");
    if (e.expect == u"error") {
        if (outcome.ok)
            return MultiSessionCheck::tr("it should have failed with SQLSTATE %1, but it worked").arg(e.expected);
        if (outcome.sqlstate != e.expected)
            return MultiSessionCheck::tr("it failed with \"%1\" (SQLSTATE %2) instead of SQLSTATE %3")
                .arg(outcome.message, outcome.sqlstate, e.expected);
        return {};
    }
    if (!outcome.ok)
        return MultiSessionCheck::tr("it failed: %1").arg(outcome.message);
    if (e.expect == u"value" && outcome.value() != e.expected)
        return MultiSessionCheck::tr("it returned %1, expected %2")
            .arg(outcome.result.rowCount() == 0 ? MultiSessionCheck::tr("no rows") : outcome.value(), e.expected);
    if (e.expect == u"rows" && QString::number(outcome.result.rowCount()) != e.expected)
        return MultiSessionCheck::tr("it returned %n row(s), expected %1", nullptr, int(outcome.result.rowCount())).arg(e.expected);
    return {};
}
} // namespace

QStringList MultiSessionCheck::validate(const LabCheck &check) const
{
    if (check.fields.contains(QStringLiteral("observe"))) {
        const QVariantList entries = check.fields.value(QStringLiteral("observe")).toList();
        QStringList problems;
        if (entries.isEmpty())
            problems << tr("\"observe\" needs at least one entry");
        for (int i = 0; i < entries.size(); ++i) {
            const QVariantMap entry = entries.at(i).toMap();
            if (entry.value(QStringLiteral("session")).toString().isEmpty())
                problems << tr("observe entry %1 names no session").arg(i + 1);
            if (!entry.contains(QStringLiteral("waits_for")) && !entry.contains(QStringLiteral("state"))
                && !entry.contains(QStringLiteral("holds")))
                problems << tr("observe entry %1 needs waits_for, state or holds").arg(i + 1);
        }
        return problems;
    }
    const QList<Entry> script = scriptOf(check);
    if (script.isEmpty())
        return {tr("a multi-session check needs a \"script\" or \"observe\"")};
    QStringList problems;
    int answers = 0;
    for (int i = 0; i < script.size(); ++i) {
        const Entry &e = script.at(i);
        if (e.session.isEmpty())
            problems << tr("script entry %1 names no session").arg(i + 1);
        if (!e.await && !e.answer && e.sql.isEmpty())
            problems << tr("script entry %1 has no sql, answer or await").arg(i + 1);
        if (!QStringList{QStringLiteral("ok"), QStringLiteral("blocks"), QStringLiteral("error"), QStringLiteral("value"),
                         QStringLiteral("rows")}.contains(e.expect))
            problems << tr("script entry %1 expects \"%2\" (known: ok, blocks, error, value, rows)").arg(i + 1).arg(e.expect);
        answers += e.answer ? 1 : 0;
    }
    if (answers > 1)
        problems << tr("the learner's answer may appear only once in a script");
    return problems;
}

CheckVerdict MultiSessionCheck::grade(const LabCheck &check, const GradingContext &context) const
{
    if (check.fields.contains(QStringLiteral("observe")))
        return gradeObserved(check, context);
    const QList<Entry> script = scriptOf(check);
    std::map<QString, GraderConnection> sessions;
    QString error;
    GraderConnection catalog;
    if (!context.openCatalog(catalog, &error))
        return unreachable(error);
    // The author's "grader" statements run with the learner's rights, through the learner's
    // grader login (not switched to the learner's role, so it is a session of its own).
    if (!sessions[Grader].open(context.learnerConninfo, context.statementTimeoutMs, &error))
        return unreachable(error);
    CheckVerdict verdict = CheckVerdict::pass();
    for (int i = 0; i < script.size() && verdict.passed; ++i) {
        const Entry &e = script.at(i);
        GraderConnection &session = sessions[e.session];
        if (!session.isOpen() && !context.openAsLearner(session, &error))
            return unreachable(error);
        const QString sql = e.answer ? context.answer : e.sql;
        const QString what = e.answer ? tr("your answer") : (e.await ? tr("the statement it was waiting on") : u'"' + sql.simplified() + u'"');
        if (!e.await && (session.isBusy() || !session.send(sql))) {
            verdict = CheckVerdict::fail(tr("%1 could not run %2: it is still waiting.").arg(label(e.session), what));
            break;
        }
        SqlOutcome outcome;
        bool finished = session.wait(e.await ? context.statementTimeoutMs : e.waitMs, &outcome);
        if (!finished && blockedOnLock(catalog, session.backendPid())) {
            if (e.expect == u"blocks")
                continue;
            finished = session.wait(LockGraceMs, &outcome);
            if (!finished)
                verdict = fail(check, context, tr("Step %1: %2 ran %3 and is stuck waiting for a lock another session holds.")
                                                   .arg(i + 1).arg(label(e.session), what));
        } else if (!finished) {
            finished = session.wait(context.statementTimeoutMs, &outcome);
            if (!finished)
                verdict = fail(check, context, tr("Step %1: %2 ran %3, which did not finish in time.").arg(i + 1).arg(label(e.session), what));
        }
        if (finished) {
            const QString wrong = judge(e, outcome);
            if (!wrong.isEmpty())
                verdict = fail(check, context, tr("Step %1: %2 ran %3, and %4.").arg(i + 1).arg(label(e.session), what, wrong));
        }
    }
    for (auto &[name, session] : sessions) {
        session.cancel();
        session.exec(QStringLiteral("ROLLBACK"));
        session.close();
    }
    return verdict;
}

namespace {
struct Observed
{
    QList<int> pids;
    QString state; // of the first backend
    QString waitEvent;
};

Observed observe(GraderConnection &grader, const QString &session, const QString &learnerRole, QString *error)
{
    Observed seen;
    const SqlOutcome found = grader.exec(
        QStringLiteral("SELECT pid, coalesce(state, ''), CASE WHEN wait_event_type IN ('Client', 'Activity') THEN '' "
                       "ELSE coalesce('waiting for ' || wait_event_type || ': ' || wait_event, '') END "
                       "FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 "
                       "AND ($2 = '' OR usename = $2) ORDER BY backend_start"),
        {LearnerSessions::applicationName(session), learnerRole});
    if (!found.ok) {
        *error = found.message;
        return seen;
    }
    for (int row = 0; row < found.result.rowCount(); ++row)
        seen.pids << found.value(row, 0).toInt();
    if (!seen.pids.isEmpty()) {
        seen.state = found.value(0, 1);
        seen.waitEvent = found.value(0, 2);
    }
    return seen;
}

QString pidList(const QList<int> &pids)
{
    QStringList text;
    for (int pid : pids)
        text << QString::number(pid);
    return u'{' + text.join(u',') + u'}';
}
} // namespace

CheckVerdict MultiSessionCheck::gradeObserved(const LabCheck &check, const GradingContext &context) const
{
    GraderConnection grader;
    QString error;
    if (!context.openCatalog(grader, &error))
        return unreachable(error);
    const QVariantList entries = check.fields.value(QStringLiteral("observe")).toList();
    for (const QVariant &item : entries) {
        const QVariantMap entry = item.toMap();
        const QString session = entry.value(QStringLiteral("session")).toString();
        const Observed seen = observe(grader, session, context.learnerRole, &error);
        if (!error.isEmpty())
            return unreachable(error);
        if (seen.pids.isEmpty())
            return fail(check, context, tr("Session %1 is not connected to your lab database (is its tab closed?).").arg(session));
        const QString described = seen.waitEvent.isEmpty() ? seen.state : seen.state + QStringLiteral(", ") + seen.waitEvent;

        const QString other = entry.value(QStringLiteral("waits_for")).toString();
        if (!other.isEmpty()) {
            const Observed blocker = observe(grader, other, context.learnerRole, &error);
            const QString blocked = grader.value(
                QStringLiteral("SELECT count(*) FROM unnest($1::int[]) AS waiting(pid) "
                               "WHERE pg_blocking_pids(waiting.pid) && $2::int[]"),
                {pidList(seen.pids), pidList(blocker.pids)}, &error);
            if (!error.isEmpty())
                return unreachable(error);
            if (blocked.toInt() == 0)
                return fail(check, context, tr("Session %1 is not waiting for a lock Session %2 holds; it is %3.")
                                                .arg(session, other, described));
        }
        const QString state = entry.value(QStringLiteral("state")).toString();
        if (!state.isEmpty() && seen.state != state)
            return fail(check, context, tr("Session %1 is %2; it should be %3.").arg(session, described, state));
        const QString mode = entry.value(QStringLiteral("holds")).toString();
        if (!mode.isEmpty()) {
            const QString relation = entry.value(QStringLiteral("on")).toString();
            const QString oid = relation.isEmpty() ? QString() : CatalogNames::relation(grader, relation, context.labSchemas, &error);
            const SqlOutcome locks = grader.exec(
                QStringLiteral("SELECT count(*) FILTER (WHERE mode = $2 AND ($3 = '' OR relation = $4::oid)), "
                               "string_agg(DISTINCT mode || coalesce(' on ' || %1, ''), ', ') "
                               "FROM pg_locks WHERE granted AND pid = ANY ($1::int[]) AND locktype <> 'virtualxid'")
                    .arg(CatalogNames::shownRelationSql(QStringLiteral("relation"), QStringLiteral("$5"))),
                {pidList(seen.pids), mode, relation, oid.isEmpty() ? QStringLiteral("0") : oid,
                 GraderConnection::textArray(context.labSchemas)});
            if (!locks.ok)
                return unreachable(locks.message);
            if (locks.value(0, 0).toInt() == 0) {
                const QString what = relation.isEmpty() ? mode : tr("%1 on %2").arg(mode, relation);
                const QString held = locks.value(0, 1);
                return fail(check, context, held.isEmpty() ? tr("Session %1 holds no %2 lock; it holds none.").arg(session, what)
                                                           : tr("Session %1 holds no %2 lock (it holds: %3).").arg(session, what, held));
            }
        }
    }
    return CheckVerdict::pass();
}
