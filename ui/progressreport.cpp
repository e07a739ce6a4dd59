#include "progressreport.h"

#include "pdfdocument.h"
#include "resultformatter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace {
QString cell(const QString &text)
{
    return text.toHtmlEscaped();
}
} // namespace

ProgressReport::ProgressReport(const ProgressStore &store, const CourseLibrary &library, qint64 learnerId,
                               const QString &language)
    : m_store(store)
    , m_library(library)
    , m_learnerId(learnerId)
    , m_language(language)
    , m_learner(store.learner(learnerId).value_or(Learner()))
    , m_data(DashboardData::load(store, library, learnerId, QDateTime::currentDateTime()))
{
}

QString ProgressReport::text(const LocalizedText &localized) const
{
    return inLanguage(localized, m_language);
}

QString ProgressReport::html() const
{
    const QLocale locale(m_language == u"zh_CN" ? QStringLiteral("zh_CN") : QStringLiteral("en"));
    QString h = QStringLiteral("<h1>%1</h1><p>%2</p>")
                    .arg(cell(tr("PG Campus progress report: %1").arg(m_learner.name)),
                         cell(tr("Made on %1. Everything below comes from the learner's own progress store.")
                                  .arg(locale.toString(QDate::currentDate(), QLocale::LongFormat))));
    h += QStringLiteral("<h2>%1</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">").arg(cell(tr("Courses")));
    h += QStringLiteral("<tr><th align=\"left\">%1</th><th>%2</th><th>%3</th></tr>").arg(cell(tr("Track")), cell(tr("Done")), cell(tr("Completion")));
    for (const DashboardData::Track &t : m_data.tracks)
        h += QStringLiteral("<tr><td>%1</td><td align=\"center\">%2 / %3</td><td align=\"center\">%4 %</td></tr>")
                 .arg(cell(text(t.title)))
                 .arg(t.done)
                 .arg(t.items)
                 .arg(qRound(t.percent()));
    h += QStringLiteral("</table><p>%1</p>")
             .arg(cell(tr("Labs passed: %1 of %2 (%3 attempted).").arg(m_data.labsPassed).arg(m_data.labsTotal).arg(m_data.labsAttempted)));
    h += QStringLiteral("<h2>%1</h2>").arg(cell(tr("Exams")));
    if (m_data.exams.isEmpty()) {
        h += QStringLiteral("<p>%1</p>").arg(cell(tr("No exam taken yet.")));
    } else {
        h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"><tr><th align=\"left\">%1</th>"
                            "<th align=\"left\">%2</th><th>%3</th><th>%4</th></tr>")
                 .arg(cell(tr("Date")), cell(tr("Exam")), cell(tr("Score")), cell(tr("Result")));
        for (const DashboardData::ExamPoint &e : m_data.exams)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td align=\"center\">%3 %</td><td align=\"center\">%4</td></tr>")
                     .arg(cell(locale.toString(e.submittedAt.toLocalTime(), QLocale::ShortFormat)), cell(text(e.title)))
                     .arg(QString::number(e.percent, 'f', 1))
                     .arg(cell(e.passed ? tr("passed") : tr("not passed (pass mark %1 %)").arg(e.passPercent)));
        h += QStringLiteral("</table>");
    }
    if (!m_data.domains.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"><tr>"
                            "<th align=\"left\">%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
                 .arg(cell(tr("Domains, weakest first")), cell(tr("Domain")), cell(tr("Score")), cell(tr("Exam questions")),
                      cell(tr("Lab steps")));
        for (const DashboardData::Domain &d : m_data.domains)
            h += QStringLiteral("<tr><td>%1</td><td align=\"center\">%2 %</td><td align=\"center\">%3</td><td align=\"center\">%4</td></tr>")
                     .arg(cell(text(d.title).isEmpty() ? d.domain : text(d.title)))
                     .arg(qRound(d.percent()))
                     .arg(d.questions)
                     .arg(d.labSteps);
        h += QStringLiteral("</table>");
    }
    qint64 seconds = 0;
    for (const DashboardData::Week &w : m_data.weeks)
        seconds += w.seconds;
    h += QStringLiteral("<h2>%1</h2><p>%2</p>")
             .arg(cell(tr("Study")),
                  cell(tr("%1 hours in the last eight weeks; %n day(s) in a row up to now.", nullptr, m_data.streakDays)
                           .arg(QString::number(seconds / 3600.0, 'f', 1))));
    return h;
}

bool ProgressReport::writePdf(const QString &path, QString *error) const
{
    return PdfDocument::printHtml(html(), tr("PG Campus progress report: %1").arg(m_learner.name), QPageLayout::Portrait, path, error);
}

