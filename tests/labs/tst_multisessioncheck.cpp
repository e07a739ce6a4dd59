#include "gradingfixture.h"

#include <QTest>

namespace {
const QString Setup = QStringLiteral(
    "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL);\n"
    "INSERT INTO accounts VALUES (1, 100), (2, 50);");

const QString RepeatableRead = QStringLiteral(R"(kind: multi-session
script:
  - {session: A, answer: true}
  - {session: A, sql: SELECT balance FROM accounts WHERE id = 1, expect: {value: "100"}}
  - {session: B, sql: UPDATE accounts SET balance = 0 WHERE id = 1}
  - {session: A, sql: SELECT balance FROM accounts WHERE id = 1, expect: {value: "100"}}
)");

const QString NoWait = QStringLiteral(R"(kind: multi-session
script:
  - {session: A, sql: BEGIN}
  - {session: A, sql: SELECT * FROM accounts WHERE id = 1 FOR UPDATE}
  - {session: B, answer: true, expect: {error: 55P03}}
)");

const QString LockWait = QStringLiteral(R"(kind: multi-session
script:
  - {session: A, sql: BEGIN}
  - {session: A, sql: UPDATE accounts SET balance = balance - 10 WHERE id = 1}
  - {session: B, sql: UPDATE accounts SET balance = balance + 10 WHERE id = 1, expect: blocks}
  - {session: grader, sql: "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'", expect: {value: "1"}}
  - {session: A, answer: true}
  - {session: B, await: true, expect: {rows: 0}}
)");

const QString Deadlock = QStringLiteral(R"(kind: multi-session
script:
  - {session: A, sql: BEGIN}
  - {session: B, sql: BEGIN}
  - {session: A, sql: UPDATE accounts SET balance = 1 WHERE id = 1}
  - {session: B, sql: UPDATE accounts SET balance = 2 WHERE id = 2}
  - {session: A, sql: UPDATE accounts SET balance = 1 WHERE id = 2, expect: blocks}
  - {session: B, answer: true}
  - {session: A, await: true, expect: {error: 40P01}}
)");

const QString Advisory = QStringLiteral(R"(kind: multi-session
script:
  - {session: A, sql: SELECT pg_advisory_lock(42)}
  - {session: B, answer: true, expect: {value: "f"}}
)");

// The learner drives Session A and Session B; the check looks at them as they are.
const QString Waiting = QStringLiteral(R"(kind: multi-session
observe:
  - {session: A, state: idle in transaction, holds: RowExclusiveLock, on: accounts}
  - {session: B, waits_for: A}
)");
} // namespace

// kind: multi-session: scripted interleavings of real sessions, with locks and snapshots.
class tst_MultiSessionCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void grade_data();
    void grade();
    void sessionsEndWithTheScript();
    void learnerDrivenSessions_data();
    void learnerDrivenSessions();

private:
    GradingFixture m_fixture;
};

void tst_MultiSessionCheck::initTestCase()
{
    QString error;
    GradingFixture::LabData lab;
    lab.setup = Setup;
    lab.sessions = {QStringLiteral("A"), QStringLiteral("B")};
    QVERIFY2(m_fixture.start(lab, &error), qPrintable(error));
}

