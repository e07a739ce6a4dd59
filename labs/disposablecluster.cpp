#include "disposablecluster.h"

#include "graderconnection.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

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
}

DisposableCluster::~DisposableCluster()
{
    stop();
}

QString DisposableCluster::conninfo(const QString &database) const
{
    return m_server->connectionString(database);
}

QString DisposableCluster::archiveDirectory() const
{
    return QDir(m_directory).filePath(QStringLiteral("archive"));
}

bool DisposableCluster::makePristine(QString *error)
{
    const QString pristine = QDir(m_directory).filePath(QStringLiteral("pristine"));
    if (QFileInfo::exists(QDir(pristine).filePath(QStringLiteral("PG_VERSION"))))
        return true;
    m_server->stop();
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
    conf.write(lines.toUtf8());
    conf.close();
    if (!m_options.setupSql.trimmed().isEmpty()) {
        if (!m_server->start()) {
            *error = m_server->errorString();
            return false;
        }
        GraderConnection c;
        if (!c.open(conninfo(), 0, error))
            return false;
        const SqlOutcome outcome = c.execScript(m_options.setupSql);
        if (!outcome.ok) {
            *error = tr("The lab's setup failed: %1").arg(outcome.message);
            return false;
        }
        c.close();
        m_server->stop();
    }
    QDir(pristine).removeRecursively();
    if (!copyTree(m_server->clusterDirectory(), pristine)) {
        *error = tr("Cannot copy the lab's cluster to %1.").arg(pristine);
        return false;
    }
    return true;
}

bool DisposableCluster::putPristineInPlace(QString *error)
{
    m_server->stop();
    QDir(m_server->clusterDirectory()).removeRecursively();
    QDir(archiveDirectory()).removeRecursively();
    QDir().mkpath(archiveDirectory());
    if (!copyTree(QDir(m_directory).filePath(QStringLiteral("pristine")), m_server->clusterDirectory())) {
        *error = tr("Cannot restore the lab's cluster in %1.").arg(m_server->clusterDirectory());
        return false;
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
    return error->isEmpty();
}

bool DisposableCluster::prepare(QString *error)
{
    if (!makePristine(error))
        return false;
    if (m_server->status() == PracticeServer::Status::Running)
        return true;
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

void DisposableCluster::stop()
{
    m_server->stop();
}
