#pragma once

#include "labcheck.h"

class GraderConnection;

// kind: state. One assertion on the learner's database per check: a table, a column
// (type, NOT NULL, default), an index, a constraint that means the same as the author's,
// a privilege, a role attribute, a setting, an extension, row predicates, or any boolean
// query. Catalog facts are read on the catalog reader (GradingContext::openCatalog), with
// the check's names resolved in the lab's schemas; anything that reads the learner's
// tables or evaluates their expressions (a default, a CHECK) runs as the learner, read-only.
class StateCheck : public CheckGrader
{
    Q_DECLARE_TR_FUNCTIONS(StateCheck)
public:
    QStringList validate(const LabCheck &check) const override;
    CheckVerdict grade(const LabCheck &check, const GradingContext &context) const override;

    // The assertion a check makes: the first of these fields it has.
    static const QStringList Assertions;

private:
    CheckVerdict table(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const;
    CheckVerdict column(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const;
    CheckVerdict index(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const;
    CheckVerdict constraint(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const;
    CheckVerdict privilege(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const;
    CheckVerdict roleAttribute(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const;
    CheckVerdict setting(const LabCheck &check, const GradingContext &context) const;
    CheckVerdict extension(const LabCheck &check, const GradingContext &context, GraderConnection &catalog) const;
    CheckVerdict rows(const LabCheck &check, const GradingContext &context, bool every) const;
    CheckVerdict assertion(const LabCheck &check, const GradingContext &context) const;
};
