#include "coursepackloader.h"
#include "examresultview.h"
#include "testhelpers.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Fixtures = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware");
const QDateTime Start = QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::UTC);
} // namespace

// The result of a stored attempt: score, domain chart, review with filters.
class tst_ExamResultView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scoreChartAndReview();
    void answersInWords();
    void sqlVerdictsArriveLater();
    void historyShowsTheTrend();

private:
    // An exam attempt of these questions, stored (an empty record when it cannot be).
    ExamAttemptRecord startAttempt(const QString &id, const QList<DrawnQuestion> &questions);

    QTemporaryDir m_dir;
    CoursePack m_pack;
    ProgressStore m_store;
};

void tst_ExamResultView::initTestCase()
{
    QList<PackProblem> problems;
    m_pack = *CoursePackLoader::load(Fixtures + QStringLiteral("/good"), &problems);
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("progress.sqlite"))));
}

ExamAttemptRecord tst_ExamResultView::startAttempt(const QString &id, const QList<DrawnQuestion> &questions)
{
    ExamAttemptRecord attempt;
    attempt.attemptId = id;
    attempt.learnerId = m_store.defaultLearner(QStringLiteral("Ada")).id;
    attempt.packId = m_pack.id;
    attempt.blueprintId = QStringLiteral("quick");
    attempt.mode = QStringLiteral("exam");
    attempt.startedAt = Start;
    attempt.questionsJson = ExamSession::questionsToJson(questions);
    return m_store.startExamAttempt(attempt) ? attempt : ExamAttemptRecord();
}

void tst_ExamResultView::scoreChartAndReview()
{
    const ExamAttemptRecord attempt = startAttempt(QStringLiteral("reviewed"),
                                                   {{QStringLiteral("basics"), QStringLiteral("q-count-null"), {0, 1, 2}},
                                                    {QStringLiteral("basics"), QStringLiteral("q-mvcc-true"), {}},
                                                    {QStringLiteral("basics"), QStringLiteral("q-vacuum-word"), {}},
                                                    {QStringLiteral("basics"), QStringLiteral("q-clause-order"), {3, 2, 1, 0}}});
    QVERIFY(!attempt.attemptId.isEmpty());
    CandidateAnswer truth, word;
    truth.truth = true;
    word.text = QStringLiteral("vacuum full");
    const QList<ExamEventRecord> events = {{Start, 0, QStringLiteral("answer"), chose({0}).toJson()},
                                           {Start, 1, QStringLiteral("answer"), truth.toJson()},
                                           {Start, 2, QStringLiteral("answer"), word.toJson()},
                                           {Start, 3, QStringLiteral("flag"), QString()}};
    for (const ExamEventRecord &e : events)
        QVERIFY(m_store.recordExamEvent(attempt.attemptId, e));
    QVERIFY(m_store.submitExamAttempt(attempt.attemptId, Start.addSecs(200), QStringLiteral("timeout")));
    const ExamAttemptRecord done = *m_store.examAttempt(attempt.attemptId);

    ExamResultView view(m_pack, m_pack.blueprints.first(), done, m_store.examEvents(attempt.attemptId), QStringLiteral("en"));
    // count-null right, mvcc-true right, "vacuum full" matches the regex, the ordering unanswered: 3 of 4.
    QCOMPARE(view.score().points, 3.0);
    QVERIFY2(view.summaryText().startsWith(QStringLiteral("75.0 %: Passed (pass mark 50 %), 3.0 of 4 points")),
             qPrintable(view.summaryText()));
    QVERIFY(view.summaryText().contains(QStringLiteral("time ran out")));
    const QList<DomainChart::Bar> bars = view.chart()->bars();
    QCOMPARE(bars.size(), 2);
    QCOMPARE(bars.at(0).label, QStringLiteral("SQL queries"));
    QCOMPARE(bars.at(0).percent, 50.0); // count-null right, clause-order not answered
    QCOMPARE(bars.at(1).percent, 100.0);
    QCOMPARE(view.listed(), (QList<int>{0, 1, 2, 3}));
    view.setFilter(ExamResultView::Filter::Wrong);
    QCOMPARE(view.listed(), QList<int>{3});
    QVERIFY(view.reviewText().contains(QStringLiteral("(not answered)")));
    QVERIFY(view.reviewText().contains(QStringLiteral("SELECT → FROM → WHERE → GROUP BY")));
    view.setFilter(ExamResultView::Filter::Flagged);
    QCOMPARE(view.listed(), QList<int>{3});
    view.setFilter(ExamResultView::Filter::All);
    view.showReview(0);
    QVERIFY(view.reviewText().contains(QStringLiteral("Your answer: 2")));
    QVERIFY(view.reviewText().contains(QStringLiteral("functions-aggregate.html")));
}

void tst_ExamResultView::answersInWords()
{
    const QuestionBank &bank = m_pack.banks.first();
    const auto q = [&](const QString &id) {
        return *std::find_if(bank.questions.cbegin(), bank.questions.cend(), [&](const Question &x) { return x.id == id; });
    };
    CandidateAnswer matched;
    matched.matches = {1, 0, -1};
    QCOMPARE(ExamResultView::describeAnswer(q(QStringLiteral("q-match-locks")), matched, QStringLiteral("en")),
             QStringLiteral("SELECT → ROW EXCLUSIVE; UPDATE → ACCESS SHARE; VACUUM FULL → (none)"));
    QCOMPARE(ExamResultView::describeRight(q(QStringLiteral("q-isolation")), QStringLiteral("en")),
             QStringLiteral("REPEATABLE READ; SERIALIZABLE"));
    QCOMPARE(ExamResultView::describeRight(q(QStringLiteral("q-block-size")), QStringLiteral("en")), QStringLiteral("8192"));
    QCOMPARE(ExamResultView::describeAnswer(q(QStringLiteral("q-count-null")), {}, QStringLiteral("en")),
             QStringLiteral("(not answered)"));
}

