#include "sqlanswergrading.h"

#include "examsession.h"
#include "examsqlgrader.h"
#include "labsandbox.h"

SqlAnswerGrading::SqlAnswerGrading(ProgressStore &store, const CourseLibrary &library, qint64 learnerId,
                                   const QString &workDirectory, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_library(library)
    , m_learnerKey(LabSandbox::learnerKey(QStringLiteral("exam"), store.learner(learnerId).value_or(Learner()).profileId))
    , m_work(workDirectory)
{
}

SqlAnswerGrading::~SqlAnswerGrading()
{
    m_jobs.clear();
    if (m_worker)
        m_worker->wait();
}

void SqlAnswerGrading::setServer(const QString &adminConninfo)
{
    m_admin = adminConninfo;
    m_unavailable.clear();
    next();
}

void SqlAnswerGrading::setServerUnavailable(const QString &why)
{
    m_unavailable = why;
    next();
}

int SqlAnswerGrading::gradeAttempt(const QString &attemptId, const QString &language)
{
    const std::optional<ExamAttemptRecord> attempt = m_store.examAttempt(attemptId);
    const CoursePack *pack = attempt ? m_library.pack(attempt->packId) : nullptr;
    if (!pack)
        return 0;
    Job job{attemptId, language, true, {}};
    for (const ExamSession::UngradedAnswer &a : ExamSession::ungradedSql(*pack, *attempt, m_store.examEvents(attemptId)))
        job.items.append({a.position, *a.question, a.text});
    // An attempt already waiting is not graded twice.
    const bool queued = std::any_of(m_jobs.cbegin(), m_jobs.cend(),
                                    [&](const Job &j) { return j.storeVerdicts && j.attemptId == attemptId; });
    if (job.items.isEmpty() || queued)
        return int(job.items.size());
    m_jobs.append(job);
    next();
    return int(job.items.size());
}

void SqlAnswerGrading::gradeAnswer(const QString &attemptId, int position, const Question &question,
                                   const CandidateAnswer &answer, const QString &language)
{
    m_jobs.append({attemptId, language, false, {{position, question, answer.text}}});
    next();
}

void SqlAnswerGrading::next()
{
    if (m_worker || m_jobs.isEmpty())
        return;
    if (!m_unavailable.isEmpty()) {
        // Nothing can be graded: every job fails now with the reason.
        const QList<Job> jobs = std::exchange(m_jobs, {});
        for (const Job &job : jobs)
            finish(job, QList<Outcome>(job.items.size(), Outcome{std::nullopt, m_unavailable}));
        return;
    }
    if (m_admin.isEmpty())
        return; // the server is starting
    const Job job = m_jobs.takeFirst();
    m_worker = QThread::create([this, job, admin = m_admin, work = m_work, learnerKey = m_learnerKey] {
        ExamSqlGrader grader(admin, work, learnerKey);
        QList<Outcome> outcomes;
        for (const Item &item : job.items) {
            CandidateAnswer answer;
            answer.text = item.answerText;
            Outcome outcome;
            outcome.verdict = grader.grade(item.question, answer, job.language, &outcome.error);
            outcomes << outcome;
        }
        QMetaObject::invokeMethod(this, [this, job, outcomes] { finish(job, outcomes); }, Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start();
}

void SqlAnswerGrading::finish(const Job &job, const QList<Outcome> &outcomes)
{
    if (m_worker && m_worker->isRunning())
        m_worker->wait(); // its last act was to hand over the outcomes
    m_worker = nullptr;
    if (job.storeVerdicts) {
        const std::optional<ExamAttemptRecord> attempt = m_store.examAttempt(job.attemptId);
        QStringList errors;
        QList<int> graded;
        for (qsizetype i = 0; i < outcomes.size() && attempt; ++i) {
            const Item &item = job.items.at(i);
            const Outcome &outcome = outcomes.at(i);
            if (!outcome.verdict)
                errors << outcome.error;
            else if (!ExamSession::recordGraded(m_store, *attempt, item.position, item.answerText, *outcome.verdict,
                                                QDateTime::currentDateTimeUtc()))
                errors << m_store.errorString();
            else
                graded << item.position;
        }
        errors.removeDuplicates();
        Q_EMIT attemptGraded(job.attemptId, graded, errors);
    } else {
        const Item &item = job.items.first();
        Q_EMIT answerGraded(job.attemptId, item.position, item.answerText, outcomes.value(0).verdict, outcomes.value(0).error);
    }
    next();
}
