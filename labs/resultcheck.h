#pragma once

#include "labcheck.h"

// kind: result. The learner's query (or the check's own query of something they made)
// against the reference query, on the learner's data and, with `variant: true`, on the
// lab's hidden variant data. Both run as the learner (or the variant's reader) in one
// read-only snapshot that is rolled back.
class ResultCheck : public CheckGrader
{
    Q_DECLARE_TR_FUNCTIONS(ResultCheck)
public:
    QStringList validate(const LabCheck &check) const override;
    CheckVerdict grade(const LabCheck &check, const GradingContext &context) const override;
};
