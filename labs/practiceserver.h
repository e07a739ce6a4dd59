#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The private PostgreSQL a learner gets with nothing configured: a cluster in the
// app's data directory (UTF8, C collation) listening on a Unix socket in a 0700
// directory, never on TCP. The same class starts throwaway servers for the tests.
class PracticeServer
{
    Q_DECLARE_TR_FUNCTIONS(PracticeServer)
public:
    enum class Status { NotInitialized, Stopped, Running };

    struct Options
    {
        // Skips fsync: for throwaway servers in tests, never for a learner's data.
        bool throwaway = false;
        // Directories searched for initdb/pg_ctl/postgres; empty means the usual places.
        QStringList binarySearchPath;
    };

    explicit PracticeServer(const QString &dataDirectory);
    PracticeServer(const QString &dataDirectory, const Options &options);
    PracticeServer(const PracticeServer &) = delete;
    PracticeServer &operator=(const PracticeServer &) = delete;

    // Where server programs are looked for, in order: pg_config --bindir,
    // /usr/lib/postgresql/<N>/bin newest first, then PATH.
    static QStringList defaultBinarySearchPath();
    // The directory holding initdb, pg_ctl and postgres, or empty with errorString() set.
    QString findBinaries();

    bool initialize();         // initdb unless the cluster exists
    bool start();              // initialize if needed, start, wait until it accepts connections
    bool stop();               // fast shutdown, then immediate if that does not finish
    // As if the machine lost power: no shutdown checkpoint, no last WAL switch (lab clusters).
    bool stopImmediately();
    bool restart() { return stop() && start(); }
    Status status();

    QString errorString() const { return m_error; }
    QString dataDirectory() const { return m_dataDirectory; }
    QString clusterDirectory() const;
    QString logFilePath() const;
    QString socketDirectory() const { return m_socketDirectory; }
    int port() const { return m_port; }
    QString superuser() const { return QStringLiteral("postgres"); }
    // libpq connection string for a database on this server.
    QString connectionString(const QString &database = QStringLiteral("postgres")) const;

private:
    bool runTool(const QString &tool, const QStringList &arguments, int timeoutMs, QString *output = nullptr);
    bool prepareSocketDirectory();
    int choosePort() const;
    bool writeRuntimeSettings();
    bool adoptRunningServer();
    bool waitUntilAccepting(int timeoutMs);

    QString m_dataDirectory;
    Options m_options;
    QString m_binDir;
    QString m_socketDirectory;
    int m_port = 0;
    QString m_error;
};
