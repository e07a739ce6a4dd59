#pragma once

#include "decimaltext.h"
#include "resultset.h"

#include <QCoreApplication>
#include <QStringList>

// Compares a learner's result with the reference result of a "result" check:
// by the columns the check names (or all), with or without column names, in order
// or as a multiset, numbers as exact decimals (NaN equal to NaN) or within a tolerance (rows
// then matched so that every pair is within it), text byte for byte (C collation).
// The verdict says what is wrong in a learner's words, with the first differences.
class ResultComparison
{
    Q_DECLARE_TR_FUNCTIONS(ResultComparison)
public:
    struct Options
    {
        bool ordered = false;
        QStringList columns;     // compare only these (by name); empty: all, by position
        bool checkNames = true;  // column names must match
        DecimalText tolerance;   // for numeric columns (0: exactly)
        // ordered: the columns of the expected result the order is defined on (its ORDER BY
        // keys); rows that tie on them may come in any order. Empty: the whole row, in order.
        QList<int> orderKey;
    };

    enum class Problem { None, WrongColumns, WrongTypes, MissingRows, ExtraRows, WrongOrder };

    struct Verdict
    {
        bool passed = false;
        QList<Problem> problems;
        QStringList feedback; // one line per problem, then the first differences
    };

    static constexpr int ShownDifferences = 3;

    static Verdict compare(const ResultSet &expected, const ResultSet &actual, const Options &options);
    // The first row r of result that ties with row r + 1 on the key columns and differs from
    // it in another column (so their order is not determined), or -1.
    static qsizetype firstTie(const ResultSet &result, const QList<int> &keyColumns);
};
