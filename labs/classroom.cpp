#include "classroom.h"

#include "connectioninfo.h"
#include "graderconnection.h"
#include "labenvironment.h"
#include "labsandbox.h"
#include "resultformatter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace {
// Letters and digits nobody misreads on a printed sheet (no 0/O, 1/l/I).
const QString PasswordAlphabet = QStringLiteral("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
constexpr int PasswordLength = 12;

QString generatedPassword()
{
    QString password;
    for (int i = 0; i < PasswordLength; ++i)
        password += PasswordAlphabet.at(QRandomGenerator::system()->bounded(int(PasswordAlphabet.size())));
    return password;
}

bool run(GraderConnection &c, const QString &sql, QString *error, const QStringList &parameters = {})
{
    const SqlOutcome outcome = parameters.isEmpty() ? c.exec(sql) : c.exec(sql, parameters);
    if (!outcome.ok)
        *error = outcome.message;
    return outcome.ok;
}
} // namespace

Classroom::Classroom(const QString &trainerConninfo, const QString &classId)
    : m_trainer(trainerConninfo)
    , m_id(classId)
{
}

QString Classroom::newClassId()
{
    static const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyz0123456789");
    QString id = QStringLiteral("c");
    for (int i = 0; i < 7; ++i)
        id += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    return id;
}

bool Classroom::isClassId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^c[a-z0-9]{7}$"));
    return pattern.match(id).hasMatch();
}

QStringList Classroom::rosterFromCsv(const QString &csv)
{
    QStringList names;
    const QStringList lines = QString(csv).remove(u'\r').split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        QString first;
        if (line.startsWith(u'"')) { // a quoted field: "" is a quote inside it
            for (qsizetype j = 1; j < line.size(); ++j) {
                if (line.at(j) == u'"') {
                    if (j + 1 < line.size() && line.at(j + 1) == u'"') {
                        first += u'"';
                        ++j;
                        continue;
                    }
                    break;
                }
                first += line.at(j);
            }
        } else {
            first = line.section(u',', 0, 0);
        }
        first = first.trimmed();
        if (first.isEmpty() || (names.isEmpty() && (first.compare(u"name", Qt::CaseInsensitive) == 0 || first == u"姓名")))
            continue;
        names << first;
    }
    return names;
}

QStringList Classroom::numberedStudents(int count)
{
    QStringList names;
    for (int i = 1; i <= count; ++i)
        names << tr("Student %1").arg(i, 2, 10, QChar(u'0'));
    return names;
}

QString Classroom::schema() const
{
    return QStringLiteral("pgcampus_class_") + m_id;
}

QString Classroom::studentsRole() const
{
    return QStringLiteral("pgcampus_class_%1_students").arg(m_id);
}

QString Classroom::channel() const
{
    return schema();
}

QString Classroom::controlChannel() const
{
    return schema() + QStringLiteral("_control");
}

QString Classroom::learnerKey(int number) const
{
    return QStringLiteral("%1_s%2").arg(m_id).arg(number, 2, 10, QChar(u'0'));
}

QString Classroom::loginOf(int number) const
{
    return LabSandbox::roleFor(learnerKey(number));
}

QString Classroom::recordStatement() const
{
    return QStringLiteral("SELECT %1.record_result($1, $2, $3::boolean, $4, $5::uuid)").arg(schema());
}

// A trainer who is a superuser acts as anyone. One with CREATEROLE and CREATEDB gets, from
// PostgreSQL 16 on, only ADMIN on the roles they make, yet provisioning acts as them (a lab
// is set up as its owner, a sandbox made for and handed over to its student), so their
// sessions ask createrole_self_grant for SET and INHERIT as well. c gets it at once; the
// connection string returned carries it for every other session.
QString Classroom::actingConninfo(GraderConnection &c, QString *error) const
{
    const SqlOutcome who = c.exec(QStringLiteral("SELECT rolsuper, current_setting('server_version_num')::int >= 160000 "
                                                 "FROM pg_catalog.pg_roles WHERE rolname = current_user"));
    if (!who.ok) {
        *error = who.message;
        return {};
    }
    if (who.value(0, 0) == u"t" || who.value(0, 1) != u"t")
        return m_trainer;
    if (!run(c, QStringLiteral("SET createrole_self_grant = 'set, inherit'"), error))
        return {};
    const ConnectionInfo info(m_trainer);
    const QString options = info.value(QStringLiteral("options"));
    return info.with(QStringLiteral("options"),
                     (options.isEmpty() ? QString() : options + u' ') + QStringLiteral("-c createrole_self_grant=set,inherit"));
}

