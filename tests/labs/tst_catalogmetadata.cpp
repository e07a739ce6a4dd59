#include "catalogmetadata.h"
#include "throwawayserver.h"

#include <QTest>

// The catalog of a real database as completion and the browser see it.
class tst_CatalogMetadata : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadsWhatTheDatabaseHolds();
    void searchPathFindsUnqualifiedNames();
    void aNewTableShowsAfterLoadingAgain();
    void unreachableServerIsAnError();

private:
    ThrowawayServer m_server;
    QString m_db;
};

void tst_CatalogMetadata::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QString error;
    queryScalar(m_server.connectionString(), QStringLiteral("CREATE DATABASE shopdb"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_db = m_server.connectionString(QStringLiteral("shopdb"));
    queryScalar(m_db,
                QStringLiteral("CREATE SCHEMA shop;"
                               "CREATE TYPE shop.mood AS ENUM ('ok', 'sad');"
                               "CREATE TABLE shop.orders (id int PRIMARY KEY, note varchar(20), feeling shop.mood);"
                               "CREATE TABLE \"Mixed Case\" (\"Key\" int, dropped int);"
                               "ALTER TABLE \"Mixed Case\" DROP COLUMN dropped;"
                               "CREATE TABLE orders (id bigint);"
                               "CREATE VIEW shop.big AS SELECT id FROM shop.orders;"
                               "CREATE FUNCTION shop.total(customer int, since date DEFAULT now()) RETURNS numeric "
                               "LANGUAGE sql AS 'SELECT 1::numeric';"),
                &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_CatalogMetadata::loadsWhatTheDatabaseHolds()
{
    QString error;
    const std::optional<CatalogMetadata> m = CatalogMetadata::load(m_db, &error);
    QVERIFY2(m, qPrintable(error));
    QVERIFY(m->schemas.contains(QStringLiteral("shop")) && m->schemas.contains(QStringLiteral("public")));
    const CatalogMetadata::Relation *orders = m->relation(QStringLiteral("shop"), QStringLiteral("orders"));
    QVERIFY(orders);
    QCOMPARE(orders->kind, QChar(u'r'));
    QCOMPARE(orders->columns.size(), 3);
    QCOMPARE(orders->columns.at(1).name, QStringLiteral("note"));
    QCOMPARE(orders->columns.at(1).type, QStringLiteral("character varying(20)"));
    QCOMPARE(orders->columns.at(2).type, QStringLiteral("shop.mood"));
    const CatalogMetadata::Relation *mixed = m->relation(QStringLiteral("public"), QStringLiteral("Mixed Case"));
    QVERIFY(mixed);
    QCOMPARE(mixed->columns.size(), 1); // the dropped column is gone
    QCOMPARE(mixed->columns.first().name, QStringLiteral("Key"));
    QCOMPARE(m->relation(QStringLiteral("shop"), QStringLiteral("big"))->kind, QChar(u'v'));
    const auto total = std::find_if(m->functions.cbegin(), m->functions.cend(),
                                    [](const CatalogMetadata::Function &f) { return f.name == u"total"; });
    QVERIFY(total != m->functions.cend());
    QCOMPARE(total->schema, QStringLiteral("shop"));
    QCOMPARE(total->arguments, QStringLiteral("customer integer, since date"));
    QCOMPARE(total->result, QStringLiteral("numeric"));
    QVERIFY(m->types.contains(QStringLiteral("shop.mood")) && m->types.contains(QStringLiteral("integer")));
    QVERIFY(!m->types.contains(QStringLiteral("_int4")));
    QVERIFY(m->settings.contains(QStringLiteral("work_mem")) && m->settings.contains(QStringLiteral("search_path")));
    QVERIFY(m->relation(QStringLiteral("pg_catalog"), QStringLiteral("pg_class"))); // the system's too
    QVERIFY(m->columnCount() > 100);
}

void tst_CatalogMetadata::searchPathFindsUnqualifiedNames()
{
    QString error;
    const std::optional<CatalogMetadata> m = CatalogMetadata::load(m_db, &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->searchPath, (QStringList{QStringLiteral("pg_catalog"), QStringLiteral("public")}));
    QCOMPARE(m->relation(QString(), QStringLiteral("orders"))->schema, QStringLiteral("public"));
    QCOMPARE(m->relation(QString(), QStringLiteral("pg_class"))->schema, QStringLiteral("pg_catalog"));
    QVERIFY(!m->relation(QString(), QStringLiteral("big"))); // shop is not on the path
    const std::optional<CatalogMetadata> shopFirst =
        CatalogMetadata::load(m_db + QStringLiteral(" options='-c search_path=shop,public'"), &error);
    QVERIFY2(shopFirst, qPrintable(error));
    QCOMPARE(shopFirst->relation(QString(), QStringLiteral("orders"))->schema, QStringLiteral("shop"));
}

void tst_CatalogMetadata::aNewTableShowsAfterLoadingAgain()
{
    QString error;
    QVERIFY(!CatalogMetadata::load(m_db, &error)->relation(QString(), QStringLiteral("invoices")));
    queryScalar(m_db, QStringLiteral("CREATE TABLE invoices (n int)"), &error);
    QVERIFY(CatalogMetadata::load(m_db, &error)->relation(QString(), QStringLiteral("invoices")));
}

void tst_CatalogMetadata::unreachableServerIsAnError()
{
    QString error;
    QVERIFY(!CatalogMetadata::load(QStringLiteral("host=/nonexistent port=1 connect_timeout=2"), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CatalogMetadata)
#include "tst_catalogmetadata.moc"
