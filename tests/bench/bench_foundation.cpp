// Foundation benchmarks: ./campus bench runs this and it merges its figures into
// build/bench/results.json (a flat object, figure name -> median in ms).
#include "querysession.h"
#include "sqleditor.h"
#include "throwawayserver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
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

// A benchmark that stalls has no figure worth writing: stop with a message.
template<typename Predicate>
void waitOrDie(Predicate done, int timeoutMs, const char *what)
{
    if (!QTest::qWaitFor(done, timeoutMs)) {
        std::fprintf(stderr, "benchmark stalled: %s\n", what);
        std::exit(1);
    }
}

void writeFigures(const QString &path, const QJsonObject &figures)
{
    QJsonObject all;
    QFile in(path);
    if (in.open(QIODevice::ReadOnly))
        all = QJsonDocument::fromJson(in.readAll()).object();
    in.close();
    for (auto it = figures.begin(); it != figures.end(); ++it)
        all.insert(it.key(), it.value());
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        std::exit(1);
    }
    out.write(QJsonDocument(all).toJson());
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
    waitOrDie([&] { return session.state() == QuerySession::State::Idle; }, 30000, "connecting");
    figures.insert(QStringLiteral("query_100k_rows_ms"), median([&] {
                       bool done = false;
                       auto c = QObject::connect(&session, &QuerySession::finished, [&] { done = true; });
                       session.execute(QStringLiteral("SELECT g, md5(g::text), now() FROM generate_series(1, 100000) g"));
                       waitOrDie([&] { return done; }, 60000, "query_100k_rows");
                       QObject::disconnect(c);
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

    writeFigures(output, figures);
    std::printf("%s", QJsonDocument(figures).toJson().constData());
    return 0;
}
