#include "activitysnapshot.h"

#include <algorithm>

QString ActivitySnapshot::query()
{
    return QStringLiteral(
        "SELECT pid, usename, datname, application_name,\n"
        "  CASE WHEN client_addr IS NOT NULL THEN host(client_addr) WHEN client_port = -1 THEN 'local socket' END AS client,\n"
        "  backend_type, state, wait_event_type, wait_event, query,\n"
        "  round(extract(epoch FROM clock_timestamp() - query_start) * 1000) AS query_ms,\n"
        "  round(extract(epoch FROM clock_timestamp() - xact_start) * 1000) AS xact_ms,\n"
        "  array_to_string(pg_blocking_pids(pid), ',') AS blocked_by\n"
        "FROM pg_stat_activity\n"
        "WHERE pid <> pg_backend_pid()\n"
        "ORDER BY pid;");
}

ActivitySnapshot ActivitySnapshot::fromResult(const ResultSet &result)
{
    ActivitySnapshot s;
    const auto number = [&](qsizetype r, int c) { return result.isNull(r, c) ? -1.0 : result.text(r, c).toDouble(); };
    for (qsizetype r = 0; r < result.rowCount(); ++r) {
        BackendActivity b;
        b.pid = result.text(r, 0).toInt();
        b.user = result.text(r, 1);
        b.database = result.text(r, 2);
        b.application = result.text(r, 3);
        b.client = result.text(r, 4);
        b.backendType = result.text(r, 5);
        b.state = result.text(r, 6);
        b.waitEventType = result.text(r, 7);
        b.waitEvent = result.text(r, 8);
        b.query = result.text(r, 9);
        b.queryMs = number(r, 10);
        b.transactionMs = number(r, 11);
        for (const QString &pid : result.text(r, 12).split(u',', Qt::SkipEmptyParts))
            b.blockedBy << pid.toInt();
        s.m_backends << b;
    }
    return s;
}

const BackendActivity *ActivitySnapshot::backend(int pid) const
{
    for (const BackendActivity &b : m_backends) {
        if (b.pid == pid)
            return &b;
    }
    return nullptr;
}

QList<int> ActivitySnapshot::roots() const
{
    QList<int> blockers, others;
    for (const BackendActivity &b : m_backends) {
        if (!b.blockedBy.isEmpty())
            continue;
        (waitingFor(b.pid).isEmpty() ? others : blockers) << b.pid;
    }
    std::stable_sort(others.begin(), others.end(), [this](int a, int b) {
        return (backend(a)->backendType == u"client backend") > (backend(b)->backendType == u"client backend");
    });
    return blockers + others;
}

QList<int> ActivitySnapshot::waitingFor(int pid) const
{
    QList<int> waiting;
    for (const BackendActivity &b : m_backends) {
        if (b.blockedBy.contains(pid))
            waiting << b.pid;
    }
    return waiting;
}

int ActivitySnapshot::blockedCount() const
{
    return int(std::count_if(m_backends.cbegin(), m_backends.cend(), [](const BackendActivity &b) { return !b.blockedBy.isEmpty(); }));
}

QString ActivitySnapshot::cancelQuery(int pid)
{
    return QStringLiteral("SELECT pg_cancel_backend(%1)").arg(pid);
}

QString ActivitySnapshot::terminateQuery(int pid)
{
    return QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid);
}
