// Plan benchmark: explain_render_ms, reading a real 301-node EXPLAIN ANALYZE plan (150
// aggregates over scans under one Append) and showing it: the tree, the diagram and the
// text built, the window painted. ./campus bench runs this; it merges its figure into
// build/bench/results.json.
#include "benchsupport.h"
#include "explainview.h"
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
    queryScalar(server.connectionString(), QStringLiteral("CREATE TABLE t AS SELECT g AS n FROM generate_series(1, 200) g"), &error);
    QStringList branches;
    for (int i = 0; i < 150; ++i)
        branches << QStringLiteral("SELECT count(*) FROM t WHERE n > %1").arg(i);
    const QString json = queryScalar(server.connectionString(),
                                     ExplainPlan::explainStatement(branches.join(QStringLiteral(" UNION ALL ")), true), &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QList<double> times;
    int nodes = 0;
    for (int run = 0; run < 15; ++run) {
        QElapsedTimer timer;
        timer.start();
        const std::optional<ExplainPlan> plan = ExplainPlan::parse(json.toUtf8(), &error);
        if (!plan) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        ExplainView view(*plan, QString());
        view.resize(1200, 700);
        view.show();
        QCoreApplication::processEvents();
        const QPixmap frame = view.grab();
        times << timer.nsecsElapsed() / 1e6;
        nodes = plan->nodeCount();
        if (frame.isNull() || view.selectedPath() != plan->slowest()) {
            std::fprintf(stderr, "the plan was not shown with its slowest node selected\n");
            return 1;
        }
    }
    if (nodes < 300) {
        std::fprintf(stderr, "the plan has %d nodes, not 300\n", nodes);
        return 1;
    }
    std::sort(times.begin(), times.end());
    const QJsonObject figures{{QStringLiteral("explain_render_ms"), times.at(times.size() / 2)}};
    mergeBenchFigures(output, figures);
    std::printf("%d nodes\n%s", nodes, QJsonDocument(figures).toJson().constData());
    return 0;
}
