#include "catalogbrowser.h"
#include "graderconnection.h"
#include "throwawayserver.h"

#include <QTest>

// The schema browser's catalog reads on a real server: what each listing finds, and DDL
// that makes the object again (run it after a DROP and the DDL read back is the same).
class tst_CatalogBrowser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listsWhatADatabaseHolds();
    void tablesHaveSizesAndRowEstimates();
    void tableChildren();
    void openInEditorQuotesNames();
    void databasesOneMayNotOpen();
    void aDroppedConnectionIsOpenedAgain();
    void ddlMakesTheObjectAgain_data();
    void ddlMakesTheObjectAgain();

private:
    // Walks "Schemas:public/Tables:t/Columns:b" from the row's database.
    std::optional<CatalogObject> find(CatalogBrowser &browser, const QString &path);
    SqlOutcome runIn(const QString &database, const QString &script);

    ThrowawayServer m_server;
    QString m_shop;
    QString m_row; // the database of the current round-trip row
    int m_rows = 0;
};

namespace {
const QHash<QString, CatalogListing> Listings = {
    {QStringLiteral("Databases"), CatalogListing::Databases},   {QStringLiteral("Roles"), CatalogListing::Roles},
    {QStringLiteral("Schemas"), CatalogListing::Schemas},       {QStringLiteral("Extensions"), CatalogListing::Extensions},
    {QStringLiteral("Tables"), CatalogListing::Tables},         {QStringLiteral("Views"), CatalogListing::Views},
    {QStringLiteral("MaterializedViews"), CatalogListing::MaterializedViews},
    {QStringLiteral("Indexes"), CatalogListing::Indexes},       {QStringLiteral("Sequences"), CatalogListing::Sequences},
    {QStringLiteral("Functions"), CatalogListing::Functions},   {QStringLiteral("Types"), CatalogListing::Types},
    {QStringLiteral("Columns"), CatalogListing::Columns},       {QStringLiteral("TableIndexes"), CatalogListing::TableIndexes},
    {QStringLiteral("Constraints"), CatalogListing::Constraints}, {QStringLiteral("Triggers"), CatalogListing::Triggers},
    {QStringLiteral("Partitions"), CatalogListing::Partitions},
};

const CatalogObject *named(const QList<CatalogObject> &objects, const QString &name)
{
    for (const CatalogObject &o : objects) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}
} // namespace

