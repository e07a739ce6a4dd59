#include "gradingfixture.h"

#include <QTest>

namespace {
const QString Setup = QStringLiteral(
    "CREATE TABLE customers (id int PRIMARY KEY, name text);\n"
    "CREATE TABLE orders (id int, customer_id int, status text, amount int, price numeric, placed_at date);\n"
    "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Lin');\n"
    "INSERT INTO orders VALUES (1, 1, 'new', 10, 9.5, '2026-01-02'), (2, 2, 'paid', 20, 19.9, '2026-02-03');");
} // namespace

// kind: state: catalog facts compared by meaning, not by how they were written.
class tst_StateCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void grade_data();
    void grade();
    void anAnswersRoleSettingsDoNotReachTheNext();
    void listsAreOneItemPerLine();

private:
    GradingFixture m_fixture;
};

void tst_StateCheck::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start({.setup = Setup, .roles = {QStringLiteral("reporting")}}, &error), qPrintable(error));
}

void tst_StateCheck::grade_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("passes");

    const QString inList = QStringLiteral("kind: state\nconstraint_on: orders\ndefinition: CHECK (status IN ('new', 'paid'))\n");
    QTest::newRow("table exists") << "kind: state\ntable: orders" << "" << true;
    QTest::newRow("table missing") << "kind: state\ntable: invoices" << "" << false;
    QTest::newRow("column type") << "kind: state\ncolumn: orders.status\ntype: text" << "" << true;
    QTest::newRow("column type by another name")
        << "kind: state\ncolumn: orders.status\ntype: varchar(20)" << "ALTER TABLE orders ALTER status TYPE character varying(20);" << true;
    QTest::newRow("column type modifier differs")
        << "kind: state\ncolumn: orders.status\ntype: varchar(20)" << "ALTER TABLE orders ALTER status TYPE varchar(30);" << false;
    QTest::newRow("not null missing") << "kind: state\ncolumn: orders.status\nnot_null: true" << "" << false;
    QTest::newRow("not null set")
        << "kind: state\ncolumn: orders.status\nnot_null: true" << "ALTER TABLE orders ALTER status SET NOT NULL;" << true;
    QTest::newRow("default equivalent though written otherwise")
        << "kind: state\ncolumn: orders.status\ndefault: \"'new'\"" << "ALTER TABLE orders ALTER status SET DEFAULT 'ne' || 'w';" << true;
    QTest::newRow("default different")
        << "kind: state\ncolumn: orders.status\ndefault: \"'new'\"" << "ALTER TABLE orders ALTER status SET DEFAULT 'open';" << false;
    QTest::newRow("index on columns in order")
        << "kind: state\nindex_on: orders (customer_id, placed_at)\nmethod: btree"
        << "CREATE INDEX ON orders (customer_id, placed_at);" << true;
    QTest::newRow("index columns in the other order")
        << "kind: state\nindex_on: orders (customer_id, placed_at)" << "CREATE INDEX ON orders (placed_at, customer_id);" << false;
    QTest::newRow("index of another method")
        << "kind: state\nindex_on: orders (customer_id)\nmethod: btree" << "CREATE INDEX ON orders USING hash (customer_id);" << false;
    QTest::newRow("CHECK IN written in another order")
        << inList << "ALTER TABLE orders ADD CHECK (status IN ('paid', 'new'));" << true;
    QTest::newRow("CHECK IN written as ORs")
        << inList << "ALTER TABLE orders ADD CONSTRAINT ok_status CHECK (status = 'new' OR status = 'paid');" << true;
    QTest::newRow("CHECK allowing one value more")
        << inList << "ALTER TABLE orders ADD CHECK (status IN ('new', 'paid', 'lost'));" << false;
    QTest::newRow("CHECK that also forbids NULL differs")
        << inList << "ALTER TABLE orders ADD CHECK (status IS NOT NULL AND status IN ('new', 'paid'));" << false;
    QTest::newRow("CHECK on integers: > 0 is >= 1")
        << "kind: state\nconstraint_on: orders\ndefinition: CHECK (amount > 0)" << "ALTER TABLE orders ADD CHECK (amount >= 1);" << true;
    QTest::newRow("CHECK on numeric: > 0 is not >= 1")
        << "kind: state\nconstraint_on: orders\ndefinition: CHECK (price > 0)" << "ALTER TABLE orders ADD CHECK (price >= 1);" << false;
    // Sampling must tell these apart however few rows the table has: case variants,
    // constant arithmetic, and numbers far from the constants.
    QTest::newRow("CHECK ignoring case is not the CHECK asked for")
        << inList << "ALTER TABLE orders ADD CHECK (lower(status) IN ('new', 'paid'));" << false;
    QTest::newRow("CHECK with a bound far away is not the CHECK asked for")
        << "kind: state\nconstraint_on: orders\ndefinition: CHECK (amount > 0)"
        << "ALTER TABLE orders ADD CHECK (amount > 0 AND amount < 10*10);" << false;
    QTest::newRow("CHECK on the number of digits is not the CHECK asked for")
        << "kind: state\nconstraint_on: orders\ndefinition: CHECK (amount > 0)"
        << "ALTER TABLE orders ADD CHECK (amount > 0 AND length(amount::text) < 3);" << false;
    QTest::newRow("CHECK with the bound written as arithmetic is the same")
        << "kind: state\nconstraint_on: orders\ndefinition: CHECK (amount < 100)"
        << "ALTER TABLE orders ADD CHECK (amount < 10*10);" << true;
    QTest::newRow("no constraint at all") << inList << "" << false;
    QTest::newRow("UNIQUE on the same columns in another order")
        << "kind: state\nconstraint_on: orders\ndefinition: UNIQUE (customer_id, placed_at)"
        << "ALTER TABLE orders ADD UNIQUE (placed_at, customer_id);" << true;
    QTest::newRow("PRIMARY KEY") << "kind: state\nconstraint_on: orders\ndefinition: PRIMARY KEY (id)"
                                 << "ALTER TABLE orders ADD PRIMARY KEY (id);" << true;
    QTest::newRow("UNIQUE is not a PRIMARY KEY") << "kind: state\nconstraint_on: orders\ndefinition: PRIMARY KEY (id)"
                                                 << "ALTER TABLE orders ADD UNIQUE (id);" << false;
    QTest::newRow("FOREIGN KEY with its action")
        << "kind: state\nconstraint_on: orders\ndefinition: FOREIGN KEY (customer_id) REFERENCES customers ON DELETE CASCADE"
        << "ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;" << true;
    QTest::newRow("FOREIGN KEY without the action")
        << "kind: state\nconstraint_on: orders\ndefinition: FOREIGN KEY (customer_id) REFERENCES customers ON DELETE CASCADE"
        << "ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers;" << false;
    QTest::newRow("privilege held") << "kind: state\nprivilege: SELECT\non: orders\nrole: reporting"
                                    << "GRANT SELECT ON orders TO reporting;" << true;
    QTest::newRow("privilege not held yet") << "kind: state\nprivilege: SELECT\non: orders\nrole: reporting" << "" << false;
    QTest::newRow("privilege that must not be held")
        << "kind: state\nprivilege: INSERT\non: orders\nrole: reporting\nheld: false" << "GRANT ALL ON orders TO reporting;" << false;
    QTest::newRow("schema privilege") << "kind: state\nprivilege: USAGE\non: schema public\nrole: reporting" << "" << true;
    QTest::newRow("a partial unique index is not a unique index on the column")
        << "kind: state\nindex_on: orders (id)\nunique: true" << "CREATE UNIQUE INDEX ON orders (id) WHERE status = 'paid';"
        << false;
    QTest::newRow("a partial index is not an index on the column")
        << "kind: state\nindex_on: orders (customer_id)" << "CREATE INDEX ON orders (customer_id) WHERE false;" << false;
    // Names are looked up as the lab's search path would, never on the catalog reader's own path.
    QTest::newRow("table named with its schema") << "kind: state\ntable: public.orders" << "" << true;
    QTest::newRow("table in a schema off the lab's path")
        << "kind: state\ntable: archive" << "CREATE SCHEMA old; CREATE TABLE old.archive ();" << false;
    QTest::newRow("table in another schema, named with it")
        << "kind: state\ntable: old.archive" << "CREATE SCHEMA old; CREATE TABLE old.archive ();" << true;
    QTest::newRow("catalog table by its bare name") << "kind: state\ntable: pg_class" << "" << true;
    QTest::newRow("column typed with the lab's domain")
        << "kind: state\ncolumn: orders.note\ntype: short_text"
        << "CREATE DOMAIN short_text AS varchar(20); ALTER TABLE orders ADD note short_text;" << true;
    QTest::newRow("function privilege of the lab's function")
        << "kind: state\nprivilege: EXECUTE\non: function total(integer)\nrole: reporting\nheld: false"
        << "CREATE FUNCTION total(integer) RETURNS integer LANGUAGE sql AS 'SELECT $1';"
           "REVOKE EXECUTE ON FUNCTION total(integer) FROM PUBLIC;" << true;
    QTest::newRow("sequence privilege")
        << "kind: state\nprivilege: USAGE\non: sequence order_numbers\nrole: reporting"
        << "CREATE SEQUENCE order_numbers; GRANT USAGE ON SEQUENCE order_numbers TO reporting;" << true;
    // Checks read the lab's objects with the lab's search path, whatever the learner's
    // database or role says and whatever schemas the learner made.
    const QString shadow = QStringLiteral("CREATE SCHEMA AUTHORIZATION CURRENT_USER; CREATE TABLE orders (LIKE public.orders);");
    QTest::newRow("every reads the lab's table, not a copy in the learner's own schema")
        << "kind: state\nevery: orders\nwhere: amount > 15" << shadow << false;
    QTest::newRow("assert reads the lab's table, not a copy in the learner's own schema")
        << "kind: state\nassert: SELECT count(*) = 0 FROM orders" << shadow << false;
    QTest::newRow("rows reads the lab's table, whatever search_path the database is given")
        << "kind: state\nrows: orders\nwhere: status = 'paid'\ncount: 0"
        << "CREATE SCHEMA decoy; CREATE TABLE decoy.orders (LIKE public.orders);"
           "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = decoy, public', current_database()); END $$;"
        << false;
    QTest::newRow("a current_setting() of the learner's cannot answer the setting check")
        << "kind: state\nsetting: work_mem\nvalue: 64MB"
        << "CREATE FUNCTION public.current_setting(text) RETURNS text LANGUAGE sql AS $$SELECT '64MB'::text$$;"
           "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = public, pg_catalog', current_database()); END $$;"
        << false;
    QTest::newRow("privilege on a table that is not there")
        << "kind: state\nprivilege: SELECT\non: invoices\nrole: reporting" << "" << false;
    QTest::newRow("role attribute") << "kind: state\nrole_attribute: reporting\nlogin: true\nsuperuser: false" << "" << true;
    QTest::newRow("role attribute differs") << "kind: state\nrole_attribute: reporting\ncreatedb: true" << "" << false;
    QTest::newRow("setting for the database")
        << "kind: state\nsetting: work_mem\nvalue: 8MB" << "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET work_mem = ''8MB''', current_database()); END $$;" << true;
    QTest::newRow("setting only for the session") << "kind: state\nsetting: work_mem\nvalue: 8MB" << "SET work_mem = '8MB';" << false;
    QTest::newRow("extension installed") << "kind: state\nextension: plpgsql" << "" << true;
    QTest::newRow("extension missing") << "kind: state\nextension: pg_trgm" << "" << false;
    QTest::newRow("rows counted") << "kind: state\nrows: orders\nwhere: status = 'paid'\ncount: 2"
                                  << "UPDATE orders SET status = 'paid';" << true;
    QTest::newRow("rows counted wrong") << "kind: state\nrows: orders\nwhere: status = 'paid'\ncount: 2" << "" << false;
    QTest::newRow("every row") << "kind: state\nevery: orders\nwhere: amount > 5" << "" << true;
    QTest::newRow("not every row") << "kind: state\nevery: orders\nwhere: amount > 15" << "" << false;
    QTest::newRow("assertion true") << "kind: state\nassert: SELECT count(*) = 3 FROM customers"
                                    << "INSERT INTO customers VALUES (3, 'Mei');" << true;
    QTest::newRow("assertion false") << "kind: state\nassert: SELECT count(*) = 3 FROM customers" << "" << false;
}

