#include "courselibrary.h"
#include "dashboard.h"
#include "examsession.h"
#include "progressstore.h"
#include "testhelpers.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Fixtures = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware/good");
} // namespace

// The home view's figures from a seeded store and the fixture pack, each compared with a
// value worked out by hand in the comments.
class tst_Dashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void figuresOfASeededLearner();
    void whereToGoOn();

private:
    QDateTime at(int daysAgo, int hour, int minute, int second = 0) const
    {
        return QDateTime(m_today.addDays(-daysAgo), QTime(hour, minute, second)); // local time
    }
    CourseEvent courseEvent(const QString &item, CourseEvent::Kind kind, const QDateTime &when, bool passed = false) const;

    QTemporaryDir m_dir;
    CourseLibrary m_library;
    ProgressStore m_store;
    QDate m_today;
    QDateTime m_now;
};

CourseEvent tst_Dashboard::courseEvent(const QString &item, CourseEvent::Kind kind, const QDateTime &when, bool passed) const
{
    CourseEvent e;
    e.packId = QStringLiteral("fixture-good");
    e.itemId = item;
    e.stepId = item == u"count-rows" && kind == CourseEvent::Kind::Attempt ? QStringLiteral("count") : QString();
    e.kind = kind;
    e.at = when;
    e.passed = passed;
    return e;
}

void tst_Dashboard::initTestCase()
{
    m_library.load({Fixtures});
    QVERIFY2(m_library.problems().isEmpty(), qPrintable(m_library.problems().value(0).toText()));
    QCOMPARE(m_library.packs().size(), 1);
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("progress.sqlite"))));
    m_today = QDate::currentDate();
    m_now = QDateTime(m_today, QTime(12, 0));
}