QString Classroom::workingConninfo(QString *error) const
{
    GraderConnection c;
    return c.open(m_trainer, 0, error) ? actingConninfo(c, error) : QString();
}

bool Classroom::makeSchema(GraderConnection &c, QString *error) const
{
    const QString s = schema(), group = GraderConnection::identifier(studentsRole());
    const QString statements = QStringLiteral(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = %3) THEN\n"
        "  CREATE ROLE %2 NOLOGIN; END IF; END $$;\n"
        "CREATE SCHEMA IF NOT EXISTS %1;\n"
        "REVOKE ALL ON SCHEMA %1 FROM PUBLIC;\n"
        "GRANT USAGE ON SCHEMA %1 TO %2;\n"
        "CREATE TABLE IF NOT EXISTS %1.class_info (key text PRIMARY KEY, value text NOT NULL);\n"
        "CREATE TABLE IF NOT EXISTS %1.student (number int PRIMARY KEY, login name NOT NULL UNIQUE,\n"
        "  display_name text NOT NULL, password text NOT NULL);\n"
        "CREATE TABLE IF NOT EXISTS %1.item (id text PRIMARY KEY, kind text NOT NULL CHECK (kind IN ('lab', 'exam')));\n"
        "CREATE TABLE IF NOT EXISTS %1.result (id bigserial PRIMARY KEY, login name NOT NULL, item text NOT NULL,\n"
        "  step text NOT NULL DEFAULT '', passed boolean NOT NULL, feedback text NOT NULL DEFAULT '',\n"
        "  token uuid NOT NULL UNIQUE, recorded_at timestamptz NOT NULL DEFAULT now());\n"
        "ALTER TABLE %1.result ENABLE ROW LEVEL SECURITY;\n"
        "DROP POLICY IF EXISTS own_results ON %1.result;\n"
        "CREATE POLICY own_results ON %1.result FOR SELECT TO %2 USING (login = session_user);\n"
        // Security definer: the row is written as the trainer, stamped with who called.
        "CREATE OR REPLACE FUNCTION %1.record_result(item_id text, step_id text, did_pass boolean,\n"
        "  feedback_text text, attempt uuid) RETURNS boolean\n"
        "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$\n"
        "BEGIN\n"
        "  IF NOT pg_catalog.pg_has_role(session_user, %3, 'MEMBER') THEN\n"
        "    RAISE EXCEPTION 'only a student of this class records results here';\n"
        "  END IF;\n"
        "  INSERT INTO %1.result (login, item, step, passed, feedback, token)\n"
        "    VALUES (session_user, item_id, step_id, did_pass, coalesce(feedback_text, ''), attempt)\n"
        "    ON CONFLICT ON CONSTRAINT result_token_key DO NOTHING;\n"
        "  IF NOT FOUND THEN RETURN false; END IF;\n"
        "  PERFORM pg_catalog.pg_notify(%4, session_user || ' ' || item_id);\n"
        "  RETURN true;\n"
        "END $f$;\n"
        "REVOKE ALL ON FUNCTION %1.record_result(text, text, boolean, text, uuid) FROM PUBLIC;\n"
        "GRANT EXECUTE ON FUNCTION %1.record_result(text, text, boolean, text, uuid) TO %2;\n"
        "REVOKE ALL ON %1.class_info, %1.student, %1.item, %1.result FROM PUBLIC;\n"
        "GRANT SELECT ON %1.item, %1.result TO %2;\n"
        "INSERT INTO %1.class_info VALUES ('id', %5), ('created_at', now()::text) ON CONFLICT (key) DO NOTHING;\n"
        "CREATE TABLE IF NOT EXISTS %1.control (key text PRIMARY KEY, value text NOT NULL,\n"
        "  changed_at timestamptz NOT NULL DEFAULT now());\n"
        "REVOKE ALL ON %1.control FROM PUBLIC;\n"
        "GRANT SELECT ON %1.control TO %2;\n")
        .arg(s, group, GraderConnection::literal(studentsRole()), GraderConnection::literal(channel()),
             GraderConnection::literal(m_id));
    return run(c, QStringLiteral("BEGIN"), error) && run(c, statements, error) && run(c, QStringLiteral("COMMIT"), error);
}

