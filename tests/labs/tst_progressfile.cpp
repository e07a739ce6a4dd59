#include "progressfile.h"
#include "progressstore.h"
#include "testhelpers.h"
#include "throwawayserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

namespace {
const QDateTime Start = QDateTime(QDate(2026, 11, 20), QTime(9, 0), QTimeZone::UTC);

// How many rows each table holds, whoever they belong to, read by a connection of its
// own: what "unchanged" is checked by.
QMap<QString, qint64> counts(const ProgressStore &store)
{
    QMap<QString, qint64> result;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(store.path()).constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return result;
    for (const char *table : {"learner", "activity", "course_event", "query_history", "exam_attempt", "exam_event",
                              "review_card"}) {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, (QByteArray("SELECT count(*) FROM ") + table).constData(), -1, &stmt, nullptr);
        if (stmt && sqlite3_step(stmt) == SQLITE_ROW)
            result.insert(QString::fromLatin1(table), sqlite3_column_int64(stmt, 0));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return result;
}



QJsonObject tablesOf(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object().value(QStringLiteral("tables")).toObject();
}
} // namespace

// A profile carried between two real stores as a progress file: round trip, merging by id,
// and every kind of bad file refused with the store left as it was.
class tst_ProgressFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTripKeepsEverything();
    void importingTwiceChangesNothing();
    void newerExportMergesWhatIsNew();
    void badFilesAreRefused_data();
    void badFilesAreRefused();
    void anotherProfileWithTheNameIsRefused();
    void commandLine();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    // Records some of everything for the learner in the store.
    void record(ProgressStore &store, qint64 learner, int round);

    QTemporaryDir m_dir;
    ProgressStore m_laptop; // where the learner worked
    ProgressStore m_lab;    // where the progress goes
    qint64 m_learner = 0;
};

void tst_ProgressFile::record(ProgressStore &store, qint64 learner, int round)
{
    const QDateTime at = Start.addDays(round);
    QVERIFY(store.recordEvent(learner, QStringLiteral("app_started"), QStringLiteral("{\"round\":%1}").arg(round)) > 0);
    CourseEvent attempt;
    attempt.packId = QStringLiteral("pg-university-foundations");
    attempt.itemId = QStringLiteral("lab-first-queries");
    attempt.stepId = QStringLiteral("count");
    attempt.kind = CourseEvent::Kind::Attempt;
    attempt.at = at;
    attempt.durationMs = 1200;
    attempt.passed = round > 0;
    attempt.detail = QStringLiteral("{\"answer\":\"SELECT count(*) FROM orders; -- 订单\"}");
    QVERIFY(store.recordCourseEvent(learner, attempt) > 0);
    HistoryEntry query;
    query.connection = QStringLiteral("Practice server");
    query.statement = QStringLiteral("SELECT '第 %1 轮'::text").arg(round);
    query.startedAt = at;
    query.durationMs = 3;
    query.rows = 1;
    QVERIFY(store.recordQuery(learner, query) > 0);
    ExamAttemptRecord exam;
    exam.attemptId = QStringLiteral("attempt-%1").arg(round);
    exam.learnerId = learner;
    exam.packId = QStringLiteral("pg-university-foundations");
    exam.blueprintId = QStringLiteral("quick-quiz");
    exam.mode = QStringLiteral("exam");
    exam.seed = 18446744073709551557ULL - quint64(round); // beyond what a JSON number keeps exactly
    exam.questionsJson = QStringLiteral("[{\"bank\":\"b\",\"question\":\"q\",\"shown\":[1,0]}]");
    exam.startedAt = at;
    exam.durationSeconds = 900;
    QVERIFY(store.startExamAttempt(exam));
    QVERIFY(store.recordExamEvent(exam.attemptId, {at.addSecs(5), 0, QStringLiteral("answer"), QStringLiteral("{\"chosen\":[1]}")}));
    QVERIFY(store.recordExamEvent(exam.attemptId, {at.addSecs(6), 0, QStringLiteral("flag"), QString()}));
    ReviewCardRecord card;
    card.packId = exam.packId;
    card.bankId = QStringLiteral("b");
    card.questionId = QStringLiteral("q%1").arg(round);
    card.stability = 0.4872 + round / 3.0;
    card.difficulty = 7.1949;
    card.lastReview = at;
    card.due = at.addDays(1);
    card.reviews = 1;
    QVERIFY(store.saveReviewCard(learner, card));
}

