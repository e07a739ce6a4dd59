#pragma once

#include "graderconnection.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

// One thing the schema browser shows: a database, a role, a schema, an extension, an
// object in a schema, or a column, constraint or trigger of a table.
struct CatalogObject
{
    enum class Kind {
        Database, Role, Schema, Extension,
        Table, PartitionedTable, ForeignTable, View, MaterializedView, Index, Sequence,
        Function, Procedure, Aggregate, WindowFunction, Type,
        Column, Constraint, Trigger,
    };
    Kind kind = Kind::Table;
    QString database{}; // where it lives; empty for roles and databases
    QString schema{};
    QString name{};
    QString sqlName{};   // as a statement names it: quoted where needed, schema-qualified, a function with its arguments
    QString arguments{}; // a function's identity arguments
    QString detail{};    // a column's type, an index's table and method, a function's result...
    QString comment{};
    QChar code{};        // the catalog's letter: relkind, prokind, typtype, contype, a primary-key column 'p'
    quint32 oid = 0;   // a column's attnum
    quint32 table = 0; // columns, constraints, triggers and partitions: their table
    qint64 bytes = -1; // on disk, with indexes and TOAST; -1 when it has no size (or may not be read)
    double rows = -1;  // the planner's estimate; -1 before the first ANALYZE
    bool system = false;     // pg_catalog, information_schema, predefined roles, template databases
    bool browsable = true;   // a database one may connect to

    bool isRelation() const;
    bool isFunction() const;
};

// The lists the browser opens, each one catalog query.
enum class CatalogListing {
    Databases, Roles,                         // of the server
    Schemas, Extensions,                      // of a database
    Tables, Views, MaterializedViews, Indexes, Sequences, Functions, Types, // of a schema
    Columns, TableIndexes, Constraints, Triggers, Partitions, // of a table or view
};

// Reads the catalogs for the schema browser: what a server, a database, a schema or a
// table holds, and each object's DDL as the server's pg_get_*def functions write it.
// Blocking, with a connection per database (kept open): call it from one worker thread.
class CatalogBrowser
{
    Q_DECLARE_TR_FUNCTIONS(CatalogBrowser)
public:
    explicit CatalogBrowser(const QString &conninfo);

    // The database the connection string names.
    QString homeDatabase() const;

    // The query behind a listing; $1 is the oid of the schema or table listed.
    static QString query(CatalogListing listing);
    // What opens under an object of a kind, in order.
    static QList<CatalogListing> listingsUnder(CatalogObject::Kind kind);

    // The objects of a listing under parent (ignored for Databases and Roles).
    std::optional<QList<CatalogObject>> list(CatalogListing listing, const CatalogObject &parent, QString *error);
    // How many objects each listing of a schema holds, in one query.
    std::optional<QHash<CatalogListing, int>> counts(const CatalogObject &schema, QString *error);
    // The statements that make the object again.
    std::optional<QString> ddl(const CatalogObject &object, QString *error);
    // SELECT * FROM the table or view, LIMIT rows: what "Open in editor" writes.
    static QString selectStatement(const CatalogObject &object, int limit = 100);

    // The catalog queries the last call ran, for learners who want to see them.
    const QStringList &lastQueries() const { return m_queries; }

private:
    SqlOutcome run(const QString &database, const QString &sql, const QStringList &parameters = {});
    GraderConnection *connection(const QString &database, QString *error);
    std::optional<SqlOutcome> one(const CatalogObject &object, const QString &database, const QString &sql, QString *error);

    std::optional<QString> tableDdl(const CatalogObject &table, QString *error);
    std::optional<QString> columnsDdl(const CatalogObject &table, int onlyColumn, bool skipInherited, QStringList *lines, QString *error);
    std::optional<QString> viewDdl(const CatalogObject &view, QString *error);
    std::optional<QString> sequenceDdl(const CatalogObject &sequence, bool ownedByTable, QString *error);
    std::optional<QString> functionDdl(const CatalogObject &function, QString *error);
    std::optional<QString> aggregateDdl(const CatalogObject &aggregate, QString *error);
    std::optional<QString> typeDdl(const CatalogObject &type, QString *error);
    std::optional<QString> databaseDdl(const CatalogObject &database, QString *error);
    std::optional<QString> roleDdl(const CatalogObject &role, QString *error);
    std::optional<QString> schemaDdl(const CatalogObject &schema, QString *error);
    // GRANT and REVOKE that turn the object's default privileges into its own.
    std::optional<QString> privileges(const CatalogObject &object, QString *error);
    // ddl followed by the object's privileges.
    std::optional<QString> withPrivileges(const CatalogObject &object, const QString &ddl, QString *error);
    std::optional<QString> simpleDdl(const CatalogObject &object, QString *error);

    QString m_conninfo;
    QString m_home;
    std::map<QString, GraderConnection> m_connections;
    QStringList m_queries;
};
