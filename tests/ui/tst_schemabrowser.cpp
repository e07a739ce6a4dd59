#include "mainwindow.h"
#include "querysession.h"
#include "resultgrid.h"
#include "schemabrowser.h"
#include "sqleditor.h"
#include "throwawayserver.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDockWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

// The schema browser on a real server: the tree loads level by level (checked by
// QAbstractItemModelTester), the selected object's DDL comes from the server, a level
// that cannot be read says why, and Open in Editor runs a SELECT in a new tab.
class tst_SchemaBrowser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void treeLoadsLevelByLevel();
    void selectingAnObjectShowsItsDdl();
    void aLevelThatCannotBeReadSaysWhy();
    void openInEditorRunsInANewTab();

private:
    // Expands index and waits until its children arrived.
    bool expanded(CatalogTreeModel &model, const QModelIndex &index);
    ThrowawayServer m_server;
    QString m_shop;
};

void tst_SchemaBrowser::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QString error;
    queryScalar(m_server.connectionString(), QStringLiteral("CREATE DATABASE shopdb"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_shop = m_server.connectionString(QStringLiteral("shopdb"));
    queryScalar(m_shop,
                QStringLiteral("CREATE SCHEMA shop;"
                               "CREATE TABLE shop.orders (id int PRIMARY KEY, note text);"
                               "INSERT INTO shop.orders SELECT g, 'n' || g FROM generate_series(1, 500) g;"
                               "ANALYZE shop.orders;"
                               "CREATE VIEW shop.recent AS SELECT id FROM shop.orders WHERE id > 400;"),
                &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

bool tst_SchemaBrowser::expanded(CatalogTreeModel &model, const QModelIndex &index)
{
    if (model.canFetchMore(index))
        model.fetchMore(index);
    QPersistentModelIndex at(index);
    return QTest::qWaitFor([&] { return !model.isLoading(at) && !model.canFetchMore(at); }, 10000);
}

void tst_SchemaBrowser::treeLoadsLevelByLevel()
{
    {
        CatalogTreeModel lazy; // nothing is read before it is expanded
        lazy.setConnection(m_shop);
        const QModelIndex databases = lazy.folder({}, CatalogListing::Databases);
        QVERIFY(lazy.hasChildren(databases) && lazy.canFetchMore(databases));
        QTest::qWait(200);
        QCOMPARE(lazy.rowCount(databases), 0);
    }
    CatalogTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(m_shop);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex databases = model.folder({}, CatalogListing::Databases);
    QVERIFY(model.hasChildren(databases));
    QVERIFY(expanded(model, databases));
    QVERIFY(databases.data().toString().startsWith(CatalogTreeModel::listingName(CatalogListing::Databases) + QStringLiteral(" (")));
    const QModelIndex shopdb = model.childNamed(databases, QStringLiteral("shopdb"));
    QVERIFY(shopdb.isValid());
    QVERIFY(model.index(shopdb.row(), CatalogTreeModel::Size, databases).data().toString().contains(u"B"));
    QVERIFY(expanded(model, shopdb));
    const QModelIndex shop = model.childNamed(shopdb, QStringLiteral("shop"));
    QVERIFY(shop.isValid());
    QVERIFY(model.folder(shopdb, CatalogListing::Extensions).isValid());
    QVERIFY(!model.childNamed(shopdb, QStringLiteral("pg_catalog")).isValid()); // system objects on request
    QVERIFY(!model.childNamed(databases, QStringLiteral("template0")).isValid());
    QVERIFY(expanded(model, shop));
    const QModelIndex tables = model.folder(shop, CatalogListing::Tables);
    QCOMPARE(tables.data().toString(), CatalogTreeModel::tr("%1 (%2)").arg(CatalogTreeModel::listingName(CatalogListing::Tables)).arg(1));
    const QModelIndex sequences = model.folder(shop, CatalogListing::Sequences);
    QVERIFY(!model.hasChildren(sequences)); // an empty folder does not open
    QVERIFY(expanded(model, tables));
    const QModelIndex orders = model.childNamed(tables, QStringLiteral("orders"));
    QCOMPARE(model.index(orders.row(), CatalogTreeModel::Rows, tables).data().toString(), QLocale().toString(500));
    QCOMPARE(model.object(orders)->kind, CatalogObject::Kind::Table);
    QVERIFY(expanded(model, orders));
    const QModelIndex columns = model.folder(orders, CatalogListing::Columns);
    QVERIFY(expanded(model, columns));
    QCOMPARE(model.rowCount(columns), 2);
    QCOMPARE(model.index(0, CatalogTreeModel::Details, columns).data().toString(), QStringLiteral("integer NOT NULL"));

    // Reading a level again keeps the tree consistent (the tester watches every change).
    queryScalar(m_shop, QStringLiteral("ALTER TABLE shop.orders ADD COLUMN extra int"));
    model.reload(columns);
    QTRY_COMPARE(model.rowCount(columns), 3);
    queryScalar(m_shop, QStringLiteral("ALTER TABLE shop.orders DROP COLUMN extra"));

    CatalogTreeModel system;
    system.setShowSystemObjects(true);
    system.setConnection(m_shop);
    const QModelIndex all = system.folder({}, CatalogListing::Databases);
    QVERIFY(expanded(system, all));
    const QModelIndex template0 = system.childNamed(all, QStringLiteral("template0"));
    QVERIFY(template0.isValid());
    QVERIFY(!system.hasChildren(template0)); // it takes no connections
    const QModelIndex shopdbToo = system.childNamed(all, QStringLiteral("shopdb"));
    QVERIFY(expanded(system, shopdbToo));
    QVERIFY(system.childNamed(shopdbToo, QStringLiteral("pg_catalog")).isValid());
}

void tst_SchemaBrowser::selectingAnObjectShowsItsDdl()
{
    SchemaBrowser browser;
    browser.resize(600, 700);
    browser.show();
    QSignalSpy shown(&browser, &SchemaBrowser::ddlShown);
    browser.browse(m_shop);
    browser.reveal({CatalogTreeModel::listingName(CatalogListing::Databases), QStringLiteral("shopdb"),
                    QStringLiteral("shop"), CatalogTreeModel::listingName(CatalogListing::Views), QStringLiteral("recent")});
    QTRY_VERIFY_WITH_TIMEOUT(browser.ddl().startsWith(u"CREATE OR REPLACE VIEW shop.recent AS"), 10000);
    QVERIFY(browser.ddlView()->text().contains(u"WHERE id > 400"));
    QVERIFY(!browser.ddlView()->text().contains(u"pg_get_viewdef"));

    // The catalog queries behind it, on request.
    browser.findChild<QCheckBox *>()->setChecked(true);
    QVERIFY(browser.ddlView()->text().contains(u"pg_catalog.pg_get_viewdef(c.oid, true)"));
    QCOMPARE(browser.ddl().contains(u"pg_get_viewdef"), false); // the DDL itself is unchanged

    // A folder has no DDL.
    const QModelIndex view = browser.tree()->currentIndex();
    browser.tree()->setCurrentIndex(view.parent());
    browser.showDdl();
    QVERIFY(browser.ddl().isEmpty());
    QVERIFY(!browser.openSelected());
}

void tst_SchemaBrowser::aLevelThatCannotBeReadSaysWhy()
{
    QString error;
    queryScalar(m_server.connectionString(), QStringLiteral("CREATE DATABASE closed"), &error);
    queryScalar(m_server.connectionString(), QStringLiteral("REVOKE CONNECT ON DATABASE closed FROM PUBLIC"), &error);
    queryScalar(m_server.connectionString(), QStringLiteral("CREATE ROLE guest LOGIN"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    CatalogTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setConnection(m_server.connectionString() + QStringLiteral(" user=guest"));
    const QModelIndex databases = model.folder({}, CatalogListing::Databases);
    QVERIFY(expanded(model, databases));
    const QModelIndex closed = model.childNamed(databases, QStringLiteral("closed"));
    QVERIFY(closed.isValid());
    QVERIFY(!model.hasChildren(closed)); // not the guest's to open
    QVERIFY(closed.data(Qt::ToolTipRole).toString().contains(CatalogTreeModel::tr("You may not connect to this database.")));

    // A server that went away: the level says so in its place.
    CatalogTreeModel gone;
    QAbstractItemModelTester goneTester(&gone, QAbstractItemModelTester::FailureReportingMode::QtTest);
    gone.setConnection(QStringLiteral("host=/nonexistent port=1 dbname=x connect_timeout=2"));
    const QModelIndex roles = gone.folder({}, CatalogListing::Roles);
    QVERIFY(expanded(gone, roles));
    QCOMPARE(gone.rowCount(roles), 1);
    const QModelIndex message = gone.index(0, 0, roles);
    QVERIFY(message.data(CatalogTreeModel::MessageRole).toBool());
    QVERIFY2(message.data().toString().contains(u"/nonexistent"), qPrintable(message.data().toString()));
    QVERIFY(!(gone.flags(message) & Qt::ItemIsSelectable));
}

void tst_SchemaBrowser::openInEditorRunsInANewTab()
{
    MainWindow window;
    window.setDefaultConnection(QStringLiteral("Practice server"), m_server.connectionString());
    window.show();
    QAction *toggle = window.schemaBrowserDock()->toggleViewAction();
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_4));
    toggle->trigger();
    QTRY_COMPARE(window.schemaBrowser()->model()->connection(), window.currentTab()->session()->conninfo());
    SchemaBrowser *browser = window.schemaBrowser();
    browser->reveal({CatalogTreeModel::listingName(CatalogListing::Databases), QStringLiteral("shopdb"),
                     QStringLiteral("shop"), CatalogTreeModel::listingName(CatalogListing::Tables), QStringLiteral("orders")});
    QTRY_VERIFY_WITH_TIMEOUT(browser->ddl().contains(u"CREATE TABLE shop.orders ("), 10000);
    QVERIFY(browser->openSelected());
    QCOMPARE(window.tabCount(), 2);
    WorkbenchTab *tab = window.currentTab();
    QCOMPARE(tab->editor()->text(), QStringLiteral("SELECT * FROM shop.orders LIMIT 100;\n"));
    QVERIFY(tab->session()->conninfo().contains(u"shopdb"));
    QTRY_VERIFY_WITH_TIMEOUT(tab->resultView() && tab->resultView()->model()->rowCount() == 100, 10000);
    QVERIFY(tab->connectionName().contains(u"shopdb"));
}

QTEST_MAIN(tst_SchemaBrowser)
#include "tst_schemabrowser.moc"
