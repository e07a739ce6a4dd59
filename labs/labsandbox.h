#pragma once

#include "statedigest.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <functional>
#include <optional>

// One learner's database for one lab, on the practice server (or a server a trainer
// chose), cloned from a per-lab template that is built once from the lab's setup.
// The learner works as a role of their own, without superuser, that owns only this
// database; nobody else may connect to it. Reset drops it (WITH FORCE) and clones the
// template again. Every database it makes carries a comment naming the lab, and lab
// SQL runs only on a database that has one.
//
// A reset is mostly disk work (CREATE DATABASE writes and syncs every block), so a spare
// copy can be made ahead of time (prepareSpare(), on a worker, while the learner works):
// it waits with connections refused, and a reset then sets the learner's copy aside (its
// sessions ended, renamed, no connections) and renames the spare in its place; dropping
// the old copy is disk work too, so the next prepareSpare() does it. Without a spare,
// reset drops and clones as before.
class LabSandbox
{
    Q_DECLARE_TR_FUNCTIONS(LabSandbox)
public:
    // adminConninfo: a superuser (or CREATEDB and CREATEROLE) connection to the server.
    LabSandbox(const QString &adminConninfo, const QString &labId, const QString &learnerKey);

    // A learner's part of the names of their sandboxes and roles: the first 12 hex digits
    // of their profile id, which no other profile ever gets (a store's row id is reused
    // after a profile is deleted). purpose keeps a learner's lab and exam sandboxes apart.
    static QString learnerKey(const QString &purpose, const QString &profileId);
    static QString roleFor(const QString &learnerKey);
    // Drops every lab copy and learner role on the server that belongs to none of these
    // learners: what deleted profiles (and older names) left behind. Templates, variants
    // and lab roles stay. For the practice server only: a shared server has other learners.
    static bool dropLearnersOtherThan(const QString &adminConninfo, const QStringList &learnerKeys, QStringList *dropped,
                                      QString *error);

    QString templateDatabase() const { return m_template; }
    QString database() const { return m_database; }
    QString learnerRole() const { return m_role; }
    // The role checks log in as: it has the learner's privileges, and what it runs stays
    // out of the learner's sight in pg_stat_activity.
    QString graderRole() const { return m_role + QStringLiteral("_grader"); }
    QString variantDatabase() const { return m_variant; }

    // Roles the lab's checks name: made (NOLOGIN is not enough for a check that acts as
    // them, so LOGIN without a password) and allowed to connect to the learner's copy.
    void setLabRoles(const QStringList &roles) { m_labRoles = roles; }
    // A server others log in to too (a class's): the helper roles that log in without a
    // password (the learner's grader, the lab's roles) are made NOLOGIN there, since a
    // server that trusts its local connections would let anyone on it in as them. Checks
    // on such a server run as the learner's own login.
    void setSharedServer(bool shared) { m_shared = shared; }

    // How CREATE DATABASE copies the template (PostgreSQL 15+): FILE_COPY copies the files
    // and needs a checkpoint; WAL_LOG writes every block to WAL. bench_labs measures both
    // on a 100,000-row lab with fsync on: WAL_LOG came out 5–10 % faster in each of four
    // runs, and it spares the learner's other sessions a checkpoint, so it is the default.
    enum class CloneStrategy { FileCopy, WalLog };
    void setCloneStrategy(CloneStrategy strategy) { m_strategy = strategy; }

    // Builds the template from the lab's setup SQL unless it exists already (rebuild: anew).
    bool buildTemplate(const QString &setupSql, bool rebuild, QString *error);
    // Builds the lab's variant database from its variant setup: other data the learner's
    // role cannot reach, read by a role of its own when a check re-runs a query there.
    bool buildVariant(const QString &variantSql, bool rebuild, QString *error);
    bool hasVariant() const;

