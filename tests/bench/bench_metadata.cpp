// Metadata benchmark: metadata_load_ms, loading the catalog (schemas, tables and their
// columns, functions, types, settings) of a database of 10,000 tables of 10 columns on
// a connection of its own, as completion and the schema browser do. ./campus bench runs
// this; it merges its figure into build/bench/results.json.
#include "benchsupport.h"
#include "catalogmetadata.h"
#include "throwawayserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString output = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("results.json");
    ThrowawayServer server;
    if (!server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    QString error;
    // 500 tables a transaction: one transaction of 10,000 runs out of lock slots.
    for (int from = 1; from <= 10000; from += 500) {
        queryScalar(server.connectionString(),
                    QStringLiteral("DO $$ BEGIN FOR i IN %1..%2 LOOP EXECUTE format('CREATE TABLE t%s (id int, name text, "
                                   "amount numeric(10,2), created timestamptz, flag boolean, code varchar(20), n bigint, "
                                   "d date, note text, ref int)', i); END LOOP; END $$")
                        .arg(from)
                        .arg(from + 499),
                    &error);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    QList<double> times;
    int columns = 0;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer timer;
        timer.start();
        const std::optional<CatalogMetadata> m = CatalogMetadata::load(server.connectionString(), &error);
        times << timer.nsecsElapsed() / 1e6;
        if (!m) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        columns = m->columnCount();
    }
    if (columns < 100000) {
        std::fprintf(stderr, "only %d columns loaded\n", columns);
        return 1;
    }
    std::sort(times.begin(), times.end());
    const QJsonObject figures{{QStringLiteral("metadata_load_ms"), times.at(times.size() / 2)}};
    mergeBenchFigures(output, figures);
    std::printf("%d columns\n%s", columns, QJsonDocument(figures).toJson().constData());
    return 0;
}
