#include "graderconnection.h"
#include "gradingfixture.h"

#include <QTest>

namespace {
const QString Setup = QStringLiteral(
    "CREATE TABLE fruit (id int PRIMARY KEY, name text NOT NULL, price numeric(6,2) NOT NULL);\n"
    "INSERT INTO fruit VALUES (1, 'apple', 1.20), (2, 'Banana', 0.50), (3, 'cherry', 3.00), (4, 'banana', 2.00);");
const QString Variant = QStringLiteral(
    "CREATE TABLE fruit (id int PRIMARY KEY, name text NOT NULL, price numeric(6,2) NOT NULL);\n"
    "INSERT INTO fruit VALUES (1, 'kiwi', 0.90), (2, 'mango', 4.10), (3, 'apple', 1.00);");
} // namespace

// kind: result, against a real server: the learner's query is graded, never the reference's.
class tst_ResultCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void grade_data();
    void grade();
    void referenceFailingOnChangedDataIsExplained();
    void aCommittedChangeIsSeenByTheNextCheck();
    void undeterminedOrdersWarnTheAuthor_data();
    void undeterminedOrdersWarnTheAuthor();

private:
    GradingFixture m_fixture;
};

void tst_ResultCheck::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start({.setup = Setup, .variantSetup = Variant}, &error), qPrintable(error));
}

