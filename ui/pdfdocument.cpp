#include "pdfdocument.h"

#include <QFile>
#include <QFont>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

QStringList PdfDocument::fontFamilies()
{
    return {QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC"), QStringLiteral("WenQuanYi Micro Hei"),
            QStringLiteral("WenQuanYi Zen Hei")};
}

bool PdfDocument::printHtml(const QString &html, const QString &title, QPageLayout::Orientation orientation, const QString &path,
                            QString *error)
{
    QPdfWriter writer(path);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("PG Campus"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(orientation);
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    writer.setResolution(300);
    QTextDocument document;
    QFont font;
    font.setFamilies(fontFamilies());
    font.setPointSizeF(10.5);
    // No ligatures: a class id, a login or a password must read (and copy) letter by letter,
    // not "ﬂ" for "fl".
    font.setFeature(QFont::Tag("liga"), 0);
    font.setFeature(QFont::Tag("clig"), 0);
    document.setDefaultFont(font);
    document.setHtml(html);
    document.print(&writer); // laid out for the writer's page, in its resolution
    if (!QFile::exists(path) || QFile(path).size() == 0) {
        *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    return true;
}
