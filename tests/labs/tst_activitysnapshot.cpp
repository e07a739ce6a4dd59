#include "activitysnapshot.h"
#include "graderconnection.h"
#include "throwawayserver.h"

#include <QTest>

// Real sessions on a real server: one holds a row lock, two wait for it (one of them
// behind the other too); the snapshot shows who waits for whom, and cancel ends a wait.
class tst_ActivitySnapshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void blockingTreeOfRealSessions();

private:
    ActivitySnapshot snapshot();
    ThrowawayServer m_server;
    GraderConnection m_monitor;
};

void tst_ActivitySnapshot::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QString error;
    QVERIFY2(m_monitor.open(m_server.connectionString(), 0, &error), qPrintable(error));
    QVERIFY(m_monitor.exec(QStringLiteral("CREATE TABLE accounts (id int PRIMARY KEY, balance int); "
                                          "INSERT INTO accounts VALUES (1, 100), (2, 50)"))
                .ok);
}

ActivitySnapshot tst_ActivitySnapshot::snapshot()
{
    const SqlOutcome taken = m_monitor.exec(ActivitySnapshot::query());
    return ActivitySnapshot::fromResult(taken.result);
}

void tst_ActivitySnapshot::blockingTreeOfRealSessions()
{
    QString error;
    GraderConnection holder, waiter, queued;
    for (GraderConnection *c : {&holder, &waiter, &queued})
        QVERIFY2(c->open(m_server.connectionString(), 0, &error), qPrintable(error));
    QVERIFY(holder.exec(QStringLiteral("BEGIN; UPDATE accounts SET balance = balance - 10 WHERE id = 1")).ok);
    QVERIFY(waiter.send(QStringLiteral("UPDATE accounts SET balance = balance + 10 WHERE id = 1")));
    QTRY_COMPARE(snapshot().blockedCount(), 1);
    // The third waits for the row too: behind the holder, and in the lock queue behind the waiter.
    QVERIFY(queued.send(QStringLiteral("SELECT * FROM accounts WHERE id = 1 FOR UPDATE")));
    const int h = holder.backendPid(), w = waiter.backendPid(), q = queued.backendPid();
    QTRY_COMPARE(snapshot().blockedCount(), 2);

    const ActivitySnapshot s = snapshot();
    QVERIFY(!s.backend(m_monitor.backendPid())); // the one asking is left out
    const BackendActivity *held = s.backend(h);
    QVERIFY(held);
    QCOMPARE(held->state, QStringLiteral("idle in transaction"));
    QVERIFY(held->transactionMs >= 0);
    QVERIFY(held->blockedBy.isEmpty());
    const BackendActivity *waiting = s.backend(w);
    QCOMPARE(waiting->state, QStringLiteral("active"));
    QCOMPARE(waiting->waitEventType, QStringLiteral("Lock"));
    QCOMPARE(waiting->waitEvent, QStringLiteral("transactionid"));
    QCOMPARE(waiting->blockedBy, QList<int>{h});
    QVERIFY(waiting->query.startsWith(QStringLiteral("UPDATE accounts")));
    QCOMPARE(s.backend(q)->waitEvent, QStringLiteral("tuple")); // queued for the row lock the waiter holds
    QVERIFY(!s.backend(q)->blockedBy.isEmpty());
    QCOMPARE(s.roots().first(), h); // the blocker heads the tree
    QVERIFY(s.waitingFor(h).contains(w));
    for (int blocker : s.backend(q)->blockedBy)
        QVERIFY(s.waitingFor(blocker).contains(q));
    QVERIFY(!s.roots().contains(w) && !s.roots().contains(q));

    // Cancelling the waiter ends its statement with 57014; the other still waits.
    QVERIFY(m_monitor.exec(ActivitySnapshot::cancelQuery(w)).ok);
    SqlOutcome cancelled;
    QVERIFY(waiter.wait(10000, &cancelled));
    QCOMPARE(cancelled.sqlstate, QStringLiteral("57014"));
    QTRY_COMPARE(snapshot().blockedCount(), 1);
    // Terminating the holder frees the row: the queued one gets it.
    QVERIFY(m_monitor.exec(ActivitySnapshot::terminateQuery(h)).ok);
    SqlOutcome got;
    QVERIFY(queued.wait(10000, &got));
    QVERIFY2(got.ok, qPrintable(got.message));
    QCOMPARE(got.result.rowCount(), 1);
    QTRY_COMPARE(snapshot().blockedCount(), 0);
    QVERIFY(!snapshot().backend(h));
}

QTEST_GUILESS_MAIN(tst_ActivitySnapshot)
#include "tst_activitysnapshot.moc"
