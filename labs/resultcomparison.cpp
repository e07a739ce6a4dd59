#include "resultcomparison.h"

#include "resultformatter.h"

#include <QHash>

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

// A cell of a column that is a number on both sides, as an exact decimal (money's "$1.00" is not one).
std::optional<DecimalText> number(const Side &side, qsizetype row, const Side &other, int i)
{
    if (!numeric(side, i) || !numeric(other, i))
        return std::nullopt;
    return DecimalText::parse(side.result.bytes(row, side.columns.at(i)));
}

// Orders two cells exactly: NULL first, numbers by value, everything else byte by byte (C collation).
int compareCells(const Side &a, qsizetype ra, const Side &b, qsizetype rb, int i)
{
    const int ca = a.columns.at(i);
    const int cb = b.columns.at(i);
    const bool na = a.result.isNull(ra, ca);
    const bool nb = b.result.isNull(rb, cb);
    if (na || nb)
        return na == nb ? 0 : (na ? -1 : 1);
    const std::optional<DecimalText> da = number(a, ra, b, i);
    const std::optional<DecimalText> db = number(b, rb, a, i);
    if (da && db)
        return DecimalText::compare(*da, *db);
    const QByteArrayView va = a.result.bytes(ra, ca);
    const QByteArrayView vb = b.result.bytes(rb, cb);
    const int c = std::memcmp(va.data(), vb.data(), size_t(std::min(va.size(), vb.size())));
    if (c != 0)
        return c;
    return va.size() == vb.size() ? 0 : (va.size() < vb.size() ? -1 : 1);
}

int compareRows(const Side &a, qsizetype ra, const Side &b, qsizetype rb)
{
    for (int i = 0; i < a.columns.size(); ++i) {
        if (const int c = compareCells(a, ra, b, rb, i))
            return c;
    }
    return 0;
}

// The same row, numbers within the tolerance and everything else exactly; only at the given
// positions of the compared columns when there are some.
bool sameRow(const Side &a, qsizetype ra, const Side &b, qsizetype rb, const DecimalText &tolerance,
             const QList<int> &positions = {})
{
    for (int k = 0; k < (positions.isEmpty() ? a.columns.size() : positions.size()); ++k) {
        const int i = positions.isEmpty() ? k : positions.at(k);
        const std::optional<DecimalText> da = a.result.isNull(ra, a.columns.at(i)) ? std::nullopt : number(a, ra, b, i);
        const std::optional<DecimalText> db = b.result.isNull(rb, b.columns.at(i)) ? std::nullopt : number(b, rb, a, i);
        if (da && db ? !DecimalText::within(*da, *db, tolerance) : compareCells(a, ra, b, rb, i) != 0)
            return false;
    }
    return true;
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

QList<qsizetype> sortedRows(const Side &side, QList<qsizetype> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [&](qsizetype x, qsizetype y) { return compareRows(side, x, side, y) < 0; });
    return rows;
}

QList<qsizetype> allRows(const Side &side)
{
    QList<qsizetype> rows(side.result.rowCount());
    std::iota(rows.begin(), rows.end(), qsizetype(0));
    return rows;
}

// The rows of each side left without a partner on the other: both sorted exactly and merged.
void mergeExactly(const Side &want, const QList<qsizetype> &wantRows, const Side &got, const QList<qsizetype> &gotRows,
                  QList<qsizetype> *missing, QList<qsizetype> *extra)
{
    const QList<qsizetype> ws = sortedRows(want, wantRows);
    const QList<qsizetype> gs = sortedRows(got, gotRows);
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < ws.size() || j < gs.size()) {
        const int c = i == ws.size() ? 1 : j == gs.size() ? -1 : compareRows(want, ws[i], got, gs[j]);
        if (c == 0) {
            ++i;
            ++j;
        } else if (c < 0) {
            *missing << ws[i++];
        } else {
            *extra << gs[j++];
        }
    }
}

// Kuhn's augmenting path from expected row u (indices within one group).
bool augment(int u, const QList<QList<int>> &near, QList<int> &partner, QList<bool> &seen)
{
    for (const int v : near.at(u)) {
        if (seen.at(v))
            continue;
        seen[v] = true;
        if (partner.at(v) < 0 || augment(partner.at(v), near, partner, seen)) {
            partner[v] = u;
            return true;
        }
    }
    return false;
}

