#include "splitcases.h"
#include "throwawayserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString SqlDir = QStringLiteral(PGCAMPUS_TEST_DATA "/app/sql");
} // namespace

// "pgcampus sql" from outside, next to psql on the same server and the same files.
class tst_SqlCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void echoSendsWhatPsqlSends_data();
    void echoSendsWhatPsqlSends();
    void tablesLookLikePsql_data();
    void tablesLookLikePsql();
    void expandedLooksLikePsql();
    void csvLikePsql();
    void jsonCarriesEveryStatement();
    void errorsGoToStderrWithEveryField();
    void stopOnErrorStops();
    void commandOption();
    void usageErrors_data();
    void usageErrors();
    void practiceServerByDefault();
    void metaCommandsLookLikePsql_data();
    void metaCommandsLookLikePsql();
    void echoHiddenShowsQueriesThatRun();

private:
    // The objects the meta-command rows describe, in a database of their own.
    void makeMetaFixture();
    ProgramOutput pgcampus(const QStringList &arguments, const QStringList &env = {}) const;
    ProgramOutput psql(const QStringList &arguments, const QStringList &env = {}) const;
    QString writeScript(const QString &script);

    ThrowawayServer m_server;
    QTemporaryDir m_dir;
    int m_scripts = 0;
};

void tst_SqlCommand::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

ProgramOutput tst_SqlCommand::pgcampus(const QStringList &arguments, const QStringList &env) const
{
    return runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                      QStringList{QStringLiteral("sql"), QStringLiteral("--conn"), m_server.connectionString()} +
                          arguments,
                      env);
}

ProgramOutput tst_SqlCommand::psql(const QStringList &arguments, const QStringList &env) const
{
    return runProgram(m_server.psql(),
                      QStringList{QStringLiteral("-X"), QStringLiteral("-d"), m_server.connectionString()} + arguments,
                      QStringList{QStringLiteral("PGCLIENTENCODING=UTF8")} + env);
}

QString tst_SqlCommand::writeScript(const QString &script)
{
    QFile file(m_dir.filePath(QStringLiteral("script%1.sql").arg(++m_scripts)));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(script.toUtf8());
    return file.fileName();
}

void tst_SqlCommand::echoSendsWhatPsqlSends_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("standardStrings");
    const QList<SplitCase> cases = readSplitCases();
    QVERIFY(cases.size() >= 60);
    for (const SplitCase &c : cases)
        QTest::newRow(qPrintable(c.name)) << c.script << c.standardStrings;
}

// The acceptance: --echo prints exactly the statements psql sends for the same file.
void tst_SqlCommand::echoSendsWhatPsqlSends()
{
    QFETCH(QString, script);
    QFETCH(bool, standardStrings);
    const QString file = writeScript(script);
    const QStringList env = standardStrings ? QStringList()
                                            : QStringList{QStringLiteral("PGOPTIONS=-c standard_conforming_strings=off")};
    const ProgramOutput ours = pgcampus({QStringLiteral("--echo"), QStringLiteral("--format"), QStringLiteral("none"),
                                         QStringLiteral("-f"), file},
                                        env);
    const ProgramOutput theirs =
        psql({QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
              QStringLiteral("-f"), file},
             env);
    QVERIFY2(ours.exitCode >= 0, ours.err.constData());
    QCOMPARE(QString::fromUtf8(ours.out), QString::fromUtf8(theirs.out));
}

void tst_SqlCommand::tablesLookLikePsql_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &name : QDir(SqlDir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(name)) << QDir(SqlDir).filePath(name);
}

