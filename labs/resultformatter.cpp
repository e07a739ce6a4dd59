#include "resultformatter.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <numeric>

namespace ResultFormatter {
namespace {
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

QString spaces(int n)
{
    return n > 0 ? QString(n, u' ') : QString();
}

// A cell split at its newlines, each line with its display width.
struct CellLines
{
    QStringList lines;
    QList<int> widths;
};

// As psql shows a line: tabs to the next multiple of 8, \r and other control characters escaped.
QString printable(const QString &line)
{
    QString out;
    int width = 0;
    for (const QChar c : line) {
        if (c == u'\t') {
            const int pad = 8 - width % 8;
            out += spaces(pad);
            width += pad;
        } else if (c == u'\r') {
            out += QStringLiteral("\\r");
            width += 2;
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0')).toUpper().replace(u'X', u'x');
            width += 4;
        } else {
            out += c;
            width += c.isSurrogate() ? 1 : displayWidth(QStringView(&c, 1));
        }
    }
    return out;
}

CellLines splitCell(const QString &text)
{
    CellLines cell;
    for (const QString &line : text.split(u'\n')) {
        cell.lines << printable(line);
        cell.widths << displayWidth(cell.lines.last());
    }
    return cell;
}
} // namespace

bool isNumericType(unsigned oid)
{
    switch (oid) {
    case 20:   // int8
    case 21:   // int2
    case 23:   // int4
    case 26:   // oid
    case 28:   // xid
    case 29:   // cid
    case 700:  // float4
    case 701:  // float8
    case 790:  // money
    case 1700: // numeric
    case 5069: // xid8
        return true;
    default:
        return false;
    }
}

int displayWidth(QStringView text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4())
        width += isWide(c) ? 2 : 1;
    return width;
}

QString aligned(const ResultSet &result, bool rowCount)
{
    const int columns = result.columnCount();
    const qsizetype rows = result.rowCount();
    QList<CellLines> headers;
    QList<int> widths(columns, 0);
    QList<bool> right(columns, false);
    for (int c = 0; c < columns; ++c) {
        headers << splitCell(result.columns().at(c).name);
        widths[c] = *std::max_element(headers[c].widths.cbegin(), headers[c].widths.cend());
        right[c] = isNumericType(result.columns().at(c).typeOid);
    }
    auto cellText = [&](qsizetype r, int c) { return result.isNull(r, c) ? QString() : result.text(r, c); };
    for (qsizetype r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const CellLines cell = splitCell(cellText(r, c));
            widths[c] = std::max(widths[c], *std::max_element(cell.widths.cbegin(), cell.widths.cend()));
        }
    }

    QString out;
    // Header: names centred; a name of several lines continues with '+'.
    int headerLines = 0;
    for (const CellLines &h : std::as_const(headers))
        headerLines = std::max(headerLines, int(h.lines.size()));
    for (int line = 0; line < headerLines; ++line) {
        for (int c = 0; c < columns; ++c) {
            const CellLines &h = headers.at(c);
            out += u' ';
            if (line < h.lines.size()) {
                const int pad = widths[c] - h.widths.at(line);
                out += spaces(pad / 2) + h.lines.at(line) + spaces((pad + 1) / 2);
                out += line + 1 < h.lines.size() ? u'+' : u' ';
            } else {
                out += spaces(widths[c]) + u' ';
            }
            if (c + 1 < columns)
                out += u'|';
        }
        out += u'\n';
    }
    for (int c = 0; c < columns; ++c) {
        out += QString(widths[c] + 2, u'-');
        if (c + 1 < columns)
            out += u'+';
    }
    out += u'\n';

    for (qsizetype r = 0; r < rows; ++r) {
        QList<CellLines> cells;
        int lines = 1;
        for (int c = 0; c < columns; ++c) {
            cells << splitCell(cellText(r, c));
            lines = std::max(lines, int(cells.last().lines.size()));
        }
        for (int line = 0; line < lines; ++line) {
            for (int c = 0; c < columns; ++c) {
                const CellLines &cell = cells.at(c);
                const bool last = c + 1 == columns;
                const bool continues = line + 1 < cell.lines.size();
                out += u' ';
                if (line < cell.lines.size()) {
                    const int pad = widths[c] - cell.widths.at(line);
                    if (right[c])
                        out += spaces(pad) + cell.lines.at(line);
                    else
                        out += cell.lines.at(line) + ((!last || continues) ? spaces(pad) : QString());
                } else if (!last) {
                    out += spaces(widths[c]);
                }
                if (continues)
                    out += u'+';
                else if (!last)
                    out += u' ';
                if (!last)
                    out += u'|';
            }
            out += u'\n';
        }
    }
    if (rowCount)
        out += rows == 1 ? QStringLiteral("(1 row)\n") : QStringLiteral("(%1 rows)\n").arg(rows);
    out += u'\n';
    return out;
}

