#include "connectioninfo.h"
#include "coursepackloader.h"
#include "gradingfixture.h"
#include "labverifier.h"
#include "stepgrader.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

// Grading is a security boundary: the learner's answer is hostile. Each test lays a trap a
// learner can lay with the rights they have (functions, operators, domains, defaults, views,
// settings of their own database) and grades a check that, done wrong, would run the trap
// with the administrator's rights. Afterwards the learner's role must be as it was, and
// nothing the trap does as a superuser (make a table, write a file) may have happened.
class tst_GraderIntegrity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void domainTrapRunsAsTheLearner();
    void operatorTrapIsNotOnTheCatalogReadersPath();
    void multiSessionGraderCallsNoLearnerFunction();
    void observingSessionsCallsNoLearnerOperator();
    void databaseSearchPathDoesNotReachTheGrader();
    void trappedDefaultRunsAsTheLearner();
    void learnerCannotMakeEventTriggers();
    void verifyingALabLeavesTheLearnerAsTheyWere();
    void resultsAreGradedOnTheLabsDataAtTheStep();
    void anUndeterminedOrderIsAWarning();
    void anAnswerThatMustFailIsProven();
    void aFailingSetupNamesItsLine();

private:
    // The learner's role as the administrator sees it: attributes, memberships both ways,
    // and the settings kept for it.
    QString roleSnapshot();
    // What the trap leaves when it ran as a superuser; empty when nothing.
    QString trapTraces();
    bool learnerRuns(const QString &sql);
    // Lays the trap function public.trap(): as a superuser it makes the learner one, makes
    // public.trap_fired and writes the trap file; as anyone else it does nothing.
    bool layTrapFunction();
    // courseware check --run on the lab: no problem, every step proven, every decoy failed.
    bool verifiesCleanly(const Lab &lab, int steps, int decoys);

    GradingFixture m_fixture;
    QTemporaryDir m_files;
    QString m_before;
};

namespace {
const QString Learner = QStringLiteral("learner_ada");
}

void tst_GraderIntegrity::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start({QStringLiteral("CREATE TABLE accounts (id int PRIMARY KEY, owner text, balance numeric NOT NULL);\n"
                                             "INSERT INTO accounts VALUES (1, 'ann', 100), (2, 'bo', 50);")},
                             &error),
             qPrintable(error));
}

QString tst_GraderIntegrity::roleSnapshot()
{
    return queryScalar(
        m_fixture.server().connectionString(),
        QStringLiteral(
            "SELECT concat_ws(' | ', r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin, "
            "r.rolreplication, r.rolbypassrls, r.rolconnlimit, "
            "(SELECT string_agg(g.rolname || ':' || m.admin_option || m.inherit_option || m.set_option, ',' ORDER BY 1) "
            " FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid), "
            "(SELECT string_agg(u.rolname, ',' ORDER BY 1) FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member "
            " WHERE m.roleid = r.oid), "
            "(SELECT string_agg(s.setdatabase || ':' || s.setconfig::text, ',' ORDER BY 1) FROM pg_db_role_setting s "
            " WHERE s.setrole = r.oid)) FROM pg_roles r WHERE r.rolname = '%1'")
            .arg(Learner));
}

