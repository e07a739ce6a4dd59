#include "querysession.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <libpq-fe.h>

namespace {
// Deletes a notifier once control is back in the event loop: it may be the very
// notifier whose signal is being handled.
void dispose(std::unique_ptr<QSocketNotifier> &notifier)
{
    if (!notifier)
        return;
    notifier->setEnabled(false);
    notifier.release()->deleteLater();
}

// Keeps a pair of notifiers on a socket, made anew when the socket changes.
template<typename Receiver, typename OnRead, typename OnWrite>
void watch(std::unique_ptr<QSocketNotifier> &readN, std::unique_ptr<QSocketNotifier> &writeN, int fd,
           bool read, bool write, Receiver *receiver, OnRead onRead, OnWrite onWrite)
{
    if (!readN || readN->socket() != fd) {
        dispose(readN);
        dispose(writeN);
        readN = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
        writeN = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
        QObject::connect(readN.get(), &QSocketNotifier::activated, receiver, onRead);
        QObject::connect(writeN.get(), &QSocketNotifier::activated, receiver, onWrite);
    }
    readN->setEnabled(read);
    writeN->setEnabled(write);
}

TransactionState transactionOf(const PGconn *conn)
{
    switch (PQtransactionStatus(conn)) {
    case PQTRANS_IDLE:
        return TransactionState::Idle;
    case PQTRANS_ACTIVE:
        return TransactionState::Active;
    case PQTRANS_INTRANS:
        return TransactionState::InTransaction;
    case PQTRANS_INERROR:
        return TransactionState::Failed;
    case PQTRANS_UNKNOWN:
        break;
    }
    return TransactionState::Unknown;
}

qint64 rowsAffectedOf(PGresult *result)
{
    bool ok = false;
    const qint64 n = QByteArray(PQcmdTuples(result)).toLongLong(&ok);
    return ok ? n : -1;
}
} // namespace

// A cancel request in flight on its own connection (PQcancelStart/PQcancelPoll).
struct QuerySession::CancelRequest
{
    PGcancelConn *conn = nullptr;
    std::unique_ptr<QSocketNotifier> readNotifier;
    std::unique_ptr<QSocketNotifier> writeNotifier;

    ~CancelRequest()
    {
        dispose(readNotifier);
        dispose(writeNotifier);
        if (conn)
            PQcancelFinish(conn);
    }
};

QuerySession::QuerySession(QObject *parent)
    : QObject(parent)
{
}

QuerySession::~QuerySession()
{
    blockSignals(true); // whoever listens may be half gone already
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

bool QuerySession::standardConformingStrings() const
{
    return !m_conn || qstrcmp(PQparameterStatus(m_conn, "standard_conforming_strings"), "off") != 0;
}

QString QuerySession::tlsDescription() const
{
    if (!m_conn || !PQsslInUse(m_conn))
        return {};
    return QStringLiteral("%1 %2").arg(QString::fromUtf8(PQsslAttribute(m_conn, "protocol")),
                                       QString::fromUtf8(PQsslAttribute(m_conn, "cipher")));
}

void QuerySession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void QuerySession::updateTransactionState()
{
    const TransactionState now = m_conn ? transactionOf(m_conn) : TransactionState::Unknown;
    if (now == m_transaction)
        return;
    m_transaction = now;
    Q_EMIT transactionStateChanged(now);
}

void QuerySession::open(const QString &conninfo)
{
    close();
    m_conninfo = conninfo;
    m_needsPassword = false;
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
    m_cancel.reset();
    dispose(m_readNotifier);
    dispose(m_writeNotifier);
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
    m_internal = Internal::None;
    m_meta.reset();
    m_hasCurrent = false;
    m_copyOut = false;
    m_unnamed.clear();
    setState(State::Disconnected);
    updateTransactionState();
}

void QuerySession::fail(const QString &message)
{
    const State was = m_state;
    const int statement = m_statement;
    close();
    if (was == State::Connecting) {
        Q_EMIT openFailed(message.trimmed());
        return;
    }
    ServerMessage lost = ServerMessage::clientError(message);
    lost.statement = was == State::Busy ? statement : -1;
    Q_EMIT messageReceived(lost);
    Q_EMIT connectionLost(message.trimmed());
    if (was == State::Busy) {
        m_outcome.failed = true;
        m_outcome.elapsedMs = m_statementTimer.elapsed();
        Q_EMIT statementFinished(m_outcome);
        Q_EMIT finished(m_scriptTimer.elapsed());
    }
}

void QuerySession::watchSocket(bool read, bool write)
{
    watch(m_readNotifier, m_writeNotifier, PQsocket(m_conn), read, write, this, &QuerySession::onReadable,
          &QuerySession::onWritable);
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
        // The names of the built-in and existing types, for result headers.
        if (!sendInternal(Internal::LoadTypes, "SELECT oid, format_type(oid, NULL) FROM pg_catalog.pg_type"))
            finishOpening();
        break;
    case PGRES_POLLING_FAILED:
    default:
        m_needsPassword = PQconnectionNeedsPassword(m_conn);
        fail(QString::fromUtf8(PQerrorMessage(m_conn)));
        break;
    }
}

