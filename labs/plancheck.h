#pragma once

#include "labcheck.h"

// kind: plan. EXPLAIN (FORMAT JSON) of the learner's query, run as the learner: node types
// it must include or exclude, an index it must use, a bound on its estimated cost.
class PlanCheck : public CheckGrader
{
    Q_DECLARE_TR_FUNCTIONS(PlanCheck)
public:
    QStringList validate(const LabCheck &check) const override;
    CheckVerdict grade(const LabCheck &check, const GradingContext &context) const override;
};
