#include "plancheck.h"

#include "graderconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {
struct PlanSummary
{
    QStringList nodes;   // "Seq Scan on orders", in plan order
    QSet<QString> types; // "Seq Scan"
    QSet<QString> indexes;
    double totalCost = 0;
};

void walk(const QJsonObject &node, PlanSummary *summary)
{
    const QString type = node.value(QStringLiteral("Node Type")).toString();
    summary->types.insert(type);
    const QString relation = node.value(QStringLiteral("Relation Name")).toString();
    const QString index = node.value(QStringLiteral("Index Name")).toString();
    if (!index.isEmpty())
        summary->indexes.insert(index);
    summary->nodes << (index.isEmpty() ? (relation.isEmpty() ? type : PlanCheck::tr("%1 on %2").arg(type, relation))
                                       : PlanCheck::tr("%1 using %2").arg(type, index));
    for (const QJsonValue &child : node.value(QStringLiteral("Plans")).toArray())
        walk(child.toObject(), summary);
}
} // namespace

QStringList PlanCheck::validate(const LabCheck &check) const
{
    if (list(check, QStringLiteral("includes")).isEmpty() && list(check, QStringLiteral("excludes")).isEmpty()
        && text(check, QStringLiteral("uses_index")).isEmpty() && text(check, QStringLiteral("max_cost")).isEmpty())
        return {tr("a plan check needs \"includes\", \"excludes\", \"uses_index\" or \"max_cost\"")};
    return {};
}

CheckVerdict PlanCheck::grade(const LabCheck &check, const GradingContext &context) const
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
    GraderConnection c;
    QString error;
    if (!context.openAsLearner(c, &error))
        return unreachable(error);
    // One statement: nothing after the query can stand in for its plan.
    const SqlOutcome explained = c.readOnlyOne(QStringLiteral("EXPLAIN (VERBOSE, FORMAT JSON) ") + query);
    if (!explained.ok)
        return fail(check, context, tr("Your query could not be explained: %1").arg(explained.message));
    // A plan on data that is not the lab's (an emptied table is cheap to scan) proves nothing.
    if (context.hasExpectedState) {
        GraderConnection reader;
        if (!context.openAsLearner(reader, &error))
            return unreachable(error);
        reader.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        const QStringList differences = context.dataDifferences(reader, StateDigest::relationsOfPlan(explained.value()));
        reader.exec(QStringLiteral("ROLLBACK"));
        if (!differences.isEmpty())
            return failOnOtherData(check, context, differences);
    }
    const QJsonObject top = QJsonDocument::fromJson(explained.value().toUtf8()).array().first().toObject();
    PlanSummary plan;
    walk(top.value(QStringLiteral("Plan")).toObject(), &plan);
    plan.totalCost = top.value(QStringLiteral("Plan")).toObject().value(QStringLiteral("Total Cost")).toDouble();
    const QString shape = tr("Your plan: %1.").arg(plan.nodes.join(QStringLiteral(" → ")));

    for (const QString &wanted : list(check, QStringLiteral("includes"))) {
        const QStringList alternatives = wanted.split(u'|', Qt::SkipEmptyParts);
        if (std::none_of(alternatives.begin(), alternatives.end(),
                         [&](const QString &type) { return plan.types.contains(type.trimmed()); }))
            return fail(check, context, tr("The plan should use %1, but it does not. %2")
                                            .arg(alternatives.join(tr(" or ")), shape));
    }
    for (const QString &unwanted : list(check, QStringLiteral("excludes"))) {
        if (plan.types.contains(unwanted))
            return fail(check, context, tr("The plan still uses %1. %2").arg(unwanted, shape));
    }
    const QString index = text(check, QStringLiteral("uses_index"));
    if (!index.isEmpty() && !plan.indexes.contains(index))
        return fail(check, context, tr("The plan does not use the index %1. %2").arg(index, shape));
    const QString bound = text(check, QStringLiteral("max_cost"));
    if (!bound.isEmpty() && plan.totalCost > bound.toDouble())
        return fail(check, context, tr("The plan's estimated cost is %1; it should be at most %2. %3")
                                        .arg(plan.totalCost).arg(bound, shape));
    return CheckVerdict::pass();
}
