#pragma once

#include "resultset.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

struct pg_conn;

// What one statement (or the last of several) did on a grader connection.
struct SqlOutcome
{
    bool ok = false;
    QString sqlstate; // of the error, empty when it worked
    QString message;  // the server's primary error message
    ResultSet result; // the rows of the last result
    QString value(int row = 0, int column = 0) const;
};

// A plain blocking libpq connection for graders and lab tooling. A check runs a few
// short statements under a statement_timeout, away from the UI thread, so blocking is
// the simple and right tool; multi-session scripts also send and wait with a deadline.
class GraderConnection
{
    Q_DECLARE_TR_FUNCTIONS(GraderConnection)
public:
    GraderConnection();
    ~GraderConnection();
    GraderConnection(GraderConnection &&) noexcept;
    GraderConnection &operator=(GraderConnection &&) noexcept;

    // Connects and sets statement_timeout (0: none).
    bool open(const QString &conninfo, int statementTimeoutMs, QString *error);
    bool isOpen() const { return m_conn != nullptr; }
    void close();

    // Runs sql (one or more statements); the outcome of the first failure, or of the last result.
    SqlOutcome exec(const QString &sql);
    // One statement with text parameters $1, $2...
    SqlOutcome exec(const QString &sql, const QStringList &parameters);
    // Exactly one statement (the extended protocol: the server refuses "a; b" and psql's
    // "\;"): what a learner's query is run with, so it cannot end or change the check's
    // transaction with statements of its own.
    SqlOutcome execOne(const QString &sql) { return exec(sql, {}); }
    // Whether a transaction is open (or failed and waiting for its ROLLBACK).
    bool inTransaction() const;
    // Runs sql that must work; its first value (and *error cleared), or empty with *error set.
    QString value(const QString &sql, const QStringList &parameters, QString *error);
    // Runs sql in a read-only transaction that is rolled back, whatever it does.
    SqlOutcome readOnly(const QString &sql);
    // The same for exactly one statement (execOne).
    SqlOutcome readOnlyOne(const QString &sql);
    // Runs a script one statement at a time, as psql sends them; the first failure, or the
    // last outcome. failedLine: the script's line (1-based) the failing statement starts on.
    SqlOutcome execScript(const QString &script, int *failedLine = nullptr);

    // SQL quoting for names and text built into statements.
    static QString identifier(const QString &name);
    static QString literal(const QString &text);
    // A text[] literal holding these values, for a parameter ($1::text[]).
    static QString textArray(const QStringList &values);

    // Sends sql without waiting; wait() collects the outcome.
    bool send(const QString &sql);
    // Waits up to timeoutMs for what send() started; false when it is still running.
    bool wait(int timeoutMs, SqlOutcome *outcome);
    bool isBusy() const { return m_busy; }
    // Asks the server to stop what this connection runs, and waits for it to end.
    void cancel();
    int backendPid() const;
    // After LISTEN: waits up to timeoutMs for notifications and appends their payloads;
    // false when the connection is broken (close it and open again).
    bool waitForNotifications(int timeoutMs, QStringList *payloads);

private:
    SqlOutcome collect();

    pg_conn *m_conn = nullptr;
    bool m_busy = false;
};
