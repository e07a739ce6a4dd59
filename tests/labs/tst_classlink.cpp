#include "classlink.h"
#include "classmonitor.h"
#include "connectioninfo.h"
#include "coursepackloader.h"
#include "labenvironment.h"
#include "stepgrader.h"
#include "throwawayserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// A student's side of a class on a real server: joining checks the login and reads the
// class's items; results reach the class once each, also when the server is killed in
// the middle of a class's work or the app is killed before they were sent; the trainer's
// controls arrive; a lab in class mode works on the student's own server-side sandbox.
class tst_ClassLink : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void joinChecksTheLogin();
    void resultsReachTheClassOnce();
    void aServerKilledMidClassLosesNothing();
    void resultsOfAKilledAppAreSentAtTheNextStart();
    void studentsFollowTheTrainer();
    void labsRunOnTheStudentsOwnSandbox();

private:
    ClassFile file() const;
    qint64 stored(const QString &login = {}) const;
    QString password(int number) const;

    ThrowawayServer m_server;
    QTemporaryDir m_dir;
    QString m_id;
    Lab m_lab;
    QList<ClassStudent> m_students;
};

void tst_ClassLink::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_lab.id = QStringLiteral("orders-lab");
    m_lab.setup = QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY, total numeric);\n"
                                 "INSERT INTO orders SELECT g, g * 1.5 FROM generate_series(1, 20) g;\n");
    LabStep step;
    step.id = QStringLiteral("count");
    step.checks << CoursePackLoader::checkFromYaml(QStringLiteral("kind: result\nreference: SELECT count(*) FROM orders\n"));
    m_lab.steps << step;
    m_id = Classroom::newClassId();
    Classroom room(m_server.connectionString(), m_id);
    QString error;
    QVERIFY2(room.provision(Classroom::numberedStudents(3), {m_lab}, &error) && room.addExams({QStringLiteral("quick-quiz")}, &error),
             qPrintable(error));
    const auto students = room.students(&error);
    QVERIFY2(students, qPrintable(error));
    m_students = *students;
}

ClassFile tst_ClassLink::file() const
{
    return ClassFile::forServer(m_server.connectionString(), m_id);
}

QString tst_ClassLink::password(int number) const
{
    return m_students.at(number - 1).password;
}

qint64 tst_ClassLink::stored(const QString &login) const
{
    return queryScalar(m_server.connectionString(),
                       QStringLiteral("SELECT count(*) FROM pgcampus_class_%1.result WHERE %2").arg(m_id, login.isEmpty() ? QStringLiteral("true") : QStringLiteral("login = '%1'").arg(login)))
        .toLongLong();
}

void tst_ClassLink::joinChecksTheLogin()
{
    QString error;
    const std::optional<ClassLink::Joined> joined = ClassLink::join(file(), m_students.at(1).login, password(2), &error);
    QVERIFY2(joined, qPrintable(error));
    QCOMPARE(joined->number, 2);
    QCOMPARE(joined->learnerKey, m_id + QStringLiteral("_s02"));
    QCOMPARE(joined->labs, QStringList{m_lab.id});
    QCOMPARE(joined->exams, QStringList{QStringLiteral("quick-quiz")});

    QVERIFY(!ClassLink::join(file(), QStringLiteral("postgres"), QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("not a login of class")), qPrintable(error));
    ClassFile other = file();
    other.classId = QStringLiteral("czzzzzzz");
    QVERIFY(!ClassLink::join(other, QStringLiteral("learner_czzzzzzz_s01"), QString(), &error));
    QVERIFY(!error.isEmpty());
}

void tst_ClassLink::resultsReachTheClassOnce()
{
    const QString login = m_students.at(0).login;
    const qint64 before = stored(login);
    ClassLink link(file(), login, password(1), m_dir.filePath(QStringLiteral("pending-1.json")));
    QSignalSpy all(&link, &ClassLink::allRecorded);
    link.start();
    QTRY_COMPARE(link.state(), ClassLink::State::Live);
    link.record(m_lab.id, QStringLiteral("count"), false, QStringLiteral("Expected 20 rows, got 19."));
    link.record(m_lab.id, QStringLiteral("count"), true, QString());
    link.record(QStringLiteral("quick-quiz"), QString(), true, QStringLiteral("Score 80 %"));
    QTRY_COMPARE(link.pending(), 0);
    QTRY_VERIFY(!all.isEmpty());
    QCOMPARE(stored(login), before + 3);
}

