#include "progressstore.h"

#include "connectioninfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include "sqlitesupport.h"

#include <sqlite3.h>

#include <memory>

using namespace SqliteSupport;

namespace {
// Each entry moves the schema one version up, inside its own transaction.
// Append only: a released migration never changes.
const char *const Migrations[] = {
    // 1: learners and their activity log
    "CREATE TABLE learner ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  language TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT NOT NULL,"
    "  last_used_at TEXT NOT NULL);"
    "CREATE TABLE activity ("
    "  id INTEGER PRIMARY KEY,"
    "  event_id TEXT NOT NULL UNIQUE,"
    "  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL,"
    "  at TEXT NOT NULL,"
    "  detail TEXT NOT NULL DEFAULT '{}');"
    "CREATE INDEX activity_by_learner ON activity(learner_id, at);",
    // 2: the workbench's editor tabs (restored after a crash) and every statement it ran
    "CREATE TABLE editor_buffer ("
    "  id TEXT PRIMARY KEY,"
    "  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,"
    "  title TEXT NOT NULL,"
    "  file_path TEXT NOT NULL DEFAULT '',"
    "  text TEXT NOT NULL,"
    "  modified INTEGER NOT NULL DEFAULT 0,"
    "  cursor INTEGER NOT NULL DEFAULT 0,"
    "  tab_order INTEGER NOT NULL DEFAULT 0,"
    "  updated_at TEXT NOT NULL);"
    "CREATE TABLE query_history ("
    "  id INTEGER PRIMARY KEY,"
    "  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,"
    "  connection TEXT NOT NULL,"
    "  statement TEXT NOT NULL,"
    "  started_at TEXT NOT NULL,"
    "  duration_ms INTEGER NOT NULL,"
    "  rows INTEGER,"
    "  status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'cancelled')),"
    "  sqlstate TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX query_history_by_learner ON query_history(learner_id, started_at);",
    // 3: connection profiles: never a password (that goes to the system keychain, if anywhere)
    "CREATE TABLE connection_profile ("
    "  id TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  conninfo TEXT NOT NULL,"
    "  color TEXT NOT NULL DEFAULT '',"
    "  read_only INTEGER NOT NULL DEFAULT 0,"
    "  save_password INTEGER NOT NULL DEFAULT 0);",
    // 4: what a learner did in lessons and labs: completion marks come from here
    "CREATE TABLE course_event ("
    "  id INTEGER PRIMARY KEY,"
    "  event_id TEXT NOT NULL UNIQUE,"
    "  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,"
    "  pack_id TEXT NOT NULL,"
    "  item_id TEXT NOT NULL,"
    "  step_id TEXT NOT NULL DEFAULT '',"
    "  kind TEXT NOT NULL CHECK (kind IN ('opened', 'read', 'attempt', 'hint', 'reset', 'solution')),"
    "  at TEXT NOT NULL,"
    "  duration_ms INTEGER NOT NULL DEFAULT 0,"
    "  passed INTEGER CHECK (passed IN (0, 1)),"
    "  detail TEXT NOT NULL DEFAULT '{}');"
    "CREATE INDEX course_event_by_item ON course_event(learner_id, pack_id, item_id, at);",
    // 5: practice exams: each attempt with what was drawn, every answer, flag and visit as
    // an event, and the review queue's cards
    "CREATE TABLE exam_attempt ("
    "  id INTEGER PRIMARY KEY,"
    "  attempt_id TEXT NOT NULL UNIQUE,"
    "  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,"
    "  pack_id TEXT NOT NULL,"
    "  blueprint_id TEXT NOT NULL DEFAULT '',"
    "  mode TEXT NOT NULL CHECK (mode IN ('exam', 'practice', 'drill', 'review')),"
    "  seed INTEGER NOT NULL,"
    "  questions TEXT NOT NULL,"
    "  started_at TEXT NOT NULL,"
    "  duration_s INTEGER NOT NULL DEFAULT 0,"
    "  submitted_at TEXT,"
    "  submitted_by TEXT CHECK (submitted_by IN ('candidate', 'timeout')));"
    "CREATE INDEX exam_attempt_by_learner ON exam_attempt(learner_id, started_at);"
    "CREATE TABLE exam_event ("
    "  id INTEGER PRIMARY KEY,"
    "  attempt_id TEXT NOT NULL REFERENCES exam_attempt(attempt_id) ON DELETE CASCADE,"
    "  at TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('answer', 'flag', 'unflag', 'unsure', 'sure', 'visit')),"
    "  answer TEXT);"
    "CREATE INDEX exam_event_by_attempt ON exam_event(attempt_id, id);"
    "CREATE TABLE review_card ("
    "  learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,"
    "  pack_id TEXT NOT NULL,"
    "  bank_id TEXT NOT NULL,"
    "  question_id TEXT NOT NULL,"
    "  stability REAL NOT NULL,"
    "  difficulty REAL NOT NULL,"
    "  last_review TEXT,"
    "  due TEXT NOT NULL,"
    "  reviews INTEGER NOT NULL,"
    "  lapses INTEGER NOT NULL,"
    "  PRIMARY KEY (learner_id, pack_id, bank_id, question_id));",
    // 6: an sql answer's verdict from the sandbox is an exam event too ("graded")
    "CREATE TABLE exam_event_6 ("
    "  id INTEGER PRIMARY KEY,"
    "  attempt_id TEXT NOT NULL REFERENCES exam_attempt(attempt_id) ON DELETE CASCADE,"
    "  at TEXT NOT NULL,"
    "  position INTEGER NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('answer', 'flag', 'unflag', 'unsure', 'sure', 'visit', 'graded')),"
    "  answer TEXT);"
    "INSERT INTO exam_event_6 (id, attempt_id, at, position, kind, answer) "
    "  SELECT id, attempt_id, at, position, kind, answer FROM exam_event;"
    "DROP TABLE exam_event;"
    "ALTER TABLE exam_event_6 RENAME TO exam_event;"
    "CREATE INDEX exam_event_by_attempt ON exam_event(attempt_id, id);",
    // 7: profiles that move between installations: each learner has an id of its own,
    // an optional PIN (a salted hash) and a deletion that can be undone for a while; the
    // events that had no id of their own get one, so a progress file merges by it
    "ALTER TABLE learner ADD COLUMN profile_id TEXT;"
    "UPDATE learner SET profile_id = lower(hex(randomblob(16)));"
    "CREATE UNIQUE INDEX learner_by_profile ON learner(profile_id);"
    "ALTER TABLE learner ADD COLUMN pin TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE learner ADD COLUMN deleted_at TEXT;"
    "ALTER TABLE exam_event ADD COLUMN event_id TEXT;"
    "UPDATE exam_event SET event_id = lower(hex(randomblob(16)));"
    "CREATE UNIQUE INDEX exam_event_by_id ON exam_event(event_id);"
    "ALTER TABLE query_history ADD COLUMN event_id TEXT;"
    "UPDATE query_history SET event_id = lower(hex(randomblob(16)));"
    "CREATE UNIQUE INDEX query_history_by_id ON query_history(event_id);",
};

bool isCorruption(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}
} // namespace

