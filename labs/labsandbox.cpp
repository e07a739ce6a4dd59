#include "labsandbox.h"

#include "connectioninfo.h"

#include <QRegularExpression>

#include <libpq-fe.h>

#include <memory>

namespace {
// Lab objects are made by this role in the template and handed to the learner in each copy.
const QString LabOwner = QStringLiteral("pgcampus_lab_owner");

struct ConnDeleter
{
    void operator()(PGconn *c) const { PQfinish(c); }
};
struct ResultDeleter
{
    void operator()(PGresult *r) const { PQclear(r); }
};
using Connection = std::unique_ptr<PGconn, ConnDeleter>;
using Result = std::unique_ptr<PGresult, ResultDeleter>;

QString name(const QString &text)
{
    QString n = text.toLower();
    n.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    return n;
}

QString ident(const QString &identifier)
{
    return u'"' + QString(identifier).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QString literal(const QString &text)
{
    return u'\'' + QString(text).replace(u'\'', QStringLiteral("''")) + u'\'';
}

QString marker(const QString &labId)
{
    return QStringLiteral("pgcampus lab: ") + labId;
}

Connection connect(const QString &conninfo, QString *error)
{
    Connection c(PQconnectdb(conninfo.toUtf8().constData()));
    if (PQstatus(c.get()) != CONNECTION_OK) {
        *error = QString::fromUtf8(PQerrorMessage(c.get())).trimmed();
        return nullptr;
    }
    return c;
}

// Runs sql; an empty error when it worked. Returns the first value of the first row.
QString exec(PGconn *conn, const QString &sql, QString *error)
{
    const Result r(PQexec(conn, sql.toUtf8().constData()));
    const ExecStatusType status = PQresultStatus(r.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        *error = QString::fromUtf8(PQresultErrorMessage(r.get())).trimmed();
        return {};
    }
    error->clear();
    return status == PGRES_TUPLES_OK && PQntuples(r.get()) > 0 ? QString::fromUtf8(PQgetvalue(r.get(), 0, 0))
                                                              : QString();
}
} // namespace

LabSandbox::LabSandbox(const QString &adminConninfo, const QString &labId, const QString &learnerKey)
    : m_admin(adminConninfo)
    , m_labId(labId)
    , m_template(QStringLiteral("lab_%1_template").arg(name(labId)))
    , m_database(QStringLiteral("lab_%1_%2").arg(name(labId), name(learnerKey)))
    , m_role(QStringLiteral("learner_%1").arg(name(learnerKey)))
{
}

bool LabSandbox::admin(const QString &sql, QString *error) const
{
    const Connection c = connect(m_admin, error);
    if (!c)
        return false;
    exec(c.get(), sql, error);
    return error->isEmpty();
}

bool LabSandbox::exists() const
{
    QString error;
    const Connection c = connect(m_admin, &error);
    return c && exec(c.get(), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = %1").arg(literal(m_database)),
                     &error) == u"1";
}

bool LabSandbox::buildTemplate(const QString &setupSql, bool rebuild, QString *error)
{
    const Connection c = connect(m_admin, error);
    if (!c)
        return false;
    const bool present = exec(c.get(), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = %1")
                                           .arg(literal(m_template)), error) == u"1";
    if (!error->isEmpty())
        return false;
    if (present && !rebuild)
        return true;
    const QString t = ident(m_template);
    const QStringList steps = {
        present ? QStringLiteral("ALTER DATABASE %1 WITH IS_TEMPLATE false ALLOW_CONNECTIONS true").arg(t) : QString(),
        present ? QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(t) : QString(),
        QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %1) THEN "
                       "CREATE ROLE %2 NOLOGIN; END IF; END $$")
            .arg(literal(LabOwner), ident(LabOwner)),
        QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(t, ident(LabOwner)),
        QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(t, literal(marker(m_labId))),
        QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(t)};
    for (const QString &sql : steps) {
        if (!sql.isEmpty() && (exec(c.get(), sql, error), !error->isEmpty()))
            return false;
    }
    // The setup runs as the lab owner, so what it makes can be handed to each learner.
    const QString setupConninfo = ConnectionInfo(m_admin).with(QStringLiteral("dbname"), m_template);
    if (!runLabSql(setupConninfo, m_labId, QStringLiteral("SET ROLE %1;\n").arg(ident(LabOwner)) + setupSql, error)) {
        *error = tr("The lab's setup failed: %1").arg(*error);
        return false;
    }
    exec(c.get(), QStringLiteral("ALTER DATABASE %1 WITH IS_TEMPLATE true ALLOW_CONNECTIONS false").arg(t), error);
    return error->isEmpty();
}

bool LabSandbox::create(QString *error)
{
    if (exists())
        return true;
    const QString db = ident(m_database);
    const QString role = ident(m_role);
    const QStringList steps = {
        QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %1) THEN "
                       "CREATE ROLE %2 LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION; END IF; END $$")
            .arg(literal(m_role), role),
        QStringLiteral("CREATE DATABASE %1 TEMPLATE %2 OWNER %3 STRATEGY FILE_COPY").arg(db, ident(m_template), role),
        QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(db, literal(marker(m_labId))),
        QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(db),
        QStringLiteral("GRANT CONNECT, TEMPORARY ON DATABASE %1 TO %2").arg(db, role)};
    const Connection c = connect(m_admin, error);
    if (!c)
        return false;
    for (const QString &sql : steps) {
        if (exec(c.get(), sql, error), !error->isEmpty())
            return false;
    }
    // Inside the copy, the lab's objects become the learner's.
    const Connection inside = connect(graderConninfo(), error);
    if (!inside)
        return false;
    exec(inside.get(), QStringLiteral("REASSIGN OWNED BY %1 TO %2").arg(ident(LabOwner), role), error);
    return error->isEmpty();
}

bool LabSandbox::reset(QString *error)
{
    if (exists() && !admin(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(ident(m_database)), error))
        return false;
    return create(error);
}

QString LabSandbox::learnerConninfo() const
{
    return ConnectionInfo(ConnectionInfo(m_admin).with(QStringLiteral("dbname"), m_database))
        .with(QStringLiteral("user"), m_role);
}

QString LabSandbox::graderConninfo() const
{
    return ConnectionInfo(m_admin).with(QStringLiteral("dbname"), m_database);
}

bool LabSandbox::runLabSql(const QString &conninfo, const QString &labId, const QString &sql, QString *error)
{
    const Connection c = connect(conninfo, error);
    if (!c)
        return false;
    const QString comment = exec(c.get(),
                                 QStringLiteral("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                                                "WHERE datname = current_database()"),
                                 error);
    if (!error->isEmpty())
        return false;
    if (comment != marker(labId)) {
        *error = tr("Lab SQL runs only in a database made for the lab \"%1\"; %2 is not one.")
                     .arg(labId, QString::fromUtf8(PQdb(c.get())));
        return false;
    }
    exec(c.get(), sql, error);
    return error->isEmpty();
}
