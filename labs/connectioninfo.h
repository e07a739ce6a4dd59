#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// A connection string or URI, read by libpq itself (PQconninfoParse): never by hand.
class ConnectionInfo
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionInfo)
public:
    // Parses conninfo ("host=... dbname=..." or "postgresql://..."); on failure
    // errorString() is libpq's own message.
    explicit ConnectionInfo(const QString &conninfo);

    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }
    // Keyword/value pairs that were given, in libpq's order.
    const QList<QPair<QString, QString>> &options() const { return m_options; }
    QString value(const QString &keyword) const;
    bool hasPassword() const { return !value(QStringLiteral("password")).isEmpty(); }

    // The same connection as a keyword=value string, with values quoted as libpq reads them.
    QString toConninfo() const;
    // The same without its password: what PG Campus may write down.
    QString withoutPassword() const { return without({QStringLiteral("password")}); }
    // The same without these keywords.
    QString without(const QStringList &keywords) const;
    // With keyword set to value (added or replaced).
    QString with(const QString &keyword, const QString &value) const;

    // Quotes a value for a keyword=value string.
    static QString quoted(const QString &value);
    // Service names from the pg_service.conf files libpq reads: PGSERVICEFILE (or
    // ~/.pg_service.conf) and pg_service.conf in PGSYSCONFDIR.
    static QStringList services();
    static QStringList servicesIn(const QString &path);

private:
    bool m_valid = false;
    QString m_error;
    QList<QPair<QString, QString>> m_options;
};
