#pragma once

#include "labcheck.h"

// A step's verdict: every check's, and passed when all passed.
struct StepVerdict
{
    bool passed = false;
    QList<CheckVerdict> checks;
    // The feedback of the checks that failed, in order.
    QStringList feedback() const;
};

// Grades a step by running each of its checks with the grader of its kind.
class StepGrader
{
    Q_DECLARE_TR_FUNCTIONS(StepGrader)
public:
    // Whether the learner's answer runs in the sandbox before the checks (it does not when
    // a multi-session check places it in its own script).
    static bool runsAnswerFirst(const LabStep &step);
    // Whether the step looks at the learner's labelled sessions (a multi-session check with
    // "observe"): its solution and decoys are scripts for those sessions.
    static bool observesSessions(const LabStep &step);
    // Whether the step's answer is meant to fail (an error check without its own "sql"
    // grades the answer's failure): its reference solution fails, and that is right.
    static bool answerMustFail(const LabStep &step);
    static StepVerdict grade(const LabStep &step, const GradingContext &context);
};
