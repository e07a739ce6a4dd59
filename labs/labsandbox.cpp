#include "labsandbox.h"

#include "connectioninfo.h"
#include "graderconnection.h"
#include "learnersessions.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QThread>

namespace {
// Lab objects are made by this role in the template and handed to the learner in each copy.
const QString LabOwner = QStringLiteral("pgcampus_lab_owner");

QString name(const QString &text)
{
    QString n = text.toLower();
    n.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    return n;
}

// PostgreSQL cuts names at 63 bytes; the longest suffix added to these is 7 ("_making",
// "_grader"). A longer name keeps its start and ends with a digest of the whole, so two
// long lab ids never meet in one cut-off name.
QString bounded(const QString &name)
{
    constexpr qsizetype Longest = 63 - 7;
    if (name.size() <= Longest)
        return name;
    const QByteArray digest = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex().left(8);
    return name.left(Longest - 9) + u'_' + QString::fromLatin1(digest);
}

QString marker(const QString &labId)
{
    return QStringLiteral("pgcampus lab: ") + labId;
}

// A template's or variant's marker also names what it was built from, so a pack whose
// setup changed builds it anew instead of grading against the old data.
// The recipe's number changes when the way they are built changes, so ones built the old
// way are built anew too (2: the administrator owns them, not the lab owner).
QString builtMarker(const QString &labId, const QString &setupSql, const QStringList &roles)
{
    const QString recipe = QStringLiteral("\n-- recipe 2; roles: ");
    const QByteArray digest = QCryptographicHash::hash((setupSql + recipe + roles.join(u',')).toUtf8(),
                                                       QCryptographicHash::Sha256);
    return marker(labId) + QStringLiteral("; setup ") + QString::fromLatin1(digest.toHex().left(16));
}

QString createRoleUnlessExists(const QString &role, const QString &attributes)
{
    return QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %1) THEN "
                          "CREATE ROLE %2 %3; END IF; END $$")
        .arg(GraderConnection::literal(role), GraderConnection::identifier(role), attributes);
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

bool databasePresent(GraderConnection &c, const QString &database, QString *error)
{
    return c.value(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {database}, error) == u"1";
}
} // namespace

LabSandbox::LabSandbox(const QString &adminConninfo, const QString &labId, const QString &learnerKey)
    : m_admin(adminConninfo)
    , m_labId(labId)
    , m_template(bounded(QStringLiteral("lab_%1_template").arg(name(labId))))
    , m_database(bounded(QStringLiteral("lab_%1_%2").arg(name(labId), name(learnerKey))))
    , m_role(roleFor(learnerKey))
    , m_variant(bounded(QStringLiteral("lab_%1_variant").arg(name(labId))))
    , m_state(bounded(QStringLiteral("lab_%1_state").arg(name(labId))))
{
}

QString LabSandbox::learnerKey(const QString &purpose, const QString &profileId)
{
    QString hex = profileId.toLower();
    hex.remove(QRegularExpression(QStringLiteral("[^0-9a-f]")));
    return purpose + u'_' + (hex.isEmpty() ? QStringLiteral("local") : hex.left(12));
}

QString LabSandbox::roleFor(const QString &learnerKey)
{
    return bounded(QStringLiteral("learner_%1").arg(name(learnerKey)));
}

