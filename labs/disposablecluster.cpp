#include "disposablecluster.h"

#include "graderconnection.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QThread>

namespace {
bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QDirIterator it(from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo entry = it.nextFileInfo();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(entry.filePath()));
        if (entry.isDir()) {
            if (!QDir().mkpath(target))
                return false;
            QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        } else if (!QFile::copy(entry.filePath(), target)) {
            return false;
        }
    }
    return true;
}

QString settingLine(const QString &name, const QString &value)
{
    return QStringLiteral("%1 = '%2'\n").arg(name, QString(value).replace(u'\'', QStringLiteral("''")));
}
} // namespace

DisposableCluster::DisposableCluster(const QString &directory, const Options &options)
    : m_directory(directory)
    , m_options(options)
{
    PracticeServer::Options serverOptions;
    serverOptions.throwaway = options.throwaway;
    m_server = std::make_unique<PracticeServer>(QDir(directory).filePath(QStringLiteral("live")), serverOptions);
    if (options.standby)
        m_standby = std::make_unique<PracticeServer>(QDir(directory).filePath(QStringLiteral("standby")), serverOptions);
}

DisposableCluster::~DisposableCluster()
{
    stop();
}

QString DisposableCluster::conninfo(const QString &database) const
{
    return m_server->connectionString(database);
}

QString DisposableCluster::standbyConninfo(const QString &database) const
{
    return m_standby ? m_standby->connectionString(database) : QString();
}

QString DisposableCluster::binaryDirectory() const
{
    return m_server->findBinaries();
}

QString DisposableCluster::archiveDirectory() const
{
    return QDir(m_directory).filePath(QStringLiteral("archive"));
}

QString DisposableCluster::pristine(const QString &which) const
{
    return QDir(m_directory).filePath(which == u"standby" ? QStringLiteral("pristine-standby") : QStringLiteral("pristine"));
}

QString DisposableCluster::logTail(const PracticeServer &server)
{
    QFile log(server.logFilePath());
    if (!log.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QStringList lines = QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QStringList tail;
    for (qsizetype i = lines.size() - 1; i >= 0 && tail.size() < 3 && i >= lines.size() - 40; --i) {
        if (lines.at(i).contains(QStringLiteral("FATAL:")) || lines.at(i).contains(QStringLiteral("ERROR:")))
            tail.prepend(lines.at(i).section(QStringLiteral(": "), 1).trimmed());
    }
    return tail.join(u'\n');
}

bool DisposableCluster::makeStandby(QString *error)
{
    // A base backup of the running primary, streamed with its WAL.
    m_standby->stop();
    QDir(m_standby->clusterDirectory()).removeRecursively();
    QDir().mkpath(m_standby->dataDirectory());
    QProcess backup;
    backup.start(QDir(binaryDirectory()).filePath(QStringLiteral("pg_basebackup")),
                 {QStringLiteral("--pgdata=") + m_standby->clusterDirectory(), QStringLiteral("--wal-method=stream"),
                  QStringLiteral("--checkpoint=fast"), QStringLiteral("--no-sync"), QStringLiteral("--dbname=") + conninfo()});
    if (!backup.waitForFinished(120000) || backup.exitStatus() != QProcess::NormalExit || backup.exitCode() != 0) {
        *error = tr("The standby's base backup failed: %1").arg(QString::fromLocal8Bit(backup.readAllStandardError()).trimmed());
        return false;
    }
    QFile signal(QDir(m_standby->clusterDirectory()).filePath(QStringLiteral("standby.signal")));
    if (!signal.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1.").arg(signal.fileName());
        return false;
    }
    return true;
}

// The primary's socket and port can change from one start to the next: the standby is
// told where it is each time, in the file the standby's ALTER SYSTEM also writes.
bool DisposableCluster::startStandby(QString *error)
{
    QFile autoConf(QDir(m_standby->clusterDirectory()).filePath(QStringLiteral("postgresql.auto.conf")));
    QStringList lines;
    if (autoConf.open(QIODevice::ReadOnly | QIODevice::Text))
        lines = QString::fromUtf8(autoConf.readAll()).split(u'\n');
    autoConf.close();
    lines.removeIf([](const QString &line) { return line.trimmed().startsWith(QStringLiteral("primary_conninfo")); });
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    lines << settingLine(QStringLiteral("primary_conninfo"),
                         QStringLiteral("host=%1 port=%2 user=postgres application_name=standby")
                             .arg(m_server->socketDirectory())
                             .arg(m_server->port()))
                 .trimmed()
          << QString();
    if (!autoConf.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)
        || autoConf.write(lines.join(u'\n').toUtf8()) < 0) {
        *error = tr("Cannot write %1.").arg(autoConf.fileName());
        return false;
    }
    autoConf.close();
    if (!m_standby->start()) {
        *error = tr("The standby did not start: %1").arg(logTail(*m_standby));
        return false;
    }
    return true;
}

