#include "practiceserver.h"

#include "connectioninfo.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QVersionNumber>

#include <libpq-fe.h>

namespace {
const QStringList RequiredPrograms = {QStringLiteral("initdb"), QStringLiteral("pg_ctl"),
                                      QStringLiteral("postgres")};
constexpr int SocketPathLimit = 100; // sockaddr_un holds 108 bytes, with ".s.PGSQL.NNNNN"

QString executable(const QString &dir, const QString &name)
{
#ifdef Q_OS_WIN
    return QDir(dir).filePath(name + QStringLiteral(".exe"));
#else
    return QDir(dir).filePath(name);
#endif
}

bool hasServerPrograms(const QString &dir)
{
    for (const QString &program : RequiredPrograms) {
        if (!QFileInfo(executable(dir, program)).isExecutable())
            return false;
    }
    return true;
}

QString quoteSetting(const QString &value)
{
    QString quoted = value;
    quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("''"));
    return u'\'' + quoted + u'\'';
}

// The package a learner installs to get the server programs, named for this platform.
QString serverPackageHint()
{
#if defined(Q_OS_LINUX)
    return PracticeServer::tr("Install the PostgreSQL server package, for example: sudo apt install postgresql-17");
#else
    return PracticeServer::tr("Install PostgreSQL 17 server from postgresql.org");
#endif
}
} // namespace

PracticeServer::PracticeServer(const QString &dataDirectory)
    : PracticeServer(dataDirectory, Options())
{
}

PracticeServer::PracticeServer(const QString &dataDirectory, const Options &options)
    : m_dataDirectory(QDir(dataDirectory).absolutePath())
    , m_options(options)
{
}

QString PracticeServer::clusterDirectory() const
{
    return QDir(m_dataDirectory).filePath(QStringLiteral("cluster"));
}

QString PracticeServer::logFilePath() const
{
    return QDir(m_dataDirectory).filePath(QStringLiteral("server.log"));
}

QString PracticeServer::connectionString(const QString &database) const
{
    return QStringLiteral("host=%1 port=%2 user=%3 dbname=%4 application_name='PG Campus'")
        .arg(ConnectionInfo::quoted(m_socketDirectory))
        .arg(m_port)
        .arg(superuser(), ConnectionInfo::quoted(database));
}

