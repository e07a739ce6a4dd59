#include "practiceserver.h"
#include "throwawayserver.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <libpq-fe.h>

class tst_PracticeServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initStartStopRestart();
    void clusterIsUtf8WithCCollation();
    void listensOnPrivateSocketOnly();
    void adoptsServerLeftRunning();
    void deepDataDirectoryStillGetsASocket();
    void missingBinariesNameThePackage();
    void binariesAreFound();
    void crashedTestStillStopsItsServer();
};

void tst_PracticeServer::initStartStopRestart()
{
    ThrowawayServer throwaway;
    PracticeServer &server = throwaway.server();
    QCOMPARE(server.status(), PracticeServer::Status::NotInitialized);
    QVERIFY2(server.initialize(), qPrintable(server.errorString()));
    QCOMPARE(server.status(), PracticeServer::Status::Stopped);

    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QCOMPARE(server.status(), PracticeServer::Status::Running);
    QVERIFY(QFileInfo(server.logFilePath()).size() > 0);
    QCOMPARE(PQping(server.connectionString().toUtf8().constData()), PQPING_OK);
    QString error;
    queryScalar(server.connectionString(), QStringLiteral("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)"),
                &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QVERIFY2(server.stop(), qPrintable(server.errorString()));
    QCOMPARE(server.status(), PracticeServer::Status::Stopped);
    QCOMPARE(PQping(server.connectionString().toUtf8().constData()), PQPING_NO_RESPONSE);

    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    QCOMPARE(server.status(), PracticeServer::Status::Running);
    QCOMPARE(queryScalar(server.connectionString(), QStringLiteral("SELECT n FROM kept")), QStringLiteral("42"));
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    QCOMPARE(queryScalar(server.connectionString(), QStringLiteral("SELECT count(*) FROM kept")), QStringLiteral("1"));
}

void tst_PracticeServer::clusterIsUtf8WithCCollation()
{
    ThrowawayServer throwaway;
    QVERIFY2(throwaway.start(), qPrintable(throwaway.errorString()));
    const QString conninfo = throwaway.connectionString();
    QCOMPARE(queryScalar(conninfo, QStringLiteral("SHOW server_encoding")), QStringLiteral("UTF8"));
    QCOMPARE(queryScalar(conninfo, QStringLiteral("SELECT datcollate FROM pg_database WHERE datname = 'postgres'")),
             QStringLiteral("C"));
    QVERIFY(queryScalar(conninfo, QStringLiteral("SHOW server_version_num")).toInt() >= 170000);
}

void tst_PracticeServer::listensOnPrivateSocketOnly()
{
    ThrowawayServer throwaway;
    QVERIFY2(throwaway.start(), qPrintable(throwaway.errorString()));
    PracticeServer &server = throwaway.server();
    QCOMPARE(queryScalar(server.connectionString(), QStringLiteral("SHOW listen_addresses")), QString());
    const QFileInfo socketDir(server.socketDirectory());
    QVERIFY(socketDir.isDir());
    QCOMPARE(socketDir.permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                                        QFile::WriteOther | QFile::ExeOther),
             QFile::Permissions());
    QVERIFY(QFileInfo::exists(server.socketDirectory() + QStringLiteral("/.s.PGSQL.%1").arg(server.port())));
    QCOMPARE(queryScalar(server.connectionString(), QStringLiteral("SELECT count(*) FROM pg_hba_file_rules "
                                                                  "WHERE type LIKE 'host%' AND auth_method <> 'reject'")),
             QStringLiteral("0"));
}

void tst_PracticeServer::adoptsServerLeftRunning()
{
    ThrowawayServer throwaway;
    QVERIFY2(throwaway.start(), qPrintable(throwaway.errorString()));
    // A second app instance (or one restarted after a crash) finds the server running.
    PracticeServer again(throwaway.server().dataDirectory());
    QVERIFY2(again.start(), qPrintable(again.errorString()));
    QCOMPARE(again.port(), throwaway.server().port());
    QCOMPARE(again.socketDirectory(), throwaway.server().socketDirectory());
    QCOMPARE(queryScalar(again.connectionString(), QStringLiteral("SELECT 1")), QStringLiteral("1"));
}

void tst_PracticeServer::deepDataDirectoryStillGetsASocket()
{
    QTemporaryDir base;
    const QString deep = base.path() + QStringLiteral("/a-rather-long-folder-name-for-a-learner/") +
                         QString(60, u'x') + QStringLiteral("/pgcampus");
    PracticeServer::Options options;
    options.throwaway = true;
    PracticeServer server(deep, options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.socketDirectory().size() < 90);
    QCOMPARE(queryScalar(server.connectionString(), QStringLiteral("SELECT 2")), QStringLiteral("2"));
    QVERIFY(server.stop());
}

void tst_PracticeServer::missingBinariesNameThePackage()
{
    QTemporaryDir data;
    QTemporaryDir emptyBin;
    PracticeServer::Options options;
    options.binarySearchPath = {emptyBin.path()};
    PracticeServer server(data.path(), options);
    QVERIFY(!server.start());
    QVERIFY2(server.errorString().contains(QStringLiteral("postgresql-17")), qPrintable(server.errorString()));
    QVERIFY(server.errorString().contains(QStringLiteral("initdb")));
    QCOMPARE(server.status(), PracticeServer::Status::NotInitialized);
    QVERIFY(!QFileInfo::exists(server.clusterDirectory()));
}

void tst_PracticeServer::binariesAreFound()
{
    QTemporaryDir data;
    PracticeServer server(data.path());
    const QString bin = server.findBinaries();
    QVERIFY2(!bin.isEmpty(), qPrintable(server.errorString()));
    QVERIFY(QFileInfo(bin + QStringLiteral("/postgres")).isExecutable());
    QVERIFY(!PracticeServer::defaultBinarySearchPath().isEmpty());
}

// A test that aborts (QFATAL, a failed assertion) must not leave its server running.
void tst_PracticeServer::crashedTestStillStopsItsServer()
{
    QProcess crashing;
    crashing.start(QStringLiteral(CRASHING_TEST));
    QVERIFY(crashing.waitForFinished(120000));
    QCOMPARE(crashing.exitStatus(), QProcess::CrashExit);
    const QStringList lines = QString::fromUtf8(crashing.readAllStandardOutput()).trimmed().split(u'\n');
    QVERIFY2(lines.size() == 2 && lines.first().contains(QStringLiteral("port=")),
             qPrintable(crashing.readAllStandardError()));
    const QByteArray conninfo = lines.first().toUtf8();
    const bool stopped = QTest::qWaitFor([&] { return PQping(conninfo.constData()) == PQPING_NO_RESPONSE; }, 30000);
    QDir(lines.last()).removeRecursively(); // what the aborted process could not clean up
    QVERIFY(stopped);
}

QTEST_GUILESS_MAIN(tst_PracticeServer)
#include "tst_practiceserver.moc"