bool DisposableCluster::makePristine(QString *error)
{
    const QString primaryCopy = pristine(QStringLiteral("primary"));
    if (QFileInfo::exists(QDir(primaryCopy).filePath(QStringLiteral("PG_VERSION")))
        && (!m_standby || QFileInfo::exists(QDir(pristine(QStringLiteral("standby"))).filePath(QStringLiteral("PG_VERSION")))))
        return true;
    stop();
    QDir(m_server->clusterDirectory()).removeRecursively();
    if (!m_server->initialize()) {
        *error = m_server->errorString();
        return false;
    }
    QFile conf(QDir(m_server->clusterDirectory()).filePath(QStringLiteral("postgresql.conf")));
    if (!conf.open(QIODevice::Append | QIODevice::Text)) {
        *error = tr("Cannot write %1.").arg(conf.fileName());
        return false;
    }
    QString lines = QStringLiteral("\n# The lab's own settings.\n");
    for (auto it = m_options.settings.cbegin(); it != m_options.settings.cend(); ++it)
        lines += settingLine(it.key(), it.value().toString());
    if (m_options.archive) {
        lines += settingLine(QStringLiteral("archive_mode"), QStringLiteral("on"));
        lines += settingLine(QStringLiteral("archive_library"), QStringLiteral("basic_archive"));
        lines += settingLine(QStringLiteral("basic_archive.archive_directory"), archiveDirectory());
    }
    if (m_standby) // the WAL a standby started from the copies still needs stays on the primary
        lines += settingLine(QStringLiteral("wal_keep_size"), QStringLiteral("256MB"));
    conf.write(lines.toUtf8());
    conf.close();
    if (!m_options.setupSql.trimmed().isEmpty() || m_standby) {
        if (!m_server->start()) {
            *error = m_server->errorString();
            return false;
        }
        if (!m_options.setupSql.trimmed().isEmpty()) {
            GraderConnection c;
            if (!c.open(conninfo(), 0, error))
                return false;
            const SqlOutcome outcome = c.execScript(m_options.setupSql);
            if (!outcome.ok) {
                *error = tr("The lab's setup failed: %1").arg(outcome.message);
                return false;
            }
        }
        if (m_standby && !makeStandby(error))
            return false;
        m_server->stop();
    }
    for (const auto &[copy, from] : {std::pair{primaryCopy, m_server->clusterDirectory()},
                                     std::pair{pristine(QStringLiteral("standby")),
                                               m_standby ? m_standby->clusterDirectory() : QString()}}) {
        if (from.isEmpty())
            continue;
        QDir(copy).removeRecursively();
        if (!copyTree(from, copy)) {
            *error = tr("Cannot copy the lab's cluster to %1.").arg(copy);
            return false;
        }
    }
    return true;
}

bool DisposableCluster::putPristineInPlace(QString *error)
{
    stop();
    QDir(archiveDirectory()).removeRecursively();
    QDir().mkpath(archiveDirectory());
    for (PracticeServer *server : {m_server.get(), m_standby.get()}) {
        if (!server)
            continue;
        QDir(server->clusterDirectory()).removeRecursively();
        if (!copyTree(pristine(server == m_standby.get() ? QStringLiteral("standby") : QStringLiteral("primary")),
                      server->clusterDirectory())) {
            *error = tr("Cannot restore the lab's cluster in %1.").arg(server->clusterDirectory());
            return false;
        }
    }
    return true;
}