bool LabSandbox::dropLearnersOtherThan(const QString &adminConninfo, const QStringList &learnerKeys, QStringList *dropped,
                                       QString *error)
{
    GraderConnection c;
    if (!c.open(adminConninfo, 0, error))
        return false;
    QStringList keep;
    for (const QString &key : learnerKeys)
        keep << roleFor(key);
    // Lab copies (and their spares) are owned by the learner's role; templates and variants
    // by the administrator.
    const SqlOutcome databases = c.exec(
        QStringLiteral("SELECT d.datname, d.datistemplate FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba "
                       "WHERE shobj_description(d.oid, 'pg_database') LIKE 'pgcampus lab: %' "
                       "AND shobj_description(d.oid, 'pg_database') NOT LIKE '%; setup %' "
                       "AND r.rolname LIKE 'learner\\_%' AND r.rolname <> ALL (string_to_array($1, ',')) ORDER BY 1"),
        {keep.join(u',')});
    const SqlOutcome roles = c.exec(
        QStringLiteral("SELECT rolname FROM pg_roles WHERE rolname LIKE 'learner\\_%' AND rolname NOT LIKE '%\\_grader' "
                       "AND rolname <> ALL (string_to_array($1, ',')) ORDER BY 1"),
        {keep.join(u',')});
    if (!databases.ok || !roles.ok) {
        *error = databases.ok ? roles.message : databases.message;
        return false;
    }
    QStringList steps;
    for (int row = 0; row < databases.result.rowCount(); ++row) {
        const QString db = GraderConnection::identifier(databases.value(row, 0));
        if (databases.value(row, 1) == u"t") // an owner may mark their database a template; that stops no drop
            steps << QStringLiteral("ALTER DATABASE %1 WITH IS_TEMPLATE false").arg(db);
        steps << QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db);
        *dropped << databases.value(row, 0);
    }
    for (int row = 0; row < roles.result.rowCount(); ++row) {
        const QString role = roles.value(row, 0);
        steps << QStringLiteral("DROP ROLE IF EXISTS %1").arg(GraderConnection::identifier(role + QStringLiteral("_grader")))
              << QStringLiteral("DROP ROLE IF EXISTS %1").arg(GraderConnection::identifier(role));
        *dropped << role;
    }
    return execAll(c, steps, error);
}

bool LabSandbox::databaseExists(const QString &database) const
{
    GraderConnection c;
    QString error;
    return c.open(m_admin, 0, &error) && databasePresent(c, database, &error);
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
    const QString built = builtMarker(m_labId, setupSql, m_labRoles);
    const SqlOutcome found = c.exec(QStringLiteral("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1"),
                                    {database});
    if (!found.ok) {
        *error = found.message;
        return false;
    }
    const bool present = found.result.rowCount() == 1;
    if (present && !rebuild && found.value(0, 0) == built)
        return true; // built from this very setup

    const QString db = GraderConnection::identifier(database);
    if (isTemplate) { // spares cloned from an earlier template are stale
        const SqlOutcome spares = c.exec(QStringLiteral("SELECT datname FROM pg_database WHERE shobj_description(oid, 'pg_database') = $1 "
                                                        "AND (datname LIKE '%\\_spare' OR datname LIKE '%\\_making')"),
                                         {marker(m_labId)});
        for (int row = 0; row < spares.result.rowCount(); ++row)
            c.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(GraderConnection::identifier(spares.value(row, 0))));
    }
    QStringList steps = {
        present ? QStringLiteral("ALTER DATABASE %1 WITH IS_TEMPLATE false ALLOW_CONNECTIONS true").arg(db) : QString(),
        present ? QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(db) : QString(),
        createRoleUnlessExists(LabOwner, QStringLiteral("NOLOGIN"))};
    for (const QString &role : std::as_const(m_labRoles))
        steps << createRoleUnlessExists(role, QStringLiteral("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"));
    // The administrator owns it: handing a copy over reassigns whatever the lab owner owns,
    // databases included, and a learner must never own the template or the variant.
    const QString owner = GraderConnection::identifier(LabOwner);
    steps << QStringLiteral("CREATE DATABASE %1").arg(db)
          << QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(db, GraderConnection::literal(marker(m_labId)))
          << QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(db)
          << QStringLiteral("GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %1 TO %2").arg(db, owner);
    if (!execAll(c, steps, error))
        return false;
    // The setup runs as the lab owner, so what it makes can be handed to each learner.
    const QString setupConninfo = ConnectionInfo(m_admin).with(QStringLiteral("dbname"), database);
    const QString asOwner = QStringLiteral("GRANT CREATE ON SCHEMA public TO %1;\nSET ROLE %1;\n").arg(owner);
    int line = 0;
    m_setupFailureLine = 0;
    if (!runLabSql(setupConninfo, m_labId, asOwner + setupSql, error, &line)) {
        m_setupFailureLine = std::max(0, line - int(asOwner.count(u'\n')));
        m_setupFailureInVariant = !isTemplate;
        *error = m_setupFailureLine > 0 ? tr("The lab's setup failed at its line %1: %2").arg(m_setupFailureLine).arg(*error)
                                        : tr("The lab's setup failed: %1").arg(*error);
        return false;
    }
    // Marked as built from this setup only now: one whose setup failed half-way is built
    // again next time.
    return execAll(c, {QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(db, GraderConnection::literal(built)),
                       isTemplate ? QStringLiteral("ALTER DATABASE %1 WITH IS_TEMPLATE true ALLOW_CONNECTIONS false").arg(db)
                                  : QString()},
                   error);
}

