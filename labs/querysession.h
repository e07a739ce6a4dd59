#pragma once

#include "metacommand.h"
#include "resultset.h"
#include "servermessage.h"
#include "statementsplitter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <memory>

struct pg_conn;
struct pg_result;
class QSocketNotifier;

// Where the session's transaction stands, from PQtransactionStatus.
enum class TransactionState { Unknown, Idle, Active, InTransaction, Failed };

// How one statement of a script ended.
struct StatementOutcome
{
    int statement = -1;       // index into the script's units
    QString commandTag;       // of its last result: "INSERT 0 3"
    qint64 rowsAffected = -1; // rows the command reported, -1 when it reports none
    qint64 elapsedMs = 0;
    bool failed = false;
};

// One asynchronous libpq connection that runs the editor's SQL without ever
// blocking the thread it lives in: connect, send each statement of a script,
// stream rows into ResultSets, report messages, cancel, track the transaction.
class QuerySession : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Idle, Busy };
    Q_ENUM(State)

    struct RunOptions
    {
        bool stopOnError = true; // like psql's ON_ERROR_STOP
    };

    // Rows past this many stored bytes in one result are counted, not kept.
    static constexpr qsizetype DefaultResultByteLimit = qsizetype(1) << 30;

    explicit QuerySession(QObject *parent = nullptr);
    ~QuerySession() override;

    State state() const { return m_state; }
    TransactionState transactionState() const { return m_transaction; }
    // "17.6", empty before the session is connected.
    QString serverVersion() const;
    QString user() const;
    QString database() const;
    QString conninfo() const { return m_conninfo; }
    bool standardConformingStrings() const;
    // "TLSv1.3 TLS_AES_256_GCM_SHA384", empty without TLS.
    QString tlsDescription() const;

    // Starts connecting; opened() or openFailed() follows.
    void open(const QString &conninfo);
    // Connects again with the last conninfo (after a lost connection).
    void reconnect() { open(m_conninfo); }
    void close();
    // The last open() failed because the server wants a password that was not given.
    bool needsPassword() const { return m_needsPassword; }
    // Statements run on every connection before opened() (SET default_transaction_read_only = on, ...).
    void setSetupStatements(const QStringList &statements) { m_setup = statements; }
    QStringList setupStatements() const { return m_setup; }

    // Runs a script's units one after another; results, messages and finished() follow.
    bool run(const QList<ScriptUnit> &units, const RunOptions &options);
    bool run(const QList<ScriptUnit> &units) { return run(units, RunOptions()); }
    // Splits the text as psql would and runs it.
    bool execute(const QString &sql);
    const QList<ScriptUnit> &script() const { return m_script; }
    // Asks the server to stop the running statement, without blocking.
    void cancel();
    bool isCancelling() const { return m_cancel != nullptr; }

    void setResultByteLimit(qsizetype bytes) { m_resultByteLimit = bytes; }

    // psql's \x and \timing as the script set them: "on", "off" (\x also "auto").
    QString expandedDisplay() const { return m_expanded; }
    QString timing() const { return m_timing; }

Q_SIGNALS:
    void stateChanged(QuerySession::State state);
    void transactionStateChanged(TransactionState state);
    void opened();
    void openFailed(const QString &message);
    void connectionLost(const QString &message);
    void statementStarted(int statement);
    // A result's columns are known; its rows follow with rowsArrived().
    void resultStarted(int statement, const ResultSet &result);
    void rowsArrived(int statement, const ResultSet &result);
    void resultReady(int statement, const ResultSet &result);
    void statementFinished(const StatementOutcome &outcome);
    void messageReceived(const ServerMessage &message);
    // Column type names learnt after the results were shown (types made by the script).
    void typeNamesResolved();
    // A psql meta-command's output (\d orders: a table with its footers; \x: a line).
    void metaOutput(int statement, const MetaOutput &output);
    // A catalog query a meta-command runs, as psql -E shows it.
    void hiddenQuery(int statement, const QString &sql);
    void finished(qint64 elapsedMs);

private:
    enum class Internal { None, LoadTypes, Setup, LookupTypes, Meta };
    struct CancelRequest;

    void setState(State state);
    void updateTransactionState();
    void pollConnect();
    void onReadable();
    void onWritable();
    void drainResults();
    void handleResult(pg_result *result);
    void handleInternalResult(pg_result *result);
    void finishOpening();
    void startNextStatement();
    void finishStatement();
    void finishScript();
    bool sendInternal(Internal kind, const QByteArray &sql, const QList<QByteArray> &params = {});
    void nameColumns(ResultSet &result);
    void lookUpUnknownTypes();
    void watchSocket(bool read, bool write);
    void fail(const QString &message);
    void pollCancel();
    bool readCopyData();
    // Runs a meta-command's next catalog query, or shows its output and ends the statement.
    void continueMetaCommand();
    // \x, \timing, \conninfo: answered here, without the server.
    void runClientCommand(const MetaCommand &command);
    static void noticeReceiver(void *self, const pg_result *result);

    pg_conn *m_conn = nullptr;
    QString m_conninfo;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    std::unique_ptr<CancelRequest> m_cancel;
    State m_state = State::Disconnected;
    TransactionState m_transaction = TransactionState::Unknown;
    Internal m_internal = Internal::None;
    bool m_needsPassword = false;
    QStringList m_setup;

    QList<ScriptUnit> m_script;
    RunOptions m_options;
    int m_statement = -1;
    bool m_statementFailed = false;
    bool m_scriptFailed = false;
    bool m_cancelRequested = false;
    StatementOutcome m_outcome;
    std::unique_ptr<MetaCommand> m_meta;
    QString m_expanded = QStringLiteral("off");
    QString m_timing = QStringLiteral("off");
    ResultSet m_current;
    bool m_hasCurrent = false;
    bool m_copyOut = false;
    QList<ResultSet> m_unnamed; // results with columns whose type is not known yet
    QHash<unsigned, QString> m_typeNames;
    qsizetype m_resultByteLimit = DefaultResultByteLimit;
    QElapsedTimer m_scriptTimer;
    QElapsedTimer m_statementTimer;
};
