// Exam benchmarks: starting an attempt (draw and shuffle 50 questions from a generated
// 5,000-question bank, store the attempt, open the exam window and render its first
// question) and the durable autosave of one answer. ./campus bench runs this; it merges its figures into
// build/bench/results.json.
#include "benchsupport.h"
#include "examsession.h"
#include "examview.h"
#include "progressstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {
CoursePack generatedPack()
{
    CoursePack pack;
    pack.id = QStringLiteral("generated");
    QuestionBank bank;
    bank.id = QStringLiteral("big");
    const QStringList domains = {QStringLiteral("sql"), QStringLiteral("types"), QStringLiteral("indexes"),
                                 QStringLiteral("mvcc"), QStringLiteral("roles"), QStringLiteral("backup"),
                                 QStringLiteral("architecture")};
    for (const QString &d : domains)
        bank.domains.append({d, {{QStringLiteral("en"), d}}});
    for (int i = 0; i < 5000; ++i) {
        Question q;
        q.id = QStringLiteral("q%1").arg(i);
        q.domain = domains.at(i % domains.size());
        q.difficulty = 1 + (i / 7) % 3;
        q.type = Question::Type::Single;
        q.stem = {{QStringLiteral("en"), QStringLiteral("Question %1").arg(i)}};
        for (int o = 0; o < 4; ++o)
            q.options.append({{{QStringLiteral("en"), QString::number(o)}}, o == 0});
        bank.questions.append(q);
    }
    pack.banks.append(bank);
    ExamBlueprint b;
    b.id = QStringLiteral("mock");
    b.questionCount = 50;
    b.durationMinutes = 90;
    b.passPercent = 70;
    for (const QString &d : domains)
        b.domainWeights.append({d, d == u"sql" ? 20 : 10});
    b.difficultyMix = {{1, 30}, {2, 50}, {3, 20}};
    pack.blueprints.append(b);
    return pack;
}

double percentile(QList<double> times, double p)
{
    std::sort(times.begin(), times.end());
    return times.at(std::min<qsizetype>(times.size() - 1, qsizetype(p * (times.size() - 1) + 0.5)));
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString output = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("results.json");
    // Beside the results, on the disk a learner's store would be on (not a tmpfs, where
    // fsync costs nothing).
    QTemporaryDir dir(QFileInfo(output).absolutePath() + QStringLiteral("/exams-XXXXXX"));
    ProgressStore store;
    if (!store.open(dir.filePath(QStringLiteral("progress.sqlite")))) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return 1;
    }
    const qint64 learner = store.defaultLearner(QStringLiteral("bench")).id;
    const CoursePack pack = generatedPack();

    QList<double> starts;
    std::optional<ExamSession> session;
    for (int run = 0; run < 15; ++run) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        session = ExamSession::start(store, pack, pack.blueprints.first(), learner, 1000 + run,
                                     QDateTime::currentDateTimeUtc(), &error);
        if (!session || !session->question(0)) {
            std::fprintf(stderr, "cannot start: %s\n", qPrintable(error));
            return 1;
        }
        // The window as the candidate gets it: shown, the first question rendered.
        ExamView view(std::move(*session), pack.blueprints.first().title, QStringLiteral("en"));
        view.resize(1200, 800);
        view.show();
        QCoreApplication::processEvents();
        const QPixmap frame = view.grab();
        starts << timer.nsecsElapsed() / 1e6;
        if (frame.isNull() || view.currentPosition() != 0) {
            std::fprintf(stderr, "the first question was not shown\n");
            return 1;
        }
    }

    QString error;
    session = ExamSession::start(store, pack, pack.blueprints.first(), learner, 7, QDateTime::currentDateTimeUtc(), &error);
    if (!session) {
        std::fprintf(stderr, "cannot start: %s\n", qPrintable(error));
        return 1;
    }

    QList<double> commits;
    for (int i = 0; i < 200; ++i) {
        CandidateAnswer answer;
        answer.chosen = {i % 4};
        QElapsedTimer timer;
        timer.start();
        if (!session->answer(i % session->count(), answer, QDateTime::currentDateTimeUtc())) {
            std::fprintf(stderr, "cannot store an answer: %s\n", qPrintable(store.errorString()));
            return 1;
        }
        commits << timer.nsecsElapsed() / 1e6;
    }
    const QJsonObject figures{{QStringLiteral("exam_start_ms"), percentile(starts, 0.5)},
                              {QStringLiteral("answer_commit_ms_p50"), percentile(commits, 0.5)},
                              {QStringLiteral("answer_commit_ms_p99"), percentile(commits, 0.99)}};
    mergeBenchFigures(output, figures);
    std::printf("%s", QJsonDocument(figures).toJson().constData());
    return 0;
}
