// Lab benchmarks on a 100,000-row lab: resetting a learner's sandbox, one result check
// from Check to verdict, and loading a generated pack of 1,000 items. ./campus bench
// runs this; it merges its figures into build/bench/results.json.
#include "benchsupport.h"
#include "coursepackloader.h"
#include "labenvironment.h"
#include "labsandbox.h"
#include "stepgrader.h"
#include "throwawayserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <algorithm>
#include <functional>

namespace {
double median(int runs, const std::function<bool()> &once)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!once())
            return -1;
        times << timer.nsecsElapsed() / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

void write(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text.toUtf8());
}

// 500 lessons and 500 labs of three steps in one pack.
QString generatePack(const QString &directory)
{
    QString manifest = QStringLiteral("id: generated\nversion: 1.0.0\ntitle: {zh_CN: 生成, en: Generated}\n"
                                      "tracks:\n  - id: t\n    title: {zh_CN: 轨道, en: Track}\n    modules:\n");
    for (int m = 0; m < 10; ++m) {
        manifest += QStringLiteral("      - id: m%1\n        title: {zh_CN: 模块 %1, en: Module %1}\n        items:\n").arg(m);
        for (int i = 0; i < 50; ++i) {
            const QString id = QStringLiteral("m%1-%2").arg(m).arg(i);
            manifest += QStringLiteral("          - lesson: l%1\n            title: {zh_CN: 课 %1, en: Lesson %1}\n"
                                       "          - lab: x%1\n            title: {zh_CN: 实验 %1, en: Lab %1}\n"
                                       "            requires: [l%1]\n").arg(id);
            write(QStringLiteral("%1/lessons/l%2.zh_CN.md").arg(directory, id), QStringLiteral("# 课\n\n```sql\nSELECT 1;\n```\n"));
            write(QStringLiteral("%1/lessons/l%2.en.md").arg(directory, id), QStringLiteral("# Lesson\n\n```sql\nSELECT 1;\n```\n"));
            QString lab = QStringLiteral("id: x%1\nobjectives: {zh_CN: 目标, en: Objectives}\nsetup: |\n  CREATE TABLE t (n int);\nsteps:\n").arg(id);
            for (int s = 0; s < 3; ++s)
                lab += QStringLiteral("  - id: s%1\n    points: 5\n    instructions: {zh_CN: 做, en: Do}\n"
                                      "    hints:\n      - {zh_CN: 提示, en: Hint}\n    checks:\n"
                                      "      - kind: result\n        reference: SELECT count(*) FROM t\n"
                                      "    solution: |\n      SELECT count(*) FROM t;\n    decoys:\n"
                                      "      - sql: SELECT 0;\n        note: constant\n").arg(s);
            write(QStringLiteral("%1/labs/x%2.yaml").arg(directory, id), lab);
        }
    }
    write(directory + QStringLiteral("/pack.yaml"), manifest);
    return directory;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString output = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("results.json");
    // fsync on, as the learner's practice server: resets are disk work.
    ThrowawayServer server(true);
    if (!server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    Lab lab;
    lab.id = QStringLiteral("bench-lab");
    lab.setup = QStringLiteral(
        "CREATE TABLE orders (id int PRIMARY KEY, customer text, amount numeric, placed timestamptz);\n"
        "INSERT INTO orders SELECT g, 'customer ' || (g % 997), g * 1.5, now() - g * interval '1 minute'\n"
        "FROM generate_series(1, 100000) g;\n"
        "CREATE INDEX ON orders (customer);\nANALYZE orders;");
    LabStep step;
    step.id = QStringLiteral("top");
    step.checks << CoursePackLoader::checkFromYaml(QStringLiteral(
        "kind: result\nordered: true\nreference: SELECT customer, sum(amount) AS total FROM orders "
        "WHERE customer = 'customer 42' GROUP BY customer ORDER BY total DESC\n"));
    lab.steps << step;
    LabEnvironment::Options options;
    options.adminConninfo = server.connectionString();
    options.learnerKey = QStringLiteral("learner");
    LabEnvironment environment(lab, options);
    QString error;
    if (!environment.prepare(true, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // The reset as the app does it, and the template cloned with each CREATE DATABASE
    // strategy, interleaved run by run so the three share the machine's noise.
    LabSandbox box(server.connectionString(), lab.id, QStringLiteral("learner"));
    QList<double> asTheAppDoes, fileCopy, walLog;
    const auto timed = [&](QList<double> &into, const std::function<bool()> &once) {
        QElapsedTimer timer;
        timer.start();
        const bool ok = once();
        into << timer.nsecsElapsed() / 1e6;
        return ok;
    };
    // The yardstick: a bare DROP + CREATE from psql, psql's start-up included.
    QList<double> bare;
    const QString bareSql = QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(box.database());
    const QString bareCreate = QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(box.database(), box.templateDatabase());
    const auto psql = [&] {
        return runProgram(server.psql(), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                                          QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), server.connectionString(),
                                          QStringLiteral("-c"), bareSql, QStringLiteral("-c"), bareCreate})
                   .exitCode
            == 0;
    };
    bool resetsWorked = true;
    for (int run = 0; run < 9 && resetsWorked; ++run) {
        // The app makes the spare while the learner works; here, untimed, before each reset.
        resetsWorked = timed(bare, psql) && environment.prepareSpare(&error)
            && timed(asTheAppDoes, [&] { return environment.reset(&error); })
            && timed(fileCopy, [&] { box.setCloneStrategy(LabSandbox::CloneStrategy::FileCopy); return box.reset(&error); })
            && timed(walLog, [&] { box.setCloneStrategy(LabSandbox::CloneStrategy::WalLog); return box.reset(&error); });
    }
    const auto middle = [](QList<double> times) {
        std::sort(times.begin(), times.end());
        return times.at(times.size() / 2);
    };
    const double reset = resetsWorked ? middle(asTheAppDoes) : -1;
    const GradingContext context = environment.context(
        QStringLiteral("SELECT customer, sum(amount) AS total FROM orders WHERE customer = 'customer 42' "
                       "GROUP BY customer ORDER BY total DESC;"),
        QStringLiteral("en"), 0); // as the lab panel grades step 0: the learner's data compared with the lab's
    const double check = median(15, [&] { return StepGrader::grade(step, context).passed; });

    QTemporaryDir packs;
    const QString pack = generatePack(packs.filePath(QStringLiteral("generated")));
    const double load = median(5, [&] {
        QList<PackProblem> problems;
        return CoursePackLoader::load(pack, &problems).has_value();
    });
    if (reset < 0 || check < 0 || load < 0) {
        std::fprintf(stderr, "a benchmark step failed: %s\n", qPrintable(error));
        return 1;
    }
    const QJsonObject figures{{QStringLiteral("lab_reset_ms"), reset},
                              {QStringLiteral("lab_reset_file_copy_ms"), middle(fileCopy)},
                              {QStringLiteral("lab_reset_psql_baseline_ms"), middle(bare)},
                              {QStringLiteral("lab_reset_wal_log_ms"), middle(walLog)},
                              {QStringLiteral("check_roundtrip_ms"), check},
                              {QStringLiteral("pack_load_ms"), load}};
    mergeBenchFigures(output, figures);
    std::printf("%s", QJsonDocument(figures).toJson().constData());
    return 0;
}
