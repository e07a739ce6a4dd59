#include "gradingfixture.h"

#include <QTest>

namespace {
const QString Setup = QStringLiteral(
    "CREATE TABLE events (id int PRIMARY KEY, kind text NOT NULL, at timestamptz NOT NULL);\n"
    "INSERT INTO events SELECT g, 'k' || (g % 50), '2026-01-01'::timestamptz + g * interval '1 minute' "
    "FROM generate_series(1, 20000) g;\n"
    "CREATE INDEX events_at_idx ON events (at);\n"
    "ANALYZE events;");
} // namespace

// kind: plan: EXPLAIN (FORMAT JSON) of the learner's query, as the learner.
class tst_PlanCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void grade_data();
    void grade();

private:
    GradingFixture m_fixture;
};

void tst_PlanCheck::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start({.setup = Setup}, &error), qPrintable(error));
}

void tst_PlanCheck::grade_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("passes");
    QTest::addColumn<QString>("feedback");

    const QString usesIndex = QStringLiteral("kind: plan\nincludes: [Index Scan|Index Only Scan|Bitmap Heap Scan]\n"
                                             "excludes: [Seq Scan]\nuses_index: events_at_idx\n");
    const QString range = QStringLiteral("SELECT * FROM events WHERE at >= '2026-01-02' AND at < '2026-01-02 01:00';");
    QTest::newRow("a range on the indexed column") << usesIndex << range << true << "";
    QTest::newRow("a function on the column hides the index")
        << usesIndex << "SELECT * FROM events WHERE date_trunc('hour', at) = '2026-01-02';" << false << "Seq Scan";
    QTest::newRow("another index is not the one asked for")
        << QStringLiteral("kind: plan\nuses_index: events_at_idx\n") << "SELECT * FROM events WHERE id = 5;" << false
        << "events_pkey";
    QTest::newRow("a bound on the cost holds") << QStringLiteral("kind: plan\nmax_cost: 100\n") << range << true << "";
    QTest::newRow("a bound on the cost fails")
        << QStringLiteral("kind: plan\nmax_cost: 100\n") << "SELECT count(*) FROM events WHERE kind = 'k3';" << false << "cost";
    QTest::newRow("a node that must be there")
        << QStringLiteral("kind: plan\nincludes: [Hash Join]\n")
        << "SELECT * FROM events a JOIN events b ON a.kind = b.kind AND a.id = b.id + 1;" << true << "";
    QTest::newRow("a plan written after \\; is not the plan")
        << QStringLiteral("kind: plan\nmax_cost: 1\n")
        << "SELECT * FROM events \\; SELECT '[{\"Plan\": {\"Node Type\": \"Result\", \"Total Cost\": 0.01}}]';" << false
        << "grades one query";
    QTest::newRow("a plan given by the check's own query cannot be two statements")
        << QStringLiteral("kind: plan\nmax_cost: 1\nquery: \"SELECT * FROM events; SELECT 1\"\n") << "" << false
        << "could not be explained";
    QTest::newRow("planner costs given to the database do not lower the cost")
        << QStringLiteral("kind: plan\nmax_cost: 100\n")
        << "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET seq_page_cost = 0', current_database());"
           " EXECUTE format('ALTER DATABASE %I SET cpu_tuple_cost = 0', current_database()); END $$;\n"
           "SELECT count(*) FROM events WHERE kind = 'k3';"
        << false << "cost";
    QTest::newRow("an emptied table does not meet the cost bound")
        << QStringLiteral("kind: plan\nmax_cost: 100\n") << "DELETE FROM events; VACUUM events; SELECT * FROM events WHERE kind = 'k1';"
        << false << "public.events: your copy counts 0 rows; at this step the lab's data has 20000";
    QTest::newRow("nothing to explain") << usesIndex << "" << false << "no query";
    QTest::newRow("a query that does not parse") << usesIndex << "SELEC 1;" << false << "could not be explained";
}

void tst_PlanCheck::grade()
{
    QFETCH(QString, check);
    QFETCH(QString, answer);
    QFETCH(bool, passes);
    QFETCH(QString, feedback);
    const CheckVerdict verdict = m_fixture.grade(check, answer);
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, passes, feedback, &why), qPrintable(why));
}

QTEST_GUILESS_MAIN(tst_PlanCheck)
#include "tst_plancheck.moc"
