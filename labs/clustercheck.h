#pragma once

#include "labcheck.h"

// kind: cluster. Facts about a lab's disposable cluster, each seen from a new connection
// as its superuser: a setting in effect, no setting waiting for a restart, WAL archived,
// or any boolean query.
class ClusterCheck : public CheckGrader
{
    Q_DECLARE_TR_FUNCTIONS(ClusterCheck)
public:
    QStringList validate(const LabCheck &check) const override;
    CheckVerdict grade(const LabCheck &check, const GradingContext &context) const override;

    // How long an archived: check waits for the archiver.
    static constexpr int ArchiveWaitMs = 5000;
};
