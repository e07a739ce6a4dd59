#pragma once

#include "resultset.h"
#include "servermessage.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

struct pg_conn;
class QSocketNotifier;

// One asynchronous libpq connection that runs the editor's SQL without ever
// blocking the thread it lives in: connect, send, stream rows, report messages.
class QuerySession : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Idle, Busy };
    Q_ENUM(State)

    explicit QuerySession(QObject *parent = nullptr);
    ~QuerySession() override;

    State state() const { return m_state; }
    // "17.6", empty before the session is connected.
    QString serverVersion() const;
    QString user() const;
    QString database() const;

    // Starts connecting; opened() or openFailed() follows.
    void open(const QString &conninfo);
    void close();
    // Sends a script (one or more statements); results, messages and finished() follow.
    bool execute(const QString &sql);

Q_SIGNALS:
    void stateChanged(QuerySession::State state);
    void opened();
    void openFailed(const QString &message);
    void resultReady(const ResultSet &result);
    void commandCompleted(const QString &commandTag);
    void messageReceived(const ServerMessage &message);
    void finished(qint64 elapsedMs);

private:
    void setState(State state);
    void pollConnect();
    void onReadable();
    void onWritable();
    void drainResults();
    void watchSocket(bool read, bool write);
    void fail(const QString &message);
    static void noticeReceiver(void *self, const pg_result *result);

    pg_conn *m_conn = nullptr;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    State m_state = State::Disconnected;
    ResultSet m_current;
    bool m_hasCurrent = false;
    QElapsedTimer m_timer;
};
