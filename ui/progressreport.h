#pragma once

#include "dashboard.h"

#include <QCoreApplication>

// A learner's progress as documents to file: a report (PDF, from a QTextDocument printed by
// QPdfWriter, Chinese set in a CJK font Debian ships; and CSV, a row per track, lab, exam
// attempt and domain) and, for a finished track, a certificate with a verification code
// derived from the stored results.
class ProgressReport
{
    Q_DECLARE_TR_FUNCTIONS(ProgressReport)
public:
    ProgressReport(const ProgressStore &store, const CourseLibrary &library, qint64 learnerId, const QString &language);

    bool writePdf(const QString &path, QString *error) const;
    bool writeCsv(const QString &path, QString *error) const;

    // The tracks every item of which is done: those a certificate can be made for.
    QList<DashboardData::Track> finishedTracks() const;
    bool writeCertificate(const QString &packId, const QString &trackId, const QString &path, QString *error) const;
    // Twelve characters from a SHA-256 of the profile's id, the track, and each of its items
    // with the stored event that finished it: the same results give the same code
    // anywhere, other results another. Empty while the track is not finished.
    QString verificationCode(const QString &packId, const QString &trackId) const;

    // The font families a PDF is set in: a Latin face, then CJK ones that Debian ships.

private:
    QString text(const LocalizedText &localized) const;
    QString html() const;

    const ProgressStore &m_store;
    const CourseLibrary &m_library;
    qint64 m_learnerId;
    QString m_language;
    Learner m_learner;
    DashboardData m_data;
};