ProgressStore::~ProgressStore()
{
    close();
}

int ProgressStore::latestSchemaVersion()
{
    return int(std::size(Migrations));
}

void ProgressStore::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

QString ProgressStore::sqliteError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

bool ProgressStore::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    m_error = QString::fromUtf8(message);
    sqlite3_free(message);
    return false;
}

bool ProgressStore::open(const QString &path)
{
    close();
    m_path = path;
    m_error.clear();
    m_recoveryNotice.clear();
    m_setAsidePath.clear();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        m_error = tr("Cannot create the folder for the progress store %1.").arg(path);
        return false;
    }
    switch (tryOpen()) {
    case OpenOutcome::Ok:
        return true;
    case OpenOutcome::Failed:
        close();
        return false;
    case OpenOutcome::Unusable:
        break;
    }
    const QString reason = m_error;
    close();
    if (!setAside(reason))
        return false;
    if (tryOpen() != OpenOutcome::Ok) {
        close();
        return false;
    }
    return true;
}

ProgressStore::OpenOutcome ProgressStore::tryOpen()
{
    const QByteArray file = QFile::encodeName(m_path);
    const int rc = sqlite3_open_v2(file.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        m_error = sqliteError();
        return QFileInfo::exists(m_path) ? OpenOutcome::Unusable : OpenOutcome::Failed;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);

    // The first read of the header tells a database from garbage.
    const int version = schemaVersion();
    if (version < 0)
        return isCorruption(sqlite3_errcode(m_db)) ? OpenOutcome::Unusable : OpenOutcome::Failed;
    if (version > latestSchemaVersion()) {
        m_error = tr("The progress store %1 was written by a newer version of PG Campus (schema %2; this "
                     "version knows up to %3). Update PG Campus to use it; the file was left unchanged.")
                      .arg(m_path)
                      .arg(version)
                      .arg(latestSchemaVersion());
        return OpenOutcome::Failed;
    }
    if (pragma(QStringLiteral("quick_check")) != u"ok") {
        m_error = tr("the integrity check failed");
        return OpenOutcome::Unusable;
    }
    if (!exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"))
        return isCorruption(sqlite3_errcode(m_db)) ? OpenOutcome::Unusable : OpenOutcome::Failed;
    return migrate() ? OpenOutcome::Ok : OpenOutcome::Failed;
}

bool ProgressStore::setAside(const QString &reason)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    m_setAsidePath = m_path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(m_setAsidePath); ++n)
        m_setAsidePath = m_path + QStringLiteral(".corrupt-%1-%2").arg(stamp).arg(n);
    if (!QFile::rename(m_path, m_setAsidePath)) {
        m_error = tr("The progress store %1 cannot be read (%2) and could not be moved aside.").arg(m_path, reason);
        return false;
    }
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString companion = m_path + QLatin1StringView(suffix);
        if (QFileInfo::exists(companion))
            QFile::rename(companion, m_setAsidePath + QLatin1StringView(suffix));
    }
    m_recoveryNotice = tr("Your progress file could not be read (%1). It was moved to %2 and a new, empty "
                          "progress store was started.")
                           .arg(reason, m_setAsidePath);
    return true;
}