QString tst_GraderIntegrity::trapTraces()
{
    QStringList traces;
    const QString admin = ConnectionInfo(m_fixture.environment().learnerConninfo())
                              .with(QStringLiteral("user"), ConnectionInfo(m_fixture.server().connectionString()).value(QStringLiteral("user")));
    if (queryScalar(admin, QStringLiteral("SELECT to_regclass('public.trap_fired') IS NOT NULL")) == u"t")
        traces << QStringLiteral("public.trap_fired exists");
    if (QFileInfo::exists(m_files.filePath(QStringLiteral("trap"))))
        traces << QStringLiteral("the trap file was written");
    if (queryScalar(m_fixture.server().connectionString(),
                    QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = '%1'").arg(Learner)) == u"t")
        traces << QStringLiteral("the learner became a superuser");
    return traces.join(QStringLiteral("; "));
}

bool tst_GraderIntegrity::learnerRuns(const QString &sql)
{
    QString error;
    if (!m_fixture.environment().runAsLearner(sql, &error)) {
        qWarning("the learner's SQL failed: %s", qPrintable(error));
        return false;
    }
    return true;
}

bool tst_GraderIntegrity::layTrapFunction()
{
    return learnerRuns(QStringLiteral(
        "CREATE FUNCTION public.trap() RETURNS boolean LANGUAGE plpgsql AS $trap$\n"
        "BEGIN\n"
        "  IF current_setting('is_superuser') = 'on' THEN\n"
        "    EXECUTE 'ALTER ROLE %1 SUPERUSER';\n"
        "    EXECUTE $$COPY (SELECT 'owned') TO '%2'$$;\n"
        "    CREATE TABLE public.trap_fired ();\n"
        "  END IF;\n"
        "  RETURN true;\n"
        "END $trap$;")
                           .arg(Learner, m_files.filePath(QStringLiteral("trap"))));
}

void tst_GraderIntegrity::init()
{
    QString error;
    QVERIFY2(m_fixture.environment().reset(&error), qPrintable(error));
    m_before = roleSnapshot();
    QVERIFY(!m_before.isEmpty());
    QVERIFY2(trapTraces().isEmpty(), qPrintable(trapTraces()));
}

void tst_GraderIntegrity::cleanup()
{
    const QString after = roleSnapshot();
    const QString traces = trapTraces();
    // Undo whatever a sprung trap did, so one failure does not spoil the tests after it.
    queryScalar(m_fixture.server().connectionString(), QStringLiteral("ALTER ROLE %1 NOSUPERUSER").arg(Learner));
    QFile::remove(m_files.filePath(QStringLiteral("trap")));
    QString error;
    m_fixture.environment().reset(&error);
    QVERIFY2(traces.isEmpty(), qPrintable(traces));
    QCOMPARE(after, m_before);
}

// The reported escalation: a domain whose CHECK calls the learner's function types a
// column with a table CHECK, and the constraint check samples values of that type.
void tst_GraderIntegrity::domainTrapRunsAsTheLearner()
{
    QVERIFY(layTrapFunction());
    QVERIFY(learnerRuns(QStringLiteral("CREATE DOMAIN trapped AS int CHECK (public.trap());\n"
                                       "CREATE TABLE stock (qty trapped CONSTRAINT stock_qty_positive CHECK (qty > 0));\n"
                                       "INSERT INTO stock VALUES (3), (7);")));
    const CheckVerdict verdict =
        m_fixture.gradeAsIs(QStringLiteral("kind: state\nconstraint_on: stock\ndefinition: CHECK (qty > 0)"));
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, true, QString(), &why), qPrintable(why));
}

// An operator of the learner's with the exact argument types of a comparison in the
// catalog reader's SQL would be chosen over the built-in one along a path with public.
void tst_GraderIntegrity::operatorTrapIsNotOnTheCatalogReadersPath()
{
    QVERIFY(layTrapFunction());
    QVERIFY(learnerRuns(QStringLiteral(
        "CREATE FUNCTION public.trap_eq(oid, regclass) RETURNS boolean LANGUAGE sql AS 'SELECT public.trap() AND $1 = $2::oid';\n"
        "CREATE OPERATOR public.= (LEFTARG = oid, RIGHTARG = regclass, FUNCTION = public.trap_eq);\n"
        "CREATE FUNCTION public.trap_eq(oid, oid) RETURNS boolean LANGUAGE sql AS 'SELECT public.trap() AND $1 OPERATOR(pg_catalog.=) $2';\n"
        "CREATE OPERATOR public.= (LEFTARG = oid, RIGHTARG = oid, FUNCTION = public.trap_eq);")));
    QString why;
    for (const QString &check : {QStringLiteral("kind: state\ncolumn: accounts.balance\ntype: numeric\nnot_null: true"),
                                 QStringLiteral("kind: state\nindex_on: accounts (id)\nunique: true"),
                                 QStringLiteral("kind: state\nprivilege: SELECT\non: accounts\nrole: %1").arg(Learner),
                                 QStringLiteral("kind: state\nconstraint_on: accounts\ndefinition: PRIMARY KEY (id)")}) {
        const CheckVerdict verdict = m_fixture.gradeAsIs(check);
        QVERIFY2(GradingFixture::verdictIs(verdict, true, QString(), &why), qPrintable(check + u'\n' + why));
    }
}

