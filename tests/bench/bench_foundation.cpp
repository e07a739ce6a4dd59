// Foundation benchmarks: ./campus bench runs this and it merges its figures into
// build/bench/results.json (a flat object, figure name -> median in ms).
#include "querysession.h"
#include "sqleditor.h"
#include "benchsupport.h"
#include "throwawayserver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {
constexpr int Runs = 5;

double median(std::function<void()> work)
{
    QList<double> times;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times << timer.nsecsElapsed() / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(Runs / 2);
}


} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString output = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("results.json");
    QJsonObject figures;

    ThrowawayServer server;
    if (!server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    figures.insert(QStringLiteral("practice_server_restart_ms"), median([&] { server.server().restart(); }));

    QuerySession session;
    session.open(server.connectionString());
    waitForSignal(&session, &QuerySession::opened, 30000, "connecting");
    figures.insert(QStringLiteral("query_100k_rows_ms"), median([&] {
                       session.execute(QStringLiteral("SELECT g, md5(g::text), now() FROM generate_series(1, 100000) g"));
                       waitForSignal(&session, &QuerySession::finished, 60000, "query_100k_rows");
                   }));

    QString script;
    for (int i = 0; i < 1000; ++i)
        script += QStringLiteral("-- statement %1\nSELECT id, 'name' || $1, 1.5e3 FROM t%1 WHERE x = E'a\\'b';\n"
                                 "CREATE FUNCTION f%1() RETURNS int LANGUAGE sql AS $fn$\n  SELECT %1;\n$fn$;\n"
                                 "/* block /* nested */ */ UPDATE \"T\" SET v = v + 1;\n\n\n")
                      .arg(i);
    SqlEditor editor;
    figures.insert(QStringLiteral("highlight_10k_lines_ms"), median([&] {
                       editor.setText(script);
                       editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0L, -1L);
                   }));

    mergeBenchFigures(output, figures);
    std::printf("%s", QJsonDocument(figures).toJson().constData());
    return 0;
}
