#pragma once

#include "courselibrary.h"
#include "progressstore.h"
#include "questiongrader.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <optional>
#include <utility>

// Grades the sql answers of practice exams (ExamSqlGrader) off the UI thread, one job at a
// time, in sandboxes on the practice server: a submitted attempt's answers not graded yet
// (each verdict stored with the attempt as it comes), or one answer a practising candidate
// asked to check. Jobs wait while the server starts, and fail with its reason if it cannot.
class SqlAnswerGrading : public QObject
{
    Q_OBJECT
public:
    // The learner's profile id names the sandboxes; workDirectory is where a cluster task would go.
    SqlAnswerGrading(ProgressStore &store, const CourseLibrary &library, qint64 learnerId, const QString &workDirectory,
                     QObject *parent = nullptr);
    // Waits for the job under way.
    ~SqlAnswerGrading() override;

    // The server is up (adminConninfo: a superuser connection to it), or cannot be.
    void setServer(const QString &adminConninfo);
    void setServerUnavailable(const QString &why);

    // Grades the attempt's sql answers that wait; how many there are (0: nothing to do, no
    // signal follows).
    int gradeAttempt(const QString &attemptId, const QString &language);
    // Grades one answer; answerGraded follows. Nothing is stored: the caller's session does.
    void gradeAnswer(const QString &attemptId, int position, const Question &question, const CandidateAnswer &answer,
                     const QString &language);
    bool isBusy() const { return m_worker || !m_jobs.isEmpty(); }

Q_SIGNALS:
    // The attempt's answers were graded and stored (at those positions); errors: why some
    // could not be.
    void attemptGraded(const QString &attemptId, const QList<int> &positions, const QStringList &errors);
    void answerGraded(const QString &attemptId, int position, const QString &answerText,
                      const std::optional<QuestionScore> &verdict, const QString &error);

private:
    struct Item
    {
        int position = 0;
        Question question;
        QString answerText;
    };
    struct Job
    {
        QString attemptId;
        QString language;
        bool storeVerdicts = false; // a submitted attempt's answers, not one being checked
        QList<Item> items;
    };
    struct Outcome
    {
        std::optional<QuestionScore> verdict;
        QString error;
    };
    void next();
    void finish(const Job &job, const QList<Outcome> &outcomes);

    ProgressStore &m_store;
    const CourseLibrary &m_library;
    QString m_learnerKey; // names the sandboxes
    QString m_work;
    QString m_admin;
    QString m_unavailable;
    QList<Job> m_jobs;
    QPointer<QThread> m_worker;
};
