#include "servermessage.h"

#include <libpq-fe.h>

namespace {
QString field(const PGresult *result, int code)
{
    return QString::fromUtf8(PQresultErrorField(result, code));
}

int intField(const PGresult *result, int code)
{
    return field(result, code).toInt();
}
} // namespace

bool ServerMessage::isError() const
{
    const QString s = severityNonLocalized.isEmpty() ? severity : severityNonLocalized;
    return s == u"ERROR" || s == u"FATAL" || s == u"PANIC";
}

QString ServerMessage::toText() const
{
    QString text = severity + QStringLiteral(":  ") + message;
    if (!detail.isEmpty())
        text += QStringLiteral("\nDETAIL:  ") + detail;
    if (!hint.isEmpty())
        text += QStringLiteral("\nHINT:  ") + hint;
    if (!context.isEmpty())
        text += QStringLiteral("\nCONTEXT:  ") + context;
    return text;
}

ServerMessage ServerMessage::fromResult(const pg_result *result)
{
    ServerMessage m;
    m.severity = field(result, PG_DIAG_SEVERITY);
    m.severityNonLocalized = field(result, PG_DIAG_SEVERITY_NONLOCALIZED);
    m.sqlState = field(result, PG_DIAG_SQLSTATE);
    m.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
    m.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
    m.hint = field(result, PG_DIAG_MESSAGE_HINT);
    m.position = intField(result, PG_DIAG_STATEMENT_POSITION);
    m.internalPosition = intField(result, PG_DIAG_INTERNAL_POSITION);
    m.internalQuery = field(result, PG_DIAG_INTERNAL_QUERY);
    m.context = field(result, PG_DIAG_CONTEXT);
    m.schemaName = field(result, PG_DIAG_SCHEMA_NAME);
    m.tableName = field(result, PG_DIAG_TABLE_NAME);
    m.columnName = field(result, PG_DIAG_COLUMN_NAME);
    m.dataTypeName = field(result, PG_DIAG_DATATYPE_NAME);
    m.constraintName = field(result, PG_DIAG_CONSTRAINT_NAME);
    m.sourceFile = field(result, PG_DIAG_SOURCE_FILE);
    m.sourceLine = intField(result, PG_DIAG_SOURCE_LINE);
    m.sourceFunction = field(result, PG_DIAG_SOURCE_FUNCTION);
    if (m.message.isEmpty()) // errors made by libpq itself carry only the full text
        m.message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    return m;
}

ServerMessage ServerMessage::clientMessage(const QString &severity, const QString &text)
{
    ServerMessage m;
    m.severity = severity;
    m.severityNonLocalized = severity;
    m.message = text.trimmed();
    return m;
}
