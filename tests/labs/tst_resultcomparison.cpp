#include "makeresult.h"
#include "resultcomparison.h"

#include <QTest>

namespace {
using Rows = QList<QList<const char *>>;
using Problems = QList<ResultComparison::Problem>;
using P = ResultComparison::Problem;

struct Table
{
    QList<QByteArray> names;
    QList<unsigned> types;
    Rows rows;
};
} // namespace
Q_DECLARE_METATYPE(Table)
Q_DECLARE_METATYPE(ResultComparison::Options)

class tst_ResultComparison : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compares_data();
    void compares();
};

// int4 = 23, int8 = 20, numeric = 1700, text = 25, float8 = 701
void tst_ResultComparison::compares_data()
{
    QTest::addColumn<Table>("expected");
    QTest::addColumn<Table>("actual");
    QTest::addColumn<ResultComparison::Options>("options");
    QTest::addColumn<Problems>("problems");
    QTest::addColumn<QString>("feedback"); // a part of the feedback

    const Table abc{{"id", "name"}, {23, 25}, {{"1", "a"}, {"2", "b"}, {"3", "c"}}};
    const ResultComparison::Options unordered;
    ResultComparison::Options ordered;
    ordered.ordered = true;

    QTest::newRow("same rows") << abc << abc << unordered << Problems{} << "";
    QTest::newRow("other order, unordered check")
        << abc << Table{{"id", "name"}, {23, 25}, {{"3", "c"}, {"1", "a"}, {"2", "b"}}} << unordered << Problems{} << "";
    QTest::newRow("other order, ordered check")
        << abc << Table{{"id", "name"}, {23, 25}, {{"2", "b"}, {"1", "a"}, {"3", "c"}}} << ordered
        << Problems{P::WrongOrder} << "row 1 is (2, b), expected (1, a)";
    QTest::newRow("a row missing") << abc << Table{{"id", "name"}, {23, 25}, {{"1", "a"}, {"2", "b"}}} << unordered
                                   << Problems{P::MissingRows} << "(3, c)";
    QTest::newRow("a row too many")
        << abc << Table{{"id", "name"}, {23, 25}, {{"1", "a"}, {"2", "b"}, {"3", "c"}, {"4", "d"}}} << unordered
        << Problems{P::ExtraRows} << "(4, d)";
    QTest::newRow("missing and extra")
        << abc << Table{{"id", "name"}, {23, 25}, {{"1", "a"}, {"2", "b"}, {"3", "x"}}} << unordered
        << Problems{P::MissingRows, P::ExtraRows} << "(3, x)";
    QTest::newRow("a duplicate is not the same rows")
        << Table{{"n"}, {23}, {{"1"}, {"1"}}} << Table{{"n"}, {23}, {{"1"}}} << unordered << Problems{P::MissingRows}
        << "1 row(s) missing";
    QTest::newRow("column named differently")
        << abc << Table{{"id", "label"}, {23, 25}, abc.rows} << unordered << Problems{P::WrongColumns}
        << "expected (id, name), your result has (id, label)";
    ResultComparison::Options anyNames;
    anyNames.checkNames = false;
    QTest::newRow("names not checked") << abc << Table{{"id", "label"}, {23, 25}, abc.rows} << anyNames << Problems{}
                                       << "";
    QTest::newRow("one column of two")
        << abc << Table{{"id"}, {23}, {{"1"}, {"2"}, {"3"}}} << unordered << Problems{P::WrongColumns} << "(id)";
    ResultComparison::Options onlyName;
    onlyName.columns = {QStringLiteral("name")};
    QTest::newRow("declared columns only")
        << abc << Table{{"name", "extra", "id"}, {25, 25, 23}, {{"b", "x", "9"}, {"a", "y", "8"}, {"c", "z", "7"}}}
        << onlyName << Problems{} << "";
    QTest::newRow("declared column absent")
        << abc << Table{{"id", "label"}, {23, 25}, abc.rows} << onlyName << Problems{P::WrongColumns} << "name";
    QTest::newRow("numbers equal as numbers")
        << Table{{"amount"}, {1700}, {{"1.50"}, {"2"}}} << Table{{"amount"}, {1700}, {{"1.5"}, {"2.00"}}} << unordered
        << Problems{} << "";
    ResultComparison::Options tolerant;
    tolerant.tolerance = 0.01;
    QTest::newRow("within tolerance") << Table{{"avg"}, {701}, {{"3.14159"}}} << Table{{"avg"}, {1700}, {{"3.14"}}}
                                      << tolerant << Problems{} << "";
    QTest::newRow("outside tolerance") << Table{{"avg"}, {701}, {{"3.14159"}}} << Table{{"avg"}, {1700}, {{"3.14"}}}
                                       << unordered << Problems{P::MissingRows, P::ExtraRows} << "(3.14)";
    QTest::newRow("C collation order: B before a")
        << Table{{"s"}, {25}, {{"B"}, {"a"}}} << Table{{"s"}, {25}, {{"a"}, {"B"}}} << ordered
        << Problems{P::WrongOrder} << "row 1 is (a), expected (B)";
    QTest::newRow("NULL is not the empty string")
        << Table{{"s"}, {25}, {{nullptr}}} << Table{{"s"}, {25}, {{""}}} << unordered
        << Problems{P::MissingRows, P::ExtraRows} << "(NULL)";
    QTest::newRow("bigint count against integer")
        << Table{{"count"}, {20}, {{"10"}}} << Table{{"count"}, {23}, {{"10"}}} << unordered << Problems{} << "";
    QTest::newRow("number as text") << Table{{"n"}, {23}, {{"10"}}} << Table{{"n"}, {25}, {{"10"}}} << unordered
                                    << Problems{P::WrongTypes} << "Wrong type for n";
    QTest::newRow("both empty") << Table{{"n"}, {23}, {}} << Table{{"n"}, {23}, {}} << ordered << Problems{} << "";
}

void tst_ResultComparison::compares()
{
    QFETCH(Table, expected);
    QFETCH(Table, actual);
    QFETCH(ResultComparison::Options, options);
    QFETCH(Problems, problems);
    QFETCH(QString, feedback);
    const ResultComparison::Verdict verdict =
        ResultComparison::compare(makeResult(expected.names, expected.types, expected.rows),
                                  makeResult(actual.names, actual.types, actual.rows), options);
    QCOMPARE(verdict.problems, problems);
    QCOMPARE(verdict.passed, problems.isEmpty());
    const QString all = verdict.feedback.join(u'\n');
    QVERIFY2(all.contains(feedback), qPrintable(all));
    QCOMPARE(verdict.feedback.isEmpty(), problems.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ResultComparison)
#include "tst_resultcomparison.moc"
