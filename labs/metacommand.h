#pragma once

#include "resultset.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// What a psql meta-command shows: a table with psql's title and footers ("Indexes:", ...),
// or a line of text ("Expanded display is on.", "Did not find any relation named ...").
struct MetaOutput
{
    QString title;
    ResultSet table;
    QStringList footers;
    bool rowCount = true; // "(3 rows)" under the table, as psql prints for lists
    QString text;         // instead of a table
    bool isError = false; // text psql writes to stderr
    bool hasTable() const { return text.isEmpty(); }
};

// A psql name pattern (\d public.ord*) made into the regular expressions psql's catalog
// queries match with: unquoted letters folded to lower case, * any text, ? one character,
// a dot between schema and name, "quoted" parts literal.
struct NamePattern
{
    QString schema; // "^(public)$", empty when the pattern names no schema
    QString name;   // "^(ord.*)$", empty for "*" alone and for no pattern
    static NamePattern parse(const QString &pattern);
    // The WHERE conditions on a schema column and a name column; visibleExpr is used when
    // the pattern names no schema ("pg_catalog.pg_table_is_visible(c.oid)").
    QString condition(const QString &schemaColumn, const QString &nameColumn, const QString &visibleExpr) const;
};

// One psql meta-command as typed ("\d+ orders", "\dt public.*", "\x on"), carried out the
// way psql does: the catalog queries it needs, each after the one before (describing a
// table first finds it, then reads its columns and footers), and the output shaped like
// psql's. The executor (QuerySession) runs nextQuery() on the learner's own connection,
// hands each result to take(), and shows outputs() when nextQuery() is empty.
class MetaCommand
{
    Q_DECLARE_TR_FUNCTIONS(MetaCommand)
public:
    enum class Kind {
        Unsupported,
        Describe,       // \d NAME
        ListRelations,  // \d, \dt, \di, \dv, \dm, \ds
        ListSchemas,    // \dn
        ListRoles,      // \du, \dg
        ListDatabases,  // \l
        ListExtensions, // \dx
        ListFunctions,  // \df
        Privileges,     // \dp, \z
        ConnInfo,       // \conninfo: the executor knows where it is connected
        Timing,         // \timing [on|off]
        Expanded,       // \x [on|off|auto]
    };

    static MetaCommand parse(const QString &text);

    Kind kind() const { return m_kind; }
    QString name() const { return m_name; }  // "d+", "dt", "x"
    QString argument() const { return m_argument; }
    bool plus() const { return m_plus; }
    bool system() const { return m_system; } // S: the system's objects too
    // Runs on the server (catalog queries), as opposed to \x, \timing, \conninfo.
    bool runsQueries() const;

    // The next catalog query, empty once the output is complete (or a query failed).
    QString nextQuery();
    void take(const ResultSet &result);
    QList<MetaOutput> outputs() const { return m_outputs; }
    // Every query sent, for "show the query" (psql -E).
    QStringList queries() const { return m_sent; }

    // \x and \timing: the new setting from the old one and the argument ("on", "off",
    // "auto", none: toggle). Empty with a message in error for a bad argument.
    QString setting(const QString &current, QString *message) const;
    // \conninfo's sentence, as psql says it.
    static QString connectionText(const QString &database, const QString &user, const QString &host, const QString &port);
    // psql's aligned text of an output: the title centred over the table, the footers under it.
    static QString formatted(const MetaOutput &output);

private:
    void describeNext(const ResultSet &found);
    QString relationListQuery() const;
    QString describeColumnsQuery(const QString &oid, QChar relkind) const;
    QString footersQuery(const QString &oid, QChar relkind) const;
    void finishDescribed(const ResultSet &footers);
    QString notFound() const;

    Kind m_kind = Kind::Unsupported;
    QString m_name;
    QString m_argument;
    bool m_plus = false;
    bool m_system = false;
    QString m_relkinds; // for the relation lists: the pg_class.relkind values shown

    // Describing: the relations found, the one being read, and what is known of it.
    struct Found
    {
        QString oid, schema, name;
        QChar relkind, persistence;
        QString accessMethod;
    };
    QList<Found> m_found;
    int m_describing = -1;
    enum class Step { Start, Find, Columns, Footers, Done } m_step = Step::Start;
    MetaOutput m_current;
    QList<MetaOutput> m_outputs;
    QStringList m_sent;
};