void QuerySession::onWritable()
{
    if (m_state == State::Connecting && m_internal == Internal::None) {
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
    if (m_state == State::Connecting && m_internal == Internal::None) {
        pollConnect();
        return;
    }
    if (!PQconsumeInput(m_conn)) {
        fail(QString::fromUtf8(PQerrorMessage(m_conn)));
        return;
    }
    drainResults();
}

bool QuerySession::execute(const QString &sql)
{
    return run(StatementSplitter::split(sql, {standardConformingStrings()}));
}

bool QuerySession::run(const QList<ScriptUnit> &units, const RunOptions &options)
{
    if (m_state != State::Idle)
        return false;
    m_script = units;
    m_options = options;
    m_statement = -1;
    m_scriptFailed = false;
    m_cancelRequested = false;
    m_scriptTimer.start();
    setState(State::Busy);
    if (m_internal == Internal::None) // else it starts once the type lookup is done
        startNextStatement();
    return true;
}

void QuerySession::startNextStatement()
{
    while (++m_statement < m_script.size()) {
        if (m_cancelRequested || (m_scriptFailed && m_options.stopOnError))
            break;
        const ScriptUnit &unit = m_script.at(m_statement);
        if (unit.kind == ScriptUnit::Kind::MetaCommand) {
            const MetaCommand command = MetaCommand::parse(unit.text);
            if (command.kind() == MetaCommand::Kind::Unsupported) {
                ServerMessage note = ServerMessage::clientNotice(
                    tr("The psql meta-command %1 is not available in the workbench; it was skipped.").arg(unit.text));
                note.statement = m_statement;
                Q_EMIT messageReceived(note);
                continue;
            }
            m_outcome = StatementOutcome{m_statement, {}, -1, 0, false};
            m_statementFailed = false;
            m_statementTimer.start();
            Q_EMIT statementStarted(m_statement);
            if (command.runsQueries()) {
                m_meta = std::make_unique<MetaCommand>(command);
                continueMetaCommand();
                return;
            }
            runClientCommand(command);
            m_outcome.elapsedMs = m_statementTimer.elapsed();
            m_outcome.failed = m_statementFailed;
            m_scriptFailed = m_scriptFailed || m_statementFailed;
            Q_EMIT statementFinished(m_outcome);
            continue;
        }
        if (!PQsendQuery(m_conn, unit.text.toUtf8().constData())) {
            fail(QString::fromUtf8(PQerrorMessage(m_conn)));
            return;
        }
        PQsetChunkedRowsMode(m_conn, ResultSet::RowsPerBlock);
        m_outcome = StatementOutcome{m_statement, {}, -1, 0, false};
        m_statementFailed = false;
        m_hasCurrent = false;
        m_statementTimer.start();
        Q_EMIT statementStarted(m_statement);
        const int flushed = PQflush(m_conn);
        watchSocket(true, flushed == 1);
        return;
    }
    finishScript();
}

void QuerySession::runClientCommand(const MetaCommand &command)
{
    QString text;
    if (command.kind() == MetaCommand::Kind::ConnInfo) {
        text = MetaCommand::connectionText(QString::fromUtf8(PQdb(m_conn)), QString::fromUtf8(PQuser(m_conn)),
                                           QString::fromUtf8(PQhost(m_conn)), QString::fromUtf8(PQport(m_conn)));
    } else {
        QString &value = command.kind() == MetaCommand::Kind::Timing ? m_timing : m_expanded;
        const QString next = command.setting(value, &text);
        if (next.isEmpty()) {
            m_statementFailed = true;
            ServerMessage error = ServerMessage::clientError(text);
            error.statement = m_statement;
            Q_EMIT messageReceived(error);
            return;
        }
        value = next;
    }
    MetaOutput output;
    output.text = text;
    Q_EMIT metaOutput(m_statement, output);
}

void QuerySession::continueMetaCommand()
{
    if (!m_statementFailed && m_meta) {
        const QString sql = m_meta->nextQuery();
        if (!sql.isEmpty()) {
            Q_EMIT hiddenQuery(m_statement, sql);
            if (sendInternal(Internal::Meta, sql.toUtf8()))
                return;
            m_meta.reset();
            fail(QString::fromUtf8(PQerrorMessage(m_conn)));
            return;
        }
        for (const MetaOutput &output : m_meta->outputs())
            Q_EMIT metaOutput(m_statement, output);
    }
    m_meta.reset();
    finishStatement();
}

void QuerySession::finishStatement()
{
    m_outcome.elapsedMs = m_statementTimer.elapsed();
    m_outcome.failed = m_statementFailed;
    m_scriptFailed = m_scriptFailed || m_statementFailed;
    updateTransactionState();
    Q_EMIT statementFinished(m_outcome);
    if (m_conn)
        startNextStatement();
}

void QuerySession::finishScript()
{
    m_cancel.reset(); // done its work, or no longer needed
    m_cancelRequested = false;
    setState(State::Idle);
    updateTransactionState();
    lookUpUnknownTypes();
    Q_EMIT finished(m_scriptTimer.elapsed());
}

void QuerySession::finishOpening()
{
    setState(State::Idle);
    updateTransactionState();
    Q_EMIT opened();
}

bool QuerySession::sendInternal(Internal kind, const QByteArray &sql, const QList<QByteArray> &params)
{
    std::vector<const char *> values;
    for (const QByteArray &p : params)
        values.push_back(p.constData());
    // The setup may hold several statements: only the simple protocol takes those.
    const bool sent = kind == Internal::Setup ? PQsendQuery(m_conn, sql.constData())
                                              : PQsendQueryParams(m_conn, sql.constData(), int(values.size()), nullptr,
                                                                  values.data(), nullptr, nullptr, 0);
    if (!sent)
        return false;
    m_internal = kind;
    const int flushed = PQflush(m_conn);
    watchSocket(true, flushed == 1);
    return true;
}

void QuerySession::nameColumns(ResultSet &result)
{
    bool unknown = false;
    for (int c = 0; c < result.columnCount(); ++c) {
        const auto it = m_typeNames.constFind(result.columns().at(c).typeOid);
        if (it != m_typeNames.cend())
            result.setColumnTypeName(c, *it);
        else
            unknown = true;
    }
    if (unknown)
        m_unnamed.append(result);
}

// Types the script made itself (CREATE TYPE ...) are looked up once it is done,
// unless a failed transaction would refuse the query.
void QuerySession::lookUpUnknownTypes()
{
    if (m_unnamed.isEmpty() || m_internal != Internal::None || m_transaction == TransactionState::Failed) {
        m_unnamed.clear();
        return;
    }
    QStringList oids;
    for (const ResultSet &result : std::as_const(m_unnamed)) {
        for (const ResultColumn &column : result.columns()) {
            if (!m_typeNames.contains(column.typeOid))
                oids << QString::number(column.typeOid);
        }
    }
    const QByteArray array = '{' + oids.join(u',').toLatin1() + '}';
    if (!sendInternal(Internal::LookupTypes,
                      "SELECT oid, format_type(oid, NULL) FROM pg_catalog.pg_type WHERE oid = ANY($1::oid[])", {array}))
        m_unnamed.clear();
}

void QuerySession::handleInternalResult(pg_result *result)
{
    if (m_internal == Internal::Meta) {
        if (PQresultStatus(result) == PGRES_TUPLES_OK && m_meta) {
            ResultSet rows;
            rows.setColumns(result);
            nameColumns(rows);
            rows.appendRows(result);
            m_meta->take(rows);
        } else if (PQresultStatus(result) != PGRES_TUPLES_OK) {
            m_statementFailed = true;
            ServerMessage message = ServerMessage::fromResult(result);
            message.statement = m_statement;
            message.position = 0; // it points into the catalog query, not into what the learner typed
            Q_EMIT messageReceived(message);
        }
        return;
    }
    if (m_internal == Internal::Setup) {
        if (PQresultStatus(result) == PGRES_FATAL_ERROR)
            Q_EMIT messageReceived(ServerMessage::fromResult(result));
        return;
    }
    if (PQresultStatus(result) != PGRES_TUPLES_OK)
        return; // names stay unknown; headers show the column names alone
    for (int r = 0; r < PQntuples(result); ++r)
        m_typeNames.insert(QByteArray(PQgetvalue(result, r, 0)).toUInt(), QString::fromUtf8(PQgetvalue(result, r, 1)));
}

// Reads the COPY lines that are here; false while more are to come.
bool QuerySession::readCopyData()
{
    char *line = nullptr;
    int length = 0;
    const qsizetype before = m_current.rowCount();
    while ((length = PQgetCopyData(m_conn, &line, 1)) > 0) {
        const bool newline = line[length - 1] == '\n';
        m_current.appendRow({QByteArrayView(line, newline ? length - 1 : length)});
        PQfreemem(line);
    }
    if (m_current.rowCount() > before)
        Q_EMIT rowsArrived(m_statement, m_current);
    if (length == 0)
        return false;
    m_copyOut = false; // -1: done; -2: an error, which PQgetResult reports next
    m_hasCurrent = false;
    Q_EMIT resultReady(m_statement, m_current);
    return true;
}

void QuerySession::drainResults()
{
    while (m_conn && (!m_copyOut || readCopyData()) && !PQisBusy(m_conn)) {
        PGresult *result = PQgetResult(m_conn);
        if (result) {
            if (m_internal != Internal::None)
                handleInternalResult(result);
            else
                handleResult(result);
            PQclear(result);
            continue;
        }
        // The query in flight is complete.
        const Internal internal = std::exchange(m_internal, Internal::None);
        if (internal == Internal::LoadTypes && !m_setup.isEmpty() &&
            sendInternal(Internal::Setup, m_setup.join(QStringLiteral(";\n")).toUtf8()))
            return;
        if (internal == Internal::LoadTypes || internal == Internal::Setup) {
            finishOpening();
            return;
        }
        if (internal == Internal::Meta) {
            continueMetaCommand();
            if (m_state != State::Busy)
                return;
            continue;
        }
        if (internal == Internal::LookupTypes) {
            for (ResultSet &unnamed : m_unnamed)
                nameColumns(unnamed);
            m_unnamed.clear();
            Q_EMIT typeNamesResolved();
            if (m_state == State::Busy) // a script was asked for during the lookup
                startNextStatement();
            return;
        }
        if (m_state != State::Busy)
            return;
        finishStatement();
        if (m_state != State::Busy)
            return;
    }
    if (m_conn && PQstatus(m_conn) == CONNECTION_BAD)
        fail(tr("The connection to the server was lost."));
}

void QuerySession::handleResult(pg_result *result)
{
    const QString tag = QString::fromUtf8(PQcmdStatus(result));
    const ExecStatusType status = PQresultStatus(result);
    // In chunked mode libpq puts the command tag on the last chunk and leaves the
    // closing PGRES_TUPLES_OK without one.
    if (!tag.isEmpty()) {
        m_outcome.commandTag = tag;
        m_outcome.rowsAffected = rowsAffectedOf(result);
    }
    switch (status) {
    case PGRES_TUPLES_CHUNK:
    case PGRES_SINGLE_TUPLE:
    case PGRES_TUPLES_OK:
        if (!m_hasCurrent) {
            m_current = ResultSet();
            m_current.setByteLimit(m_resultByteLimit);
            m_current.setColumns(result);
            nameColumns(m_current);
            m_hasCurrent = true;
            Q_EMIT resultStarted(m_statement, m_current);
        }
        if (PQntuples(result) > 0) {
            m_current.appendRows(result);
            Q_EMIT rowsArrived(m_statement, m_current);
        }
        if (!tag.isEmpty())
            m_current.setCommandTag(tag);
        if (status == PGRES_TUPLES_OK) {
            m_hasCurrent = false;
            Q_EMIT resultReady(m_statement, m_current);
        }
        break;
    case PGRES_COPY_IN: {
        // The editor has no data to send; the server answers with an error that says so.
        const QByteArray reason = tr("PG Campus sends no COPY data from the editor: use COPY ... FROM a file "
                                     "on the server, or INSERT")
                                      .toUtf8();
        PQputCopyEnd(m_conn, reason.constData());
        PQflush(m_conn);
        break;
    }
    case PGRES_COPY_OUT:
        // COPY ... TO STDOUT: its lines become a one-column result.
        m_current = ResultSet();
        m_current.setColumns(QList<ResultColumn>{{QStringLiteral("COPY"), 25, QStringLiteral("text"), -1}});
        m_hasCurrent = true;
        m_copyOut = true;
        Q_EMIT resultStarted(m_statement, m_current);
        break;
    case PGRES_COMMAND_OK:
    case PGRES_EMPTY_QUERY:
        break;
    default: { // PGRES_FATAL_ERROR and the like
        if (m_hasCurrent) { // rows that came before the error stay visible
            m_hasCurrent = false;
            Q_EMIT resultReady(m_statement, m_current);
        }
        m_statementFailed = true;
        ServerMessage message = ServerMessage::fromResult(result);
        message.statement = m_statement;
        Q_EMIT messageReceived(message);
        break;
    }
    }
}

void QuerySession::cancel()
{
    if (m_state != State::Busy || m_cancel)
        return;
    m_cancelRequested = true;
    PGcancelConn *conn = PQcancelCreate(m_conn);
    if (!conn || !PQcancelStart(conn)) {
        const QString reason = conn ? QString::fromUtf8(PQcancelErrorMessage(conn)) : tr("out of memory");
        if (conn)
            PQcancelFinish(conn);
        Q_EMIT messageReceived(ServerMessage::clientError(tr("The cancel request could not be sent: %1").arg(reason)));
        return;
    }
    m_cancel = std::make_unique<CancelRequest>();
    m_cancel->conn = conn;
    // Like a new connection: poll once the socket is writable.
    watch(m_cancel->readNotifier, m_cancel->writeNotifier, PQcancelSocket(conn), false, true, this,
          &QuerySession::pollCancel, &QuerySession::pollCancel);
}

void QuerySession::pollCancel()
{
    if (!m_cancel)
        return;
    const PostgresPollingStatusType status = PQcancelPoll(m_cancel->conn);
    if (status == PGRES_POLLING_READING || status == PGRES_POLLING_WRITING) {
        watch(m_cancel->readNotifier, m_cancel->writeNotifier, PQcancelSocket(m_cancel->conn),
              status == PGRES_POLLING_READING, status == PGRES_POLLING_WRITING, this, &QuerySession::pollCancel,
              &QuerySession::pollCancel);
        return;
    }
    if (status != PGRES_POLLING_OK) {
        Q_EMIT messageReceived(ServerMessage::clientError(
            tr("The cancel request failed: %1").arg(QString::fromUtf8(PQcancelErrorMessage(m_cancel->conn)))));
    }
    m_cancel.reset(); // the running statement now ends with "canceling statement due to user request"
}

void QuerySession::noticeReceiver(void *self, const pg_result *result)
{
    auto *session = static_cast<QuerySession *>(self);
    ServerMessage message = ServerMessage::fromResult(result);
    message.statement = session->m_state == State::Busy ? session->m_statement : -1;
    Q_EMIT session->messageReceived(message);
}