bool LabSandbox::buildTemplate(const QString &setupSql, bool rebuild, QString *error)
{
    m_templateSetup = setupSql;
    return buildDatabase(m_template, setupSql, rebuild, true, error);
}

bool LabSandbox::buildVariant(const QString &variantSql, bool rebuild, QString *error)
{
    if (!buildDatabase(m_variant, variantSql, rebuild, false, error))
        return false;
    GraderConnection c;
    GraderConnection inside;
    const QString reader = GraderConnection::identifier(variantReader());
    return c.open(m_admin, 0, error)
        && execAll(c, {createRoleUnlessExists(variantReader(), QStringLiteral("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")),
                       QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(GraderConnection::identifier(m_variant), reader)},
                   error)
        && inside.open(ConnectionInfo(m_admin).with(QStringLiteral("dbname"), m_variant), 0, error)
        && execAll(inside,
                   {QStringLiteral("DO $$ DECLARE s name; BEGIN FOR s IN SELECT nspname FROM pg_namespace "
                                   "WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP "
                                   "EXECUTE format('GRANT USAGE ON SCHEMA %I TO %s', s, %1); "
                                   "EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %s', s, %1); "
                                   "END LOOP; END $$")
                        .arg(GraderConnection::literal(reader))},
                   error);
}

bool LabSandbox::replay(const QString &database, const QList<StateStep> &steps,
                        const std::function<void(int, const QList<RelationDigest> &)> &after, int *failedStep,
                        QString *failure, QString *error) const
{
    // As the lab owner, who owns what the setup made, as the learner owns it in their copy.
    const QString conninfo = ConnectionInfo(ConnectionInfo(m_admin).with(QStringLiteral("dbname"), database))
                                 .with(QStringLiteral("options"), QStringLiteral("-c role=") + LabOwner);
    constexpr int TimeoutMs = 60000;
    GraderConnection c;
    if (!c.open(conninfo, TimeoutMs, error))
        return false;
    for (int step = 0; step < steps.size(); ++step) {
        const StateStep &s = steps.at(step);
        const bool runs = !s.skip && !s.solution.trimmed().isEmpty();
        if (runs && s.sessions) {
            LearnerSessions sessions; // what it committed stays, the rest ends with it
            QString played;
            const bool ok = sessions.play([&](const QString &) { return conninfo; }, s.solution, s.firstSession, &played);
            if (!ok || !sessions.failures().isEmpty()) {
                *failedStep = step;
                *failure = played.isEmpty() ? sessions.failures().join(u' ') : played;
                return true;
            }
        } else if (runs) {
            const SqlOutcome ran = c.execScript(s.solution);
            if (!ran.ok && !s.mayFail) {
                *failedStep = step;
                *failure = ran.message;
                return true;
            }
            if (c.inTransaction())
                c.exec(QStringLiteral("ROLLBACK")); // a solution that leaves a transaction open
        }
        c.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        const std::optional<QList<RelationDigest>> digests = StateDigest::takeAll(c, error);
        c.exec(QStringLiteral("ROLLBACK"));
        if (!digests) {
            *failedStep = step;
            *failure = *error;
            return true;
        }
        after(step, *digests);
    }
    return true;
}