int ProgressStore::schemaVersion() const
{
    Statement stmt = prepare(m_db, "PRAGMA user_version");
    if (!stmt || sqlite3_step(stmt.get()) != SQLITE_ROW)
        return -1;
    return sqlite3_column_int(stmt.get(), 0);
}

QString ProgressStore::pragma(const QString &name) const
{
    const QByteArray sql = "PRAGMA " + name.toUtf8();
    Statement stmt = prepare(m_db, sql.constData());
    if (!stmt || sqlite3_step(stmt.get()) != SQLITE_ROW)
        return {};
    return columnText(stmt.get(), 0);
}

bool ProgressStore::migrate()
{
    for (int version = schemaVersion(); version < latestSchemaVersion(); ++version) {
        const QByteArray bump = "PRAGMA user_version = " + QByteArray::number(version + 1);
        if (!exec("BEGIN IMMEDIATE"))
            return false;
        if (!exec(Migrations[version]) || !exec(bump.constData())) {
            const QString error = m_error;
            exec("ROLLBACK");
            m_error = tr("Updating the progress store to schema %1 failed: %2").arg(version + 1).arg(error);
            return false;
        }
        if (!exec("COMMIT"))
            return false;
    }
    return true;
}

qint64 ProgressStore::recordEvent(qint64 learnerId, const QString &kind, const QString &detailJson)
{
    Statement stmt = prepare(m_db, "INSERT INTO activity (event_id, learner_id, kind, at, detail) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!stmt) {
        m_error = sqliteError();
        return 0;
    }
    const QString now = nowText();
    bindText(stmt.get(), 1, QUuid::createUuid().toString(QUuid::WithoutBraces));
    sqlite3_bind_int64(stmt.get(), 2, learnerId);
    bindText(stmt.get(), 3, kind);
    bindText(stmt.get(), 4, now);
    bindText(stmt.get(), 5, detailJson);
    if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        m_error = sqliteError();
        return 0;
    }
    const qint64 id = sqlite3_last_insert_rowid(m_db);
    Statement touch = prepare(m_db, "UPDATE learner SET last_used_at = ?2 WHERE id = ?1");
    sqlite3_bind_int64(touch.get(), 1, learnerId);
    bindText(touch.get(), 2, now);
    sqlite3_step(touch.get());
    return id;
}

