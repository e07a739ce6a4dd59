#include "multisessioncheck.h"

#include "graderconnection.h"

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

// Whether the session's backend waits for a lock another backend holds.
bool blockedOnLock(GraderConnection &grader, int pid)
{
    QString error;
    return grader.value(QStringLiteral("SELECT cardinality(pg_blocking_pids($1::int)) > 0"), {QString::number(pid)}, &error) == u"t";
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
    const QList<Entry> script = scriptOf(check);
    if (script.isEmpty())
        return {tr("a multi-session check needs a \"script\"")};
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
    const QList<Entry> script = scriptOf(check);
    std::map<QString, GraderConnection> sessions;
    QString error;
    GraderConnection &grader = sessions[Grader];
    if (!grader.open(context.adminConninfo, context.statementTimeoutMs, &error))
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
        if (!finished && blockedOnLock(grader, session.backendPid())) {
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
        if (name != Grader)
            session.exec(QStringLiteral("ROLLBACK"));
        session.close();
    }
    return verdict;
}
