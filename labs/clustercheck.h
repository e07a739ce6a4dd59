#pragma once

#include "labcheck.h"

class GraderConnection;

// kind: cluster. Facts about a lab's disposable cluster, each seen from a new connection
// as its superuser (on the primary, or on the standby with "on: standby"):
// - setting / value: a setting in effect for new sessions;
// - pending_restart: whether a changed setting waits for a restart;
// - archived: WAL archived since the lab (re)started;
// - streaming (and slot): a standby streams from the primary, through the named slot;
//   slot alone: the replication slot exists;
// - recovered: the cluster went through point-in-time recovery and stopped at its target
//   (promoted to a new timeline, or paused there);
// - round_trip: a database survives pg_dump | pg_restore with every object and row;
// - assert: any boolean query.
class ClusterCheck : public CheckGrader
{
    Q_DECLARE_TR_FUNCTIONS(ClusterCheck)
public:
    QStringList validate(const LabCheck &check) const override;
    CheckVerdict grade(const LabCheck &check, const GradingContext &context) const override;

    // How long archived: and streaming: wait for the archiver and the WAL sender.
    static constexpr int ArchiveWaitMs = 5000;
    static constexpr int StreamingWaitMs = 6000;

private:
    QString streamingProblem(const LabCheck &check, GraderConnection &primary) const;
    QString recoveryProblem(GraderConnection &c) const;
    QString roundTripProblem(const QString &database, const GradingContext &context) const;
};