// Results, command tags and the echo, byte for byte as psql -e prints them.
void tst_SqlCommand::tablesLookLikePsql()
{
    QFETCH(QString, file);
    const QString script = [&] {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }();
    // \gx is psql's expanded output, which pgcampus sql leaves to the workbench: compare without it.
    const QString copy = writeScript(QString(script).replace(QStringLiteral("\\gx"), QStringLiteral(";")));
    const ProgramOutput ours = pgcampus({QStringLiteral("--echo"), QStringLiteral("-f"), copy});
    const ProgramOutput theirs = psql({QStringLiteral("-e"), QStringLiteral("-f"), copy});
    QCOMPARE(QString::fromUtf8(ours.out), QString::fromUtf8(theirs.out));
    QCOMPARE(ours.exitCode, theirs.err.contains("ERROR") ? 1 : 0);
}

// \x on prints records as psql's expanded display does, byte for byte; \x off goes back.
void tst_SqlCommand::expandedLooksLikePsql()
{
    const QString script = writeScript(QStringLiteral(
        "\\x\n"
        "SELECT 1 AS a, 'hello'::text AS \"long column name\", NULL AS n, E'two\\nlines' AS m, '中文' AS \"名字\";\n"
        "SELECT g AS n, repeat('x', g * 12) AS wide FROM generate_series(1, 2) g;\n"
        "SELECT 1 AS a WHERE false;\n"
        "SELECT 1 AS \"a very long column name indeed\", 2 AS b;\n"
        "\\x off\n"
        "SELECT 1 AS back;\n"));
    const ProgramOutput ours = pgcampus({QStringLiteral("-f"), script});
    const ProgramOutput theirs = psql({QStringLiteral("-f"), script});
    QVERIFY(QString::fromUtf8(theirs.out).contains(u"-[ RECORD 2 ]"));
    QCOMPARE(QString::fromUtf8(ours.out), QString::fromUtf8(theirs.out));
}

void tst_SqlCommand::csvLikePsql()
{
    const QString sql = QStringLiteral("SELECT 1 AS n, 'a,b' AS \"x,y\", NULL AS nothing, '' AS empty, "
                                       "'say \"hi\"' AS quoted, E'two\\nlines' AS lines, '\\.' AS dot");
    const ProgramOutput ours = pgcampus({QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("-c"), sql});
    const ProgramOutput theirs = psql({QStringLiteral("--csv"), QStringLiteral("-c"), sql});
    QCOMPARE(QString::fromUtf8(ours.out), QString::fromUtf8(theirs.out));
}

void tst_SqlCommand::jsonCarriesEveryStatement()
{
    const ProgramOutput out = pgcampus({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-c"),
                                        QStringLiteral("CREATE TEMP TABLE j (n int, s text);\n"
                                                       "INSERT INTO j VALUES (1, NULL), (2, '数');\n"
                                                       "SELECT * FROM j ORDER BY n;")});
    QCOMPARE(out.exitCode, 0);
    QJsonParseError error;
    const QJsonArray statements = QJsonDocument::fromJson(out.out, &error).array();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(statements.size(), 3);
    QCOMPARE(statements.at(1).toObject().value(QStringLiteral("command")).toString(), QStringLiteral("INSERT 0 2"));
    QCOMPARE(statements.at(2).toObject().value(QStringLiteral("line")).toInt(), 3);
    const QJsonObject result = statements.at(2).toObject().value(QStringLiteral("results")).toArray().first().toObject();
    QCOMPARE(result.value(QStringLiteral("columns")).toArray().at(0).toObject().value(QStringLiteral("type")).toString(),
             QStringLiteral("integer"));
    const QJsonArray rows = result.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 2);
    QVERIFY(rows.at(0).toArray().at(1).isNull());
    QCOMPARE(rows.at(1).toArray().at(1).toString(), QStringLiteral("数"));
}

