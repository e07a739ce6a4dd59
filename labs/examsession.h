#pragma once

#include "examdraw.h"
#include "progressstore.h"
#include "question.h"
#include "questiongrader.h"

#include <QCoreApplication>
#include <QMap>

#include <functional>
#include <optional>

// One practice-exam attempt over the progress store. Its questions were drawn once (seed
// and shown orders stored with it); its state (answers, flags, "unsure" marks, visits) is
// rebuilt from the events it stored, so a restart resumes it exactly. Time is kept by the
// wall clock: the deadline is the start plus the duration, whatever happened in between.
// Every action is stored durably before it returns true; when it returns false (a full
// disk), the caller keeps the answer and tries again.
class ExamSession
{
    Q_DECLARE_TR_FUNCTIONS(ExamSession)
public:
    struct QuestionState
    {
        CandidateAnswer answer;
        bool answered = false;
        bool flagged = false;
        bool unsure = false;
        bool visited = false;
        // An sql answer's verdict from the sandbox, while the answer is the one it was for.
        std::optional<QuestionScore> graded;
        QString gradedText;
    };

    // A new attempt of a blueprint (mode "exam"), or a drill (mode "practice": untimed,
    // feedback after each answer) of count questions from some domains.
    static std::optional<ExamSession> start(ProgressStore &store, const CoursePack &pack, const ExamBlueprint &blueprint,
                                            qint64 learnerId, quint64 seed, const QDateTime &now, QString *error);
    static std::optional<ExamSession> startDrill(ProgressStore &store, const CoursePack &pack, const QStringList &domains,
                                                 int count, qint64 learnerId, quint64 seed, const QDateTime &now,
                                                 QString *error);
    // A review session (mode "review"): the given due cards' questions, untimed.
    static std::optional<ExamSession> startReview(ProgressStore &store, const CoursePack &pack,
                                                  const QList<ReviewCardRecord> &cards, qint64 learnerId, quint64 seed,
                                                  const QDateTime &now, QString *error);
    static std::optional<ExamSession> resume(ProgressStore &store, const CoursePack &pack, const QString &attemptId,
                                             QString *error);

    const ExamAttemptRecord &record() const { return m_record; }
    int count() const { return int(m_questions.size()); }
    const DrawnQuestion &drawn(int position) const { return m_questions.at(position); }
    const Question *question(int position) const;
    QuestionState state(int position) const { return m_states.value(position); }
    int unansweredCount() const;
    int flaggedCount() const;

    // Seconds left at `now` (never below 0), or -1 for an untimed attempt.
    int remainingSeconds(const QDateTime &now) const;
    bool isSubmitted() const { return m_record.submittedAt.isValid(); }
    // Why the last action could not be stored.
    QString storeError() const { return m_store->errorString(); }
    bool timeIsUp(const QDateTime &now) const { return remainingSeconds(now) == 0; }

    bool answer(int position, const CandidateAnswer &answer, const QDateTime &now);
    bool setFlagged(int position, bool flagged, const QDateTime &now);
    bool setUnsure(int position, bool unsure, const QDateTime &now);
    bool visit(int position, const QDateTime &now);
    // Ends the attempt: by the candidate, or at the deadline ("timeout"), whichever the
    // clock says; an attempt whose time ran out is submitted as at its deadline.
    bool submit(const QDateTime &now);
    // A longer duration for an open timed attempt (extra time a trainer gives); a shorter
    // one, an untimed or a submitted attempt is left as it is (false).
    bool extendTo(int durationSeconds);
    // The sandbox's verdict on the sql answer at position: kept with the attempt, so its
    // score is read back without grading again. Also taken after the attempt ended, as
    // grading follows the submission.
    bool recordGraded(int position, const QuestionScore &verdict, const QDateTime &now);
    static bool recordGraded(ProgressStore &store, const ExamAttemptRecord &attempt, int position, const QString &answerText,
                             const QuestionScore &verdict, const QDateTime &now);
    // The attempt's sql answers that wait for the sandbox: where, the question, the answer.
    struct UngradedAnswer
    {
        int position = 0;
        const Question *question = nullptr;
        QString text;
    };
    static QList<UngradedAnswer> ungradedSql(const CoursePack &pack, const ExamAttemptRecord &attempt,
                                             const QList<ExamEventRecord> &events);