QList<ActivityEvent> ProgressStore::events(qint64 learnerId) const
{
    QList<ActivityEvent> result;
    Statement stmt = prepare(m_db, "SELECT id, event_id, learner_id, kind, at, detail FROM activity "
                                   "WHERE learner_id = ?1 ORDER BY at, id");
    if (!stmt)
        return result;
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
        result.append({sqlite3_column_int64(stmt.get(), 0), columnText(stmt.get(), 1),
                       sqlite3_column_int64(stmt.get(), 2), columnText(stmt.get(), 3),
                       parseTime(columnText(stmt.get(), 4)), columnText(stmt.get(), 5)});
    }
    return result;
}

bool ProgressStore::saveBuffer(qint64 learnerId, const EditorBuffer &buffer)
{
    Statement stmt = prepare(m_db, "INSERT INTO editor_buffer "
                                   "(id, learner_id, title, file_path, text, modified, cursor, tab_order, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                                   "ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
                                   "file_path = excluded.file_path, text = excluded.text, "
                                   "modified = excluded.modified, cursor = excluded.cursor, "
                                   "tab_order = excluded.tab_order, updated_at = excluded.updated_at");
    if (!stmt) {
        m_error = sqliteError();
        return false;
    }
    bindText(stmt.get(), 1, buffer.id);
    sqlite3_bind_int64(stmt.get(), 2, learnerId);
    bindText(stmt.get(), 3, buffer.title);
    bindText(stmt.get(), 4, buffer.filePath);
    bindText(stmt.get(), 5, buffer.text);
    sqlite3_bind_int(stmt.get(), 6, buffer.modified ? 1 : 0);
    sqlite3_bind_int(stmt.get(), 7, buffer.cursor);
    sqlite3_bind_int(stmt.get(), 8, buffer.tabOrder);
    bindText(stmt.get(), 9, nowText());
    if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        m_error = sqliteError();
        return false;
    }
    return true;
}

bool ProgressStore::removeBuffer(const QString &id)
{
    Statement stmt = prepare(m_db, "DELETE FROM editor_buffer WHERE id = ?1");
    bindText(stmt.get(), 1, id);
    return stmt && sqlite3_step(stmt.get()) == SQLITE_DONE;
}

QList<EditorBuffer> ProgressStore::buffers(qint64 learnerId) const
{
    QList<EditorBuffer> result;
    Statement stmt = prepare(m_db, "SELECT id, title, file_path, text, modified, cursor, tab_order, updated_at "
                                   "FROM editor_buffer WHERE learner_id = ?1 ORDER BY tab_order, updated_at");
    if (!stmt)
        return result;
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
        EditorBuffer b;
        b.id = columnText(stmt.get(), 0);
        b.title = columnText(stmt.get(), 1);
        b.filePath = columnText(stmt.get(), 2);
        b.text = columnText(stmt.get(), 3);
        b.modified = sqlite3_column_int(stmt.get(), 4) != 0;
        b.cursor = sqlite3_column_int(stmt.get(), 5);
        b.tabOrder = sqlite3_column_int(stmt.get(), 6);
        b.updatedAt = parseTime(columnText(stmt.get(), 7));
        result.append(b);
    }
    return result;
}

qint64 ProgressStore::recordQuery(qint64 learnerId, const HistoryEntry &entry)
{
    Statement stmt = prepare(m_db, "INSERT INTO query_history "
                                   "(learner_id, connection, statement, started_at, duration_ms, rows, status, sqlstate, event_id) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, lower(hex(randomblob(16))))");
    if (!stmt) {
        m_error = sqliteError();
        return 0;
    }
    static const char *const statusNames[] = {"ok", "error", "cancelled"};
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    bindText(stmt.get(), 2, entry.connection);
    bindText(stmt.get(), 3, entry.statement);
    bindText(stmt.get(), 4, entry.startedAt.toUTC().toString(Qt::ISODateWithMs));
    sqlite3_bind_int64(stmt.get(), 5, entry.durationMs);
    if (entry.rows >= 0)
        sqlite3_bind_int64(stmt.get(), 6, entry.rows);
    else
        sqlite3_bind_null(stmt.get(), 6);
    sqlite3_bind_text(stmt.get(), 7, statusNames[int(entry.status)], -1, SQLITE_STATIC);
    bindText(stmt.get(), 8, entry.sqlState);
    if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        m_error = sqliteError();
        return 0;
    }
    return sqlite3_last_insert_rowid(m_db);
}

