#include "gradingfixture.h"

#include "coursepackloader.h"
#include "learnersessions.h"

bool GradingFixture::start(const LabData &data, QString *error)
{
    if (!data.cluster && !m_server.start()) {
        *error = m_server.errorString();
        return false;
    }
    Lab lab;
    lab.id = QStringLiteral("grading-fixture");
    lab.setup = data.setup;
    lab.variantSetup = data.variantSetup;
    lab.roles = data.roles;
    lab.cluster = data.cluster;
    lab.clusterSettings = data.clusterSettings;
    lab.archive = data.archive;
    lab.standby = data.standby;
    lab.sessions = data.sessions;
    LabStep step;
    step.id = QStringLiteral("only");
    step.solution = data.solution;
    lab.steps << step;
    LabEnvironment::Options options;
    options.adminConninfo = data.cluster ? QString() : m_server.connectionString();
    options.learnerKey = QStringLiteral("ada");
    options.clusterDirectory = m_clusters.filePath(QStringLiteral("cluster"));
    options.throwaway = true;
    m_environment = std::make_unique<LabEnvironment>(lab, options);
    return m_environment->prepare(true, error);
}

bool GradingFixture::verdictIs(const CheckVerdict &verdict, bool passes, const QString &feedback, QString *why)
{
    const QString said = verdict.feedback.join(u'\n');
    *why = QStringLiteral("expected %1, got %2: %3")
               .arg(passes ? QStringLiteral("a pass") : QStringLiteral("a failure"),
                    verdict.passed ? QStringLiteral("a pass") : QStringLiteral("a failure"), said);
    return verdict.passed == passes && (feedback.isEmpty() || said.contains(feedback, Qt::CaseInsensitive))
        && (passes || !said.isEmpty());
}

CheckVerdict GradingFixture::grade(const QString &checkYaml, const QString &answer, bool runAnswer)
{
    QString error;
    if (!m_environment->reset(&error))
        return CheckVerdict::fail(QStringLiteral("fixture: reset failed: ") + error);
    if (runAnswer && !answer.isEmpty())
        m_environment->runAsLearner(answer, &error); // a wrong answer may fail; the check says so
    return gradeAsIs(checkYaml, answer);
}

CheckVerdict GradingFixture::gradeWithSessions(const QString &checkYaml, const QString &script, bool resetFirst)
{
    QString error;
    if (resetFirst && !m_environment->reset(&error))
        return CheckVerdict::fail(QStringLiteral("fixture: reset failed: ") + error);
    LearnerSessions sessions;
    const auto conninfo = [this](const QString &session) { return m_environment->sessionConninfo(session); };
    if (!sessions.play(conninfo, script, QStringLiteral("A"), &error))
        return CheckVerdict::fail(QStringLiteral("fixture: the sessions cannot play: ") + error);
    return gradeAsIs(checkYaml, script);
}

CheckVerdict GradingFixture::gradeAsIs(const QString &checkYaml, const QString &answer)
{
    const LabCheck check = CoursePackLoader::checkFromYaml(checkYaml);
    const CheckGrader *grader = CheckGrader::forKind(check.kind);
    if (!grader)
        return CheckVerdict::fail(QStringLiteral("fixture: no grader for ") + check.kind);
    return grader->grade(check, m_environment->context(answer, QStringLiteral("en"), 0));
}
