#include "querysession.h"
#include "throwawayserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace {
// Everything a session reported while one script ran.
struct Run
{
    QList<ResultSet> results;
    QList<StatementOutcome> outcomes;
    QList<ServerMessage> messages;
    bool finished = false;

    QStringList commandTags() const
    {
        QStringList tags;
        for (const StatementOutcome &o : outcomes)
            tags << o.commandTag;
        return tags;
    }
};

Run runUnits(QuerySession &session, const QList<ScriptUnit> &units, QuerySession::RunOptions options = {})
{
    Run run;
    QList<QMetaObject::Connection> connections{
        QObject::connect(&session, &QuerySession::resultReady, [&](int, const ResultSet &rs) { run.results << rs; }),
        QObject::connect(&session, &QuerySession::statementFinished,
                         [&](const StatementOutcome &o) { run.outcomes << o; }),
        QObject::connect(&session, &QuerySession::messageReceived,
                         [&](const ServerMessage &msg) { run.messages << msg; }),
        QObject::connect(&session, &QuerySession::finished, [&] { run.finished = true; })};
    QSignalSpy finished(&session, &QuerySession::finished); // waits in a real event loop, no polling
    if (session.run(units, options) && !run.finished && !finished.wait(60000))
        qWarning("the script did not finish within a minute");
    for (const auto &connection : std::as_const(connections))
        QObject::disconnect(connection);
    return run;
}

Run runScript(QuerySession &session, const QString &sql, QuerySession::RunOptions options = {})
{
    return runUnits(session, StatementSplitter::split(sql), options);
}
} // namespace

class tst_QuerySession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rowsRoundTrip();
    void severalStatements();
    void noticesArrive();
    void errorCarriesEveryField();
    void largeResultStreamsInChunks();
    void busySessionRefusesSecondScript();
    void badConnectionFailsToOpen();
    void lostConnectionIsReported();
    void cancelStopsASleepWithinASecond();
    void transactionStateFollowsTheScript();
    void stopOnErrorCanBeTurnedOff();
    void unsupportedMetaCommandsAreSkippedWithANote();
    void metaCommandsRunOnTheSession();
    void metaCommandInAFailedTransactionFails();
    void copyOutputBecomesRows();
    void copyFromStdinIsRefusedCleanly();
    void columnsCarryTypeNames();
    void rowsStreamBeforeTheStatementEnds();
    void byteLimitKeepsCountingRows();
    void serverKilledMidQuery();

private:
    ThrowawayServer m_server;
    std::unique_ptr<QuerySession> m_session;
};

void tst_QuerySession::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_QuerySession::init()
{
    m_session = std::make_unique<QuerySession>();
    QSignalSpy opened(m_session.get(), &QuerySession::opened);
    m_session->open(m_server.connectionString());
    QCOMPARE(m_session->state(), QuerySession::State::Connecting);
    QVERIFY(opened.wait(30000));
    QCOMPARE(m_session->state(), QuerySession::State::Idle);
}

void tst_QuerySession::cleanup()
{
    m_session.reset();
}

void tst_QuerySession::rowsRoundTrip()
{
    QVERIFY(m_session->serverVersion().startsWith(QStringLiteral("17")));
    QCOMPARE(m_session->user(), QStringLiteral("postgres"));
    const Run run = runScript(*m_session, QStringLiteral(
        "SELECT n, 'row ' || n AS label, CASE WHEN n = 2 THEN NULL ELSE n * 1.5 END AS half, '数据库' AS word "
        "FROM generate_series(1, 3) AS n"));
    QVERIFY(run.finished);
    QVERIFY(run.messages.isEmpty());
    QCOMPARE(run.results.size(), 1);
    const ResultSet &rs = run.results.first();
    QCOMPARE(rs.rowCount(), 3);
    QCOMPARE(rs.columnCount(), 4);
    QCOMPARE(rs.columns().at(0).name, QStringLiteral("n"));
    QCOMPARE(rs.columns().at(0).typeOid, 23u);  // int4
    QCOMPARE(rs.columns().at(1).typeOid, 25u);  // text
    QCOMPARE(rs.columns().at(2).typeOid, 1700u); // numeric
    QCOMPARE(rs.text(0, 1), QStringLiteral("row 1"));
    QCOMPARE(rs.text(2, 2), QStringLiteral("4.5"));
    QVERIFY(rs.isNull(1, 2));
    QVERIFY(!rs.isNull(1, 1));
    QCOMPARE(rs.text(1, 3), QStringLiteral("数据库"));
    QCOMPARE(rs.commandTag(), QStringLiteral("SELECT 3"));
}

