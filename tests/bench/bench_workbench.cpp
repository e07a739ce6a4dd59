// Workbench benchmarks: a million-row fetch against psql on the same practice server,
// its memory, the first rows' latency and painting the grid over it. ./campus bench
// runs this; it merges its figures into build/bench/results.json.
#include "querysession.h"
#include "resulttablemodel.h"
#include "sqleditor.h"
#include "statementsplitter.h"
#include "benchsupport.h"
#include "throwawayserver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {
const QString Query = QStringLiteral(
    "SELECT g, md5(g::text), now(), g*1.5, repeat('x', 20) FROM generate_series(1, 1000000) g");
constexpr int Runs = 5;

[[noreturn]] void die(const QString &what)
{
    std::fprintf(stderr, "bench_workbench: %s\n", qPrintable(what));
    std::exit(1);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

struct Fetch
{
    ResultSet result;
    double wallMs = 0;
    double firstRowsMs = -1;
};

// Connects, runs the query to its end and keeps the rows, as the workbench does.
Fetch fetch(const QString &conninfo)
{
    QElapsedTimer timer;
    timer.start();
    QuerySession session;
    Fetch f;
    QObject::connect(&session, &QuerySession::opened, [&] { session.execute(Query); });
    QObject::connect(&session, &QuerySession::openFailed, [&](const QString &m) { die(m); });
    QElapsedTimer sinceSend;
    QObject::connect(&session, &QuerySession::statementStarted, [&] { sinceSend.start(); });
    QObject::connect(&session, &QuerySession::rowsArrived, [&] {
        if (f.firstRowsMs < 0)
            f.firstRowsMs = sinceSend.nsecsElapsed() / 1e6;
    });
    QObject::connect(&session, &QuerySession::resultReady, [&](int, const ResultSet &rs) { f.result = rs; });
    session.open(conninfo);
    waitForSignal(&session, &QuerySession::finished, 120000, "the fetch did not finish");
    f.wallMs = timer.nsecsElapsed() / 1e6;
    if (f.result.rowCount() != 1000000)
        die(QStringLiteral("fetched %1 rows").arg(f.result.rowCount()));
    return f;
}

double psqlMs(const QString &psql, const QString &conninfo)
{
    QElapsedTimer timer;
    timer.start();
    const ProgramOutput out = runProgram(psql, {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"),
                                                QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-c"),
                                                Query, QStringLiteral("-d"), conninfo});
    const double ms = timer.nsecsElapsed() / 1e6;
    if (out.exitCode != 0)
        die(QStringLiteral("psql failed: ") + QString::fromUtf8(out.err));
    return ms;
}

// In a process of its own, so nothing measured before inflates the peak.
int measureRss(const QString &conninfo)
{
    QuerySession warmup; // libraries and the connection machinery are loaded before the baseline
    warmup.open(conninfo);
    waitForSignal(&warmup, &QuerySession::opened, 30000, "no connection");
    const qint64 before = peakRssKiB();
    const Fetch f = fetch(conninfo);
    const qint64 after = peakRssKiB();
    std::printf("%f\n", double(after - before) * 1024.0 / double(f.result.textBytes()));
    return 0;
}

// p99 of painting the grid after jumping to 100 random rows of the million.
double gridScrollP99(const ResultSet &result)
{
    QTableView view;
    ResultTableModel model;
    model.setResult(result);
    view.setModel(&model);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 6);
    view.resize(1200, 700);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        die(QStringLiteral("the grid was not shown"));
    view.resizeColumnsToContents();
    view.viewport()->repaint();
    QList<double> times;
    QRandomGenerator random(20261125);
    for (int i = 0; i < 100; ++i) {
        const int row = int(random.bounded(quint32(result.rowCount())));
        QElapsedTimer timer;
        timer.start();
        view.scrollTo(model.index(row, 0), QAbstractItemView::PositionAtCenter);
        view.viewport()->repaint();
        times << timer.nsecsElapsed() / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(98); // the 99th of 100
}

// About 10 MB of a learner's kind of script: statements, comments, strings, bodies.
QString tenMegabyteScript()
{
    QString script;
    for (int i = 0; script.size() < 10 * 1024 * 1024; ++i)
        script += QStringLiteral("-- step %1\nINSERT INTO t (id, note) VALUES (%1, 'it''s; row %1');\n"
                                 "CREATE FUNCTION f%1() RETURNS int LANGUAGE plpgsql AS $fn$\nBEGIN\n"
                                 "  RETURN %1; -- done;\nEND;\n$fn$;\n/* block; /* nested */ */ SELECT $1, E'\\n';\n\n")
                      .arg(i);
    return script;
}

// Pasting 10 MB: the editor takes the text and paints its first screen; styling
// the whole document (a jump to the end) is measured apart.
void measureBigScript(QJsonObject &figures)
{
    const QString script = tenMegabyteScript();
    QElapsedTimer timer;
    timer.start();
    const QList<ScriptUnit> units = StatementSplitter::split(script);
    figures.insert(QStringLiteral("split_10mb_ms"), timer.nsecsElapsed() / 1e6);
    if (units.size() < 10000)
        die(QStringLiteral("the big script split into %1 units").arg(units.size()));

    SqlEditor editor;
    editor.resize(1000, 700);
    editor.show();
    if (!QTest::qWaitForWindowExposed(&editor))
        die(QStringLiteral("the editor was not shown"));
    timer.restart();
    editor.setText(script);
    editor.repaint();
    figures.insert(QStringLiteral("paste_10mb_ms"), timer.nsecsElapsed() / 1e6);
    timer.restart();
    editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0L, -1L);
    figures.insert(QStringLiteral("highlight_10mb_ms"), timer.nsecsElapsed() / 1e6);
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 3 && args.at(1) == u"--rss")
        return measureRss(args.at(2));
    const QString output = args.size() > 1 ? args.at(1) : QStringLiteral("results.json");

    ThrowawayServer server;
    if (!server.start())
        die(server.errorString());
    const QString conninfo = server.connectionString();
    psqlMs(server.psql(), conninfo); // warm the server's caches for both

    QList<double> ours;
    QList<double> theirs;
    QList<double> firstRows;
    ResultSet kept;
    for (int i = 0; i < Runs; ++i) { // alternating, so a noisy moment hits both
        Fetch f = fetch(conninfo);
        ours << f.wallMs;
        firstRows << f.firstRowsMs;
        if (i == Runs - 1)
            kept = f.result;
        theirs << psqlMs(server.psql(), conninfo);
    }

    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--rss"), conninfo});
    if (!child.waitForFinished(180000) || child.exitCode() != 0)
        die(QStringLiteral("the memory measurement failed: ") + QString::fromUtf8(child.readAllStandardError()));
    const double rssRatio = child.readAllStandardOutput().trimmed().toDouble();

    QJsonObject figures{
        {QStringLiteral("fetch_1m_ratio_vs_psql"), median(ours) / median(theirs)},
        {QStringLiteral("fetch_1m_ms"), median(ours)},
        {QStringLiteral("fetch_1m_psql_ms"), median(theirs)},
        {QStringLiteral("fetch_1m_rss_ratio"), rssRatio},
        {QStringLiteral("first_chunk_ms"), median(firstRows)},
        {QStringLiteral("grid_scroll_ms_p99"), gridScrollP99(kept)},
    };
    measureBigScript(figures);
    mergeBenchFigures(output, figures);
    std::printf("%s", QJsonDocument(figures).toJson().constData());
    return 0;
}
