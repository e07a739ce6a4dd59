#include "resultexporter.h"

#include "resultformatter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <numeric>

namespace {
ResultFormatter::Range slice(qsizetype from, qsizetype to)
{
    ResultFormatter::Range range;
    range.rows.resize(to - from);
    std::iota(range.rows.begin(), range.rows.end(), from);
    return range;
}

// {"columns": [...], "command": "...", "rows": [ — the rows follow, one per line.
QByteArray jsonOpening(const ResultSet &result)
{
    QJsonObject head = ResultFormatter::json(result, slice(0, 0));
    head.remove(QStringLiteral("rows"));
    QByteArray text = QJsonDocument(head).toJson(QJsonDocument::Compact);
    text.chop(1); // the closing brace
    return text + ",\"rows\":[\n";
}

QByteArray jsonRows(const ResultSet &result, qsizetype from, qsizetype to)
{
    QByteArray text;
    for (qsizetype r = from; r < to; ++r) {
        QJsonArray row;
        for (int c = 0; c < result.columnCount(); ++c)
            row.append(result.isNull(r, c) ? QJsonValue() : QJsonValue(result.text(r, c)));
        text += QJsonDocument(row).toJson(QJsonDocument::Compact);
        text += r + 1 < result.rowCount() ? ",\n" : "\n";
    }
    return text;
}
} // namespace

bool ResultExporter::write(const ResultSet &result, const QString &path, Format format,
                           const std::function<bool(qsizetype)> &progress, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    const qsizetype rows = result.rowCount();
    if (format == Format::Json)
        file.write(jsonOpening(result));
    for (qsizetype from = 0; from < rows || (from == 0 && format == Format::Csv); from += SliceRows) {
        const qsizetype to = std::min(rows, from + SliceRows);
        if (format == Format::Csv)
            file.write(ResultFormatter::csv(result, u',', slice(from, to), from == 0).toUtf8());
        else
            file.write(jsonRows(result, from, to));
        if (!progress(to)) {
            file.cancelWriting();
            *error = tr("The export was cancelled.");
            return false;
        }
        if (to == rows)
            break;
    }
    if (format == Format::Json)
        file.write("]}\n");
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