QString expanded(const ResultSet &result)
{
    const int columns = result.columnCount();
    const qsizetype rows = result.rowCount();
    if (rows == 0)
        return QStringLiteral("(0 rows)\n\n");
    QList<CellLines> headers;
    int hwidth = 0, dwidth = 0;
    for (int c = 0; c < columns; ++c) {
        headers << splitCell(result.columns().at(c).name);
        hwidth = std::max(hwidth, *std::max_element(headers[c].widths.cbegin(), headers[c].widths.cend()));
    }
    for (qsizetype r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const CellLines cell = splitCell(result.isNull(r, c) ? QString() : result.text(r, c));
            dwidth = std::max(dwidth, *std::max_element(cell.widths.cbegin(), cell.widths.cend()));
        }
    }
    QString out;
    for (qsizetype r = 0; r < rows; ++r) {
        // "-[ RECORD n ]" then dashes as far as the header, the "-+-" and the values reach.
        const QString record = QStringLiteral("[ RECORD %1 ]").arg(r + 1);
        int reclen = int(record.size()) + 1;
        out += u'-' + record;
        for (int i = reclen; i < hwidth; ++i)
            out += u'-';
        reclen -= hwidth;
        for (QChar rule : {u'-', u'+', u'-'}) {
            if (reclen-- <= 0)
                out += rule;
        }
        for (int i = std::max(reclen, 0); i < dwidth; ++i)
            out += u'-';
        out += u'\n';
        for (int c = 0; c < columns; ++c) {
            const CellLines &h = headers.at(c);
            const CellLines d = splitCell(result.isNull(r, c) ? QString() : result.text(r, c));
            const int lines = int(std::max(h.lines.size(), d.lines.size()));
            for (int line = 0; line < lines; ++line) {
                if (line < h.lines.size())
                    out += h.lines.at(line) + spaces(hwidth - h.widths.at(line));
                else
                    out += spaces(hwidth);
                out += line + 1 < h.lines.size() ? u'+' : u' ';
                out += QStringLiteral("| ");
                if (line < d.lines.size()) {
                    out += d.lines.at(line);
                    if (line + 1 < d.lines.size())
                        out += spaces(dwidth - d.widths.at(line)) + u'+';
                }
                out += u'\n';
            }
        }
    }
    out += u'\n';
    return out;
}

namespace {
QList<qsizetype> rowsOf(const ResultSet &result, const Range &range)
{
    if (!range.rows.isEmpty())
        return range.rows;
    QList<qsizetype> all(result.rowCount());
    std::iota(all.begin(), all.end(), qsizetype(0));
    return all;
}

QList<int> columnsOf(const ResultSet &result, const Range &range)
{
    if (!range.columns.isEmpty())
        return range.columns;
    QList<int> all(result.columnCount());
    std::iota(all.begin(), all.end(), 0);
    return all;
}

// One line per row of the range, each cell written by cell(), joined by separator.
template<typename Cell, typename Header>
QString lines(const ResultSet &result, const Range &range, QStringView separator, Header headerCell, Cell cell,
              bool header)
{
    const QList<int> columns = columnsOf(result, range);
    QString out;
    QStringList line;
    if (header) {
        for (const int c : columns)
            line << headerCell(result.columns().at(c).name);
        out += line.join(separator) + u'\n';
    }
    for (const qsizetype r : rowsOf(result, range)) {
        line.clear();
        for (const int c : columns)
            line << cell(r, c);
        out += line.join(separator) + u'\n';
    }
    return out;
}
} // namespace

QString csvField(const QString &text, QChar separator)
{
    const bool quote = text.contains(separator) || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')
        || text == u"\\.";
    if (!quote)
        return text;
    return u'"' + QString(text).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QString csv(const ResultSet &result, QChar separator, const Range &range, bool header)
{
    auto field = [separator](const QString &text) { return csvField(text, separator); };
    return lines(result, range, QStringView(&separator, 1), field,
                 [&](qsizetype r, int c) { return result.isNull(r, c) ? QString() : field(result.text(r, c)); },
                 header);
}

QString tsv(const ResultSet &result, const Range &range, bool header)
{
    auto flat = [](QString text) {
        return text.replace(u'\t', u' ').replace(QStringLiteral("\r\n"), QStringLiteral(" ")).replace(u'\n', u' ');
    };
    return lines(result, range, u"\t", flat,
                 [&](qsizetype r, int c) { return result.isNull(r, c) ? QString() : flat(result.text(r, c)); },
                 header);
}

QString markdown(const ResultSet &result, const Range &range)
{
    auto cellText = [](QString text) {
        return text.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'|', QStringLiteral("\\|"))
            .replace(QStringLiteral("\r\n"), QStringLiteral("<br>"))
            .replace(u'\n', QStringLiteral("<br>"));
    };
    const QList<int> columns = columnsOf(result, range);
    QStringList names;
    QString rule = QStringLiteral("|");
    for (const int c : columns) {
        names << cellText(result.columns().at(c).name);
        rule += isNumericType(result.columns().at(c).typeOid) ? QStringLiteral(" ---: |") : QStringLiteral(" --- |");
    }
    QString out = QStringLiteral("| ") + names.join(QStringLiteral(" | ")) + QStringLiteral(" |\n") + rule + u'\n';
    for (const qsizetype r : rowsOf(result, range)) {
        QStringList cells;
        for (const int c : columns)
            cells << (result.isNull(r, c) ? QStringLiteral("NULL") : cellText(result.text(r, c)));
        out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    return out;
}

QJsonObject json(const ResultSet &result, const Range &range)
{
    const QList<int> columnList = columnsOf(result, range);
    QJsonArray columns;
    for (const int c : columnList) {
        const ResultColumn &column = result.columns().at(c);
        columns.append(QJsonObject{{QStringLiteral("name"), column.name},
                                   {QStringLiteral("type"), column.typeName},
                                   {QStringLiteral("typeOid"), qint64(column.typeOid)}});
    }
    QJsonArray rows;
    for (const qsizetype r : rowsOf(result, range)) {
        QJsonArray row;
        for (const int c : columnList)
            row.append(result.isNull(r, c) ? QJsonValue() : QJsonValue(result.text(r, c)));
        rows.append(row);
    }
    QJsonObject object{{QStringLiteral("columns"), columns}, {QStringLiteral("rows"), rows},
                       {QStringLiteral("command"), result.commandTag()}};
    if (result.isTruncated())
        object.insert(QStringLiteral("rowsReceived"), qint64(result.rowsReceived()));
    return object;
}

} // namespace ResultFormatter