void tst_QuerySession::severalStatements()
{
    const Run run = runScript(*m_session, QStringLiteral(
        "CREATE TEMP TABLE t (id int PRIMARY KEY, note text);\n"
        "INSERT INTO t VALUES (1, 'a'), (2, NULL), (3, '');\n"
        "SELECT * FROM t ORDER BY id;\n"
        "UPDATE t SET note = 'b' WHERE id = 2;\n"
        "SELECT count(*) FROM t WHERE note IS NOT NULL;"));
    QVERIFY(run.messages.isEmpty());
    QCOMPARE(run.commandTags(), (QStringList{QStringLiteral("CREATE TABLE"), QStringLiteral("INSERT 0 3"),
                                             QStringLiteral("SELECT 3"), QStringLiteral("UPDATE 1"),
                                             QStringLiteral("SELECT 1")}));
    QCOMPARE(run.outcomes.at(1).rowsAffected, 3);
    QCOMPARE(run.outcomes.at(0).rowsAffected, -1);
    for (int i = 0; i < run.outcomes.size(); ++i) {
        QCOMPARE(run.outcomes.at(i).statement, i);
        QVERIFY(!run.outcomes.at(i).failed);
    }
    QCOMPARE(run.results.size(), 2);
    QCOMPARE(run.results.at(0).rowCount(), 3);
    QVERIFY(run.results.at(0).isNull(1, 1));
    QVERIFY(!run.results.at(0).isNull(2, 1));
    QCOMPARE(run.results.at(0).text(2, 1), QString());
    QCOMPARE(run.results.at(1).text(0, 0), QStringLiteral("3"));
}

void tst_QuerySession::noticesArrive()
{
    const Run run = runScript(*m_session, QStringLiteral(
        "DO $body$ BEGIN RAISE NOTICE 'hello %', 42; RAISE WARNING 'careful' USING HINT = 'look'; END $body$;"));
    QCOMPARE(run.messages.size(), 2);
    QCOMPARE(run.messages.at(0).severityNonLocalized, QStringLiteral("NOTICE"));
    QCOMPARE(run.messages.at(0).message, QStringLiteral("hello 42"));
    QCOMPARE(run.messages.at(0).sqlState, QStringLiteral("00000"));
    QVERIFY(!run.messages.at(0).isError());
    QCOMPARE(run.messages.at(1).severityNonLocalized, QStringLiteral("WARNING"));
    QCOMPARE(run.messages.at(1).hint, QStringLiteral("look"));
    QCOMPARE(run.commandTags(), QStringList{QStringLiteral("DO")});
    QCOMPARE(run.messages.at(0).statement, 0);
}

