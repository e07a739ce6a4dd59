#include "classdashboard.h"
#include "classdashboardmodel.h"
#include "classprovisiondialog.h"
#include "courselibrary.h"
#include "classmonitor.h"
#include "connectioninfo.h"
#include "coursepackloader.h"
#include "graderconnection.h"
#include "throwawayserver.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimeZone>
#include <QSignalSpy>
#include <QPlainTextEdit>
#include <QTest>
#include <QUuid>

// The trainer's class dashboard: the students × items model (states worked out from the
// attempts, data-driven), and a real class whose students record results that reach the
// model live through ClassMonitor, also across a server restart, none lost or counted twice.
class tst_ClassDashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cellStates_data();
    void cellStates();
    void aKnownResultIsNotCountedAgain();
    void liveResultsReachTheModel();
    void aServerRestartLosesNothing();
    void dashboardDrillsDownAndActs();
    void teardownWantsTheTypedId();
    void provisioningDialogMakesAClass();

private:
    // Records as the student (their own login), as the app does after a check.
    QString record(int number, const QString &step, bool passed, const QString &token = {}) const;

    ThrowawayServer m_server;
    QString m_id;
    Lab m_lab;
};

namespace {
const QDateTime Start = QDateTime(QDate(2026, 12, 5), QTime(9, 0), QTimeZone::UTC);

ClassResult attempt(qint64 id, const QString &step, bool passed, int minute)
{
    return {id, QStringLiteral("learner_s01"), QStringLiteral("lab"), step, passed, QStringLiteral("feedback %1").arg(id),
            Start.addSecs(60 * minute)};
}
} // namespace

void tst_ClassDashboard::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_lab.id = QStringLiteral("orders-lab");
    m_lab.setup = QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY, total numeric);\n");
    for (const char *id : {"count", "sum"}) {
        LabStep step;
        step.id = QString::fromLatin1(id);
        step.checks << CoursePackLoader::checkFromYaml(QStringLiteral("kind: result\nreference: SELECT count(*) FROM orders\n"));
        m_lab.steps << step;
    }
    m_id = QStringLiteral("cfiflff1"); // letters a font would join into ligatures: the PDF must not
    QVERIFY(Classroom::isClassId(m_id));
    QString error;
    QVERIFY2(Classroom(m_server.connectionString(), m_id).provision(Classroom::numberedStudents(3), {m_lab}, &error),
             qPrintable(error));
}

QString tst_ClassDashboard::record(int number, const QString &step, bool passed, const QString &token) const
{
    const Classroom room(m_server.connectionString(), m_id);
    GraderConnection c;
    QString error;
    if (!c.open(m_server.connectionString() + QStringLiteral(" user=") + room.loginOf(number), 0, &error))
        return error;
    const SqlOutcome o = c.exec(room.recordStatement(), {m_lab.id, step, passed ? QStringLiteral("true") : QStringLiteral("false"),
                                                         passed ? QString() : QStringLiteral("Expected 20 rows, got 19."),
                                                         token.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : token});
    return o.ok ? o.value() : o.message;
}