// Three students record while the server is killed (no shutdown) and started again: they
// see the reconnect state, their results wait in their files, and afterwards the class has
// each exactly once; the trainer's dashboard feed counts the same.
void tst_ClassLink::aServerKilledMidClassLosesNothing()
{
    const qint64 before = stored();
    ClassMonitor monitor(m_server.connectionString(), m_id);
    qint64 seen = 0;
    connect(&monitor, &ClassMonitor::resultsArrived, this, [&seen](const QList<ClassResult> &results) { seen += results.size(); });
    monitor.start();
    QTRY_COMPARE(monitor.state(), ClassMonitor::State::Live);
    QTRY_COMPARE(seen, before);
    std::vector<std::unique_ptr<ClassLink>> links;
    for (int n = 1; n <= 3; ++n) {
        links.push_back(std::make_unique<ClassLink>(file(), m_students.at(n - 1).login, password(n),
                                                    m_dir.filePath(QStringLiteral("killed-%1.json").arg(n))));
        links.back()->start();
    }
    for (const auto &link : links)
        QTRY_COMPARE(link->state(), ClassLink::State::Live);
    int recorded = 0;
    for (int round = 0; round < 4; ++round) {
        for (const auto &link : links) {
            link->record(m_lab.id, QStringLiteral("count"), round % 2 == 1, QStringLiteral("round %1").arg(round));
            ++recorded;
        }
        if (round == 1) {
            QVERIFY(m_server.server().stopImmediately());
            for (const auto &link : links)
                QTRY_COMPARE(link->state(), ClassLink::State::Reconnecting);
            QTRY_COMPARE(monitor.state(), ClassMonitor::State::Reconnecting);
        }
    }
    QVERIFY(links.front()->pending() > 0); // the last rounds wait for the server
    QVERIFY2(m_server.server().start(), qPrintable(m_server.errorString()));
    for (const auto &link : links) {
        QTRY_COMPARE_WITH_TIMEOUT(link->pending(), 0, 20000);
        QTRY_COMPARE(link->state(), ClassLink::State::Live); // said on the UI thread, after the sending
    }
    QCOMPARE(stored(), before + recorded);
    QTRY_COMPARE(monitor.state(), ClassMonitor::State::Live);
    QTRY_COMPARE(seen, before + recorded);
    QCOMPARE(queryScalar(m_server.connectionString(),
                         QStringLiteral("SELECT count(*) - count(DISTINCT token) FROM pgcampus_class_%1.result").arg(m_id)),
             QStringLiteral("0"));
}

// Recorded, then the app is gone before the link could send: the next start sends them.
// A file of another class is left alone.
void tst_ClassLink::resultsOfAKilledAppAreSentAtTheNextStart()
{
    const QString login = m_students.at(2).login, path = m_dir.filePath(QStringLiteral("pending-3.json"));
    const qint64 before = stored(login);
    {
        ClassLink link(file(), login, password(3), path); // never started: as if killed at once
        link.record(m_lab.id, QStringLiteral("count"), true, QString());
        link.record(m_lab.id, QStringLiteral("count"), false, QStringLiteral("again"));
    }
    QVERIFY(QFile::exists(path));
    ClassFile other = file();
    other.classId = QStringLiteral("cother00");
    QCOMPARE(ClassLink(other, QStringLiteral("learner_cother00_s03"), QString(), path).pending(), 0);
    ClassLink next(file(), login, password(3), path);
    QCOMPARE(next.pending(), 2);
    next.start();
    QTRY_COMPARE(next.pending(), 0);
    QCOMPARE(stored(login), before + 2);
}

void tst_ClassLink::studentsFollowTheTrainer()
{
    ClassLink link(file(), m_students.at(1).login, password(2), m_dir.filePath(QStringLiteral("pending-2.json")));
    QSignalSpy changed(&link, &ClassLink::controlsChanged);
    link.start();
    QTRY_COMPARE(link.state(), ClassLink::State::Live);
    Classroom room(m_server.connectionString(), m_id);
    QString error;
    QVERIFY2(room.setControl(Classroom::followKey(), QStringLiteral("lesson-2"), &error), qPrintable(error));
    QTRY_COMPARE(link.controls().value(Classroom::followKey()), QStringLiteral("lesson-2"));
    QTRY_VERIFY(!changed.isEmpty()); // the signal comes through the event loop
    QVERIFY2(room.setControl(Classroom::examLockedKey(QStringLiteral("quick-quiz")), QStringLiteral("true"), &error), qPrintable(error));
    QTRY_COMPARE(link.controls().value(Classroom::examLockedKey(QStringLiteral("quick-quiz"))), QStringLiteral("true"));
}

// The lab panel's environment in class mode: the student's own sandbox (made by the
// trainer), checks graded as the student, and resets left to the trainer.
void tst_ClassLink::labsRunOnTheStudentsOwnSandbox()
{
    ClassLink link(file(), m_students.at(0).login, password(1), m_dir.filePath(QStringLiteral("unused.json")));
    LabEnvironment::Options options;
    options.adminConninfo = link.conninfo();
    options.learnerKey = Classroom(QString(), m_id).learnerKey(1);
    options.classMember = true;
    LabEnvironment environment(m_lab, options);
    QString error;
    QVERIFY2(environment.prepare(false, &error), qPrintable(error));
    QVERIFY(ConnectionInfo(environment.learnerConninfo()).value(QStringLiteral("user")) == m_students.at(0).login);
    QCOMPARE(queryScalar(environment.learnerConninfo(), QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("20"));
    const StepVerdict right = StepGrader::grade(m_lab.steps.first(), environment.context(QStringLiteral("SELECT count(*) FROM orders;"), QStringLiteral("en")));
    QVERIFY2(right.passed, qPrintable(right.feedback().join(u'\n')));
    const StepVerdict wrong = StepGrader::grade(m_lab.steps.first(), environment.context(QStringLiteral("SELECT 19;"), QStringLiteral("en")));
    QVERIFY(!wrong.passed);
    QVERIFY(!environment.reset(&error));
    QVERIFY2(error.contains(QStringLiteral("trainer")), qPrintable(error));
    QVERIFY(environment.prepareSpare(&error));

    // Another student's sandbox is not theirs to open (the server refuses too: tst_classroom).
    LabEnvironment::Options others = options;
    others.learnerKey = Classroom(QString(), m_id).learnerKey(2);
    LabEnvironment theirs(m_lab, others);
    QVERIFY(!theirs.prepare(false, &error));
    QVERIFY2(error.contains(QStringLiteral("ask your trainer")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_ClassLink)
#include "tst_classlink.moc"