void tst_ResultCheck::grade_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("passes");
    QTest::addColumn<QString>("feedback");

    const QString all = QStringLiteral("kind: result\nreference: SELECT name, price FROM fruit\n");
    const QString byPrice = QStringLiteral("kind: result\nordered: true\nreference: SELECT name FROM fruit ORDER BY price\n");
    QTest::newRow("unordered: any order passes") << all << "SELECT name, price FROM fruit ORDER BY price DESC;" << true << "";
    QTest::newRow("the learner's query is graded, not the reference")
        << all << "SELECT name, price FROM fruit WHERE id < 4;" << false << "missing from your result";
    QTest::newRow("extra rows") << all << "SELECT name, price FROM fruit UNION ALL SELECT 'fig', 1;" << false
                                << "should not be there";
    QTest::newRow("ordered: right order passes") << byPrice << "SELECT name FROM fruit ORDER BY price;" << true << "";
    QTest::newRow("ordered: wrong order") << byPrice << "SELECT name FROM fruit ORDER BY price DESC;" << false
                                          << "wrong order";
    QTest::newRow("ordered: no ORDER BY is not trusted to be ordered")
        << byPrice << "SELECT name FROM fruit ORDER BY id;" << false << "wrong order";
    QTest::newRow("C collation: case is not ignored")
        << all << "SELECT lower(name) AS name, price FROM fruit;" << false << "missing from your result";
    QTest::newRow("C collation: an ICU order is a different order")
        << QStringLiteral("kind: result\nordered: true\nreference: SELECT name FROM fruit ORDER BY name, id\n")
        << "SELECT name FROM fruit ORDER BY name COLLATE \"und-x-icu\", id;" << false << "wrong order";
    QTest::newRow("one column of two is not enough") << all << "SELECT name FROM fruit;" << false << "Wrong columns";
    QTest::newRow("a right first column and a wrong second")
        << all << "SELECT name, price * 2 AS price FROM fruit;" << false << "missing from your result";
    QTest::newRow("column names checked") << all << "SELECT name AS fruit, price FROM fruit;" << false << "";
    QTest::newRow("column names not checked")
        << all + QStringLiteral("check_names: false\n") << "SELECT name AS fruit, price AS cost FROM fruit;" << true << "";
    QTest::newRow("declared columns only")
        << all + QStringLiteral("columns: [name]\n") << "SELECT id, name, 0 AS price FROM fruit;" << true << "";
    QTest::newRow("tolerance accepts rounding")
        << QStringLiteral("kind: result\nreference: SELECT avg(price) AS avg FROM fruit\ntolerance: 0.01\n")
        << "SELECT round(avg(price), 2) AS avg FROM fruit;" << true << "";
    QTest::newRow("without tolerance rounding is wrong")
        << QStringLiteral("kind: result\nreference: SELECT avg(price) AS avg FROM fruit\n")
        << "SELECT round(avg(price), 2) AS avg FROM fruit;" << false << "";
    QTest::newRow("variant: a computed answer passes")
        << QStringLiteral("kind: result\nvariant: true\nreference: SELECT max(price) AS max FROM fruit\n")
        << "SELECT max(price) AS max FROM fruit;" << true << "";
    QTest::newRow("variant: VALUES of the visible answer fails")
        << QStringLiteral("kind: result\nvariant: true\nreference: SELECT max(price) AS max FROM fruit\n")
        << "SELECT * FROM (VALUES (3.00::numeric(6,2))) AS v(max);" << false << "second dataset";
    QTest::newRow("variant: ids of the visible rows fail")
        << QStringLiteral("kind: result\nvariant: true\nreference: SELECT name FROM fruit WHERE price > 1.5\n")
        << "SELECT name FROM fruit WHERE id IN (3, 4);" << false << "second dataset";
    QTest::newRow("a query of the learner's view")
        << QStringLiteral("kind: result\nquery: SELECT * FROM cheap\nreference: SELECT name FROM fruit WHERE price < 1.5\n")
        << "CREATE VIEW cheap AS SELECT name FROM fruit WHERE price < 1.5;" << true << "";
    QTest::newRow("the view is missing")
        << QStringLiteral("kind: result\nquery: SELECT * FROM cheap\nreference: SELECT name FROM fruit WHERE price < 1.5\n")
        << "" << false << "Your query failed";
    QTest::newRow("no query at all") << all << "" << false << "no query";
    // One statement means one statement: nothing the answer adds can end the check's
    // transaction, plant rows the reference reads, or stand in for the query.
    QTest::newRow("\\; cannot end the check's transaction")
        << all << "ROLLBACK \\; CREATE TEMP TABLE fruit (name text, price numeric(6,2)) \\; "
                  "INSERT INTO fruit VALUES ('fig', 9.99) \\; SELECT name, price FROM fruit;"
        << false << "grades one query";
    QTest::newRow("a COMMIT last is not the query")
        << all << "SELECT name, price FROM fruit; COMMIT;" << false << "ends the check's transaction (COMMIT)";
    QTest::newRow("COPY to the client is not a query") << all << "COPY fruit TO STDOUT;" << false << "COPY";
    QTest::newRow("COPY from the client is not a query") << all << "COPY fruit FROM STDIN;" << false << "COPY";
    QTest::newRow("a comment after the last query is nothing to run")
        << all << "SELECT name, price FROM fruit;\n/* done */\n-- really\n" << true << "";
    QTest::newRow("a search_path given to the database cannot redirect the reference")
        << all
        << "CREATE SCHEMA shadow; CREATE TABLE shadow.fruit AS SELECT 'fig'::text AS name, 9.99::numeric(6,2) AS price;\n"
           "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = shadow, public', current_database()); END $$;\n"
           "SELECT 'fig'::text AS name, 9.99::numeric(6,2) AS price;"
        << false << "missing from your result";
    QTest::newRow("a schema named after the learner cannot redirect the reference")
        << all
        << "CREATE SCHEMA AUTHORIZATION CURRENT_USER;\n"
           "CREATE TABLE fruit AS SELECT 'fig'::text AS name, 9.99::numeric(6,2) AS price;\n"
           "SELECT 'fig'::text AS name, 9.99::numeric(6,2) AS price;"
        << false << "missing from your result";
    QTest::newRow("types are named, not numbered")
        << all << "SELECT id AS name, price FROM fruit;" << false << "Wrong type for name: expected text, your result has integer";
    // The reference is computed on the lab's data: an answer that damages the data first
    // cannot make its hard-coded rows, or a query without its WHERE, right.
    const QString dear = QStringLiteral("kind: result\nreference: SELECT name FROM fruit WHERE price > 1.5\n");
    QTest::newRow("damage cannot change the reference")
        << dear << "DELETE FROM fruit; INSERT INTO fruit VALUES (9, 'fig', 2.00); SELECT 'fig' AS name;" << false
        << "no longer holds";
    QTest::newRow("a query right only on damaged data")
        << dear << "DELETE FROM fruit WHERE price <= 1.5; SELECT name FROM fruit;" << false
        << "public.fruit: your copy counts 2 rows; at this step the lab's data has 4";
    QTest::newRow("the same number of rows with other values")
        << dear << "UPDATE fruit SET price = 9 WHERE name = 'apple'; SELECT name FROM fruit WHERE price > 1.5 AND name <> 'apple';"
        << false << "other values";
    QTest::newRow("a lab table replaced by a view")
        << dear << "ALTER TABLE fruit RENAME TO old_fruit; CREATE VIEW fruit AS SELECT * FROM old_fruit WHERE price > 1.5;\n"
                   "SELECT name FROM fruit;"
        << false << "is not the lab's table any more";
    QTest::newRow("a column the learner adds changes nothing")
        << dear << "ALTER TABLE fruit ADD COLUMN note text DEFAULT 'mine'; SELECT name FROM fruit WHERE price > 1.5;" << true << "";
    // Banana and banana tie on lower(name): the reference leaves their order open.
    const QString byKey = QStringLiteral("kind: result\nordered: true\nreference: SELECT lower(name) AS key, name FROM fruit ORDER BY key\n");
    QTest::newRow("ties may come in one order") << byKey << "SELECT lower(name) AS key, name FROM fruit ORDER BY key, name;"
                                                << true << "";
    QTest::newRow("ties may come in the other order")
        << byKey << "SELECT lower(name) AS key, name FROM fruit ORDER BY key, name DESC;" << true << "";
    QTest::newRow("a key out of order is wrong")
        << byKey << "SELECT lower(name) AS key, name FROM fruit ORDER BY key DESC;" << false << "wrong order";
    QTest::newRow("an ORDER BY position names the key")
        << QStringLiteral("kind: result\nordered: true\nreference: SELECT lower(name), name FROM fruit ORDER BY 1\n")
        << "SELECT lower(name), name FROM fruit ORDER BY 1, 2 DESC;" << true << "";
    // What the author got wrong is said to be the lab's problem, never the learner's.
    QTest::newRow("a reference that fails on the lab's data is the lab's problem")
        << QStringLiteral("kind: result\nreference: SELECT nope FROM fruit\n") << "SELECT name FROM fruit;" << false
        << "This lab has a problem: its reference query fails on the lab's data: column \"nope\" does not exist";
    QTest::newRow("a compared column the reference lacks is the lab's problem")
        << QStringLiteral("kind: result\ncolumns: [name, nope]\nreference: SELECT name FROM fruit\n")
        << "SELECT name, 1 AS nope FROM fruit;" << false
        << "This lab has a problem: the check compares the column nope, which its reference query does not return";
    QTest::newRow("a query that changes data is refused")
        << all << "WITH gone AS (DELETE FROM fruit RETURNING name, price) SELECT * FROM gone;" << false << "read-only";
}

