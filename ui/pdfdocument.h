#pragma once

#include <QCoreApplication>
#include <QPageLayout>
#include <QStringList>

// HTML laid out on A4 pages and written as a PDF (reports, certificates, class sheets),
// in fonts that have both Latin and CJK glyphs, so Chinese names print as text.
class PdfDocument
{
    Q_DECLARE_TR_FUNCTIONS(PdfDocument)
public:
    static QStringList fontFamilies();
    static bool printHtml(const QString &html, const QString &title, QPageLayout::Orientation orientation, const QString &path,
                          QString *error);
};
