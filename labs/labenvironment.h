#pragma once

#include "coursepack.h"
#include "labcheck.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>

class DisposableCluster;
class LabSandbox;

// Where one learner does one lab: a sandbox database cloned from the lab's template
// (and the lab's hidden variant data), or, for server-level labs, a disposable cluster.
// The lab panel and `courseware check --run` both work through it.
class LabEnvironment
{
    Q_DECLARE_TR_FUNCTIONS(LabEnvironment)
public:
    struct Options
    {
        QString adminConninfo;    // a superuser connection to the server sandboxes live on
        QString learnerKey;       // names the learner's role and database
        QString clusterDirectory; // where this lab's disposable cluster goes
        bool throwaway = false;   // clusters without fsync (tests, checks)
        // adminConninfo is a class student's own login on the class's server: the trainer
        // made the sandbox (Classroom), so nothing is built; checks run as the student on
        // their copy (the lab's hidden variant data stays on the trainer's side), and
        // resets are the trainer's.
        bool classMember = false;
        // The trainer's side of a class's server (LabSandbox::setSharedServer): helper roles
        // NOLOGIN, and no variant database, which a class's checks do not use.
        bool sharedServer = false;
        int statementTimeoutMs = 5000;
    };

    // "PostgreSQL 17.2" for 170002; "PostgreSQL 9.6.24" for 90624.
    static QString versionText(int serverVersionNum);

    LabEnvironment(const Lab &lab, const Options &options);
    ~LabEnvironment();

    bool isCluster() const { return m_lab.cluster; }
    // Builds what is missing (rebuild: the template and variant anew) and the learner's copy.
    bool prepare(bool rebuild, QString *error);
    // The learner's copy as the template has it, or the cluster as it was made.
    bool reset(QString *error);
    // A spare sandbox for the next reset, made off the learner's path (sandbox labs; a
    // cluster lab has nothing to prepare).
    bool prepareSpare(QString *error);
    // Restarts the lab's cluster (server-level labs only).
    bool restart(QString *error);
    // Point-in-time recovery of the lab's cluster with the learner's recovery settings.
    bool recover(QString *error);
    bool hasStandby() const { return m_lab.standby; }
    bool archives() const { return m_lab.archive; }

    // Where the learner's editor connects.
    QString learnerConninfo() const;
    // One of the lab's labelled sessions: the learner's connection, named for the checks;
    // "standby" is the standby of a cluster lab that has one.
    QString sessionConninfo(const QString &session) const;
    // The standby of a cluster lab that has one, for a second editor tab; empty otherwise.
    QString standbyConninfo() const;
    // What checks grade against. step: the step being checked (its index in the lab): result
    // and plan checks then compare the learner's data with the lab's at that step; -1 when
    // that is not known (nothing compared).
    GradingContext context(const QString &answer, const QString &language, int step = -1) const;
    // Why the lab's data at some step is not known: a reference solution that fails when the
    // states are built (the author's problem), with its step; -1 and empty when none.
    int stateFailedStep() const { return m_failedStep; }
    // Where in the lab's file the setup (or variant setup) that made the last prepare() fail
    // failed; 0 when that is not known.
    int setupFailureLine() const;
    QString stateFailure() const { return m_stateFailure; }
    // A reference solution or decoy with the lab's own paths filled in: authors write
    // {{archive_directory}} where a learner types what SHOW basic_archive.archive_directory says.
    QString expand(const QString &sql) const;
    // Runs SQL as the learner, one statement at a time as psql sends them; stops at the
    // first failure.
    bool runAsLearner(const QString &sql, QString *error) const;

private:
    // Builds (or finds) the lab's data after each step and reads its digests.
    bool prepareStates(bool rebuild, QString *error);
    // Refuses a server older than the lab needs, naming both versions.
    bool serverIsNewEnough(const QString &conninfo, QString *error) const;

    Lab m_lab;
    Options m_options;
    std::unique_ptr<LabSandbox> m_sandbox;
    std::unique_ptr<DisposableCluster> m_cluster;
    QHash<int, QList<RelationDigest>> m_states; // the lab's data after each step, as digests
    std::shared_ptr<DigestCache> m_digestCache = std::make_shared<DigestCache>();
    int m_failedStep = -1;
    QString m_stateFailure;
};