QStringList PracticeServer::defaultBinarySearchPath()
{
    QStringList dirs;
    QProcess pgConfig;
    pgConfig.start(QStringLiteral("pg_config"), {QStringLiteral("--bindir")});
    if (pgConfig.waitForFinished(5000) && pgConfig.exitCode() == 0)
        dirs << QString::fromLocal8Bit(pgConfig.readAllStandardOutput()).trimmed();

    QList<QVersionNumber> versions;
    const QDir versioned(QStringLiteral("/usr/lib/postgresql"));
    for (const QString &name : versioned.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        versions << QVersionNumber::fromString(name);
    std::sort(versions.begin(), versions.end(), std::greater<>());
    for (const QVersionNumber &v : std::as_const(versions))
        dirs << versioned.filePath(v.toString() + QStringLiteral("/bin"));

    dirs << qEnvironmentVariable("PATH").split(QDir::listSeparator(), Qt::SkipEmptyParts);
    return dirs;
}

QString PracticeServer::findBinaries()
{
    if (!m_binDir.isEmpty())
        return m_binDir;
    const QStringList dirs =
        m_options.binarySearchPath.isEmpty() ? defaultBinarySearchPath() : m_options.binarySearchPath;
    for (const QString &dir : dirs) {
        if (hasServerPrograms(dir)) {
            m_binDir = dir;
            return m_binDir;
        }
    }
    m_error = tr("PostgreSQL server programs (initdb, pg_ctl, postgres) were not found. %1.")
                  .arg(serverPackageHint());
    return {};
}

bool PracticeServer::runTool(const QString &tool, const QStringList &arguments, int timeoutMs, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_MESSAGES"), QStringLiteral("C"));
    env.remove(QStringLiteral("PGDATA"));
    process.setProcessEnvironment(env);
    process.start(executable(m_binDir, tool), arguments);
    if (!process.waitForStarted(10000)) {
        m_error = tr("Could not run %1: %2").arg(tool, process.errorString());
        return false;
    }
    const bool done = process.waitForFinished(timeoutMs);
    const QString text = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (output)
        *output = text;
    if (!done) {
        process.kill();
        process.waitForFinished(2000);
        m_error = tr("%1 did not finish in time.").arg(tool);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = tr("%1 failed: %2").arg(tool, text);
        return false;
    }
    return true;
}

bool PracticeServer::initialize()
{
    if (findBinaries().isEmpty())
        return false;
    if (QFileInfo::exists(QDir(clusterDirectory()).filePath(QStringLiteral("PG_VERSION"))))
        return true;
    if (!QDir().mkpath(m_dataDirectory)) {
        m_error = tr("Cannot create the data directory %1.").arg(m_dataDirectory);
        return false;
    }
    QDir(clusterDirectory()).removeRecursively(); // a half-made cluster from an interrupted initdb
    QStringList args = {QStringLiteral("--pgdata=") + clusterDirectory(),
                        QStringLiteral("--encoding=UTF8"),
                        QStringLiteral("--locale=C"),
                        QStringLiteral("--username=") + superuser(),
                        QStringLiteral("--auth-local=trust"),
                        QStringLiteral("--auth-host=reject"),
                        QStringLiteral("--no-instructions")};
    if (m_options.throwaway)
        args << QStringLiteral("--no-sync");
    if (!runTool(QStringLiteral("initdb"), args, 180000))
        return false;
    QFile conf(QDir(clusterDirectory()).filePath(QStringLiteral("postgresql.conf")));
    if (!conf.open(QIODevice::Append | QIODevice::Text)) {
        m_error = tr("Cannot write %1.").arg(conf.fileName());
        return false;
    }
    conf.write("\n# Written by PG Campus before each start: socket directory and port.\n"
               "include_if_exists = 'pgcampus.conf'\n");
    return true;
}

bool PracticeServer::prepareSocketDirectory()
{
    QString dir = QDir(m_dataDirectory).filePath(QStringLiteral("socket"));
    if (dir.toLocal8Bit().size() > SocketPathLimit - 16) {
        // A deep data directory: the socket goes to a short private path instead.
        const QByteArray key = QCryptographicHash::hash(m_dataDirectory.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
        QString base = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
        if (base.isEmpty() || base.toLocal8Bit().size() > 60)
            base = QDir::tempPath();
        dir = QDir(base).filePath(QStringLiteral("pgcampus-") + QString::fromLatin1(key));
    }
    if (!QDir().mkpath(dir)) {
        m_error = tr("Cannot create the socket directory %1.").arg(dir);
        return false;
    }
    if (!QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        m_error = tr("Cannot make the socket directory %1 private.").arg(dir);
        return false;
    }
    m_socketDirectory = dir;
    return true;
}

int PracticeServer::choosePort() const
{
    // Only a socket file name in a private directory: free unless a lock file holds it.
    const QDir dir(m_socketDirectory);
    for (int port = 5432; port < 5532; ++port) {
        if (!QFileInfo::exists(dir.filePath(QStringLiteral(".s.PGSQL.%1.lock").arg(port))))
            return port;
    }
    return 0;
}

bool PracticeServer::writeRuntimeSettings()
{
    QFile file(QDir(clusterDirectory()).filePath(QStringLiteral("pgcampus.conf")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        m_error = tr("Cannot write %1.").arg(file.fileName());
        return false;
    }
    QString text = QStringLiteral("listen_addresses = ''\n"
                                  "unix_socket_directories = %1\n"
                                  "unix_socket_permissions = 0700\n"
                                  "port = %2\n")
                       .arg(quoteSetting(m_socketDirectory))
                       .arg(m_port);
    if (m_options.throwaway)
        text += QStringLiteral("fsync = off\nfull_page_writes = off\nsynchronous_commit = off\n");
    file.write(text.toUtf8());
    return true;
}

// A server left running by an earlier run (the app was killed): use it as it is.
bool PracticeServer::adoptRunningServer()
{
    QFile pidFile(QDir(clusterDirectory()).filePath(QStringLiteral("postmaster.pid")));
    if (!pidFile.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    const QStringList lines = QString::fromLocal8Bit(pidFile.readAll()).split(u'\n');
    if (lines.size() < 5)
        return false;
    m_port = lines.at(3).trimmed().toInt();
    m_socketDirectory = lines.at(4).trimmed();
    return m_port > 0 && !m_socketDirectory.isEmpty();
}

PracticeServer::Status PracticeServer::status()
{
    if (!QFileInfo::exists(QDir(clusterDirectory()).filePath(QStringLiteral("PG_VERSION"))))
        return Status::NotInitialized;
    if (findBinaries().isEmpty())
        return Status::Stopped;
    QProcess process;
    process.start(executable(m_binDir, QStringLiteral("pg_ctl")),
                  {QStringLiteral("status"), QStringLiteral("--pgdata=") + clusterDirectory()});
    process.waitForFinished(10000);
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0 ? Status::Running
                                                                                   : Status::Stopped;
}

bool PracticeServer::waitUntilAccepting(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const QByteArray conninfo = connectionString().toUtf8();
    while (!deadline.hasExpired()) {
        if (PQping(conninfo.constData()) == PQPING_OK)
            return true;
        QThread::msleep(50);
    }
    m_error = tr("The practice server did not accept connections in time. See %1.").arg(logFilePath());
    return false;
}

bool PracticeServer::start()
{
    if (!initialize())
        return false;
    if (status() == Status::Running && adoptRunningServer())
        return waitUntilAccepting(30000);
    if (!prepareSocketDirectory())
        return false;
    m_port = choosePort();
    if (m_port == 0) {
        m_error = tr("No free port for the practice server in %1.").arg(m_socketDirectory);
        return false;
    }
    if (!writeRuntimeSettings())
        return false;
    const QStringList args = {QStringLiteral("start"), QStringLiteral("--pgdata=") + clusterDirectory(),
                              QStringLiteral("--log=") + logFilePath(), QStringLiteral("--wait"),
                              QStringLiteral("--timeout=60"), QStringLiteral("--silent")};
    QString output;
    if (!runTool(QStringLiteral("pg_ctl"), args, 90000, &output)) {
        m_error = tr("The practice server did not start. See %1.").arg(logFilePath());
        return false;
    }
    return waitUntilAccepting(30000);
}

bool PracticeServer::stopImmediately()
{
    if (status() != Status::Running)
        return true;
    return runTool(QStringLiteral("pg_ctl"), {QStringLiteral("stop"), QStringLiteral("--pgdata=") + clusterDirectory(),
                                              QStringLiteral("--mode=immediate"), QStringLiteral("--wait"),
                                              QStringLiteral("--timeout=30")},
                   45000);
}

bool PracticeServer::stop()
{
    if (status() != Status::Running)
        return true;
    const QString pgdata = QStringLiteral("--pgdata=") + clusterDirectory();
    if (runTool(QStringLiteral("pg_ctl"), {QStringLiteral("stop"), pgdata, QStringLiteral("--mode=fast"),
                                           QStringLiteral("--wait"), QStringLiteral("--timeout=30")},
                45000))
        return true;
    return runTool(QStringLiteral("pg_ctl"), {QStringLiteral("stop"), pgdata, QStringLiteral("--mode=immediate"),
                                              QStringLiteral("--wait"), QStringLiteral("--timeout=30")},
                   45000);
}
