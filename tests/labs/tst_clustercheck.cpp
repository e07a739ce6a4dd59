#include "gradingfixture.h"

#include <QDir>
#include <QTest>

// kind: cluster, on a disposable cluster the lab makes and puts back on reset.
class tst_ClusterCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void grade_data();
    void grade();
    void resetUndoesServerChanges();
    void pointInTimeRecovery();
    void standbyStreamsThroughASlot();

private:
    GradingFixture m_fixture;
};

void tst_ClusterCheck::initTestCase()
{
    QString error;
    GradingFixture::LabData lab;
    lab.cluster = true;
    lab.archive = true;
    lab.clusterSettings = {{QStringLiteral("work_mem"), QStringLiteral("4MB")}};
    lab.setup = QStringLiteral(
        "CREATE TABLE marks (id int);\n"
        "CREATE TABLE skus (code text PRIMARY KEY);\n"
        "INSERT INTO skus VALUES ('A1'), ('B2');\n"
        "CREATE SEQUENCE tickets;\n"
        // A constraint through a function that finds its table by search_path: pg_restore
        // runs with an empty search_path, so the copy cannot be restored until the function
        // names its schema or sets its own search_path.
        "CREATE FUNCTION sku_known(c text) RETURNS boolean LANGUAGE sql AS\n"
        "  $$ SELECT EXISTS (SELECT 1 FROM skus WHERE code = c) $$;\n"
        "CREATE TABLE stock (sku text CHECK (sku_known(sku)), qty int);\n"
        "INSERT INTO stock VALUES ('A1', 5), ('B2', 7);");
    QVERIFY2(m_fixture.start(lab, &error), qPrintable(error));
}

void tst_ClusterCheck::grade_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("passes");
    QTest::addColumn<QString>("feedback");

    const QString workMem = QStringLiteral("kind: cluster\nsetting: work_mem\nvalue: 64MB\n");
    QTest::newRow("lab settings are in place") << "kind: cluster\nsetting: work_mem\nvalue: 4MB" << "" << true << "";
    QTest::newRow("ALTER SYSTEM and a reload")
        << workMem << "ALTER SYSTEM SET work_mem = '64MB'; SELECT pg_reload_conf();" << true << "";
    QTest::newRow("SET changes one session only") << workMem << "SET work_mem = '64MB';" << false << "4MB";
    QTest::newRow("ALTER SYSTEM without a reload") << workMem << "ALTER SYSTEM SET work_mem = '64MB';" << false << "4MB";
    QTest::newRow("a setting that waits for a restart")
        << "kind: cluster\npending_restart: false" << "ALTER SYSTEM SET shared_buffers = '64MB'; SELECT pg_reload_conf();"
        << false << "shared_buffers";
    QTest::newRow("nothing waits for a restart") << "kind: cluster\npending_restart: false" << "" << true << "";
    QTest::newRow("WAL archived after a switch")
        << "kind: cluster\narchived: true" << "INSERT INTO marks VALUES (1); SELECT pg_switch_wal();" << true << "";
    QTest::newRow("nothing archived yet") << "kind: cluster\narchived: true" << "" << false << "archive";
    const QString roundTrip = QStringLiteral("kind: cluster\nround_trip: postgres\n");
    QTest::newRow("a dump that cannot be restored")
        << roundTrip << "" << false << "pg_restore of the dump into a new database failed: COPY failed for table \"stock\"";
    QTest::newRow("the function finds its table again")
        << roundTrip << "ALTER FUNCTION sku_known(text) SET search_path = public;" << true << "";
    QTest::newRow("schema-qualified inside the function")
        << roundTrip
        << "CREATE OR REPLACE FUNCTION sku_known(c text) RETURNS boolean LANGUAGE sql AS "
           "$$ SELECT EXISTS (SELECT 1 FROM public.skus WHERE code = c) $$;"
        << true << "";
    QTest::newRow("a round trip of a database that is not there")
        << "kind: cluster\nround_trip: shop" << "" << false << "no database named shop";
    QTest::newRow("not recovered") << "kind: cluster\nrecovered: true" << "" << false << "first timeline";
    QTest::newRow("no standby in this lab") << "kind: cluster\non: standby\nassert: SELECT true" << "" << false << "standby";
    QTest::newRow("assertion on the setup's table")
        << "kind: cluster\nassert: SELECT count(*) = 1 FROM marks" << "INSERT INTO marks VALUES (1);" << true << "";
}

