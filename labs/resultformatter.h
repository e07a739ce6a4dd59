#pragma once

#include "resultset.h"

#include <QJsonObject>
#include <QString>

// Writes a result set out as text: the way psql prints it (aligned, or CSV),
// or as JSON. Used by "pgcampus sql" and by copying and exporting results.
namespace ResultFormatter {

// Part of a result: the rows and columns to write, in order; empty means all.
struct Range
{
    QList<qsizetype> rows;
    QList<int> columns;
};

// psql's default output (aligned, border 1, ASCII lines), footer ("(3 rows)", unless
// rowCount is false) and trailing blank line included; NULL shows as an empty cell.
QString aligned(const ResultSet &result, bool rowCount = true);
// psql's expanded display (\x): a "-[ RECORD n ]" line per row, then "column | value" lines;
// only an empty result has a footer ("(0 rows)").
QString expanded(const ResultSet &result);
// One CSV field: quoted when it holds the separator, a quote, a line break (or is \.).
QString csvField(const QString &text, QChar separator = u',');
// psql --csv: a header line, then one line per row; NULL is an empty field.
QString csv(const ResultSet &result, QChar separator = u',', const Range &range = {}, bool header = true);
// Tab-separated, as spreadsheets paste it: tabs and newlines inside values become spaces.
QString tsv(const ResultSet &result, const Range &range = {}, bool header = false);
// A GitHub-flavoured Markdown table; | is escaped, NULL shows as NULL.
QString markdown(const ResultSet &result, const Range &range = {});
// {"columns": [{"name", "type"}], "rows": [[...]], "command": "SELECT 2"}; values are strings or null.
QJsonObject json(const ResultSet &result, const Range &range = {});
// Columns a string takes in a terminal: East Asian wide characters take two.
int displayWidth(QStringView text);
// psql right-aligns these types.
bool isNumericType(unsigned typeOid);

} // namespace ResultFormatter
