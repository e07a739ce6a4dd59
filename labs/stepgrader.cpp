#include "stepgrader.h"

QStringList StepVerdict::feedback() const
{
    QStringList lines;
    for (const CheckVerdict &check : checks) {
        if (!check.passed)
            lines << check.feedback;
    }
    return lines;
}

bool StepGrader::runsAnswerFirst(const LabStep &step)
{
    return std::none_of(step.checks.begin(), step.checks.end(),
                        [](const LabCheck &check) { return check.kind == u"multi-session"; });
}

bool StepGrader::observesSessions(const LabStep &step)
{
    return std::any_of(step.checks.begin(), step.checks.end(), [](const LabCheck &check) {
        return check.kind == u"multi-session" && check.fields.contains(QStringLiteral("observe"));
    });
}

bool StepGrader::answerMustFail(const LabStep &step)
{
    return std::any_of(step.checks.begin(), step.checks.end(), [](const LabCheck &check) {
        return check.kind == u"error" && check.fields.value(QStringLiteral("sql")).toString().trimmed().isEmpty();
    });
}

StepVerdict StepGrader::grade(const LabStep &step, const GradingContext &context)
{
    StepVerdict verdict;
    verdict.passed = !step.checks.isEmpty();
    for (const LabCheck &check : step.checks) {
        const CheckGrader *grader = CheckGrader::forKind(check.kind);
        const CheckVerdict one = grader ? grader->grade(check, context)
                                        : CheckVerdict::fail(tr("This step's check is of an unknown kind, %1.").arg(check.kind));
        verdict.passed = verdict.passed && one.passed;
        verdict.checks << one;
    }
    return verdict;
}
