#pragma once

#include "practiceserver.h"

#include <QCoreApplication>
#include <QVariantMap>

#include <memory>

// A lab's own PostgreSQL cluster for server-level (DBA) tasks: made once with the lab's
// settings and setup, kept as a pristine copy, and put back from that copy on reset.
// The learner is its superuser; it is never a remote or shared server.
class DisposableCluster
{
    Q_DECLARE_TR_FUNCTIONS(DisposableCluster)
public:
    struct Options
    {
        QVariantMap settings;  // written to postgresql.conf
        bool archive = false;  // archive WAL into archiveDirectory()
        QString setupSql;      // run once, in the postgres database, before the pristine copy
        bool throwaway = false; // no fsync (tests, courseware checks)
        bool standby = false;   // a streaming standby of its own, made from a base backup
    };

    DisposableCluster(const QString &directory, const Options &options);
    ~DisposableCluster();

    // Makes the pristine copy if there is none, puts it in place and starts the cluster.
    bool prepare(QString *error);
    // Stops, puts the pristine copy back, empties the archive, starts again.
    bool reset(QString *error);
    bool restart(QString *error);
    // Point-in-time recovery as a DBA does it: stops the cluster, puts back the lab's
    // starting copy (a cleanly shut down base backup) with the learner's own
    // postgresql.auto.conf (restore_command, recovery_target_*), adds recovery.signal and
    // starts it. The archive is kept. When recovery fails, *error quotes the server's log
    // and the cluster is put back as it was, running.
    bool recover(QString *error);
    static constexpr int RecoveryWaitMs = 60000;
    void stop();

    QString conninfo(const QString &database = QStringLiteral("postgres")) const;
    // The standby's, or empty when the lab has none.
    QString standbyConninfo(const QString &database = QStringLiteral("postgres")) const;
    // Where pg_dump, pg_restore and the other server programs are.
    QString binaryDirectory() const;
    QString archiveDirectory() const;
    // The WAL segment that was being written when the cluster last started from its
    // pristine copy: archiving "since then" means this one or a later one reached the archive.
    QString firstSegment() const { return m_firstSegment; }

private:
    bool makePristine(QString *error);
    bool putPristineInPlace(QString *error);
    bool startFresh(QString *error);
    bool makeStandby(QString *error);
    bool startStandby(QString *error);
    QString pristine(const QString &which) const;
    // The FATAL and ERROR lines at the end of a server's log, for a learner to read.
    static QString logTail(const PracticeServer &server);

    QString m_directory;
    Options m_options;
    std::unique_ptr<PracticeServer> m_server;
    std::unique_ptr<PracticeServer> m_standby;
    QString m_firstSegment;
};
