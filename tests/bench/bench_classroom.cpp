// A class of 60 on one server: provisioned through Classroom, then 60 simulated students
// at once (ClassSimulation: each acts after 1–4 s of thinking; 55 % statements, 40 % checks,
// 5 % resets) for 90 s, or the seconds given. Figures:
// the 99th percentile of a check (graded and recorded) and of a reset, and results lost or
// stored twice (counted in the class's result table). ./campus bench runs this; it merges
// its figures into build/bench/results.json. Optional second argument: seconds to run.
#include "benchsupport.h"
#include "classsimulation.h"
#include "throwawayserver.h"

#include <QCoreApplication>
#include <QJsonDocument>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString output = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("results.json");
    const int seconds = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 90;
    constexpr int Students = 60;
    // fsync on, as a trainer's server: resets are disk work.
    ThrowawayServer server(true);
    if (!server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    // A class of 60 holds about three connections a student (editor, bookkeeping, checks):
    // more than a practice server allows, as a trainer's server must too.
    QString error;
    queryScalar(server.connectionString(),
                QStringLiteral("ALTER SYSTEM SET max_connections = %1").arg(Classroom::connectionsNeeded(Students) + 3), &error);
    if (!error.isEmpty() || !server.server().restart()) {
        std::fprintf(stderr, "could not raise max_connections: %s\n", qPrintable(error + server.errorString()));
        return 1;
    }
    const ClassSimulationReport report = ClassSimulation::simulate(
        server.connectionString(), Students, seconds, [](const QString &line) { std::fprintf(stderr, "%s\n", qPrintable(line)); });
    const double provisionMs = report.provisionMs;
    for (const QString &e : report.errors)
        std::fprintf(stderr, "%s\n", qPrintable(e));
    if (!report.errors.isEmpty() || report.checkMs.isEmpty() || report.resetMs.isEmpty()) {
        std::fprintf(stderr, "the simulation did not run through\n");
        return 1;
    }
    std::fprintf(stderr, "%d students, %.0f s: %d statements, %lld checks, %lld resets, %lld retries; provisioning %.0f ms\n",
                 report.students, report.seconds, report.statements, qlonglong(report.checkMs.size()),
                 qlonglong(report.resetMs.size()), qlonglong(report.retried), provisionMs);
    const QJsonObject figures{
        {QStringLiteral("class_check_p99_ms"), ClassSimulationReport::percentile(report.checkMs, 99)},
        {QStringLiteral("class_check_p50_ms"), ClassSimulationReport::percentile(report.checkMs, 50)},
        {QStringLiteral("class_reset_p99_ms"), ClassSimulationReport::percentile(report.resetMs, 99)},
        {QStringLiteral("class_reset_p50_ms"), ClassSimulationReport::percentile(report.resetMs, 50)},
        {QStringLiteral("class_results_lost"), double(report.lost())},
        {QStringLiteral("class_results_duplicated"), double(report.duplicated() + report.retriesStored)},
        {QStringLiteral("class_checks"), double(report.checkMs.size())},
        {QStringLiteral("class_provision_60_ms"), provisionMs}};
    mergeBenchFigures(output, figures);
    std::printf("%s", QJsonDocument(figures).toJson().constData());
    return (report.lost() == 0 && report.duplicated() == 0 && report.retriesStored == 0) ? 0 : 1;
}
