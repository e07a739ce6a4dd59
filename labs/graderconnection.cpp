#include "graderconnection.h"

#include "statementsplitter.h"

#include <QDeadlineTimer>

#include <libpq-fe.h>

#include <poll.h>

namespace {
struct ResultDeleter
{
    void operator()(PGresult *r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

void take(SqlOutcome *outcome, const PGresult *result)
{
    const ExecStatusType status = PQresultStatus(result);
    // An empty query (only comments) is nothing to run, not a failure.
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
        outcome->ok = true;
        outcome->sqlstate.clear();
        outcome->message.clear();
        outcome->result = ResultSet();
        outcome->result.setColumns(result);
        outcome->result.appendRows(result);
        outcome->result.setCommandTag(QString::fromUtf8(PQcmdStatus(const_cast<PGresult *>(result))));
        return;
    }
    outcome->ok = false;
    outcome->sqlstate = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    const char *primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    outcome->message = QString::fromUtf8(primary ? primary : PQresultErrorMessage(result)).trimmed();
}
// Ends a COPY to or from the client at once: libpq hands back the same COPY state for as
// long as it lasts, so a check that only collects results would wait for ever.
void endCopy(PGconn *conn, ExecStatusType status)
{
    if (status == PGRES_COPY_OUT) {
        char *row = nullptr;
        while (PQgetCopyData(conn, &row, 0) > 0)
            PQfreemem(row);
    } else {
        PQputCopyEnd(conn, "COPY from the client is not available to a check");
    }
}
} // namespace

QString SqlOutcome::value(int row, int column) const
{
    if (row >= result.rowCount() || column >= result.columnCount() || result.isNull(row, column))
        return {};
    return result.text(row, column);
}

GraderConnection::GraderConnection() = default;

GraderConnection::~GraderConnection()
{
    close();
}

GraderConnection::GraderConnection(GraderConnection &&other) noexcept
    : m_conn(std::exchange(other.m_conn, nullptr))
    , m_busy(std::exchange(other.m_busy, false))
{
}

GraderConnection &GraderConnection::operator=(GraderConnection &&other) noexcept
{
    if (this != &other) {
        close();
        m_conn = std::exchange(other.m_conn, nullptr);
        m_busy = std::exchange(other.m_busy, false);
    }
    return *this;
}

bool GraderConnection::open(const QString &conninfo, int statementTimeoutMs, QString *error)
{
    close();
    m_conn = PQconnectdb(conninfo.toUtf8().constData());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        *error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        close();
        return false;
    }
    // Graders look at outcomes; the server's notices ("already exists, skipping") are noise here.
    PQsetNoticeProcessor(m_conn, [](void *, const char *) {}, nullptr);
    if (statementTimeoutMs > 0) {
        const SqlOutcome set = exec(QStringLiteral("SET statement_timeout = %1").arg(statementTimeoutMs));
        if (!set.ok) {
            *error = set.message;
            close();
            return false;
        }
    }
    return true;
}

void GraderConnection::close()
{
    if (m_conn)
        PQfinish(m_conn);
    m_conn = nullptr;
    m_busy = false;
}

SqlOutcome GraderConnection::exec(const QString &sql)
{
    if (!send(sql))
        return {false, QStringLiteral("08006"), m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()
                                                        : tr("not connected"), {}};
    return collect();
}

SqlOutcome GraderConnection::exec(const QString &sql, const QStringList &parameters)
{
    if (!m_conn || m_busy)
        return {false, QStringLiteral("08006"), tr("not connected"), {}};
    QList<QByteArray> values;
    QList<const char *> pointers;
    for (const QString &p : parameters)
        values << p.toUtf8();
    for (const QByteArray &v : std::as_const(values))
        pointers << v.constData();
    if (!PQsendQueryParams(m_conn, sql.toUtf8().constData(), int(pointers.size()), nullptr, pointers.constData(),
                           nullptr, nullptr, 0))
        return {false, QStringLiteral("08006"), QString::fromUtf8(PQerrorMessage(m_conn)).trimmed(), {}};
    m_busy = true;
    return collect();
}

QString GraderConnection::value(const QString &sql, const QStringList &parameters, QString *error)
{
    const SqlOutcome outcome = exec(sql, parameters);
    if (!outcome.ok) {
        *error = outcome.message;
        return {};
    }
    error->clear();
    return outcome.value();
}

SqlOutcome GraderConnection::readOnly(const QString &sql)
{
    exec(QStringLiteral("BEGIN READ ONLY"));
    SqlOutcome outcome = exec(sql);
    exec(QStringLiteral("ROLLBACK"));
    return outcome;
}