void tst_SqlCommand::errorsGoToStderrWithEveryField()
{
    const QString file = writeScript(QStringLiteral(
        "CREATE TEMP TABLE p (id int CONSTRAINT p_pk PRIMARY KEY);\n"
        "INSERT INTO p VALUES (1);\n"
        "INSERT INTO p\n"
        "  VALUES (1);\n"
        "SELECT 'still runs';\n"
        "SELECT id FROM p WHERE nope = 1;\n"));
    const ProgramOutput out = pgcampus({QStringLiteral("-f"), file});
    QCOMPARE(out.exitCode, 1);
    const QString err = QString::fromUtf8(out.err);
    QVERIFY2(err.contains(file + QStringLiteral(":3: ERROR:  23505: duplicate key value")), qPrintable(err));
    QVERIFY(err.contains(QStringLiteral("DETAIL:  Key (id)=(1) already exists.")));
    QVERIFY(err.contains(QStringLiteral("CONSTRAINT NAME:  p_pk")));
    QVERIFY(err.contains(QStringLiteral("TABLE NAME:  p")));
    QVERIFY(err.contains(QStringLiteral("LOCATION:  ")));
    QVERIFY2(err.contains(QStringLiteral(":6: ERROR:  42703: column \"nope\" does not exist\n"
                                         "LINE 1: SELECT id FROM p WHERE nope = 1;\n"
                                         "                               ^\n")),
             qPrintable(err));
    QVERIFY(QString::fromUtf8(out.out).contains(QStringLiteral("still runs")));
}

void tst_SqlCommand::stopOnErrorStops()
{
    const QString sql = QStringLiteral("SELECT 1/0; SELECT 'reached' AS r;");
    ProgramOutput out = pgcampus({QStringLiteral("--stop-on-error"), QStringLiteral("-c"), sql});
    QCOMPARE(out.exitCode, 1);
    QVERIFY(!out.out.contains("reached"));
    out = pgcampus({QStringLiteral("-c"), sql});
    QCOMPARE(out.exitCode, 1);
    QVERIFY(out.out.contains("reached"));
}

void tst_SqlCommand::commandOption()
{
    const ProgramOutput out = pgcampus({QStringLiteral("-c"), QStringLiteral("SELECT 40 + 2 AS answer")});
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(QString::fromUtf8(out.out), QStringLiteral(" answer \n--------\n     42\n(1 row)\n\n"));
    QVERIFY(out.err.isEmpty());
}

void tst_SqlCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no statements") << QStringList{} << "-c SQL and -f FILE";
    QTest::newRow("both") << QStringList{QStringLiteral("-c"), QStringLiteral("SELECT 1"), QStringLiteral("-f"),
                                         QStringLiteral("x.sql")}
                          << "-c SQL and -f FILE";
    QTest::newRow("format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("-c"),
                                           QStringLiteral("SELECT 1")}
                            << "table, csv, json or none";
    QTest::newRow("missing file") << QStringList{QStringLiteral("-f"), QStringLiteral("/nonexistent/x.sql")}
                                  << "cannot read /nonexistent/x.sql";
    QTest::newRow("bad conninfo") << QStringList{QStringLiteral("--conn"), QStringLiteral("port=notanumber x"),
                                                 QStringLiteral("-c"), QStringLiteral("SELECT 1")}
                                  << "could not connect";
}

void tst_SqlCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const ProgramOutput out =
        runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE), QStringList{QStringLiteral("sql")} + arguments +
                                                            (arguments.contains(QStringLiteral("--conn"))
                                                                 ? QStringList()
                                                                 : QStringList{QStringLiteral("--conn"),
                                                                               m_server.connectionString()}));
    QCOMPARE(out.exitCode, 2);
    QVERIFY2(QString::fromUtf8(out.err).contains(message), out.err.constData());
}

// With no connection named, the practice server of the data directory runs the SQL.
void tst_SqlCommand::practiceServerByDefault()
{
    QTemporaryDir data;
    const ProgramOutput out =
        runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                   {QStringLiteral("sql"), QStringLiteral("--data-dir"), data.path(), QStringLiteral("--format"),
                    QStringLiteral("csv"), QStringLiteral("-c"), QStringLiteral("SHOW server_encoding")});
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(QString::fromUtf8(out.out), QStringLiteral("server_encoding\nUTF8\n"));
    QVERIFY(QFileInfo::exists(data.filePath(QStringLiteral("practice-server/cluster/PG_VERSION"))));
    QVERIFY(!QFileInfo::exists(data.filePath(QStringLiteral("practice-server/cluster/postmaster.pid"))));
}

