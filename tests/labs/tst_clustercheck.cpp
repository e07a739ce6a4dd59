#include "gradingfixture.h"

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
    lab.setup = QStringLiteral("CREATE TABLE marks (id int);");
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

QTEST_GUILESS_MAIN(tst_ClusterCheck)
#include "tst_clustercheck.moc"