SqlOutcome GraderConnection::readOnlyOne(const QString &sql)
{
    exec(QStringLiteral("BEGIN READ ONLY"));
    SqlOutcome outcome = execOne(sql);
    exec(QStringLiteral("ROLLBACK"));
    return outcome;
}

SqlOutcome GraderConnection::execScript(const QString &script, int *failedLine)
{
    SqlOutcome outcome{true, {}, {}, {}};
    for (const ScriptUnit &unit : StatementSplitter::split(script)) {
        if (unit.kind != ScriptUnit::Kind::Query)
            continue;
        outcome = exec(unit.text);
        if (!outcome.ok) {
            if (failedLine)
                *failedLine = unit.spans.isEmpty() ? 0 : int(QStringView(script).left(unit.spans.first().start).count(u'\n')) + 1;
            break;
        }
    }
    return outcome;
}

QString GraderConnection::identifier(const QString &name)
{
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QString GraderConnection::literal(const QString &text)
{
    return u'\'' + QString(text).replace(u'\'', QStringLiteral("''")) + u'\'';
}

QString GraderConnection::textArray(const QStringList &values)
{
    QStringList elements;
    for (const QString &v : values)
        elements << u'"' + QString(v).replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")) + u'"';
    return u'{' + elements.join(u',') + u'}';
}

bool GraderConnection::send(const QString &sql)
{
    if (!m_conn || m_busy || !PQsendQuery(m_conn, sql.toUtf8().constData()))
        return false;
    m_busy = true;
    return true;
}

bool GraderConnection::wait(int timeoutMs, SqlOutcome *outcome)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_busy) {
        if (!PQconsumeInput(m_conn))
            break;
        if (!PQisBusy(m_conn))
            break;
        const qint64 left = deadline.remainingTime();
        if (left == 0)
            return false;
        pollfd fd{PQsocket(m_conn), POLLIN, 0};
        ::poll(&fd, 1, int(left < 0 ? -1 : left));
    }
    *outcome = collect();
    return true;
}

bool GraderConnection::inTransaction() const
{
    const PGTransactionStatusType status = m_conn ? PQtransactionStatus(m_conn) : PQTRANS_UNKNOWN;
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

SqlOutcome GraderConnection::collect()
{
    SqlOutcome outcome;
    bool failed = false;
    bool any = false;
    while (PGresult *raw = PQgetResult(m_conn)) {
        const Result result(raw);
        any = true;
        const ExecStatusType status = PQresultStatus(raw);
        if (status == PGRES_COPY_OUT || status == PGRES_COPY_IN || status == PGRES_COPY_BOTH) {
            endCopy(m_conn, status);
            if (!failed) {
                outcome.ok = false;
                outcome.sqlstate = QStringLiteral("0A000");
                outcome.message = tr("COPY to or from the client cannot be checked; write the query itself (SELECT ...)");
            }
            failed = true;
            continue;
        }
        if (!failed)
            take(&outcome, result.get());
        failed = failed || !outcome.ok;
    }
    m_busy = false;
    if (!any) {
        outcome.ok = false;
        outcome.sqlstate = QStringLiteral("08006");
        outcome.message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    }
    return outcome;
}

void GraderConnection::cancel()
{
    if (!m_conn || !m_busy)
        return;
    if (PGcancelConn *c = PQcancelCreate(m_conn)) {
        PQcancelBlocking(c);
        PQcancelFinish(c);
    }
    SqlOutcome ignored;
    wait(5000, &ignored);
}

int GraderConnection::backendPid() const
{
    return m_conn ? PQbackendPID(m_conn) : 0;
}

bool GraderConnection::waitForNotifications(int timeoutMs, QStringList *payloads)
{
    if (!m_conn || m_busy)
        return false;
    const auto take = [&] {
        if (!PQconsumeInput(m_conn) || PQstatus(m_conn) != CONNECTION_OK)
            return false;
        while (PGnotify *n = PQnotifies(m_conn)) {
            payloads->append(QString::fromUtf8(n->extra));
            PQfreemem(n);
        }
        return true;
    };
    const qsizetype before = payloads->size();
    if (!take())
        return false;
    if (payloads->size() > before)
        return true;
    pollfd fd{PQsocket(m_conn), POLLIN, 0};
    if (::poll(&fd, 1, timeoutMs) < 0)
        return true; // interrupted: nothing arrived
    if (fd.revents & (POLLERR | POLLNVAL))
        return false;
    return fd.revents & (POLLIN | POLLHUP) ? take() : true;
}