void tst_SqlCommand::makeMetaFixture()
{
    static bool made = false;
    if (made)
        return;
    made = true;
    const QString setup = QStringLiteral(
        "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, CONSTRAINT name_u UNIQUE (name));\n"
        "CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customers ON DELETE CASCADE,\n"
        "  amount numeric(10,2) DEFAULT 0 CHECK (amount >= 0), status text COLLATE \"C\",\n"
        "  created_at timestamptz NOT NULL DEFAULT now(), code int GENERATED ALWAYS AS IDENTITY,\n"
        "  doubled numeric GENERATED ALWAYS AS (amount * 2) STORED);\n"
        "COMMENT ON TABLE orders IS 'every order';\n"
        "COMMENT ON COLUMN orders.status IS 'new, paid or shipped';\n"
        "CREATE INDEX orders_status_idx ON orders (status) WHERE status IS NOT NULL;\n"
        "CREATE UNIQUE INDEX orders_code_idx ON orders (code) INCLUDE (status);\n"
        "CREATE VIEW big AS SELECT id, amount FROM orders WHERE amount > 100;\n"
        "CREATE MATERIALIZED VIEW totals AS SELECT customer_id, sum(amount) AS total FROM orders GROUP BY 1;\n"
        "CREATE SCHEMA shop;\n"
        "CREATE SEQUENCE shop.tickets START 100 INCREMENT 5;\n"
        "CREATE TABLE \"Mixed Case\" (\"Key\" int);\n"
        "CREATE TABLE readings (k int, v int) PARTITION BY RANGE (k);\n"
        "CREATE TABLE readings_low PARTITION OF readings FOR VALUES FROM (0) TO (10);\n"
        "CREATE TABLE readings_high PARTITION OF readings FOR VALUES FROM (10) TO (20);\n"
        "CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
        "CREATE TRIGGER orders_stamp BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION stamp();\n"
        "CREATE ROLE clerk NOLOGIN CONNECTION LIMIT 3;\n"
        "GRANT SELECT, INSERT ON orders TO clerk;\n"
        "GRANT UPDATE (status) ON orders TO clerk;\n"
        "ALTER TABLE orders ENABLE ROW LEVEL SECURITY;\n"
        "CREATE POLICY own ON orders FOR SELECT TO clerk USING (customer_id = 1);\n"
        "CREATE POLICY restricted ON orders AS RESTRICTIVE FOR INSERT WITH CHECK (amount < 1000);\n"
        "CREATE TABLE audit (id int);\n"
        "ALTER TABLE audit ENABLE ROW LEVEL SECURITY;\n"
        "ALTER TABLE audit FORCE ROW LEVEL SECURITY;\n"
        "CREATE TABLE notes (id int);\n"
        "CREATE POLICY mine ON notes USING (id = 1) WITH CHECK (true);\n"
        "CREATE UNLOGGED TABLE unlogged_log (id int PRIMARY KEY);\n"
        "CREATE EXTENSION pg_trgm;\n");
    const ProgramOutput created = psql({QStringLiteral("-c"), QStringLiteral("CREATE DATABASE meta")});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const ProgramOutput filled = runProgram(m_server.psql(),
                                            {QStringLiteral("-X"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                             QStringLiteral("-d"), m_server.connectionString(QStringLiteral("meta")),
                                             QStringLiteral("-c"), setup});
    QVERIFY2(filled.exitCode == 0, filled.err.constData());
}

void tst_SqlCommand::metaCommandsLookLikePsql_data()
{
    QTest::addColumn<QString>("command");
    for (const char *c : {"\\d", "\\dt", "\\dt+", "\\dtS pg_class", "\\di", "\\di+", "\\dv", "\\dv+", "\\dm", "\\ds", "\\ds+",
                          "\\dn", "\\dn+", "\\dx", "\\df", "\\dp", "\\z orders", "\\du", "\\dg clerk", "\\l", "\\l meta",
                          "\\d orders", "\\d+ orders", "\\d customers", "\\d big", "\\d+ big", "\\d totals", "\\d+ totals",
                          "\\d orders_pkey", "\\d orders_status_idx", "\\d orders_code_idx", "\\d shop.tickets",
                          "\\d orders_code_seq", "\\d readings", "\\d+ readings", "\\d readings_low", "\\d \"Mixed Case\"",
                          "\\d Mixed*", "\\dt shop.*", "\\dt *.orders", "\\d ord*", "\\dt nothing", "\\d nothing",
                          "\\dt \"Orders\"", "\\d big ", "\\d audit", "\\d notes", "\\d unlogged_log", "\\d unlogged_log_pkey", "\\x", "\\x off", "\\timing on", "\\conninfo"})
        QTest::newRow(c) << QString::fromUtf8(c);
}

// The same meta-command through psql 17 and pgcampus sql on the same objects: the same
// tables, titles and footers, compared line by line without their spaces.
void tst_SqlCommand::metaCommandsLookLikePsql()
{
    makeMetaFixture();
    QFETCH(QString, command);
    const QString meta = m_server.connectionString(QStringLiteral("meta"));
    const ProgramOutput ours = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                                          {QStringLiteral("sql"), QStringLiteral("--conn"), meta, QStringLiteral("-c"), command});
    const ProgramOutput theirs = runProgram(m_server.psql(), {QStringLiteral("-X"), QStringLiteral("-d"), meta, QStringLiteral("-c"), command},
                                            {QStringLiteral("PGCLIENTENCODING=UTF8")});
    const auto shape = [](const QByteArray &text) {
        QStringList lines = QString::fromUtf8(text).split(u'\n');
        for (QString &line : lines)
            line.remove(QRegularExpression(QStringLiteral("\\s")));
        return lines;
    };
    QCOMPARE(shape(ours.out), shape(theirs.out));
    QCOMPARE(shape(ours.err), shape(theirs.err));
    QVERIFY2(!ours.out.isEmpty() || !ours.err.isEmpty(), "nothing was printed");
}