void tst_ResultCheck::grade()
{
    QFETCH(QString, check);
    QFETCH(QString, answer);
    QFETCH(bool, passes);
    QFETCH(QString, feedback);
    const CheckVerdict verdict = m_fixture.grade(check, answer);
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, passes, feedback, &why), qPrintable(why));
}

void tst_ResultCheck::referenceFailingOnChangedDataIsExplained()
{
    const CheckVerdict verdict = m_fixture.grade(QStringLiteral("kind: result\nreference: SELECT name FROM fruit\n"),
                                                 QStringLiteral("DROP TABLE fruit; CREATE TABLE fruit (x int); SELECT x FROM fruit;"));
    QVERIFY(!verdict.passed);
    QVERIFY2(verdict.feedback.join(u' ').contains(QStringLiteral("Reset the lab")), qPrintable(verdict.feedback.join(u' ')));
}

// Digests of the learner's tables are kept between checks only while nothing was written:
// a change committed after a check, even by a transaction open during it, is seen next time.
void tst_ResultCheck::aCommittedChangeIsSeenByTheNextCheck()
{
    const QString check = QStringLiteral("kind: result\nreference: SELECT name FROM fruit WHERE price > 1.5\n");
    const QString answer = QStringLiteral("SELECT name FROM fruit WHERE price > 1.5;");
    QVERIFY(m_fixture.grade(check, answer).passed);
    GraderConnection open;
    QString error;
    QVERIFY2(open.open(m_fixture.environment().learnerConninfo(), 0, &error), qPrintable(error));
    QVERIFY(open.exec(QStringLiteral("BEGIN")).ok);
    QVERIFY(open.exec(QStringLiteral("DELETE FROM fruit WHERE id = 1")).ok);
    QVERIFY(m_fixture.gradeAsIs(check, answer).passed); // not committed: the lab's data as it was
    QVERIFY(open.exec(QStringLiteral("COMMIT")).ok);
    const CheckVerdict after = m_fixture.gradeAsIs(check, answer);
    QVERIFY(!after.passed);
    QVERIFY2(after.feedback.join(u'\n').contains(QStringLiteral("your copy counts 3 rows")), qPrintable(after.feedback.join(u'\n')));
    QVERIFY(m_fixture.environment().runAsLearner(QStringLiteral("INSERT INTO fruit VALUES (1, 'apple', 1.20);"), &error));
    QVERIFY2(m_fixture.gradeAsIs(check, answer).passed, "the lab's rows are back");
}