// The rows without a partner when numbers may differ by the tolerance: a maximum matching of
// expected to actual rows, inside each group of rows that agree exactly on every column that
// is not a number. (Pairing equal rows first is not enough: with tolerance 1, {0, 1} and
// {1, 2} pair only as 0-1 and 1-2.)
void matchWithin(const Side &want, const Side &got, const DecimalText &tolerance, QList<qsizetype> *missing,
                 QList<qsizetype> *extra)
{
    const auto key = [](const Side &side, const Side &other, qsizetype row) {
        QByteArray k;
        for (int i = 0; i < side.columns.size(); ++i) {
            if (numeric(side, i) && numeric(other, i))
                continue;
            const bool null = side.result.isNull(row, side.columns.at(i));
            const QByteArrayView bytes = null ? QByteArrayView() : side.result.bytes(row, side.columns.at(i));
            k += null ? QByteArray("N") : QByteArray::number(bytes.size()) + ':' + bytes.toByteArray();
        }
        return k;
    };
    QHash<QByteArray, QList<qsizetype>> wantGroups;
    QHash<QByteArray, QList<qsizetype>> gotGroups;
    for (qsizetype r = 0; r < want.result.rowCount(); ++r)
        wantGroups[key(want, got, r)] << r;
    for (qsizetype r = 0; r < got.result.rowCount(); ++r)
        gotGroups[key(got, want, r)] << r;
    constexpr qsizetype MostPairs = 4'000'000; // beyond that, merge exactly as a fallback
    for (auto group = wantGroups.cbegin(); group != wantGroups.cend(); ++group) {
        const QList<qsizetype> ws = group.value();
        const QList<qsizetype> gs = gotGroups.take(group.key());
        if (ws.size() * gs.size() > MostPairs) {
            mergeExactly(want, ws, got, gs, missing, extra);
            continue;
        }
        QList<QList<int>> near(ws.size());
        for (int u = 0; u < ws.size(); ++u) {
            for (int v = 0; v < gs.size(); ++v) {
                if (sameRow(want, ws.at(u), got, gs.at(v), tolerance))
                    near[u] << v;
            }
        }
        QList<int> partner(gs.size(), -1);
        for (int u = 0; u < ws.size(); ++u) {
            QList<bool> seen(gs.size(), false);
            if (!augment(u, near, partner, seen))
                *missing << ws.at(u);
        }
        for (int v = 0; v < gs.size(); ++v) {
            if (partner.at(v) < 0)
                *extra << gs.at(v);
        }
    }
    for (const QList<qsizetype> &rows : std::as_const(gotGroups))
        *extra << rows;
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
            const auto find = [&](const ResultSet &rs) {
                QList<int> found;
                for (int c = 0; c < rs.columnCount(); ++c) {
                    if (rs.columns().at(c).name == name)
                        found << c;
                }
                return found;
            };
            const QList<int> mine = find(actual);
            const QList<int> theirs = find(expected);
            // A name given twice is ambiguous: comparing the first would grade by position.
            for (const auto &[found, whose] : {std::pair{mine, tr("Your result")}, std::pair{theirs, tr("The lab's reference")}}) {
                if (found.size() < 2)
                    continue;
                QStringList positions;
                for (const int c : found)
                    positions << QString::number(c + 1);
                verdict.problems << Problem::WrongColumns;
                verdict.feedback << tr("%1 has %2 columns named %3 (columns %4): give them different names with AS.")
                                        .arg(whose)
                                        .arg(found.size())
                                        .arg(name, positions.join(QStringLiteral(", ")));
                return verdict;
            }
            want.columns << theirs.value(0, -1);
            got.columns << mine.value(0, -1);
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

    // The rows as multisets: what is missing, what is extra.
    QList<qsizetype> missing;
    QList<qsizetype> extra;
    if (options.tolerance.isZero())
        mergeExactly(want, allRows(want), got, allRows(got), &missing, &extra);
    else
        matchWithin(want, got, options.tolerance, &missing, &extra);
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
        // With the same rows on both sides, the same sequence of keys is the same order up to
        // ties, which the ORDER BY leaves free.
        QList<int> key;
        for (const int column : options.orderKey) {
            const int at = int(want.columns.indexOf(column));
            if (at < 0) { // a key not compared: the whole row decides
                key.clear();
                break;
            }
            key << at;
        }
        for (qsizetype r = 0; r < expected.rowCount(); ++r) {
            if (!sameRow(want, r, got, r, options.tolerance, key)) {
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

qsizetype ResultComparison::firstTie(const ResultSet &result, const QList<int> &keyColumns)
{
    Side side{result, {}};
    for (int c = 0; c < result.columnCount(); ++c)
        side.columns << c;
    for (qsizetype r = 0; r + 1 < result.rowCount(); ++r) {
        if (sameRow(side, r, side, r + 1, DecimalText(), keyColumns) && !sameRow(side, r, side, r + 1, DecimalText()))
            return r;
    }
    return -1;
}