void tst_QuerySession::errorCarriesEveryField()
{
    Run run = runScript(*m_session, QStringLiteral("SELECT 1;\nSELECT * FROM no_such_table;\nSELECT 3;"));
    QCOMPARE(run.results.size(), 1); // a script stops at its first error
    QCOMPARE(run.messages.size(), 1);
    const ServerMessage &error = run.messages.first();
    QVERIFY(error.isError());
    QCOMPARE(error.sqlState, QStringLiteral("42P01"));
    QCOMPARE(error.message, QStringLiteral("relation \"no_such_table\" does not exist"));
    QCOMPARE(error.position, 15); // characters from the start of the statement sent
    QCOMPARE(error.statement, 1);
    QCOMPARE(run.outcomes.size(), 2);
    QVERIFY(run.outcomes.at(1).failed);
    QVERIFY(!error.sourceFile.isEmpty());
    QVERIFY(error.sourceLine > 0);
    QVERIFY(error.toText().startsWith(QStringLiteral("ERROR:  relation")));
    QCOMPARE(m_session->state(), QuerySession::State::Idle);

    run = runScript(*m_session, QStringLiteral(
        "CREATE TEMP TABLE p (id int CONSTRAINT p_pk PRIMARY KEY); INSERT INTO p VALUES (1), (1);"));
    QCOMPARE(run.messages.size(), 1);
    QCOMPARE(run.messages.first().sqlState, QStringLiteral("23505"));
    QCOMPARE(run.messages.first().constraintName, QStringLiteral("p_pk"));
    QCOMPARE(run.messages.first().tableName, QStringLiteral("p"));
    QVERIFY(run.messages.first().detail.contains(QStringLiteral("(id)=(1)")));
}

void tst_QuerySession::largeResultStreamsInChunks()
{
    const Run run = runScript(*m_session, QStringLiteral(
        "SELECT g, md5(g::text) FROM generate_series(1, 100000) AS g"));
    QCOMPARE(run.results.size(), 1);
    const ResultSet &rs = run.results.first();
    QCOMPARE(rs.rowCount(), 100000);
    QCOMPARE(rs.text(0, 0), QStringLiteral("1"));
    QCOMPARE(rs.text(99999, 0), QStringLiteral("100000"));
    QCOMPARE(rs.text(99999, 1).size(), 32);
    QCOMPARE(rs.text(0, 1), QStringLiteral("c4ca4238a0b923820dcc509a6f75849b"));
    QCOMPARE(rs.commandTag(), QStringLiteral("SELECT 100000"));
}

void tst_QuerySession::busySessionRefusesSecondScript()
{
    QSignalSpy finished(m_session.get(), &QuerySession::finished);
    QVERIFY(m_session->execute(QStringLiteral("SELECT pg_sleep(0.2)")));
    QCOMPARE(m_session->state(), QuerySession::State::Busy);
    QVERIFY(!m_session->execute(QStringLiteral("SELECT 1")));
    QVERIFY(finished.wait(30000));
    QCOMPARE(m_session->state(), QuerySession::State::Idle);
}

void tst_QuerySession::badConnectionFailsToOpen()
{
    QuerySession session;
    QSignalSpy failed(&session, &QuerySession::openFailed);
    session.open(QStringLiteral("host=/nonexistent-pgcampus-dir port=5 user=postgres"));
    QVERIFY(failed.count() == 1 || failed.wait(30000));
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("/nonexistent-pgcampus-dir")));
    QCOMPARE(session.state(), QuerySession::State::Disconnected);

    session.open(QStringLiteral("this is = not a conninfo"));
    QVERIFY(failed.count() == 2 || failed.wait(30000));
    QCOMPARE(session.state(), QuerySession::State::Disconnected);
}

void tst_QuerySession::lostConnectionIsReported()
{
    const Run run = runScript(*m_session, QStringLiteral("SELECT pg_terminate_backend(pg_backend_pid())"));
    QVERIFY(run.finished);
    QVERIFY(!run.messages.isEmpty());
    QVERIFY(run.messages.last().isError());
    QCOMPARE(m_session->state(), QuerySession::State::Disconnected);
    QVERIFY(!m_session->execute(QStringLiteral("SELECT 1")));

    QSignalSpy opened(m_session.get(), &QuerySession::opened); // and it can connect again
    m_session->open(m_server.connectionString());
    QVERIFY(opened.wait(30000));
    QCOMPARE(runScript(*m_session, QStringLiteral("SELECT 7")).results.first().text(0, 0), QStringLiteral("7"));
}

