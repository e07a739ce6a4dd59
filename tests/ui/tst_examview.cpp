#include "coursepackloader.h"
#include "examsqlgrader.h"
#include "examview.h"
#include "sqleditor.h"
#include "throwawayserver.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {
const QString Fixtures = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware");
const QDateTime Start = QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::UTC);
}

// The exam window with a real store and a clock the test moves.
class tst_ExamView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void answersAreStoredAsTheyChange();
    void flagsAndConfirmation();
    void warningsAndTimeOut();
    void aLockedExamTakesNoAnswersAndExtraTimeCounts();
    void anAnswerThatCannotBeSavedStaysPending();
    void practiceGivesFeedbackAtOnce();
    void practiceChecksSqlInASandbox();

private:
    std::unique_ptr<ExamView> view(quint64 seed);

    QTemporaryDir m_dir;
    CoursePack m_pack;
    ProgressStore m_store;
    qint64 m_learner = 0;
    QDateTime m_now = Start;
};

void tst_ExamView::initTestCase()
{
    QList<PackProblem> problems;
    m_pack = *CoursePackLoader::load(Fixtures + QStringLiteral("/good"), &problems);
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("progress.sqlite"))));
    m_learner = m_store.defaultLearner(QStringLiteral("Ada")).id;
}

std::unique_ptr<ExamView> tst_ExamView::view(quint64 seed)
{
    QString error;
    m_now = Start;
    std::optional<ExamSession> session = ExamSession::start(m_store, m_pack, m_pack.blueprints.first(), m_learner, seed, m_now, &error);
    if (!session)
        qFatal("cannot start: %s", qPrintable(error));
    auto v = std::make_unique<ExamView>(std::move(*session), m_pack.blueprints.first().title, QStringLiteral("en"),
                                        [this] { return m_now; });
    v->resize(1000, 700);
    return v;
}

void tst_ExamView::answersAreStoredAsTheyChange()
{
    auto v = view(11);
    v->show();
    QVERIFY(QTest::qWaitForWindowExposed(v.get()));
    // Find a choice question, answer it by clicking, and see it stored and marked.
    int position = -1;
    for (int i = 0; i < v->session().count() && position < 0; ++i) {
        const Question::Type t = v->session().question(i)->type;
        if (t == Question::Type::Single || t == Question::Type::TrueFalse)
            position = i;
    }
    QVERIFY(position >= 0);
    QTest::mouseClick(v->navigatorButton(position), Qt::LeftButton);
    QCOMPARE(v->currentPosition(), position);
    QAbstractButton *second = v->choiceButton(1);
    QVERIFY(second);
    QTest::mouseClick(second, Qt::LeftButton, {}, QPoint(5, second->height() / 2));
    QVERIFY(v->session().state(position).answered);
    const QList<ExamEventRecord> events = m_store.examEvents(v->session().record().attemptId);
    QVERIFY(std::any_of(events.cbegin(), events.cend(), [&](const ExamEventRecord &e) {
        return e.kind == u"answer" && e.position == position;
    }));
    QVERIFY(v->navigatorButton(position)->styleSheet().contains(QStringLiteral("#1e88e5")));
    // Moving on and back shows the stored answer again.
    v->showQuestion((position + 1) % v->session().count());
    v->showQuestion(position);
    QVERIFY(v->choiceButton(1)->isChecked());
}

void tst_ExamView::flagsAndConfirmation()
{
    auto v = view(12);
    v->showQuestion(2);
    v->toggleFlag();
    QVERIFY(v->session().state(2).flagged);
    QVERIFY(v->navigatorButton(2)->text().contains(QStringLiteral("⚑")));
    const QString confirmation = v->confirmationText();
    QVERIFY2(confirmation.contains(QStringLiteral("4 question(s) not answered")), qPrintable(confirmation));
    QVERIFY2(confirmation.contains(QStringLiteral("1 question(s) flagged for review: 3.")), qPrintable(confirmation));
    // Asked with No as the default: Enter does not submit by accident.
    std::unique_ptr<QMessageBox> ask(v->confirmationDialog());
    QCOMPARE(ask->text(), confirmation);
    QCOMPARE(ask->defaultButton(), ask->button(QMessageBox::No));
}