// A script whose statement blocks makes the grader ask whether it waits for a lock:
// cardinality(integer[]) of the learner's would be an exact match there.
void tst_GraderIntegrity::multiSessionGraderCallsNoLearnerFunction()
{
    QVERIFY(layTrapFunction());
    QVERIFY(learnerRuns(QStringLiteral("CREATE FUNCTION public.cardinality(integer[]) RETURNS integer LANGUAGE sql "
                                       "AS 'SELECT CASE WHEN public.trap() THEN pg_catalog.cardinality($1) END';")));
    const CheckVerdict verdict = m_fixture.gradeAsIs(QStringLiteral(
        "kind: multi-session\n"
        "script:\n"
        "  - {session: A, sql: BEGIN}\n"
        "  - {session: A, sql: UPDATE accounts SET balance = 1 WHERE id = 1}\n"
        "  - {session: B, sql: UPDATE accounts SET balance = 2 WHERE id = 1, expect: blocks}\n"
        "  - {session: grader, sql: SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid', expect: {value: \"1\"}}\n"
        "  - {session: A, sql: COMMIT}\n"
        "  - {session: B, await: true}\n"));
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, true, QString(), &why), qPrintable(why));
}

// Watching the learner's own sessions compares oids and int arrays: operators of the
// learner's with those exact types, on a path the learner's database sets, must not be used.
void tst_GraderIntegrity::observingSessionsCallsNoLearnerOperator()
{
    QVERIFY(layTrapFunction());
    QVERIFY(learnerRuns(QStringLiteral(
        "CREATE SCHEMA trap;\n"
        "CREATE FUNCTION trap.eq(oid, oid) RETURNS boolean LANGUAGE sql AS 'SELECT public.trap() AND $1 OPERATOR(pg_catalog.=) $2';\n"
        "CREATE OPERATOR trap.= (LEFTARG = oid, RIGHTARG = oid, FUNCTION = trap.eq);\n"
        "CREATE FUNCTION trap.overlaps(integer[], integer[]) RETURNS boolean LANGUAGE sql "
        "AS 'SELECT public.trap() AND $1 OPERATOR(pg_catalog.&&) $2';\n"
        "CREATE OPERATOR trap.&& (LEFTARG = integer[], RIGHTARG = integer[], FUNCTION = trap.overlaps);\n"
        "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = trap, pg_catalog, public', current_database()); END $$;")));
    const CheckVerdict verdict = m_fixture.gradeWithSessions(
        QStringLiteral("kind: multi-session\nobserve:\n"
                       "  - {session: A, state: idle in transaction, holds: RowExclusiveLock, on: accounts}\n"
                       "  - {session: B, waits_for: A}\n"),
        QStringLiteral("-- session A\nBEGIN;\nUPDATE accounts SET balance = 1 WHERE id = 1;\n"
                       "-- session B\nUPDATE accounts SET balance = 2 WHERE id = 1;\n"),
        false);
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, true, QString(), &why), qPrintable(why));
}

// The learner owns their database and may give it a search_path: the grader's own
// statements must not follow it into the learner's objects with more than the learner's rights.
void tst_GraderIntegrity::databaseSearchPathDoesNotReachTheGrader()
{
    QVERIFY(layTrapFunction());
    QVERIFY(learnerRuns(QStringLiteral(
        "CREATE SCHEMA trap;\n"
        "CREATE VIEW trap.pg_locks AS SELECT * FROM pg_catalog.pg_locks WHERE public.trap();\n"
        "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = trap, pg_catalog, public', current_database()); END $$;")));
    m_fixture.gradeAsIs(QStringLiteral(
        "kind: multi-session\n"
        "script:\n"
        "  - {session: A, sql: BEGIN}\n"
        "  - {session: A, sql: UPDATE accounts SET balance = 1 WHERE id = 1}\n"
        "  - {session: B, sql: UPDATE accounts SET balance = 2 WHERE id = 1, expect: blocks}\n"
        "  - {session: grader, sql: SELECT count(*) FROM pg_locks WHERE NOT granted, expect: {value: \"1\"}}\n"
        "  - {session: A, sql: COMMIT}\n"
        "  - {session: B, await: true}\n"));
    // The state checks read the catalog under the same database settings.
    QString why;
    const CheckVerdict verdict = m_fixture.gradeAsIs(QStringLiteral("kind: state\ntable: accounts"));
    QVERIFY2(GradingFixture::verdictIs(verdict, true, QString(), &why), qPrintable(why));
}

