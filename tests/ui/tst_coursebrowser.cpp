#include "coursebrowser.h"
#include "coursepackloader.h"
#include "coursetreemodel.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

namespace {
const QString Fixtures = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware");

using Path = QList<int>; // rows from the top of the tree

CoursePack goodPack()
{
    QList<PackProblem> problems;
    const std::optional<CoursePack> pack =
        CoursePackLoader::load(Fixtures + QStringLiteral("/good"), &problems);
    if (!pack)
        qFatal("the fixture pack does not load: %s", qPrintable(problems.value(0).toText()));
    return *pack;
}

LocalizedText text(const QString &en, const QString &zh)
{
    return {{QStringLiteral("en"), en}, {QStringLiteral("zh_CN"), zh}};
}

CourseItem item(CourseItem::Kind kind, const QString &id, const QString &en, const QString &zh)
{
    CourseItem item;
    item.kind = kind;
    item.id = id;
    item.title = text(en, zh);
    return item;
}

// A second pack with two modules, so progress adds up across levels.
CoursePack joinsPack()
{
    using Kind = CourseItem::Kind;
    CourseModule inner{
        QStringLiteral("inner"), text(QStringLiteral("Inner joins"), QStringLiteral("内连接")), {}};
    inner.items = {item(Kind::Lesson, QStringLiteral("join-basics"), QStringLiteral("Join basics"),
                        QStringLiteral("连接基础")),
                   item(Kind::Lesson, QStringLiteral("using"), QStringLiteral("USING and NATURAL"),
                        QStringLiteral("USING 与 NATURAL")),
                   item(Kind::Lab, QStringLiteral("join-lab"), QStringLiteral("Join orders to customers"),
                        QStringLiteral("连接订单与客户"))};
    CourseModule outer{
        QStringLiteral("outer"), text(QStringLiteral("Outer joins"), QStringLiteral("外连接")), {}};
    outer.items = {item(Kind::Lesson, QStringLiteral("left-join"), QStringLiteral("LEFT JOIN"),
                        QStringLiteral("左连接")),
                   item(Kind::Lab, QStringLiteral("anti-join"), QStringLiteral("Rows without a match"),
                        QStringLiteral("没有匹配的行"))};
    CoursePack pack;
    pack.id = QStringLiteral("joins");
    pack.title = text(QStringLiteral("Joins"), QStringLiteral("连接"));
    pack.tracks = {CourseTrack{QStringLiteral("joins-track"),
                               text(QStringLiteral("Joining tables"), QStringLiteral("表连接")),
                               {inner, outer}}};
    return pack;
}

QHash<QString, ItemStatus> someCompletion()
{
    return {{QStringLiteral("joins/join-basics"), ItemStatus::Completed},
            {QStringLiteral("joins/using"), ItemStatus::InProgress},
            {QStringLiteral("joins/join-lab"), ItemStatus::Completed},
            {QStringLiteral("joins/anti-join"), ItemStatus::Completed},
            {QStringLiteral("fixture-good/hello"), ItemStatus::Completed},
            {QStringLiteral("fixture-good/no-such-item"), ItemStatus::Completed}};
}

QModelIndex at(const QAbstractItemModel &model, const Path &path, int column = 0)
{
    QModelIndex index;
    for (qsizetype i = 0; i < path.size(); ++i)
        index = model.index(path.at(i), i + 1 == path.size() ? column : 0, index);
    return index;
}

// The ids of the lessons and labs a model shows, depth first.
QStringList visibleItems(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(CourseTreeModel::ItemIdRole).isValid())
            ids << index.data(CourseTreeModel::ItemIdRole).toString();
        ids << visibleItems(model, index);
    }
    return ids;
}
} // namespace

class tst_CourseBrowser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesModelTester();
    void structureAndTitles_data();
    void structureAndTitles();
    void languageChangeIsAnnounced();
    void progress_data();
    void progress();
    void findsPacksAndItems();
    void expandedByDefault();
    void searchFilters_data();
    void searchFilters();
    void activatingAnItemOpensIt();
    void selectItemClearsAHidingSearch();
};

