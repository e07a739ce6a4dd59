#include "explainplan.h"
#include "throwawayserver.h"

#include <QRegularExpression>
#include <QTest>

#include <functional>

namespace {
QStringList labels(const PlanNode &n)
{
    QStringList all{n.label};
    for (const PlanNode &child : n.children)
        all += labels(child);
    return all;
}

double sumExclusive(const PlanNode &n)
{
    double total = n.exclusiveMs;
    for (const PlanNode &child : n.children)
        total += sumExclusive(child);
    return total;
}

bool timesHold(const PlanNode &n)
{
    if (n.exclusiveMs < 0 || n.exclusiveMs > n.inclusiveMs + 1e-9)
        return false;
    for (const PlanNode &child : n.children) {
        if (!timesHold(child))
            return false;
    }
    return true;
}
} // namespace

// Plans of real queries on a real server, read back: node names as PostgreSQL's text
// format writes them, times that add up, misestimates found, the slowest node.
class tst_ExplainPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void realPlans_data();
    void realPlans();
    void misestimateIsFound();
    void parallelPlanWithSettings();
    void estimatesOnlyWithoutAnalyze();
    void textLooksLikePostgres();
    void badJsonIsRefused_data();
    void badJsonIsRefused();
    void changesData_data();
    void changesData();

private:
    ExplainPlan explain(const QString &sql, bool analyze = true);
    QString m_db;
    ThrowawayServer m_server;
};

void tst_ExplainPlan::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_db = m_server.connectionString();
    QString error;
    queryScalar(m_db,
                QStringLiteral(
                    "CREATE TABLE customers (id int PRIMARY KEY, city text);"
                    "INSERT INTO customers SELECT g, 'city ' || (g % 50) FROM generate_series(1, 2000) g;"
                    "CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers, amount numeric, a int, b int);"
                    "INSERT INTO orders SELECT g, 1 + g % 2000, g % 97, g % 100, g % 100 FROM generate_series(1, 60000) g;"
                    "CREATE INDEX ON orders (customer_id);"
                    "CREATE TABLE readings (k int, v int) PARTITION BY RANGE (k);"
                    "CREATE TABLE readings_1 PARTITION OF readings FOR VALUES FROM (0) TO (100);"
                    "CREATE TABLE readings_2 PARTITION OF readings FOR VALUES FROM (100) TO (200);"
                    "INSERT INTO readings SELECT g % 200, g FROM generate_series(1, 10000) g;"
                    "ANALYZE;"),
                &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

ExplainPlan tst_ExplainPlan::explain(const QString &sql, bool analyze)
{
    QString error;
    const QString json = queryScalar(m_db, ExplainPlan::explainStatement(sql, analyze), &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    std::optional<ExplainPlan> plan = ExplainPlan::parse(json.toUtf8(), &error);
    if (!plan)
        qWarning("%s", qPrintable(error));
    return plan.value_or(ExplainPlan());
}

void tst_ExplainPlan::realPlans_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("expected"); // labels that must appear (by their start)
    QTest::newRow("hash join") << "SELECT c.city, sum(o.amount) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.city"
                               << QStringList{"HashAggregate", "Hash Join", "Seq Scan on orders o", "Hash", "Seq Scan on customers c"};
    QTest::newRow("left join, index scan") << "SELECT * FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE c.id = 7"
                                          << QStringList{"Nested Loop Left Join", "Index Scan using customers_pkey on customers c"};
    QTest::newRow("cte") << "WITH big AS MATERIALIZED (SELECT * FROM orders WHERE amount > 90) SELECT count(*) FROM big"
                         << QStringList{"Aggregate", "CTE Scan on big", "Seq Scan on orders"};
    QTest::newRow("subplan") << "SELECT id, (SELECT max(amount) FROM orders o WHERE o.customer_id = c.id) FROM customers c WHERE id < 20"
                             << QStringList{"using customers_pkey on customers c", "Aggregate", "Bitmap Index Scan on orders_customer_id_idx"};
    QTest::newRow("partition pruning") << "SELECT count(*) FROM readings WHERE k < 50"
                                       << QStringList{"Aggregate", "Seq Scan on readings_1 readings"};
    QTest::newRow("anti join") << "SELECT * FROM customers c WHERE NOT EXISTS (SELECT FROM orders o WHERE o.customer_id = c.id)"
                               << QStringList{"Anti Join"};
}

void tst_ExplainPlan::realPlans()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, expected);
    const ExplainPlan plan = explain(sql);
    QVERIFY(plan.isAnalyzed());
    QVERIFY(plan.executionMs() >= 0 && plan.planningMs() >= 0);
    const QStringList all = labels(plan.root());
    for (const QString &label : expected)
        QVERIFY2(std::any_of(all.cbegin(), all.cend(), [&](const QString &l) { return l.contains(label); }),
                 qPrintable(label + QStringLiteral(" not in ") + all.join(QStringLiteral(" | "))));
    QVERIFY(timesHold(plan.root()));
    // Own times add up to the root's total (each clipped at zero, so never less).
    QVERIFY(sumExclusive(plan.root()) >= plan.root().inclusiveMs - 1e-6);
    QCOMPARE(plan.nodeCount(), int(all.size()));
    const PlanNode *slowest = plan.node(plan.slowest());
    QVERIFY(slowest);
    for (const QList<int> &path : plan.paths())
        QVERIFY(plan.node(path)->exclusiveMs <= slowest->exclusiveMs);
}

