#include "coursepackloader.h"
#include "examsession.h"
#include "progressstore.h"
#include "testhelpers.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Fixtures = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware");
const QDateTime Start = QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::UTC);
} // namespace

// Attempts over a real SQLite store: drawn once, rebuilt from their events, timed by the
// wall clock, scored from what was stored, and feeding the review queue.
class tst_ExamSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void answersFlagsAndResume();
    void timeRunsOutByTheWallClock();
    void extraTimeMovesTheDeadline();
    void scoreFromStoredAnswers();
    void reviewQueueTakesWhatWasMissed();
    void reviewSessionReschedules();
    void historyOfAnExam();

private:
    QTemporaryDir m_dir;
    CoursePack m_pack;
    ProgressStore m_store;
    qint64 m_learner = 0;
};

void tst_ExamSession::initTestCase()
{
    QList<PackProblem> problems;
    const std::optional<CoursePack> pack = CoursePackLoader::load(Fixtures + QStringLiteral("/good"), &problems);
    QVERIFY2(pack, problems.isEmpty() ? "" : qPrintable(problems.first().toText()));
    m_pack = *pack;
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("progress.sqlite"))));
    m_learner = m_store.defaultLearner(QStringLiteral("Ada")).id;
}

void tst_ExamSession::answersFlagsAndResume()
{
    QString error;
    std::optional<ExamSession> exam = ExamSession::start(m_store, m_pack, m_pack.blueprints.first(), m_learner, 7, Start, &error);
    QVERIFY2(exam, qPrintable(error));
    QCOMPARE(exam->count(), 4);
    QCOMPARE(exam->remainingSeconds(Start), 300);
    QCOMPARE(exam->unansweredCount(), 4);
    QVERIFY(exam->visit(0, Start.addSecs(5)));
    QVERIFY(exam->answer(0, chose({0}), Start.addSecs(20)));
    QVERIFY(exam->answer(0, chose({1}), Start.addSecs(25))); // changed: the last answer counts
    QVERIFY(exam->setFlagged(1, true, Start.addSecs(30)));
    QVERIFY(exam->setFlagged(2, true, Start.addSecs(31)));
    QVERIFY(exam->setFlagged(2, false, Start.addSecs(32)));
    QVERIFY(exam->setUnsure(3, true, Start.addSecs(40)));
    QVERIFY(!exam->answer(9, chose({0}), Start.addSecs(41))); // no such question
    QCOMPARE(exam->unansweredCount(), 3);
    QCOMPARE(exam->flaggedCount(), 1);

    // Another connection to the file (as after a restart) sees all of it.
    ProgressStore reopened;
    QVERIFY(reopened.open(m_store.path()));
    const std::optional<ExamAttemptRecord> open = reopened.openExamAttempt(m_learner);
    QVERIFY(open);
    QCOMPARE(open->attemptId, exam->record().attemptId);
    std::optional<ExamSession> resumed = ExamSession::resume(reopened, m_pack, open->attemptId, &error);
    QVERIFY2(resumed, qPrintable(error));
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(resumed->drawn(i).questionId, exam->drawn(i).questionId);
        QCOMPARE(resumed->drawn(i).shownOrder, exam->drawn(i).shownOrder);
    }
    QCOMPARE(resumed->state(0).answer.chosen, QList<int>{1});
    QVERIFY(resumed->state(0).visited);
    QVERIFY(resumed->state(1).flagged && !resumed->state(2).flagged);
    QVERIFY(resumed->state(3).unsure);
    // Time went on while the app was away: two minutes later, three are left.
    QCOMPARE(resumed->remainingSeconds(Start.addSecs(120)), 180);
    QVERIFY(resumed->submit(Start.addSecs(130)));
    QCOMPARE(reopened.examAttempt(open->attemptId)->submittedBy, QStringLiteral("candidate"));
    QVERIFY(!reopened.openExamAttempt(m_learner));
    QVERIFY(!resumed->answer(1, chose({0}), Start.addSecs(131))); // nothing after the end
}

