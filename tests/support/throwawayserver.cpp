#include "throwawayserver.h"

#include <libpq-fe.h>

#include <QFile>
#include <QProcess>

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>
#endif

// Servers of this process, so a test that crashes or aborts (QFATAL) still takes
// them down. The handler reads each server's postmaster.pid (it changes on restart)
// with open/read and stops it with kill: all safe inside a signal handler.
struct LiveServer
{
    std::atomic<bool> used{false};
    char pidFile[1024] = {};
};

namespace {
std::array<LiveServer, 16> LiveServers;

#ifdef Q_OS_UNIX
struct sigaction PreviousHandlers[NSIG];

void stopServer(const char *pidFile)
{
    const int fd = ::open(pidFile, O_RDONLY);
    if (fd < 0)
        return;
    char text[32] = {};
    const ssize_t n = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    long pid = 0;
    for (ssize_t i = 0; i < n && text[i] >= '0' && text[i] <= '9'; ++i)
        pid = pid * 10 + (text[i] - '0');
    if (pid > 0)
        ::kill(pid_t(pid), SIGQUIT); // immediate shutdown
}

void stopServersAndPassOn(int signal)
{
    for (LiveServer &server : LiveServers) {
        if (server.used.exchange(false))
            stopServer(server.pidFile);
    }
    sigaction(signal, &PreviousHandlers[signal], nullptr);
    raise(signal);
}

void installCrashHandlers()
{
    static const bool installed = [] {
        for (const int s : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTERM, SIGINT}) {
            struct sigaction action = {};
            action.sa_handler = stopServersAndPassOn;
            sigemptyset(&action.sa_mask);
            sigaction(s, &action, &PreviousHandlers[s]);
        }
        return true;
    }();
    Q_UNUSED(installed);
}
#else
void installCrashHandlers() {}
#endif

LiveServer *track(const QString &pidFile)
{
    const QByteArray path = QFile::encodeName(pidFile);
    for (LiveServer &server : LiveServers) {
        if (server.used || size_t(path.size()) >= sizeof server.pidFile)
            continue;
        std::memcpy(server.pidFile, path.constData(), size_t(path.size()) + 1);
        server.used = true;
        return &server;
    }
    return nullptr;
}
} // namespace

ThrowawayServer::ThrowawayServer(bool durable)
    : m_dir(QDir::tempPath() + QStringLiteral("/pgcampus-test-XXXXXX"))
{
    PracticeServer::Options options;
    options.throwaway = !durable;
    m_server = std::make_unique<PracticeServer>(m_dir.path(), options);
}

ThrowawayServer::~ThrowawayServer()
{
    if (m_tracked)
        m_tracked->used = false;
    m_server->stop();
}

bool ThrowawayServer::start()
{
    if (!m_dir.isValid() || !m_server->start())
        return false;
    if (!m_tracked) {
        installCrashHandlers();
        m_tracked = track(QDir(m_server->clusterDirectory()).filePath(QStringLiteral("postmaster.pid")));
    }
    return true;
}

QString ThrowawayServer::psql() const
{
    return m_server->findBinaries() + QStringLiteral("/psql");
}

bool ThrowawayServer::addPasswordRole(const QString &role, const QString &password, QString *error)
{
    error->clear();
    const QString admin = connectionString();
    queryScalar(admin, QStringLiteral("CREATE ROLE \"%1\" LOGIN PASSWORD '%2'").arg(role, password), error);
    if (!error->isEmpty())
        return false;
    QFile hba(m_server->clusterDirectory() + QStringLiteral("/pg_hba.conf"));
    if (!hba.open(QIODevice::ReadOnly)) {
        *error = hba.errorString();
        return false;
    }
    const QByteArray rules = hba.readAll();
    hba.close();
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = hba.errorString();
        return false;
    }
    hba.write("local all " + role.toUtf8() + " scram-sha-256\n" + rules);
    hba.close();
    queryScalar(admin, QStringLiteral("SELECT pg_reload_conf()"), error);
    return error->isEmpty();
}

ProgramOutput runProgram(const QString &program, const QStringList &arguments, const QStringList &environment,
                         int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &pair : environment)
        env.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    ProgramOutput output;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    } else if (process.exitStatus() == QProcess::NormalExit) {
        output.exitCode = process.exitCode();
    }
    output.out = process.readAllStandardOutput();
    output.err = process.readAllStandardError();
    return output;
}

QString queryScalar(const QString &conninfo, const QString &sql, QString *error)
{
    PGconn *conn = PQconnectdb(conninfo.toUtf8().constData());
    QString value;
    if (PQstatus(conn) != CONNECTION_OK) {
        if (error)
            *error = QString::fromUtf8(PQerrorMessage(conn));
        PQfinish(conn);
        return value;
    }
    PGresult *result = PQexec(conn, sql.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_TUPLES_OK && PQntuples(result) > 0)
        value = QString::fromUtf8(PQgetvalue(result, 0, 0));
    else if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK && error)
        *error = QString::fromUtf8(PQresultErrorMessage(result));
    PQclear(result);
    PQfinish(conn);
    return value;
}
