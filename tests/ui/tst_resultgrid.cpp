#include "expandedresultmodel.h"
#include "makeresult.h"
#include "resultgrid.h"
#include "resulttablemodel.h"
#include "valueviewer.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
ResultSet sample()
{
    return makeResult({"id", "doc", "note"}, {23, 3802, 25},
                      {{"1", "{\"a\": [1, 2], \"b\": null}", "first"}, {"2", nullptr, "two\nlines"}, {"3", "[]", ""}});
}
} // namespace

class tst_ResultGrid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expandedModelPassesTester();
    void expandedModelLines();
    void copiesTheSelection_data();
    void copiesTheSelection();
    void expandedViewCopiesRecords();
    void prettyValues_data();
    void prettyValues();
    void invalidUtf8IsShownEscaped();
    void exportRunsInTheBackground();
};

void tst_ResultGrid::expandedModelPassesTester()
{
    ExpandedResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(sample());
    model.setResult(ResultSet());
}

void tst_ResultGrid::expandedModelLines()
{
    ExpandedResultModel model;
    model.setResult(sample());
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.index(3, 0).data().toString(), QStringLiteral("Record 2"));
    QCOMPARE(model.index(4, 0).data().toString(), QString());
    QCOMPARE(model.index(4, 1).data().toString(), QStringLiteral("doc"));
    QCOMPARE(model.index(4, 2).data().toString(), QStringLiteral("NULL"));
    QCOMPARE(model.index(5, 2).data().toString(), QStringLiteral("two\u21B5lines"));
    QCOMPARE(model.recordOf(5), 1);
    QCOMPARE(model.columnOf(5), 2);
}

void tst_ResultGrid::copiesTheSelection_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("tsv") << int(ResultGrid::CopyFormat::Tsv) << "1\tfirst\n2\ttwo lines\n";
    QTest::newRow("tsv headers") << int(ResultGrid::CopyFormat::TsvWithHeaders) << "id\tnote\n1\tfirst\n2\ttwo lines\n";
    QTest::newRow("csv") << int(ResultGrid::CopyFormat::Csv) << "id,note\n1,first\n2,\"two\nlines\"\n";
    QTest::newRow("markdown") << int(ResultGrid::CopyFormat::Markdown)
                              << "| id | note |\n| ---: | --- |\n| 1 | first |\n| 2 | two<br>lines |\n";
}

void tst_ResultGrid::copiesTheSelection()
{
    QFETCH(int, format);
    QFETCH(QString, expected);
    ResultGrid grid(sample());
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    grid.selectionModel()->select(QItemSelection(grid.model()->index(0, 0), grid.model()->index(1, 0)),
                                  QItemSelectionModel::Select);
    grid.selectionModel()->select(QItemSelection(grid.model()->index(0, 2), grid.model()->index(1, 2)),
                                  QItemSelectionModel::Select);
    grid.copySelection(ResultGrid::CopyFormat(format));
    QCOMPARE(QApplication::clipboard()->text(), expected);
}

void tst_ResultGrid::expandedViewCopiesRecords()
{
    ResultGrid grid(sample());
    grid.expandedAction()->trigger();
    QVERIFY(grid.isExpanded());
    QCOMPARE(grid.model()->rowCount(), 9);
    grid.selectRow(6); // record 3, column id
    QTest::keyClick(&grid, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("3\n"));
    grid.setExpanded(false);
    QCOMPARE(grid.model()->rowCount(), 3);
}

void tst_ResultGrid::prettyValues_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<unsigned>("type");
    QTest::addColumn<QString>("expected");
    QTest::newRow("jsonb object") << QByteArray("{\"a\": [1, 2]}") << 3802u << "{\n    \"a\": [\n        1,\n        2\n    ]\n}";
    QTest::newRow("json array") << QByteArray("[1,{\"x\":null}]") << 114u
                                << "[\n    1,\n    {\n        \"x\": null\n    }\n]";
    QTest::newRow("json scalar stays") << QByteArray("42") << 3802u << "42";
    QTest::newRow("broken json stays") << QByteArray("{nope") << 114u << "{nope";
    QTest::newRow("xml") << QByteArray("<a><b x=\"1\">t</b><c/></a>") << 142u
                         << "<a>\n    <b x=\"1\">t</b>\n    <c/>\n</a>";
    QTest::newRow("text unchanged") << QByteArray("{\"a\":1}") << 25u << "{\"a\":1}";
}

void tst_ResultGrid::prettyValues()
{
    QFETCH(QByteArray, value);
    QFETCH(unsigned, type);
    QFETCH(QString, expected);
    QCOMPARE(ValueViewer::prettyText(value, type), expected);
}

void tst_ResultGrid::invalidUtf8IsShownEscaped()
{
    const ResultSet rs = makeResult({"raw"}, {25}, {{"ok \xff\xfe end"}, {"数据"}});
    ResultTableModel model;
    model.setResult(rs);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("ok \\xff\\xfe end"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("数据"));
}

void tst_ResultGrid::exportRunsInTheBackground()
{
    ResultGrid grid(sample());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.json"));
    QSignalSpy finished(&grid, &ResultGrid::exportFinished);
    grid.startExport(path, ResultExporter::Format::Json);
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QVERIFY(finished.first().at(0).toBool());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\"two\\nlines\""));
}

QTEST_MAIN(tst_ResultGrid)
#include "tst_resultgrid.moc"