bool LabSandbox::buildStates(const QList<StateStep> &steps, bool rebuild, QString *error)
{
    GraderConnection c;
    if (!c.open(m_admin, 0, error))
        return false;
    QString recipe = QStringLiteral("\n-- state 2\n");
    for (const StateStep &step : steps)
        recipe += QStringLiteral("\n-- step %1 %2 %3\n").arg(step.skip).arg(step.sessions).arg(step.mayFail) + step.solution;
    // The template's own marker digest, plus the solutions: a changed setup or solution builds anew.
    const QString built = builtMarker(m_labId, m_templateSetup + recipe, m_labRoles);
    const QString found = c.value(QStringLiteral("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1"),
                                  {m_state}, error);
    if (!error->isEmpty())
        return false;
    if (!rebuild && found == built)
        return true;
    const QString scratch = m_state + QStringLiteral("_b");
    const auto clone = [&](const QString &database) {
        const QString db = GraderConnection::identifier(database);
        return execAll(c, {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db),
                           QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(db, GraderConnection::identifier(m_template)),
                           QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(db, GraderConnection::literal(marker(m_labId))),
                           QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(db),
                           QStringLiteral("GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %1 TO %2")
                               .arg(db, GraderConnection::identifier(LabOwner))},
                       error);
    };
    QHash<int, QList<RelationDigest>> first;
    QHash<int, QList<RelationDigest>> second;
    int failedStep = -1;
    int failedAgain = -1;
    QString failure;
    QString ignored;
    if (!clone(m_state) || !clone(scratch)
        || !replay(m_state, steps, [&](int step, const QList<RelationDigest> &d) { first.insert(step, d); }, &failedStep,
                   &failure, error)
        || !replay(scratch, steps, [&](int step, const QList<RelationDigest> &d) { second.insert(step, d); }, &failedAgain,
                   &ignored, error)
        || !execAll(c, {QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(GraderConnection::identifier(scratch))}, error))
        return false;

    GraderConnection inside;
    if (!inside.open(ConnectionInfo(m_admin).with(QStringLiteral("dbname"), m_state), 0, error))
        return false;
    QStringList store = {QStringLiteral("CREATE SCHEMA pgcampus_state"),
                         QStringLiteral("CREATE TABLE pgcampus_state.digest (step int, schema_name text, relation text, "
                                        "columns text, rows bigint, hash numeric, stable boolean, by_text boolean)"),
                         QStringLiteral("CREATE TABLE pgcampus_state.failure (step int, message text)")};
    if (failedStep >= 0)
        store << QStringLiteral("INSERT INTO pgcampus_state.failure VALUES (%1, %2)").arg(failedStep).arg(GraderConnection::literal(failure));
    for (auto step = first.cbegin(); step != first.cend(); ++step) {
        for (const RelationDigest &d : step.value()) {
            const QList<RelationDigest> again = second.value(step.key());
            const bool stable = std::any_of(again.begin(), again.end(), [&](const RelationDigest &o) {
                return o.schema == d.schema && o.name == d.name && o.rows == d.rows && o.hash == d.hash;
            });
            store << QStringLiteral("INSERT INTO pgcampus_state.digest VALUES (%1, %2, %3, %4, %5, %6, %7, %8)")
                         .arg(step.key())
                         .arg(GraderConnection::literal(d.schema), GraderConnection::literal(d.name),
                              GraderConnection::literal(d.columns.join(QChar(0x1f))))
                         .arg(d.rows)
                         .arg(d.hash, stable ? QStringLiteral("true") : QStringLiteral("false"),
                              d.byText ? QStringLiteral("true") : QStringLiteral("false"));
        }
    }
    const QString db = GraderConnection::identifier(m_state);
    return execAll(inside, store, error)
        && execAll(c, {QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(db, GraderConnection::literal(built))}, error);
}

std::optional<LabSandbox::States> LabSandbox::states(QString *error) const
{
    GraderConnection inside;
    if (!inside.open(ConnectionInfo(m_admin).with(QStringLiteral("dbname"), m_state), 0, error))
        return std::nullopt;
    const SqlOutcome digests = inside.exec(QStringLiteral("SELECT step, schema_name, relation, columns, rows, hash, stable, by_text "
                                                          "FROM pgcampus_state.digest ORDER BY step, schema_name, relation"));
    const SqlOutcome failure = inside.exec(QStringLiteral("SELECT step, message FROM pgcampus_state.failure"));
    if (!digests.ok || !failure.ok) {
        *error = digests.ok ? failure.message : digests.message;
        return std::nullopt;
    }
    States states;
    for (int row = 0; row < digests.result.rowCount(); ++row) {
        RelationDigest d;
        d.schema = digests.value(row, 1);
        d.name = digests.value(row, 2);
        d.columns = digests.value(row, 3).split(QChar(0x1f));
        d.rows = digests.value(row, 4).toLongLong();
        d.hash = digests.value(row, 5);
        d.stable = digests.value(row, 6) == u"t";
        d.byText = digests.value(row, 7) == u"t";
        states.afterStep[digests.value(row, 0).toInt()] << d;
    }
    if (failure.result.rowCount() > 0) {
        states.failedStep = failure.value(0, 0).toInt();
        states.failure = failure.value(0, 1);
    }
    return states;
}

