#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

// The progress store's safety net: a copy a day in <data>/backups, the newest seven kept,
// made with SQLite's online backup API from a connection of its own (so the app goes on
// writing meanwhile, and a copy is never half of one transaction); a restore that first
// sets the current store aside; and PRAGMA integrity_check, run off the UI thread.
class StoreBackups
{
    Q_DECLARE_TR_FUNCTIONS(StoreBackups)
public:
    static constexpr int Kept = 7;

    // storePath: the progress store; its backups go to "backups" beside it.
    explicit StoreBackups(const QString &storePath);

    QString directory() const { return m_directory; }

    struct Backup
    {
        QString path;
        QDate day;
        qint64 bytes = 0;
    };
    // Newest first.
    QList<Backup> backups() const;

    // Copies the store to the backup of day (replacing one made earlier that day).
    bool backUp(const QDate &day, QString *error) const;
    // Today's backup unless there is one, then only the newest Kept stay. Returns whether a
    // backup was made.
    bool rotate(const QDate &today, QString *error) const;

    // Puts a backup in the store's place. The store must be closed; the current file is
    // kept beside it as progress.sqlite.before-restore-<time>, so a restore can be undone.
    bool restore(const QString &backupPath, QString *error) const;

    // "ok", or what SQLite found wrong, for the store at path (read on a connection of its own).
    static QString integrityCheck(const QString &path);

    // Copies a database with SQLite's online backup API.
    static bool copyDatabase(const QString &from, const QString &to, QString *error);

private:
    QString m_store;
    QString m_directory;
};