void tst_ClassDashboard::cellStates_data()
{
    QTest::addColumn<QList<ClassResult>>("results");
    QTest::addColumn<int>("minutesLater");
    QTest::addColumn<ClassDashboardModel::Cell>("cell");
    QTest::addColumn<QString>("text");
    using Cell = ClassDashboardModel::Cell;
    const QString a = QStringLiteral("a"), b = QStringLiteral("b");
    QTest::newRow("nothing yet") << QList<ClassResult>{} << 0 << Cell::NotStarted << QString();
    QTest::newRow("one step of two") << QList<ClassResult>{attempt(1, a, true, 0)} << 1 << Cell::InProgress << QStringLiteral("1/2");
    QTest::newRow("failed twice") << QList<ClassResult>{attempt(1, a, false, 0), attempt(2, a, false, 1)} << 2 << Cell::Failed
                                  << QStringLiteral("✗ 2");
    QTest::newRow("failing for 12 minutes") << QList<ClassResult>{attempt(1, a, false, 0), attempt(2, a, false, 5)} << 12 << Cell::Stuck
                                            << QStringLiteral("12 min");
    QTest::newRow("a step passed lately is progress")
        << QList<ClassResult>{attempt(1, a, false, 0), attempt(2, a, true, 8), attempt(3, b, false, 9)} << 12 << Cell::Failed
        << QStringLiteral("✗ 2");
    QTest::newRow("quiet, not failing, is not stuck") << QList<ClassResult>{attempt(1, a, true, 0)} << 30 << Cell::InProgress
                                                     << QStringLiteral("1/2");
    QTest::newRow("both steps") << QList<ClassResult>{attempt(1, a, true, 0), attempt(2, b, false, 1), attempt(3, b, true, 2)} << 30
                                << Cell::Passed << QStringLiteral("✓");
    QTest::newRow("passing a step twice is one step") << QList<ClassResult>{attempt(1, a, true, 0), attempt(2, a, true, 1)} << 2
                                                      << Cell::InProgress << QStringLiteral("1/2");
    QTest::newRow("arriving out of order") << QList<ClassResult>{attempt(3, b, true, 2), attempt(1, a, true, 0), attempt(2, b, false, 1)}
                                           << 3 << Cell::Passed << QStringLiteral("✓");
}

void tst_ClassDashboard::cellStates()
{
    QFETCH(QList<ClassResult>, results);
    QFETCH(int, minutesLater);
    QFETCH(ClassDashboardModel::Cell, cell);
    QFETCH(QString, text);
    ClassDashboardModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStuckMinutes(10);
    model.setClock([minutesLater] { return Start.addSecs(60 * minutesLater); });
    model.setRoster({{1, QStringLiteral("张伟"), QStringLiteral("learner_s01"), {}}},
                    {{QStringLiteral("lab"), QStringLiteral("Orders"), {QStringLiteral("a"), QStringLiteral("b")}}});
    model.addResults(results);
    QCOMPARE(model.cell(0, 0), cell);
    QCOMPARE(model.index(0, 0).data(ClassDashboardModel::CellRole).value<ClassDashboardModel::Cell>(), cell);
    QCOMPARE(model.index(0, 0).data().toString(), text);
    QCOMPARE(model.count(cell), 1);
    const QList<ClassResult> newestFirst = model.attempts(0, 0);
    QCOMPARE(newestFirst.size(), results.size());
    for (qsizetype i = 1; i < newestFirst.size(); ++i)
        QVERIFY(newestFirst.at(i - 1).id > newestFirst.at(i).id);
}

void tst_ClassDashboard::aKnownResultIsNotCountedAgain()
{
    ClassDashboardModel model;
    model.setClock([] { return Start.addSecs(120); });
    model.setRoster({{1, QStringLiteral("A"), QStringLiteral("learner_s01"), {}}},
                    {{QStringLiteral("lab"), QStringLiteral("Orders"), {QStringLiteral("a")}}});
    model.addResults({attempt(1, QStringLiteral("a"), false, 0)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.addResults({attempt(1, QStringLiteral("a"), false, 0)});
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.resultCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("✗ 1"));
}

// Students record through record_result() on their own logins; the NOTIFY wakes the
// monitor and the model's cells change while the test waits, with nothing polled.
void tst_ClassDashboard::liveResultsReachTheModel()
{
    ClassMonitor monitor(m_server.connectionString(), m_id);
    ClassDashboardModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&monitor, &ClassMonitor::rosterLoaded, &model, [&](const QList<ClassStudent> &students, const QStringList &items) {
        QCOMPARE(items, QStringList{m_lab.id});
        model.setRoster(students, {{m_lab.id, QStringLiteral("Orders"), {QStringLiteral("count"), QStringLiteral("sum")}}});
    });
    connect(&monitor, &ClassMonitor::resultsArrived, &model, &ClassDashboardModel::addResults);
    QSignalSpy live(&monitor, &ClassMonitor::stateChanged);
    monitor.start();
    QTRY_COMPARE(monitor.state(), ClassMonitor::State::Live);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("01  Student 01"));
    QCOMPARE(model.count(ClassDashboardModel::Cell::NotStarted), 3);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(record(1, QStringLiteral("count"), true), QStringLiteral("t"));
    QTRY_COMPARE(model.cell(0, 0), ClassDashboardModel::Cell::InProgress);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(record(2, QStringLiteral("count"), false), QStringLiteral("t"));
    QCOMPARE(record(1, QStringLiteral("sum"), true), QStringLiteral("t"));
    QTRY_COMPARE(model.cell(0, 0), ClassDashboardModel::Cell::Passed);
    QTRY_COMPARE(model.cell(1, 0), ClassDashboardModel::Cell::Failed);
    QCOMPARE(model.attempts(1, 0).first().feedback, QStringLiteral("Expected 20 rows, got 19."));
    QCOMPARE(model.cell(2, 0), ClassDashboardModel::Cell::NotStarted);
    QCOMPARE(model.resultCount(), 3);
}

