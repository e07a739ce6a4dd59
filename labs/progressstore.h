#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

// A learner's profile. Its profileId names it everywhere (a progress file carries it to
// another installation); id is this store's own.
struct Learner
{
    qint64 id = 0;
    QString name;
    QString language; // the UI language chosen for this profile; empty: the system's
    QDateTime createdAt;
    QString profileId;
    bool hasPin = false;
    QDateTime deletedAt; // valid while a deletion can still be undone
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

// One editor tab of the workbench, kept so that nothing typed is lost to a crash.
struct EditorBuffer
{
    QString id; // a UUID per tab
    QString title;
    QString filePath; // empty for a tab never saved to a file
    QString text;
    bool modified = false; // differs from the file (or is untitled and not empty)
    int cursor = 0;
    int tabOrder = 0;
    QDateTime updatedAt;
};

// One statement the workbench ran.
struct HistoryEntry
{
    enum class Status { Ok, Error, Cancelled };
    qint64 id = 0;
    QString connection;
    QString statement;
    QDateTime startedAt;
    qint64 durationMs = 0;
    qint64 rows = -1; // rows returned or affected, -1 when the command reports none
    Status status = Status::Ok;
    QString sqlState;
};

// Something a learner did in a lesson or a lab.
struct CourseEvent
{
    enum class Kind { Opened, Read, Attempt, Hint, Reset, Solution };
    QString packId;
    QString itemId;
    QString stepId; // labs: the step, for attempts, hints and solutions
    Kind kind = Kind::Opened;
    QDateTime at;   // now, when left invalid
    qint64 durationMs = 0;
    bool passed = false; // attempts: the verdict
    QString detail;      // JSON: the answer and the feedback of an attempt, the hint's number...
};

// What the store knows of one lesson or lab of a learner.
struct ItemProgress
{
    bool read = false;      // lessons: read to the end
    bool attempted = false; // labs: checked at least once
    QSet<QString> passedSteps;
    QHash<QString, int> failedAttempts; // per step
    QSet<QString> solutionsShown;
};

// A server the learner connects to besides the practice server.
struct ConnectionProfile
{
    QString id; // a UUID
    QString name;
    QString conninfo; // keyword=value or URI, never with a password
    QString color;    // "#rrggbb" to tell production from practice at a glance; empty for none
    bool readOnly = false;
    bool savePassword = false; // in the system keychain, never in this store
};

// One practice-exam attempt as stored: what was drawn (DrawnQuestion list as JSON) and when.
struct ExamAttemptRecord
{
    QString attemptId; // a UUID
    qint64 learnerId = 0;
    QString packId;
    QString blueprintId; // empty for drills and review sessions
    QString mode;        // exam, practice, drill, review
    quint64 seed = 0;
    QString questionsJson;
    QDateTime startedAt; // UTC, by the wall clock
    int durationSeconds = 0; // 0: untimed
    QDateTime submittedAt;   // invalid while the attempt is open
    QString submittedBy;     // candidate or timeout
};

// One thing a candidate did in an attempt, in order.
struct ExamEventRecord
{
    QDateTime at;
    int position = 0; // the question's place in the attempt
    QString kind;     // answer, flag, unflag, unsure, sure, visit, graded (an sql answer's verdict)
    QString answerJson; // a CandidateAnswer, for answers
};

// A question in a learner's review queue, scheduled by FSRS.
struct ReviewCardRecord
{
    QString packId;
    QString bankId;
    QString questionId;
    double stability = 0;
    double difficulty = 0;
    QDateTime lastReview;
    QDateTime due;
    int reviews = 0;
    int lapses = 0;
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