bool ProgressReport::writeCsv(const QString &path, QString *error) const
{
    QStringList lines = {QStringLiteral("kind,pack,id,title,date,score_percent,result")};
    for (const DashboardData::Track &t : m_data.tracks)
        lines << QStringList{QStringLiteral("track"), t.packId, t.trackId, ResultFormatter::csvField(text(t.title)), QString(),
                             QString::number(t.percent(), 'f', 1), QStringLiteral("%1/%2").arg(t.done).arg(t.items)}
                     .join(u',');
    for (const DashboardData::ExamPoint &e : m_data.exams)
        lines << QStringList{QStringLiteral("exam"), e.packId, e.attemptId, ResultFormatter::csvField(text(e.title)),
                             e.submittedAt.toUTC().toString(Qt::ISODate), QString::number(e.percent, 'f', 1),
                             e.passed ? QStringLiteral("passed") : QStringLiteral("not passed")}
                     .join(u',');
    for (const DashboardData::Domain &d : m_data.domains)
        lines << QStringList{QStringLiteral("domain"), d.packId, d.domain, ResultFormatter::csvField(text(d.title)), QString(),
                             QString::number(d.percent(), 'f', 1),
                             QStringLiteral("%1 questions, %2 lab steps").arg(d.questions).arg(d.labSteps)}
                     .join(u',');
    for (const DashboardData::Week &w : m_data.weeks)
        lines << QStringList{QStringLiteral("week"), QString(), QString(), QString(), w.monday.toString(Qt::ISODate), QString(),
                             QStringLiteral("%1 s").arg(w.seconds)}
                     .join(u',');
    QSaveFile file(path);
    // A byte order mark, so spreadsheet programs read the Chinese titles as UTF-8.
    if (!file.open(QIODevice::WriteOnly) || file.write("\xEF\xBB\xBF" + lines.join(QStringLiteral("\r\n")).toUtf8() + "\r\n") < 0
        || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QList<DashboardData::Track> ProgressReport::finishedTracks() const
{
    QList<DashboardData::Track> done;
    for (const DashboardData::Track &t : m_data.tracks) {
        if (t.items > 0 && t.done == t.items)
            done << t;
    }
    return done;
}

QString ProgressReport::verificationCode(const QString &packId, const QString &trackId) const
{
    const CoursePack *pack = m_library.pack(packId);
    const auto finished = finishedTracks();
    if (!pack || std::none_of(finished.cbegin(), finished.cend(),
                              [&](const DashboardData::Track &t) { return t.packId == packId && t.trackId == trackId; }))
        return {};
    QStringList parts = {m_learner.profileId, packId, trackId};
    for (const CourseTrack &track : pack->tracks) {
        if (track.id != trackId)
            continue;
        for (const CourseModule &module : track.modules) {
            for (const CourseItem &item : module.items) {
                // When it was finished: the lesson first read, each lab step first passed.
                QMap<QString, QDateTime> firstPassed;
                QDateTime read;
                for (const CourseEvent &e : m_store.courseEvents(m_learnerId, packId, item.id)) {
                    if (e.kind == CourseEvent::Kind::Read && !read.isValid())
                        read = e.at;
                    if (e.kind == CourseEvent::Kind::Attempt && e.passed && !firstPassed.contains(e.stepId))
                        firstPassed.insert(e.stepId, e.at);
                }
                QDateTime finishedAt = read;
                for (const QDateTime &at : std::as_const(firstPassed))
                    finishedAt = std::max(finishedAt, at);
                parts << item.id + u'@' + finishedAt.toUTC().toString(Qt::ISODateWithMs);
            }
        }
    }
    const QByteArray hex = QCryptographicHash::hash(parts.join(u'|').toUtf8(), QCryptographicHash::Sha256).toHex().toUpper();
    return QStringLiteral("%1-%2-%3").arg(QString::fromLatin1(hex.mid(0, 4)), QString::fromLatin1(hex.mid(4, 4)),
                                          QString::fromLatin1(hex.mid(8, 4)));
}

bool ProgressReport::writeCertificate(const QString &packId, const QString &trackId, const QString &path, QString *error) const
{
    const QString code = verificationCode(packId, trackId);
    const CoursePack *pack = m_library.pack(packId);
    if (code.isEmpty() || !pack) {
        *error = tr("The track is not finished yet: a certificate comes when every lesson is read and every lab passed.");
        return false;
    }
    LocalizedText trackTitle;
    for (const CourseTrack &t : pack->tracks) {
        if (t.id == trackId)
            trackTitle = t.title;
    }
    const QLocale locale(m_language == u"zh_CN" ? QStringLiteral("zh_CN") : QStringLiteral("en"));
    const QString html =
        QStringLiteral("<div align=\"center\"><p style=\"font-size:14pt\">%1</p><h1 style=\"font-size:30pt\">%2</h1>"
                       "<p style=\"font-size:14pt\">%3</p><h1 style=\"font-size:26pt\">%4</h1><p style=\"font-size:14pt\">%5</p>"
                       "<p style=\"font-size:12pt\">%6</p><p style=\"font-size:11pt\">%7</p></div>")
            .arg(cell(tr("PG Campus certifies that")), cell(m_learner.name), cell(tr("has completed the track")),
                 cell(text(pack->title) + QStringLiteral(" · ") + text(trackTitle)),
                 cell(tr("every lesson read and every lab passed, graded against a real PostgreSQL server")),
                 cell(locale.toString(QDate::currentDate(), QLocale::LongFormat)),
                 cell(tr("Verification code: %1 (derived from the stored results)").arg(code)));
    return PdfDocument::printHtml(html, tr("Certificate: %1").arg(text(trackTitle)), QPageLayout::Landscape, path, error);
}
