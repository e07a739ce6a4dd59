#pragma once

#include "graderconnection.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <map>

// A lab's labelled learner sessions ("sessions: [A, B]" in the lab): in the app, editor
// tabs "Session A" and "Session B" connected to the learner's sandbox; here, the same
// connections when `courseware check --run` plays a solution written for them. Each
// connects with the application_name applicationName() gives, which is how a
// multi-session check with "observe" finds them in pg_stat_activity and pg_locks.
class LearnerSessions
{
    Q_DECLARE_TR_FUNCTIONS(LearnerSessions)
public:
    static QString applicationName(const QString &session);

    struct Line
    {
        QString session;
        QString sql; // one statement
    };
    // A solution for labelled sessions: a line "-- session B" switches to that session,
    // statements run where the last such line says (the first session before any).
    static QList<Line> parse(const QString &script, const QString &firstSession);
    // Whether a solution is written for sessions (it has a "-- session" line).
    static bool isSessionScript(const QString &script);
    struct Marker
    {
        QString session;
        int line = 0; // 1-based, within the script
    };
    // The "-- session X" lines of a script, in order.
    static QList<Marker> markers(const QString &script);

    // How long a statement runs before it is left waiting (a lock) and the script goes on;
    // beyond deadlock_timeout, so a deadlock is detected before the next statement.
    static constexpr int WaitMs = 1500;

    // Plays a script: each session connects to sessionConninfo(name) when first named.
    // False when a session cannot connect, or is named again while it still waits.
    bool play(const std::function<QString(const QString &)> &sessionConninfo, const QString &script,
              const QString &firstSession, QString *error);
    // The statements of the last play() that failed, as "Session A: message".
    QStringList failures() const { return m_failures; }
    // Cancels what still waits, rolls back and disconnects every session.
    void closeAll();
    ~LearnerSessions() { closeAll(); }

private:
    std::map<QString, GraderConnection> m_sessions;
    QStringList m_failures;
};
