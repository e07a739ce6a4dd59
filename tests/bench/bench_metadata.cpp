// Metadata benchmarks on a database of 10,000 tables of 10 columns: metadata_load_ms,
// loading the catalog (schemas, tables and their columns, functions, types, settings) on
// a connection of its own, as completion does; completion_popup_ms, the p99 of 100
// completions in a real editor (candidates worked out, the popup shown and painted).
// ./campus bench runs this; it merges its figures into build/bench/results.json.
#include "benchsupport.h"
#include "catalogmetadata.h"
#include "sqlcompletion.h"
#include "sqleditor.h"
#include "throwawayserver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
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
    std::optional<CatalogMetadata> catalog;
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
        catalog = m;
    }
    if (columns < 100000) {
        std::fprintf(stderr, "only %d columns loaded\n", columns);
        return 1;
    }
    std::sort(times.begin(), times.end());

    // Completions as a learner meets them: table names after FROM (thousands to narrow),
    // an alias's columns, columns in a WHERE.
    SqlEditor editor;
    editor.resize(900, 600);
    editor.show();
    QList<double> popups;
    for (int i = 0; i < 100; ++i) {
        const QString text = i % 3 == 0 ? QStringLiteral("SELECT * FROM t%1").arg(i + 1)
                           : i % 3 == 1 ? QStringLiteral("SELECT x. FROM t%1 x").arg(i * 97 + 1)
                                        : QStringLiteral("SELECT * FROM t%1 WHERE na").arg(i * 89 + 1);
        editor.setText(text);
        const int cursor = i % 3 == 1 ? 9 : int(text.size());
        editor.setCursorPosition(0, cursor);
        QElapsedTimer timer;
        timer.start();
        const SqlCompletion::Result r = SqlCompletion::at(*catalog, editor.text(), editor.cursorTextIndex());
        QStringList items;
        for (const SqlCompletion::Candidate &c : r.candidates)
            items << c.text;
        editor.showCompletions(items, int(r.prefix.size()));
        QCoreApplication::processEvents();
        popups << timer.nsecsElapsed() / 1e6;
        if (items.isEmpty() || !editor.isCompletionShown()) {
            std::fprintf(stderr, "no completion for \"%s\"\n", qPrintable(text));
            return 1;
        }
    }
    std::sort(popups.begin(), popups.end());
    const QJsonObject figures{{QStringLiteral("metadata_load_ms"), times.at(times.size() / 2)},
                              {QStringLiteral("completion_popup_ms"), popups.at(98)}};
    mergeBenchFigures(output, figures);
    std::printf("%d columns\n%s", columns, QJsonDocument(figures).toJson().constData());
    return 0;
}
