#pragma once

#include "labcheck.h"

// kind: multi-session. Sessions A, B... (each its own connection as the learner) follow
// a script; the learner's answer runs where the script says. Each entry expects the
// statement to finish, to fail with a SQLSTATE, to return a value or a row count, or to
// block on another session's lock; `session: grader` looks on as the administrator.
// Everything is rolled back at the end.
//
// With "observe" instead of "script", the learner drives: the lab's labelled sessions
// (Session A, Session B tabs, see LearnerSessions) are looked at as they are: a session
// waits for a lock another holds (pg_blocking_pids), is in a state (pg_stat_activity), or
// holds a lock mode, on a table or anywhere (pg_locks).
class MultiSessionCheck : public CheckGrader
{
    Q_DECLARE_TR_FUNCTIONS(MultiSessionCheck)
public:
    QStringList validate(const LabCheck &check) const override;
    CheckVerdict grade(const LabCheck &check, const GradingContext &context) const override;

    static constexpr int DefaultWaitMs = 500;

private:
    CheckVerdict gradeObserved(const LabCheck &check, const GradingContext &context) const;

public:
    // How long a statement that waits for a lock gets before it is called stuck:
    // beyond deadlock_timeout (1 s by default), so a deadlock is seen as one.
    static constexpr int LockGraceMs = 1500;
};
