#include "querysession.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <libpq-fe.h>

namespace {
// Rows arrive in chunks of this size, so a large result streams instead of
// piling up inside libpq before the first row can be shown.
constexpr int RowChunkSize = 1000;
} // namespace

QuerySession::QuerySession(QObject *parent)
    : QObject(parent)
{
}

QuerySession::~QuerySession()
{
    close();
}

QString QuerySession::serverVersion() const
{
    if (!m_conn || m_state == State::Connecting)
        return {};
    return QString::fromUtf8(PQparameterStatus(m_conn, "server_version"));
}

QString QuerySession::user() const
{
    return m_conn ? QString::fromUtf8(PQuser(m_conn)) : QString();
}

QString QuerySession::database() const
{
    return m_conn ? QString::fromUtf8(PQdb(m_conn)) : QString();
}

void QuerySession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void QuerySession::open(const QString &conninfo)
{
    close();
    m_conn = PQconnectStart(conninfo.toUtf8().constData());
    if (!m_conn) {
        Q_EMIT openFailed(tr("Out of memory while connecting."));
        return;
    }
    if (PQstatus(m_conn) == CONNECTION_BAD) { // a malformed conninfo fails at once
        const QString message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        close();
        Q_EMIT openFailed(message);
        return;
    }
    PQsetNoticeReceiver(m_conn, &QuerySession::noticeReceiver, this);
    setState(State::Connecting);
    watchSocket(false, true); // libpq wants PQconnectPoll first when the socket is writable
}

void QuerySession::close()
{
    m_readNotifier.reset();
    m_writeNotifier.reset();
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
    m_hasCurrent = false;
    setState(State::Disconnected);
}

void QuerySession::fail(const QString &message)
{
    const bool wasConnecting = m_state == State::Connecting;
    const bool wasBusy = m_state == State::Busy;
    close();
    if (wasConnecting) {
        Q_EMIT openFailed(message.trimmed());
    } else {
        Q_EMIT messageReceived(ServerMessage::clientError(message));
        if (wasBusy)
            Q_EMIT finished(m_timer.elapsed());
    }
}

void QuerySession::watchSocket(bool read, bool write)
{
    const int fd = PQsocket(m_conn);
    if (!m_readNotifier || m_readNotifier->socket() != fd) {
        m_readNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
        m_writeNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
        connect(m_readNotifier.get(), &QSocketNotifier::activated, this, &QuerySession::onReadable);
        connect(m_writeNotifier.get(), &QSocketNotifier::activated, this, &QuerySession::onWritable);
    }
    m_readNotifier->setEnabled(read);
    m_writeNotifier->setEnabled(write);
}

void QuerySession::pollConnect()
{
    switch (PQconnectPoll(m_conn)) {
    case PGRES_POLLING_READING:
        watchSocket(true, false);
        break;
    case PGRES_POLLING_WRITING:
        watchSocket(false, true);
        break;
    case PGRES_POLLING_OK:
        PQsetnonblocking(m_conn, 1);
        watchSocket(true, false);
        setState(State::Idle);
        Q_EMIT opened();
        break;
    case PGRES_POLLING_FAILED:
    default:
        fail(QString::fromUtf8(PQerrorMessage(m_conn)));
        break;
    }
}

void QuerySession::onWritable()
{
    if (m_state == State::Connecting) {
        pollConnect();
        return;
    }
    const int flushed = PQflush(m_conn);
    if (flushed < 0)
        fail(QString::fromUtf8(PQerrorMessage(m_conn)));
    else
        watchSocket(true, flushed == 1);
}

void QuerySession::onReadable()
{
    if (m_state == State::Connecting) {
        pollConnect();
        return;
    }
    if (!PQconsumeInput(m_conn)) {
        fail(QString::fromUtf8(PQerrorMessage(m_conn)));
        return;
    }
    if (m_state == State::Busy)
        drainResults();
}

bool QuerySession::execute(const QString &sql)
{
    if (m_state != State::Idle)
        return false;
    if (!PQsendQuery(m_conn, sql.toUtf8().constData())) {
        fail(QString::fromUtf8(PQerrorMessage(m_conn)));
        return false;
    }
    PQsetChunkedRowsMode(m_conn, RowChunkSize);
    m_timer.start();
    m_hasCurrent = false;
    setState(State::Busy);
    const int flushed = PQflush(m_conn);
    watchSocket(true, flushed == 1);
    return true;
}

void QuerySession::drainResults()
{
    while (m_conn && !PQisBusy(m_conn)) {
        PGresult *result = PQgetResult(m_conn);
        if (!result) {
            setState(State::Idle);
            Q_EMIT finished(m_timer.elapsed());
            return;
        }
        // In chunked mode libpq puts the command tag on the last chunk and leaves
        // the closing PGRES_TUPLES_OK without one.
        const QString tag = QString::fromUtf8(PQcmdStatus(result));
        switch (PQresultStatus(result)) {
        case PGRES_TUPLES_CHUNK:
        case PGRES_SINGLE_TUPLE:
            if (!m_hasCurrent) {
                m_current = ResultSet();
                m_hasCurrent = true;
            }
            m_current.appendRows(result);
            if (!tag.isEmpty())
                m_current.setCommandTag(tag);
            break;
        case PGRES_TUPLES_OK:
            if (!m_hasCurrent)
                m_current = ResultSet();
            m_current.appendRows(result);
            if (!tag.isEmpty())
                m_current.setCommandTag(tag);
            m_hasCurrent = false;
            Q_EMIT resultReady(m_current);
            break;
        case PGRES_COMMAND_OK:
            Q_EMIT commandCompleted(tag);
            break;
        case PGRES_EMPTY_QUERY:
            break;
        default: // PGRES_FATAL_ERROR and the like
            m_hasCurrent = false;
            Q_EMIT messageReceived(ServerMessage::fromResult(result));
            break;
        }
        PQclear(result);
    }
    if (m_conn && PQstatus(m_conn) == CONNECTION_BAD)
        fail(tr("The connection to the server was lost."));
}

void QuerySession::noticeReceiver(void *self, const pg_result *result)
{
    Q_EMIT static_cast<QuerySession *>(self)->messageReceived(ServerMessage::fromResult(result));
}
