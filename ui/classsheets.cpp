#include "classsheets.h"

#include "classdashboardmodel.h"
#include "pdfdocument.h"
#include "resultformatter.h"

#include <QLocale>

namespace {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString ClassSheets::credentialsHtml(const ClassFile &file, const QList<ClassStudent> &students)
{
    const QString server = file.port.isEmpty() ? file.host : file.host + u':' + file.port;
    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<p style='font-size:9pt; color:#555'>%1</p>")
                .arg(escaped(tr("PG Campus class %1%2 — cut along the dashed lines and hand each student their card. "
                                "Passwords are shown once; keep this sheet away from the class.")
                                 .arg(file.classId, file.title.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(file.title))));
    html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='10' "
                           "style='border-collapse:collapse; border: 1px dashed #888'>");
    for (qsizetype i = 0; i < students.size(); ++i) {
        const ClassStudent &s = students.at(i);
        if (i % 2 == 0)
            html += QStringLiteral("<tr>");
        html += QStringLiteral(
                    "<td width='50%' style='border: 1px dashed #888; vertical-align: top'>"
                    "<p style='font-size:8pt; color:#666'>PG Campus · %1</p>"
                    "<p style='font-size:13pt'><b>%2</b> &nbsp; <span style='color:#666'>#%3</span></p>"
                    "<table cellspacing='0' cellpadding='2' style='font-size:9.5pt'>"
                    "<tr><td style='color:#555'>%4</td><td>%5</td></tr>"
                    "<tr><td style='color:#555'>%6</td><td>%7</td></tr>"
                    "<tr><td style='color:#555'>%8</td><td>%9</td></tr>"
                    "<tr><td style='color:#555'>%10</td><td style='font-family:monospace'>%11</td></tr>"
                    "<tr><td style='color:#555'>%12</td><td style='font-family:monospace; font-size:13pt'><b>%13</b></td></tr>"
                    "</table>"
                    "<p style='font-size:8pt; color:#666'>%14</p></td>")
                    .arg(escaped(tr("Class %1").arg(file.classId)), escaped(s.name))
                    .arg(s.number, 2, 10, QChar(u'0'))
                    .arg(escaped(tr("Server")), escaped(server), escaped(tr("Database")), escaped(file.database),
                         escaped(tr("Class")), escaped(file.classId), escaped(tr("Login")), escaped(s.login))
                    .arg(escaped(tr("Password")), escaped(s.password),
                         escaped(tr("In PG Campus: Class → Join a Class…, open the class file or type these details.")));
        if (i % 2 == 1 || i == students.size() - 1)
            html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table></body></html>");
    return html;
}

bool ClassSheets::writeCredentialsPdf(const QString &path, const ClassFile &file, const QList<ClassStudent> &students,
                                      QString *error)
{
    return PdfDocument::printHtml(credentialsHtml(file, students), tr("PG Campus class %1: credentials").arg(file.classId),
                                  QPageLayout::Portrait, path, error);
}

QString ClassSheets::resultsCsv(const ClassDashboardModel &model)
{
    QStringList header{QStringLiteral("number"), QStringLiteral("name"), QStringLiteral("login")};
    for (const ClassItem &item : model.items())
        header << ResultFormatter::csvField(item.id) + QStringLiteral("_state") << ResultFormatter::csvField(item.id) + QStringLiteral("_attempts");
    QString out = header.join(u',') + u'\n';
    for (int row = 0; row < model.rowCount(); ++row) {
        const ClassStudent &s = model.students().at(row);
        QStringList line{QString::number(s.number), ResultFormatter::csvField(s.name), s.login};
        for (int column = 0; column < model.columnCount(); ++column) {
            static const char *names[] = {"not_started", "in_progress", "failed", "stuck", "passed"};
            line << QString::fromLatin1(names[int(model.cell(row, column))]) << QString::number(model.attempts(row, column).size());
        }
        out += line.join(u',') + u'\n';
    }
    return out;
}

QString ClassSheets::resultsHtml(const ClassDashboardModel &model, const QString &classId)
{
    QString html = QStringLiteral("<html><body><h2>%1</h2><p style='color:#555'>%2</p>")
                       .arg(escaped(tr("Class %1: results").arg(classId)),
                            escaped(tr("%1 students · %2 passed · %3 stuck · printed %4")
                                        .arg(model.rowCount())
                                        .arg(model.count(ClassDashboardModel::Cell::Passed))
                                        .arg(model.count(ClassDashboardModel::Cell::Stuck))
                                        .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat))));
    html += QStringLiteral("<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse; font-size:9pt'><tr><th></th>");
    for (const ClassItem &item : model.items())
        html += QStringLiteral("<th>%1</th>").arg(escaped(item.title));
    html += QStringLiteral("</tr>");
    for (int row = 0; row < model.rowCount(); ++row) {
        html += QStringLiteral("<tr><td>%1</td>").arg(escaped(model.headerData(row, Qt::Vertical).toString()));
        for (int column = 0; column < model.columnCount(); ++column) {
            const ClassDashboardModel::Cell cell = model.cell(row, column);
            html += QStringLiteral("<td align='center' style='background-color:%1; color:%2'>%3</td>")
                        .arg(cell == ClassDashboardModel::Cell::NotStarted ? QStringLiteral("#ffffff") : ClassDashboardModel::cellColor(cell).name(), cell == ClassDashboardModel::Cell::NotStarted ? QStringLiteral("#000") : QStringLiteral("#fff"),
                             escaped(model.index(row, column).data().toString()));
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table><p style='font-size:8pt; color:#555'>%1</p></body></html>")
                .arg(escaped(tr("✓ passed · n/m steps passed · ✗ n failed attempts · n min stuck (failing, no step passed for that long)")));
    return html;
}

bool ClassSheets::writeResultsPdf(const QString &path, const ClassDashboardModel &model, const QString &classId, QString *error)
{
    return PdfDocument::printHtml(resultsHtml(model, classId), tr("PG Campus class %1: results").arg(classId),
                                  QPageLayout::Landscape, path, error);
}