namespace {
const char *const CourseEventKinds[] = {"opened", "read", "attempt", "hint", "reset", "solution"};
}

qint64 ProgressStore::recordCourseEvent(qint64 learnerId, const CourseEvent &event)
{
    Statement stmt = prepare(m_db, "INSERT INTO course_event "
                                   "(event_id, learner_id, pack_id, item_id, step_id, kind, at, duration_ms, passed, detail) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!stmt) {
        m_error = sqliteError();
        return 0;
    }
    bindText(stmt.get(), 1, QUuid::createUuid().toString(QUuid::WithoutBraces));
    sqlite3_bind_int64(stmt.get(), 2, learnerId);
    bindText(stmt.get(), 3, event.packId);
    bindText(stmt.get(), 4, event.itemId);
    bindText(stmt.get(), 5, event.stepId);
    sqlite3_bind_text(stmt.get(), 6, CourseEventKinds[int(event.kind)], -1, SQLITE_STATIC);
    bindText(stmt.get(), 7, event.at.isValid() ? event.at.toUTC().toString(Qt::ISODateWithMs) : nowText());
    sqlite3_bind_int64(stmt.get(), 8, event.durationMs);
    if (event.kind == CourseEvent::Kind::Attempt)
        sqlite3_bind_int(stmt.get(), 9, event.passed ? 1 : 0);
    else
        sqlite3_bind_null(stmt.get(), 9);
    bindText(stmt.get(), 10, event.detail.isEmpty() ? QStringLiteral("{}") : event.detail);
    if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        m_error = sqliteError();
        return 0;
    }
    return sqlite3_last_insert_rowid(m_db);
}

QList<CourseEvent> ProgressStore::courseEvents(qint64 learnerId, const QString &packId, const QString &itemId) const
{
    QList<CourseEvent> result;
    Statement stmt = prepare(m_db, "SELECT step_id, kind, at, duration_ms, passed, detail FROM course_event "
                                   "WHERE learner_id = ?1 AND pack_id = ?2 AND item_id = ?3 ORDER BY at, id");
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    bindText(stmt.get(), 2, packId);
    bindText(stmt.get(), 3, itemId);
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW) {
        CourseEvent e;
        e.packId = packId;
        e.itemId = itemId;
        e.stepId = columnText(stmt.get(), 0);
        const QString kind = columnText(stmt.get(), 1);
        for (int k = 0; k < int(std::size(CourseEventKinds)); ++k) {
            if (kind == QLatin1StringView(CourseEventKinds[k]))
                e.kind = CourseEvent::Kind(k);
        }
        e.at = QDateTime::fromString(columnText(stmt.get(), 2), Qt::ISODateWithMs);
        e.durationMs = sqlite3_column_int64(stmt.get(), 3);
        e.passed = sqlite3_column_int(stmt.get(), 4) == 1;
        e.detail = columnText(stmt.get(), 5);
        result << e;
    }
    return result;
}

QHash<QString, ItemProgress> ProgressStore::courseProgress(qint64 learnerId) const
{
    QHash<QString, ItemProgress> result;
    Statement stmt = prepare(m_db, "SELECT pack_id || '/' || item_id, kind, step_id, passed FROM course_event "
                                   "WHERE learner_id = ?1 AND kind IN ('read', 'attempt', 'solution')");
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW) {
        ItemProgress &item = result[columnText(stmt.get(), 0)];
        const QString kind = columnText(stmt.get(), 1);
        const QString step = columnText(stmt.get(), 2);
        if (kind == u"read")
            item.read = true;
        else if (kind == u"solution")
            item.solutionsShown.insert(step);
        else if (sqlite3_column_int(stmt.get(), 3) == 1)
            item.passedSteps.insert(step);
        else
            item.failedAttempts[step] += 1;
        item.attempted = item.attempted || kind == u"attempt";
    }
    return result;
}