void tst_CourseBrowser::passesModelTester()
{
    CourseTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPacks({goodPack(), joinsPack()});
    model.setLanguage(QStringLiteral("zh_CN"));
    model.setCompletion(someCompletion());
    model.setPacks({joinsPack()});
    model.setPacks({});
}

void tst_CourseBrowser::structureAndTitles_data()
{
    QTest::addColumn<Path>("path");
    QTest::addColumn<CourseTreeModel::NodeKind>("kind");
    QTest::addColumn<QStringList>("titles"); // English, Chinese
    QTest::addColumn<QString>("packId");
    QTest::addColumn<QString>("itemId");
    QTest::addColumn<int>("children");
    using K = CourseTreeModel::NodeKind;
    const QString good = QStringLiteral("fixture-good");
    const QString joins = QStringLiteral("joins");
    const QString none;
    QTest::newRow("pack") << Path{0} << K::Pack << QStringList{"Fixture pack", "测试课程包"} << good << none
                          << 1;
    QTest::newRow("track") << Path{0, 0} << K::Track << QStringList{"Basics", "基础"} << good << none << 1;
    QTest::newRow("module") << Path{0, 0, 0} << K::Module << QStringList{"First module", "第一单元"} << good
                            << none << 2;
    QTest::newRow("lesson") << Path{0, 0, 0, 0} << K::Lesson << QStringList{"Hello", "你好"} << good
                            << "hello" << 0;
    QTest::newRow("lab") << Path{0, 0, 0, 1} << K::Lab << QStringList{"Counting rows", "数行数"} << good
                         << "count-rows" << 0;
    QTest::newRow("second pack") << Path{1} << K::Pack << QStringList{"Joins", "连接"} << joins << none << 1;
    QTest::newRow("second module") << Path{1, 0, 1} << K::Module << QStringList{"Outer joins", "外连接"}
                                   << joins << none << 2;
    QTest::newRow("lab in second module")
        << Path{1, 0, 1, 1} << K::Lab << QStringList{"Rows without a match", "没有匹配的行"} << joins
        << "anti-join" << 0;
}

void tst_CourseBrowser::structureAndTitles()
{
    QFETCH(Path, path);
    QFETCH(CourseTreeModel::NodeKind, kind);
    QFETCH(QStringList, titles);
    QFETCH(QString, packId);
    QFETCH(QString, itemId);
    QFETCH(int, children);
    CourseTreeModel model;
    model.setPacks({goodPack(), joinsPack()});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex index = at(model, path);
    QVERIFY(index.isValid());
    QCOMPARE(index.data().toString(), titles.at(0));
    QCOMPARE(index.data(CourseTreeModel::NodeKindRole).value<CourseTreeModel::NodeKind>(), kind);
    QCOMPARE(index.data(CourseTreeModel::PackIdRole).toString(), packId);
    QCOMPARE(index.data(CourseTreeModel::ItemIdRole).isValid(), !itemId.isEmpty());
    QCOMPARE(index.data(CourseTreeModel::ItemIdRole).toString(), itemId);
    QCOMPARE(model.rowCount(index), children);
    QCOMPARE(model.parent(model.index(0, 0, index)), children > 0 ? index : QModelIndex());
    QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());

    model.setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(index.data().toString(), titles.at(1));
    model.setLanguage(QStringLiteral("en"));
    QCOMPARE(index.data().toString(), titles.at(0));
}

void tst_CourseBrowser::languageChangeIsAnnounced()
{
    CourseTreeModel model;
    model.setPacks({goodPack()});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setLanguage(QStringLiteral("zh_CN"));
    // One signal per level that has rows: the lesson's row is among them.
    QCOMPARE(changed.count(), 4);
    const QModelIndex lesson = at(model, {0, 0, 0, 0});
    const bool lessonAnnounced =
        std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &args) {
            const auto topLeft = args.at(0).toModelIndex();
            const auto bottomRight = args.at(1).toModelIndex();
            return topLeft.parent() == lesson.parent() && topLeft.row() <= lesson.row() &&
                   bottomRight.row() >= lesson.row();
        });
    QVERIFY(lessonAnnounced);
    changed.clear();
    model.setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(changed.count(), 0);
}

