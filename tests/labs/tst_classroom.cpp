#include "classroom.h"
#include "classsimulation.h"
#include "coursepackloader.h"
#include "graderconnection.h"
#include "labsandbox.h"
#include "throwawayserver.h"

#include <QTest>
#include <QUuid>

// A class on a real server with real roles: provisioning makes each student a login with
// a password and a sandbox of each lab, can be run again without making anything twice,
// keeps students apart (sandboxes, results, the bookkeeping), and teardown leaves nothing.
class tst_Classroom : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rosterFromCsv_data();
    void rosterFromCsv();
    void provisioningTwiceMakesNothingTwice();
    void studentsAreKeptApart();
    void anInterruptedRunCompletes();
    void aRunCutByAKilledServerCompletes();
    void hiddenVariantDataStaysTheTrainers();
    void aTrainerWhoIsNotASuperuserRunsAClass();
    void credentialsSheet();
    void aShortClassRunLosesNothing();
    void teardownLeavesNothing();

private:
    QString as(const QString &login, const QString &database = QStringLiteral("postgres")) const
    {
        return m_server.connectionString(database) + QStringLiteral(" user=") + login;
    }
    // The first value sql gives as login, or the error.
    QString ask(const QString &conninfo, const QString &sql, const QStringList &parameters = {}) const;

    ThrowawayServer m_server;
    Lab m_lab;
    QString m_id;
};

void tst_Classroom::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_lab.id = QStringLiteral("orders-lab");
    m_lab.setup = QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY, total numeric);\n"
                                 "INSERT INTO orders SELECT g, g * 1.5 FROM generate_series(1, 20) g;\n");
    LabStep step;
    step.id = QStringLiteral("count");
    step.checks << CoursePackLoader::checkFromYaml(QStringLiteral("kind: result\nreference: SELECT count(*) FROM orders\n"));
    m_lab.steps << step;
    m_id = Classroom::newClassId();
    QVERIFY(Classroom::isClassId(m_id));
    QVERIFY(!Classroom::isClassId(QStringLiteral("c123; DROP")));
}

QString tst_Classroom::ask(const QString &conninfo, const QString &sql, const QStringList &parameters) const
{
    GraderConnection c;
    QString error;
    if (!c.open(conninfo, 0, &error))
        return QStringLiteral("ERROR: ") + error;
    const SqlOutcome outcome = c.exec(sql, parameters);
    return outcome.ok ? outcome.value() : QStringLiteral("ERROR: ") + outcome.message;
}

void tst_Classroom::rosterFromCsv_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("plain") << QStringLiteral("Li Lei\nHan Meimei\n") << QStringList{QStringLiteral("Li Lei"), QStringLiteral("Han Meimei")};
    QTest::newRow("header and more columns") << QStringLiteral("name,email\r\n张三,z@example.com\r\n\r\n李四,l@example.com\r\n")
                                             << QStringList{QStringLiteral("张三"), QStringLiteral("李四")};
    QTest::newRow("quoted") << QStringLiteral("\"Smith, John\",x\n\"O\"\"Neil\"\n")
                            << QStringList{QStringLiteral("Smith, John"), QStringLiteral("O\"Neil")};
    QTest::newRow("Chinese header") << QStringLiteral("姓名\n王五\n") << QStringList{QStringLiteral("王五")};
    QTest::newRow("empty") << QString() << QStringList{};
}

void tst_Classroom::rosterFromCsv()
{
    QFETCH(QString, csv);
    QFETCH(QStringList, names);
    QCOMPARE(Classroom::rosterFromCsv(csv), names);
}

