// Progress benchmarks: a profile with 50,000 recorded events and 200 exam attempts (of
// the shipped mock exam's questions): the dashboard's figures computed from it
// (dashboard_load_ms), exported to a progress file (progress_export_ms) and imported into
// a fresh store (progress_import_ms). ./campus bench runs this; it merges its figures into
// build/bench/results.json.
#include "benchsupport.h"
#include "courselibrary.h"
#include "dashboard.h"
#include "examsession.h"
#include "progressfile.h"
#include "progressstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>

namespace {
double median(QList<double> times)
{
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

bool exec(sqlite3 *db, const QByteArray &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "%s\n", message);
    sqlite3_free(message);
    return false;
}

// The learner's history, written in one transaction beside the store (recording it call
// by call would take minutes of fsyncs): 12,000 activity events, 18,000 lesson and lab
// events, 15,000 statements, 200 exam attempts with 25 events each, 300 review cards.
bool seed(const QString &path, qint64 learner, const QString &questionsJson)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return false;
    const QByteArray id = QByteArray::number(learner);
    const bool ok = exec(db, "BEGIN")
        && exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000) "
                    "INSERT INTO activity (event_id, learner_id, kind, at, detail) SELECT lower(hex(randomblob(16))), "
                    + id + ", 'app_started', strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' minutes'), "
                           "'{\"version\":\"0.1.0\"}' FROM n")
        && exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 18000) "
                    "INSERT INTO course_event (event_id, learner_id, pack_id, item_id, step_id, kind, at, duration_ms, passed, detail) "
                    "SELECT lower(hex(randomblob(16))), "
                    + id + ", 'pg-university-foundations', 'lab-' || (i % 8), 'step-' || (i % 3), 'attempt', "
                           "strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' minutes'), 1500, i % 2, "
                           "'{\"answer\":\"SELECT count(*) FROM orders WHERE amount > 100;\",\"feedback\":[\"3 rows missing\"]}' FROM n")
        && exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000) "
                    "INSERT INTO query_history (learner_id, connection, statement, started_at, duration_ms, rows, status, sqlstate, event_id) "
                    "SELECT "
                    + id + ", 'Practice server', 'SELECT * FROM pg_stat_activity WHERE pid <> ' || i, "
                           "strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' minutes'), 4, 12, 'ok', '', "
                           "lower(hex(randomblob(16))) FROM n")
        && exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                    "INSERT INTO exam_attempt (attempt_id, learner_id, pack_id, blueprint_id, mode, seed, questions, started_at, "
                    "duration_s, submitted_at, submitted_by) SELECT 'attempt-' || i, "
                    + id + ", 'pg-university-foundations', 'pgca-mock', 'exam', i * 7919, "
                           "'" + QString(questionsJson).replace(u'\'', QStringLiteral("''")).toUtf8() + "', "
                           "strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' days'), 5400, "
                           "strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' days', '+80 minutes'), 'candidate' FROM n")
        && exec(db, "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4999) "
                    "INSERT INTO exam_event (attempt_id, at, position, kind, answer, event_id) "
                    "SELECT 'attempt-' || (i / 25 + 1), strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i / 25 + 1) || ' days', "
                    "'+' || (i % 25) || ' minutes'), i % 25, 'answer', '{\"chosen\":[' || (i % 4) || ']}', "
                    "lower(hex(randomblob(16))) FROM n")
        && exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
                    "INSERT INTO review_card (learner_id, pack_id, bank_id, question_id, stability, difficulty, last_review, due, "
                    "reviews, lapses) SELECT "
                    + id + ", 'pg-university-foundations', 'operations', 'q' || i, 0.4872 * i, 7.1949, "
                           "strftime('%Y-%m-%dT%H:%M:%fZ', '2026-06-01', '+' || i || ' hours'), "
                           "strftime('%Y-%m-%dT%H:%M:%fZ', '2026-07-01', '+' || i || ' hours'), 2, 1 FROM n")
        && exec(db, "COMMIT");
    sqlite3_close(db);
    return ok;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString output = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("results.json");
    // Beside the results, on the disk a learner's store would be on.
    QTemporaryDir dir(QFileInfo(output).absolutePath() + QStringLiteral("/progress-XXXXXX"));
    ProgressStore store;
    if (!store.open(dir.filePath(QStringLiteral("laptop.sqlite")))) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return 1;
    }
    const qint64 learner = store.createLearner(QStringLiteral("小明"), QStringLiteral("zh_CN"))->id;
    CourseLibrary library;
    library.load({QStringLiteral(PGCAMPUS_SOURCE_DIR "/courseware")});
    const CourseLibrary::FoundExam mock = library.findExam(QString(), QStringLiteral("pgca-mock"));
    if (!mock.blueprint) {
        std::fprintf(stderr, "the shipped courseware has no pgca-mock exam\n");
        return 1;
    }
    QList<DrawnQuestion> drawn;
    for (const QuestionBank &bank : mock.pack->banks) {
        for (const Question &q : bank.questions) {
            if (drawn.size() < 60)
                drawn.append({bank.id, q.id, {}});
        }
    }
    if (!seed(store.path(), learner, ExamSession::questionsToJson(drawn)))
        return 1;

    QList<double> loads;
    DashboardData dashboard;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer timer;
        timer.start();
        dashboard = DashboardData::load(store, library, learner, QDateTime(QDate(2026, 8, 1), QTime(12, 0)));
        loads << timer.nsecsElapsed() / 1e6;
    }
    if (dashboard.exams.size() != 200 || dashboard.domains.isEmpty()) {
        std::fprintf(stderr, "the dashboard saw %d exams\n", int(dashboard.exams.size()));
        return 1;
    }

    const QString file = dir.filePath(QStringLiteral("xiaoming.pgcprogress"));
    QList<double> exports;
    QList<double> imports;
    int added = 0;
    for (int run = 0; run < 5; ++run) {
        QString error;
        QElapsedTimer timer;
        timer.start();
        if (!ProgressFile::exportProfile(store, learner, file, &error)) {
            std::fprintf(stderr, "export: %s\n", qPrintable(error));
            return 1;
        }
        exports << timer.nsecsElapsed() / 1e6;

        ProgressStore fresh;
        if (!fresh.open(dir.filePath(QStringLiteral("lab-%1.sqlite").arg(run)))) {
            std::fprintf(stderr, "%s\n", qPrintable(fresh.errorString()));
            return 1;
        }
        timer.start();
        const std::optional<ProgressFile::ImportReport> report = ProgressFile::importFile(fresh, file, &error);
        imports << timer.nsecsElapsed() / 1e6;
        if (!report) {
            std::fprintf(stderr, "import: %s\n", qPrintable(error));
            return 1;
        }
        added = report->addedTotal();
    }
    if (added != 12000 + 18000 + 15000 + 200 + 5000 + 300) {
        std::fprintf(stderr, "import added %d rows\n", added);
        return 1;
    }
    const QJsonObject figures{{QStringLiteral("dashboard_load_ms"), median(loads)},
                              {QStringLiteral("progress_export_ms"), median(exports)},
                              {QStringLiteral("progress_import_ms"), median(imports)}};
    mergeBenchFigures(output, figures);
    std::printf("%s", QJsonDocument(figures).toJson().constData());
    return 0;
}