void tst_ExamResultView::sqlVerdictsArriveLater()
{
    const ExamAttemptRecord attempt = startAttempt(QStringLiteral("with-sql"),
                                                   {{QStringLiteral("basics"), QStringLiteral("q-mvcc-true"), {}},
                                                    {QStringLiteral("basics"), QStringLiteral("q-sql-total"), {}}});
    QVERIFY(!attempt.attemptId.isEmpty());
    CandidateAnswer truth, query;
    truth.truth = true;
    query.text = QStringLiteral("SELECT count(*) FROM orders;");
    QVERIFY(m_store.recordExamEvent(attempt.attemptId, {Start, 0, QStringLiteral("answer"), truth.toJson()}));
    QVERIFY(m_store.recordExamEvent(attempt.attemptId, {Start, 1, QStringLiteral("answer"), query.toJson()}));
    QVERIFY(m_store.submitExamAttempt(attempt.attemptId, Start.addSecs(100), QStringLiteral("candidate")));
    const ExamAttemptRecord done = *m_store.examAttempt(attempt.attemptId);

    ExamResultView view(m_pack, m_pack.blueprints.first(), done, m_store.examEvents(attempt.attemptId), QStringLiteral("en"));
    QCOMPARE(view.score().pending, 1);
    QVERIFY2(view.summaryText().contains(QStringLiteral("not graded yet")), qPrintable(view.summaryText()));
    view.setFilter(ExamResultView::Filter::Wrong);
    QCOMPARE(view.listed(), QList<int>{1});
    view.showReview(1);
    QVERIFY2(view.reviewText().contains(QStringLiteral("not graded yet")), qPrintable(view.reviewText()));
    view.setGradingNote(QStringLiteral("Grading…"));
    QCOMPARE(view.gradingNote(), QStringLiteral("Grading…"));

    // The verdict is stored; the view reads the events again and keeps its place.
    const QuestionScore verdict{0, false, {QStringLiteral("Your result has the wrong value: 2 instead of 30.5.")}, false};
    QVERIFY(ExamSession::recordGraded(m_store, done, 1, query.text, verdict, Start.addSecs(110)));
    view.setEvents(m_store.examEvents(attempt.attemptId));
    view.setGradingNote(QString());
    QCOMPARE(view.score().pending, 0);
    QVERIFY(!view.summaryText().contains(QStringLiteral("not graded")));
    QCOMPARE(view.listed(), QList<int>{1}); // still only the wrong ones
    QVERIFY2(view.reviewText().contains(QStringLiteral("What the checks found:")), qPrintable(view.reviewText()));
    QVERIFY(view.reviewText().contains(QStringLiteral("2 instead of 30.5")));
    QVERIFY(view.reviewText().contains(QStringLiteral("SELECT sum(amount) FROM orders")));
}

void tst_ExamResultView::historyShowsTheTrend()
{
    ExamAttemptRecord attempt;
    attempt.attemptId = QStringLiteral("b");
    attempt.packId = m_pack.id;
    attempt.questionsJson = QStringLiteral("[]");
    const QList<ExamHistoryEntry> history = {{QStringLiteral("a"), Start, 40.0, false, 0},
                                             {QStringLiteral("b"), Start.addDays(2), 62.5, true, 0},
                                             {QStringLiteral("c"), Start.addDays(5), 55.0, true, 0}};
    ExamResultView view(m_pack, m_pack.blueprints.first(), attempt, {}, QStringLiteral("en"));
    view.resize(1000, 700);
    view.setHistory(history);
    QCOMPARE(view.trend()->history().size(), 3);
    QCOMPARE(view.historyText(), QStringLiteral("Attempt 2 of 3; best 62.5 %, passed 2 of 3. +22.5 points since the attempt before."));
    // Painted with the points where the scores put them.
    ScoreTrend trend;
    trend.resize(300, 160);
    trend.setHistory(history, QStringLiteral("b"), 50);
    QImage image(trend.size(), QImage::Format_ARGB32);
    trend.render(&image);
    const QColor passed(0x2e, 0x7d, 0x32), failed(0xc6, 0x28, 0x28);
    int green = 0, red = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            green += image.pixelColor(x, y) == passed ? 1 : 0;
            red += image.pixelColor(x, y) == failed ? 1 : 0;
        }
    }
    QVERIFY2(red > 10 && green > red * 3 / 2, qPrintable(QStringLiteral("%1 green, %2 red").arg(green).arg(red))); // two passing, one failing
    // An attempt the history does not hold (its first) shows no trend.
    ExamAttemptRecord other = attempt;
    other.attemptId = QStringLiteral("z");
    ExamResultView alone(m_pack, m_pack.blueprints.first(), other, {}, QStringLiteral("en"));
    alone.setHistory(history);
    QVERIFY(alone.trend()->parentWidget()->isHidden());
}

QTEST_MAIN(tst_ExamResultView)
#include "tst_examresultview.moc"