void tst_StateCheck::grade()
{
    QFETCH(QString, check);
    QFETCH(QString, answer);
    QFETCH(bool, passes);
    const CheckVerdict verdict = m_fixture.grade(check, answer);
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, passes, {}, &why), qPrintable(why));
}

// A decoy that gives the learner's role a default must not spoil the attempts after it
// (the next step's solution, the next lab, the next exam answer).
void tst_StateCheck::anAnswersRoleSettingsDoNotReachTheNext()
{
    const QString made = QStringLiteral("kind: state\ntable: made_here");
    CheckVerdict verdict = m_fixture.grade(made, QStringLiteral("ALTER ROLE CURRENT_USER SET search_path = nowhere;"));
    QVERIFY(!verdict.passed);
    verdict = m_fixture.grade(made, QStringLiteral("CREATE TABLE made_here ();"));
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, true, QString(), &why), qPrintable(why));
    QCOMPARE(queryScalar(m_fixture.server().connectionString(),
                         QStringLiteral("SELECT count(*) FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole "
                                        "WHERE r.rolname LIKE 'learner_ada%'")),
             QStringLiteral("0"));
}

// What the table has instead is listed one item per line, not run together.
void tst_StateCheck::listsAreOneItemPerLine()
{
    const CheckVerdict verdict = m_fixture.grade(QStringLiteral("kind: state\nindex_on: orders (placed_at)"),
                                                 QStringLiteral("CREATE INDEX orders_status ON orders (status);"
                                                                "CREATE INDEX orders_amount ON orders (amount);"));
    QVERIFY(!verdict.passed);
    QCOMPARE(verdict.feedback.size(), 3);
    QVERIFY2(verdict.feedback.at(0).endsWith(QStringLiteral("Indexes of orders:")), qPrintable(verdict.feedback.at(0)));
    QCOMPARE(verdict.feedback.at(1).trimmed(), QStringLiteral("orders_amount (amount, btree)"));
    QCOMPARE(verdict.feedback.at(2).trimmed(), QStringLiteral("orders_status (status, btree)"));
}

QTEST_GUILESS_MAIN(tst_StateCheck)
#include "tst_statecheck.moc"
