#include "resultcomparison.h"

#include "resultformatter.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

namespace {
// One side of the comparison: a result and the columns taken from it.
struct Side
{
    const ResultSet &result;
    QList<int> columns;
};

bool numeric(const Side &side, int i)
{
    return ResultFormatter::isNumericType(side.result.columns().at(side.columns.at(i)).typeOid);
}

// Orders two cells: NULL first, numbers by value, everything else byte by byte (C collation).
int compareCells(const Side &a, qsizetype ra, const Side &b, qsizetype rb, int i, double tolerance)
{
    const int ca = a.columns.at(i);
    const int cb = b.columns.at(i);
    const bool na = a.result.isNull(ra, ca);
    const bool nb = b.result.isNull(rb, cb);
    if (na || nb)
        return na == nb ? 0 : (na ? -1 : 1);
    const QByteArrayView va = a.result.bytes(ra, ca);
    const QByteArrayView vb = b.result.bytes(rb, cb);
    if (numeric(a, i) && numeric(b, i)) {
        bool oka = false;
        bool okb = false;
        const double da = va.toByteArray().toDouble(&oka);
        const double db = vb.toByteArray().toDouble(&okb);
        if (oka && okb) {
            if (std::fabs(da - db) <= tolerance)
                return 0;
            return da < db ? -1 : 1;
        }
    }
    const int c = std::memcmp(va.data(), vb.data(), size_t(std::min(va.size(), vb.size())));
    if (c != 0)
        return c;
    return va.size() == vb.size() ? 0 : (va.size() < vb.size() ? -1 : 1);
}

int compareRows(const Side &a, qsizetype ra, const Side &b, qsizetype rb, double tolerance)
{
    for (int i = 0; i < a.columns.size(); ++i) {
        if (const int c = compareCells(a, ra, b, rb, i, tolerance))
            return c;
    }
    return 0;
}

QString rowText(const Side &side, qsizetype row)
{
    QStringList cells;
    for (const int c : side.columns)
        cells << (side.result.isNull(row, c) ? QStringLiteral("NULL") : side.result.text(row, c));
    return u'(' + cells.join(QStringLiteral(", ")) + u')';
}

QString names(const ResultSet &result, const QList<int> &columns)
{
    QStringList list;
    for (const int c : columns)
        list << result.columns().at(c).name;
    return list.join(QStringLiteral(", "));
}

QList<qsizetype> sortedRows(const Side &side, double tolerance)
{
    QList<qsizetype> rows(side.result.rowCount());
    std::iota(rows.begin(), rows.end(), qsizetype(0));
    std::stable_sort(rows.begin(), rows.end(),
                     [&](qsizetype x, qsizetype y) { return compareRows(side, x, side, y, tolerance) < 0; });
    return rows;
}
} // namespace

ResultComparison::Verdict ResultComparison::compare(const ResultSet &expected, const ResultSet &actual,
                                                    const Options &options)
{
    Verdict verdict;
    Side want{expected, {}};
    Side got{actual, {}};

    // Which columns, and do they line up?
    if (!options.columns.isEmpty()) {
        QStringList absent;
        for (const QString &name : options.columns) {
            auto find = [&](const ResultSet &rs) {
                for (int c = 0; c < rs.columnCount(); ++c) {
                    if (rs.columns().at(c).name == name)
                        return c;
                }
                return -1;
            };
            want.columns << find(expected);
            got.columns << find(actual);
            if (got.columns.last() < 0 || want.columns.last() < 0)
                absent << name;
        }
        if (!absent.isEmpty()) {
            verdict.problems << Problem::WrongColumns;
            verdict.feedback << tr("Your result has no column named %1.").arg(absent.join(QStringLiteral(", ")));
            return verdict;
        }
    } else {
        for (int c = 0; c < expected.columnCount(); ++c)
            want.columns << c;
        for (int c = 0; c < actual.columnCount(); ++c)
            got.columns << c;
        if (want.columns.size() != got.columns.size() ||
            (options.checkNames && names(expected, want.columns) != names(actual, got.columns))) {
            verdict.problems << Problem::WrongColumns;
            verdict.feedback << tr("Wrong columns: expected (%1), your result has (%2).")
                                    .arg(names(expected, want.columns), names(actual, got.columns));
            return verdict;
        }
    }
    for (int i = 0; i < want.columns.size(); ++i) {
        const ResultColumn &w = expected.columns().at(want.columns.at(i));
        const ResultColumn &g = actual.columns().at(got.columns.at(i));
        if (numeric(want, i) != numeric(got, i) || (!numeric(want, i) && w.typeOid != g.typeOid)) {
            verdict.problems << Problem::WrongTypes;
            verdict.feedback << tr("Wrong type for %1: expected %2, your result has %3.")
                                    .arg(w.name, w.typeName.isEmpty() ? QString::number(w.typeOid) : w.typeName,
                                         g.typeName.isEmpty() ? QString::number(g.typeOid) : g.typeName);
        }
    }
    if (!verdict.problems.isEmpty())
        return verdict;

    // The rows as multisets: what is missing, what is extra. Sorted exactly (a tolerance
    // would not give a strict order), then matched within the tolerance.
    const QList<qsizetype> ws = sortedRows(want, 0);
    const QList<qsizetype> gs = sortedRows(got, 0);
    QList<qsizetype> missing;
    QList<qsizetype> extra;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < ws.size() || j < gs.size()) {
        const int c = i == ws.size() ? 1 : j == gs.size() ? -1 : compareRows(want, ws[i], got, gs[j], options.tolerance);
        if (c == 0) {
            ++i;
            ++j;
        } else if (c < 0) {
            missing << ws[i++];
        } else {
            extra << gs[j++];
        }
    }
    auto listRows = [&](const Side &side, QList<qsizetype> rows) {
        std::sort(rows.begin(), rows.end());
        for (qsizetype k = 0; k < std::min<qsizetype>(rows.size(), ShownDifferences); ++k)
            verdict.feedback << QStringLiteral("  ") + rowText(side, rows.at(k));
    };
    if (!missing.isEmpty()) {
        verdict.problems << Problem::MissingRows;
        verdict.feedback << tr("%n row(s) missing from your result, for example:", nullptr, int(missing.size()));
        listRows(want, missing);
    }
    if (!extra.isEmpty()) {
        verdict.problems << Problem::ExtraRows;
        verdict.feedback << tr("%n row(s) in your result that should not be there, for example:", nullptr,
                               int(extra.size()));
        listRows(got, extra);
    }
    if (verdict.problems.isEmpty() && options.ordered) {
        for (qsizetype r = 0; r < expected.rowCount(); ++r) {
            if (compareRows(want, r, got, r, options.tolerance) != 0) {
                verdict.problems << Problem::WrongOrder;
                verdict.feedback << tr("The right rows in the wrong order: row %1 is %2, expected %3.")
                                        .arg(r + 1)
                                        .arg(rowText(got, r), rowText(want, r));
                break;
            }
        }
    }
    verdict.passed = verdict.problems.isEmpty();
    return verdict;
}