void tst_QuerySession::cancelStopsASleepWithinASecond()
{
    QObject guard; // ends the connections below with this test
    QSignalSpy started(m_session.get(), &QuerySession::statementStarted);
    QSignalSpy finished(m_session.get(), &QuerySession::finished);
    QList<ServerMessage> messages;
    connect(m_session.get(), &QuerySession::messageReceived, &guard, [&](const ServerMessage &m) { messages << m; });
    QVERIFY(m_session->execute(QStringLiteral("SELECT pg_sleep(60);\nSELECT 'never';")));
    QTest::qWait(300); // the sleep is running on the server now
    QElapsedTimer timer;
    timer.start();
    m_session->cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(started.count(), 1); // the second statement never started
    QVERIFY(!messages.isEmpty());
    QCOMPARE(messages.last().sqlState, QStringLiteral("57014"));
    QVERIFY(!m_session->isCancelling());
    QCOMPARE(runScript(*m_session, QStringLiteral("SELECT 'again'")).results.first().text(0, 0),
             QStringLiteral("again"));
}

void tst_QuerySession::transactionStateFollowsTheScript()
{
    QObject guard; // ends the connections below with this test
    QCOMPARE(m_session->transactionState(), TransactionState::Idle);
    QList<TransactionState> seen;
    connect(m_session.get(), &QuerySession::transactionStateChanged, &guard,
            [&](TransactionState state) { seen << state; });
    runScript(*m_session, QStringLiteral("BEGIN; CREATE TEMP TABLE tx (n int);"));
    QCOMPARE(m_session->transactionState(), TransactionState::InTransaction);
    const Run failed = runScript(*m_session, QStringLiteral("SELECT 1/0;"));
    QCOMPARE(failed.messages.first().sqlState, QStringLiteral("22012"));
    QCOMPARE(m_session->transactionState(), TransactionState::Failed);
    const Run refused = runScript(*m_session, QStringLiteral("SELECT 1;"));
    QCOMPARE(refused.messages.first().sqlState, QStringLiteral("25P02")); // current transaction is aborted
    runScript(*m_session, QStringLiteral("ROLLBACK;"));
    QCOMPARE(m_session->transactionState(), TransactionState::Idle);
    QCOMPARE(seen, (QList<TransactionState>{TransactionState::InTransaction, TransactionState::Failed,
                                            TransactionState::Idle}));
}

void tst_QuerySession::stopOnErrorCanBeTurnedOff()
{
    const QString script = QStringLiteral("SELECT 1/0; SELECT 'second';");
    Run run = runScript(*m_session, script);
    QCOMPARE(run.outcomes.size(), 1);
    QVERIFY(run.results.isEmpty());
    run = runScript(*m_session, script, {false});
    QCOMPARE(run.outcomes.size(), 2);
    QVERIFY(run.outcomes.at(0).failed);
    QVERIFY(!run.outcomes.at(1).failed);
    QCOMPARE(run.results.first().text(0, 0), QStringLiteral("second"));
}

void tst_QuerySession::unsupportedMetaCommandsAreSkippedWithANote()
{
    const Run run = runScript(*m_session, QStringLiteral("SELECT 1;\n\\set answer 42\nSELECT 2;"));
    QCOMPARE(run.results.size(), 2);
    QCOMPARE(run.messages.size(), 1);
    QVERIFY(!run.messages.first().isError());
    QCOMPARE(run.messages.first().statement, 1);
    QVERIFY(run.messages.first().message.contains(QStringLiteral("\\set")));
}

