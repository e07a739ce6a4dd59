#pragma once

#include "classroom.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

// One row of a class's result table: a check of a lab step, or an exam submission.
struct ClassResult
{
    qint64 id = 0;
    QString login;
    QString item;
    QString step;
    bool passed = false;
    QString feedback;
    QDateTime at; // when the server recorded it (UTC)
};

// Follows a class for the trainer: reads the roster, then every result as it is recorded,
// woken by the NOTIFY that record_result() sends. It works on a thread of its own with a
// blocking connection; a server that goes away is reconnected to every second, and what
// was recorded meanwhile is read then, so nothing is missed or delivered twice.
class ClassMonitor : public QObject
{
    Q_OBJECT
public:
    enum class State { Connecting, Live, Reconnecting };
    Q_ENUM(State)

    ClassMonitor(const QString &trainerConninfo, const QString &classId, QObject *parent = nullptr);
    ~ClassMonitor() override;

    void start();
    void stop();
    State state() const { return m_state; }

Q_SIGNALS:
    // Once a connection is made, and again after each reconnect.
    void rosterLoaded(const QList<ClassStudent> &students, const QStringList &items);
    // New rows only, in the order they were recorded.
    void resultsArrived(const QList<ClassResult> &results);
    void stateChanged(ClassMonitor::State state, const QString &detail);

private:
    void work();
    void setState(State state, const QString &detail);

    QString m_trainer;
    QString m_classId;
    QThread *m_thread = nullptr;
    std::atomic_bool m_stop = false;
    State m_state = State::Connecting;
};

Q_DECLARE_METATYPE(ClassResult)