void tst_ExamSession::timeRunsOutByTheWallClock()
{
    QString error;
    std::optional<ExamSession> exam = ExamSession::start(m_store, m_pack, m_pack.blueprints.first(), m_learner, 8, Start, &error);
    QVERIFY2(exam, qPrintable(error));
    QVERIFY(exam->answer(0, chose({0}), Start.addSecs(299)));
    QCOMPARE(exam->remainingSeconds(Start.addMSecs(299500)), 1);
    QVERIFY(exam->timeIsUp(Start.addSecs(300)));
    QVERIFY(!exam->answer(1, chose({0}), Start.addSecs(301)));
    // Submitted late (the app was closed at the deadline): as at the deadline, by the clock.
    QVERIFY(exam->submit(Start.addSecs(3600)));
    const ExamAttemptRecord done = *m_store.examAttempt(exam->record().attemptId);
    QCOMPARE(done.submittedBy, QStringLiteral("timeout"));
    QCOMPARE(done.submittedAt, Start.addSecs(300));
    QCOMPARE(m_store.examEvents(done.attemptId).size(), 1);
}

// Extra time (a class's trainer gives it): the deadline moves, is kept across a resume,
// never shrinks, and a submitted attempt keeps the time it had.
void tst_ExamSession::extraTimeMovesTheDeadline()
{
    QString error;
    std::optional<ExamSession> exam = ExamSession::start(m_store, m_pack, m_pack.blueprints.first(), m_learner, 9, Start, &error);
    QVERIFY2(exam, qPrintable(error));
    QCOMPARE(exam->remainingSeconds(Start.addSecs(240)), 60);
    QVERIFY(exam->extendTo(600));
    QCOMPARE(exam->remainingSeconds(Start.addSecs(240)), 360);
    QVERIFY(!exam->extendTo(450)); // less than it has: nothing changes
    QCOMPARE(exam->remainingSeconds(Start.addSecs(240)), 360);
    const std::optional<ExamSession> resumed = ExamSession::resume(m_store, m_pack, exam->record().attemptId, &error);
    QVERIFY2(resumed, qPrintable(error));
    QCOMPARE(resumed->remainingSeconds(Start.addSecs(240)), 360);
    QVERIFY(exam->answer(0, chose({0}), Start.addSecs(500))); // past the old deadline, within the new one
    QVERIFY(exam->submit(Start.addSecs(550)));
    QCOMPARE(m_store.examAttempt(exam->record().attemptId)->submittedBy, QStringLiteral("candidate"));
    QVERIFY(!exam->extendTo(900));
    QCOMPARE(m_store.examAttempt(exam->record().attemptId)->durationSeconds, 600);
}

