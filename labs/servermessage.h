#pragma once

#include <QDateTime>
#include <QString>

struct pg_result;

// A notice, warning or error from the server with every diagnostic field libpq reports.
struct ServerMessage
{
    QString severity;          // localized: ERROR, NOTICE, ...
    QString severityNonLocalized;
    QString sqlState;
    QString message;
    QString detail;
    QString hint;
    int position = 0;          // 1-based character position in the statement, 0 if none
    int internalPosition = 0;
    QString internalQuery;
    QString context;
    QString schemaName;
    QString tableName;
    QString columnName;
    QString dataTypeName;
    QString constraintName;
    QString sourceFile;
    int sourceLine = 0;
    QString sourceFunction;
    int statement = -1; // the script unit that was running, -1 if none
    QDateTime receivedAt = QDateTime::currentDateTime();

    bool isError() const;
    // "ERROR:  relation "x" does not exist" plus DETAIL/HINT lines, as psql prints it.
    QString toText() const;

    static ServerMessage fromResult(const pg_result *result);
    // A message raised on the client side (connection lost, libpq error text).
    static ServerMessage clientError(const QString &text) { return clientMessage(QStringLiteral("ERROR"), text); }
    // A note from PG Campus itself, shown like a server NOTICE.
    static ServerMessage clientNotice(const QString &text) { return clientMessage(QStringLiteral("NOTICE"), text); }

private:
    static ServerMessage clientMessage(const QString &severity, const QString &text);
};