void tst_Dashboard::figuresOfASeededLearner()
{
    const qint64 ada = m_store.createLearner(QStringLiteral("Ada"))->id;
    // Four days ago: the lesson opened. Today: read, the lab failed once, then passed.
    QVERIFY(m_store.recordCourseEvent(ada, courseEvent(QStringLiteral("hello"), CourseEvent::Kind::Opened, at(4, 8, 0))) > 0);
    QVERIFY(m_store.recordCourseEvent(ada, courseEvent(QStringLiteral("hello"), CourseEvent::Kind::Read, at(0, 10, 0))) > 0);
    QVERIFY(m_store.recordCourseEvent(ada, courseEvent(QStringLiteral("count-rows"), CourseEvent::Kind::Attempt, at(0, 10, 5))) > 0);
    QVERIFY(m_store.recordCourseEvent(ada, courseEvent(QStringLiteral("count-rows"), CourseEvent::Kind::Attempt, at(0, 10, 10), true)) > 0);

    // Two days ago, the quick exam: count-null right (1), isolation one of two (0.5),
    // mvcc-true wrong (0), block size right (1): 2.5 of 4, 62.5 %, passed (pass mark 50).
    const QList<DrawnQuestion> questions = {{QStringLiteral("basics"), QStringLiteral("q-count-null"), {0, 1, 2}},
                                            {QStringLiteral("basics"), QStringLiteral("q-isolation"), {0, 1, 2}},
                                            {QStringLiteral("basics"), QStringLiteral("q-mvcc-true"), {}},
                                            {QStringLiteral("basics"), QStringLiteral("q-block-size"), {}}};
    const auto attempt = [&](const QString &id, const QDateTime &start, bool submitted) {
        ExamAttemptRecord a;
        a.attemptId = id;
        a.learnerId = ada;
        a.packId = QStringLiteral("fixture-good");
        a.blueprintId = QStringLiteral("quick");
        a.mode = QStringLiteral("exam");
        a.startedAt = start;
        a.durationSeconds = 300;
        a.questionsJson = ExamSession::questionsToJson(questions);
        QVERIFY(m_store.startExamAttempt(a));
        if (submitted)
            QVERIFY(m_store.submitExamAttempt(id, start.addSecs(200), QStringLiteral("candidate")));
    };
    attempt(QStringLiteral("first"), at(2, 9, 0), true);
    CandidateAnswer falseAnswer, blocks;
    falseAnswer.truth = false; // the statement is true: answered wrong
    blocks.text = QStringLiteral("8192");
    QVERIFY(m_store.recordExamEvent(QStringLiteral("first"), {at(2, 9, 0, 10), 0, QStringLiteral("answer"), chose({0}).toJson()}));
    QVERIFY(m_store.recordExamEvent(QStringLiteral("first"), {at(2, 9, 0, 11), 1, QStringLiteral("answer"), chose({0}).toJson()}));
    QVERIFY(m_store.recordExamEvent(QStringLiteral("first"), {at(2, 9, 0, 12), 2, QStringLiteral("answer"), falseAnswer.toJson()}));
    QVERIFY(m_store.recordExamEvent(QStringLiteral("first"), {at(2, 9, 0, 13), 3, QStringLiteral("answer"), blocks.toJson()}));
    QVERIFY(m_store.recordExamEvent(QStringLiteral("first"), {at(2, 9, 0, 20), 3, QStringLiteral("unsure"), QString()}));
    // Yesterday, again, nothing answered: 0 %. Today, a third one still open.
    attempt(QStringLiteral("second"), at(1, 9, 0), true);
    QVERIFY(m_store.recordExamEvent(QStringLiteral("second"), {at(1, 9, 0), 0, QStringLiteral("visit"), QString()}));
    attempt(QStringLiteral("third"), at(0, 11, 0), false);

    // Review cards: one due yesterday, one in three days.
    ReviewCardRecord card;
    card.packId = QStringLiteral("fixture-good");
    card.bankId = QStringLiteral("basics");
    card.questionId = QStringLiteral("q-mvcc-true");
    card.stability = 1;
    card.difficulty = 5;
    card.lastReview = at(2, 9, 5);
    card.due = at(1, 9, 5);
    QVERIFY(m_store.saveReviewCard(ada, card));
    card.questionId = QStringLiteral("q-isolation");
    card.due = at(-3, 9, 5);
    QVERIFY(m_store.saveReviewCard(ada, card));

    const DashboardData d = DashboardData::load(m_store, m_library, ada, m_now);
    // The one track: the lesson and the lab, both done.
    QCOMPARE(d.tracks.size(), 1);
    QCOMPARE(d.tracks.first().items, 2);
    QCOMPARE(d.tracks.first().done, 2);
    QCOMPARE(d.tracks.first().percent(), 100.0);
    QCOMPARE(d.labsTotal, 1);
    QCOMPARE(d.labsAttempted, 1);
    QCOMPARE(d.labsPassed, 1);
    // Exams, oldest first; the open one is not among them.
    QCOMPARE(d.exams.size(), 2);
    QCOMPARE(d.exams.at(0).percent, 62.5);
    QVERIFY(d.exams.at(0).passed);
    QCOMPARE(d.exams.at(1).percent, 0.0);
    QVERIFY(!d.exams.at(1).passed);
    QCOMPARE(d.exams.at(0).title.value(QStringLiteral("en")), QStringLiteral("Quick quiz"));
    // Domains, weakest first. mvcc: 0.5 + 0 of 2, then 0 of 2: 0.5 of 4 = 12.5 %.
    // sql: 2 of 2, then 0 of 2, and the lab's one step passed: 3 of 5 = 60 %.
    QCOMPARE(d.domains.size(), 2);
    QCOMPARE(d.domains.at(0).domain, QStringLiteral("mvcc"));
    QCOMPARE(d.domains.at(0).percent(), 12.5);
    QCOMPARE(d.domains.at(0).questions, 4);
    QCOMPARE(d.domains.at(1).domain, QStringLiteral("sql"));
    QCOMPARE(d.domains.at(1).percent(), 60.0);
    QCOMPARE(d.domains.at(1).labSteps, 1);
    QCOMPARE(d.domains.at(1).title.value(QStringLiteral("en")), QStringLiteral("SQL queries"));
    // Study time per day: today 60 + 300 + 300 = 660 s; yesterday a lone visit, 60 s; two
    // days ago answers at :10, :11, :12, :13 and the unsure mark at :20: 60 + 1 + 1 + 1 + 7
    // = 70 s; four days ago a lone opening, 60 s. Summed by the weeks they fall in.
    const QMap<int, qint64> perDay = {{0, 660}, {1, 60}, {2, 70}, {4, 60}};
    QMap<QDate, qint64> expectedWeeks;
    for (auto it = perDay.cbegin(); it != perDay.cend(); ++it) {
        const QDate day = m_today.addDays(-it.key());
        expectedWeeks[day.addDays(1 - day.dayOfWeek())] += it.value();
    }
    QCOMPARE(d.weeks.size(), 8);
    QCOMPARE(d.weeks.last().monday, m_today.addDays(1 - m_today.dayOfWeek()));
    for (const DashboardData::Week &w : d.weeks)
        QCOMPARE(w.seconds, expectedWeeks.value(w.monday));
    // Today, yesterday, the day before: three days in a row (four days ago is apart).
    QCOMPARE(d.streakDays, 3);
    QCOMPARE(d.reviewsDue, 1);
    // The open exam comes first.
    QVERIFY(d.next);
    QCOMPARE(d.next->kind, DashboardData::Next::Kind::Exam);
    QCOMPARE(d.next->id, QStringLiteral("third"));
}