QList<HistoryEntry> ProgressStore::history(qint64 learnerId, const QString &search, int limit) const
{
    QList<HistoryEntry> result;
    // instr() rather than LIKE: a learner's search for "50%" or "a_b" means those characters.
    Statement stmt = prepare(m_db, "SELECT id, connection, statement, started_at, duration_ms, rows, status, sqlstate "
                                   "FROM query_history WHERE learner_id = ?1 "
                                   "AND (?2 = '' OR instr(lower(statement), lower(?2)) > 0) "
                                   "ORDER BY started_at DESC, id DESC LIMIT ?3");
    if (!stmt)
        return result;
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    bindText(stmt.get(), 2, search);
    sqlite3_bind_int(stmt.get(), 3, limit);
    while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
        HistoryEntry e;
        e.id = sqlite3_column_int64(stmt.get(), 0);
        e.connection = columnText(stmt.get(), 1);
        e.statement = columnText(stmt.get(), 2);
        e.startedAt = parseTime(columnText(stmt.get(), 3));
        e.durationMs = sqlite3_column_int64(stmt.get(), 4);
        e.rows = sqlite3_column_type(stmt.get(), 5) == SQLITE_NULL ? -1 : sqlite3_column_int64(stmt.get(), 5);
        const QString status = columnText(stmt.get(), 6);
        e.status = status == u"ok" ? HistoryEntry::Status::Ok
                   : status == u"error" ? HistoryEntry::Status::Error
                                        : HistoryEntry::Status::Cancelled;
        e.sqlState = columnText(stmt.get(), 7);
        result.append(e);
    }
    return result;
}

bool ProgressStore::saveProfile(const ConnectionProfile &profile)
{
    const ConnectionInfo info(profile.conninfo);
    if (!info.isValid()) {
        m_error = info.errorString();
        return false;
    }
    Statement stmt = prepare(m_db, "INSERT INTO connection_profile (id, name, conninfo, color, read_only, save_password) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET "
                                   "name = excluded.name, conninfo = excluded.conninfo, color = excluded.color, "
                                   "read_only = excluded.read_only, save_password = excluded.save_password");
    if (!stmt) {
        m_error = sqliteError();
        return false;
    }
    bindText(stmt.get(), 1, profile.id);
    bindText(stmt.get(), 2, profile.name);
    bindText(stmt.get(), 3, info.withoutPassword()); // a password typed into the string is dropped here
    bindText(stmt.get(), 4, profile.color);
    sqlite3_bind_int(stmt.get(), 5, profile.readOnly ? 1 : 0);
    sqlite3_bind_int(stmt.get(), 6, profile.savePassword ? 1 : 0);
    if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        m_error = sqliteError();
        return false;
    }
    return true;
}

bool ProgressStore::removeProfile(const QString &id)
{
    Statement stmt = prepare(m_db, "DELETE FROM connection_profile WHERE id = ?1");
    bindText(stmt.get(), 1, id);
    return stmt && sqlite3_step(stmt.get()) == SQLITE_DONE;
}

QList<ConnectionProfile> ProgressStore::profiles() const
{
    QList<ConnectionProfile> result;
    Statement stmt = prepare(m_db, "SELECT id, name, conninfo, color, read_only, save_password "
                                   "FROM connection_profile ORDER BY name");
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW) {
        result.append({columnText(stmt.get(), 0), columnText(stmt.get(), 1), columnText(stmt.get(), 2),
                       columnText(stmt.get(), 3), sqlite3_column_int(stmt.get(), 4) != 0,
                       sqlite3_column_int(stmt.get(), 5) != 0});
    }
    return result;
}

