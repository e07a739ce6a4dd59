#include "storebackups.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <sqlite3.h>

namespace {
const QString Prefix = QStringLiteral("progress-");
const QString Suffix = QStringLiteral(".sqlite");

QString sqliteMessage(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
}
} // namespace

StoreBackups::StoreBackups(const QString &storePath)
    : m_store(storePath)
    , m_directory(QFileInfo(storePath).absoluteDir().filePath(QStringLiteral("backups")))
{
}

QList<StoreBackups::Backup> StoreBackups::backups() const
{
    static const QRegularExpression name(QStringLiteral("^progress-(\\d{4}-\\d{2}-\\d{2})\\.sqlite$"));
    QList<Backup> result;
    const QFileInfoList files = QDir(m_directory).entryInfoList({Prefix + u'*' + Suffix}, QDir::Files, QDir::Name | QDir::Reversed);
    for (const QFileInfo &file : files) {
        const QRegularExpressionMatch m = name.match(file.fileName());
        const QDate day = m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
        if (day.isValid())
            result.append({file.absoluteFilePath(), day, file.size()});
    }
    return result;
}

bool StoreBackups::copyDatabase(const QString &from, const QString &to, QString *error)
{
    sqlite3 *source = nullptr;
    sqlite3 *target = nullptr;
    const auto done = [&](bool ok) {
        sqlite3_close(source);
        sqlite3_close(target);
        return ok;
    };
    if (sqlite3_open_v2(QFile::encodeName(from).constData(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *error = tr("Cannot read %1: %2").arg(from, sqliteMessage(source));
        return done(false);
    }
    if (sqlite3_open(QFile::encodeName(to).constData(), &target) != SQLITE_OK) {
        *error = tr("Cannot write %1: %2").arg(to, sqliteMessage(target));
        return done(false);
    }
    sqlite3_busy_timeout(source, 5000);
    sqlite3_backup *backup = sqlite3_backup_init(target, "main", source, "main");
    if (!backup) {
        *error = tr("Cannot back up %1: %2").arg(from, sqliteMessage(target));
        return done(false);
    }
    // All pages in one step: the copy is one consistent snapshot of the store.
    int rc = sqlite3_backup_step(backup, -1);
    for (int tries = 0; (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < 50; ++tries) {
        sqlite3_sleep(100);
        rc = sqlite3_backup_step(backup, -1);
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        *error = tr("Cannot back up %1: %2").arg(from, QString::fromUtf8(sqlite3_errstr(rc)));
        return done(false);
    }
    return done(true);
}

bool StoreBackups::backUp(const QDate &day, QString *error) const
{
    if (!QDir().mkpath(m_directory)) {
        *error = tr("Cannot create %1.").arg(m_directory);
        return false;
    }
    const QString target = QDir(m_directory).filePath(Prefix + day.toString(Qt::ISODate) + Suffix);
    // Written beside it and renamed, so a backup cut short never stands for a whole one.
    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    if (!copyDatabase(m_store, partial, error)) {
        QFile::remove(partial);
        return false;
    }
    QFile::remove(target);
    if (!QFile::rename(partial, target)) {
        *error = tr("Cannot write %1.").arg(target);
        return false;
    }
    return true;
}

bool StoreBackups::rotate(const QDate &today, QString *error) const
{
    QList<Backup> existing = backups();
    const bool made = existing.isEmpty() || existing.first().day < today;
    if (made) {
        if (!backUp(today, error))
            return false;
        existing = backups();
    }
    for (qsizetype i = Kept; i < existing.size(); ++i)
        QFile::remove(existing.at(i).path);
    return made;
}

bool StoreBackups::restore(const QString &backupPath, QString *error) const
{
    const QString check = integrityCheck(backupPath);
    if (check != u"ok") {
        *error = tr("The backup %1 is damaged too (%2); the store was left as it is.").arg(backupPath, check);
        return false;
    }
    const QString aside = m_store + QStringLiteral(".before-restore-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (QFile::exists(m_store) && !copyDatabase(m_store, aside, error) && !QFile::copy(m_store, aside)) {
        *error = tr("Cannot keep the current store aside before restoring: %1").arg(*error);
        return false;
    }
    // The backup goes in through the backup API as well: the store's WAL is folded in and
    // the file replaced page by page.
    if (!copyDatabase(backupPath, m_store, error))
        return false;
    return true;
}

QString StoreBackups::integrityCheck(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const QString message = sqliteMessage(db);
        sqlite3_close(db);
        return message;
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt *stmt = nullptr;
    QStringList problems;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) != SQLITE_OK) {
        problems << sqliteMessage(db);
    } else {
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
            problems << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        if (rc != SQLITE_DONE)
            problems << sqliteMessage(db);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    if (problems == QStringList{QStringLiteral("ok")})
        return QStringLiteral("ok");
    problems.removeAll(QStringLiteral("ok"));
    return problems.join(QStringLiteral("; "));
}
