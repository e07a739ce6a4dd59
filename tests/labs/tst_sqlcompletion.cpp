#include "sqlcompletion.h"
#include "throwawayserver.h"

#include <QTest>

// Completion candidates from a real database's catalog: aliases, schemas, quoted names,
// settings, types, functions and keywords. "|" in a row marks the cursor.
class tst_SqlCompletion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void candidates_data();
    void candidates();
    void quoting_data();
    void quoting();

private:
    ThrowawayServer m_server;
    CatalogMetadata m_catalog;
};

void tst_SqlCompletion::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QString error;
    queryScalar(m_server.connectionString(),
                QStringLiteral("CREATE SCHEMA shop;"
                               "CREATE TABLE customers (id int PRIMARY KEY, name text, city text);"
                               "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, amount numeric);"
                               "CREATE TABLE \"Mixed Case\" (\"Key\" int, plain int);"
                               "CREATE TABLE shop.tickets (id int, seat text);"
                               "CREATE VIEW shop.big AS SELECT * FROM orders;"),
                &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    std::optional<CatalogMetadata> loaded = CatalogMetadata::load(m_server.connectionString(), &error);
    QVERIFY2(loaded, qPrintable(error));
    m_catalog = *loaded;
}

void tst_SqlCompletion::candidates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("alias in FROM") << "SELECT o.| FROM orders o" << QStringList{"id", "customer_id", "amount"}
                                   << QStringList{"name", "city", "SELECT"};
    QTest::newRow("alias with AS in a JOIN") << "SELECT c.na| FROM orders o JOIN customers AS c ON c.id = o.customer_id"
                                             << QStringList{"name"} << QStringList{"amount", "id"};
    QTest::newRow("alias used in ON") << "SELECT * FROM orders o JOIN customers c ON c.id = o.|"
                                      << QStringList{"customer_id"} << QStringList{"city"};
    QTest::newRow("table name as qualifier") << "SELECT customers.| FROM customers" << QStringList{"city"} << QStringList{"amount"};
    QTest::newRow("unknown alias") << "SELECT x.| FROM orders" << QStringList{} << QStringList{"id", "SELECT"};
    QTest::newRow("tables after FROM") << "SELECT * FROM ord|" << QStringList{"orders"} << QStringList{"customers", "amount"};
    QTest::newRow("schemas after FROM") << "SELECT * FROM sh|" << QStringList{"shop"} << QStringList{"pg_catalog"};
    QTest::newRow("a schema's tables") << "SELECT * FROM shop.|" << QStringList{"tickets", "big"} << QStringList{"orders"};
    QTest::newRow("quoted table") << "SELECT * FROM Mix|" << QStringList{"\"Mixed Case\""} << QStringList{};
    QTest::newRow("quoted alias target") << "SELECT m.| FROM \"Mixed Case\" m" << QStringList{"\"Key\"", "plain"} << QStringList{};
    QTest::newRow("quoted qualifier") << "SELECT \"Mixed Case\".| FROM \"Mixed Case\"" << QStringList{"\"Key\""} << QStringList{};
    QTest::newRow("columns in WHERE") << "SELECT * FROM orders WHERE cust|" << QStringList{"customer_id"} << QStringList{"city"};
    QTest::newRow("columns of both joined tables") << "SELECT | FROM orders JOIN customers ON true"
                                                   << QStringList{"amount", "city", "SELECT"} << QStringList{"seat"};
    QTest::newRow("UPDATE target") << "UPDATE ord|" << QStringList{"orders"} << QStringList{};
    QTest::newRow("settings after SET") << "SET work_m|" << QStringList{"work_mem"} << QStringList{"WHERE"};
    QTest::newRow("settings after SHOW") << "SHOW search|" << QStringList{"search_path"} << QStringList{};
    QTest::newRow("types after ::") << "SELECT amount::num| FROM orders" << QStringList{"numeric"} << QStringList{"amount"};
    QTest::newRow("functions") << "SELECT upp|" << QStringList{"upper"} << QStringList{};
    QTest::newRow("keywords") << "sel|" << QStringList{"SELECT"} << QStringList{};
    QTest::newRow("second statement of a script") << "SELECT 1 FROM customers;\nSELECT o.| FROM orders o"
                                                   << QStringList{"amount"} << QStringList{"city"};
    QTest::newRow("string literal does not name a table") << "SELECT | FROM orders WHERE note = 'from customers c'"
                                                          << QStringList{"amount"} << QStringList{"city"};
}

void tst_SqlCompletion::candidates()
{
    QFETCH(QString, text);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const int cursor = int(text.indexOf(u'|'));
    const QString sql = QString(text).remove(cursor, 1);
    const SqlCompletion::Result r = SqlCompletion::at(m_catalog, sql, cursor);
    QStringList texts;
    for (const SqlCompletion::Candidate &c : r.candidates)
        texts << c.text;
    for (const QString &p : present)
        QVERIFY2(texts.contains(p), qPrintable(p + QStringLiteral(" missing from ") + texts.mid(0, 30).join(u' ')));
    for (const QString &a : absent)
        QVERIFY2(!texts.contains(a), qPrintable(a + QStringLiteral(" should not be in ") + texts.mid(0, 30).join(u' ')));
    QCOMPARE(r.start + r.prefix.size(), cursor);
}

void tst_SqlCompletion::quoting_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("written");
    QTest::newRow("simple") << "orders" << "orders";
    QTest::newRow("upper case") << "Key" << "\"Key\"";
    QTest::newRow("space") << "Mixed Case" << "\"Mixed Case\"";
    QTest::newRow("reserved word") << "user" << "\"user\"";
    QTest::newRow("quote inside") << "say\"hi" << "\"say\"\"hi\"";
    QTest::newRow("digit first") << "1st" << "\"1st\"";
}

void tst_SqlCompletion::quoting()
{
    QFETCH(QString, name);
    QFETCH(QString, written);
    QCOMPARE(SqlCompletion::quoted(name), written);
}

QTEST_GUILESS_MAIN(tst_SqlCompletion)
#include "tst_sqlcompletion.moc"
