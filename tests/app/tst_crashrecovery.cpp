#include "coursepackloader.h"
#include "examdraw.h"
#include "progressstore.h"
#include "throwawayserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The real application on a real X server (Xvfb): text typed into it survives
// kill -9, and the relaunched application has it back in its editor.
class tst_CrashRecovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void typedTextSurvivesKill();
    void examSurvivesKill();

private:
    bool xdotool(const QStringList &arguments, QByteArray *out = nullptr);
    QString startApp(QProcess &app, const QString &dataDir);
    static QString tableCount(const QString &dataDir, const QString &table);

    QProcess m_xvfb;
    QString m_display;
};

void tst_CrashRecovery::initTestCase()
{
    // -displayfd 1: Xvfb picks a free display and prints its number.
    m_xvfb.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_xvfb.start(QStringLiteral("Xvfb"), {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                                          QStringLiteral("0"), QStringLiteral("1280x900x24"),
                                          QStringLiteral("-nolisten"), QStringLiteral("tcp"),
                                          // No reset when the last client leaves: the next test's
                                          // application would find the server restarting.
                                          QStringLiteral("-noreset")});
    QVERIFY2(m_xvfb.waitForStarted(10000), qPrintable(m_xvfb.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_xvfb.canReadLine(), 20000);
    m_display = u':' + QString::fromLatin1(m_xvfb.readLine()).trimmed();
    // The server answers clients before the application is started on it.
    QTRY_VERIFY_WITH_TIMEOUT(xdotool({QStringLiteral("getdisplaygeometry")}), 20000);
}

void tst_CrashRecovery::cleanupTestCase()
{
    m_xvfb.terminate();
    m_xvfb.waitForFinished(5000);
}

bool tst_CrashRecovery::xdotool(const QStringList &arguments, QByteArray *out)
{
    const ProgramOutput result =
        runProgram(QStringLiteral("xdotool"), arguments, {QStringLiteral("DISPLAY=") + m_display}, 20000);
    if (out)
        *out = result.out;
    return result.exitCode == 0;
}

// Starts the application on the Xvfb display and, once the practice server is up, goes
// from the home page to the workbench and clicks into the editor; returns the window id,
// empty on failure.
QString tst_CrashRecovery::startApp(QProcess &app, const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), m_display);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(PGCAMPUS_EXECUTABLE), {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--lang"),
                                                     QStringLiteral("en")});
    if (!app.waitForStarted(10000))
        return {};
    QByteArray window;
    QElapsedTimer timer;
    timer.start();
    while (app.state() == QProcess::Running && timer.elapsed() < 60000 &&
           !xdotool({QStringLiteral("search"), QStringLiteral("--name"), QStringLiteral("^PG Campus$")}, &window))
        QTest::qWait(100);
    if (app.state() != QProcess::Running || window.isEmpty())
        return {};
    const QString id = QString::fromLatin1(window.split('\n').first());
    xdotool({QStringLiteral("mousemove"), QStringLiteral("--window"), id, QStringLiteral("400"), QStringLiteral("200")});
    QTest::qWait(3000); // the practice server starts
    // The window opens on its home page: Ctrl+2 brings the workbench, a click the editor's focus.
    xdotool({QStringLiteral("click"), QStringLiteral("1")});
    xdotool({QStringLiteral("key"), QStringLiteral("ctrl+2")});
    QTest::qWait(300);
    xdotool({QStringLiteral("click"), QStringLiteral("1")});
    return id;
}

