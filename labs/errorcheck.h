#pragma once

#include "labcheck.h"

// kind: error. A statement (the check's `sql`, or the learner's answer) must be refused
// with a given SQLSTATE, run as the learner or one of the lab's roles (`as:`, with the
// check's own `sql` only: the learner's text never runs with another role's rights), then
// rolled back.
class ErrorCheck : public CheckGrader
{
    Q_DECLARE_TR_FUNCTIONS(ErrorCheck)
public:
    QStringList validate(const LabCheck &check) const override;
    CheckVerdict grade(const LabCheck &check, const GradingContext &context) const override;

private:
    static QString asWithoutSql();
};