bool DisposableCluster::startFresh(QString *error)
{
    if (!m_server->start()) {
        *error = m_server->errorString();
        return false;
    }
    GraderConnection c;
    if (!c.open(conninfo(), 0, error))
        return false;
    m_firstSegment = c.value(QStringLiteral("SELECT pg_walfile_name(pg_current_wal_lsn())"), {}, error);
    if (!error->isEmpty())
        return false;
    return !m_standby || startStandby(error);
}

bool DisposableCluster::prepare(QString *error)
{
    if (!makePristine(error))
        return false;
    if (m_server->status() == PracticeServer::Status::Running) {
        if (m_standby && m_standby->status() != PracticeServer::Status::Running)
            return startStandby(error);
        return true;
    }
    return putPristineInPlace(error) && startFresh(error);
}

bool DisposableCluster::reset(QString *error)
{
    return makePristine(error) && putPristineInPlace(error) && startFresh(error);
}

bool DisposableCluster::restart(QString *error)
{
    if (!m_server->restart()) {
        *error = m_server->errorString();
        return false;
    }
    return true;
}

bool DisposableCluster::recover(QString *error)
{
    const QString live = m_server->clusterDirectory();
    QFile autoConf(QDir(live).filePath(QStringLiteral("postgresql.auto.conf")));
    if (!autoConf.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1.").arg(autoConf.fileName());
        return false;
    }
    const QByteArray learnersSettings = autoConf.readAll();
    autoConf.close();
    // The disaster a recovery answers: the server stops dead. A clean shutdown would switch
    // to a new WAL segment and archive the last one, saving a learner who forgot
    // pg_switch_wal(); a crash does not. Segments already complete get their moment to
    // reach the archive first, as they would on a running server.
    const QDir readyToArchive(QDir(live).filePath(QStringLiteral("pg_wal/archive_status")));
    for (QDeadlineTimer deadline(10000); !deadline.hasExpired(); QThread::msleep(100)) {
        if (readyToArchive.entryList({QStringLiteral("*.ready")}, QDir::Files).isEmpty())
            break;
    }
    if (m_standby)
        m_standby->stop();
    m_server->stopImmediately();
    // The cluster as the learner left it stays aside until recovery worked: a failed
    // recovery (no restore_command, a target never reached) puts it back, running.
    const QString before = live + QStringLiteral(".before-recovery");
    QDir(before).removeRecursively();
    const auto putBack = [&] {
        m_server->stop();
        QDir(live).removeRecursively();
        QDir().rename(before, live);
        m_server->start();
    };
    if (!QDir().rename(live, before) || !copyTree(pristine(QStringLiteral("primary")), live)) {
        *error = tr("Cannot restore the lab's cluster in %1.").arg(live);
        putBack();
        return false;
    }
    QFile restored(QDir(live).filePath(QStringLiteral("postgresql.auto.conf")));
    QFile signal(QDir(live).filePath(QStringLiteral("recovery.signal")));
    if (!restored.open(QIODevice::WriteOnly | QIODevice::Truncate) || restored.write(learnersSettings) < 0
        || !signal.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1.").arg(live);
        putBack();
        return false;
    }
    restored.close();
    signal.close();
    // pg_ctl returns once the server takes read-only connections, which can be before
    // recovery ends: wait until it is promoted or paused at the target, or has given up.
    bool done = m_server->start();
    for (QDeadlineTimer deadline(RecoveryWaitMs); done; QThread::msleep(200)) {
        GraderConnection c;
        QString ignored;
        const SqlOutcome state = c.open(conninfo(), 0, &ignored)
            ? c.exec(QStringLiteral("SELECT NOT pg_is_in_recovery() OR pg_get_wal_replay_pause_state() = 'paused'"))
            : SqlOutcome();
        if (state.ok && state.value() == u"t")
            break;
        if (m_server->status() != PracticeServer::Status::Running)
            done = false;
        else if (deadline.hasExpired())
            break; // still replaying a long way: the check says so
    }
    if (!done) {
        const QString why = logTail(*m_server);
        *error = why.isEmpty() ? m_server->errorString() : tr("Recovery did not finish: %1").arg(why);
        putBack();
        return false;
    }
    QDir(before).removeRecursively();
    return true;
}

void DisposableCluster::stop()
{
    if (m_standby)
        m_standby->stop();
    m_server->stop();
}