namespace {
ExamAttemptRecord attemptFrom(sqlite3_stmt *stmt)
{
    ExamAttemptRecord a;
    a.attemptId = columnText(stmt, 0);
    a.learnerId = sqlite3_column_int64(stmt, 1);
    a.packId = columnText(stmt, 2);
    a.blueprintId = columnText(stmt, 3);
    a.mode = columnText(stmt, 4);
    a.seed = quint64(sqlite3_column_int64(stmt, 5));
    a.questionsJson = columnText(stmt, 6);
    a.startedAt = parseTime(columnText(stmt, 7));
    a.durationSeconds = sqlite3_column_int(stmt, 8);
    if (sqlite3_column_type(stmt, 9) != SQLITE_NULL)
        a.submittedAt = parseTime(columnText(stmt, 9));
    a.submittedBy = columnText(stmt, 10);
    return a;
}

const char *const AttemptColumns = "SELECT attempt_id, learner_id, pack_id, blueprint_id, mode, seed, questions, started_at, "
                                   "duration_s, submitted_at, coalesce(submitted_by, '') FROM exam_attempt ";
} // namespace

bool ProgressStore::startExamAttempt(const ExamAttemptRecord &attempt)
{
    Statement stmt = prepare(m_db, "INSERT INTO exam_attempt (attempt_id, learner_id, pack_id, blueprint_id, mode, seed, "
                                   "questions, started_at, duration_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!stmt) {
        m_error = sqliteError();
        return false;
    }
    bindText(stmt.get(), 1, attempt.attemptId);
    sqlite3_bind_int64(stmt.get(), 2, attempt.learnerId);
    bindText(stmt.get(), 3, attempt.packId);
    bindText(stmt.get(), 4, attempt.blueprintId);
    bindText(stmt.get(), 5, attempt.mode);
    sqlite3_bind_int64(stmt.get(), 6, qint64(attempt.seed));
    bindText(stmt.get(), 7, attempt.questionsJson);
    bindText(stmt.get(), 8, timeText(attempt.startedAt));
    sqlite3_bind_int(stmt.get(), 9, attempt.durationSeconds);
    if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        m_error = sqliteError();
        return false;
    }
    return true;
}

bool ProgressStore::recordExamEvent(const QString &attemptId, const ExamEventRecord &event)
{
    Statement stmt = prepare(m_db, "INSERT INTO exam_event (attempt_id, at, position, kind, answer, event_id) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, lower(hex(randomblob(16))))");
    if (!stmt) {
        m_error = sqliteError();
        return false;
    }
    bindText(stmt.get(), 1, attemptId);
    bindText(stmt.get(), 2, timeText(event.at));
    sqlite3_bind_int(stmt.get(), 3, event.position);
    bindText(stmt.get(), 4, event.kind);
    if (event.answerJson.isEmpty())
        sqlite3_bind_null(stmt.get(), 5);
    else
        bindText(stmt.get(), 5, event.answerJson);
    if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        m_error = sqliteError(); // a full disk lands here: the caller keeps the answer pending
        return false;
    }
    return true;
}

bool ProgressStore::submitExamAttempt(const QString &attemptId, const QDateTime &at, const QString &by)
{
    Statement stmt = prepare(m_db, "UPDATE exam_attempt SET submitted_at = ?2, submitted_by = ?3 "
                                   "WHERE attempt_id = ?1 AND submitted_at IS NULL");
    if (!stmt) {
        m_error = sqliteError();
        return false;
    }
    bindText(stmt.get(), 1, attemptId);
    bindText(stmt.get(), 2, timeText(at));
    bindText(stmt.get(), 3, by);
    if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        m_error = sqliteError();
        return false;
    }
    return sqlite3_changes(m_db) == 1;
}

bool ProgressStore::extendExamAttempt(const QString &attemptId, int durationSeconds)
{
    Statement stmt = prepare(m_db, "UPDATE exam_attempt SET duration_s = ?2 "
                                   "WHERE attempt_id = ?1 AND submitted_at IS NULL AND duration_s < ?2");
    if (!stmt) {
        m_error = sqliteError();
        return false;
    }
    bindText(stmt.get(), 1, attemptId);
    sqlite3_bind_int(stmt.get(), 2, durationSeconds);
    if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        m_error = sqliteError();
        return false;
    }
    return sqlite3_changes(m_db) == 1;
}

std::optional<ExamAttemptRecord> ProgressStore::examAttempt(const QString &attemptId) const
{
    Statement stmt = prepare(m_db, (QByteArray(AttemptColumns) + "WHERE attempt_id = ?1").constData());
    bindText(stmt.get(), 1, attemptId);
    if (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW)
        return attemptFrom(stmt.get());
    return std::nullopt;
}