// a and b always hold the same value: the planner multiplies their selectivities and
// expects 1 % of 1 % of the rows.
void tst_ExplainPlan::misestimateIsFound()
{
    const ExplainPlan plan = explain(QStringLiteral("SELECT * FROM orders WHERE a = 1 AND b = 1"));
    const PlanNode *scan = plan.node({});
    while (scan && !scan->children.isEmpty())
        scan = &scan->children.first();
    QVERIFY(scan);
    QVERIFY2(scan->isMisestimated(), qPrintable(QStringLiteral("%1 vs %2").arg(scan->planRows).arg(scan->actualRows)));
    QVERIFY(scan->misestimate() >= 50);
    QVERIFY(scan->details.contains(QStringLiteral("Filter: ((a = 1) AND (b = 1))")));
    // An accurate one is not flagged.
    const ExplainPlan exact = explain(QStringLiteral("SELECT * FROM customers"));
    QVERIFY(!exact.root().isMisestimated());
    QCOMPARE(exact.root().misestimate(), 1.0);
}

void tst_ExplainPlan::parallelPlanWithSettings()
{
    QString error;
    const QString json = queryScalar(m_db,
                                     QStringLiteral("SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; "
                                                    "SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; ")
                                         + ExplainPlan::explainStatement(QStringLiteral("SELECT count(*) FROM orders"), true),
                                     &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const std::optional<ExplainPlan> plan = ExplainPlan::parse(json.toUtf8(), &error);
    QVERIFY2(plan, qPrintable(error));
    const QStringList all = labels(plan->root());
    QVERIFY2(all.contains(QStringLiteral("Gather")) && all.contains(QStringLiteral("Partial Aggregate"))
                 && all.contains(QStringLiteral("Parallel Seq Scan on orders")),
             qPrintable(all.join(QStringLiteral(" | "))));
    QVERIFY(plan->settings().contains(QStringLiteral("parallel_setup_cost = '0'")));
    QVERIFY(plan->text().contains(QStringLiteral("Settings: ")));
    QVERIFY(timesHold(plan->root()));
}

void tst_ExplainPlan::estimatesOnlyWithoutAnalyze()
{
    const ExplainPlan plan = explain(QStringLiteral("DELETE FROM orders"), false);
    QVERIFY(!plan.isAnalyzed());
    QCOMPARE(plan.root().label, QStringLiteral("Delete on orders"));
    QCOMPARE(plan.root().misestimate(), 0.0);
    QCOMPARE(plan.executionMs(), -1.0);
    QCOMPARE(queryScalar(m_db, QStringLiteral("SELECT count(*) FROM orders")), QStringLiteral("60000"));
}

void tst_ExplainPlan::textLooksLikePostgres()
{
    const ExplainPlan plan = explain(QStringLiteral("SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id < 3"));
    const QString text = plan.text();
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("^Nested Loop  \\(cost=\\d+\\.\\d\\d\\.\\.\\d+\\.\\d\\d rows=\\d+ width=\\d+\\) "
                                                             "\\(actual time=\\d+\\.\\d{3}\\.\\.\\d+\\.\\d{3} rows=\\d+ loops=1\\)\\n"))),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\n  ->  Index Scan using customers_pkey on customers c  (cost=")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\n        Index Cond: (id < 3)\n")), qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(QStringLiteral("\nExecution Time: \\d+\\.\\d{3} ms\n$"))), qPrintable(text));
}

void tst_ExplainPlan::badJsonIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("Seq Scan on t");
    QTest::newRow("no plan") << QByteArray("[{\"Planning Time\": 1}]");
    QTest::newRow("cut short") << QByteArray("[{\"Plan\": {\"Node Type\": \"Seq Scan\"");
}

void tst_ExplainPlan::badJsonIsRefused()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!ExplainPlan::parse(json, &error));
    QVERIFY(!error.isEmpty());
}

void tst_ExplainPlan::changesData_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("changes");
    QTest::newRow("select") << "SELECT * FROM orders" << false;
    QTest::newRow("for update locks only") << "SELECT * FROM orders FOR UPDATE" << false;
    QTest::newRow("for no key update") << "SELECT * FROM orders FOR NO KEY UPDATE" << false;
    QTest::newRow("update") << "update orders set amount = 0" << true;
    QTest::newRow("delete in a cte") << "WITH gone AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM gone" << true;
    QTest::newRow("merge") << "MERGE INTO orders USING customers ON false WHEN NOT MATCHED THEN DO NOTHING" << true;
    QTest::newRow("select into") << "SELECT * INTO copy FROM orders" << true;
    QTest::newRow("word in a string") << "SELECT 'DELETE everything' AS note" << false;
    QTest::newRow("word in a comment") << "SELECT 1 -- then INSERT\n" << false;
    QTest::newRow("quoted name") << "SELECT \"update\" FROM t" << false;
}

void tst_ExplainPlan::changesData()
{
    QFETCH(QString, sql);
    QFETCH(bool, changes);
    QCOMPARE(ExplainPlan::changesData(sql), changes);
}

QTEST_GUILESS_MAIN(tst_ExplainPlan)
#include "tst_explainplan.moc"