void tst_Dashboard::whereToGoOn()
{
    // Nothing done yet: the first item of the pack.
    const qint64 bo = m_store.createLearner(QStringLiteral("Bo"))->id;
    DashboardData d = DashboardData::load(m_store, m_library, bo, m_now);
    QVERIFY(d.next);
    QCOMPARE(d.next->kind, DashboardData::Next::Kind::Item);
    QCOMPARE(d.next->id, QStringLiteral("hello"));
    QCOMPARE(d.streakDays, 0);
    QVERIFY(d.exams.isEmpty() && d.domains.isEmpty());
    QCOMPARE(d.tracks.first().done, 0);
    // The lesson read, the lab opened and failed: the lab, where Bo left off.
    QVERIFY(m_store.recordCourseEvent(bo, courseEvent(QStringLiteral("hello"), CourseEvent::Kind::Read, at(1, 20, 0))) > 0);
    QVERIFY(m_store.recordCourseEvent(bo, courseEvent(QStringLiteral("count-rows"), CourseEvent::Kind::Opened, at(1, 20, 5))) > 0);
    QVERIFY(m_store.recordCourseEvent(bo, courseEvent(QStringLiteral("count-rows"), CourseEvent::Kind::Attempt, at(1, 20, 9))) > 0);
    d = DashboardData::load(m_store, m_library, bo, m_now);
    QCOMPARE(d.next->id, QStringLiteral("count-rows"));
    QCOMPARE(d.labsAttempted, 1);
    QCOMPARE(d.labsPassed, 0);
    QCOMPARE(d.tracks.first().done, 1);
    // Yesterday counts while today is young: a streak of one.
    QCOMPARE(d.streakDays, 1);
    // A step whose solution was shown counts as not passed for its domain: sql, 0 of 1.
    CourseEvent shown = courseEvent(QStringLiteral("count-rows"), CourseEvent::Kind::Solution, at(1, 20, 15));
    shown.stepId = QStringLiteral("count");
    QVERIFY(m_store.recordCourseEvent(bo, shown) > 0);
    QVERIFY(m_store.recordCourseEvent(bo, courseEvent(QStringLiteral("count-rows"), CourseEvent::Kind::Attempt, at(1, 20, 20), true)) > 0);
    d = DashboardData::load(m_store, m_library, bo, m_now);
    QCOMPARE(d.labsPassed, 1);
    QCOMPARE(d.domains.size(), 1);
    QCOMPARE(d.domains.first().percent(), 0.0);
    QVERIFY(!d.next); // everything done, nothing open
}

QTEST_GUILESS_MAIN(tst_Dashboard)
#include "tst_dashboard.moc"