// A default is the learner's expression: the check evaluates it as the learner.
void tst_GraderIntegrity::trappedDefaultRunsAsTheLearner()
{
    QVERIFY(layTrapFunction());
    QVERIFY(learnerRuns(QStringLiteral("CREATE FUNCTION public.trap_text() RETURNS text LANGUAGE sql "
                                       "AS 'SELECT CASE WHEN public.trap() THEN ''x'' END';\n"
                                       "ALTER TABLE accounts ALTER owner SET DEFAULT public.trap_text();")));
    const CheckVerdict verdict =
        m_fixture.gradeAsIs(QStringLiteral("kind: state\ncolumn: accounts.owner\ndefault: \"'x'\""));
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, true, QString(), &why), qPrintable(why));
}

// An event trigger would run the learner's function in everyone's DDL, the grader's too:
// the learner cannot make one.
void tst_GraderIntegrity::learnerCannotMakeEventTriggers()
{
    QVERIFY(layTrapFunction());
    QString error;
    QVERIFY(learnerRuns(QStringLiteral("CREATE FUNCTION public.trap_ddl() RETURNS event_trigger LANGUAGE plpgsql "
                                       "AS $$ BEGIN PERFORM public.trap(); END $$;")));
    QVERIFY(!m_fixture.environment().runAsLearner(
        QStringLiteral("CREATE EVENT TRIGGER trap_ddl ON ddl_command_start EXECUTE FUNCTION public.trap_ddl();"), &error));
    QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
    QCOMPARE(queryScalar(m_fixture.server().connectionString(), QStringLiteral("SELECT count(*) FROM pg_event_trigger")),
             QStringLiteral("0"));
}

