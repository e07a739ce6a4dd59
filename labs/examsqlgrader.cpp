#include "examsqlgrader.h"

#include "labenvironment.h"
#include "stepgrader.h"

#include <QDir>

ExamSqlGrader::ExamSqlGrader(const QString &adminConninfo, const QString &workDirectory, const QString &learnerKey)
    : m_admin(adminConninfo)
    , m_work(workDirectory)
    , m_learnerKey(learnerKey)
{
}

ExamSqlGrader::~ExamSqlGrader() = default;

std::optional<QuestionScore> ExamSqlGrader::grade(const Question &question, const CandidateAnswer &answer,
                                                  const QString &language, QString *error)
{
    if (question.type != Question::Type::Sql || question.task.steps.size() != 1) {
        *error = tr("Question %1 is not an SQL task.").arg(question.id);
        return std::nullopt;
    }
    const Lab &task = question.task;
    const LabStep &step = task.steps.first();
    if (answer.text.trimmed().isEmpty())
        return QuestionScore{0, false, {tr("No SQL was given.")}, false};

    std::unique_ptr<LabEnvironment> &environment = m_environments[question.id];
    if (!environment) {
        LabEnvironment::Options options;
        options.adminConninfo = m_admin;
        options.learnerKey = m_learnerKey;
        options.clusterDirectory = QDir(m_work).filePath(QStringLiteral("exam-clusters/") + task.id);
        environment = std::make_unique<LabEnvironment>(task, options);
        if (!environment->prepare(false, error)) {
            environment.reset();
            return std::nullopt;
        }
    }
    // A fresh copy: nothing an earlier answer did is left.
    if (!environment->reset(error))
        return std::nullopt;

    QuestionScore score;
    QString failure;
    if (StepGrader::runsAnswerFirst(step) && !environment->runAsLearner(answer.text, &failure)) {
        score.feedback << tr("Your SQL failed: %1").arg(failure);
        return score;
    }
    const StepVerdict verdict = StepGrader::grade(step, environment->context(answer.text, language, 0));
    score.correct = verdict.passed;
    score.score = verdict.passed ? 1 : 0;
    score.feedback = verdict.feedback();
    return score;
}