void tst_CourseBrowser::progress_data()
{
    QTest::addColumn<Path>("path");
    QTest::addColumn<QString>("progress");
    QTest::addColumn<int>("completed");
    QTest::addColumn<int>("items");
    QTest::newRow("pack") << Path{1} << "3/5" << 3 << 5;
    QTest::newRow("track") << Path{1, 0} << "3/5" << 3 << 5;
    QTest::newRow("module, partly done") << Path{1, 0, 0} << "2/3" << 2 << 3;
    QTest::newRow("module, half done") << Path{1, 0, 1} << "1/2" << 1 << 2;
    QTest::newRow("fixture module") << Path{0, 0, 0} << "1/2" << 1 << 2;
    QTest::newRow("completed lesson") << Path{1, 0, 0, 0} << "Done" << 1 << 1;
    QTest::newRow("started lesson") << Path{1, 0, 0, 1} << "Started" << 0 << 1;
    QTest::newRow("not started lesson") << Path{1, 0, 1, 0} << "" << 0 << 1;
    QTest::newRow("completed lab") << Path{1, 0, 1, 1} << "Done" << 1 << 1;
}

void tst_CourseBrowser::progress()
{
    QFETCH(Path, path);
    QFETCH(QString, progress);
    QFETCH(int, completed);
    QFETCH(int, items);
    CourseTreeModel model;
    model.setPacks({goodPack(), joinsPack()});
    const QModelIndex cell = at(model, path, CourseTreeModel::ProgressColumn);
    const bool isItem = at(model, path).data(CourseTreeModel::ItemIdRole).isValid();
    QCOMPARE(cell.data().toString(), isItem ? QString() : QStringLiteral("0/%1").arg(items));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setCompletion(someCompletion());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(cell.data().toString(), progress);
    QCOMPARE(cell.data(CourseTreeModel::CompletedCountRole).toInt(), completed);
    QCOMPARE(cell.data(CourseTreeModel::ItemCountRole).toInt(), items);
    if (!isItem) {
        const QString tip = at(model, path).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("%1 of %2").arg(completed).arg(items)), qPrintable(tip));
    } else {
        const auto status = cell.data(CourseTreeModel::StatusRole).value<ItemStatus>();
        QCOMPARE(status == ItemStatus::Completed, progress == u"Done");
        QCOMPARE(status == ItemStatus::InProgress, progress == u"Started");
    }
}

void tst_CourseBrowser::findsPacksAndItems()
{
    CourseTreeModel model;
    model.setPacks({goodPack(), joinsPack()});
    QVERIFY(model.pack(QStringLiteral("joins")));
    QCOMPARE(model.pack(QStringLiteral("joins"))->title.value(QStringLiteral("en")), QStringLiteral("Joins"));
    QVERIFY(!model.pack(QStringLiteral("nope")));
    const CourseItem *lesson = model.item(QStringLiteral("fixture-good"), QStringLiteral("hello"));
    QVERIFY(lesson);
    QCOMPARE(lesson->lessonFiles.value(QStringLiteral("zh_CN")), QStringLiteral("lessons/hello.zh_CN.md"));
    QVERIFY(!model.item(QStringLiteral("joins"), QStringLiteral("hello")));

    const QModelIndex lab = model.itemIndex(QStringLiteral("joins"), QStringLiteral("anti-join"));
    QCOMPARE(lab, at(model, {1, 0, 1, 1}));
    QVERIFY(!model.itemIndex(QStringLiteral("fixture-good"), QStringLiteral("anti-join")).isValid());
}

void tst_CourseBrowser::expandedByDefault()
{
    CourseBrowser browser;
    browser.model()->setPacks({goodPack(), joinsPack()});
    const QAbstractItemModel &model = *browser.view()->model();
    for (const Path &path :
         {Path{0}, Path{0, 0}, Path{0, 0, 0}, Path{1}, Path{1, 0}, Path{1, 0, 0}, Path{1, 0, 1}})
        QVERIFY2(browser.view()->isExpanded(at(model, path)), qPrintable(at(model, path).data().toString()));
}

