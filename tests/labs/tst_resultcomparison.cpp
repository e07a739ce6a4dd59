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
    tolerant.tolerance = *DecimalText::parse("0.01");
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

    // Numbers are compared exactly as decimals, never as doubles.
    QTest::newRow("big integers exactly")
        << Table{{"n"}, {1700}, {{"9007199254740993"}}} << Table{{"n"}, {1700}, {{"9007199254740992"}}} << unordered
        << Problems{P::MissingRows, P::ExtraRows} << "(9007199254740992)";
    QTest::newRow("bigint's largest against a numeric one less")
        << Table{{"n"}, {20}, {{"9223372036854775807"}}} << Table{{"n"}, {1700}, {{"9223372036854775806"}}} << unordered
        << Problems{P::MissingRows, P::ExtraRows} << "(9223372036854775806)";
    QTest::newRow("the 22nd decimal counts")
        << Table{{"n"}, {1700}, {{"0.1000000000000000000001"}}} << Table{{"n"}, {1700}, {{"0.1"}}} << unordered
        << Problems{P::MissingRows, P::ExtraRows} << "(0.1)";
    QTest::newRow("a float prints the decimal it equals")
        << Table{{"n"}, {701}, {{"0.1"}}} << Table{{"n"}, {1700}, {{"0.10"}}} << unordered << Problems{} << "";
    QTest::newRow("an exponent is a way of writing the same number")
        << Table{{"n"}, {701}, {{"1e+21"}}} << Table{{"n"}, {1700}, {{"1000000000000000000000"}}} << unordered
        << Problems{} << "";
    ResultComparison::Options tenth;
    tenth.tolerance = *DecimalText::parse("0.1");
    QTest::newRow("tolerance in decimal arithmetic, on its boundary")
        << Table{{"n"}, {1700}, {{"1.0"}}} << Table{{"n"}, {1700}, {{"1.1"}}} << tenth << Problems{} << "";
    QTest::newRow("just past the tolerance")
        << Table{{"n"}, {1700}, {{"1.0"}}} << Table{{"n"}, {1700}, {{"1.1000000000000000001"}}} << tenth
        << Problems{P::MissingRows, P::ExtraRows} << "(1.1000000000000000001)";
    // NaN equals NaN, as PostgreSQL sorts and groups it; infinities and -0 as numbers.
    QTest::newRow("NaN equals NaN") << Table{{"n"}, {1700}, {{"NaN"}}} << Table{{"n"}, {1700}, {{"NaN"}}} << unordered
                                    << Problems{} << "";
    QTest::newRow("a float NaN equals a numeric NaN")
        << Table{{"n"}, {701}, {{"NaN"}}} << Table{{"n"}, {1700}, {{"NaN"}}} << unordered << Problems{} << "";
    QTest::newRow("NaN keeps its place in an ordered result")
        << Table{{"n"}, {1700}, {{"1"}, {"NaN"}}} << Table{{"n"}, {1700}, {{"1"}, {"NaN"}}} << ordered << Problems{}
        << "";
    QTest::newRow("NaN sorts after Infinity")
        << Table{{"n"}, {701}, {{"Infinity"}, {"NaN"}}} << Table{{"n"}, {701}, {{"NaN"}, {"Infinity"}}} << ordered
        << Problems{P::WrongOrder} << "row 1 is (NaN), expected (Infinity)";
    QTest::newRow("NaN is not Infinity")
        << Table{{"n"}, {701}, {{"NaN"}}} << Table{{"n"}, {701}, {{"Infinity"}}} << tolerant
        << Problems{P::MissingRows, P::ExtraRows} << "(Infinity)";
    QTest::newRow("-Infinity before every number")
        << Table{{"n"}, {701}, {{"-Infinity"}, {"-1e308"}}} << Table{{"n"}, {1700}, {{"-Infinity"}, {"-1e308"}}} << ordered
        << Problems{} << "";
    QTest::newRow("-0 equals 0") << Table{{"n"}, {701}, {{"-0"}}} << Table{{"n"}, {1700}, {{"0.00"}}} << unordered
                                 << Problems{} << "";
    // With a tolerance rows are paired within it, not sorted exactly first.
    QTest::newRow("rows matched within the tolerance across columns")
        << Table{{"total", "name"}, {1700, 25}, {{"100.002", "a"}, {"100.001", "b"}}}
        << Table{{"total", "name"}, {1700, 25}, {{"100.00", "a"}, {"100.00", "b"}}} << tolerant << Problems{} << "";
    QTest::newRow("two numeric columns within the tolerance")
        << Table{{"x", "y"}, {1700, 1700}, {{"1.004", "2.0"}, {"1.0", "2.009"}}}
        << Table{{"x", "y"}, {1700, 1700}, {{"1.0", "2.0"}, {"1.0", "2.0"}}} << tolerant << Problems{} << "";
    ResultComparison::Options one;
    one.tolerance = *DecimalText::parse("1");
    QTest::newRow("pairing the equal rows first would fail")
        << Table{{"n"}, {1700}, {{"0"}, {"1"}}} << Table{{"n"}, {1700}, {{"1"}, {"2"}}} << one << Problems{} << "";
    QTest::newRow("still outside the tolerance")
        << Table{{"total", "name"}, {1700, 25}, {{"100.02", "a"}}} << Table{{"total", "name"}, {1700, 25}, {{"100.00", "a"}}}
        << tolerant << Problems{P::MissingRows, P::ExtraRows} << "(100.00, a)";
    // A column the check names twice over is ambiguous, on either side.
    QTest::newRow("a declared column twice in the answer")
        << abc << Table{{"name", "name"}, {25, 25}, {{"a", "zzz"}, {"b", "zzz"}, {"c", "zzz"}}} << onlyName
        << Problems{P::WrongColumns} << "Your result has 2 columns named name (columns 1, 2)";
    // ORDER BY k leaves rows that tie on k in any order.
    ResultComparison::Options byKey = ordered;
    byKey.orderKey = {0};
    const Table tied{{"k", "v"}, {23, 25}, {{"1", "a"}, {"1", "b"}, {"2", "c"}}};
    QTest::newRow("tied rows in another order") << tied << Table{{"k", "v"}, {23, 25}, {{"1", "b"}, {"1", "a"}, {"2", "c"}}}
                                                << byKey << Problems{} << "";
    QTest::newRow("a key out of order") << tied << Table{{"k", "v"}, {23, 25}, {{"2", "c"}, {"1", "a"}, {"1", "b"}}} << byKey
                                        << Problems{P::WrongOrder} << "row 1 is (2, c), expected (1, a)";
    QTest::newRow("tied rows without the key are an order") << tied
                                                             << Table{{"k", "v"}, {23, 25}, {{"1", "b"}, {"1", "a"}, {"2", "c"}}}
                                                             << ordered << Problems{P::WrongOrder} << "row 1 is (1, b)";
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
