#pragma once

#include "practiceserver.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

struct LiveServer;

// A PostgreSQL server of the test's own, made by the same PracticeServer the app
// uses, in a temporary directory that is removed with it, pass or fail. A test
// process that crashes or aborts shuts its servers down on the way out.
class ThrowawayServer
{
public:
    // durable: fsync on, as the learner's practice server runs (benchmarks of disk work);
    // otherwise fsync is off, which is all a test needs.
    explicit ThrowawayServer(bool durable = false);
    ~ThrowawayServer();

    bool start();
    PracticeServer &server() { return *m_server; }
    QString connectionString(const QString &database = QStringLiteral("postgres")) const
    {
        return m_server->connectionString(database);
    }
    QString errorString() const { return m_server->errorString(); }
    QString directory() const { return m_dir.path(); }
    // The psql that comes with this server's programs.
    QString psql() const;
    // A login role that, unlike every other, must give its password on the local socket.
    bool addPasswordRole(const QString &role, const QString &password, QString *error);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PracticeServer> m_server;
    LiveServer *m_tracked = nullptr;
};

// Runs one statement with a plain blocking libpq connection and returns the first
// field of the first row (empty on error, with *error set): a check from outside.
QString queryScalar(const QString &conninfo, const QString &sql, QString *error = nullptr);

// What a program printed and how it ended.
struct ProgramOutput
{
    int exitCode = -1; // -1: it crashed or did not finish in time
    QByteArray out;
    QByteArray err;
};

// Runs a program to its end with extra environment variables ("NAME=value").
ProgramOutput runProgram(const QString &program, const QStringList &arguments,
                         const QStringList &environment = {}, int timeoutMs = 120000);