void tst_CatalogBrowser::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QString error;
    queryScalar(m_server.connectionString(), QStringLiteral("CREATE DATABASE shopdb"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    queryScalar(m_server.connectionString(), QStringLiteral("CREATE ROLE reader"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_shop = m_server.connectionString(QStringLiteral("shopdb"));
    const SqlOutcome made = runIn(QStringLiteral("shopdb"), QStringLiteral(
        "CREATE SCHEMA shop;\n"
        "CREATE TYPE shop.mood AS ENUM ('ok', 'sad');\n"
        "CREATE TABLE shop.orders (id int PRIMARY KEY, note text, feeling shop.mood);\n"
        "INSERT INTO shop.orders SELECT g, 'note ' || g, 'ok' FROM generate_series(1, 1000) g;\n"
        "ANALYZE shop.orders;\n"
        "CREATE TABLE shop.never_analyzed (a int);\n"
        "CREATE INDEX orders_note ON shop.orders (note);\n"
        "CREATE VIEW shop.recent AS SELECT id FROM shop.orders WHERE id > 900;\n"
        "CREATE MATERIALIZED VIEW shop.totals AS SELECT count(*) AS n FROM shop.orders;\n"
        "CREATE SEQUENCE shop.tickets;\n"
        "CREATE FUNCTION shop.total(customer int, since date DEFAULT now()) RETURNS numeric\n"
        "  LANGUAGE sql AS 'SELECT 1::numeric';\n"
        "CREATE TABLE shop.visits (day date, n int) PARTITION BY RANGE (day);\n"
        "CREATE TABLE shop.visits_2024 PARTITION OF shop.visits FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n"
        "CREATE TABLE shop.visits_2025 PARTITION OF shop.visits FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\n"
        "INSERT INTO shop.visits SELECT '2024-03-01'::date + (g % 500), g FROM generate_series(1, 2000) g;\n"
        "ANALYZE shop.visits;\n"
        "CREATE TABLE \"Mixed Case\" (\"Key\" int);\n"
        "INSERT INTO \"Mixed Case\" VALUES (7);\n"
        "CREATE EXTENSION pg_trgm;\n"));
    QVERIFY2(made.ok, qPrintable(made.message));
}

void tst_CatalogBrowser::init()
{
    m_row = QStringLiteral("rt_%1").arg(++m_rows);
    QString error;
    queryScalar(m_server.connectionString(), QStringLiteral("CREATE DATABASE %1").arg(m_row), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_CatalogBrowser::cleanup()
{
    QString error;
    queryScalar(m_server.connectionString(), QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(m_row), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

SqlOutcome tst_CatalogBrowser::runIn(const QString &database, const QString &script)
{
    GraderConnection c;
    QString error;
    if (!c.open(m_server.connectionString(database), 0, &error))
        return {false, {}, error, {}};
    return c.execScript(script);
}

std::optional<CatalogObject> tst_CatalogBrowser::find(CatalogBrowser &browser, const QString &path)
{
    CatalogObject at{.kind = CatalogObject::Kind::Database, .name = m_row};
    for (const QString &step : path.split(u'/')) {
        const QString listing = step.section(u':', 0, 0), name = step.section(u':', 1);
        QString error;
        const std::optional<QList<CatalogObject>> objects = browser.list(Listings.value(listing), at, &error);
        if (!objects) {
            qWarning("%s: %s", qPrintable(step), qPrintable(error));
            return std::nullopt;
        }
        const CatalogObject *found = named(*objects, name);
        if (!found) {
            qWarning("%s: not listed", qPrintable(step));
            return std::nullopt;
        }
        at = *found;
    }
    return at;
}

void tst_CatalogBrowser::listsWhatADatabaseHolds()
{
    CatalogBrowser browser(m_shop);
    QString error;
    const auto databases = browser.list(CatalogListing::Databases, {}, &error);
    QVERIFY2(databases, qPrintable(error));
    const CatalogObject *shopdb = named(*databases, QStringLiteral("shopdb"));
    QVERIFY(shopdb);
    QVERIFY(shopdb->bytes > 0);
    QVERIFY(shopdb->browsable && !shopdb->system);
    const CatalogObject *template0 = named(*databases, QStringLiteral("template0"));
    QVERIFY(template0 && template0->system && !template0->browsable);
    QVERIFY(browser.lastQueries().first().contains(u"pg_database"));

    const auto roles = browser.list(CatalogListing::Roles, {}, &error);
    QVERIFY2(roles, qPrintable(error));
    QVERIFY(named(*roles, QStringLiteral("reader")) && !named(*roles, QStringLiteral("reader"))->system);
    QVERIFY(named(*roles, QStringLiteral("pg_monitor"))->system);

    const auto schemas = browser.list(CatalogListing::Schemas, *shopdb, &error);
    QVERIFY2(schemas, qPrintable(error));
    const CatalogObject *shop = named(*schemas, QStringLiteral("shop"));
    QVERIFY(shop && !shop->system);
    QVERIFY(named(*schemas, QStringLiteral("pg_catalog"))->system);
    QVERIFY(!named(*schemas, QStringLiteral("pg_toast")));
    QCOMPARE(schemas->last().system, true); // user schemas first

    const auto counts = browser.counts(*shop, &error);
    QVERIFY2(counts, qPrintable(error));
    QCOMPARE(counts->value(CatalogListing::Tables), 3); // orders, never_analyzed, visits: not the partitions
    QCOMPARE(counts->value(CatalogListing::Views), 1);
    QCOMPARE(counts->value(CatalogListing::MaterializedViews), 1);
    QCOMPARE(counts->value(CatalogListing::Indexes), 2);
    QCOMPARE(counts->value(CatalogListing::Sequences), 1);
    QCOMPARE(counts->value(CatalogListing::Functions), 1);
    QCOMPARE(counts->value(CatalogListing::Types), 1); // the enum, not the tables' row types or arrays

    const auto functions = browser.list(CatalogListing::Functions, *shop, &error);
    QVERIFY2(functions, qPrintable(error));
    QCOMPARE(functions->size(), 1);
    QCOMPARE(functions->first().arguments, QStringLiteral("customer integer, since date"));
    QCOMPARE(functions->first().detail, QStringLiteral("numeric"));
    QCOMPARE(functions->first().sqlName, QStringLiteral("shop.total(customer integer, since date)"));
    const auto types = browser.list(CatalogListing::Types, *shop, &error);
    QCOMPARE(types->first().detail, QStringLiteral("'ok', 'sad'"));
    QCOMPARE(types->first().code, QChar(u'e'));
    const auto indexes = browser.list(CatalogListing::Indexes, *shop, &error);
    QCOMPARE(named(*indexes, QStringLiteral("orders_pkey"))->detail, QStringLiteral("orders, btree, PRIMARY KEY"));
    const auto sequences = browser.list(CatalogListing::Sequences, *shop, &error);
    QCOMPARE(sequences->first().detail, QStringLiteral("bigint"));
    const auto extensions = browser.list(CatalogListing::Extensions, *shopdb, &error);
    QVERIFY(named(*extensions, QStringLiteral("pg_trgm")));
    QVERIFY(named(*extensions, QStringLiteral("plpgsql")));
}

void tst_CatalogBrowser::tablesHaveSizesAndRowEstimates()
{
    CatalogBrowser browser(m_shop);
    QString error;
    const CatalogObject shopdb{.kind = CatalogObject::Kind::Database, .name = QStringLiteral("shopdb")};
    const auto schemas = browser.list(CatalogListing::Schemas, shopdb, &error);
    const auto tables = browser.list(CatalogListing::Tables, *named(*schemas, QStringLiteral("shop")), &error);
    QVERIFY2(tables, qPrintable(error));
    const CatalogObject *orders = named(*tables, QStringLiteral("orders"));
    QCOMPARE(orders->rows, 1000.0);
    QVERIFY(orders->bytes > 8192); // heap, index and more
    QCOMPARE(named(*tables, QStringLiteral("never_analyzed"))->rows, -1.0);
    const CatalogObject *visits = named(*tables, QStringLiteral("visits"));
    QCOMPARE(visits->kind, CatalogObject::Kind::PartitionedTable);
    QCOMPARE(visits->detail, QStringLiteral("RANGE (day)"));
    QCOMPARE(visits->rows, 2000.0); // its partitions' rows
    const auto partitions = browser.list(CatalogListing::Partitions, *visits, &error);
    QVERIFY2(partitions, qPrintable(error));
    QCOMPARE(partitions->size(), 2);
    QCOMPARE(partitions->first().detail, QStringLiteral("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"));
    QCOMPARE(visits->bytes, partitions->at(0).bytes + partitions->at(1).bytes);
}

void tst_CatalogBrowser::tableChildren()
{
    CatalogBrowser browser(m_shop);
    QString error;
    const CatalogObject shopdb{.kind = CatalogObject::Kind::Database, .name = QStringLiteral("shopdb")};
    const auto schemas = browser.list(CatalogListing::Schemas, shopdb, &error);
    const auto tables = browser.list(CatalogListing::Tables, *named(*schemas, QStringLiteral("shop")), &error);
    const CatalogObject orders = *named(*tables, QStringLiteral("orders"));
    QCOMPARE(CatalogBrowser::listingsUnder(orders.kind).first(), CatalogListing::Columns);
    const auto columns = browser.list(CatalogListing::Columns, orders, &error);
    QVERIFY2(columns, qPrintable(error));
    QCOMPARE(columns->size(), 3);
    QCOMPARE(columns->at(0).detail, QStringLiteral("integer NOT NULL"));
    QCOMPARE(columns->at(0).code, QChar(u'p'));
    QCOMPARE(columns->at(2).detail, QStringLiteral("shop.mood"));
    QCOMPARE(columns->at(2).table, orders.oid);
    const auto indexes = browser.list(CatalogListing::TableIndexes, orders, &error);
    QCOMPARE(indexes->size(), 2);
    QCOMPARE(indexes->first().name, QStringLiteral("orders_pkey")); // the primary key first
    const auto constraints = browser.list(CatalogListing::Constraints, orders, &error);
    QCOMPARE(constraints->size(), 1);
    QCOMPARE(constraints->first().detail, QStringLiteral("PRIMARY KEY (id)"));
    const std::optional<QString> column = browser.ddl(columns->at(1), &error);
    QVERIFY2(column, qPrintable(error));
    QCOMPARE(*column, QStringLiteral("ALTER TABLE shop.orders ADD COLUMN note text;\n"));
}

void tst_CatalogBrowser::openInEditorQuotesNames()
{
    CatalogBrowser browser(m_shop);
    QString error;
    const CatalogObject shopdb{.kind = CatalogObject::Kind::Database, .name = QStringLiteral("shopdb")};
    const auto schemas = browser.list(CatalogListing::Schemas, shopdb, &error);
    const auto tables = browser.list(CatalogListing::Tables, *named(*schemas, QStringLiteral("public")), &error);
    const CatalogObject *mixed = named(*tables, QStringLiteral("Mixed Case"));
    QVERIFY(mixed);
    const QString select = CatalogBrowser::selectStatement(*mixed);
    QCOMPARE(select, QStringLiteral("SELECT * FROM public.\"Mixed Case\" LIMIT 100;\n"));
    QCOMPARE(queryScalar(m_shop, select, &error), QStringLiteral("7"));
}

void tst_CatalogBrowser::databasesOneMayNotOpen()
{
    QString error;
    queryScalar(m_server.connectionString(), QStringLiteral("REVOKE CONNECT ON DATABASE %1 FROM PUBLIC").arg(m_row), &error);
    queryScalar(m_server.connectionString(), QStringLiteral("CREATE ROLE visitor LOGIN"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    {
        CatalogBrowser browser(m_server.connectionString() + QStringLiteral(" user=visitor"));
        const auto databases = browser.list(CatalogListing::Databases, {}, &error);
        QVERIFY2(databases, qPrintable(error));
        const CatalogObject *closed = named(*databases, m_row);
        QVERIFY(closed);
        QVERIFY(!closed->browsable);
        QCOMPARE(closed->bytes, qint64(-1)); // the size is not the visitor's to read
        QVERIFY(!browser.list(CatalogListing::Schemas, *closed, &error));
        QVERIFY2(error.contains(u"permission denied"), qPrintable(error));
    }
    queryScalar(m_server.connectionString(), QStringLiteral("DROP ROLE visitor"), &error);
}

void tst_CatalogBrowser::aDroppedConnectionIsOpenedAgain()
{
    CatalogBrowser browser(m_shop);
    QString error;
    const CatalogObject shopdb{.kind = CatalogObject::Kind::Database, .name = QStringLiteral("shopdb")};
    QVERIFY2(browser.list(CatalogListing::Schemas, shopdb, &error), qPrintable(error));
    queryScalar(m_server.connectionString(),
                QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'shopdb'"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTRY_COMPARE(queryScalar(m_server.connectionString(),
                             QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = 'shopdb'")),
                 QStringLiteral("0"));
    const auto again = browser.list(CatalogListing::Schemas, shopdb, &error);
    QVERIFY2(again, qPrintable(error));
    QVERIFY(named(*again, QStringLiteral("shop")));
}

void tst_CatalogBrowser::ddlMakesTheObjectAgain_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("drop");
    QTest::addColumn<QStringList>("expected"); // lines the DDL has

    QTest::newRow("table") << QStringLiteral(
        "CREATE TABLE t (id serial PRIMARY KEY, name text COLLATE \"C\" NOT NULL DEFAULT 'x', qty int CHECK (qty > 0),\n"
        "  total numeric GENERATED ALWAYS AS (qty * 2) STORED, code int GENERATED BY DEFAULT AS IDENTITY, UNIQUE (name));\n"
        "CREATE INDEX t_qty ON t (qty) WHERE qty > 10;\n"
        "COMMENT ON TABLE t IS 'it''s';\nCOMMENT ON COLUMN t.name IS 'the name';\n"
        "ALTER TABLE t ENABLE ROW LEVEL SECURITY;\n"
        "CREATE POLICY mine ON t FOR SELECT TO reader USING (qty > 1);\n"
        "GRANT SELECT, INSERT ON t TO reader;\n")
        << QStringLiteral("Schemas:public/Tables:t") << QStringLiteral("DROP TABLE t")
        << QStringList{QStringLiteral("CREATE SEQUENCE public.t_id_seq"),
                       QStringLiteral("    id integer DEFAULT nextval('t_id_seq'::regclass) NOT NULL,"),
                       QStringLiteral("    name text COLLATE pg_catalog.\"C\" DEFAULT 'x'::text NOT NULL,"),
                       QStringLiteral("    total numeric GENERATED ALWAYS AS ((qty * 2)) STORED,"),
                       QStringLiteral("    code integer GENERATED BY DEFAULT AS IDENTITY NOT NULL,"),
                       QStringLiteral("    CONSTRAINT t_pkey PRIMARY KEY (id),"),
                       QStringLiteral("ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;"),
                       QStringLiteral("CREATE INDEX t_qty ON public.t USING btree (qty) WHERE (qty > 10);"),
                       QStringLiteral("CREATE POLICY mine ON public.t AS PERMISSIVE FOR SELECT TO reader USING ((qty > 1));"),
                       QStringLiteral("COMMENT ON TABLE public.t IS 'it''s';"),
                       QStringLiteral("GRANT INSERT, SELECT ON TABLE public.t TO reader;")};
    QTest::newRow("foreign key") << QStringLiteral(
        "CREATE TABLE parent (id int PRIMARY KEY);\n"
        "CREATE TABLE child (id int REFERENCES parent ON DELETE CASCADE, note text);\n")
        << QStringLiteral("Schemas:public/Tables:child") << QStringLiteral("DROP TABLE child")
        << QStringList{QStringLiteral("    CONSTRAINT child_id_fkey FOREIGN KEY (id) REFERENCES parent(id) ON DELETE CASCADE")};
    QTest::newRow("partitioned") << QStringLiteral(
        "CREATE TABLE m (day date NOT NULL, v int) PARTITION BY RANGE (day);\n"
        "CREATE INDEX m_v ON m (v);\n")
        << QStringLiteral("Schemas:public/Tables:m") << QStringLiteral("DROP TABLE m")
        << QStringList{QStringLiteral("PARTITION BY RANGE (day);"),
                       QStringLiteral("CREATE INDEX m_v ON public.m USING btree (v);")};
    QTest::newRow("partition") << QStringLiteral(
        "CREATE TABLE m (day date NOT NULL, v int, CHECK (v > 0)) PARTITION BY RANGE (day);\n"
        "CREATE INDEX m_v ON m (v);\n"
        "CREATE TABLE m_2024 PARTITION OF m (CHECK (v < 100)) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n")
        << QStringLiteral("Schemas:public/Tables:m/Partitions:m_2024") << QStringLiteral("DROP TABLE m_2024")
        << QStringList{QStringLiteral("CREATE TABLE public.m_2024 PARTITION OF public.m ("),
                       QStringLiteral("    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');")};
    QTest::newRow("unlogged with options") << QStringLiteral("CREATE UNLOGGED TABLE u (a int) WITH (fillfactor=70);\n")
        << QStringLiteral("Schemas:public/Tables:u") << QStringLiteral("DROP TABLE u")
        << QStringList{QStringLiteral("CREATE UNLOGGED TABLE public.u ("), QStringLiteral("WITH (fillfactor=70);")};
    QTest::newRow("inherits") << QStringLiteral("CREATE TABLE base (a int);\nCREATE TABLE kid (b int) INHERITS (base);\n")
        << QStringLiteral("Schemas:public/Tables:kid") << QStringLiteral("DROP TABLE kid")
        << QStringList{QStringLiteral("INHERITS (public.base);")};
    QTest::newRow("view") << QStringLiteral(
        "CREATE TABLE src (a int, b text);\n"
        "CREATE VIEW v AS SELECT a, upper(b) AS b FROM src WHERE a > 0;\nCOMMENT ON VIEW v IS 'positive';\n"
        "GRANT SELECT ON v TO reader;\n")
        << QStringLiteral("Schemas:public/Views:v") << QStringLiteral("DROP VIEW v")
        << QStringList{QStringLiteral("CREATE OR REPLACE VIEW public.v AS"), QStringLiteral("COMMENT ON VIEW public.v IS 'positive';")};
    QTest::newRow("materialized view") << QStringLiteral(
        "CREATE MATERIALIZED VIEW mv AS SELECT g FROM generate_series(1, 10) g WITH NO DATA;\n"
        "CREATE UNIQUE INDEX mv_g ON mv (g);\n")
        << QStringLiteral("Schemas:public/MaterializedViews:mv") << QStringLiteral("DROP MATERIALIZED VIEW mv")
        << QStringList{QStringLiteral("WITH NO DATA;"), QStringLiteral("CREATE UNIQUE INDEX mv_g ON public.mv USING btree (g);")};
    QTest::newRow("sequence") << QStringLiteral(
        "CREATE SEQUENCE s AS integer INCREMENT BY 5 MINVALUE 10 MAXVALUE 1000 START WITH 20 CACHE 3 CYCLE;\n")
        << QStringLiteral("Schemas:public/Sequences:s") << QStringLiteral("DROP SEQUENCE s")
        << QStringList{QStringLiteral("    AS integer"), QStringLiteral("    START WITH 20"), QStringLiteral("    CYCLE;")};
    QTest::newRow("function") << QStringLiteral(
        "CREATE FUNCTION add(a int, b int DEFAULT 1) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + b';\n"
        "REVOKE EXECUTE ON FUNCTION add(int, int) FROM PUBLIC;\n"
        "GRANT EXECUTE ON FUNCTION add(int, int) TO reader;\n")
        << QStringLiteral("Schemas:public/Functions:add") << QStringLiteral("DROP FUNCTION add(int, int)")
        << QStringList{QStringLiteral("CREATE OR REPLACE FUNCTION public.add(a integer, b integer DEFAULT 1)"),
                       QStringLiteral("GRANT EXECUTE ON FUNCTION public.add(a integer, b integer) TO reader;"),
                       QStringLiteral("REVOKE EXECUTE ON FUNCTION public.add(a integer, b integer) FROM PUBLIC;")};
    QTest::newRow("procedure") << QStringLiteral(
        "CREATE PROCEDURE shout(x int) LANGUAGE plpgsql AS $$BEGIN RAISE NOTICE '%', x; END$$;\n")
        << QStringLiteral("Schemas:public/Functions:shout") << QStringLiteral("DROP PROCEDURE shout")
        << QStringList{QStringLiteral("CREATE OR REPLACE PROCEDURE public.shout(IN x integer)")};
    QTest::newRow("aggregate") << QStringLiteral(
        "CREATE AGGREGATE mysum(int) (SFUNC = int4pl, STYPE = int, INITCOND = '0');\n")
        << QStringLiteral("Schemas:public/Functions:mysum") << QStringLiteral("DROP AGGREGATE mysum(int)")
        << QStringList{QStringLiteral("CREATE AGGREGATE public.mysum(integer) ("), QStringLiteral("    INITCOND = '0'")};
    QTest::newRow("enum") << QStringLiteral("CREATE TYPE mood AS ENUM ('ok', 'it''s');\n")
        << QStringLiteral("Schemas:public/Types:mood") << QStringLiteral("DROP TYPE mood")
        << QStringList{QStringLiteral("CREATE TYPE public.mood AS ENUM ('ok', 'it''s');")};
    QTest::newRow("composite") << QStringLiteral("CREATE TYPE pair AS (x int, \"Y\" text);\n")
        << QStringLiteral("Schemas:public/Types:pair") << QStringLiteral("DROP TYPE pair")
        << QStringList{QStringLiteral("    \"Y\" text")};
    QTest::newRow("domain") << QStringLiteral(
        "CREATE DOMAIN pos AS int DEFAULT 1 NOT NULL CONSTRAINT pos_check CHECK (VALUE > 0);\n")
        << QStringLiteral("Schemas:public/Types:pos") << QStringLiteral("DROP DOMAIN pos")
        << QStringList{QStringLiteral("CREATE DOMAIN public.pos AS integer"), QStringLiteral("    NOT NULL"),
                       QStringLiteral("    CONSTRAINT pos_check CHECK (VALUE > 0);")};
    QTest::newRow("range") << QStringLiteral("CREATE TYPE floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);\n")
        << QStringLiteral("Schemas:public/Types:floatrange") << QStringLiteral("DROP TYPE floatrange")
        << QStringList{QStringLiteral("    SUBTYPE_DIFF = float8mi,")};
    QTest::newRow("index") << QStringLiteral("CREATE TABLE it (a int, b int);\nCREATE INDEX it_ab ON it (a, b DESC) INCLUDE (b);\n")
        << QStringLiteral("Schemas:public/Indexes:it_ab") << QStringLiteral("DROP INDEX it_ab")
        << QStringList{QStringLiteral("CREATE INDEX it_ab ON public.it USING btree (a, b DESC) INCLUDE (b);")};
    QTest::newRow("constraint") << QStringLiteral("CREATE TABLE it (a int, b int);\nALTER TABLE it ADD CONSTRAINT it_chk CHECK (a < b);\n")
        << QStringLiteral("Schemas:public/Tables:it/Constraints:it_chk") << QStringLiteral("ALTER TABLE it DROP CONSTRAINT it_chk")
        << QStringList{QStringLiteral("ALTER TABLE public.it ADD CONSTRAINT it_chk CHECK (a < b);")};
    QTest::newRow("trigger") << QStringLiteral(
        "CREATE TABLE it (a int);\n"
        "CREATE FUNCTION keep() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
        "CREATE TRIGGER tg BEFORE INSERT ON it FOR EACH ROW EXECUTE FUNCTION keep();\n"
        "ALTER TABLE it DISABLE TRIGGER tg;\n")
        << QStringLiteral("Schemas:public/Tables:it/Triggers:tg") << QStringLiteral("DROP TRIGGER tg ON it")
        << QStringList{QStringLiteral("CREATE TRIGGER tg BEFORE INSERT ON public.it FOR EACH ROW EXECUTE FUNCTION keep();"),
                       QStringLiteral("ALTER TABLE public.it DISABLE TRIGGER tg;")};
    QTest::newRow("column") << QStringLiteral("CREATE TABLE ct (a int, b text DEFAULT 'q' NOT NULL);\n")
        << QStringLiteral("Schemas:public/Tables:ct/Columns:b") << QStringLiteral("ALTER TABLE ct DROP COLUMN b")
        << QStringList{QStringLiteral("ALTER TABLE public.ct ADD COLUMN b text DEFAULT 'q'::text NOT NULL;")};
    QTest::newRow("schema") << QStringLiteral(
        "CREATE SCHEMA s2 AUTHORIZATION reader;\nCOMMENT ON SCHEMA s2 IS 'two';\nGRANT USAGE ON SCHEMA s2 TO PUBLIC;\n")
        << QStringLiteral("Schemas:s2") << QStringLiteral("DROP SCHEMA s2")
        << QStringList{QStringLiteral("CREATE SCHEMA IF NOT EXISTS s2 AUTHORIZATION reader;"),
                       QStringLiteral("GRANT USAGE ON SCHEMA s2 TO PUBLIC;")};
    QTest::newRow("extension") << QStringLiteral("CREATE EXTENSION pg_trgm;\n")
        << QStringLiteral("Extensions:pg_trgm") << QStringLiteral("DROP EXTENSION pg_trgm")
        << QStringList{QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public VERSION '1.6';")};
    QTest::newRow("role") << QStringLiteral(
        "CREATE ROLE r2 LOGIN CONNECTION LIMIT 3 VALID UNTIL '2030-01-01 00:00:00+00';\n"
        "GRANT reader TO r2;\nALTER ROLE r2 SET search_path = a, \"B c\";\nALTER ROLE r2 SET work_mem = '8MB';\n")
        << QStringLiteral("Roles:r2") << QStringLiteral("DROP ROLE r2")
        << QStringList{QStringLiteral("    CONNECTION LIMIT 3"), QStringLiteral("GRANT reader TO r2;"),
                       QStringLiteral("ALTER ROLE r2 SET search_path TO a, \"B c\";"),
                       QStringLiteral("ALTER ROLE r2 SET work_mem TO '8MB';")};
    QTest::newRow("database") << QStringLiteral(
        "CREATE DATABASE dbx CONNECTION LIMIT 5;\nREVOKE CONNECT, TEMPORARY ON DATABASE dbx FROM PUBLIC;\n"
        "GRANT CONNECT ON DATABASE dbx TO reader;\nALTER DATABASE dbx SET work_mem = '16MB';\n")
        << QStringLiteral("Databases:dbx") << QStringLiteral("DROP DATABASE dbx")
        << QStringList{QStringLiteral("    CONNECTION LIMIT = 5"), QStringLiteral("ALTER DATABASE dbx SET work_mem TO '16MB';"),
                       QStringLiteral("GRANT CONNECT ON DATABASE dbx TO reader;"),
                       QStringLiteral("REVOKE CONNECT, TEMPORARY ON DATABASE dbx FROM PUBLIC;")};
}

void tst_CatalogBrowser::ddlMakesTheObjectAgain()
{
    QFETCH(QString, setup);
    QFETCH(QString, path);
    QFETCH(QString, drop);
    QFETCH(QStringList, expected);
    const SqlOutcome made = runIn(m_row, setup);
    QVERIFY2(made.ok, qPrintable(made.message));

    QString first;
    {
        CatalogBrowser browser(m_server.connectionString(m_row));
        const std::optional<CatalogObject> object = find(browser, path);
        QVERIFY(object);
        QString error;
        const std::optional<QString> ddl = browser.ddl(*object, &error);
        QVERIFY2(ddl, qPrintable(error));
        first = *ddl;
        QVERIFY(!browser.lastQueries().isEmpty());
    }
    const QStringList lines = first.split(u'\n');
    for (const QString &line : expected)
        QVERIFY2(lines.contains(line), qPrintable(line + QStringLiteral("\nnot in:\n") + first));

    const SqlOutcome dropped = runIn(m_row, drop);
    QVERIFY2(dropped.ok, qPrintable(dropped.message));
    const SqlOutcome again = runIn(m_row, first);
    QVERIFY2(again.ok, qPrintable(again.message + QStringLiteral("\nrunning:\n") + first));
    CatalogBrowser browser(m_server.connectionString(m_row));
    const std::optional<CatalogObject> object = find(browser, path);
    QVERIFY(object);
    QString error;
    const std::optional<QString> second = browser.ddl(*object, &error);
    QVERIFY2(second, qPrintable(error));
    QCOMPARE(*second, first);
    if (path.startsWith(u"Databases:")) // made outside the row's database
        runIn(QStringLiteral("postgres"), drop);
}

QTEST_GUILESS_MAIN(tst_CatalogBrowser)
#include "tst_catalogbrowser.moc"