void tst_CourseBrowser::searchFilters_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("items");
    const QString en = QStringLiteral("en");
    const QString zh = QStringLiteral("zh_CN");
    const QStringList all{"hello",    "count-rows", "join-basics", "using",
                          "join-lab", "left-join",  "anti-join"};
    QTest::newRow("empty") << en << QString() << all;
    QTest::newRow("one lesson") << en << "hello" << QStringList{"hello"};
    QTest::newRow("any case") << en << "LEFT join" << QStringList{"left-join"};
    QTest::newRow("several packs") << en << "rows" << QStringList{"count-rows", "anti-join"};
    QTest::newRow("pack keeps its items")
        << en << "joins" << QStringList{"join-basics", "using", "join-lab", "left-join", "anti-join"};
    QTest::newRow("module keeps its items") << en << "outer joins" << QStringList{"left-join", "anti-join"};
    QTest::newRow("chinese") << zh << "行" << QStringList{"count-rows", "anti-join"};
    QTest::newRow("other language's title") << zh << "hello" << QStringList{};
    QTest::newRow("no match") << en << "vacuum" << QStringList{};
}

void tst_CourseBrowser::searchFilters()
{
    QFETCH(QString, language);
    QFETCH(QString, search);
    QFETCH(QStringList, items);
    CourseBrowser browser;
    browser.model()->setPacks({goodPack(), joinsPack()});
    browser.model()->setLanguage(language);
    browser.searchField()->setText(search);
    const QAbstractItemModel &shown = *browser.view()->model();
    QCOMPARE(visibleItems(shown), items);
    // Each item shown is under its module, track and pack, opened.
    for (const QString &id : std::as_const(items)) {
        const QModelIndexList found = shown.match(shown.index(0, 0), CourseTreeModel::ItemIdRole, id, 1,
                                                  Qt::MatchRecursive | Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        int depth = 0;
        for (QModelIndex up = found.first().parent(); up.isValid(); up = up.parent(), ++depth)
            QVERIFY(browser.view()->isExpanded(up));
        QCOMPARE(depth, 3);
    }
    if (items.isEmpty())
        QCOMPARE(shown.rowCount(), 0);
}

void tst_CourseBrowser::activatingAnItemOpensIt()
{
    CourseBrowser browser;
    browser.resize(400, 500);
    browser.model()->setPacks({goodPack(), joinsPack()});
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QSignalSpy activated(&browser, &CourseBrowser::itemActivated);
    QTreeView *view = browser.view();

    const QModelIndex lesson = at(*view->model(), {0, 0, 0, 0});
    const QPoint lessonPoint = view->visualRect(lesson).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, lessonPoint);
    QCOMPARE(activated.count(), 0); // a click selects
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, lessonPoint);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first(), (QList<QVariant>{QStringLiteral("fixture-good"), QStringLiteral("hello")}));

    view->setFocus();
    view->setCurrentIndex(at(*view->model(), {1, 0, 1, 1}));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.last(), (QList<QVariant>{QStringLiteral("joins"), QStringLiteral("anti-join")}));

    view->setCurrentIndex(at(*view->model(), {1, 0, 1}));
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(activated.count(), 2); // a module is not something to open
}

void tst_CourseBrowser::selectItemClearsAHidingSearch()
{
    CourseBrowser browser;
    browser.model()->setPacks({goodPack(), joinsPack()});
    browser.searchField()->setText(QStringLiteral("hello"));
    browser.selectItem(QStringLiteral("fixture-good"), QStringLiteral("hello"));
    QCOMPARE(browser.searchField()->text(), QStringLiteral("hello"));
    QCOMPARE(browser.view()->currentIndex().data(CourseTreeModel::ItemIdRole).toString(),
             QStringLiteral("hello"));

    browser.selectItem(QStringLiteral("joins"), QStringLiteral("left-join"));
    QVERIFY(browser.searchField()->text().isEmpty());
    QCOMPARE(browser.view()->currentIndex().data(CourseTreeModel::ItemIdRole).toString(),
             QStringLiteral("left-join"));
    QCOMPARE(browser.view()->currentIndex().data(CourseTreeModel::PackIdRole).toString(),
             QStringLiteral("joins"));
}

QTEST_MAIN(tst_CourseBrowser)
#include "tst_coursebrowser.moc"