// A class's trainer pauses the exam (nothing answered, flagged or submitted, the banner
// says why), unlocks it, and gives extra time: the countdown shows it.
void tst_ExamView::aLockedExamTakesNoAnswersAndExtraTimeCounts()
{
    auto v = view(14);
    v->show();
    QVERIFY(QTest::qWaitForWindowExposed(v.get()));
    v->setLocked(true, QStringLiteral("Paused by your trainer."));
    QVERIFY(v->isLocked());
    QVERIFY(v->findChild<QLabel *>(QStringLiteral("examLockBanner"))->isVisible());
    const int position = v->currentPosition();
    QTest::keyClick(v.get(), Qt::Key_F, Qt::AltModifier);
    QVERIFY(!v->session().state(position).flagged);
    QVERIFY(!v->submit(true));
    QVERIFY(!v->session().isSubmitted());
    v->setLocked(false);
    QVERIFY(!v->isLocked());
    QVERIFY(!v->findChild<QLabel *>(QStringLiteral("examLockBanner"))->isVisible());
    QTest::keyClick(v.get(), Qt::Key_F, Qt::AltModifier);
    QVERIFY(v->session().state(position).flagged);

    m_now = Start.addSecs(241);
    v->tick();
    QCOMPARE(v->countdownText(), QStringLiteral("00:59"));
    QVERIFY(v->extendTo(300 + 600));
    QCOMPARE(v->countdownText(), QStringLiteral("10:59"));
}

void tst_ExamView::warningsAndTimeOut()
{
    auto v = view(13);
    QSignalSpy submitted(v.get(), &ExamView::submitted);
    QCOMPARE(v->countdownText(), QStringLiteral("05:00"));
    QVERIFY(v->warningText().isEmpty() || v->warningText().contains(QStringLiteral("10 minutes")));
    m_now = Start.addSecs(241);
    v->tick();
    QCOMPARE(v->countdownText(), QStringLiteral("00:59"));
    QCOMPARE(v->warningText(), QStringLiteral("1 minute left"));
    m_now = Start.addSecs(300);
    v->tick();
    QCOMPARE(submitted.size(), 1);
    const ExamAttemptRecord done = *m_store.examAttempt(v->session().record().attemptId);
    QCOMPARE(done.submittedBy, QStringLiteral("timeout"));
}

void tst_ExamView::anAnswerThatCannotBeSavedStaysPending()
{
    auto v = view(14);
    int position = -1;
    for (int i = 0; i < v->session().count() && position < 0; ++i) {
        const Question::Type t = v->session().question(i)->type;
        if (t == Question::Type::FillIn || t == Question::Type::Numerical)
            position = i;
    }
    if (position < 0)
        QSKIP("this draw has no typed answer");
    v->showQuestion(position);
    const QString path = m_store.path();
    m_store.close(); // as a full disk would: nothing can be written
    QTest::keyClicks(v->textAnswer(), QStringLiteral("8192"));
    QVERIFY(v->hasPendingAnswer());
    QVERIFY(!v->session().state(position).answered);
    QVERIFY(m_store.open(path));
    QTRY_VERIFY_WITH_TIMEOUT(!v->hasPendingAnswer(), 5000); // tried again, and stored
    QCOMPARE(v->session().state(position).answer.text, QStringLiteral("8192"));
}