bool LabSandbox::makeLearnerRoles(GraderConnection &admin, QString *error) const
{
    QStringList steps = {createRoleUnlessExists(m_role, QStringLiteral("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION")),
                         createRoleUnlessExists(graderRole(), QStringLiteral("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT")),
                         QStringLiteral("GRANT %1 TO %2").arg(GraderConnection::identifier(m_role), GraderConnection::identifier(graderRole()))};
    if (m_shared) {
        for (const QString &role : QStringList{graderRole()} + m_labRoles)
            steps << QStringLiteral("DO $$ BEGIN IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = %1) THEN "
                                    "ALTER ROLE %2 NOLOGIN; END IF; END $$")
                         .arg(GraderConnection::literal(role), GraderConnection::identifier(role));
    }
    return execAll(admin, steps, error);
}

bool LabSandbox::cloneTemplate(GraderConnection &admin, const QString &target, bool spare, QString *error) const
{
    const QString db = GraderConnection::identifier(target);
    const QString role = GraderConnection::identifier(m_role);
    const QStringList steps = {
        QStringLiteral("CREATE DATABASE %1 TEMPLATE %2 OWNER %3 STRATEGY %4")
            .arg(db, GraderConnection::identifier(m_template), role,
                 m_strategy == CloneStrategy::FileCopy ? QStringLiteral("FILE_COPY") : QStringLiteral("WAL_LOG")),
        QStringLiteral("COMMENT ON DATABASE %1 IS %2").arg(db, GraderConnection::literal(marker(m_labId))),
        QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(db)};
    QStringList after;
    if (spare) // nobody connects to a spare until a reset swaps it in
        after << QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false").arg(db);
    after << QStringLiteral("GRANT CONNECT, TEMPORARY ON DATABASE %1 TO %2").arg(db, role)
          << QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(db, GraderConnection::identifier(graderRole()));
    for (const QString &labRole : std::as_const(m_labRoles))
        after << QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(db, GraderConnection::identifier(labRole));
    // A spare is handed over as it is made, so a reset only renames.
    return execAll(admin, steps, error) && handOver(target, error) && execAll(admin, after, error);
}

bool LabSandbox::handOver(const QString &database, QString *error) const
{
    GraderConnection inside;
    return inside.open(ConnectionInfo(m_admin).with(QStringLiteral("dbname"), database), 0, error)
        && execAll(inside, {QStringLiteral("REASSIGN OWNED BY %1 TO %2")
                                .arg(GraderConnection::identifier(LabOwner), GraderConnection::identifier(m_role))},
                   error);
}

