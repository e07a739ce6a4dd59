#pragma once

#include "labcheck.h"
#include "labenvironment.h"
#include "throwawayserver.h"

#include <memory>

// A lab on a throwaway server for grader tests: one setup (and variant), a learner's
// sandbox reset before each grading, the learner's SQL run as the learner, then one
// check, written as in a lab file, graded.
class GradingFixture
{
public:
    struct LabData
    {
        QString setup {};
        QString variantSetup {};
        QStringList roles {};
        bool cluster = false;
        QVariantMap clusterSettings {};
        bool archive = false;
        bool standby = false;
        QStringList sessions {}; // the learner's labelled sessions
        // The lab's one step's reference solution: result and plan checks compare the
        // learner's data with the lab's after it (the setup's data when empty).
        QString solution {};
    };

    bool start(const LabData &data, QString *error);
    // Resets the sandbox, runs the learner's SQL (unless runAnswer is false), grades the check.
    CheckVerdict grade(const QString &checkYaml, const QString &answer, bool runAnswer = true);
    // Grades the check on the lab as it is now: no reset, nothing run.
    CheckVerdict gradeAsIs(const QString &checkYaml, const QString &answer = QString());
    // Resets (unless resetFirst is false), plays a script in the learner's labelled sessions
    // ("-- session B" lines switch), grades the check while they are open, then closes them.
    CheckVerdict gradeWithSessions(const QString &checkYaml, const QString &script, bool resetFirst = true);
    // Whether a verdict is as expected: passed or not, its feedback naming `feedback` (when
    // given), and a failure always explained. *why says what differs.
    static bool verdictIs(const CheckVerdict &verdict, bool passes, const QString &feedback, QString *why);

    LabEnvironment &environment() { return *m_environment; }
    ThrowawayServer &server() { return m_server; }

private:
    ThrowawayServer m_server;
    QTemporaryDir m_clusters;
    std::unique_ptr<LabEnvironment> m_environment;
};