// The author hears when a reference's order is not determined; the learner never does.
void tst_ResultCheck::undeterminedOrdersWarnTheAuthor_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("warning"); // empty: none
    QTest::newRow("ties on the key") << "SELECT lower(name) AS key, name FROM fruit ORDER BY key" << "rows 2 and 3 of the reference tie";
    QTest::newRow("a key that tells the ties apart") << "SELECT lower(name) AS key, name FROM fruit ORDER BY key, name" << "";
    QTest::newRow("a quoted and directed key") << "SELECT id AS \"Id\", name FROM fruit ORDER BY \"Id\" DESC NULLS LAST" << "";
    QTest::newRow("a qualified key with a collation") << "SELECT f.name, f.id FROM fruit f ORDER BY f.name COLLATE \"C\" ASC" << "";
    QTest::newRow("no ORDER BY") << "SELECT name FROM fruit" << "has no ORDER BY of its own";
    QTest::newRow("ORDER BY only inside") << "SELECT name FROM (SELECT name FROM fruit ORDER BY id) s" << "has no ORDER BY of its own";
    QTest::newRow("a window's ORDER BY is not the query's")
        << "SELECT name, row_number() OVER (ORDER BY id) AS n FROM fruit ORDER BY n LIMIT 3" << "";
    QTest::newRow("a key not in the result") << "SELECT name FROM fruit ORDER BY price" << "ORDER BY key price is not a column";
}

void tst_ResultCheck::undeterminedOrdersWarnTheAuthor()
{
    QFETCH(QString, reference);
    QFETCH(QString, warning);
    const CheckVerdict verdict = m_fixture.grade(QStringLiteral("kind: result\nordered: true\nreference: ") + reference + u'\n',
                                                 reference + u';');
    QVERIFY2(verdict.passed, qPrintable(verdict.feedback.join(u'\n')));
    QCOMPARE(verdict.feedback, QStringList());
    if (warning.isEmpty())
        QCOMPARE(verdict.authorWarnings, QStringList());
    else
        QVERIFY2(verdict.authorWarnings.join(u'\n').contains(warning), qPrintable(verdict.authorWarnings.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_ResultCheck)
#include "tst_resultcheck.moc"
