#include "statementrisk.h"

#include <QTest>

// Statements that drop, empty or change every row, told from ones that do not, by their
// top-level words.
class tst_StatementRisk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void risks_data();
    void risks();
    void descriptions();
};

void tst_StatementRisk::risks_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("kind");
    using K = StatementRisk::Kind;
    QTest::newRow("select") << "SELECT * FROM orders" << int(K::None);
    QTest::newRow("drop table") << "DROP TABLE orders" << int(K::Drop);
    QTest::newRow("drop lower case") << "drop schema shop cascade;" << int(K::Drop);
    QTest::newRow("alter drop column") << "ALTER TABLE orders DROP COLUMN note" << int(K::Drop);
    QTest::newRow("alter add column") << "ALTER TABLE orders ADD COLUMN note text" << int(K::None);
    QTest::newRow("truncate") << "TRUNCATE orders, customers" << int(K::Truncate);
    QTest::newRow("update without where") << "UPDATE orders SET amount = 0" << int(K::UpdateWithoutWhere);
    QTest::newRow("update with where") << "UPDATE orders SET amount = 0 WHERE id = 7" << int(K::None);
    QTest::newRow("where only in a subquery") << "UPDATE orders SET amount = (SELECT max(amount) FROM orders WHERE id < 3)"
                                              << int(K::UpdateWithoutWhere);
    QTest::newRow("delete without where") << "DELETE FROM orders" << int(K::DeleteWithoutWhere);
    QTest::newRow("delete with a subquery in where") << "DELETE FROM orders WHERE id IN (SELECT id FROM old)" << int(K::None);
    QTest::newRow("delete in a cte, select at the top") << "WITH gone AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM gone"
                                                        << int(K::None);
    QTest::newRow("delete at the top after a cte") << "WITH old AS (SELECT id FROM orders WHERE id < 3) DELETE FROM orders"
                                                   << int(K::DeleteWithoutWhere);
    QTest::newRow("where in a comment") << "DELETE FROM orders -- WHERE id = 1\n" << int(K::DeleteWithoutWhere);
    QTest::newRow("where in a string") << "UPDATE orders SET note = 'WHERE'" << int(K::UpdateWithoutWhere);
    QTest::newRow("drop in a string") << "SELECT 'DROP TABLE orders'" << int(K::None);
    QTest::newRow("drop in a function body") << "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ DROP TABLE t $$"
                                             << int(K::None);
    QTest::newRow("insert") << "INSERT INTO orders VALUES (1)" << int(K::None);
    QTest::newRow("select for update") << "SELECT * FROM orders FOR UPDATE" << int(K::None);
}

void tst_StatementRisk::risks()
{
    QFETCH(QString, sql);
    QFETCH(int, kind);
    QCOMPARE(int(StatementRisk::of(sql)), kind);
}

void tst_StatementRisk::descriptions()
{
    using K = StatementRisk::Kind;
    QCOMPARE(StatementRisk::describe(K::DeleteWithoutWhere, QStringLiteral("DELETE FROM ONLY shop.orders")),
             QStringLiteral("DELETE without WHERE: every row of shop.orders goes"));
    QCOMPARE(StatementRisk::describe(K::UpdateWithoutWhere, QStringLiteral("update \"Orders\" set x = 1")),
             QStringLiteral("UPDATE without WHERE: every row of \"Orders\" changes"));
    QCOMPARE(StatementRisk::describe(K::Drop, QStringLiteral("DROP TABLE\n  orders")), QStringLiteral("DROP TABLE orders"));
    QCOMPARE(StatementRisk::describe(K::None, QStringLiteral("SELECT 1")), QString());
}

QTEST_GUILESS_MAIN(tst_StatementRisk)
#include "tst_statementrisk.moc"
