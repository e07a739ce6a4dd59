#include "connectioninfo.h"
#include "graderconnection.h"
#include "labenvironment.h"
#include "labsandbox.h"
#include "throwawayserver.h"

#include <QTest>

#include <libpq-fe.h>

namespace {
const QString Setup = QStringLiteral(
    "CREATE TABLE orders (id int PRIMARY KEY, amount numeric NOT NULL);\n"
    "INSERT INTO orders SELECT g, g * 1.5 FROM generate_series(1, 1000) g;\n"
    "CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 1000;");
}

class tst_LabSandbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void learnerOwnsACopyOfTheTemplate();
    void learnersCannotReachEachOther();
    void twoLearnersStayApartThroughGraderRoles();
    void resetRestoresWhateverTheLearnerDid();
    void spareCopyIsSwappedInOnReset();
    void labSqlRunsOnlyInLabDatabases();
    void brokenSetupIsReported();
    void changedSetupBuildsTheTemplateAnew();
    void labNeedingANewerServerIsRefused();
    void learnersAreNamedByProfileId_data();
    void learnersAreNamedByProfileId();
    void longNamesStayApartWithinTheLimit();
    void leftoversOfOtherLearnersAreDropped();

private:
    ThrowawayServer m_server;
};

void tst_LabSandbox::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_LabSandbox::learnerOwnsACopyOfTheTemplate()
{
    LabSandbox box(m_server.connectionString(), QStringLiteral("first-queries"), QStringLiteral("ada"));
    QString error;
    QVERIFY2(box.buildTemplate(Setup, false, &error), qPrintable(error));
    QVERIFY2(box.create(&error), qPrintable(error));
    QVERIFY(box.exists());
    const QString learner = box.learnerConninfo();
    QCOMPARE(queryScalar(learner, QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("1000"));
    QCOMPARE(queryScalar(learner, QStringLiteral("SELECT current_user")), QStringLiteral("learner_ada"));
    QCOMPARE(queryScalar(learner, QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")),
             QStringLiteral("f"));
    // The lab's objects are the learner's to change.
    queryScalar(learner, QStringLiteral("ALTER TABLE orders ADD COLUMN note text; DROP VIEW big_orders"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The template itself takes no connections.
    QString refused;
    queryScalar(ConnectionInfo(m_server.connectionString()).with(QStringLiteral("dbname"), box.templateDatabase()),
                QStringLiteral("SELECT 1"), &refused);
    QVERIFY2(refused.contains(QStringLiteral("not currently accepting connections")), qPrintable(refused));
}

void tst_LabSandbox::learnersCannotReachEachOther()
{
    LabSandbox ada(m_server.connectionString(), QStringLiteral("first-queries"), QStringLiteral("ada"));
    LabSandbox bob(m_server.connectionString(), QStringLiteral("first-queries"), QStringLiteral("bob"));
    QString error;
    QVERIFY2(ada.buildTemplate(Setup, false, &error) && ada.create(&error), qPrintable(error));
    QVERIFY2(bob.create(&error), qPrintable(error));
    // Bob's role, Ada's database: refused.
    const QString intrusion = ConnectionInfo(ada.learnerConninfo()).with(QStringLiteral("user"), bob.learnerRole());
    QString refused;
    queryScalar(intrusion, QStringLiteral("SELECT 1"), &refused);
    QVERIFY2(refused.contains(QStringLiteral("permission denied for database")), qPrintable(refused));
}

// Two learners on one lab, with everything checks use: grader roles, the variant database.
// Neither reaches the other's sandbox by any of those roles, neither reads the hidden
// variant data, and what a check runs for one stays out of both learners' sight.
void tst_LabSandbox::twoLearnersStayApartThroughGraderRoles()
{
    const QString lab = QStringLiteral("isolation-lab");
    LabSandbox ada(m_server.connectionString(), lab, QStringLiteral("ada"));
    LabSandbox bob(m_server.connectionString(), lab, QStringLiteral("bob"));
    QString error;
    QVERIFY2(ada.buildTemplate(Setup, false, &error) && ada.create(&error) && bob.create(&error), qPrintable(error));
    QVERIFY2(ada.buildVariant(QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY, amount numeric);\n"
                                             "INSERT INTO orders VALUES (7, 777);"),
                              false, &error),
             qPrintable(error));

    const auto refusedAs = [](const QString &conninfo, const QString &user) {
        QString refused;
        queryScalar(ConnectionInfo(conninfo).with(QStringLiteral("user"), user), QStringLiteral("SELECT 1"), &refused);
        return refused;
    };
    // Bob's learner and grader roles, Ada's database; and the other way round.
    for (const QString &role : {bob.learnerRole(), bob.graderRole()})
        QVERIFY2(refusedAs(ada.learnerConninfo(), role).contains(QStringLiteral("permission denied for database")),
                 qPrintable(role));
    for (const QString &role : {ada.learnerRole(), ada.graderRole()})
        QVERIFY2(refusedAs(bob.learnerConninfo(), role).contains(QStringLiteral("permission denied for database")),
                 qPrintable(role));
    // No learner reaches the variant data, not even through the grader role.
    for (const QString &role : {ada.learnerRole(), ada.graderRole(), bob.learnerRole(), bob.graderRole()})
        QVERIFY2(refusedAs(ada.variantConninfo(), role).contains(QStringLiteral("permission denied for database")),
                 qPrintable(role));
    QCOMPARE(queryScalar(ada.variantConninfo(), QStringLiteral("SELECT amount FROM orders")), QStringLiteral("777"));
    // The variant reader cannot reach a learner's sandbox either.
    QVERIFY(refusedAs(ada.learnerConninfo(), LabSandbox::variantReader()).contains(QStringLiteral("permission denied")));
    // Handing a copy over gives a learner nothing outside it: the template and the variant
    // stay the administrator's, so no learner can open, change or drop them.
    const QString admin = queryScalar(m_server.connectionString(), QStringLiteral("SELECT current_user"));
    for (const QString &db : {ada.templateDatabase(), ada.variantDatabase()}) {
        QCOMPARE(queryScalar(m_server.connectionString(),
                             QStringLiteral("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '%1'").arg(db)),
                 admin);
        for (const LabSandbox *learner : {&ada, &bob}) {
            QString denied;
            queryScalar(learner->learnerConninfo(),
                        QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS true").arg(GraderConnection::identifier(db)),
                        &denied);
            QVERIFY2(denied.contains(QStringLiteral("must be owner")), qPrintable(denied));
        }
    }

    // What Ada does stays in Ada's copy.
    QVERIFY(queryScalar(ada.learnerConninfo(), QStringLiteral("DELETE FROM orders WHERE id > 10"), &error).isEmpty()
            && error.isEmpty());
    QCOMPARE(queryScalar(bob.learnerConninfo(), QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("1000"));

    // A check runs a reference query for Ada; neither learner sees its text in pg_stat_activity.
    GraderConnection check;
    QVERIFY2(check.open(ada.checkerConninfo(), 0, &error), qPrintable(error));
    QVERIFY(check.exec(QStringLiteral("SET ROLE %1").arg(GraderConnection::identifier(ada.learnerRole()))).ok);
    const QString reference = QStringLiteral("SELECT 'the reference answer', pg_sleep(5)");
    QVERIFY(check.send(reference));
    const QString pid = QString::number(check.backendPid());
    QTRY_COMPARE(queryScalar(m_server.connectionString(),
                             QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1 AND wait_event = 'PgSleep'")
                                 .arg(pid)),
                 QStringLiteral("1"));
    const QString seen = QStringLiteral("SELECT coalesce(query, '(null)') FROM pg_stat_activity WHERE pid = %1").arg(pid);
    for (const QString &conninfo : {ada.learnerConninfo(), bob.learnerConninfo()}) {
        const QString query = queryScalar(conninfo, seen, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!query.contains(QStringLiteral("reference answer")), qPrintable(query));
    }
    // (The administrator does see it: the test looks at the right backend.)
    QVERIFY(queryScalar(m_server.connectionString(), seen).contains(QStringLiteral("reference answer")));
    check.cancel();

    // Resetting Ada's copy leaves Bob's alone.
    QVERIFY(queryScalar(bob.learnerConninfo(), QStringLiteral("CREATE TABLE bobs_notes (n int)"), &error).isEmpty()
            && error.isEmpty());
    QVERIFY2(ada.reset(&error), qPrintable(error));
    QCOMPARE(queryScalar(ada.learnerConninfo(), QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("1000"));
    QCOMPARE(queryScalar(bob.learnerConninfo(), QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'bobs_notes'")),
             QStringLiteral("1"));
}

void tst_LabSandbox::resetRestoresWhateverTheLearnerDid()
{
    LabSandbox box(m_server.connectionString(), QStringLiteral("reset-lab"), QStringLiteral("cai"));
    QString error;
    QVERIFY2(box.buildTemplate(Setup, false, &error) && box.create(&error), qPrintable(error));
    queryScalar(box.learnerConninfo(), QStringLiteral("DELETE FROM orders; DROP TABLE orders CASCADE; "
                                                      "CREATE TABLE junk AS SELECT generate_series(1, 5000) n"),
                &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // A session left open in the sandbox does not stop the reset.
    PGconn *lingering = PQconnectdb(box.learnerConninfo().toUtf8().constData());
    QCOMPARE(PQstatus(lingering), CONNECTION_OK);
    QVERIFY2(box.reset(&error), qPrintable(error));
    PQfinish(lingering);
    QCOMPARE(queryScalar(box.learnerConninfo(), QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("1000"));
    QCOMPARE(queryScalar(box.learnerConninfo(), QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'junk'")),
             QStringLiteral("0"));
    // A learner who dropped the whole database gets it back too.
    QVERIFY(queryScalar(m_server.connectionString(), QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(box.database()))
                .isEmpty());
    QVERIFY(!box.exists());
    QVERIFY2(box.reset(&error), qPrintable(error));
    QCOMPARE(queryScalar(box.learnerConninfo(), QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("1000"));
}

// A spare made ahead of time: nobody connects to it, a reset swaps it in as the lab starts,
// and a template built anew throws stale spares away.
void tst_LabSandbox::spareCopyIsSwappedInOnReset()
{
    LabSandbox box(m_server.connectionString(), QStringLiteral("spare-lab"), QStringLiteral("gus"));
    QString error;
    QVERIFY2(box.buildTemplate(Setup, false, &error) && box.create(&error), qPrintable(error));
    QVERIFY2(box.prepareSpare(&error), qPrintable(error));
    QVERIFY(box.hasSpare());
    QVERIFY2(box.prepareSpare(&error), qPrintable(error)); // one is enough
    // The spare takes no connections, not even its owner's: a learner cannot tamper with it.
    QString refused;
    queryScalar(ConnectionInfo(box.learnerConninfo()).with(QStringLiteral("dbname"), box.spareDatabase()),
                QStringLiteral("SELECT 1"), &refused);
    QVERIFY2(refused.contains(QStringLiteral("not currently accepting connections")), qPrintable(refused));

    queryScalar(box.learnerConninfo(), QStringLiteral("DELETE FROM orders; CREATE TABLE junk (n int)"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    PGconn *lingering = PQconnectdb(box.learnerConninfo().toUtf8().constData());
    QCOMPARE(PQstatus(lingering), CONNECTION_OK);
    QVERIFY2(box.reset(&error), qPrintable(error));
    PGresult *after = PQexec(lingering, "SELECT 1");
    QVERIFY(PQresultStatus(after) != PGRES_TUPLES_OK); // its session was ended
    PQclear(after);
    PQfinish(lingering);
    QVERIFY(!box.hasSpare()); // used up
    // The old copy waits aside, closed to everyone, until the next spare is made.
    const QString admin = m_server.connectionString();
    QCOMPARE(queryScalar(admin, QStringLiteral("SELECT datallowconn FROM pg_database WHERE datname = '%1'").arg(box.retiredDatabase())),
             QStringLiteral("f"));
    QVERIFY2(box.prepareSpare(&error), qPrintable(error));
    QCOMPARE(queryScalar(admin, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'").arg(box.retiredDatabase())),
             QStringLiteral("0"));
    QVERIFY2(box.reset(&error), qPrintable(error)); // a second spare swapped in while an old copy is aside
    QVERIFY(!box.hasSpare());
    const QString learner = box.learnerConninfo();
    QCOMPARE(queryScalar(learner, QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("1000"));
    QCOMPARE(queryScalar(learner, QStringLiteral("SELECT to_regclass('junk') IS NULL")), QStringLiteral("t"));
    // As any copy: the learner owns the lab's objects, may change them, and the lab's marker is there.
    QCOMPARE(queryScalar(learner, QStringLiteral("SELECT tableowner FROM pg_tables WHERE tablename = 'orders'")),
             QStringLiteral("learner_gus"));
    QVERIFY2(LabSandbox::runLabSql(box.graderConninfo(), QStringLiteral("spare-lab"), QStringLiteral("SELECT 1"), &error),
             qPrintable(error));
    QCOMPARE(queryScalar(box.checkerConninfo(), QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("1000"));

    // A spare made from the old template is gone once the template is built anew.
    QVERIFY2(box.prepareSpare(&error), qPrintable(error));
    QVERIFY2(box.buildTemplate(QStringLiteral("CREATE TABLE orders (id int);"), true, &error), qPrintable(error));
    QVERIFY(!box.hasSpare());
    QVERIFY2(box.reset(&error), qPrintable(error));
    QCOMPARE(queryScalar(box.learnerConninfo(), QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("0"));
    // And a learner whose copy was dropped gets the spare on the way back.
    QVERIFY2(box.prepareSpare(&error), qPrintable(error));
    QVERIFY(queryScalar(m_server.connectionString(), QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(box.database())).isEmpty());
    QVERIFY2(box.create(&error), qPrintable(error));
    QVERIFY(!box.hasSpare());
    QCOMPARE(queryScalar(box.learnerConninfo(), QStringLiteral("SELECT current_user")), QStringLiteral("learner_gus"));
}

void tst_LabSandbox::labSqlRunsOnlyInLabDatabases()
{
    LabSandbox box(m_server.connectionString(), QStringLiteral("guarded"), QStringLiteral("dee"));
    QString error;
    QVERIFY2(box.buildTemplate(Setup, false, &error) && box.create(&error), qPrintable(error));
    QVERIFY2(LabSandbox::runLabSql(box.graderConninfo(), QStringLiteral("guarded"), QStringLiteral("SELECT 1"), &error),
             qPrintable(error));
    // Not the postgres database, and not another lab's sandbox.
    QVERIFY(!LabSandbox::runLabSql(m_server.connectionString(), QStringLiteral("guarded"),
                                   QStringLiteral("DROP TABLE IF EXISTS anything"), &error));
    QVERIFY2(error.contains(QStringLiteral("only in a database made for the lab")), qPrintable(error));
    QVERIFY(!LabSandbox::runLabSql(box.graderConninfo(), QStringLiteral("another-lab"), QStringLiteral("SELECT 1"),
                                   &error));
}

// A trainer edits a pack's setup: the template and variant on the server were built from
// the old one and are built again, once; their spares go with them.
void tst_LabSandbox::changedSetupBuildsTheTemplateAnew()
{
    const QString lab = QStringLiteral("edited-lab");
    const QString before = QStringLiteral("CREATE TABLE t (n int); INSERT INTO t VALUES (1);");
    const QString after = QStringLiteral("CREATE TABLE t (n int); INSERT INTO t VALUES (1), (2);");
    QString error;
    {
        LabSandbox box(m_server.connectionString(), lab, QStringLiteral("ada"));
        QVERIFY2(box.buildTemplate(before, false, &error) && box.buildVariant(before, false, &error) && box.create(&error)
                     && box.prepareSpare(&error),
                 qPrintable(error));
        QCOMPARE(queryScalar(box.learnerConninfo(), QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("1"));
    }
    const auto oid = [&](const QString &database) {
        return queryScalar(m_server.connectionString(), QStringLiteral("SELECT oid FROM pg_database WHERE datname = '%1'").arg(database));
    };
    LabSandbox box(m_server.connectionString(), lab, QStringLiteral("ada"));
    const QString templateOid = oid(box.templateDatabase());
    // The same setup: nothing is built.
    QVERIFY2(box.buildTemplate(before, false, &error), qPrintable(error));
    QCOMPARE(oid(box.templateDatabase()), templateOid);
    QVERIFY(box.hasSpare());
    // Another setup: built anew, the stale spare dropped, a reset gives the new data.
    QVERIFY2(box.buildTemplate(after, false, &error) && box.buildVariant(after, false, &error), qPrintable(error));
    QVERIFY(oid(box.templateDatabase()) != templateOid);
    QVERIFY(!box.hasSpare());
    QVERIFY2(box.reset(&error), qPrintable(error));
    QCOMPARE(queryScalar(box.learnerConninfo(), QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("2"));
    QCOMPARE(queryScalar(box.variantConninfo(), QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("2"));
    // The learner's copy is still a lab database: lab SQL runs there.
    QVERIFY2(LabSandbox::runLabSql(box.learnerConninfo(), lab, QStringLiteral("SELECT 1"), &error), qPrintable(error));
}

void tst_LabSandbox::brokenSetupIsReported()
{
    LabSandbox box(m_server.connectionString(), QStringLiteral("broken"), QStringLiteral("eve"));
    QString error;
    QVERIFY(!box.buildTemplate(QStringLiteral("CREATE TABLE t (n int);\nINSERT INTO nowhere VALUES (1);"), false, &error));
    QVERIFY2(error.contains(QStringLiteral("nowhere")), qPrintable(error));
    QVERIFY2(box.buildTemplate(Setup, true, &error), qPrintable(error)); // a fixed setup builds it anew
}

void tst_LabSandbox::labNeedingANewerServerIsRefused()
{
    Lab lab;
    lab.id = QStringLiteral("from-the-future");
    lab.setup = Setup;
    lab.minServerVersion = 990000;
    LabEnvironment::Options options;
    options.adminConninfo = m_server.connectionString();
    options.learnerKey = QStringLiteral("fay");
    QString error;
    QVERIFY(!LabEnvironment(lab, options).prepare(false, &error));
    QVERIFY2(error.startsWith(QStringLiteral("This lab needs PostgreSQL 99.0 or newer; the server runs PostgreSQL 17.")),
             qPrintable(error));
    // Nothing was built for it.
    QCOMPARE(queryScalar(m_server.connectionString(),
                         QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE 'lab_from_the_future%'")),
             QStringLiteral("0"));
    lab.minServerVersion = 170000;
    QVERIFY2(LabEnvironment(lab, options).prepare(false, &error), qPrintable(error));
    QCOMPARE(LabEnvironment::versionText(90624), QStringLiteral("PostgreSQL 9.6.24"));
    QCOMPARE(LabEnvironment::versionText(170002), QStringLiteral("PostgreSQL 17.2"));
}

void tst_LabSandbox::learnersAreNamedByProfileId_data()
{
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<QString>("profileId");
    QTest::addColumn<QString>("key");
    QTest::newRow("uuid") << "lab" << "3F2A9C01-B2DE-4c5d-8e9f-0a1b2c3d4e5f" << "lab_3f2a9c01b2de";
    QTest::newRow("hex from schema 7") << "exam" << "0123456789abcdef0123456789abcdef" << "exam_0123456789ab";
    QTest::newRow("no profile") << "lab" << "" << "lab_local";
}

void tst_LabSandbox::learnersAreNamedByProfileId()
{
    QFETCH(QString, purpose);
    QFETCH(QString, profileId);
    QFETCH(QString, key);
    QCOMPARE(LabSandbox::learnerKey(purpose, profileId), key);
    const LabSandbox box(m_server.connectionString(), QStringLiteral("first-queries"), key);
    QCOMPARE(box.learnerRole(), QStringLiteral("learner_") + key);
    QCOMPARE(box.database(), QStringLiteral("lab_first_queries_") + key);
}

// PostgreSQL cuts names at 63 bytes: two lab ids that share their first 60 characters would
// meet in one name, and a suffix would be cut away. Long names end in a digest instead.
void tst_LabSandbox::longNamesStayApartWithinTheLimit()
{
    const QString common(60, u'x');
    const QString key = LabSandbox::learnerKey(QStringLiteral("lab"), QStringLiteral("0123456789abcdef"));
    const LabSandbox one(m_server.connectionString(), common + QStringLiteral("-one"), key);
    const LabSandbox two(m_server.connectionString(), common + QStringLiteral("-two"), key);
    QVERIFY(one.database() != two.database());
    QVERIFY(one.templateDatabase() != two.templateDatabase());
    for (const QString &name : {one.database() + QStringLiteral("_making"), one.spareDatabase(), one.templateDatabase(),
                                one.variantDatabase(), one.graderRole()})
        QVERIFY2(name.toUtf8().size() <= 63, qPrintable(name));
    QString error;
    LabSandbox box(m_server.connectionString(), common + QStringLiteral("-one"), key);
    QVERIFY2(box.buildTemplate(Setup, false, &error) && box.create(&error) && box.prepareSpare(&error), qPrintable(error));
    QVERIFY2(box.reset(&error), qPrintable(error));
    QCOMPARE(queryScalar(box.learnerConninfo(), QStringLiteral("SELECT current_database()")), box.database());
}

// A deleted profile's sandboxes (or ones named the old way) go; the live learners' copies,
// the templates, the variants and the lab roles stay.
void tst_LabSandbox::leftoversOfOtherLearnersAreDropped()
{
    const QString admin = m_server.connectionString();
    LabSandbox kept(admin, QStringLiteral("leftovers"), QStringLiteral("lab_aaaaaaaaaaaa"));
    LabSandbox gone(admin, QStringLiteral("leftovers"), QStringLiteral("l7"));
    kept.setLabRoles({QStringLiteral("reporting")});
    gone.setLabRoles({QStringLiteral("reporting")});
    QString error;
    QVERIFY2(kept.buildTemplate(Setup, false, &error) && kept.buildVariant(Setup, false, &error), qPrintable(error));
    QVERIFY2(kept.create(&error) && gone.create(&error) && gone.prepareSpare(&error), qPrintable(error));
    QStringList dropped;
    QVERIFY2(LabSandbox::dropLearnersOtherThan(admin, {QStringLiteral("lab_aaaaaaaaaaaa")}, &dropped, &error),
             qPrintable(error));
    QVERIFY2(dropped.contains(gone.database()) && dropped.contains(gone.spareDatabase()) && dropped.contains(gone.learnerRole()),
             qPrintable(dropped.join(u' ')));
    QVERIFY(!dropped.contains(kept.database()));
    for (const QString &db : {kept.templateDatabase(), kept.variantDatabase()})
        QVERIFY2(!dropped.contains(db), qPrintable(db));
    QVERIFY(!gone.exists());
    QVERIFY(!gone.hasSpare());
    const auto roleCount = [&](const QString &role) {
        return queryScalar(admin, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1'").arg(role));
    };
    QCOMPARE(roleCount(gone.learnerRole()), QStringLiteral("0"));
    QCOMPARE(roleCount(gone.graderRole()), QStringLiteral("0"));
    QCOMPARE(roleCount(kept.learnerRole()), QStringLiteral("1"));
    QCOMPARE(roleCount(kept.graderRole()), QStringLiteral("1"));
    QCOMPARE(roleCount(QStringLiteral("reporting")), QStringLiteral("1"));
    QVERIFY(kept.exists());
    QVERIFY(kept.hasVariant());
    QCOMPARE(queryScalar(kept.learnerConninfo(), QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("1000"));
    // The template still makes copies.
    QVERIFY2(gone.create(&error), qPrintable(error));
    // Nothing else to drop the second time.
    dropped.clear();
    QVERIFY2(LabSandbox::dropLearnersOtherThan(admin, {QStringLiteral("lab_aaaaaaaaaaaa"), QStringLiteral("l7")}, &dropped, &error),
             qPrintable(error));
    QVERIFY2(dropped.isEmpty(), qPrintable(dropped.join(u' ')));
}

QTEST_GUILESS_MAIN(tst_LabSandbox)
#include "tst_labsandbox.moc"
