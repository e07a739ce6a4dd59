#include "querysession.h"
#include "throwawayserver.h"

#include <QSignalSpy>
#include <QTest>

namespace {
// Everything a session reported while one script ran.
struct Run
{
    QList<ResultSet> results;
    QStringList commandTags;
    QList<ServerMessage> messages;
    bool finished = false;
};

Run runScript(QuerySession &session, const QString &sql)
{
    Run run;
    auto r = QObject::connect(&session, &QuerySession::resultReady, [&](const ResultSet &rs) { run.results << rs; });
    auto c = QObject::connect(&session, &QuerySession::commandCompleted, [&](const QString &t) { run.commandTags << t; });
    auto m = QObject::connect(&session, &QuerySession::messageReceived, [&](const ServerMessage &msg) { run.messages << msg; });
    auto f = QObject::connect(&session, &QuerySession::finished, [&] { run.finished = true; });
    if (session.execute(sql) && !QTest::qWaitFor([&] { return run.finished; }, 60000))
        qWarning("the script did not finish within a minute");
    for (const auto &connection : {r, c, m, f})
        QObject::disconnect(connection);
    return run;
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
    QCOMPARE(run.commandTags, (QStringList{QStringLiteral("CREATE TABLE"), QStringLiteral("INSERT 0 3"),
                                           QStringLiteral("UPDATE 1")}));
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
    QCOMPARE(run.commandTags, QStringList{QStringLiteral("DO")});
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
    QCOMPARE(error.position, 25); // characters from the start of the text sent
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

QTEST_GUILESS_MAIN(tst_QuerySession)
#include "tst_querysession.moc"
