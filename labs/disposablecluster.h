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
    };

    DisposableCluster(const QString &directory, const Options &options);
    ~DisposableCluster();

    // Makes the pristine copy if there is none, puts it in place and starts the cluster.
    bool prepare(QString *error);
    // Stops, puts the pristine copy back, empties the archive, starts again.
    bool reset(QString *error);
    bool restart(QString *error);
    void stop();

    QString conninfo(const QString &database = QStringLiteral("postgres")) const;
    QString archiveDirectory() const;
    // The WAL segment that was being written when the cluster last started from its
    // pristine copy: archiving "since then" means this one or a later one reached the archive.
    QString firstSegment() const { return m_firstSegment; }

private:
    bool makePristine(QString *error);
    bool putPristineInPlace(QString *error);
    bool startFresh(QString *error);

    QString m_directory;
    Options m_options;
    std::unique_ptr<PracticeServer> m_server;
    QString m_firstSegment;
};