void tst_Classroom::provisioningTwiceMakesNothingTwice()
{
    Classroom room(m_server.connectionString(), m_id);
    QString error;
    QVERIFY2(room.provision(Classroom::numberedStudents(3), {m_lab}, &error), qPrintable(error));
    const auto first = room.students(&error);
    QVERIFY2(first, qPrintable(error));
    QCOMPARE(first->size(), 3);
    QCOMPARE(first->at(0).name, Classroom::tr("Student %1").arg(QStringLiteral("01")));
    QCOMPARE(first->at(2).login, room.loginOf(3));
    QCOMPARE(first->at(0).password.size(), 12);
    QVERIFY(first->at(0).password != first->at(1).password);

    QVERIFY2(room.provision(Classroom::numberedStudents(3), {m_lab}, &error), qPrintable(error));
    const auto second = room.students(&error);
    QCOMPARE(second->size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(second->at(i).password, first->at(i).password);
    const auto status = room.status(&error);
    QVERIFY2(status, qPrintable(error));
    QCOMPARE(status->students, 3);
    QCOMPARE(status->sandboxes, 3);
    QCOMPARE(status->labs, QStringList{m_lab.id});
    // The server keeps a hash of each password, never the text.
    QVERIFY(ask(m_server.connectionString(), QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = $1"),
                {room.loginOf(1)}).startsWith(u"SCRAM-SHA-256$"));
    QCOMPARE(ask(m_server.connectionString(),
                 QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname LIKE $1 AND rolcanlogin AND NOT rolsuper"),
                 {QStringLiteral("learner_%1_s%").arg(m_id)}),
             QStringLiteral("3")); // the three students; their graders may not log in on a shared server
    QCOMPARE(ask(m_server.connectionString(), QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = $1"),
                 {room.loginOf(1) + QStringLiteral("_grader")}),
             QStringLiteral("f"));
}

void tst_Classroom::studentsAreKeptApart()
{
    Classroom room(m_server.connectionString(), m_id);
    QString error;
    QVERIFY2(room.provision(Classroom::numberedStudents(3), {m_lab}, &error), qPrintable(error));
    const QString one = room.loginOf(1), two = room.loginOf(2);
    const QString twosSandbox = ask(m_server.connectionString(),
                                    QStringLiteral("SELECT datname FROM pg_database WHERE datdba = $1::regrole"), {two});
    QVERIFY(twosSandbox.startsWith(u"lab_orders_lab_"));

    // Each works in their own sandbox, and nobody else's.
    QCOMPARE(ask(as(two, twosSandbox), QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("20"));
    QVERIFY(ask(as(one, twosSandbox), QStringLiteral("SELECT 1")).contains(u"permission denied for database"));
    // Nor the lab's template (it takes no connections, and CONNECT is not theirs anyway).
    QVERIFY(ask(as(one, QStringLiteral("lab_orders_lab_template")), QStringLiteral("SELECT 1")).startsWith(u"ERROR: "));
    QCOMPARE(ask(m_server.connectionString(), QStringLiteral("SELECT has_database_privilege($1, 'lab_orders_lab_template', 'CONNECT')"),
                 {one}),
             QStringLiteral("f"));
    QVERIFY(ask(as(one), QStringLiteral("SET ROLE %1").arg(two)).contains(u"permission denied"));

    // Results: recorded only through the function, stamped with the caller, seen only by them.
    const QString record = room.recordStatement();
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(ask(as(one), record, {m_lab.id, QStringLiteral("1"), QStringLiteral("true"), QString(), token}), QStringLiteral("t"));
    QCOMPARE(ask(as(one), record, {m_lab.id, QStringLiteral("1"), QStringLiteral("true"), QString(), token}),
             QStringLiteral("f")); // the same attempt again: not recorded twice
    QCOMPARE(ask(as(two), record, {m_lab.id, QStringLiteral("1"), QStringLiteral("false"), QStringLiteral("no index"),
                                   QUuid::createUuid().toString(QUuid::WithoutBraces)}),
             QStringLiteral("t"));
    QCOMPARE(ask(as(one), QStringLiteral("SELECT count(*) FROM %1.result").arg(room.schema())), QStringLiteral("1"));
    QCOMPARE(ask(as(one), QStringLiteral("SELECT login FROM %1.result").arg(room.schema())), one);
    QCOMPARE(ask(m_server.connectionString(), QStringLiteral("SELECT count(*) FROM %1.result").arg(room.schema())),
             QStringLiteral("2"));
    QVERIFY(ask(as(one), QStringLiteral("INSERT INTO %1.result (login, item, passed, token) VALUES ($1, 'x', true, gen_random_uuid())")
                             .arg(room.schema()), {two})
                .contains(u"permission denied"));
    QVERIFY(ask(as(one), QStringLiteral("UPDATE %1.result SET passed = true").arg(room.schema())).contains(u"permission denied"));
    QVERIFY(ask(as(one), QStringLiteral("SELECT password FROM %1.student").arg(room.schema())).contains(u"permission denied"));

    // Someone outside the class may not record at all.
    queryScalar(m_server.connectionString(), QStringLiteral("CREATE ROLE outsider LOGIN"), &error);
    QVERIFY(ask(as(QStringLiteral("outsider")), record,
                {m_lab.id, QStringLiteral("1"), QStringLiteral("true"), QString(), QUuid::createUuid().toString(QUuid::WithoutBraces)})
                .contains(u"permission denied"));
}

void tst_Classroom::anInterruptedRunCompletes()
{
    // A run cut short after a student's row was written but before their role was made.
    Classroom room(m_server.connectionString(), m_id);
    QString error;
    QVERIFY2(room.provision(Classroom::numberedStudents(3), {m_lab}, &error), qPrintable(error));
    const QString before = room.students(&error)->at(2).password;
    queryScalar(m_server.connectionString(), QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(room.loginOf(3) + QStringLiteral("_grader")), &error);
    const QString sandbox = LabSandbox(m_server.connectionString(), m_lab.id, room.learnerKey(3)).database();
    for (const QString &copy : {sandbox, sandbox + QStringLiteral("_spare")}) // the sandbox and its spare
        queryScalar(m_server.connectionString(), QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(copy), &error);
    QCOMPARE(ask(m_server.connectionString(), QStringLiteral("SELECT count(*) FROM pg_database WHERE datdba = $1::regrole"),
                 {room.loginOf(3)}),
             QStringLiteral("0"));
    queryScalar(m_server.connectionString(), QStringLiteral("DROP ROLE %1").arg(room.loginOf(3)), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QVERIFY2(room.provision(Classroom::numberedStudents(4), {m_lab}, &error), qPrintable(error));
    const auto students = room.students(&error);
    QCOMPARE(students->size(), 4);
    QCOMPARE(students->at(2).password, before); // the sheet already handed out stays right
    QCOMPARE(room.status(&error)->sandboxes, 4);
    QCOMPARE(ask(as(room.loginOf(3), sandbox), QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("20"));
}

// The server is killed (no shutdown) while the second student is being made; after a
// restart the same provisioning finishes: everyone once, the first students' passwords
// as the sheet already printed them, a sandbox each.
void tst_Classroom::aRunCutByAKilledServerCompletes()
{
    const QString id = Classroom::newClassId();
    Classroom room(m_server.connectionString(), id);
    QString error;
    bool killed = false;
    const bool done = room.provision(Classroom::numberedStudents(5), {m_lab}, &error, [&](const QString &line) {
        if (!killed && line.startsWith(QStringLiteral("Student 2 of 5"))) {
            killed = true;
            QVERIFY(m_server.server().stopImmediately());
        }
    });
    QVERIFY(killed);
    QVERIFY(!done);
    QVERIFY(!error.isEmpty());
    QVERIFY2(m_server.server().start(), qPrintable(m_server.errorString()));
    const auto made = room.students(&error);
    QVERIFY2(made, qPrintable(error));
    QCOMPARE(made->size(), 2);

    QVERIFY2(room.provision(Classroom::numberedStudents(5), {m_lab}, &error), qPrintable(error));
    const auto students = room.students(&error);
    QCOMPARE(students->size(), 5);
    QCOMPARE(students->at(0).password, made->at(0).password);
    QCOMPARE(students->at(1).password, made->at(1).password);
    QCOMPARE(room.status(&error)->sandboxes, 5);
    QCOMPARE(ask(m_server.connectionString(),
                 QStringLiteral("SELECT count(*) FROM pg_auth_members WHERE roleid = $1::regrole"), {room.studentsRole()}),
             QStringLiteral("5"));
    QCOMPARE(ask(as(room.loginOf(5), ask(m_server.connectionString(),
                                         QStringLiteral("SELECT datname FROM pg_database WHERE datdba = $1::regrole"), {room.loginOf(5)})),
                 QStringLiteral("SELECT count(*) FROM orders")),
             QStringLiteral("20"));
    QVERIFY2(room.teardown(&error), qPrintable(error));
}

// A lab with hidden variant data (what checks re-run a query on, so a hard-coded answer
// fails): a class's checks run as the student, who must not read it, so the class's
// server does not get it at all; nor may a student become the role that reads it.
void tst_Classroom::hiddenVariantDataStaysTheTrainers()
{
    Lab lab = m_lab;
    lab.id = QStringLiteral("variant-lab");
    lab.variantSetup = QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY, total numeric);\n"
                                      "INSERT INTO orders SELECT g, g * 2.5 FROM generate_series(1, 37) g;\n");
    const QString id = Classroom::newClassId();
    Classroom room(m_server.connectionString(), id);
    QString error;
    QVERIFY2(room.provision(Classroom::numberedStudents(1), {lab}, &error), qPrintable(error));
    const QString variant = LabSandbox(m_server.connectionString(), lab.id, room.learnerKey(1)).variantDatabase();
    QCOMPARE(ask(m_server.connectionString(), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = $1"), {variant}),
             QStringLiteral("0"));
    const QString student = room.loginOf(1);
    QVERIFY(ask(as(student, variant), QStringLiteral("SELECT count(*) FROM orders")).startsWith(u"ERROR: "));
    QCOMPARE(ask(m_server.connectionString(),
                 QStringLiteral("SELECT count(*) FROM pg_roles r WHERE r.rolname = $2 AND pg_has_role($1, r.oid, 'MEMBER')"),
                 {student, LabSandbox::variantReader()}),
             QStringLiteral("0"));
    QVERIFY2(room.teardown(&error), qPrintable(error));
}

// The trainer has CREATEROLE and CREATEDB, not SUPERUSER (a server of their own, where no
// superuser made PG Campus's roles first): provisioning, a reset, a student's result and
// the teardown all work, and nothing is left.
void tst_Classroom::aTrainerWhoIsNotASuperuserRunsAClass()
{
    ThrowawayServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QString error;
    queryScalar(server.connectionString(), QStringLiteral("CREATE ROLE trainer LOGIN CREATEROLE CREATEDB"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    queryScalar(server.connectionString(), QStringLiteral("CREATE DATABASE training OWNER trainer"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString trainer = server.connectionString(QStringLiteral("training")) + QStringLiteral(" user=trainer");
    Classroom room(trainer, Classroom::newClassId());
    QVERIFY2(room.provision(Classroom::numberedStudents(2), {m_lab}, &error), qPrintable(error));
    QCOMPARE(room.status(&error)->sandboxes, 2);
    // Provisioning made each student a spare copy; a reset swaps it in and makes the next.
    const QString spare = LabSandbox(trainer, m_lab.id, room.learnerKey(2)).database() + QStringLiteral("_spare");
    const QString spareState = QStringLiteral("SELECT datallowconn FROM pg_database WHERE datname = $1");
    QCOMPARE(ask(server.connectionString(), spareState, {spare}), QStringLiteral("f"));
    const QString oid = ask(server.connectionString(), QStringLiteral("SELECT oid FROM pg_database WHERE datname = $1"), {spare});
    QVERIFY2(room.reset(m_lab, {2}, &error), qPrintable(error));
    QCOMPARE(ask(server.connectionString(), QStringLiteral("SELECT oid FROM pg_database WHERE datname = $1"),
                 {LabSandbox(trainer, m_lab.id, room.learnerKey(2)).database()}),
             oid);
    QCOMPARE(ask(server.connectionString(), spareState, {spare}), QStringLiteral("f"));
    const QString own = server.connectionString(QStringLiteral("training")) + QStringLiteral(" user=") + room.loginOf(1);
    QCOMPARE(ask(own, room.recordStatement(), {m_lab.id, QStringLiteral("count"), QStringLiteral("true"), QString(),
                                               QUuid::createUuid().toString(QUuid::WithoutBraces)}),
             QStringLiteral("t"));
    QVERIFY2(room.teardown(&error), qPrintable(error));
    QCOMPARE(ask(server.connectionString(), QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname LIKE $1"),
                 {QStringLiteral("%%1%").arg(room.classId())}),
             QStringLiteral("0"));
    QCOMPARE(ask(server.connectionString(), QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE $1"),
                 {QStringLiteral("%%1%").arg(room.classId())}),
             QStringLiteral("0"));
}

void tst_Classroom::credentialsSheet()
{
    const QString csv = Classroom::credentialsCsv({{1, QStringLiteral("Smith, John"), QStringLiteral("learner_x_s01"), QStringLiteral("pw")}},
                                                  QStringLiteral("db.example.com"), QStringLiteral("5432"),
                                                  QStringLiteral("training"), QStringLiteral("cabcdefg"));
    QCOMPARE(csv, QStringLiteral("class,host,port,database,number,name,login,password\n"
                                 "cabcdefg,db.example.com,5432,training,1,\"Smith, John\",learner_x_s01,pw\n"));
}

// Four students at once for a few seconds: every check is recorded once, a token sent
// again is not stored again, and resets work beside everyone else's checks.
void tst_Classroom::aShortClassRunLosesNothing()
{
    Classroom room(m_server.connectionString(), m_id);
    QString error;
    QVERIFY2(room.provision(Classroom::numberedStudents(4), {m_lab}, &error), qPrintable(error));
    const QString results = QStringLiteral("SELECT count(*) FROM %1.result").arg(room.schema());
    const QString failures = results + QStringLiteral(" WHERE NOT passed");
    const qint64 before = ask(m_server.connectionString(), results).toLongLong();
    const QString failedBefore = ask(m_server.connectionString(), failures);
    ClassSimulation simulation(m_server.connectionString(), m_id, m_lab);
    simulation.setWork(QStringLiteral("SELECT sum(total) FROM orders"), QStringLiteral("SELECT count(*) FROM orders"));
    simulation.setThinkTime(20, 100);
    const ClassSimulationReport report = simulation.run(4);
    QVERIFY2(report.errors.isEmpty(), qPrintable(report.errors.join(u'\n')));
    QCOMPARE(report.students, 4);
    QVERIFY(!report.checkMs.isEmpty());
    QCOMPARE(report.stored - before, report.recorded);
    QCOMPARE(report.recorded, qint64(report.checkMs.size()));
    QCOMPARE(report.retriesStored, qint64(0));
    QCOMPARE(ask(m_server.connectionString(), failures), failedBefore); // the answer is right, and every check said so
}

void tst_Classroom::teardownLeavesNothing()
{
    Classroom room(m_server.connectionString(), m_id);
    QString error;
    QVERIFY2(room.teardown(&error), qPrintable(error));
    const QString admin = m_server.connectionString();
    QCOMPARE(ask(admin, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname LIKE $1 OR rolname = $2"),
                 {QStringLiteral("learner_%1%").arg(m_id), room.studentsRole()}),
             QStringLiteral("0"));
    QCOMPARE(ask(admin, QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE $1"), {QStringLiteral("%%1%").arg(m_id)}),
             QStringLiteral("0"));
    QCOMPARE(ask(admin, QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = $1"), {room.schema()}), QStringLiteral("0"));
    QVERIFY(!room.status(&error));
    QVERIFY(error.contains(m_id));
    QVERIFY2(room.teardown(&error), qPrintable(error)); // again: nothing left to drop, no error
}

QTEST_GUILESS_MAIN(tst_Classroom)
#include "tst_classroom.moc"
