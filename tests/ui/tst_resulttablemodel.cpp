#include "makeresult.h"
#include "resulttablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>



class tst_ResultTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesModelTester();
    void cellsAndHeaders_data();
    void cellsAndHeaders();
    void replacingAndClearingResets();
};

void tst_ResultTableModel::passesModelTester()
{
    ResultTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(makeResult({"id", "name"}, {23, 25}, {{"1", "ada"}, {"2", nullptr}, {"3", "grace"}}));
    model.setResult(makeResult({"x"}, {25}, {}));
    model.clear();
}

void tst_ResultTableModel::cellsAndHeaders_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<bool>("rightAligned");
    QTest::newRow("int") << 0 << 0 << "1" << true;
    QTest::newRow("text") << 0 << 1 << "ada" << false;
    QTest::newRow("null") << 1 << 1 << "NULL" << false;
    QTest::newRow("empty string") << 2 << 1 << "" << false;
    QTest::newRow("numeric") << 1 << 2 << "3.50" << true;
    QTest::newRow("chinese") << 2 << 2 << "数据库" << true;
}

void tst_ResultTableModel::cellsAndHeaders()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, display);
    QFETCH(bool, rightAligned);
    ResultTableModel model;
    model.setResult(makeResult({"id", "name", "amount"}, {23, 25, 1700},
                               {{"1", "ada", "1"}, {"2", nullptr, "3.50"}, {"3", "", "数据库"}}));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("amount"));
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);
    const QModelIndex index = model.index(row, column);
    QCOMPARE(model.data(index).toString(), display);
    const auto alignment = Qt::Alignment(model.data(index, Qt::TextAlignmentRole).toInt());
    QCOMPARE(alignment.testFlag(Qt::AlignRight), rightAligned);
    const bool isNull = display == u"NULL" && row == 1;
    QCOMPARE(model.data(index, Qt::EditRole).isNull(), isNull);
    QCOMPARE(model.data(index, Qt::ForegroundRole).isValid(), isNull);
}

void tst_ResultTableModel::replacingAndClearingResets()
{
    ResultTableModel model;
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setResult(makeResult({"a"}, {25}, {{"x"}, {"y"}}));
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    QCOMPARE(resets.count(), 2);
}

QTEST_MAIN(tst_ResultTableModel)
#include "tst_resulttablemodel.moc"