void tst_ExamView::practiceGivesFeedbackAtOnce()
{
    QString error;
    std::optional<ExamSession> drill =
        ExamSession::startDrill(m_store, m_pack, {QStringLiteral("sql")}, 10, m_learner, 5, Start, &error);
    QVERIFY2(drill, qPrintable(error));
    QCOMPARE(drill->count(), 4); // every sql question of the fixture bank
    QCOMPARE(drill->remainingSeconds(Start), -1);
    ExamView v(std::move(*drill), {{QStringLiteral("en"), QStringLiteral("SQL")}}, QStringLiteral("en"), [this] { return m_now; });
    QVERIFY(v.isPractice());
    int position = -1;
    for (int i = 0; i < v.session().count() && position < 0; ++i) {
        if (v.session().question(i)->id == u"q-count-null")
            position = i;
    }
    v.showQuestion(position);
    QCOMPARE(v.feedbackText(), QString());
    // Choose the option "3" (wrong) by its place on screen, then check.
    const QList<int> shown = v.session().drawn(position).shownOrder;
    v.choiceButton(int(shown.indexOf(1)))->click();
    v.checkAnswer();
    QVERIFY2(v.feedbackText().startsWith(QStringLiteral("Not right. Right answer: 2")), qPrintable(v.feedbackText()));
    QVERIFY(v.feedbackText().contains(QStringLiteral("count(x) skips NULLs")));
    v.choiceButton(int(shown.indexOf(0)))->click();
    v.checkAnswer();
    QVERIFY2(v.feedbackText().startsWith(QStringLiteral("Right.")), qPrintable(v.feedbackText()));
    // A timed exam gives none.
    auto exam = view(21);
    QVERIFY(!exam->isPractice());
    exam->checkAnswer();
    QCOMPARE(exam->feedbackText(), QString());
}

void tst_ExamView::practiceChecksSqlInASandbox()
{
    ThrowawayServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    ExamSqlGrader grader(server.connectionString(), m_dir.path(), QStringLiteral("exam_ada"));
    QString error;
    std::optional<ExamSession> drill =
        ExamSession::startDrill(m_store, m_pack, {QStringLiteral("sql")}, 10, m_learner, 6, Start, &error);
    QVERIFY2(drill, qPrintable(error));
    ExamView v(std::move(*drill), {{QStringLiteral("en"), QStringLiteral("SQL")}}, QStringLiteral("en"), [this] { return m_now; });
    int position = -1;
    for (int i = 0; i < v.session().count() && position < 0; ++i) {
        if (v.session().question(i)->id == u"q-sql-total")
            position = i;
    }
    QVERIFY(position >= 0);
    int requests = 0;
    connect(&v, &ExamView::sqlCheckRequested, &v, [&](int at, const CandidateAnswer &answer) {
        ++requests;
        QString why;
        const std::optional<QuestionScore> verdict = grader.grade(*v.session().question(at), answer, QStringLiteral("en"), &why);
        v.showSqlVerdict(at, answer.text, verdict, why);
    });
    v.showQuestion(position);
    v.sqlEditor()->setText(QStringLiteral("SELECT count(*) FROM orders;"));
    v.checkAnswer();
    QCOMPARE(requests, 1);
    QVERIFY2(v.feedbackText().startsWith(QStringLiteral("Not right.")), qPrintable(v.feedbackText()));
    const std::optional<QuestionScore> wrong = v.session().state(position).graded;
    QVERIFY(wrong && !wrong->correct && !wrong->feedback.isEmpty());
    QVERIFY2(v.feedbackText().contains(wrong->feedback.first().section(u'\n', 0, 0)), qPrintable(v.feedbackText()));
    QVERIFY(v.feedbackText().contains(QStringLiteral("SELECT sum(amount) FROM orders"))); // a solution that passes
    // The same answer again: its stored verdict, no second grading.
    v.checkAnswer();
    QCOMPARE(requests, 1);
    // A verdict for an answer since replaced changes nothing.
    v.sqlEditor()->setText(QStringLiteral("SELECT sum(amount) FROM orders;"));
    v.showSqlVerdict(position, QStringLiteral("SELECT count(*) FROM orders;"), wrong, QString());
    QVERIFY(!v.session().state(position).graded);
    v.checkAnswer();
    QCOMPARE(requests, 2);
    QVERIFY2(v.feedbackText().startsWith(QStringLiteral("Right.")), qPrintable(v.feedbackText()));
    QVERIFY(v.session().state(position).graded->correct);
    // What the sandbox could not do is said, and nothing is stored.
    v.sqlEditor()->setText(QStringLiteral("SELECT 1;"));
    v.showSqlVerdict(position, QStringLiteral("SELECT 1;"), std::nullopt, QStringLiteral("the server is gone"));
    QVERIFY2(v.feedbackText().contains(QStringLiteral("could not be checked: the server is gone")), qPrintable(v.feedbackText()));
    QVERIFY(!v.session().state(position).graded);
}

QTEST_MAIN(tst_ExamView)
#include "tst_examview.moc"
