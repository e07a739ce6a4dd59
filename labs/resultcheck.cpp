#include "resultcheck.h"

#include "graderconnection.h"
#include "resultcomparison.h"

namespace {
struct Pair
{
    SqlOutcome learner;
    SqlOutcome reference;
    QStringList dataDifferences; // where the learner's data is not the lab's at this step
};

// The relations a query reads, from its plan on c (a learner's side); none when it cannot be
// explained. In a savepoint, so a failure leaves the transaction as it was.
QList<std::pair<QString, QString>> relationsRead(GraderConnection &c, const QString &query, bool learnerText)
{
    c.exec(QStringLiteral("SAVEPOINT pgcampus_explain"));
    const QString explain = QStringLiteral("EXPLAIN (VERBOSE, FORMAT JSON) ") + query;
    const SqlOutcome plan = learnerText ? c.execOne(explain) : c.exec(explain);
    c.exec(plan.ok ? QStringLiteral("RELEASE SAVEPOINT pgcampus_explain") : QStringLiteral("ROLLBACK TO SAVEPOINT pgcampus_explain"));
    return plan.ok ? StateDigest::relationsOfPlan(plan.value()) : QList<std::pair<QString, QString>>();
}

// The reference and the learner's query in one snapshot, each on a connection of its own:
// the reference's never sees the learner's text, and the learner's query runs alone (one
// statement), read-only, and is rolled back. A query that ends the transaction fails. With
// the lab's data at this step known (context), the tables either query reads are compared
// with it in the same snapshot.
Pair runApart(GraderConnection &learner, GraderConnection &reference, const QString &query, const QString &referenceSql,
              const GradingContext *context = nullptr)
{
    Pair pair;
    const QString begin = QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    learner.exec(begin);
    const QString snapshot = learner.exec(QStringLiteral("SELECT pg_catalog.pg_export_snapshot()")).value();
    QList<std::pair<QString, QString>> read;
    if (context && context->hasExpectedState)
        read = relationsRead(learner, query, true);
    reference.exec(begin);
    if (!snapshot.isEmpty())
        reference.exec(QStringLiteral("SET TRANSACTION SNAPSHOT ") + GraderConnection::literal(snapshot));
    if (context && context->hasExpectedState) {
        for (const auto &relation : relationsRead(reference, referenceSql, false)) {
            if (!read.contains(relation))
                read << relation;
        }
    }
    pair.reference = reference.exec(referenceSql);
    if (context && context->hasExpectedState) {
        if (!pair.reference.ok) { // the failed transaction reads nothing more: the same snapshot anew
            reference.exec(QStringLiteral("ROLLBACK"));
            reference.exec(begin);
            reference.exec(QStringLiteral("SET TRANSACTION SNAPSHOT ") + GraderConnection::literal(snapshot));
        }
        pair.dataDifferences = context->dataDifferences(reference, read);
    }
    reference.exec(QStringLiteral("ROLLBACK"));
    pair.learner = learner.execOne(query);
    if (pair.learner.ok && !learner.inTransaction()) {
        pair.learner.ok = false;
        pair.learner.message = ResultCheck::tr("it ends the check's transaction (%1): write only the query")
                                   .arg(pair.learner.result.commandTag());
    }
    learner.exec(QStringLiteral("ROLLBACK"));
    return pair;
}
// Type names instead of OIDs in what the learner reads ("character varying", not 1043), from
// the built-in format_type on a connection the learner's text never touched.
void nameTypes(GraderConnection &c, ResultSet *result)
{
    QStringList oids;
    for (const ResultColumn &column : result->columns())
        oids << QString::number(column.typeOid);
    const SqlOutcome names = c.exec(QStringLiteral("SELECT pg_catalog.format_type(t::pg_catalog.oid, NULL) "
                                                   "FROM pg_catalog.unnest($1::pg_catalog.text[]) WITH ORDINALITY AS u(t, n) ORDER BY n"),
                                    {GraderConnection::textArray(oids)});
    for (int i = 0; names.ok && i < names.result.rowCount() && i < result->columnCount(); ++i)
        result->setColumnTypeName(i, names.value(i));
}
} // namespace

QStringList ResultCheck::validate(const LabCheck &check) const
{
    QStringList problems;
    if (text(check, QStringLiteral("reference")).isEmpty())
        problems << missing(QStringLiteral("reference"));
    const QString tolerance = text(check, QStringLiteral("tolerance"));
    const std::optional<DecimalText> t = DecimalText::parse(tolerance.toUtf8());
    if (!tolerance.isEmpty() && (!t || !t->isFinite() || t->isNegative()))
        problems << tr("\"tolerance\" must be a decimal number, 0 or more");
    return problems;
}

CheckVerdict ResultCheck::grade(const LabCheck &check, const GradingContext &context) const
{
    QString query = text(check, QStringLiteral("query"));
    if (query.isEmpty()) {
        const ScriptUnit unit = context.learnerUnit();
        if (unit.joinsStatements)
            return fail(check, context, joinedStatements());
        query = unit.text;
    }
    if (query.isEmpty())
        return fail(check, context, tr("There is no query to check: write one in the editor."));
    const QString reference = text(check, QStringLiteral("reference"));
    ResultComparison::Options options;
    options.ordered = flag(check, QStringLiteral("ordered"), false);
    options.columns = list(check, QStringLiteral("columns"));
    options.checkNames = flag(check, QStringLiteral("check_names"), true);
    options.tolerance = DecimalText::parse(text(check, QStringLiteral("tolerance")).toUtf8()).value_or(DecimalText());

    GraderConnection learner;
    GraderConnection referee;
    QString error;
    if (!context.openAsLearner(learner, &error) || !context.openAsLearner(referee, &error))
        return unreachable(error);
    Pair mine = runApart(learner, referee, query, reference, &context);
    if (!mine.reference.ok) {
        CheckVerdict failed = CheckVerdict::fail(tr("The lab's reference query failed on your database (%1). "
                                                    "Did a step drop or change what it reads? Reset the lab to start over.")
                                                     .arg(mine.reference.message));
        failed.feedback << mine.dataDifferences;
        return failed;
    }
    if (!mine.learner.ok)
        return fail(check, context, tr("Your query failed: %1").arg(mine.learner.message));
    nameTypes(referee, &mine.reference.result);
    nameTypes(referee, &mine.learner.result);
    const ResultComparison::Verdict verdict = ResultComparison::compare(mine.reference.result, mine.learner.result, options);
    if (!verdict.passed) {
        CheckVerdict failed = fail(check, context, verdict.feedback.value(0));
        failed.feedback << verdict.feedback.mid(1);
        if (!mine.dataDifferences.isEmpty())
            failed.feedback << dataChanged() << mine.dataDifferences;
        return failed;
    }
    // Right on data that is not the lab's proves nothing: the rows it was compared with may
    // be the ones the answer left.
    if (!mine.dataDifferences.isEmpty()) {
        CheckVerdict failed = fail(check, context, dataChanged());
        failed.feedback << mine.dataDifferences;
        return failed;
    }
    if (!flag(check, QStringLiteral("variant"), false) || context.variantConninfo.isEmpty())
        return CheckVerdict::pass();

    GraderConnection variant;
    GraderConnection variantReferee;
    if (!variant.open(context.variantConninfo, context.statementTimeoutMs, &error)
        || !variantReferee.open(context.variantConninfo, context.statementTimeoutMs, &error))
        return CheckVerdict::fail(tr("The grader could not reach the lab's second dataset: %1").arg(error));
    const Pair other = runApart(variant, variantReferee, query, reference);
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
