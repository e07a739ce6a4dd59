#include "makeresult.h"
#include "resultexporter.h"
#include "resultformatter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
// id int4, name text, amount numeric, with a NULL, an empty string, quotes, a tab and a newline.
ResultSet sample()
{
    return makeResult({"id", "name", "amount"}, {23, 25, 1700},
                      {{"1", "ada", "3.50"},
                       {"2", nullptr, "10"},
                       {"3", "", "-1"},
                       {"4", "say \"hi\", a|b", "0"},
                       {"5", "tab\there\nnext", "7"}});
}

ResultFormatter::Range range(QList<qsizetype> rows, QList<int> columns)
{
    return {rows, columns};
}
} // namespace

class tst_ResultFormatter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formats_data();
    void formats();
    void displayWidth_data();
    void displayWidth();
    void exportsRoundTrip_data();
    void exportsRoundTrip();
    void cancelledExportLeavesNoFile();
    void exportReportsAnUnwritablePlace();
};

void tst_ResultFormatter::formats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<ResultFormatter::Range>("range");
    QTest::addColumn<QString>("expected");
    QTest::newRow("tsv cells") << "tsv" << range({0, 1}, {1, 2}) << "ada\t3.50\n\t10\n";
    QTest::newRow("tsv flattens tabs and newlines") << "tsv" << range({4}, {1}) << "tab here next\n";
    QTest::newRow("tsv with headers") << "tsv+h" << range({2}, {0, 1}) << "id\tname\n3\t\n";
    QTest::newRow("csv quotes what needs it") << "csv" << range({3, 4}, {1}) << "name\n\"say \"\"hi\"\", a|b\"\n"
                                                                                  "\"tab\there\nnext\"\n";
    QTest::newRow("csv null and empty") << "csv" << range({1, 2}, {1}) << "name\n\n\n";
    QTest::newRow("csv all") << "csv" << ResultFormatter::Range()
                             << "id,name,amount\n1,ada,3.50\n2,,10\n3,,-1\n4,\"say \"\"hi\"\", a|b\",0\n"
                                "5,\"tab\there\nnext\",7\n";
    QTest::newRow("markdown") << "md" << range({0, 1, 3}, {0, 1})
                              << "| id | name |\n| ---: | --- |\n| 1 | ada |\n| 2 | NULL |\n| 4 | say \"hi\", a\\|b |\n";
    QTest::newRow("markdown newline") << "md" << range({4}, {1}) << "| name |\n| --- |\n| tab\there<br>next |\n";
}

void tst_ResultFormatter::formats()
{
    QFETCH(QString, format);
    QFETCH(ResultFormatter::Range, range);
    QFETCH(QString, expected);
    const ResultSet rs = sample();
    QString actual;
    if (format == u"tsv")
        actual = ResultFormatter::tsv(rs, range);
    else if (format == u"tsv+h")
        actual = ResultFormatter::tsv(rs, range, true);
    else if (format == u"csv")
        actual = ResultFormatter::csv(rs, u',', range);
    else
        actual = ResultFormatter::markdown(rs, range);
    QCOMPARE(actual, expected);
}

void tst_ResultFormatter::displayWidth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::newRow("ascii") << "abc" << 3;
    QTest::newRow("chinese") << "数据库" << 6;
    QTest::newRow("mixed") << "PG 学堂" << 7;
    QTest::newRow("fullwidth punctuation") << "，" << 2;
    QTest::newRow("empty") << "" << 0;
}

void tst_ResultFormatter::displayWidth()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QCOMPARE(ResultFormatter::displayWidth(text), width);
}

void tst_ResultFormatter::exportsRoundTrip_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("csv") << false;
    QTest::newRow("json") << true;
}

// More rows than one slice, read back whole.
void tst_ResultFormatter::exportsRoundTrip()
{
    QFETCH(bool, json);
    QList<QByteArray> values;
    QList<QList<const char *>> rows;
    const int n = int(ResultExporter::SliceRows * 2 + 17);
    for (int i = 0; i < n; ++i)
        values << QByteArray::number(i) << (i % 7 == 0 ? QByteArray() : "v,\"" + QByteArray::number(i) + "\"");
    for (int i = 0; i < n; ++i)
        rows << QList<const char *>{values[2 * i].constData(), values[2 * i + 1].isNull() ? nullptr : values[2 * i + 1].constData()};
    const ResultSet rs = makeResult({"n", "label"}, {23, 25}, rows);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out"));
    QList<qsizetype> progress;
    QString error;
    QVERIFY2(ResultExporter::write(rs, path, json ? ResultExporter::Format::Json : ResultExporter::Format::Csv,
                                   [&](qsizetype done) {
                                       progress << done;
                                       return true;
                                   },
                                   &error),
             qPrintable(error));
    QCOMPARE(progress, (QList<qsizetype>{ResultExporter::SliceRows, ResultExporter::SliceRows * 2, n}));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    if (json) {
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(data, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        const QJsonArray all = object.value(QStringLiteral("rows")).toArray();
        QCOMPARE(all.size(), n);
        QVERIFY(all.at(7).toArray().at(1).isNull());
        QCOMPARE(all.at(n - 1).toArray().at(1).toString(), QStringLiteral("v,\"%1\"").arg(n - 1));
        QCOMPARE(object.value(QStringLiteral("columns")).toArray().at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("n"));
    } else {
        QCOMPARE(data, ResultFormatter::csv(rs).toUtf8()); // the same as one piece
    }
}

void tst_ResultFormatter::cancelledExportLeavesNoFile()
{
    QList<QByteArray> numbers;
    QList<QList<const char *>> rows;
    for (int i = 0; i < 25000; ++i)
        numbers << QByteArray::number(i);
    for (const QByteArray &number : std::as_const(numbers))
        rows << QList<const char *>{number.constData()};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cancelled.csv"));
    QString error;
    QVERIFY(!ResultExporter::write(makeResult({"n"}, {23}, rows), path, ResultExporter::Format::Csv,
                                   [](qsizetype done) { return done < ResultExporter::SliceRows * 2; }, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFileInfo::exists(path));
}

void tst_ResultFormatter::exportReportsAnUnwritablePlace()
{
    QString error;
    QVERIFY(!ResultExporter::write(sample(), QStringLiteral("/nonexistent-dir/x.csv"), ResultExporter::Format::Csv,
                                   [](qsizetype) { return true; }, &error));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent-dir/x.csv")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_ResultFormatter)
#include "tst_resultformatter.moc"
