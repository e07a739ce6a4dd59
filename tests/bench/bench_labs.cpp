// Lab benchmarks: resetting a learner's sandbox of a 100,000-row lab. ./campus bench
// runs this; it merges its figures into build/bench/results.json.
#include "benchsupport.h"
#include "labsandbox.h"
#include "throwawayserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString output = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("results.json");
    ThrowawayServer server;
    if (!server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    LabSandbox box(server.connectionString(), QStringLiteral("bench-lab"), QStringLiteral("learner"));
    QString error;
    const QString setup = QStringLiteral(
        "CREATE TABLE orders (id int PRIMARY KEY, customer text, amount numeric, placed timestamptz);\n"
        "INSERT INTO orders SELECT g, 'customer ' || (g % 997), g * 1.5, now() - g * interval '1 minute'\n"
        "FROM generate_series(1, 100000) g;\n"
        "CREATE INDEX ON orders (customer);");
    if (!box.buildTemplate(setup, true, &error) || !box.create(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QList<double> times;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!box.reset(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        times << timer.nsecsElapsed() / 1e6;
    }
    std::sort(times.begin(), times.end());
    const QJsonObject figures{{QStringLiteral("lab_reset_ms"), times.at(times.size() / 2)}};
    mergeBenchFigures(output, figures);
    std::printf("%s", QJsonDocument(figures).toJson().constData());
    return 0;
}
