#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

struct sqlite3;

struct Learner
{
    qint64 id = 0;
    QString name;
    QString language;
    QDateTime createdAt;
};

struct ActivityEvent
{
    qint64 id = 0;
    QString eventId; // a UUID: merging progress files later keys on it
    qint64 learnerId = 0;
    QString kind;
    QDateTime at;
    QString detail; // JSON object
};

// Every learner's progress in one SQLite file: versioned migrations, WAL,
// foreign keys. A corrupt or unreadable file is set aside, never crashed on.
class ProgressStore
{
    Q_DECLARE_TR_FUNCTIONS(ProgressStore)
public:
    ProgressStore() = default;
    ~ProgressStore();
    ProgressStore(const ProgressStore &) = delete;
    ProgressStore &operator=(const ProgressStore &) = delete;

    static int latestSchemaVersion();

    // Opens or creates the store, migrating it to the latest schema.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_db != nullptr; }

    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    // Set when the file found was unusable and was moved aside: tell the learner once.
    QString recoveryNotice() const { return m_recoveryNotice; }
    QString setAsidePath() const { return m_setAsidePath; }

    int schemaVersion() const;
    QString pragma(const QString &name) const;

    QList<Learner> learners() const;
    // The learner who used the app last, created with this name if there is none.
    Learner defaultLearner(const QString &nameForNew);
    qint64 recordEvent(qint64 learnerId, const QString &kind, const QString &detailJson = QStringLiteral("{}"));
    QList<ActivityEvent> events(qint64 learnerId) const;

private:
    enum class OpenOutcome { Ok, Unusable, Failed };
    OpenOutcome tryOpen();
    bool migrate();
    bool exec(const char *sql);
    bool setAside(const QString &reason);
    QString sqliteError() const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    QString m_error;
    QString m_recoveryNotice;
    QString m_setAsidePath;
};
