#pragma once

#include "resultset.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

// Writes a whole result to a file in slices, so a million rows never become one
// string in memory, and reports progress as it goes. The file appears only when
// everything was written (QSaveFile): a cancelled or failed export leaves nothing.
class ResultExporter
{
    Q_DECLARE_TR_FUNCTIONS(ResultExporter)
public:
    enum class Format { Csv, Json };
    static constexpr qsizetype SliceRows = 10000;

    // progress(rowsWritten) is called after each slice; returning false cancels.
    static bool write(const ResultSet &result, const QString &path, Format format,
                      const std::function<bool(qsizetype)> &progress, QString *error);
};