// The student's row (and password) first, then the role: a run cut short in between finds
// the password where it left it.
bool Classroom::makeStudent(GraderConnection &c, int number, const QString &name, QString *error) const
{
    const QString login = loginOf(number);
    if (!run(c, QStringLiteral("INSERT INTO %1.student VALUES ($1, $2, $3, $4) ON CONFLICT (number) DO NOTHING").arg(schema()),
             error, {QString::number(number), login, name, generatedPassword()}))
        return false;
    const QString password = c.value(QStringLiteral("SELECT password FROM %1.student WHERE number = $1").arg(schema()),
                                     {QString::number(number)}, error);
    if (password.isEmpty())
        return false;
    const QString role = GraderConnection::identifier(login);
    const QString exists = c.value(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = $1"), {login}, error);
    if (!error->isEmpty())
        return false;
    const QString attributes = QStringLiteral("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ")
        + GraderConnection::literal(password);
    return run(c, (exists == u"0" ? QStringLiteral("CREATE ROLE %1 %2") : QStringLiteral("ALTER ROLE %1 %2")).arg(role, attributes),
               error)
        && run(c, QStringLiteral("GRANT %1 TO %2").arg(GraderConnection::identifier(studentsRole()), role), error);
}

bool Classroom::provision(const QStringList &students, const QList<Lab> &labs, QString *error, const Progress &progress)
{
    const auto say = [&](const QString &text) {
        if (progress)
            progress(text);
    };
    if (!isClassId(m_id)) {
        *error = tr("\"%1\" is not a class id (c and seven letters or digits).").arg(m_id);
        return false;
    }
    GraderConnection c;
    QString admin;
    if (!c.open(m_trainer, 0, error) || (admin = actingConninfo(c, error)).isEmpty() || !makeSchema(c, error))
        return false;
    say(tr("Class %1: bookkeeping in schema %2").arg(m_id, schema()));
    const int allowed = c.value(QStringLiteral("SELECT current_setting('max_connections')::int "
                                               "- current_setting('superuser_reserved_connections')::int"), {}, error).toInt();
    if (allowed < connectionsNeeded(int(students.size())))
        say(tr("Warning: the server takes %1 connections, and a class of %2 may hold %3 at once; raise max_connections.")
                .arg(allowed).arg(students.size()).arg(connectionsNeeded(int(students.size()))));
    QList<Lab> sandboxLabs;
    for (const Lab &lab : labs) {
        if (lab.cluster)
            continue;
        sandboxLabs << lab;
        if (!run(c, QStringLiteral("INSERT INTO %1.item VALUES ($1, 'lab') ON CONFLICT (id) DO NOTHING").arg(schema()), error,
                 {lab.id}))
            return false;
    }
    for (int number = 1; number <= students.size(); ++number) {
        if (!makeStudent(c, number, students.at(number - 1), error))
            return false;
        for (const Lab &lab : std::as_const(sandboxLabs)) {
            LabEnvironment::Options options;
            options.adminConninfo = admin;
            options.sharedServer = true;
            options.learnerKey = learnerKey(number);
            LabEnvironment environment(lab, options);
            QString why;
            // A spare copy too: the trainer's resets during the class then only swap it in.
            if (!environment.prepare(false, &why) || !environment.prepareSpare(&why)) {
                *error = tr("%1's sandbox of %2: %3").arg(loginOf(number), lab.id, why);
                return false;
            }
        }
        say(tr("Student %1 of %2: %3").arg(number).arg(students.size()).arg(loginOf(number)));
    }
    return true;
}

std::optional<QList<ClassStudent>> Classroom::students(QString *error) const
{
    GraderConnection c;
    if (!c.open(m_trainer, 0, error))
        return std::nullopt;
    const SqlOutcome rows = c.exec(
        QStringLiteral("SELECT number, display_name, login, password FROM %1.student ORDER BY number").arg(schema()));
    if (!rows.ok) {
        *error = rows.sqlstate == u"42P01" ? tr("There is no class %1 on this server.").arg(m_id) : rows.message;
        return std::nullopt;
    }
    QList<ClassStudent> out;
    for (qsizetype r = 0; r < rows.result.rowCount(); ++r)
        out.append({rows.result.text(r, 0).toInt(), rows.result.text(r, 1), rows.result.text(r, 2), rows.result.text(r, 3)});
    return out;
}

bool Classroom::addExams(const QStringList &examIds, QString *error)
{
    GraderConnection c;
    if (!c.open(m_trainer, 0, error))
        return false;
    for (const QString &id : examIds) {
        if (!run(c, QStringLiteral("INSERT INTO %1.item VALUES ($1, 'exam') ON CONFLICT (id) DO NOTHING").arg(schema()), error, {id}))
            return false;
    }
    return true;
}

bool Classroom::setControl(const QString &key, const QString &value, QString *error)
{
    GraderConnection c;
    return c.open(m_trainer, 0, error)
        && run(c,
               QStringLiteral("INSERT INTO %1.control (key, value) VALUES ($1, $2) ON CONFLICT (key) "
                              "DO UPDATE SET value = excluded.value, changed_at = now()")
                   .arg(schema()),
               error, {key, value})
        && run(c, QStringLiteral("SELECT pg_catalog.pg_notify($1, $2)"), error, {controlChannel(), key});
}

std::optional<QHash<QString, QString>> Classroom::controls(const QString &conninfo, const QString &classId, QString *error)
{
    GraderConnection c;
    if (!c.open(conninfo, 10000, error))
        return std::nullopt;
    const SqlOutcome rows = c.exec(QStringLiteral("SELECT key, value FROM %1.control").arg(Classroom(conninfo, classId).schema()));
    if (!rows.ok) {
        *error = rows.message;
        return std::nullopt;
    }
    QHash<QString, QString> out;
    for (qsizetype r = 0; r < rows.result.rowCount(); ++r)
        out.insert(rows.result.text(r, 0), rows.result.text(r, 1));
    return out;
}

std::optional<Classroom::Status> Classroom::status(QString *error) const
{
    GraderConnection c;
    if (!c.open(m_trainer, 0, error))
        return std::nullopt;
    const SqlOutcome counts = c.exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM %1.student),\n"
        "  (SELECT count(*) FROM pg_catalog.pg_database d JOIN pg_catalog.pg_auth_members m ON m.member = d.datdba\n"
        "    WHERE m.roleid = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = %2) AND d.datallowconn\n"
        "      AND NOT m.admin_option AND m.member <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)),\n"
        "  (SELECT count(*) FROM %1.result),\n"
        "  (SELECT coalesce(string_agg(id, ',' ORDER BY id), '') FROM %1.item)")
        .arg(schema(), GraderConnection::literal(studentsRole())));
    if (!counts.ok) {
        *error = counts.sqlstate == u"42P01" || counts.sqlstate == u"3F000" ? tr("There is no class %1 on this server.").arg(m_id)
                                                                           : counts.message;
        return std::nullopt;
    }
    Status s;
    s.students = counts.value(0, 0).toInt();
    s.sandboxes = counts.value(0, 1).toInt();
    s.results = counts.value(0, 2).toLongLong();
    s.labs = counts.value(0, 3).split(u',', Qt::SkipEmptyParts);
    return s;
}