    // A review session: reschedules the card of the question at position (see ReviewQueue).
    bool rate(int position, bool right, const QDateTime &now);

    // Each question's state after the events, in order: what resume, scoring, the review
    // queue and the results all read an attempt by.
    static QList<QuestionState> replay(qsizetype count, const QList<ExamEventRecord> &events);

    static QString questionsToJson(const QList<DrawnQuestion> &questions);
    static QList<DrawnQuestion> questionsFromJson(const QString &json);

private:
    ExamSession(ProgressStore &store, const CoursePack &pack, const ExamAttemptRecord &record);
    bool store(int position, const QString &kind, const QString &answerJson, const QDateTime &now);
    static void apply(QList<QuestionState> &states, const ExamEventRecord &event);
    static std::optional<ExamSession> begin(ProgressStore &store, const CoursePack &pack, ExamAttemptRecord record,
                                            const ExamDraw::Result &drawn, QString *error);

    ProgressStore *m_store;
    const CoursePack *m_pack;
    ExamAttemptRecord m_record;
    QList<DrawnQuestion> m_questions;
    QList<QuestionState> m_states;
};

// An attempt's score, from its stored answers only: total, pass or fail, and by domain
// and by difficulty.
struct ExamScore
{
    struct Part
    {
        double points = 0;
        int questions = 0;
        double percent() const { return questions > 0 ? 100.0 * points / questions : 0; }
    };
    int questions = 0;
    double points = 0;
    bool passed = false;
    QMap<QString, Part> byDomain;
    QMap<int, Part> byDifficulty;
    QList<QuestionScore> perQuestion; // in the attempt's order
    int pending = 0;                  // sql answers not graded yet
    double percent() const { return questions > 0 ? 100.0 * points / questions : 0; }

    // An sql answer scores what the sandbox said of it (recordGraded); one not graded
    // yet goes to sqlGrader, or without one counts as pending and scores nothing.
    static ExamScore of(const CoursePack &pack, const ExamAttemptRecord &attempt, const QList<ExamEventRecord> &events,
                        int passPercent,
                        const std::function<QuestionScore(const Question &, const CandidateAnswer &)> &sqlGrader = {});
};

// A learner's submitted attempts at one exam, oldest first, each with its score: the
// trend a result shows.
struct ExamHistoryEntry
{
    QString attemptId;
    QDateTime submittedAt;
    double percent = 0;
    bool passed = false;
    int pending = 0; // sql answers not graded yet

    static QList<ExamHistoryEntry> of(const ProgressStore &store, const CoursePack &pack, const ExamBlueprint &blueprint,
                                      qint64 learnerId);
};

// The review queue: questions answered wrong or marked unsure in an attempt become cards,
// rated Again (wrong) or Hard (right but unsure); a card already queued is also rated Good
// when it is answered right. Scheduling is FSRS (see fsrs.h).
class ReviewQueue
{
public:
    // An sql answer not graded yet is left for later: only (when given) takes the positions
    // graded since.
    static bool updateFromAttempt(ProgressStore &store, const CoursePack &pack, const ExamAttemptRecord &attempt,
                                  const QList<ExamEventRecord> &events, const ExamScore &score, const QDateTime &now,
                                  const QList<int> &only = {});
    static QList<ReviewCardRecord> due(const ProgressStore &store, qint64 learnerId, const QDateTime &now);
    // One card reviewed now: rated Again when wrong, Hard when right but unsure, else Good.
    static bool rate(ProgressStore &store, qint64 learnerId, const QString &packId, const DrawnQuestion &question,
                     bool right, bool unsure, const QDateTime &now);
};