void tst_ExamSession::scoreFromStoredAnswers()
{
    // A hand-made attempt of four known questions and the answers stored for it.
    ExamAttemptRecord attempt;
    attempt.attemptId = QStringLiteral("hand-made");
    attempt.learnerId = m_learner;
    attempt.packId = m_pack.id;
    attempt.mode = QStringLiteral("exam");
    attempt.startedAt = Start;
    attempt.questionsJson = ExamSession::questionsToJson(
        {{QStringLiteral("basics"), QStringLiteral("q-count-null"), {2, 0, 1}},
         {QStringLiteral("basics"), QStringLiteral("q-isolation"), {0, 1, 2}},
         {QStringLiteral("basics"), QStringLiteral("q-mvcc-true"), {}},
         {QStringLiteral("basics"), QStringLiteral("q-block-size"), {}}});
    QVERIFY(m_store.startExamAttempt(attempt));
    CandidateAnswer truth, blocks;
    truth.truth = false;
    blocks.text = QStringLiteral("8,192");
    const QList<std::pair<int, CandidateAnswer>> answers = {
        {0, chose({0})},    // count(x) = 2: right (options are stored in the bank's order)
        {1, chose({0})},    // one of two right options, partial credit: 0.5
        {2, truth},         // reading never blocks writing is true: wrong
        {3, blocks}};       // 8192: right
    for (const auto &[position, answer] : answers)
        QVERIFY(m_store.recordExamEvent(attempt.attemptId, {Start.addSecs(10 + position), position, QStringLiteral("answer"),
                                                            answer.toJson()}));
    QVERIFY(m_store.recordExamEvent(attempt.attemptId, {Start.addSecs(20), 3, QStringLiteral("unsure"), QString()}));
    const ExamScore score = ExamScore::of(m_pack, attempt, m_store.examEvents(attempt.attemptId), 60);
    QCOMPARE(score.questions, 4);
    QCOMPARE(score.points, 2.5);
    QCOMPARE(score.percent(), 62.5);
    QVERIFY(score.passed);
    QCOMPARE(score.byDomain.value(QStringLiteral("sql")).percent(), 100.0); // count-null, block-size
    QCOMPARE(score.byDomain.value(QStringLiteral("mvcc")).percent(), 25.0); // 0.5 of 2
    QCOMPARE(score.byDifficulty.value(1).points, 1.0);                        // count-null 1, mvcc-true 0
    QCOMPARE(score.byDifficulty.value(2).points, 1.5);                        // isolation 0.5, block-size 1
    QVERIFY(!ExamScore::of(m_pack, attempt, m_store.examEvents(attempt.attemptId), 70).passed);
}

void tst_ExamSession::reviewQueueTakesWhatWasMissed()
{
    const ExamAttemptRecord attempt = *m_store.examAttempt(QStringLiteral("hand-made"));
    const QList<ExamEventRecord> events = m_store.examEvents(attempt.attemptId);
    const ExamScore score = ExamScore::of(m_pack, attempt, events, 60);
    const QDateTime now = Start.addSecs(3600);
    QVERIFY(ReviewQueue::updateFromAttempt(m_store, m_pack, attempt, events, score, now));
    QHash<QString, ReviewCardRecord> cards;
    for (const ReviewCardRecord &c : m_store.reviewCards(m_learner))
        cards.insert(c.questionId, c);
    // Wrong: rated Again (S = w0 = 0.4872, due in a day); right but unsure: Hard (S = w1 = 1.4003);
    // right and sure: not queued.
    QCOMPARE(cards.size(), 3);
    QVERIFY(cards.contains(QStringLiteral("q-isolation")) && cards.contains(QStringLiteral("q-mvcc-true")));
    QVERIFY(!cards.contains(QStringLiteral("q-count-null")));
    QVERIFY(qAbs(cards.value(QStringLiteral("q-mvcc-true")).stability - 0.4872) < 1e-9);
    QVERIFY(qAbs(cards.value(QStringLiteral("q-block-size")).stability - 1.4003) < 1e-9);
    QCOMPARE(cards.value(QStringLiteral("q-mvcc-true")).due, now.addDays(1));
    QCOMPARE(ReviewQueue::due(m_store, m_learner, now).size(), 0);
    QCOMPARE(ReviewQueue::due(m_store, m_learner, now.addDays(1)).size(), 3);
}