void tst_MultiSessionCheck::grade_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("passes");
    QTest::addColumn<QString>("feedback");

    QTest::newRow("repeatable read keeps the snapshot") << RepeatableRead << "BEGIN ISOLATION LEVEL REPEATABLE READ;" << true << "";
    QTest::newRow("read committed sees the update") << RepeatableRead << "BEGIN;" << false << "returned 0, expected 100";
    QTest::newRow("NOWAIT fails at once") << NoWait << "SELECT * FROM accounts WHERE id = 1 FOR UPDATE NOWAIT;" << true << "";
    QTest::newRow("FOR UPDATE waits") << NoWait << "SELECT * FROM accounts WHERE id = 1 FOR UPDATE;" << false << "stuck";
    QTest::newRow("SKIP LOCKED skips without an error")
        << NoWait << "SELECT * FROM accounts WHERE id = 1 FOR UPDATE SKIP LOCKED;" << false << "it worked";
    QTest::newRow("commit releases the waiter") << LockWait << "COMMIT;" << true << "";
    QTest::newRow("a waiter that is never released") << LockWait << "SELECT 1;" << false << "";
    QTest::newRow("a deadlock is detected") << Deadlock << "UPDATE accounts SET balance = 2 WHERE id = 1;" << true << "";
    QTest::newRow("no deadlock without the crossing update") << Deadlock << "COMMIT;" << false << "it worked";
    QTest::newRow("an advisory lock is held") << Advisory << "SELECT pg_try_advisory_lock(42);" << true << "";
    QTest::newRow("another advisory key is free") << Advisory << "SELECT pg_try_advisory_lock(7);" << false << "returned t";
}

void tst_MultiSessionCheck::grade()
{
    QFETCH(QString, check);
    QFETCH(QString, answer);
    QFETCH(bool, passes);
    QFETCH(QString, feedback);
    const CheckVerdict verdict = m_fixture.grade(check, answer, false);
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, passes, feedback, &why), qPrintable(why));
}

void tst_MultiSessionCheck::sessionsEndWithTheScript()
{
    QVERIFY(m_fixture.grade(LockWait, QStringLiteral("COMMIT;"), false).passed);
    // A committed its -10 and B's autocommit +10 followed once A let go; no session stays behind.
    QCOMPARE(queryScalar(m_fixture.environment().learnerConninfo(), QStringLiteral("SELECT balance FROM accounts WHERE id = 1")),
             QStringLiteral("100"));
    QCOMPARE(queryScalar(m_fixture.server().connectionString(),
                         QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname LIKE 'lab_%' AND pid <> pg_backend_pid()")),
             QStringLiteral("0"));
}

void tst_MultiSessionCheck::learnerDrivenSessions_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("passes");
    QTest::addColumn<QString>("feedback");

    const QString aUpdates = QStringLiteral("-- session A\nBEGIN;\nUPDATE accounts SET balance = balance - 10 WHERE id = 1;\n");
    QTest::newRow("B waits for A's row lock")
        << Waiting << aUpdates + "-- session B\nUPDATE accounts SET balance = 0 WHERE id = 1;" << true << "";
    QTest::newRow("B touches another row")
        << Waiting << aUpdates + "-- session B\nUPDATE accounts SET balance = 0 WHERE id = 2;" << false
        << "Session B is not waiting for a lock Session A holds; it is idle";
    QTest::newRow("A committed: nothing to wait for")
        << Waiting << aUpdates + "COMMIT;\n-- session B\nUPDATE accounts SET balance = 0 WHERE id = 1;" << false
        << "Session A is idle; it should be idle in transaction";
    QTest::newRow("A only reads")
        << Waiting << "BEGIN;\nSELECT * FROM accounts;\n-- session B\nSELECT 1;" << false
        << "Session A holds no RowExclusiveLock on accounts lock (it holds: AccessShareLock on accounts";
    QTest::newRow("B never connected")
        << Waiting << aUpdates << false << "Session B is not connected";
    QTest::newRow("a lock wait the other way round")
        << QString::fromLatin1("kind: multi-session\nobserve:\n  - {session: A, waits_for: B}\n")
        << "-- session B\nBEGIN;\nSELECT * FROM accounts WHERE id = 2 FOR UPDATE;\n"
           "-- session A\nDELETE FROM accounts WHERE id = 2;"
        << true << "";
}

void tst_MultiSessionCheck::learnerDrivenSessions()
{
    QFETCH(QString, check);
    QFETCH(QString, script);
    QFETCH(bool, passes);
    QFETCH(QString, feedback);
    const CheckVerdict verdict = m_fixture.gradeWithSessions(check, script);
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, passes, feedback, &why), qPrintable(why));
}

QTEST_GUILESS_MAIN(tst_MultiSessionCheck)
#include "tst_multisessioncheck.moc"