// The server goes away under the dashboard: the monitor says it is reconnecting, and once
// the server is back it reads what was recorded since, each result once.
void tst_ClassDashboard::aServerRestartLosesNothing()
{
    ClassMonitor monitor(m_server.connectionString(), m_id);
    ClassDashboardModel model;
    connect(&monitor, &ClassMonitor::rosterLoaded, &model, [&](const QList<ClassStudent> &students, const QStringList &) {
        model.setRoster(students, {{m_lab.id, QStringLiteral("Orders"), {QStringLiteral("count"), QStringLiteral("sum")}}});
    });
    connect(&monitor, &ClassMonitor::resultsArrived, &model, &ClassDashboardModel::addResults);
    monitor.start();
    QTRY_COMPARE(monitor.state(), ClassMonitor::State::Live);
    const qint64 before = queryScalar(m_server.connectionString(), QStringLiteral("SELECT count(*) FROM pgcampus_class_%1.result").arg(m_id))
                              .toLongLong();
    QTRY_COMPARE(model.resultCount(), before);

    QVERIFY(m_server.server().stop());
    QTRY_COMPARE(monitor.state(), ClassMonitor::State::Reconnecting);
    QVERIFY2(m_server.server().start(), qPrintable(m_server.errorString()));
    // Recorded while the dashboard may not be back yet; one answer is sent again, as the app
    // does when the first reply was lost.
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(record(3, QStringLiteral("count"), false, token), QStringLiteral("t"));
    QCOMPARE(record(3, QStringLiteral("count"), false, token), QStringLiteral("f"));
    QCOMPARE(record(3, QStringLiteral("count"), true), QStringLiteral("t"));
    QTRY_COMPARE(monitor.state(), ClassMonitor::State::Live);
    QTRY_COMPARE(model.resultCount(), before + 2);
    QCOMPARE(model.cell(2, 0), ClassDashboardModel::Cell::InProgress);
    QCOMPARE(model.attempts(2, 0).size(), 2);
}

