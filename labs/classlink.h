#pragma once

#include "classroom.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <optional>

class QThread;

// A student's link to the class they joined, on a thread of its own with their own login:
// every result is recorded in the class (record_result) with a token of its own, kept in a
// file until the server has it, and sent again after a reconnect or the next start; a
// token the server has already seen is not stored twice, so nothing is lost or counted
// twice. It also follows what the trainer sets (follow me, exam locks, extra time),
// woken by the class's control channel.
class ClassLink : public QObject
{
    Q_OBJECT
public:
    enum class State { Connecting, Live, Reconnecting };
    Q_ENUM(State)

    struct Joined
    {
        int number = 0;        // the student's number in the class
        QString learnerKey;    // names their sandboxes: ID_sNN
        QStringList labs;      // the class's items
        QStringList exams;
    };
    // Logs in as the student and reads the class: a clear error for a wrong password, a
    // login of another class, or no class of that id.
    static std::optional<Joined> join(const ClassFile &file, const QString &login, const QString &password, QString *error);

    // pendingFile: where results not yet on the server are kept (the data directory).
    ClassLink(const ClassFile &file, const QString &login, const QString &password, const QString &pendingFile,
              QObject *parent = nullptr);
    ~ClassLink() override;

    void start();
    void stop();
    State state() const { return m_state; }
    const ClassFile &classFile() const { return m_file; }
    QString login() const { return m_login; }
    // The student's connection to a database of the class's server (their sandboxes).
    QString conninfo(const QString &database = {}) const;

    // Records a check or an exam submission; it reaches the class as soon as it can.
    void record(const QString &item, const QString &step, bool passed, const QString &feedback);
    int pending() const;
    QHash<QString, QString> controls() const;

Q_SIGNALS:
    void stateChanged(ClassLink::State state, const QString &detail);
    void controlsChanged(const QHash<QString, QString> &controls);
    // The server has everything recorded so far.
    void allRecorded();

private:
    struct Pending
    {
        QString token;
        QString item;
        QString step;
        bool passed = false;
        QString feedback;
    };
    void work();
    void setState(State state, const QString &detail);
    void load();
    bool save(); // call with m_lock held

    ClassFile m_file;
    QString m_login;
    QString m_password;
    QString m_pendingFile;
    mutable QMutex m_lock;
    QList<Pending> m_pending;
    QHash<QString, QString> m_controls;
    QThread *m_thread = nullptr;
    std::atomic_bool m_stop = false;
    State m_state = State::Connecting;
};
