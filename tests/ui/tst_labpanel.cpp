#include "coursepackloader.h"
#include "labpanel.h"
#include "progressstore.h"
#include "throwawayserver.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr int PrepareTimeoutMs = 120000;

LocalizedText text(const QString &en)
{
    return {{QStringLiteral("en"), en}, {QStringLiteral("zh_CN"), en}};
}

Lab countingLab()
{
    Lab lab;
    lab.id = QStringLiteral("panel-lab");
    lab.objectives = text(QStringLiteral("Count the rows."));
    lab.setup = QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY);\n"
                               "INSERT INTO orders SELECT generate_series(1, 10);");
    LabStep step;
    step.id = QStringLiteral("count");
    step.points = 10;
    step.instructions = text(QStringLiteral("Count the orders."));
    step.hints = {text(QStringLiteral("Use count(*).")), text(QStringLiteral("FROM orders."))};
    step.checks = {CoursePackLoader::checkFromYaml(QStringLiteral("kind: result\nreference: SELECT count(*) FROM orders"))};
    step.solution = QStringLiteral("SELECT count(*) FROM orders;");
    lab.steps = {step};
    return lab;
}
} // namespace

// The lab panel with a real sandbox, a real progress store and real grading.
class tst_LabPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void checksHintsAndTheSolution();
    void clusterLabsOfferServerActions();
    void closingWhileBusyIsSafe();
    void readableWithoutServer();

private:
    LabPanel::Context context(const Lab &lab);

    ThrowawayServer m_server;
    QTemporaryDir m_dir;
    ProgressStore m_store;
    qint64 m_learner = 0;
};

void tst_LabPanel::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("progress.sqlite"))));
    m_learner = m_store.defaultLearner(QStringLiteral("Ada")).id;
}

LabPanel::Context tst_LabPanel::context(const Lab &lab)
{
    LabPanel::Context c;
    c.packId = QStringLiteral("panel-pack");
    c.title = text(QStringLiteral("Lab: counting"));
    c.lab = lab;
    c.environment.adminConninfo = m_server.connectionString();
    c.environment.learnerKey = QStringLiteral("ada");
    c.environment.clusterDirectory = m_dir.filePath(QStringLiteral("cluster-") + lab.id);
    c.environment.throwaway = true;
    c.store = &m_store;
    c.learnerId = m_learner;
    return c;
}

void tst_LabPanel::checksHintsAndTheSolution()
{
    LabPanel panel;
    QString answer;
    panel.setAnswerSource([&answer] { return answer; });
    QSignalSpy ready(&panel, &LabPanel::sandboxReady);
    QSignalSpy checked(&panel, &LabPanel::checked);
    QSignalSpy sessions(&panel, &LabPanel::sessionReady);
    Lab lab = countingLab();
    lab.sessions = {QStringLiteral("A"), QStringLiteral("B")};
    panel.openLab(context(lab));
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, PrepareTimeoutMs);
    // The labelled sessions get connections of their own, named so checks can find them.
    QCOMPARE(sessions.size(), 2);
    QCOMPARE(sessions.at(1).at(0).toString(), QStringLiteral("B"));
    QCOMPARE(queryScalar(sessions.at(1).at(1).toString(), QStringLiteral("SELECT current_user || ' ' || current_setting('application_name')")),
             QStringLiteral("learner_ada pgcampus session B"));
    QVERIFY(panel.restartButton()->isHidden());
    QVERIFY(panel.recoverButton()->isHidden());
    // The editor connects where the learner works: the sandbox, as the learner.
    QCOMPARE(queryScalar(ready.first().first().toString(), QStringLiteral("SELECT current_user")),
             QStringLiteral("learner_ada"));

    for (int attempt = 1; attempt <= LabPanel::SolutionAfterFailures; ++attempt) {
        QVERIFY(panel.showSolutionButton()->text().endsWith(QStringLiteral("…")));
        answer = QStringLiteral("SELECT 11");
        panel.checkButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), attempt, 30000);
        QCOMPARE(checked.last().first().toBool(), false);
        QVERIFY2(panel.feedbackText().startsWith(QStringLiteral("Not yet.")), qPrintable(panel.feedbackText()));
    }
    // After three failed attempts the solution is offered without asking.
    QCOMPARE(panel.showSolutionButton()->text(), QStringLiteral("Show solution"));
    QCOMPARE(panel.hintButton()->text(), QStringLiteral("Hint (2 left)"));
    panel.hintButton()->click();
    QCOMPARE(panel.hintButton()->text(), QStringLiteral("Hint (1 left)"));
    panel.hintButton()->click();
    QVERIFY(!panel.hintButton()->isEnabled());

    answer = QStringLiteral("SELECT count(*)\n  FROM orders");
    panel.checkButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 4, 30000);
    QCOMPARE(checked.last().first().toBool(), true);
    QVERIFY2(panel.feedbackText().startsWith(QStringLiteral("Correct.")), qPrintable(panel.feedbackText()));

    // Everything went to the store; completion comes from there.
    const QList<CourseEvent> events = m_store.courseEvents(m_learner, QStringLiteral("panel-pack"), QStringLiteral("panel-lab"));
    const auto count = [&](CourseEvent::Kind kind) {
        return std::count_if(events.cbegin(), events.cend(), [kind](const CourseEvent &e) { return e.kind == kind; });
    };
    QCOMPARE(count(CourseEvent::Kind::Opened), 1);
    QCOMPARE(count(CourseEvent::Kind::Attempt), 4);
    QCOMPARE(count(CourseEvent::Kind::Hint), 2);
    const ItemProgress progress = m_store.courseProgress(m_learner).value(QStringLiteral("panel-pack/panel-lab"));
    QVERIFY(progress.passedSteps.contains(QStringLiteral("count")));
    QCOMPARE(progress.failedAttempts.value(QStringLiteral("count")), 3);
}

