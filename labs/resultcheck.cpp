#include "resultcheck.h"

#include "graderconnection.h"
#include "resultcomparison.h"

namespace {
struct Pair
{
    SqlOutcome learner;
    SqlOutcome reference;
};

// Both queries in one read-only snapshot, rolled back whatever they do.
Pair runBoth(GraderConnection &c, const QString &query, const QString &reference)
{
    Pair pair;
    c.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SAVEPOINT learner"));
    pair.learner = c.exec(query);
    c.exec(QStringLiteral("ROLLBACK TO SAVEPOINT learner"));
    pair.reference = c.exec(reference);
    c.exec(QStringLiteral("ROLLBACK"));
    return pair;
}
} // namespace

QStringList ResultCheck::validate(const LabCheck &check) const
{
    QStringList problems;
    if (text(check, QStringLiteral("reference")).isEmpty())
        problems << missing(QStringLiteral("reference"));
    bool ok = true;
    if (!text(check, QStringLiteral("tolerance")).isEmpty())
        text(check, QStringLiteral("tolerance")).toDouble(&ok);
    if (!ok)
        problems << tr("\"tolerance\" must be a number");
    return problems;
}

CheckVerdict ResultCheck::grade(const LabCheck &check, const GradingContext &context) const
{
    QString query = text(check, QStringLiteral("query"));
    if (query.isEmpty())
        query = context.learnerQuery();
    if (query.isEmpty())
        return fail(check, context, tr("There is no query to check: write one in the editor."));
    const QString reference = text(check, QStringLiteral("reference"));
    ResultComparison::Options options;
    options.ordered = flag(check, QStringLiteral("ordered"), false);
    options.columns = list(check, QStringLiteral("columns"));
    options.checkNames = flag(check, QStringLiteral("check_names"), true);
    options.tolerance = text(check, QStringLiteral("tolerance")).toDouble();

    GraderConnection learner;
    QString error;
    if (!context.openAsLearner(learner, &error))
        return unreachable(error);
    const Pair mine = runBoth(learner, query, reference);
    if (!mine.reference.ok)
        return CheckVerdict::fail(tr("The lab's reference query failed on your database (%1). "
                                     "Did a step drop or change what it reads? Reset the lab to start over.")
                                      .arg(mine.reference.message));
    if (!mine.learner.ok)
        return fail(check, context, tr("Your query failed: %1").arg(mine.learner.message));
    const ResultComparison::Verdict verdict = ResultComparison::compare(mine.reference.result, mine.learner.result, options);
    if (!verdict.passed) {
        CheckVerdict failed = fail(check, context, verdict.feedback.value(0));
        failed.feedback << verdict.feedback.mid(1);
        return failed;
    }
    if (!flag(check, QStringLiteral("variant"), false) || context.variantConninfo.isEmpty())
        return CheckVerdict::pass();

    GraderConnection variant;
    if (!variant.open(context.variantConninfo, context.statementTimeoutMs, &error))
        return CheckVerdict::fail(tr("The grader could not reach the lab's second dataset: %1").arg(error));
    const Pair other = runBoth(variant, query, reference);
    if (!other.reference.ok)
        return CheckVerdict::fail(tr("The lab's reference query failed on its second dataset: %1").arg(other.reference.message));
    const QString second = tr("Your query gives the right rows here, but not on a second dataset with other rows: "
                              "it must compute the answer, not repeat it.");
    if (!other.learner.ok)
        return fail(check, context, second + u' ' + tr("There it failed: %1").arg(other.learner.message));
    if (!ResultComparison::compare(other.reference.result, other.learner.result, options).passed)
        return fail(check, context, second);
    return CheckVerdict::pass();
}