    // Profiles. Names are unique among the profiles not deleted; a deletion keeps the
    // profile (hidden) until it is purged, so it can be undone.
    QList<Learner> learners() const; // not deleted, by name
    // The learner who used the app last, created with this name if there is none.
    Learner defaultLearner(const QString &nameForNew);
    std::optional<Learner> learner(qint64 id) const;
    // The interface language of the profile used last in the store at path, read without
    // changing anything (empty when there is none, or the store cannot be read).
    static QString lastUsedLanguage(const QString &path);
    std::optional<Learner> learnerByName(const QString &name) const;
    std::optional<Learner> createLearner(const QString &name, const QString &language = {});
    bool renameLearner(qint64 id, const QString &name);
    bool setLearnerLanguage(qint64 id, const QString &language);
    // The profile opened: it is the default next time.
    bool markLearnerUsed(qint64 id);
    bool deleteLearner(qint64 id, const QDateTime &at = {});
    bool restoreLearner(qint64 id);
    QList<Learner> deletedLearners() const;
    // Removes for good, with everything they recorded, the profiles deleted before then.
    int purgeDeletedLearners(const QDateTime &deletedBefore);
    // A PIN asked before the profile opens (shared laptops), kept as a salted PBKDF2 hash;
    // an empty pin removes it.
    bool setPin(qint64 id, const QString &pin);
    bool checkPin(qint64 id, const QString &pin) const;
    qint64 recordEvent(qint64 learnerId, const QString &kind, const QString &detailJson = QStringLiteral("{}"));
    QList<ActivityEvent> events(qint64 learnerId) const;

    // Editor tabs: saved as they change, removed when closed, restored at start.
    bool saveBuffer(qint64 learnerId, const EditorBuffer &buffer);
    bool removeBuffer(const QString &id);
    QList<EditorBuffer> buffers(qint64 learnerId) const;

    // Connection profiles of this installation. A password in the conninfo is dropped on saving.
    bool saveProfile(const ConnectionProfile &profile);
    bool removeProfile(const QString &id);
    QList<ConnectionProfile> profiles() const;

    // Lessons and labs: every attempt, hint, reset and verdict.
    qint64 recordCourseEvent(qint64 learnerId, const CourseEvent &event);
    QList<CourseEvent> courseEvents(qint64 learnerId, const QString &packId, const QString &itemId) const;
    // Per "packId/itemId": what the completion marks are made of.
    QHash<QString, ItemProgress> courseProgress(qint64 learnerId) const;

    // Practice exams. Each write is its own transaction, durable (synchronous=FULL) when
    // it returns: an answer the UI confirmed survives a crash.
    bool startExamAttempt(const ExamAttemptRecord &attempt);
    bool recordExamEvent(const QString &attemptId, const ExamEventRecord &event);
    bool submitExamAttempt(const QString &attemptId, const QDateTime &at, const QString &by);
    // An open attempt's duration made longer (extra time); false when it is submitted.
    bool extendExamAttempt(const QString &attemptId, int durationSeconds);
    std::optional<ExamAttemptRecord> examAttempt(const QString &attemptId) const;
    // Newest first.
    QList<ExamAttemptRecord> examAttempts(qint64 learnerId) const;
    // The learner's attempt still open (not submitted), if any: what a restart resumes.
    std::optional<ExamAttemptRecord> openExamAttempt(qint64 learnerId) const;
    QList<ExamEventRecord> examEvents(const QString &attemptId) const;

    bool saveReviewCard(qint64 learnerId, const ReviewCardRecord &card);
    QList<ReviewCardRecord> reviewCards(qint64 learnerId) const;

    // When the learner studied, from everything they recorded (the app starting, lessons,
    // labs, statements, exam answers), in local time. A study session is a run of events
    // with no gap over 15 minutes; each counts its span and at least a minute.
    QList<QDate> studyDays(qint64 learnerId) const;                      // newest first
    QMap<QDate, qint64> studySecondsByWeek(qint64 learnerId, const QDate &since) const; // by the week's Monday
    // The lessons and labs the learner opened, newest first, once each: "pack/item".
    QStringList recentItems(qint64 learnerId, int limit) const;

    qint64 recordQuery(qint64 learnerId, const HistoryEntry &entry);
    // Newest first; search matches statements containing the text, case aside.
    QList<HistoryEntry> history(qint64 learnerId, const QString &search = {}, int limit = 500) const;

private:
    friend class ProgressFile;
    std::optional<Learner> findLearner(const char *where, const QString &value) const;
    // Steps a prepared write: the rows it changed, or -1 (errorString() says why).
    int stepWrite(sqlite3_stmt *stmt);
    // A deleted profile of that name gives way to a new or renamed one: its undo ends here.
    bool dropDeletedNamesake(const QString &name);
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