void tst_ProgressFile::initTestCase()
{
    QVERIFY(m_laptop.open(path(QStringLiteral("laptop.sqlite"))));
    QVERIFY(m_lab.open(path(QStringLiteral("lab.sqlite"))));
    const std::optional<Learner> learner = m_laptop.createLearner(QStringLiteral("小明"), QStringLiteral("zh_CN"));
    QVERIFY(learner);
    m_learner = learner->id;
    record(m_laptop, m_learner, 0);
    // Someone else on the laptop: not in the file.
    record(m_laptop, m_laptop.createLearner(QStringLiteral("Ada"))->id, 7);
}

void tst_ProgressFile::roundTripKeepsEverything()
{
    QString error;
    const QString file = path(QStringLiteral("first.pgcprogress"));
    QVERIFY2(ProgressFile::exportProfile(m_laptop, m_learner, file, &error), qPrintable(error));
    const std::optional<ProgressFile::ImportReport> report = ProgressFile::importFile(m_lab, file, &error);
    QVERIFY2(report, qPrintable(error));
    QVERIFY(report->createdProfile);
    QCOMPARE(report->profileName, QStringLiteral("小明"));
    const QMap<QString, int> expected = {{QStringLiteral("activity"), 1},    {QStringLiteral("course_event"), 1},
                                         {QStringLiteral("query_history"), 1}, {QStringLiteral("exam_attempt"), 1},
                                         {QStringLiteral("exam_event"), 2},    {QStringLiteral("review_card"), 1}};
    QCOMPARE(report->added, expected);

    const Learner there = *m_lab.learnerByName(QStringLiteral("小明"));
    const Learner here = *m_laptop.learner(m_learner);
    QCOMPARE(there.profileId, here.profileId);
    QCOMPARE(there.language, QStringLiteral("zh_CN"));
    QCOMPARE(there.createdAt, here.createdAt);
    // Exported again from the lab machine, every row is what the laptop wrote.
    const QString back = path(QStringLiteral("back.pgcprogress"));
    QVERIFY2(ProgressFile::exportProfile(m_lab, there.id, back, &error), qPrintable(error));
    QCOMPARE(tablesOf(back), tablesOf(file));
    // Read through the store's own API too: the seed kept every digit.
    QCOMPARE(m_lab.examAttempts(there.id).first().seed, 18446744073709551557ULL);
    QCOMPARE(m_lab.reviewCards(there.id).first().stability, 0.4872);
    QCOMPARE(m_lab.history(there.id).first().statement, QStringLiteral("SELECT '第 0 轮'::text"));
}