void tst_ClusterCheck::grade()
{
    QFETCH(QString, check);
    QFETCH(QString, answer);
    QFETCH(bool, passes);
    QFETCH(QString, feedback);
    const CheckVerdict verdict = m_fixture.grade(check, answer);
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, passes, feedback, &why), qPrintable(why));
}

void tst_ClusterCheck::resetUndoesServerChanges()
{
    QString error;
    QVERIFY(m_fixture.environment().runAsLearner(QStringLiteral("ALTER SYSTEM SET work_mem = '64MB'; DROP TABLE marks;"), &error));
    QVERIFY2(m_fixture.environment().reset(&error), qPrintable(error));
    const QString cluster = m_fixture.environment().learnerConninfo();
    QCOMPARE(queryScalar(cluster, QStringLiteral("SELECT current_setting('work_mem')")), QStringLiteral("4MB"));
    QCOMPARE(queryScalar(cluster, QStringLiteral("SELECT count(*) FROM marks")), QStringLiteral("0"));
    QCOMPARE(queryScalar(cluster, QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")),
             QStringLiteral("t"));
}

// A learner marks a restore point, suffers an accident, configures recovery with ALTER
// SYSTEM and presses Recover: the cluster comes back as it was at the restore point.
void tst_ClusterCheck::pointInTimeRecovery()
{
    QString error;
    LabEnvironment &lab = m_fixture.environment();
    QVERIFY2(lab.reset(&error), qPrintable(error));
    const QString archive = queryScalar(lab.learnerConninfo(), QStringLiteral("SHOW basic_archive.archive_directory"));
    QVERIFY(!archive.isEmpty());
    QVERIFY2(lab.runAsLearner(QStringLiteral("INSERT INTO marks SELECT generate_series(1, 100);\n"
                                             "SELECT pg_create_restore_point('before_cleanup');\n"
                                             "DROP TABLE marks;\n"
                                             "SELECT pg_switch_wal();"),
                              &error),
             qPrintable(error));
    const QString wrong = QStringLiteral("kind: cluster\nrecovered: true");
    QString why;
    QVERIFY2(GradingFixture::verdictIs(m_fixture.gradeAsIs(wrong), false, QStringLiteral("first timeline"), &why),
             qPrintable(why));
    // Recovery without a restore_command: the server says why, and the learner can try again.
    QVERIFY(lab.runAsLearner(QStringLiteral("ALTER SYSTEM SET recovery_target_name = 'before_cleanup';"), &error));
    QVERIFY(!lab.recover(&error));
    QVERIFY2(error.contains(QStringLiteral("restore_command")), qPrintable(error));
    // ... and the cluster is back as the learner left it, running, to fix the settings in.
    QCOMPARE(queryScalar(lab.learnerConninfo(), QStringLiteral("SELECT current_setting('recovery_target_name')")),
             QStringLiteral("before_cleanup"));
    QCOMPARE(queryScalar(lab.learnerConninfo(), QStringLiteral("SELECT to_regclass('marks') IS NULL")), QStringLiteral("t"));
    QVERIFY2(lab.reset(&error), qPrintable(error));
    // Without pg_switch_wal() the restore point stays in a segment that never reaches the
    // archive (the server stops dead, as in a crash): the target is never reached.
    QVERIFY2(lab.runAsLearner(QStringLiteral("INSERT INTO marks SELECT generate_series(1, 100);\n"
                                             "SELECT pg_create_restore_point('before_cleanup');\n"
                                             "DROP TABLE marks;\n"
                                             "ALTER SYSTEM SET restore_command = 'cp %1/%f \"%p\"';\n"
                                             "ALTER SYSTEM SET recovery_target_name = 'before_cleanup';\n"
                                             "ALTER SYSTEM SET recovery_target_action = 'promote';")
                                  .arg(archive),
                              &error),
             qPrintable(error));
    QVERIFY(!lab.recover(&error));
    QVERIFY2(error.contains(QStringLiteral("recovery target")), qPrintable(error));
    QVERIFY2(GradingFixture::verdictIs(m_fixture.gradeAsIs(wrong), false, QStringLiteral("first timeline"), &why),
             qPrintable(why));
    QVERIFY2(lab.reset(&error), qPrintable(error));
    // Done properly: the archive already holds the segment with the restore point.
    QVERIFY2(lab.runAsLearner(QStringLiteral("INSERT INTO marks SELECT generate_series(1, 100);\n"
                                             "SELECT pg_create_restore_point('before_cleanup');\n"
                                             "DROP TABLE marks;\n"
                                             "SELECT pg_switch_wal();\n"
                                             "ALTER SYSTEM SET restore_command = 'cp %1/%f \"%p\"';\n"
                                             "ALTER SYSTEM SET recovery_target_name = 'before_cleanup';\n"
                                             "ALTER SYSTEM SET recovery_target_action = 'promote';")
                                  .arg(archive),
                              &error),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!QDir(archive).entryList({QStringLiteral("0000000100000000000000*")}).isEmpty(), 5000);
    QVERIFY2(lab.recover(&error), qPrintable(error));
    QVERIFY2(GradingFixture::verdictIs(m_fixture.gradeAsIs(wrong), true, QString(), &why), qPrintable(why));
    QCOMPARE(queryScalar(lab.learnerConninfo(), QStringLiteral("SELECT count(*) FROM marks")), QStringLiteral("100"));
    QCOMPARE(queryScalar(lab.learnerConninfo(), QStringLiteral("SELECT pg_is_in_recovery()")), QStringLiteral("f"));
    QVERIFY2(lab.reset(&error), qPrintable(error));
}

// A lab with a standby: it streams from the start; the learner makes a slot on the primary
// and tells the standby to use it.
void tst_ClusterCheck::standbyStreamsThroughASlot()
{
    GradingFixture fixture;
    GradingFixture::LabData data;
    data.cluster = true;
    data.standby = true;
    data.setup = QStringLiteral("CREATE TABLE marks (id int);");
    QString error;
    QVERIFY2(fixture.start(data, &error), qPrintable(error));
    const QString standby = fixture.environment().standbyConninfo();
    QVERIFY(!standby.isEmpty());
    QString why;
    const auto expect = [&](const QString &check, bool passes, const QString &feedback) {
        const bool as = GradingFixture::verdictIs(fixture.gradeAsIs(check), passes, feedback, &why);
        if (!as)
            qWarning("%s: %s", qPrintable(check), qPrintable(why));
        return as;
    };
    QVERIFY(expect(QStringLiteral("kind: cluster\nstreaming: true"), true, QString()));
    QVERIFY(expect(QStringLiteral("kind: cluster\non: standby\nassert: SELECT pg_is_in_recovery()"), true, QString()));
    const QString slotted = QStringLiteral("kind: cluster\nstreaming: true\nslot: standby1");
    QVERIFY(expect(slotted, false, QStringLiteral("no replication slot named standby1; it has none")));
    QVERIFY(fixture.environment().runAsLearner(
        QStringLiteral("SELECT pg_create_physical_replication_slot('standby1'); INSERT INTO marks VALUES (1);"), &error));
    QVERIFY(expect(QStringLiteral("kind: cluster\nslot: standby1"), true, QString()));
    QVERIFY(expect(slotted, false, QStringLiteral("not through the slot standby1")));
    // What the primary writes reaches the standby.
    QTRY_COMPARE(queryScalar(standby, QStringLiteral("SELECT count(*) FROM marks")), QStringLiteral("1"));
    QVERIFY(queryScalar(standby, QStringLiteral("ALTER SYSTEM SET primary_slot_name = 'standby1'"), &error).isEmpty()
            && error.isEmpty());
    queryScalar(standby, QStringLiteral("SELECT pg_reload_conf()"));
    QVERIFY(expect(slotted, true, QString()));
    // Reset puts both servers back: no slot, the standby streaming again.
    QVERIFY2(fixture.environment().reset(&error), qPrintable(error));
    QVERIFY(expect(QStringLiteral("kind: cluster\nslot: standby1"), false, QStringLiteral("none at all")));
    QVERIFY(expect(QStringLiteral("kind: cluster\nstreaming: true"), true, QString()));
    QCOMPARE(queryScalar(standby, QStringLiteral("SELECT count(*) FROM marks")), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(tst_ClusterCheck)
#include "tst_clustercheck.moc"