QList<ExamAttemptRecord> ProgressStore::examAttempts(qint64 learnerId) const
{
    QList<ExamAttemptRecord> result;
    Statement stmt = prepare(m_db, (QByteArray(AttemptColumns) + "WHERE learner_id = ?1 ORDER BY started_at DESC, id DESC").constData());
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW)
        result.append(attemptFrom(stmt.get()));
    return result;
}

std::optional<ExamAttemptRecord> ProgressStore::openExamAttempt(qint64 learnerId) const
{
    Statement stmt = prepare(m_db, (QByteArray(AttemptColumns)
                                    + "WHERE learner_id = ?1 AND submitted_at IS NULL AND mode = 'exam' "
                                      "ORDER BY started_at DESC, id DESC LIMIT 1").constData());
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    if (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW)
        return attemptFrom(stmt.get());
    return std::nullopt;
}

QList<ExamEventRecord> ProgressStore::examEvents(const QString &attemptId) const
{
    QList<ExamEventRecord> result;
    Statement stmt = prepare(m_db, "SELECT at, position, kind, coalesce(answer, '') FROM exam_event "
                                   "WHERE attempt_id = ?1 ORDER BY id");
    bindText(stmt.get(), 1, attemptId);
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW)
        result.append({parseTime(columnText(stmt.get(), 0)), sqlite3_column_int(stmt.get(), 1), columnText(stmt.get(), 2),
                       columnText(stmt.get(), 3)});
    return result;
}

bool ProgressStore::saveReviewCard(qint64 learnerId, const ReviewCardRecord &card)
{
    Statement stmt = prepare(m_db, "INSERT INTO review_card (learner_id, pack_id, bank_id, question_id, stability, difficulty, "
                                   "last_review, due, reviews, lapses) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                                   "ON CONFLICT (learner_id, pack_id, bank_id, question_id) DO UPDATE SET "
                                   "stability = excluded.stability, difficulty = excluded.difficulty, "
                                   "last_review = excluded.last_review, due = excluded.due, reviews = excluded.reviews, "
                                   "lapses = excluded.lapses");
    if (!stmt) {
        m_error = sqliteError();
        return false;
    }
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    bindText(stmt.get(), 2, card.packId);
    bindText(stmt.get(), 3, card.bankId);
    bindText(stmt.get(), 4, card.questionId);
    sqlite3_bind_double(stmt.get(), 5, card.stability);
    sqlite3_bind_double(stmt.get(), 6, card.difficulty);
    if (card.lastReview.isValid())
        bindText(stmt.get(), 7, timeText(card.lastReview));
    else
        sqlite3_bind_null(stmt.get(), 7);
    bindText(stmt.get(), 8, timeText(card.due));
    sqlite3_bind_int(stmt.get(), 9, card.reviews);
    sqlite3_bind_int(stmt.get(), 10, card.lapses);
    if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        m_error = sqliteError();
        return false;
    }
    return true;
}

QList<ReviewCardRecord> ProgressStore::reviewCards(qint64 learnerId) const
{
    QList<ReviewCardRecord> result;
    Statement stmt = prepare(m_db, "SELECT pack_id, bank_id, question_id, stability, difficulty, coalesce(last_review, ''), "
                                   "due, reviews, lapses FROM review_card WHERE learner_id = ?1 ORDER BY due, question_id");
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW) {
        ReviewCardRecord c;
        c.packId = columnText(stmt.get(), 0);
        c.bankId = columnText(stmt.get(), 1);
        c.questionId = columnText(stmt.get(), 2);
        c.stability = sqlite3_column_double(stmt.get(), 3);
        c.difficulty = sqlite3_column_double(stmt.get(), 4);
        c.lastReview = parseTime(columnText(stmt.get(), 5));
        c.due = parseTime(columnText(stmt.get(), 6));
        c.reviews = sqlite3_column_int(stmt.get(), 7);
        c.lapses = sqlite3_column_int(stmt.get(), 8);
        result.append(c);
    }
    return result;
}
