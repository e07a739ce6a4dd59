#pragma once

#include <QEventLoop>
#include <QJsonObject>
#include <QString>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

// Merges a benchmark's figures (name -> number) into the flat JSON object at path,
// keeping what other benchmarks wrote there. Exits the process if it cannot write.
void mergeBenchFigures(const QString &path, const QJsonObject &figures);

// Runs the event loop until sender emits signal; a benchmark that stalls has no
// figure worth writing, so it exits with a message. (QTest::qWaitFor sleeps between
// polls, which would be measured too.)
template<typename Sender, typename Signal>
void waitForSignal(const Sender *sender, Signal signal, int timeoutMs, const char *what)
{
    QEventLoop loop;
    bool stalled = false;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, [&] {
        stalled = true;
        loop.quit();
    });
    loop.exec();
    if (stalled) {
        std::fprintf(stderr, "benchmark stalled: %s\n", what);
        std::exit(1);
    }
}