// A review session of the due cards: each one answered is rated and scheduled anew.
void tst_ExamSession::reviewSessionReschedules()
{
    const QDateTime later = Start.addSecs(3600).addDays(1);
    const QList<ReviewCardRecord> due = ReviewQueue::due(m_store, m_learner, later);
    QCOMPARE(due.size(), 3);
    QString error;
    std::optional<ExamSession> review = ExamSession::startReview(m_store, m_pack, due, m_learner, 3, later, &error);
    QVERIFY2(review, qPrintable(error));
    QCOMPARE(review->count(), 3);
    QCOMPARE(review->record().mode, QStringLiteral("review"));
    QCOMPARE(review->remainingSeconds(later), -1);
    int mvccTrue = -1;
    for (int i = 0; i < review->count(); ++i) {
        if (review->drawn(i).questionId == u"q-mvcc-true")
            mvccTrue = i;
    }
    QVERIFY(mvccTrue >= 0);
    // Right this time: Good, a day after it was rated Again (S 0.4872 → larger, due in more than a day).
    QVERIFY(review->rate(mvccTrue, true, later));
    QHash<QString, ReviewCardRecord> cards;
    for (const ReviewCardRecord &c : m_store.reviewCards(m_learner))
        cards.insert(c.questionId, c);
    const ReviewCardRecord card = cards.value(QStringLiteral("q-mvcc-true"));
    QCOMPARE(card.reviews, 2);
    QVERIFY(card.stability > 0.4872);
    QVERIFY(card.due > later.addDays(1));
    QCOMPARE(ReviewQueue::due(m_store, m_learner, later).size(), 2);
    // Nothing due: no session.
    QVERIFY(!ExamSession::startReview(m_store, m_pack, {}, m_learner, 3, later, &error));
    QVERIFY(error.contains(QStringLiteral("Nothing is due")));
}

void tst_ExamSession::historyOfAnExam()
{
    ProgressStore store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("history.sqlite"))));
    const qint64 learner = store.defaultLearner(QStringLiteral("Bo")).id;
    const ExamBlueprint &blueprint = m_pack.blueprints.first(); // pass mark 50
    QCOMPARE(blueprint.passPercent, 50);
    // Three attempts a day apart: 1 of 4 right, then 3 of 4, then 2 of 4; a fourth still open.
    const QList<int> rights = {1, 3, 2, 0};
    for (int n = 0; n < rights.size(); ++n) {
        const QDateTime at = Start.addDays(n);
        QString error;
        std::optional<ExamSession> exam = ExamSession::start(store, m_pack, blueprint, learner, 100 + n, at, &error);
        QVERIFY2(exam, qPrintable(error));
        for (int i = 0; i < rights.at(n); ++i) {
            const Question *q = exam->question(i);
            CandidateAnswer right;
            for (int o = 0; o < q->options.size(); ++o) {
                if (q->options.at(o).correct)
                    right.chosen << o;
            }
            if (q->type == Question::Type::TrueFalse)
                right.truth = q->truth;
            if (q->type == Question::Type::FillIn)
                right.text = q->accepted.value(0);
            if (q->type == Question::Type::Numerical)
                right.text = QString::number(q->value);
            if (q->type == Question::Type::Ordering)
                for (int k = 0; k < q->items.size(); ++k)
                    right.order << k;
            if (q->type == Question::Type::Matching)
                for (int k = 0; k < q->pairs.size(); ++k)
                    right.matches << k;
            if (q->type == Question::Type::Sql)
                right.text = q->task.steps.first().solution;
            QVERIFY(exam->answer(i, right, at.addSecs(10)));
        }
        if (n < 3)
            QVERIFY(exam->submit(at.addSecs(60)));
    }
    // A drill of the same pack is no attempt at the exam.
    QString error;
    QVERIFY(ExamSession::startDrill(store, m_pack, {}, 2, learner, 9, Start, &error)->submit(Start.addSecs(5)));

    const QList<ExamHistoryEntry> history = ExamHistoryEntry::of(store, m_pack, blueprint, learner);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.at(0).submittedAt, Start.addSecs(60));
    QCOMPARE(history.at(2).submittedAt, Start.addDays(2).addSecs(60));
    // An sql question answered with its solution waits for the sandbox: it scores nothing yet.
    for (int n = 0; n < 3; ++n) {
        const ExamHistoryEntry &e = history.at(n);
        QCOMPARE(e.percent, 100.0 * (rights.at(n) - e.pending) / 4);
        QCOMPARE(e.passed, e.percent >= 50);
    }
    QVERIFY(ExamHistoryEntry::of(store, m_pack, blueprint, m_learner + 99).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ExamSession)
#include "tst_examsession.moc"
