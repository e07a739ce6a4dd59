#pragma once

#include "courselibrary.h"
#include "progressstore.h"

#include <QCoreApplication>

#include <optional>

// Whether a learner has finished a lesson (read to the end) or a lab (every step passed).
namespace CourseCompletion {
bool isDone(const CourseItem &item, const Lab *lab, const ItemProgress &progress);
}

// What the home view shows a learner, computed from the progress store and the courseware:
// completion per track, labs passed and attempted, every exam attempt's score (the trend),
// the weakest domains (exams and labs together), time studied per week, the streak, the
// reviews due today, and where to go on.
struct DashboardData
{
    struct Track
    {
        QString packId;
        QString trackId;
        LocalizedText title;
        int items = 0;
        int done = 0;
        double percent() const { return items > 0 ? 100.0 * done / items : 0; }
    };
    struct ExamPoint
    {
        QString attemptId;
        QString packId;
        QString blueprintId;
        LocalizedText title;
        QDateTime submittedAt;
        double percent = 0;
        bool passed = false;
        int passPercent = 0;
    };
    // A domain's score: exam questions (points of questions) and lab steps (passed of
    // attempted, a step whose solution was shown counting as not passed) together.
    struct Domain
    {
        QString packId;
        QString domain;
        LocalizedText title;
        double points = 0;
        int counted = 0;
        int questions = 0;
        int labSteps = 0;
        double percent() const { return counted > 0 ? 100.0 * points / counted : 0; }
    };
    struct Week
    {
        QDate monday;
        qint64 seconds = 0;
    };
    struct Next
    {
        enum class Kind { Exam, Item } kind = Kind::Item;
        QString packId;
        QString id; // the item, or the open attempt
        LocalizedText title;
    };

    QList<Track> tracks;
    int labsTotal = 0;
    int labsAttempted = 0;
    int labsPassed = 0;
    QList<ExamPoint> exams; // oldest first
    QList<Domain> domains;  // weakest first; only those with something counted
    QList<Week> weeks;      // the last eight, oldest first, empty weeks included
    int streakDays = 0;     // days in a row up to today (or up to yesterday, while today is young)
    int reviewsDue = 0;
    std::optional<Next> next;

    static DashboardData load(const ProgressStore &store, const CourseLibrary &library, qint64 learnerId,
                              const QDateTime &now);
};

Q_DECLARE_METATYPE(DashboardData::Next)