// \d runs its catalog queries on the session itself (a temporary table is found), in the
// script's order, and \x is kept by the session for what follows.
void tst_QuerySession::metaCommandsRunOnTheSession()
{
    QList<MetaOutput> outputs;
    QStringList hidden;
    const auto a = connect(m_session.get(), &QuerySession::metaOutput, this,
                           [&](int statement, const MetaOutput &o) { outputs << o; QCOMPARE(statement, outputs.size()); });
    const auto b = connect(m_session.get(), &QuerySession::hiddenQuery, this, [&](int, const QString &sql) { hidden << sql; });
    QCOMPARE(m_session->expandedDisplay(), QStringLiteral("off"));
    const Run run = runScript(*m_session, QStringLiteral("CREATE TEMP TABLE widgets (id int PRIMARY KEY);\n"
                                                         "\\d widgets\n\\x\nSELECT 2 AS two;"));
    disconnect(a);
    disconnect(b);
    QVERIFY(run.messages.isEmpty());
    QCOMPARE(run.outcomes.size(), 4);
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(outputs.size(), 2);
    QVERIFY(outputs.at(0).title.startsWith(QStringLiteral("Table \"pg_temp_")));
    QCOMPARE(outputs.at(0).table.text(0, 0), QStringLiteral("id"));
    QVERIFY(outputs.at(0).footers.contains(QStringLiteral("    \"widgets_pkey\" PRIMARY KEY, btree (id)")));
    QCOMPARE(outputs.at(1).text, QStringLiteral("Expanded display is on."));
    QCOMPARE(m_session->expandedDisplay(), QStringLiteral("on"));
    QCOMPARE(hidden.size(), 3); // find the relation, its columns, its footers
}

// In a failed transaction the catalog query fails as psql's would; its error points nowhere
// in the learner's text, and the script goes on when asked to.
void tst_QuerySession::metaCommandInAFailedTransactionFails()
{
    const Run run = runScript(*m_session, QStringLiteral("BEGIN;\nSELECT 1/0;\n\\dt\nROLLBACK;"), {false});
    QCOMPARE(run.outcomes.size(), 4);
    QVERIFY(run.outcomes.at(2).failed);
    QCOMPARE(run.messages.size(), 2);
    QCOMPARE(run.messages.at(1).sqlState, QStringLiteral("25P02"));
    QCOMPARE(run.messages.at(1).statement, 2);
    QCOMPARE(run.messages.at(1).position, 0);
    QCOMPARE(run.commandTags().last(), QStringLiteral("ROLLBACK"));
}

void tst_QuerySession::copyOutputBecomesRows()
{
    const Run run = runScript(*m_session, QStringLiteral(
        "COPY (SELECT g, 'row ' || g FROM generate_series(1, 2500) g) TO STDOUT; SELECT 'next';"));
    QVERIFY(run.messages.isEmpty());
    QCOMPARE(run.results.size(), 2);
    QCOMPARE(run.results.at(0).rowCount(), 2500);
    QCOMPARE(run.results.at(0).text(2499, 0), QStringLiteral("2500\trow 2500"));
    QCOMPARE(run.outcomes.at(0).commandTag, QStringLiteral("COPY 2500"));
    QCOMPARE(run.results.at(1).text(0, 0), QStringLiteral("next"));
}

void tst_QuerySession::copyFromStdinIsRefusedCleanly()
{
    const Run run = runScript(*m_session, QStringLiteral(
        "CREATE TEMP TABLE c (n int); COPY c FROM STDIN; SELECT 1;"));
    QCOMPARE(run.outcomes.size(), 2);
    QVERIFY(run.outcomes.at(1).failed);
    QVERIFY2(run.messages.last().message.contains(QStringLiteral("COPY")), qPrintable(run.messages.last().message));
    QCOMPARE(m_session->state(), QuerySession::State::Idle);
    QCOMPARE(runScript(*m_session, QStringLiteral("SELECT count(*) FROM c")).results.first().text(0, 0),
             QStringLiteral("0"));
}