void tst_ProgressFile::importingTwiceChangesNothing()
{
    const QMap<QString, qint64> before = counts(m_lab);
    QString error;
    const std::optional<ProgressFile::ImportReport> again =
        ProgressFile::importFile(m_lab, path(QStringLiteral("first.pgcprogress")), &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(!again->createdProfile);
    QCOMPARE(again->addedTotal(), 0);
    QCOMPARE(counts(m_lab), before);
}

void tst_ProgressFile::newerExportMergesWhatIsNew()
{
    // Back on the laptop: another round, the open attempt submitted, a card reviewed again.
    record(m_laptop, m_learner, 1);
    QVERIFY(m_laptop.submitExamAttempt(QStringLiteral("attempt-0"), Start.addSecs(600), QStringLiteral("candidate")));
    ReviewCardRecord card = m_laptop.reviewCards(m_learner).first();
    QCOMPARE(card.questionId, QStringLiteral("q0"));
    card.reviews = 2;
    card.stability = 3.25;
    card.lastReview = Start.addDays(3);
    QVERIFY(m_laptop.saveReviewCard(m_learner, card));
    // Meanwhile on the lab machine: a query of its own, kept.
    const qint64 there = m_lab.learnerByName(QStringLiteral("小明"))->id;
    HistoryEntry local;
    local.connection = QStringLiteral("Practice server");
    local.statement = QStringLiteral("SELECT 'lab machine'");
    local.startedAt = Start.addDays(2);
    QVERIFY(m_lab.recordQuery(there, local) > 0);

    QString error;
    const QString file = path(QStringLiteral("second.pgcprogress"));
    QVERIFY2(ProgressFile::exportProfile(m_laptop, m_learner, file, &error), qPrintable(error));
    const std::optional<ProgressFile::ImportReport> report = ProgressFile::importFile(m_lab, file, &error);
    QVERIFY2(report, qPrintable(error));
    // New: one of each from round 1 (two exam events), the submission, the card reviewed again.
    const QMap<QString, int> expected = {{QStringLiteral("activity"), 1},    {QStringLiteral("course_event"), 1},
                                         {QStringLiteral("query_history"), 1}, {QStringLiteral("exam_attempt"), 2},
                                         {QStringLiteral("exam_event"), 2},    {QStringLiteral("review_card"), 2}};
    QCOMPARE(report->added, expected);
    QCOMPARE(m_lab.events(there).size(), 2);
    QCOMPARE(m_lab.history(there).size(), 3); // two from the laptop, one of its own
    QCOMPARE(m_lab.examAttempt(QStringLiteral("attempt-0"))->submittedBy, QStringLiteral("candidate"));
    QCOMPARE(m_lab.examEvents(QStringLiteral("attempt-1")).size(), 2);
    const QList<ReviewCardRecord> cards = m_lab.reviewCards(there);
    QCOMPARE(cards.size(), 2);
    for (const ReviewCardRecord &c : cards) {
        if (c.questionId == u"q0")
            QCOMPARE(c.reviews, 2);
    }
    // An older file does not undo what came later: the card stays as reviewed last.
    const std::optional<ProgressFile::ImportReport> old = ProgressFile::importFile(m_lab, path(QStringLiteral("first.pgcprogress")), &error);
    QVERIFY2(old, qPrintable(error));
    QCOMPARE(old->addedTotal(), 0);
    QCOMPARE(m_lab.examAttempt(QStringLiteral("attempt-0"))->submittedBy, QStringLiteral("candidate"));
}

void tst_ProgressFile::badFilesAreRefused_data()
{
    QTest::addColumn<QString>("edit"); // how the good file is spoiled
    QTest::addColumn<QString>("message");

    QTest::newRow("edited by hand") << "edit" << "checksum does not match";
    QTest::newRow("a row removed by hand") << "drop-row" << "checksum does not match";
    QTest::newRow("cut short") << "truncate" << "incomplete or damaged";
    QTest::newRow("empty") << "empty" << "not a PG Campus progress file";
    QTest::newRow("other JSON") << "other" << "not a PG Campus progress file";
    QTest::newRow("from a newer version") << "newer" << "newer PG Campus";
}

void tst_ProgressFile::badFilesAreRefused()
{
    QFETCH(QString, edit);
    QFETCH(QString, message);
    QByteArray bytes = readAll(path(QStringLiteral("second.pgcprogress")));
    QVERIFY(!bytes.isEmpty());
    if (edit == u"edit") {
        bytes.replace("SELECT count(*) FROM orders", "SELECT count(*) FROM ORDERS");
    } else if (edit == u"drop-row") {
        QJsonObject doc = QJsonDocument::fromJson(bytes).object();
        QJsonObject tables = doc.value(QStringLiteral("tables")).toObject();
        QJsonObject activity = tables.value(QStringLiteral("activity")).toObject();
        QJsonArray rows = activity.value(QStringLiteral("rows")).toArray();
        rows.removeLast();
        activity.insert(QStringLiteral("rows"), rows);
        tables.insert(QStringLiteral("activity"), activity);
        doc.insert(QStringLiteral("tables"), tables);
        bytes = QJsonDocument(doc).toJson();
    } else if (edit == u"truncate") {
        bytes.truncate(bytes.size() / 2);
    } else if (edit == u"empty") {
        bytes.clear();
    } else if (edit == u"other") {
        bytes = "{\"name\": \"not progress\"}";
    } else if (edit == u"newer") {
        bytes.replace("\"version\": 1", "\"version\": 2");
    }
    const QString spoiled = path(QStringLiteral("spoiled.pgcprogress"));
    writeAll(spoiled, bytes);
    const QMap<QString, qint64> before = counts(m_lab);
    QString error;
    QVERIFY(!ProgressFile::importFile(m_lab, spoiled, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("Nothing was imported")), qPrintable(error));
    QCOMPARE(counts(m_lab), before);
}

void tst_ProgressFile::anotherProfileWithTheNameIsRefused()
{
    ProgressStore classroom;
    QVERIFY(classroom.open(path(QStringLiteral("classroom.sqlite"))));
    QVERIFY(classroom.createLearner(QStringLiteral("小明"))); // another learner who chose the same name
    record(classroom, classroom.learnerByName(QStringLiteral("小明"))->id, 5);
    const QMap<QString, qint64> before = counts(classroom);
    QString error;
    QVERIFY(!ProgressFile::importFile(classroom, path(QStringLiteral("second.pgcprogress")), &error));
    QVERIFY2(error.contains(QStringLiteral("A different profile named \"小明\" already exists")), qPrintable(error));
    QCOMPARE(counts(classroom), before);
    // Renamed, the way is free: the file comes in as a profile of its own.
    QVERIFY(classroom.renameLearner(classroom.learnerByName(QStringLiteral("小明"))->id, QStringLiteral("小明 (2)")));
    const std::optional<ProgressFile::ImportReport> report =
        ProgressFile::importFile(classroom, path(QStringLiteral("second.pgcprogress")), &error);
    QVERIFY2(report && report->createdProfile, qPrintable(error));
    QCOMPARE(classroom.learners().size(), 2);

    // A profile deleted here comes back with its import, merged.
    const qint64 id = classroom.learnerByName(QStringLiteral("小明"))->id;
    QVERIFY(classroom.deleteLearner(id));
    QVERIFY(!classroom.learnerByName(QStringLiteral("小明")));
    const std::optional<ProgressFile::ImportReport> back =
        ProgressFile::importFile(classroom, path(QStringLiteral("second.pgcprogress")), &error);
    QVERIFY2(back && !back->createdProfile && back->addedTotal() == 0, qPrintable(error));
    QCOMPARE(classroom.learnerByName(QStringLiteral("小明"))->id, id);
}

void tst_ProgressFile::commandLine()
{
    QTemporaryDir home;
    const QString laptop = home.filePath(QStringLiteral("laptop"));
    const QString lab = home.filePath(QStringLiteral("lab"));
    QVERIFY(QDir().mkpath(laptop));
    {
        ProgressStore store;
        QVERIFY(store.open(laptop + QStringLiteral("/progress.sqlite")));
        record(store, store.createLearner(QStringLiteral("小明"))->id, 0);
    }
    const QString file = home.filePath(QStringLiteral("xiaoming.pgcprogress"));
    const QStringList en = {QStringLiteral("--lang"), QStringLiteral("en")};

    ProgramOutput out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                                   QStringList{QStringLiteral("progress"), QStringLiteral("export"), QStringLiteral("--profile"),
                                               QStringLiteral("小明"), file, QStringLiteral("--data-dir"), laptop} + en);
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(QString::fromUtf8(out.out), QStringLiteral("exported profile \"小明\" to %1\n").arg(file));
    out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                     QStringList{QStringLiteral("progress"), QStringLiteral("import"), file, QStringLiteral("--data-dir"), lab} + en);
    QCOMPARE(out.exitCode, 0);
    QVERIFY2(QString::fromUtf8(out.out).startsWith(QStringLiteral("imported profile \"小明\" (a new profile here): 7 new records")),
             out.out.constData());
    out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                     QStringList{QStringLiteral("progress"), QStringLiteral("import"), file, QStringLiteral("--data-dir"), lab} + en);
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(QString::fromUtf8(out.out),
             QStringLiteral("imported profile \"小明\" (merged into the profile here): 0 new records\n"));
    // Unknown profile, bad file, bad usage.
    out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                     QStringList{QStringLiteral("progress"), QStringLiteral("export"), QStringLiteral("--profile"),
                                 QStringLiteral("Nobody"), file, QStringLiteral("--data-dir"), laptop} + en);
    QCOMPARE(out.exitCode, 1);
    QVERIFY2(out.err.contains("no profile \"Nobody\""), out.err.constData());
    writeAll(file, "{");
    out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                     QStringList{QStringLiteral("progress"), QStringLiteral("import"), file, QStringLiteral("--data-dir"), lab} + en);
    QCOMPARE(out.exitCode, 1);
    QVERIFY2(out.err.contains("Nothing was imported"), out.err.constData());
    out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE), QStringList{QStringLiteral("progress"), QStringLiteral("export"), file} + en);
    QCOMPARE(out.exitCode, 2);
    QVERIFY2(out.err.contains("usage:"), out.err.constData());
}

QTEST_GUILESS_MAIN(tst_ProgressFile)
#include "tst_progressfile.moc"
