#include "coursepackloader.h"
#include "examdraw.h"
#include "examsession.h"
#include "examsqlgrader.h"
#include "progressstore.h"
#include "throwawayserver.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Fixtures = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware");
const QDateTime Start = QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::UTC);

CandidateAnswer sql(const QString &text)
{
    CandidateAnswer a;
    a.text = text;
    return a;
}
} // namespace

// SQL questions of exams graded in sandboxes on a real server, and their verdicts kept
// with the attempt in a real store, so a result is scored again without the server.
class tst_ExamSqlGrader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void grades_data();
    void grades();
    void eachAnswerStartsFromTheDataset();
    void verdictIsStoredWithTheAttempt();
    void serverGoneIsNotTheCandidatesFault();

private:
    const Question *question(const QString &id) const;

    ThrowawayServer m_server;
    QTemporaryDir m_dir;
    CoursePack m_pack;
    std::unique_ptr<ExamSqlGrader> m_grader;
};

const Question *tst_ExamSqlGrader::question(const QString &id) const
{
    for (const QuestionBank &bank : m_pack.banks) {
        for (const Question &q : bank.questions) {
            if (q.id == id)
                return &q;
        }
    }
    return nullptr;
}

void tst_ExamSqlGrader::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QList<PackProblem> problems;
    const std::optional<CoursePack> pack = CoursePackLoader::load(Fixtures + QStringLiteral("/good"), &problems);
    QVERIFY2(pack, problems.isEmpty() ? "" : qPrintable(problems.first().toText()));
    m_pack = *pack;
    QVERIFY(question(QStringLiteral("q-sql-total")));
    m_grader = std::make_unique<ExamSqlGrader>(m_server.connectionString(), m_dir.path(), QStringLiteral("exam_1"));
}

void tst_ExamSqlGrader::grades_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("correct");
    QTest::addColumn<QString>("feedback"); // a part of it; empty: none

    QTest::newRow("the solution") << "SELECT sum(amount) FROM orders;" << true << "";
    QTest::newRow("written otherwise") << "select SUM(o.amount) as sum\nfrom orders o" << true << "";
    QTest::newRow("after other statements") << "CREATE TEMP TABLE t AS SELECT 1;\nSELECT sum(amount) FROM orders;" << true << "";
    QTest::newRow("counts instead") << "SELECT count(*) FROM orders;" << false << "";
    QTest::newRow("hard-coded") << "SELECT 30.5;" << false << "";
    QTest::newRow("syntax error") << "SELEC sum(amount) FROM orders;" << false << "Your SQL failed";
    QTest::newRow("no such column") << "SELECT sum(price) FROM orders;" << false << "price";
    QTest::newRow("empty") << "  \n" << false << "No SQL was given";
}

void tst_ExamSqlGrader::grades()
{
    QFETCH(QString, answer);
    QFETCH(bool, correct);
    QFETCH(QString, feedback);
    QString error;
    const std::optional<QuestionScore> score =
        m_grader->grade(*question(QStringLiteral("q-sql-total")), sql(answer), QStringLiteral("en"), &error);
    QVERIFY2(score, qPrintable(error));
    QCOMPARE(score->correct, correct);
    QCOMPARE(score->score, correct ? 1.0 : 0.0);
    QCOMPARE(score->feedback.isEmpty(), correct);
    if (!feedback.isEmpty())
        QVERIFY2(score->feedback.join(u' ').contains(feedback), qPrintable(score->feedback.join(u' ')));
}

void tst_ExamSqlGrader::eachAnswerStartsFromTheDataset()
{
    const Question *q = question(QStringLiteral("q-sql-total"));
    QString error;
    // An answer that changes the data passes on its own data...
    std::optional<QuestionScore> first =
        m_grader->grade(*q, sql(QStringLiteral("DELETE FROM orders WHERE id = 2; SELECT sum(amount) FROM orders;")),
                        QStringLiteral("en"), &error);
    QVERIFY2(first, qPrintable(error));
    // ...and the next answer does not see what it did.
    std::optional<QuestionScore> second =
        m_grader->grade(*q, sql(QStringLiteral("SELECT 30.5 AS sum;")), QStringLiteral("en"), &error);
    QVERIFY2(second, qPrintable(error));
    const QString total = queryScalar(m_server.connectionString(QStringLiteral("lab_q_q_sql_total_exam_1")),
                                      QStringLiteral("SELECT sum(amount) FROM orders"), &error);
    QCOMPARE(total, QStringLiteral("30.5"));
}