void tst_QuerySession::columnsCarryTypeNames()
{
    Run run = runScript(*m_session, QStringLiteral("SELECT 1 AS i, 'x'::varchar(3) AS v, now() AS t, '{}'::jsonb AS j"));
    const QList<ResultColumn> columns = run.results.first().columns();
    QCOMPARE(columns.at(0).typeName, QStringLiteral("integer"));
    QCOMPARE(columns.at(1).typeName, QStringLiteral("character varying"));
    QCOMPARE(columns.at(1).typeModifier, 7); // 3 + the 4-byte header
    QCOMPARE(columns.at(2).typeName, QStringLiteral("timestamp with time zone"));
    QCOMPARE(columns.at(3).typeName, QStringLiteral("jsonb"));

    // A type the script makes itself is named once the script is done.
    QSignalSpy resolved(m_session.get(), &QuerySession::typeNamesResolved);
    run = runScript(*m_session, QStringLiteral("CREATE TYPE mood AS ENUM ('ok', 'great'); SELECT 'ok'::mood AS m;"));
    QVERIFY(resolved.count() == 1 || resolved.wait(10000));
    QCOMPARE(run.results.first().columns().at(0).typeName, QStringLiteral("mood"));
    QCOMPARE(runScript(*m_session, QStringLiteral("SELECT 'great'::mood")).results.first().columns().at(0).typeName,
             QStringLiteral("mood"));
}

void tst_QuerySession::rowsStreamBeforeTheStatementEnds()
{
    QObject guard; // ends the connections below with this test
    int arrivals = 0;
    qsizetype rowsAtFirstArrival = -1;
    bool readyBeforeArrival = false;
    bool ready = false;
    connect(m_session.get(), &QuerySession::rowsArrived, &guard, [&](int, const ResultSet &rs) {
        if (++arrivals == 1)
            rowsAtFirstArrival = rs.rowCount();
        readyBeforeArrival = readyBeforeArrival || ready;
    });
    connect(m_session.get(), &QuerySession::resultReady, &guard, [&] { ready = true; });
    const Run run = runScript(*m_session, QStringLiteral("SELECT g FROM generate_series(1, 50000) g"));
    QCOMPARE(run.results.first().rowCount(), 50000);
    QVERIFY2(arrivals >= 10, qPrintable(QString::number(arrivals)));
    QCOMPARE(rowsAtFirstArrival, qsizetype(ResultSet::RowsPerBlock));
    QVERIFY(!readyBeforeArrival);
}

void tst_QuerySession::byteLimitKeepsCountingRows()
{
    m_session->setResultByteLimit(200000);
    const Run run = runScript(*m_session, QStringLiteral("SELECT g, md5(g::text) FROM generate_series(1, 100000) g"));
    const ResultSet &rs = run.results.first();
    QVERIFY(rs.isTruncated());
    QCOMPARE(rs.rowsReceived(), 100000);
    QVERIFY(rs.rowCount() > 1000 && rs.rowCount() < 100000);
    QVERIFY(rs.storedBytes() < 300000);
    QCOMPARE(rs.text(rs.rowCount() - 1, 0), QString::number(rs.rowCount())); // what is kept is intact
    QCOMPARE(run.outcomes.first().commandTag, QStringLiteral("SELECT 100000"));
}

void tst_QuerySession::serverKilledMidQuery()
{
    ThrowawayServer doomed;
    QVERIFY2(doomed.start(), qPrintable(doomed.errorString()));
    QuerySession session;
    QSignalSpy opened(&session, &QuerySession::opened);
    session.open(doomed.connectionString());
    QVERIFY(opened.wait(30000));
    QSignalSpy lost(&session, &QuerySession::connectionLost);
    QSignalSpy finished(&session, &QuerySession::finished);
    QVERIFY(session.execute(QStringLiteral("SELECT pg_sleep(30)")));
    QTest::qWait(200);
    QVERIFY(doomed.server().stop()); // the server goes away under the running query
    QVERIFY(lost.count() == 1 || lost.wait(10000));
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QCOMPARE(session.state(), QuerySession::State::Disconnected);
    QCOMPARE(session.transactionState(), TransactionState::Unknown);

    QVERIFY2(doomed.server().start(), qPrintable(doomed.errorString()));
    session.reconnect();
    QVERIFY(opened.wait(30000));
    QCOMPARE(runScript(session, QStringLiteral("SELECT 'back'")).results.first().text(0, 0), QStringLiteral("back"));
}

QTEST_GUILESS_MAIN(tst_QuerySession)
#include "tst_querysession.moc"
