// The progress store's learner profiles: create, rename, delete with an undo window,
// language, PIN.
#include "progressstore.h"

#include "sqlitesupport.h"

#include <QFile>
#include <QPasswordDigestor>
#include <QRandomGenerator>

using namespace SqliteSupport;

namespace {
const char LearnerColumns[] = "SELECT id, name, language, created_at, profile_id, pin <> '', deleted_at FROM learner ";

Learner learnerFrom(sqlite3_stmt *stmt)
{
    Learner l;
    l.id = sqlite3_column_int64(stmt, 0);
    l.name = columnText(stmt, 1);
    l.language = columnText(stmt, 2);
    l.createdAt = parseTime(columnText(stmt, 3));
    l.profileId = columnText(stmt, 4);
    l.hasPin = sqlite3_column_int(stmt, 5) != 0;
    if (sqlite3_column_type(stmt, 6) != SQLITE_NULL)
        l.deletedAt = parseTime(columnText(stmt, 6));
    return l;
}

// "pbkdf2-sha256$ITERATIONS$SALT$KEY", salt and key in hex.
constexpr int PinIterations = 100000;

QByteArray pinKey(const QString &pin, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, iterations, 32);
}
} // namespace

int ProgressStore::stepWrite(sqlite3_stmt *stmt)
{
    if (!stmt || sqlite3_step(stmt) != SQLITE_DONE) {
        m_error = sqliteError();
        return -1;
    }
    return sqlite3_changes(m_db);
}

bool ProgressStore::dropDeletedNamesake(const QString &name)
{
    Statement gone = prepare(m_db, "DELETE FROM learner WHERE name = ?1 AND deleted_at IS NOT NULL");
    bindText(gone.get(), 1, name);
    return stepWrite(gone.get()) >= 0;
}

std::optional<Learner> ProgressStore::findLearner(const char *where, const QString &value) const
{
    Statement stmt = prepare(m_db, (QByteArray(LearnerColumns) + where).constData());
    bindText(stmt.get(), 1, value);
    if (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW)
        return learnerFrom(stmt.get());
    return std::nullopt;
}

QList<Learner> ProgressStore::learners() const
{
    QList<Learner> result;
    Statement stmt = prepare(m_db, (QByteArray(LearnerColumns) + "WHERE deleted_at IS NULL ORDER BY name").constData());
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW)
        result.append(learnerFrom(stmt.get()));
    return result;
}

QList<Learner> ProgressStore::deletedLearners() const
{
    QList<Learner> result;
    Statement stmt = prepare(m_db, (QByteArray(LearnerColumns) + "WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC").constData());
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW)
        result.append(learnerFrom(stmt.get()));
    return result;
}

std::optional<Learner> ProgressStore::learner(qint64 id) const
{
    return findLearner("WHERE id = ?1", QString::number(id));
}

std::optional<Learner> ProgressStore::learnerByName(const QString &name) const
{
    return findLearner("WHERE name = ?1 AND deleted_at IS NULL", name);
}

Learner ProgressStore::defaultLearner(const QString &nameForNew)
{
    Statement last = prepare(m_db, (QByteArray(LearnerColumns) + "WHERE deleted_at IS NULL "
                                                                  "ORDER BY last_used_at DESC, id LIMIT 1").constData());
    if (last && sqlite3_step(last.get()) == SQLITE_ROW)
        return learnerFrom(last.get());
    return createLearner(nameForNew).value_or(Learner());
}

std::optional<Learner> ProgressStore::createLearner(const QString &name, const QString &language)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        m_error = tr("A profile needs a name.");
        return std::nullopt;
    }
    if (learnerByName(trimmed)) {
        m_error = tr("A profile named \"%1\" already exists.").arg(trimmed);
        return std::nullopt;
    }
    if (!dropDeletedNamesake(trimmed))
        return std::nullopt;
    Statement insert = prepare(m_db, "INSERT INTO learner (name, language, created_at, last_used_at, profile_id) "
                                     "VALUES (?1, ?2, ?3, ?3, lower(hex(randomblob(16))))");
    bindText(insert.get(), 1, trimmed);
    bindText(insert.get(), 2, language);
    bindText(insert.get(), 3, nowText());
    if (stepWrite(insert.get()) < 0)
        return std::nullopt;
    return learner(sqlite3_last_insert_rowid(m_db));
}

bool ProgressStore::renameLearner(qint64 id, const QString &name)
{
    const QString trimmed = name.trimmed();
    const std::optional<Learner> holder = learnerByName(trimmed);
    if (trimmed.isEmpty() || (holder && holder->id != id)) {
        m_error = trimmed.isEmpty() ? tr("A profile needs a name.") : tr("A profile named \"%1\" already exists.").arg(trimmed);
        return false;
    }
    if (!dropDeletedNamesake(trimmed))
        return false;
    Statement stmt = prepare(m_db, "UPDATE learner SET name = ?2 WHERE id = ?1");
    sqlite3_bind_int64(stmt.get(), 1, id);
    bindText(stmt.get(), 2, trimmed);
    return stepWrite(stmt.get()) == 1;
}