// -E shows each catalog query before the output, as psql -E does, and the query shown is
// the one that ran: psql gets the same rows from it.
void tst_SqlCommand::echoHiddenShowsQueriesThatRun()
{
    makeMetaFixture();
    const QString meta = m_server.connectionString(QStringLiteral("meta"));
    const ProgramOutput ours = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE), {QStringLiteral("sql"), QStringLiteral("--conn"), meta,
                                                                                QStringLiteral("-E"), QStringLiteral("-c"),
                                                                                QStringLiteral("\\dt")});
    const QString out = QString::fromUtf8(ours.out);
    const QString open = QStringLiteral("/******** QUERY *********/\n"), close = QStringLiteral("\n/************************/\n\n");
    QVERIFY2(out.startsWith(open), qPrintable(out));
    const QString query = out.mid(open.size(), out.indexOf(close) - open.size());
    QVERIFY2(query.contains(QStringLiteral("pg_catalog.pg_class")), qPrintable(query));
    const QString listed = out.mid(out.indexOf(close) + close.size());
    QVERIFY2(listed.contains(QStringLiteral("List of relations")) && listed.contains(QStringLiteral("customers")), qPrintable(listed));
    const ProgramOutput rerun = runProgram(m_server.psql(), {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"),
                                                             QStringLiteral("-d"), meta, QStringLiteral("-c"), query});
    QVERIFY2(rerun.exitCode == 0, rerun.err.constData());
    for (const QString &table : {QStringLiteral("customers"), QStringLiteral("orders"), QStringLiteral("Mixed Case"),
                                 QStringLiteral("readings")})
        QVERIFY2(QString::fromUtf8(rerun.out).contains(QStringLiteral("public|%1|").arg(table)), qPrintable(table));
}

QTEST_GUILESS_MAIN(tst_SqlCommand)
#include "tst_sqlcommand.moc"