bool LabSandbox::swapInSpare(GraderConnection &admin, bool retireCurrent, QString *error) const
{
    const QString db = GraderConnection::identifier(m_database);
    if (retireCurrent && !retire(admin, error))
        return false;
    if (!execAll(admin,
                 {QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(GraderConnection::identifier(spareDatabase()), db),
                  QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS true").arg(db)},
                 error))
        return false;
    // A spare made before spares were handed over as they were made still has the lab owner's objects.
    const SqlOutcome owned = admin.exec(QStringLiteral("SELECT count(*) FROM pg_shdepend s JOIN pg_database d ON d.oid = s.dbid "
                                                       "WHERE d.datname = $1 AND s.deptype = 'o' "
                                                       "AND s.refobjid = (SELECT oid FROM pg_roles WHERE rolname = $2)"),
                                        {m_database, LabOwner});
    if (!owned.ok) {
        *error = owned.message;
        return false;
    }
    return owned.value() == u"0" || handOver(m_database, error);
}

// The learner's copy out of the way without waiting for DROP DATABASE: no new connections,
// the open ones ended (waiting until they are), then renamed aside. A session that would
// not end in time leaves the drop to do it.
bool LabSandbox::retire(GraderConnection &admin, QString *error) const
{
    const QString db = GraderConnection::identifier(m_database), old = GraderConnection::identifier(retiredDatabase());
    if (!execAll(admin,
                 {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(old),
                  QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false").arg(db)},
                 error))
        return false;
    // pg_terminate_backend(pid, timeout) and RENAME look again only every 100 ms; a session
    // ends in a few, so ask the server as often.
    bool ended = admin.exec(QStringLiteral("SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity "
                                           "WHERE datname = $1"),
                            {m_database})
                     .ok;
    QElapsedTimer waited;
    waited.start();
    while (ended) {
        const SqlOutcome left = admin.exec(
            QStringLiteral("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = $1"), {m_database});
        if (!left.ok || left.value() == u"0" || waited.elapsed() > 5000) {
            ended = left.ok && left.value() == u"0";
            break;
        }
        QThread::msleep(2);
    }
    if (ended && admin.exec(QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(db, old)).ok)
        return true;
    return execAll(admin, {QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(db)}, error);
}

bool LabSandbox::create(QString *error)
{
    GraderConnection c;
    if (!c.open(m_admin, 0, error))
        return false;
    const bool present = databasePresent(c, m_database, error);
    if (!error->isEmpty())
        return false;
    if (present)
        return true;
    if (!makeLearnerRoles(c, error))
        return false;
    if (databasePresent(c, spareDatabase(), error))
        return swapInSpare(c, false, error);
    return error->isEmpty() && cloneTemplate(c, m_database, false, error);
}

// One administrator connection: drop and clone again (or swap the spare in). The roles
// were made with the first copy; they are made again only when one is missing, and lose
// the defaults an answer gave them.
bool LabSandbox::reset(QString *error)
{
    GraderConnection c;
    if (!c.open(m_admin, 0, error))
        return false;
    const SqlOutcome found = c.exec(QStringLiteral("SELECT (SELECT count(*) FROM pg_database WHERE datname = $1), "
                                                   "(SELECT count(*) FROM pg_roles WHERE rolname IN ($2, $3)), "
                                                   "(SELECT count(*) FROM pg_database WHERE datname = $4)"),
                                    {m_database, m_role, graderRole(), spareDatabase()});
    if (!found.ok) {
        *error = found.message;
        return false;
    }
    const bool present = found.value(0, 0) == u"1";
    if (found.value(0, 1) != u"2" && !makeLearnerRoles(c, error))
        return false;
    // A default an answer gave the learner's role (ALTER ROLE CURRENT_USER SET ...) is no lab
    // state: it would follow the learner into every later step, lab and exam answer.
    if (!execAll(c, {QStringLiteral("ALTER ROLE %1 RESET ALL").arg(GraderConnection::identifier(m_role)),
                     QStringLiteral("ALTER ROLE %1 RESET ALL").arg(GraderConnection::identifier(graderRole()))},
                 error))
        return false;
    if (found.value(0, 2) == u"1")
        return swapInSpare(c, present, error);
    if (present && !execAll(c, {QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(GraderConnection::identifier(m_database))}, error))
        return false;
    return cloneTemplate(c, m_database, false, error);
}

bool LabSandbox::hasSpare() const
{
    return databaseExists(spareDatabase());
}

// Made under a name of its own and renamed when complete, so a reset never swaps in half
// a spare; a reset that runs meanwhile clones as if there were none.
bool LabSandbox::prepareSpare(QString *error)
{
    GraderConnection c;
    if (!c.open(m_admin, 0, error))
        return false;
    // The copy the last reset set aside goes first.
    if (!execAll(c, {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(GraderConnection::identifier(retiredDatabase()))},
                 error))
        return false;
    if (databasePresent(c, spareDatabase(), error) || !error->isEmpty())
        return error->isEmpty();
    const QString making = m_database + QStringLiteral("_making");
    if (!execAll(c, {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(GraderConnection::identifier(making))}, error)
        || !makeLearnerRoles(c, error) || !cloneTemplate(c, making, true, error))
        return false;
    return execAll(c, {QStringLiteral("ALTER DATABASE %1 RENAME TO %2")
                           .arg(GraderConnection::identifier(making), GraderConnection::identifier(spareDatabase()))},
                   error);
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

bool LabSandbox::runLabSql(const QString &conninfo, const QString &labId, const QString &sql, QString *error, int *failedLine)
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
    // Statement by statement, as psql runs a script: a failure names its line.
    const SqlOutcome outcome = c.execScript(sql, failedLine);
    if (!outcome.ok)
        *error = outcome.message;
    return outcome.ok;
}