bool Classroom::reset(const Lab &lab, const QList<int> &numbers, QString *error, const Progress &progress)
{
    const std::optional<QList<ClassStudent>> all = students(error);
    if (!all)
        return false;
    GraderConnection c;
    QString admin;
    if (!c.open(m_trainer, 0, error) || (admin = actingConninfo(c, error)).isEmpty())
        return false;
    for (const ClassStudent &student : *all) {
        if (!numbers.isEmpty() && !numbers.contains(student.number))
            continue;
        LabEnvironment::Options options;
        options.adminConninfo = admin;
        options.sharedServer = true;
        options.learnerKey = learnerKey(student.number);
        LabEnvironment environment(lab, options);
        QString why;
        // The spare made beforehand is swapped in; the next one is made for the next reset.
        if (!environment.reset(&why) || !environment.prepareSpare(&why)) {
            *error = tr("%1's sandbox of %2: %3").arg(student.login, lab.id, why);
            return false;
        }
        if (progress)
            progress(tr("Reset %1 for %2").arg(lab.id, student.login));
    }
    return true;
}

bool Classroom::teardown(QString *error, const Progress &progress)
{
    GraderConnection c;
    if (!c.open(m_trainer, 0, error) || actingConninfo(c, error).isEmpty())
        return false;
    // Every student member of the class's group, and every login the bookkeeping names. A
    // trainer who made the group without being a superuser is a member too (with ADMIN):
    // never them.
    const QString members = QStringLiteral(
        "SELECT r.rolname FROM pg_catalog.pg_roles r JOIN pg_catalog.pg_auth_members m ON m.member = r.oid\n"
        "WHERE m.roleid = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = %1) AND NOT m.admin_option\n"
        "  AND r.rolname <> current_user AND r.rolname LIKE 'learner\\_%'")
        .arg(GraderConnection::literal(studentsRole()));
    SqlOutcome logins = c.exec(members + QStringLiteral("\nUNION SELECT login FROM %1.student WHERE to_regnamespace(%2) IS NOT NULL")
                                             .arg(schema(), GraderConnection::literal(schema())));
    if (!logins.ok) // no bookkeeping left: the group's members are all there is
        logins = c.exec(members);
    if (!logins.ok) {
        *error = logins.message;
        return false;
    }
    for (qsizetype r = 0; r < logins.result.rowCount(); ++r) {
        const QString login = logins.result.text(r, 0);
        const SqlOutcome databases = c.exec(
            QStringLiteral("SELECT datname FROM pg_catalog.pg_database WHERE datdba = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = $1)"),
            {login});
        for (qsizetype d = 0; databases.ok && d < databases.result.rowCount(); ++d) {
            if (!run(c, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                            .arg(GraderConnection::identifier(databases.result.text(d, 0))), error))
                return false;
        }
        for (const QString &role : {login + QStringLiteral("_grader"), login}) {
            if (!run(c, QStringLiteral("DROP OWNED BY %1").arg(GraderConnection::identifier(role)), error)
                && !error->contains(u"does not exist"))
                return false;
            if (!run(c, QStringLiteral("DROP ROLE IF EXISTS %1").arg(GraderConnection::identifier(role)), error))
                return false;
        }
        if (progress)
            progress(tr("Dropped %1 and its sandboxes").arg(login));
    }
    return run(c, QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema()), error)
        && run(c, QStringLiteral("DROP ROLE IF EXISTS %1").arg(GraderConnection::identifier(studentsRole())), error);
}

