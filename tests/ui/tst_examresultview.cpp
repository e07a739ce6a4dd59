#include "coursepackloader.h"
#include "examresultview.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Fixtures = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware");
const QDateTime Start = QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::UTC);

CandidateAnswer chose(QList<int> options)
{
    CandidateAnswer a;
    a.chosen = options;
    return a;
}
} // namespace

// The result of a stored attempt: score, domain chart, review with filters.
class tst_ExamResultView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scoreChartAndReview();
    void answersInWords();

private:
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

void tst_ExamResultView::scoreChartAndReview()
{
    ExamAttemptRecord attempt;
    attempt.attemptId = QStringLiteral("reviewed");
    attempt.learnerId = m_store.defaultLearner(QStringLiteral("Ada")).id;
    attempt.packId = m_pack.id;
    attempt.blueprintId = QStringLiteral("quick");
    attempt.mode = QStringLiteral("exam");
    attempt.startedAt = Start;
    attempt.questionsJson = ExamSession::questionsToJson({{QStringLiteral("basics"), QStringLiteral("q-count-null"), {0, 1, 2}},
                                                          {QStringLiteral("basics"), QStringLiteral("q-mvcc-true"), {}},
                                                          {QStringLiteral("basics"), QStringLiteral("q-vacuum-word"), {}},
                                                          {QStringLiteral("basics"), QStringLiteral("q-clause-order"), {3, 2, 1, 0}}});
    QVERIFY(m_store.startExamAttempt(attempt));
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

QTEST_MAIN(tst_ExamResultView)
#include "tst_examresultview.moc"
