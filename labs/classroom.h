#pragma once

#include "coursepack.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class GraderConnection;

// One student of a class: their number in the class, the name the trainer gave, and the
// login role (with its generated password) they use on the class's server.
struct ClassStudent
{
    int number = 0;
    QString name;
    QString login;
    QString password;
};

// What a student is handed to join a class: where the class's server is, and which class.
// No passwords: those are on the credentials sheet.
struct ClassFile
{
    QString host;
    QString port;
    QString database;
    QString classId;
    QString title;

    // The class file of a class kept on the server and database a conninfo names.
    static ClassFile forServer(const QString &conninfo, const QString &classId, const QString &title = {});
    QByteArray toJson() const;
    // A clear error for anything that is not a class file.
    static std::optional<ClassFile> fromJson(const QByteArray &json, QString *error);
    // The student's connection: this server and database, their login and password.
    QString conninfo(const QString &login, const QString &password) const;
};

// A class on a shared PostgreSQL server the trainer already runs. Provisioning makes, in
// the trainer's database, a bookkeeping schema (pgcampus_class_ID) and, on the server, a
// login role per student with a generated password, a group role for the class, and each
// student's sandbox of each of the class's labs (cloned from the lab's template, which
// classes share). Results go into the schema through record_result(), which stamps the
// caller (session_user): students see only their own rows (row-level security), may not
// write the table, and cannot record for someone else. Passwords stay in a table only the
// trainer may read, so an interrupted provisioning run can be run again and hands out the
// same credentials. Blocking: call it off the UI thread.
class Classroom
{
    Q_DECLARE_TR_FUNCTIONS(Classroom)
public:
    // trainerConninfo: a superuser, or a role with CREATEROLE and CREATEDB, connected to the
    // database that keeps the class's bookkeeping.
    Classroom(const QString &trainerConninfo, const QString &classId);

    // "c" and seven random letters or digits: short enough for role and database names.
    static QString newClassId();
    static bool isClassId(const QString &id);
    // The first column of each line of a roster (a header line "name" is skipped).
    static QStringList rosterFromCsv(const QString &csv);
    // "Student 01", "Student 02"… for a class given only its size.
    static QStringList numberedStudents(int count);

    // Connections a class holds at most: about three a student (the editor, the class's
    // bookkeeping, a check), and a few for the trainer. A server needs max_connections that
    // high plus its superuser_reserved_connections (3 unless changed).
    static int connectionsNeeded(int students) { return 3 * students + 10; }

    QString classId() const { return m_id; }
    // The trainer's connection as lab tooling must use it (see actingConninfo()); empty
    // with *error set when the server cannot be reached.
    QString workingConninfo(QString *error) const;
    QString schema() const;        // pgcampus_class_ID
    QString studentsRole() const;  // the class's group role; every student is a member
    QString channel() const;       // what record_result() notifies: "login item"
    QString controlChannel() const; // what setControl() notifies: the key
    // A student's part of sandbox and role names, and their login role.
    QString learnerKey(int number) const;
    QString loginOf(int number) const;

    using Progress = std::function<void(const QString &)>;
    // Makes what is missing; students already there keep their login and password, and
    // students beyond the roster's size are left alone. Labs on a cluster of their own are
    // not provisioned (they run on the student's own laptop).
    bool provision(const QStringList &students, const QList<Lab> &labs, QString *error, const Progress &progress = {});
    std::optional<QList<ClassStudent>> students(QString *error) const;
    // Exams of the class: their submissions are recorded like lab checks (item = exam id).
    bool addExams(const QStringList &examIds, QString *error);

    // What the trainer tells every student's app, kept in the class's control table
    // (students may read it) and announced on controlChannel():
    //   follow                     the lesson the trainer presents ("" when none)
    //   exam_locked/EXAM           "true" while the exam may not be started or continued
    //   extra_minutes/LOGIN/EXAM   minutes added to that student's exam time
    static QString followKey() { return QStringLiteral("follow"); }
    static QString examLockedKey(const QString &exam) { return QStringLiteral("exam_locked/") + exam; }
    static QString extraMinutesKey(const QString &login, const QString &exam)
    {
        return QStringLiteral("extra_minutes/%1/%2").arg(login, exam);
    }
    bool setControl(const QString &key, const QString &value, QString *error);
    // Every control set, as the trainer or a student reads it (conninfo: whose connection).
    static std::optional<QHash<QString, QString>> controls(const QString &conninfo, const QString &classId, QString *error);

    struct Status
    {
        int students = 0;
        int sandboxes = 0; // databases the students own and may open (not spares set aside)
        qint64 results = 0;
        QStringList labs;
    };
    std::optional<Status> status(QString *error) const;
    // The lab's sandbox of these students (all of them when numbers is empty) as its template
    // has it again: the spare copy swapped in, then the next spare made (provisioning makes
    // the first), so a reset during the class is a rename.
    bool reset(const Lab &lab, const QList<int> &numbers, QString *error, const Progress &progress = {});
    // Drops the students' sandboxes and roles, the group role and the schema. Lab templates
    // stay: other classes on the server clone them too.
    bool teardown(QString *error, const Progress &progress = {});

    // Run on a student's own connection: records one check or submission as theirs and
    // notifies the trainer; a token already recorded is not recorded again (true: it was new).
    // Parameters: item, step, passed ("true"/"false"), feedback, token (a UUID).
    QString recordStatement() const;

    // The sheet to hand out: one line per student with server, database, class, login and password.
    static QString credentialsCsv(const QList<ClassStudent> &students, const QString &host, const QString &port,
                                  const QString &database, const QString &classId);

private:
    QString actingConninfo(GraderConnection &c, QString *error) const;
    bool makeSchema(GraderConnection &c, QString *error) const;
    bool makeStudent(GraderConnection &c, int number, const QString &name, QString *error) const;

    QString m_trainer;
    QString m_id;
};