// The dashboard widget on the live class: a cell's attempts and feedback in the drill-down;
// follow me and an exam lock reach the control table, where a student reads them; the
// results export as CSV and PDF.
void tst_ClassDashboard::dashboardDrillsDownAndActs()
{
    const CourseLibrary library;
    ClassDashboard dashboard(m_server.connectionString(), m_id, library, QStringLiteral("en"));
    QTRY_COMPARE(dashboard.monitor()->state(), ClassMonitor::State::Live);
    QTRY_VERIFY(dashboard.model()->resultCount() >= 3);
    dashboard.grid()->setCurrentIndex(dashboard.model()->index(1, 0));
    QVERIFY2(dashboard.details()->toPlainText().contains(QStringLiteral("Expected 20 rows, got 19.")),
             qPrintable(dashboard.details()->toPlainText()));
    QVERIFY(dashboard.details()->toPlainText().contains(QStringLiteral("Student 02")));

    QSignalSpy finished(&dashboard, &ClassDashboard::actionFinished);
    dashboard.followMe(QStringLiteral("lesson-3"));
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    dashboard.setExamLocked(QStringLiteral("quick-quiz"), true);
    QTRY_COMPARE(finished.size(), 2);
    QVERIFY(finished.at(1).at(0).toBool());
    const Classroom room(m_server.connectionString(), m_id);
    QString error;
    const auto seen = Classroom::controls(m_server.connectionString() + QStringLiteral(" user=") + room.loginOf(3), m_id, &error);
    QVERIFY2(seen, qPrintable(error));
    QCOMPARE(seen->value(Classroom::followKey()), QStringLiteral("lesson-3"));
    QCOMPARE(seen->value(Classroom::examLockedKey(QStringLiteral("quick-quiz"))), QStringLiteral("true"));

    QTemporaryDir dir;
    QVERIFY2(dashboard.exportResults(dir.filePath(QStringLiteral("class.csv")), &error), qPrintable(error));
    QFile csv(dir.filePath(QStringLiteral("class.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), QStringLiteral("number,name,login,orders-lab_state,orders-lab_attempts"));
    QVERIFY2(lines.at(2).startsWith(QStringLiteral("2,Student 02,") + room.loginOf(2) + QStringLiteral(",failed,")), qPrintable(lines.at(2)));
    const QString pdf = dir.filePath(QStringLiteral("class.pdf"));
    QVERIFY2(dashboard.exportResults(pdf, &error), qPrintable(error));
    const ProgramOutput text = runProgram(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY2(text.out.contains(m_id.toUtf8()) && text.out.contains("Student 03"), text.out.constData());
}

void tst_ClassDashboard::teardownWantsTheTypedId()
{
    TeardownConfirmation confirm(m_id, 3);
    QVERIFY(!confirm.confirmButton()->isEnabled());
    QTest::keyClicks(confirm.field(), QStringLiteral("c0000000"));
    QVERIFY(!confirm.confirmButton()->isEnabled());
    confirm.field()->clear();
    QTest::keyClicks(confirm.field(), m_id);
    QVERIFY(confirm.confirmButton()->isEnabled());
}

// The dialog makes a class of two on the server, then writes the sheet and the class file;
// the class file holds no password.
void tst_ClassDashboard::provisioningDialogMakesAClass()
{
    const CourseLibrary library;
    ClassProvisionDialog dialog(library, {{QStringLiteral("Test server"), m_server.connectionString()}}, QStringLiteral("en"));
    dialog.conninfoField()->setText(m_server.connectionString());
    dialog.countField()->setValue(2);
    QSignalSpy done(&dialog, &ClassProvisionDialog::provisioned);
    dialog.provisionButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QVERIFY(dialog.log()->toPlainText().contains(Classroom(QString(), dialog.classId()).loginOf(2)));
    QTemporaryDir dir;
    QString error;
    QVERIFY2(dialog.saveCredentials(dir.filePath(QStringLiteral("c.csv")), &error), qPrintable(error));
    QFile csv(dir.filePath(QStringLiteral("c.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QString password = lines.at(1).section(u',', 7, 7);
    QCOMPARE(password.size(), 12);
    QVERIFY2(dialog.saveClassFile(dir.filePath(QStringLiteral("c.pgclass")), &error), qPrintable(error));
    QFile file(dir.filePath(QStringLiteral("c.pgclass")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(!json.contains(password.toUtf8()));
    const std::optional<ClassFile> parsed = ClassFile::fromJson(json, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->classId, dialog.classId());
    const ConnectionInfo student(parsed->conninfo(QStringLiteral("learner_x"), QStringLiteral("pw d")));
    QCOMPARE(student.value(QStringLiteral("user")), QStringLiteral("learner_x"));
    QCOMPARE(student.value(QStringLiteral("password")), QStringLiteral("pw d"));
    QCOMPARE(student.value(QStringLiteral("dbname")), QStringLiteral("postgres"));
    QVERIFY(Classroom(m_server.connectionString(), dialog.classId()).teardown(&error));
}

QTEST_MAIN(tst_ClassDashboard)
#include "tst_classdashboard.moc"