bool ProgressStore::setLearnerLanguage(qint64 id, const QString &language)
{
    Statement stmt = prepare(m_db, "UPDATE learner SET language = ?2 WHERE id = ?1");
    sqlite3_bind_int64(stmt.get(), 1, id);
    bindText(stmt.get(), 2, language);
    return stepWrite(stmt.get()) == 1;
}

bool ProgressStore::markLearnerUsed(qint64 id)
{
    // Strictly after every other profile's use, even within the same millisecond.
    Statement stmt = prepare(m_db, "UPDATE learner SET last_used_at = max(?2, coalesce((SELECT strftime('%Y-%m-%dT%H:%M:%fZ', "
                                   "max(last_used_at), '+0.001 seconds') FROM learner WHERE id <> ?1), '')) "
                                   "WHERE id = ?1 AND deleted_at IS NULL");
    sqlite3_bind_int64(stmt.get(), 1, id);
    bindText(stmt.get(), 2, nowText());
    return stepWrite(stmt.get()) == 1;
}

bool ProgressStore::deleteLearner(qint64 id, const QDateTime &at)
{
    Statement stmt = prepare(m_db, "UPDATE learner SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL");
    sqlite3_bind_int64(stmt.get(), 1, id);
    bindText(stmt.get(), 2, timeText(at));
    return stepWrite(stmt.get()) == 1;
}

bool ProgressStore::restoreLearner(qint64 id)
{
    const std::optional<Learner> deleted = learner(id);
    if (!deleted || !deleted->deletedAt.isValid())
        return false;
    if (learnerByName(deleted->name)) { // cannot happen while names give way, but say so if it does
        m_error = tr("A profile named \"%1\" already exists.").arg(deleted->name);
        return false;
    }
    Statement stmt = prepare(m_db, "UPDATE learner SET deleted_at = NULL WHERE id = ?1");
    sqlite3_bind_int64(stmt.get(), 1, id);
    return stepWrite(stmt.get()) == 1;
}

int ProgressStore::purgeDeletedLearners(const QDateTime &deletedBefore)
{
    Statement stmt = prepare(m_db, "DELETE FROM learner WHERE deleted_at IS NOT NULL AND deleted_at < ?1");
    bindText(stmt.get(), 1, timeText(deletedBefore));
    return stepWrite(stmt.get());
}

bool ProgressStore::setPin(qint64 id, const QString &pin)
{
    QString stored;
    if (!pin.isEmpty()) {
        QByteArray salt(16, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
        stored = QStringLiteral("pbkdf2-sha256$%1$%2$%3")
                     .arg(PinIterations)
                     .arg(QString::fromLatin1(salt.toHex()), QString::fromLatin1(pinKey(pin, salt, PinIterations).toHex()));
    }
    Statement stmt = prepare(m_db, "UPDATE learner SET pin = ?2 WHERE id = ?1");
    sqlite3_bind_int64(stmt.get(), 1, id);
    bindText(stmt.get(), 2, stored);
    return stepWrite(stmt.get()) == 1;
}

bool ProgressStore::checkPin(qint64 id, const QString &pin) const
{
    Statement stmt = prepare(m_db, "SELECT pin FROM learner WHERE id = ?1");
    sqlite3_bind_int64(stmt.get(), 1, id);
    if (!stmt || sqlite3_step(stmt.get()) != SQLITE_ROW)
        return false;
    const QStringList parts = columnText(stmt.get(), 0).split(u'$');
    if (parts.size() == 1 && parts.first().isEmpty())
        return true; // no PIN
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256")
        return false;
    const QByteArray expected = QByteArray::fromHex(parts.at(3).toLatin1());
    const QByteArray given = pinKey(pin, QByteArray::fromHex(parts.at(2).toLatin1()), parts.at(1).toInt());
    // Compared in full whatever differs first.
    int difference = int(expected.size() ^ given.size());
    for (qsizetype i = 0; i < std::min(expected.size(), given.size()); ++i)
        difference |= expected.at(i) ^ given.at(i);
    return difference == 0 && !expected.isEmpty();
}

QString ProgressStore::lastUsedLanguage(const QString &path)
{
    sqlite3 *db = nullptr;
    QString language;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        Statement stmt = prepare(db, "SELECT language FROM learner WHERE deleted_at IS NULL ORDER BY last_used_at DESC, id LIMIT 1");
        if (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW)
            language = columnText(stmt.get(), 0);
    }
    sqlite3_close(db);
    return language;
}
