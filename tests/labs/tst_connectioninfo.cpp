#include "connectioninfo.h"
#include "progressstore.h"
#include "querysession.h"
#include "throwawayserver.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_ConnectionInfo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parses_data();
    void parses();
    void passwordsAreStripped_data();
    void passwordsAreStripped();
    void quotingRoundTrips();
    void servicesAreListed();
    void profilesNeverKeepAPassword();
    void readOnlyConnectionRefusesWrites();
    void missingPasswordIsAskedFor();

private:
    ThrowawayServer m_server;
};

void tst_ConnectionInfo::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_ConnectionInfo::parses_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("detail"); // a keyword's value when valid, part of libpq's message when not
    QTest::newRow("keywords") << "host=db.example.org port=5433 dbname=shop user=ada" << true << "shop";
    QTest::newRow("uri") << "postgresql://ada@db.example.org:5433/shop?sslmode=verify-full" << true << "shop";
    QTest::newRow("quoted value") << "dbname='my shop' user=ada" << true << "my shop";
    QTest::newRow("ssl root certificate") << "host=h dbname=shop sslmode=verify-full sslrootcert=/etc/ca.pem" << true
                                          << "shop";
    QTest::newRow("empty means defaults") << "" << true << "";
    QTest::newRow("missing equals") << "host" << false << "missing \"=\" after \"host\"";
    QTest::newRow("unknown keyword") << "hots=db" << false << "invalid connection option \"hots\"";
    QTest::newRow("bad uri") << "postgresql://[::1" << false << "matching \"]\" in IPv6 host address";
    QTest::newRow("unterminated quote") << "dbname='shop" << false << "unterminated quoted string";
}

void tst_ConnectionInfo::parses()
{
    QFETCH(QString, conninfo);
    QFETCH(bool, valid);
    QFETCH(QString, detail);
    const ConnectionInfo info(conninfo);
    QCOMPARE(info.isValid(), valid);
    if (valid)
        QCOMPARE(info.value(QStringLiteral("dbname")), detail);
    else
        QVERIFY2(info.errorString().contains(detail), qPrintable(info.errorString()));
}

void tst_ConnectionInfo::passwordsAreStripped_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::newRow("keyword") << "host=h password=s3cret-Pw dbname=d";
    QTest::newRow("uri") << "postgresql://ada:s3cret-Pw@h/d";
    QTest::newRow("quoted") << "host=h password='s3cret-Pw' dbname=d";
}

void tst_ConnectionInfo::passwordsAreStripped()
{
    QFETCH(QString, conninfo);
    const ConnectionInfo info(conninfo);
    QVERIFY(info.isValid());
    QVERIFY(info.hasPassword());
    const QString stripped = info.withoutPassword();
    QVERIFY(!stripped.contains(QStringLiteral("s3cret")));
    const ConnectionInfo again(stripped);
    QVERIFY(again.isValid());
    QVERIFY(!again.hasPassword());
    QCOMPARE(again.value(QStringLiteral("host")), QStringLiteral("h"));
    QCOMPARE(again.value(QStringLiteral("dbname")), QStringLiteral("d"));
}

void tst_ConnectionInfo::quotingRoundTrips()
{
    const QString odd = QStringLiteral("it's a \\ path with spaces");
    const ConnectionInfo info(ConnectionInfo(QStringLiteral("host=h")).with(QStringLiteral("application_name"), odd));
    QVERIFY2(info.isValid(), qPrintable(info.errorString()));
    QCOMPARE(info.value(QStringLiteral("application_name")), odd);
    QCOMPARE(info.value(QStringLiteral("host")), QStringLiteral("h"));
}

void tst_ConnectionInfo::servicesAreListed()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("services.conf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# classroom servers\n[classroom]\nhost=db.school.example\ndbname=lab\n\n[ production ]\nhost=p\n");
    file.close();
    QCOMPARE(ConnectionInfo::servicesIn(file.fileName()), (QStringList{QStringLiteral("classroom"),
                                                                       QStringLiteral("production")}));
    qputenv("PGSERVICEFILE", QFile::encodeName(file.fileName()));
    QVERIFY(ConnectionInfo::services().contains(QStringLiteral("classroom")));
    qunsetenv("PGSERVICEFILE");
}

void tst_ConnectionInfo::profilesNeverKeepAPassword()
{
    QTemporaryDir dir;
    {
        ProgressStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
        QVERIFY(store.saveProfile({QStringLiteral("p1"), QStringLiteral("Classroom"),
                                   QStringLiteral("postgresql://ada:Zebra-42-secret@db.school.example/lab"),
                                   QStringLiteral("#cc3333"), true, false}));
        QVERIFY(!store.saveProfile({QStringLiteral("p2"), QStringLiteral("Broken"), QStringLiteral("hots=x"), {},
                                    false, false}));
        QVERIFY(store.errorString().contains(QStringLiteral("hots")));
        const QList<ConnectionProfile> profiles = store.profiles();
        QCOMPARE(profiles.size(), 1);
        QVERIFY(profiles.first().readOnly);
        const ConnectionInfo info(profiles.first().conninfo);
        QCOMPARE(info.value(QStringLiteral("user")), QStringLiteral("ada"));
        QCOMPARE(info.value(QStringLiteral("host")), QStringLiteral("db.school.example"));
        QVERIFY(!info.hasPassword());
    }
    // Nothing in the data directory holds the password, in any file.
    QDirIterator files(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile f(files.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("Zebra-42-secret"), qPrintable(f.fileName()));
    }
}

void tst_ConnectionInfo::readOnlyConnectionRefusesWrites()
{
    QuerySession session;
    session.setSetupStatements({QStringLiteral("SET default_transaction_read_only = on")});
    QSignalSpy opened(&session, &QuerySession::opened);
    session.open(m_server.connectionString());
    QVERIFY(opened.wait(30000));
    QList<ServerMessage> messages;
    connect(&session, &QuerySession::messageReceived, &session, [&](const ServerMessage &m) { messages << m; });
    QSignalSpy finished(&session, &QuerySession::finished);
    QVERIFY(session.execute(QStringLiteral("CREATE TABLE should_not_exist (n int)")));
    QVERIFY(finished.wait(30000));
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().sqlState, QStringLiteral("25006")); // read-only transaction
}

void tst_ConnectionInfo::missingPasswordIsAskedFor()
{
    const QString admin = m_server.connectionString();
    QString error;
    QVERIFY2(m_server.addPasswordRole(QStringLiteral("learner"), QStringLiteral("Tiger-7-secret"), &error),
             qPrintable(error));

    const QString withoutPassword = ConnectionInfo(admin).with(QStringLiteral("user"), QStringLiteral("learner"));
    QuerySession session;
    QSignalSpy failed(&session, &QuerySession::openFailed);
    QSignalSpy opened(&session, &QuerySession::opened);
    session.open(withoutPassword);
    QVERIFY(failed.count() == 1 || failed.wait(30000));
    QVERIFY(session.needsPassword());
    session.open(ConnectionInfo(withoutPassword).with(QStringLiteral("password"), QStringLiteral("Tiger-7-secret")));
    QVERIFY(opened.wait(30000));
    QVERIFY(!session.needsPassword());
    QCOMPARE(session.user(), QStringLiteral("learner"));
}

QTEST_GUILESS_MAIN(tst_ConnectionInfo)
#include "tst_connectioninfo.moc"
