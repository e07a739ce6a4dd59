#pragma once

#include "resultset.h"

#include <QList>
#include <QString>

// One server process as pg_stat_activity shows it, with the processes it waits for.
struct BackendActivity
{
    int pid = 0;
    QString user, database, application, client, backendType;
    QString state;         // active, idle, idle in transaction, ...
    QString waitEventType; // Lock, LWLock, IO, Client, ...
    QString waitEvent;     // transactionid, relation, ClientRead, ...
    QString query;
    double queryMs = -1;       // since the query (or the last one) began; -1 without one
    double transactionMs = -1; // since the transaction began; -1 outside one
    QList<int> blockedBy;      // pg_blocking_pids()
};

// What the server's sessions are doing at one moment, and who waits for whom: the
// blocking tree has at its roots the sessions nobody blocks, under each the sessions
// waiting for it (a session waiting for two shows under both).
class ActivitySnapshot
{
public:
    // The query that takes the snapshot (shown to learners on request): every process but
    // the one asking, with its waits and pg_blocking_pids().
    static QString query();
    static ActivitySnapshot fromResult(const ResultSet &result);

    const QList<BackendActivity> &backends() const { return m_backends; }
    const BackendActivity *backend(int pid) const;
    // Sessions that block someone and are not blocked themselves, then every other session
    // nobody blocks (client backends first), by pid.
    QList<int> roots() const;
    // The sessions waiting for pid.
    QList<int> waitingFor(int pid) const;
    int blockedCount() const;

    // SELECT pg_cancel_backend(pid) / pg_terminate_backend(pid).
    static QString cancelQuery(int pid);
    static QString terminateQuery(int pid);

private:
    QList<BackendActivity> m_backends;
};