void tst_ExamSqlGrader::verdictIsStoredWithTheAttempt()
{
    ProgressStore store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("progress.sqlite"))));
    const qint64 learner = store.defaultLearner(QStringLiteral("Ada")).id;
    QString error;
    std::optional<ExamSession> drill =
        ExamSession::startDrill(store, m_pack, {QStringLiteral("sql")}, 100, learner, 3, Start, &error);
    QVERIFY2(drill, qPrintable(error));
    int at = -1;
    for (int i = 0; i < drill->count(); ++i) {
        if (drill->drawn(i).questionId == u"q-sql-total")
            at = i;
    }
    QVERIFY(at >= 0);
    const Question *q = drill->question(at);
    const auto scoreNow = [&] {
        const ExamAttemptRecord record = *store.examAttempt(drill->record().attemptId);
        return ExamScore::of(m_pack, record, store.examEvents(record.attemptId), 50);
    };

    const CandidateAnswer right = sql(QStringLiteral("SELECT sum(amount) FROM orders;"));
    QVERIFY(drill->answer(at, right, Start.addSecs(10)));
    ExamScore score = scoreNow();
    QCOMPARE(score.pending, 1);
    QVERIFY(score.perQuestion.at(at).pending);
    const QList<ExamSession::UngradedAnswer> waiting =
        ExamSession::ungradedSql(m_pack, drill->record(), store.examEvents(drill->record().attemptId));
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().position, at);
    QCOMPARE(waiting.first().question, q);
    QCOMPARE(waiting.first().text, right.text);

    std::optional<QuestionScore> verdict = m_grader->grade(*q, right, QStringLiteral("en"), &error);
    QVERIFY2(verdict && verdict->correct, qPrintable(error));
    QVERIFY(drill->recordGraded(at, *verdict, Start.addSecs(11)));
    score = scoreNow();
    QCOMPARE(score.pending, 0);
    QVERIFY(score.perQuestion.at(at).correct);
    QVERIFY(ExamSession::ungradedSql(m_pack, drill->record(), store.examEvents(drill->record().attemptId)).isEmpty());

    // A changed answer waits for its own verdict; the old one no longer counts.
    const CandidateAnswer wrong = sql(QStringLiteral("SELECT count(*) FROM orders;"));
    QVERIFY(drill->answer(at, wrong, Start.addSecs(20)));
    QVERIFY(drill->state(at).graded == std::nullopt);
    score = scoreNow();
    QCOMPARE(score.pending, 1);
    QCOMPARE(score.perQuestion.at(at).score, 0.0);

    // Graded after the submission, as the app does; a verdict for another text is ignored.
    QVERIFY(drill->submit(Start.addSecs(30)));
    const ExamAttemptRecord submitted = *store.examAttempt(drill->record().attemptId);
    QVERIFY(ExamSession::recordGraded(store, submitted, at, right.text, *verdict, Start.addSecs(31)));
    QCOMPARE(scoreNow().pending, 1);
    verdict = m_grader->grade(*q, wrong, QStringLiteral("en"), &error);
    QVERIFY2(verdict && !verdict->correct, qPrintable(error));
    QVERIFY(ExamSession::recordGraded(store, submitted, at, wrong.text, *verdict, Start.addSecs(32)));
    score = scoreNow();
    QCOMPARE(score.pending, 0);
    QVERIFY(!score.perQuestion.at(at).correct);
    QCOMPARE(score.perQuestion.at(at).feedback, verdict->feedback);

    // Read back through another connection, as at the next start: no server needed.
    ProgressStore reopened;
    QVERIFY(reopened.open(store.path()));
    const ExamScore again = ExamScore::of(m_pack, submitted, reopened.examEvents(submitted.attemptId), 50);
    QCOMPARE(again.pending, 0);
    QCOMPARE(again.perQuestion.at(at).feedback, verdict->feedback);
}

void tst_ExamSqlGrader::serverGoneIsNotTheCandidatesFault()
{
    ExamSqlGrader nowhere(QStringLiteral("host=/nonexistent port=1 dbname=postgres connect_timeout=2"), m_dir.path(), QStringLiteral("exam_2"));
    QString error;
    const std::optional<QuestionScore> score =
        nowhere.grade(*question(QStringLiteral("q-sql-total")), sql(QStringLiteral("SELECT 1;")), QStringLiteral("en"), &error);
    QVERIFY(!score);
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ExamSqlGrader)
#include "tst_examsqlgrader.moc"
