#include "labsandbox.h"

#include "connectioninfo.h"
#include "graderconnection.h"
#include "statementsplitter.h"

#include <QRegularExpression>

namespace {
// Lab objects are made by this role in the template and handed to the learner in each copy.
const QString LabOwner = QStringLiteral("pgcampus_lab_owner");

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

QString createRoleUnlessExists(const QString &role, const QString &attributes)
{
    return QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %1) THEN "
                          "CREATE ROLE %2 %3; END IF; END $$")
        .arg(literal(role), ident(role), attributes);
}

// Runs each statement; stops at the first that fails.
bool execAll(GraderConnection &c, const QStringList &statements, QString *error)
{
    for (const QString &sql : statements) {
        if (sql.isEmpty())
            continue;
        const SqlOutcome outcome = c.exec(sql);
        if (!outcome.ok) {
            *error = outcome.message;
            return false;
        }
    }
    error->clear();
    return true;
}
} // namespace

LabSandbox::LabSandbox(const QString &adminConninfo, const QString &labId, const QString &learnerKey)
    : m_admin(adminConninfo)
    , m_labId(labId)
    , m_template(QStringLiteral("lab_%1_template").arg(name(labId)))
    , m_database(QStringLiteral("lab_%1_%2").arg(name(labId), name(learnerKey)))
    , m_role(QStringLiteral("learner_%1").arg(name(learnerKey)))
    , m_variant(QStringLiteral("lab_%1_variant").arg(name(labId)))
{
}

bool LabSandbox::admin(const QString &sql, QString *error) const
{
    GraderConnection c;
    return c.open(m_admin, 0, error) && execAll(c, {sql}, error);
}

bool LabSandbox::databaseExists(const QString &database) const
{
    GraderConnection c;
    QString error;
    return c.open(m_admin, 0, &error)
        && c.value(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {database}, &error) == u"1";
}

bool LabSandbox::exists() const
{
    return databaseExists(m_database);
}

bool LabSandbox::hasVariant() const
{
    return databaseExists(m_variant);
}

bool LabSandbox::buildDatabase(const QString &database, const QString &setupSql, bool rebuild, bool isTemplate,
                               QString *error)
{
    GraderConnection c;
    if (!c.open(m_admin, 0, error))
        return false;
    const bool present = c.value(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {database}, error) == u"1";
    if (!error->isEmpty())
        return false;
    if (present && !rebuild)
        return true;
    const QString db = ident(database);
    QStringList steps = {
        present ? QStringLiteral("ALTER DATABASE %1 WITH IS_TEMPLATE false ALLOW_CONNECTIONS true").arg(db) : QString(),
        present ? QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(db) : QString(),
        createRoleUnlessExists(LabOwner, QStringLiteral("NOLOGIN"))};
    for (const QString &role : std::as_const(m_labRoles))
        steps << createRoleUnlessExists(role, QStringLiteral("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"));
    steps << QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(db, ident(LabOwner))
          << QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(db, literal(marker(m_labId)))
          << QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(db);
    if (!execAll(c, steps, error))
        return false;
    // The setup runs as the lab owner, so what it makes can be handed to each learner.
    const QString setupConninfo = ConnectionInfo(m_admin).with(QStringLiteral("dbname"), database);
    if (!runLabSql(setupConninfo, m_labId, QStringLiteral("SET ROLE %1;\n").arg(ident(LabOwner)) + setupSql, error)) {
        *error = tr("The lab's setup failed: %1").arg(*error);
        return false;
    }
    return !isTemplate
        || execAll(c, {QStringLiteral("ALTER DATABASE %1 WITH IS_TEMPLATE true ALLOW_CONNECTIONS false").arg(db)}, error);
}

bool LabSandbox::buildTemplate(const QString &setupSql, bool rebuild, QString *error)
{
    return buildDatabase(m_template, setupSql, rebuild, true, error);
}

bool LabSandbox::buildVariant(const QString &variantSql, bool rebuild, QString *error)
{
    if (!buildDatabase(m_variant, variantSql, rebuild, false, error))
        return false;
    GraderConnection c;
    GraderConnection inside;
    const QString reader = ident(variantReader());
    return c.open(m_admin, 0, error)
        && execAll(c, {createRoleUnlessExists(variantReader(), QStringLiteral("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")),
                       QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(ident(m_variant), reader)},
                   error)
        && inside.open(ConnectionInfo(m_admin).with(QStringLiteral("dbname"), m_variant), 0, error)
        && execAll(inside,
                   {QStringLiteral("DO $$ DECLARE s name; BEGIN FOR s IN SELECT nspname FROM pg_namespace "
                                   "WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP "
                                   "EXECUTE format('GRANT USAGE ON SCHEMA %I TO %s', s, %1); "
                                   "EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %s', s, %1); "
                                   "END LOOP; END $$")
                        .arg(literal(reader))},
                   error);
}

bool LabSandbox::create(QString *error)
{
    if (exists())
        return true;
    const QString db = ident(m_database);
    const QString role = ident(m_role);
    QStringList steps = {
        createRoleUnlessExists(m_role, QStringLiteral("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION")),
        QStringLiteral("CREATE DATABASE %1 TEMPLATE %2 OWNER %3 STRATEGY FILE_COPY").arg(db, ident(m_template), role),
        QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(db, literal(marker(m_labId))),
        QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(db),
        QStringLiteral("GRANT CONNECT, TEMPORARY ON DATABASE %1 TO %2").arg(db, role),
        createRoleUnlessExists(graderRole(), QStringLiteral("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT")),
        QStringLiteral("GRANT %1 TO %2").arg(role, ident(graderRole())),
        QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(db, ident(graderRole()))};
    for (const QString &labRole : std::as_const(m_labRoles))
        steps << QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(db, ident(labRole));
    GraderConnection c;
    if (!c.open(m_admin, 0, error) || !execAll(c, steps, error))
        return false;
    // Inside the copy, the lab's objects become the learner's.
    GraderConnection inside;
    return inside.open(graderConninfo(), 0, error)
        && execAll(inside, {QStringLiteral("REASSIGN OWNED BY %1 TO %2").arg(ident(LabOwner), role)}, error);
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

QString LabSandbox::checkerConninfo() const
{
    return ConnectionInfo(graderConninfo()).with(QStringLiteral("user"), graderRole());
}

QString LabSandbox::variantConninfo() const
{
    return ConnectionInfo(ConnectionInfo(m_admin).with(QStringLiteral("dbname"), m_variant))
        .with(QStringLiteral("user"), variantReader());
}

bool LabSandbox::runLabSql(const QString &conninfo, const QString &labId, const QString &sql, QString *error)
{
    GraderConnection c;
    if (!c.open(conninfo, 0, error))
        return false;
    const SqlOutcome where = c.exec(QStringLiteral("SELECT current_database(), shobj_description(oid, 'pg_database') "
                                                   "FROM pg_database WHERE datname = current_database()"));
    if (!where.ok) {
        *error = where.message;
        return false;
    }
    if (where.value(0, 1) != marker(labId)) {
        *error = tr("Lab SQL runs only in a database made for the lab \"%1\"; %2 is not one.").arg(labId, where.value(0, 0));
        return false;
    }
    const SqlOutcome outcome = c.exec(sql);
    if (!outcome.ok)
        *error = outcome.message;
    return outcome.ok;
}