QString tst_CrashRecovery::tableCount(const QString &dataDir, const QString &table)
{
    const ProgramOutput check = runProgram(
        QStringLiteral(PGCAMPUS_EXECUTABLE),
        {QStringLiteral("sql"), QStringLiteral("--data-dir"), dataDir, QStringLiteral("--format"), QStringLiteral("csv"),
         QStringLiteral("-c"), QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = '%1'").arg(table)});
    return QString::fromUtf8(check.out);
}

void tst_CrashRecovery::typedTextSurvivesKill()
{
    QTemporaryDir data;
    const QString marker = QStringLiteral("typed_before_kill");
    QProcess app;
    QVERIFY2(!startApp(app, data.path()).isEmpty(), "the application window did not appear");
    QVERIFY(xdotool({QStringLiteral("key"), QStringLiteral("ctrl+a"), QStringLiteral("BackSpace")}));
    QVERIFY(xdotool({QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("10"),
                     QStringLiteral("CREATE TABLE %1 (n int);").arg(marker)}));

    // The autosave reaches the progress store within a few seconds.
    ProgressStore store;
    QVERIFY2(store.open(data.filePath(QStringLiteral("progress.sqlite"))), qPrintable(store.errorString()));
    const qint64 learner = store.learners().first().id;
    auto saved = [&] {
        for (const EditorBuffer &b : store.buffers(learner)) {
            if (b.text.contains(marker))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(saved(), 20000);
    store.close();
    // The store was checked and backed up for the day, off the UI thread.
    const QString backup = data.filePath(QStringLiteral("backups/progress-%1.sqlite").arg(QDate::currentDate().toString(Qt::ISODate)));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(backup), 20000);

    app.kill(); // SIGKILL: no chance to clean up
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitStatus(), QProcess::CrashExit);

    // A screenshot of the restored window shows the statement but never runs it.
    const ProgramOutput shot = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                                          {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--screenshot"),
                                           data.filePath(QStringLiteral("after.png"))},
                                          {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
    QVERIFY2(shot.exitCode == 0, shot.err.constData());
    QCOMPARE(tableCount(data.path(), marker), QStringLiteral("count\n0\n"));

    // Relaunched, the application has the statement back in its editor: F5 runs it.
    QProcess again;
    QVERIFY2(!startApp(again, data.path()).isEmpty(), "the relaunched window did not appear");
    // F5 is disabled until the practice server answers, which on a loaded machine takes
    // longer than startApp waits: press it again (with the editor focused) until it ran.
    QElapsedTimer waited;
    waited.start();
    QString count;
    while (waited.elapsed() < 90000) {
        QVERIFY(xdotool({QStringLiteral("key"), QStringLiteral("F5")}));
        for (int i = 0; i < 10 && count != QStringLiteral("count\n1\n"); ++i) {
            QTest::qWait(500);
            count = tableCount(data.path(), marker);
        }
        if (count == QStringLiteral("count\n1\n"))
            break;
        xdotool({QStringLiteral("click"), QStringLiteral("1")});
    }
    QCOMPARE(count, QStringLiteral("count\n1\n"));
    QVERIFY(xdotool({QStringLiteral("key"), QStringLiteral("ctrl+q")})); // a clean quit stops the practice server
    QVERIFY(again.waitForFinished(30000));
    QCOMPARE(again.exitStatus(), QProcess::NormalExit);
    QVERIFY(!QFileInfo::exists(data.filePath(QStringLiteral("practice-server/cluster/postmaster.pid"))));
}

// An exam in the real application, answered with the keyboard, killed with SIGKILL: the
// relaunched application resumes it with every answer and flag and the time the wall clock
// leaves; when the time ran out meanwhile, it submits it instead.
void tst_CrashRecovery::examSurvivesKill()
{
    const QString fixture = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware/good");
    QList<PackProblem> problems;
    const std::optional<CoursePack> pack = CoursePackLoader::load(fixture, &problems);
    QVERIFY(pack);
    // A draw whose first two questions are answered by pressing 1.
    const auto choice = [&](const DrawnQuestion &d) {
        const Question::Type t = ExamDraw::find(*pack, d)->type;
        return t == Question::Type::Single || t == Question::Type::Multiple || t == Question::Type::TrueFalse;
    };
    quint64 seed = 1;
    for (;; ++seed) {
        const QList<DrawnQuestion> drawn = ExamDraw::draw(*pack, pack->blueprints.first(), seed).questions;
        if (choice(drawn.at(0)) && choice(drawn.at(1)))
            break;
    }
    QTRY_VERIFY_WITH_TIMEOUT(xdotool({QStringLiteral("getdisplaygeometry")}), 20000); // the X server answers
    QTemporaryDir data;
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), m_display);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.insert(QStringLiteral("PGCAMPUS_COURSEWARE"), fixture);
    env.insert(QStringLiteral("PGCAMPUS_EXAM_SEED"), QString::number(seed));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(PGCAMPUS_EXECUTABLE), {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--lang"),
                                                     QStringLiteral("en"), QStringLiteral("--view"), QStringLiteral("exam:quick")});
    QVERIFY(app.waitForStarted(10000));
    QByteArray window;
    QTRY_VERIFY_WITH_TIMEOUT(xdotool({QStringLiteral("search"), QStringLiteral("--name"), QStringLiteral("^Exam: Quick quiz$")},
                                     &window),
                             60000); // a loaded CI machine starts it slowly
    const QString id = QString::fromLatin1(window.split('\n').first());
    // No window manager on Xvfb: a click into the question gives the window the focus.
    QTest::qWait(1000);
    xdotool({QStringLiteral("mousemove"), QStringLiteral("--window"), id, QStringLiteral("700"), QStringLiteral("70")});
    xdotool({QStringLiteral("click"), QStringLiteral("1")});
    QTest::qWait(300);
    for (const QString &key : {QStringLiteral("1"), QStringLiteral("alt+Right"), QStringLiteral("1"), QStringLiteral("alt+f")}) {
        QVERIFY(xdotool({QStringLiteral("key"), key}));
        QTest::qWait(200);
    }

    // What the window confirmed is in the store before the kill.
    ProgressStore store;
    QVERIFY(store.open(data.filePath(QStringLiteral("progress.sqlite"))));
    const qint64 learner = store.learners().first().id;
    const auto count = [&](const QString &kind) {
        const std::optional<ExamAttemptRecord> open = store.openExamAttempt(learner);
        const QList<ExamEventRecord> events = open ? store.examEvents(open->attemptId) : QList<ExamEventRecord>();
        return int(std::count_if(events.cbegin(), events.cend(), [&](const ExamEventRecord &e) { return e.kind == kind; }));
    };
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("answer")), 2, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("flag")), 1, 20000);
    const ExamAttemptRecord attempt = *store.openExamAttempt(learner);
    store.close();
    app.kill();
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitStatus(), QProcess::CrashExit);

    // Relaunched: the attempt comes back with both answers, the flag and the time left.
    const QStringList resume = {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--screenshot"),
                                data.filePath(QStringLiteral("resumed.png")), QStringLiteral("--view"),
                                QStringLiteral("exam-resume")};
    const QStringList offscreen = {QStringLiteral("QT_QPA_PLATFORM=offscreen"), QStringLiteral("PGCAMPUS_COURSEWARE=") + fixture};
    ProgramOutput again = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE), resume, offscreen);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QString said = QString::fromUtf8(again.out);
    QVERIFY2(said.startsWith(QStringLiteral("resumed attempt %1: 2 answered, 1 flagged, ").arg(attempt.attemptId)), qPrintable(said));
    const int left = said.section(QStringLiteral("flagged, "), 1).section(u' ', 0, 0).toInt();
    const int expected = 300 - int(attempt.startedAt.secsTo(QDateTime::currentDateTimeUtc()));
    QVERIFY2(left <= expected + 1 && left >= expected - 15,
             qPrintable(QStringLiteral("%1 s left, about %2 expected").arg(left).arg(expected)));

    // The time ran out while the application was away: it submits the attempt as it stands.
    const ProgramOutput backdate = runProgram(
        QStringLiteral("sqlite3"), {data.filePath(QStringLiteral("progress.sqlite")),
                                    QStringLiteral("UPDATE exam_attempt SET started_at = '%1'")
                                        .arg(QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs))});
    QCOMPARE(backdate.exitCode, 0);
    again = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE), resume, offscreen);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QVERIFY2(QString::fromUtf8(again.out).startsWith(QStringLiteral("submitted attempt %1: the time ran out; 2 answered, 1 flagged")
                                                         .arg(attempt.attemptId)),
             again.out.constData());
    QVERIFY(store.open(data.filePath(QStringLiteral("progress.sqlite"))));
    QCOMPARE(store.examAttempt(attempt.attemptId)->submittedBy, QStringLiteral("timeout"));
}

QTEST_GUILESS_MAIN(tst_CrashRecovery)
#include "tst_crashrecovery.moc"