// A lab on its own cluster, with WAL archiving and a standby: Restart and Recover are
// offered, and the standby gets an editor connection of its own.
void tst_LabPanel::clusterLabsOfferServerActions()
{
    Lab lab = countingLab();
    lab.id = QStringLiteral("panel-cluster-lab");
    lab.cluster = true;
    lab.archive = true;
    lab.standby = true;
    LabPanel panel;
    QSignalSpy ready(&panel, &LabPanel::sandboxReady);
    QSignalSpy standby(&panel, &LabPanel::standbyReady);
    panel.openLab(context(lab));
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, PrepareTimeoutMs);
    QCOMPARE(standby.size(), 1);
    QCOMPARE(queryScalar(standby.first().first().toString(), QStringLiteral("SELECT pg_is_in_recovery()")),
             QStringLiteral("t"));
    QVERIFY(!panel.restartButton()->isHidden());
    QVERIFY(!panel.recoverButton()->isHidden());
    const QString before = queryScalar(ready.first().first().toString(), QStringLiteral("SELECT pg_postmaster_start_time()"));
    panel.restartButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, PrepareTimeoutMs);
    const QString after = queryScalar(ready.last().first().toString(), QStringLiteral("SELECT pg_postmaster_start_time()"));
    QVERIFY2(!after.isEmpty() && after != before, qPrintable(before + QStringLiteral(" / ") + after));
}

// The learner closes the window while the lab is still being prepared.
void tst_LabPanel::closingWhileBusyIsSafe()
{
    Lab lab = countingLab();
    lab.id = QStringLiteral("panel-closing-lab");
    auto *panel = new LabPanel;
    panel->openLab(context(lab));
    QVERIFY(panel->isBusy());
    delete panel; // waits for the worker, which uses the panel's lab environment
    QCoreApplication::processEvents(); // the worker's report, if queued, finds no panel
    QCOMPARE(queryScalar(m_server.connectionString(),
                         QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = 'lab_panel_closing_lab_ada'")),
             QStringLiteral("1"));
}

// Without a server (none installed) the lab is there to read, says why it cannot be
// worked on, and offers nothing that needs a server.
void tst_LabPanel::readableWithoutServer()
{
    LabPanel panel;
    QSignalSpy ready(&panel, &LabPanel::sandboxReady);
    const QString reason = QStringLiteral("Install the PostgreSQL server package, for example: sudo apt install postgresql-17.");
    panel.openWithoutServer(context(countingLab()), reason);
    QCOMPARE(panel.labTitle(), QStringLiteral("Lab: counting"));
    QVERIFY2(panel.statusText().endsWith(reason), qPrintable(panel.statusText()));
    QVERIFY(!panel.checkButton()->isEnabled());
    QVERIFY(!panel.resetButton()->isEnabled());
    QVERIFY(!panel.showSolutionButton()->isEnabled());
    QVERIFY(panel.hintButton()->isEnabled());
    QTest::qWait(200);
    QCOMPARE(ready.size(), 0);
}

QTEST_MAIN(tst_LabPanel)
#include "tst_labpanel.moc"