QString Classroom::credentialsCsv(const QList<ClassStudent> &students, const QString &host, const QString &port,
                                  const QString &database, const QString &classId)
{
    QString out = QStringLiteral("class,host,port,database,number,name,login,password\n");
    for (const ClassStudent &s : students) {
        out += QStringList{classId, ResultFormatter::csvField(host), port, ResultFormatter::csvField(database), QString::number(s.number), ResultFormatter::csvField(s.name),
                           s.login, s.password}
                   .join(u',')
            + u'\n';
    }
    return out;
}

ClassFile ClassFile::forServer(const QString &conninfo, const QString &classId, const QString &title)
{
    const ConnectionInfo info(conninfo);
    ClassFile file;
    file.host = info.value(QStringLiteral("host"));
    file.port = info.value(QStringLiteral("port"));
    file.database = info.value(QStringLiteral("dbname"));
    file.classId = classId;
    file.title = title;
    return file;
}

QByteArray ClassFile::toJson() const
{
    const QJsonObject o{{QStringLiteral("pgcampus_class"), 1}, {QStringLiteral("class"), classId}, {QStringLiteral("host"), host},
                        {QStringLiteral("port"), port},      {QStringLiteral("database"), database},
                        {QStringLiteral("title"), title}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<ClassFile> ClassFile::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parse);
    if (!document.isObject() || document.object().value(QStringLiteral("pgcampus_class")).toInt() != 1) {
        *error = parse.error != QJsonParseError::NoError
            ? Classroom::tr("This is not a class file: %1 at byte %2.").arg(parse.errorString()).arg(parse.offset)
            : Classroom::tr("This is not a class file of PG Campus.");
        return std::nullopt;
    }
    const QJsonObject o = document.object();
    ClassFile file;
    file.classId = o.value(QStringLiteral("class")).toString();
    file.host = o.value(QStringLiteral("host")).toString();
    file.port = o.value(QStringLiteral("port")).toString();
    file.database = o.value(QStringLiteral("database")).toString();
    file.title = o.value(QStringLiteral("title")).toString();
    if (!Classroom::isClassId(file.classId)) {
        *error = Classroom::tr("The class file names no valid class (\"%1\").").arg(file.classId);
        return std::nullopt;
    }
    return file;
}

QString ClassFile::conninfo(const QString &login, const QString &password) const
{
    QString out;
    const auto add = [&](const QString &key, const QString &value) {
        if (!value.isEmpty())
            out = ConnectionInfo(out).with(key, value);
    };
    add(QStringLiteral("host"), host);
    add(QStringLiteral("port"), port);
    add(QStringLiteral("dbname"), database);
    add(QStringLiteral("user"), login);
    add(QStringLiteral("password"), password);
    return out;
}