// courseware check --run replays solutions and decoys as one learner through a whole pack:
// a decoy's role default must not break a later step, a trap must not change the role, and
// the verifier itself says so when the role changed.
void tst_GraderIntegrity::verifyingALabLeavesTheLearnerAsTheyWere()
{
    Lab lab;
    lab.id = QStringLiteral("verified-integrity");
    lab.file = QStringLiteral("labs/verified-integrity.yaml");
    lab.setup = QStringLiteral("CREATE TABLE stock (id int PRIMARY KEY);");
    LabStep make;
    make.id = QStringLiteral("make");
    make.checks = {CoursePackLoader::checkFromYaml(QStringLiteral("kind: state\ntable: t"))};
    make.solution = QStringLiteral("CREATE TABLE t (qty int);");
    make.decoys = {{QStringLiteral("ALTER ROLE CURRENT_USER SET search_path = nowhere;"), QStringLiteral("a role default")}};
    LabStep constrain;
    constrain.id = QStringLiteral("constrain");
    constrain.checks = {CoursePackLoader::checkFromYaml(QStringLiteral("kind: state\nconstraint_on: t\ndefinition: CHECK (qty > 0)"))};
    constrain.solution = QStringLiteral("ALTER TABLE t ADD CHECK (qty > 0);");
    constrain.decoys = {{QStringLiteral("CREATE FUNCTION public.trap() RETURNS boolean LANGUAGE plpgsql AS $trap$ BEGIN "
                                        "IF current_setting('is_superuser') = 'on' THEN "
                                        "EXECUTE 'ALTER ROLE learner_courseware_check SUPERUSER'; END IF; RETURN true; END $trap$;\n"
                                        "CREATE DOMAIN trapped AS int CHECK (public.trap());\n"
                                        "ALTER TABLE t ADD c trapped CHECK (c > 0);"),
                         QStringLiteral("a domain trap on another column")}};
    lab.steps = {make, constrain};
    QVERIFY(verifiesCleanly(lab, 2, 2));
    QCOMPARE(queryScalar(m_fixture.server().connectionString(),
                         QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = 'learner_courseware_check'")),
             QStringLiteral("f"));
}

// The lab's data at a step is what the earlier steps' solutions left: the learner's query is
// compared with the reference there, and an answer that changed the data first fails. A table
// whose rows the solutions fill differently each run (now()) is compared by its count.
void tst_GraderIntegrity::resultsAreGradedOnTheLabsDataAtTheStep()
{
    Lab lab;
    lab.id = QStringLiteral("verified-states");
    lab.file = QStringLiteral("labs/verified-states.yaml");
    lab.setup = QStringLiteral("CREATE TABLE fruit (id int PRIMARY KEY, name text NOT NULL, price numeric(6,2) NOT NULL);\n"
                               "INSERT INTO fruit VALUES (1, 'apple', 1.20), (2, 'Banana', 0.50), (3, 'cherry', 3.00);\n"
                               "CREATE TABLE log (at timestamptz NOT NULL DEFAULT clock_timestamp(), what text, "
                               "detail json DEFAULT '{\"by\": \"solution\"}');"); // json has no hash: hashed as text
    LabStep raise;
    raise.id = QStringLiteral("raise");
    raise.checks = {CoursePackLoader::checkFromYaml(QStringLiteral("kind: state\nrows: fruit\nwhere: price = 2.40\ncount: 1"))};
    raise.solution = QStringLiteral("UPDATE fruit SET price = price * 2 WHERE name = 'apple';\nINSERT INTO log (what) VALUES ('raised');");
    LabStep dear;
    dear.id = QStringLiteral("dear");
    dear.checks = {CoursePackLoader::checkFromYaml(
        QStringLiteral("kind: result\nreference: SELECT name, (SELECT count(*) FROM log) AS n FROM fruit WHERE price > 1.5"))};
    dear.solution = QStringLiteral("SELECT name, (SELECT count(*) FROM log) AS n FROM fruit WHERE price > 1.5;");
    dear.decoys = {{QStringLiteral("DELETE FROM fruit WHERE price <= 1.5;\nSELECT name, (SELECT count(*) FROM log) AS n FROM fruit;"),
                    QStringLiteral("right only once the other rows are gone")},
                   {QStringLiteral("DELETE FROM fruit; INSERT INTO fruit VALUES (9, 'fig', 2.00);\nSELECT 'fig' AS name, 1::bigint AS n;"),
                    QStringLiteral("a hard-coded answer made true")}};
    lab.steps = {raise, dear};
    QVERIFY(verifiesCleanly(lab, 2, 2));

    // Without the first step's update, the apple is not dear: the learner's data is not the lab's.
    LabEnvironment::Options options;
    options.adminConninfo = m_fixture.server().connectionString();
    options.learnerKey = QStringLiteral("states");
    options.throwaway = true;
    LabEnvironment environment(lab, options);
    QString error;
    QVERIFY2(environment.prepare(false, &error), qPrintable(error));
    QCOMPARE(environment.stateFailedStep(), -1);
    const StepVerdict skipped = StepGrader::grade(dear, environment.context(dear.solution, QStringLiteral("en"), 1));
    QVERIFY(!skipped.passed);
    const QString said = skipped.feedback().join(u'\n');
    QVERIFY2(said.contains(QStringLiteral("public.fruit has as many rows as the lab's data at this step (3), but other values"))
                 && said.contains(QStringLiteral("public.log: your copy counts 0 rows; at this step the lab's data has 1")),
             qPrintable(said));
}

// courseware check --run proves the step and tells the author the reference's order is open.
void tst_GraderIntegrity::anUndeterminedOrderIsAWarning()
{
    Lab lab;
    lab.id = QStringLiteral("verified-ties");
    lab.file = QStringLiteral("labs/verified-ties.yaml");
    lab.setup = QStringLiteral("CREATE TABLE t (k int, v text);\nINSERT INTO t VALUES (1, 'a'), (1, 'b'), (2, 'c');");
    LabStep sorted;
    sorted.id = QStringLiteral("sorted");
    sorted.checks = {CoursePackLoader::checkFromYaml(QStringLiteral("kind: result\nordered: true\nreference: SELECT k, v FROM t ORDER BY k"))};
    sorted.solution = QStringLiteral("SELECT k, v FROM t ORDER BY k, v DESC;");
    sorted.decoys = {{QStringLiteral("SELECT k, v FROM t ORDER BY k DESC;"), QStringLiteral("the key backwards")}};
    lab.steps = {sorted};
    LabVerifier verifier(m_fixture.server().connectionString(), m_files.path());
    const LabVerifier::Report report = verifier.verify(lab);
    QVERIFY(report.problems.isEmpty());
    QCOMPARE(report.steps, 1);
    QCOMPARE(report.decoys, 1);
    QCOMPARE(report.warnings.size(), 1);
    QVERIFY2(report.warnings.first().message.contains(QStringLiteral("rows 1 and 2 of the reference tie")),
             qPrintable(report.warnings.first().message));
}

// An error check without its own sql grades the answer's failure: courseware check --run
// expects the reference solution to fail there, and the steps after it still run.
void tst_GraderIntegrity::anAnswerThatMustFailIsProven()
{
    Lab lab;
    lab.id = QStringLiteral("verified-refusal");
    lab.file = QStringLiteral("labs/verified-refusal.yaml");
    lab.setup = QStringLiteral("CREATE TABLE stock (id int PRIMARY KEY, qty int CHECK (qty >= 0));\nINSERT INTO stock VALUES (1, 5);");
    LabStep refused;
    refused.id = QStringLiteral("refused");
    refused.checks = {CoursePackLoader::checkFromYaml(QStringLiteral("kind: error\nsqlstate: \"23514\""))};
    refused.solution = QStringLiteral("UPDATE stock SET qty = qty - 6 WHERE id = 1;");
    refused.decoys = {{QStringLiteral("UPDATE stock SET qty = qty - 5 WHERE id = 1;"), QStringLiteral("a withdrawal the stock covers")},
                      {QStringLiteral("UPDATE stock SET id = NULL;"), QStringLiteral("refused, but not by the CHECK")}};
    LabStep left;
    left.id = QStringLiteral("left");
    left.checks = {CoursePackLoader::checkFromYaml(QStringLiteral("kind: result\nreference: SELECT qty FROM stock"))};
    left.solution = QStringLiteral("SELECT qty FROM stock;");
    left.decoys = {{QStringLiteral("SELECT qty - 6 AS qty FROM stock;"), QStringLiteral("as if the refused update had happened")}};
    lab.steps = {refused, left};
    QVERIFY(verifiesCleanly(lab, 2, 3));
}

// A setup that fails is the author's problem, reported at the line of the lab file it failed on.
void tst_GraderIntegrity::aFailingSetupNamesItsLine()
{
    Lab lab;
    lab.id = QStringLiteral("verified-setup");
    lab.file = QStringLiteral("labs/verified-setup.yaml");
    lab.setup = QStringLiteral("CREATE TABLE t (n int);\n\nINSERT INTO t VALUES (1);\nINSERT INTO t\n  VALUES ('one');\nSELECT 1;");
    lab.setupLine = 10; // the setup's first line in the file
    LabStep step;
    step.id = QStringLiteral("any");
    step.checks = {CoursePackLoader::checkFromYaml(QStringLiteral("kind: state\ntable: t"))};
    lab.steps = {step};
    LabVerifier verifier(m_fixture.server().connectionString(), m_files.path());
    const LabVerifier::Report report = verifier.verify(lab);
    QCOMPARE(report.problems.size(), 1);
    QCOMPARE(report.problems.first().line, 13);
    QVERIFY2(report.problems.first().message.contains(QStringLiteral("failed at its line 4")), qPrintable(report.problems.first().message));
}

bool tst_GraderIntegrity::verifiesCleanly(const Lab &lab, int steps, int decoys)
{
    LabVerifier verifier(m_fixture.server().connectionString(), m_files.path());
    const LabVerifier::Report report = verifier.verify(lab);
    QStringList problems;
    for (const PackProblem &p : report.problems)
        problems << p.toText();
    if (!problems.isEmpty() || report.steps != steps || report.decoys != decoys) {
        qWarning("%d steps, %d decoys proven: %s", report.steps, report.decoys, qPrintable(problems.join(u'\n')));
        return false;
    }
    return true;
}

QTEST_GUILESS_MAIN(tst_GraderIntegrity)
#include "tst_graderintegrity.moc"
