#pragma once

#include "labcheck.h"

// kind: error. A statement (the check's `sql`, or the learner's answer) must be refused
// with a given SQLSTATE, run as the learner or one of the lab's roles, then rolled back.
class ErrorCheck : public CheckGrader
{
    Q_DECLARE_TR_FUNCTIONS(ErrorCheck)
public:
    QStringList validate(const LabCheck &check) const override;
    CheckVerdict grade(const LabCheck &check, const GradingContext &context) const override;
};