    // One step's reference solution as the lab's state replays it.
    struct StateStep
    {
        QString solution;      // with the lab's paths filled in
        bool sessions = false; // a script of labelled sessions (LearnerSessions)
        bool skip = false;     // nothing it does stays (sessions a check observes, then closes)
        QString firstSession;  // the session unlabelled lines of a session script belong to
        bool mayFail = false;  // the step's answer must fail (an error check): what ran before the failure stays
    };
    // What the lab's data is after each step's reference solution, built once per setup and
    // solutions: a database of the administrator's (stateDatabase()) cloned from the template,
    // each solution replayed in it as the lab owner, and after each one the digests of its
    // tables kept there. The solutions are replayed a second time in a scratch copy, and a
    // table whose rows come out different (now(), random()) is compared by its count alone.
    // A solution that fails is the author's problem: the states stop before its step, and
    // stateProblem() names it. Result and plan checks compare the learner's data with these.
    bool buildStates(const QList<StateStep> &steps, bool rebuild, QString *error);
    QString stateDatabase() const { return m_state; }
    // The digests after each step that has one (read from stateDatabase()), and the
    // failure that stopped the replay ("" when none), with its step.
    struct States
    {
        QHash<int, QList<RelationDigest>> afterStep;
        int failedStep = -1;
        QString failure;
    };
    std::optional<States> states(QString *error) const;
    // Makes the learner's role and database when they do not exist yet.
    bool create(QString *error);
    // The learner's database as the template has it again.
    bool reset(QString *error);
    // Makes the spare copy the next reset swaps in, unless there is one. Safe beside a reset.
    bool prepareSpare(QString *error);
    QString spareDatabase() const { return m_database + QStringLiteral("_spare"); }
    // The copy a reset with a spare set aside (no connections): the next prepareSpare()
    // drops it, off the learner's path.
    QString retiredDatabase() const { return m_database + QStringLiteral("_old"); }
    bool hasSpare() const;
    bool exists() const;

    // Where the learner connects (their own role), and where the grader does (the admin).
    QString learnerConninfo() const;
    QString graderConninfo() const;
    // The sandbox as the learner's grader role (see graderRole()).
    QString checkerConninfo() const;
    QString variantConninfo() const;
    static QString variantReader() { return QStringLiteral("pgcampus_variant_reader"); }

    // Runs lab SQL (setup, checks) on conninfo only if its database was made for this
    // lab: a connection anywhere else is refused.
    // failedLine: where in sql the statement that failed starts (1-based), when asked.
    static bool runLabSql(const QString &conninfo, const QString &labId, const QString &sql, QString *error,
                          int *failedLine = nullptr);
    // Where in its setup the last build failed (1-based; 0 when it did not or no line is known).
    int setupFailureLine() const { return m_setupFailureLine; }
    bool setupFailureInVariant() const { return m_setupFailureInVariant; }

private:
    bool makeLearnerRoles(class GraderConnection &admin, QString *error) const;
    // CREATE DATABASE target from the template, with the lab's marker and the learner's
    // grants; a spare refuses connections until it is swapped in.
    bool cloneTemplate(class GraderConnection &admin, const QString &target, bool spare, QString *error) const;
    // Inside the learner's copy, the lab's objects become the learner's.
    bool handOver(const QString &database, QString *error) const;
    bool swapInSpare(class GraderConnection &admin, bool retireCurrent, QString *error) const;
    bool retire(class GraderConnection &admin, QString *error) const;
    bool databaseExists(const QString &database) const;
    bool buildDatabase(const QString &database, const QString &setupSql, bool rebuild, bool isTemplate, QString *error);
    // Replays the steps in database, as the lab owner, passing each step's digests on.
    bool replay(const QString &database, const QList<StateStep> &steps,
                const std::function<void(int step, const QList<RelationDigest> &)> &after, int *failedStep,
                QString *failure, QString *error) const;

    QString m_admin;
    QString m_labId;
    QString m_template;
    QString m_database;
    QString m_role;
    QString m_variant;
    QString m_state;
    int m_setupFailureLine = 0;
    bool m_setupFailureInVariant = false;
    QString m_templateSetup; // what buildTemplate() built it from: the states depend on it too
    QStringList m_labRoles;
    bool m_shared = false;
    CloneStrategy m_strategy = CloneStrategy::WalLog;
};
