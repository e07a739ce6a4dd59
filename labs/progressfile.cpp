#include "progressfile.h"

#include "sqlitesupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

using namespace SqliteSupport;

namespace {
const QString Format = QStringLiteral("pgcampus-progress");

// One table as the file carries it: the columns (never the store's own row ids or learner
// id), how the learner's rows are read, and how a row is merged in (?1 is the learner's
// id here, ?2 onwards the columns in order).
struct Table
{
    const char *name;
    QStringList columns;
    const char *select;
    const char *insert;
};

// Parents before children: attempts before their events.
const QList<Table> &tables()
{
    static const QList<Table> all = {
        {"activity",
         {QStringLiteral("event_id"), QStringLiteral("kind"), QStringLiteral("at"), QStringLiteral("detail")},
         "SELECT event_id, kind, at, detail FROM activity WHERE learner_id = ?1 ORDER BY id",
         "INSERT INTO activity (learner_id, event_id, kind, at, detail) VALUES (?1, ?2, ?3, ?4, ?5) "
         "ON CONFLICT (event_id) DO NOTHING"},
        {"course_event",
         {QStringLiteral("event_id"), QStringLiteral("pack_id"), QStringLiteral("item_id"), QStringLiteral("step_id"),
          QStringLiteral("kind"), QStringLiteral("at"), QStringLiteral("duration_ms"), QStringLiteral("passed"),
          QStringLiteral("detail")},
         "SELECT event_id, pack_id, item_id, step_id, kind, at, duration_ms, passed, detail FROM course_event "
         "WHERE learner_id = ?1 ORDER BY id",
         "INSERT INTO course_event (learner_id, event_id, pack_id, item_id, step_id, kind, at, duration_ms, passed, detail) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (event_id) DO NOTHING"},
        {"query_history",
         {QStringLiteral("event_id"), QStringLiteral("connection"), QStringLiteral("statement"), QStringLiteral("started_at"),
          QStringLiteral("duration_ms"), QStringLiteral("rows"), QStringLiteral("status"), QStringLiteral("sqlstate")},
         "SELECT event_id, connection, statement, started_at, duration_ms, rows, status, sqlstate FROM query_history "
         "WHERE learner_id = ?1 ORDER BY id",
         "INSERT INTO query_history (learner_id, event_id, connection, statement, started_at, duration_ms, rows, status, sqlstate) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (event_id) DO NOTHING"},
        {"exam_attempt",
         {QStringLiteral("attempt_id"), QStringLiteral("pack_id"), QStringLiteral("blueprint_id"), QStringLiteral("mode"),
          QStringLiteral("seed"), QStringLiteral("questions"), QStringLiteral("started_at"), QStringLiteral("duration_s"),
          QStringLiteral("submitted_at"), QStringLiteral("submitted_by")},
         "SELECT attempt_id, pack_id, blueprint_id, mode, seed, questions, started_at, duration_s, submitted_at, submitted_by "
         "FROM exam_attempt WHERE learner_id = ?1 ORDER BY id",
         "INSERT INTO exam_attempt (learner_id, attempt_id, pack_id, blueprint_id, mode, seed, questions, started_at, "
         "duration_s, submitted_at, submitted_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
         "ON CONFLICT (attempt_id) DO UPDATE SET submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by "
         "WHERE exam_attempt.submitted_at IS NULL AND excluded.submitted_at IS NOT NULL"},
        {"exam_event",
         {QStringLiteral("event_id"), QStringLiteral("attempt_id"), QStringLiteral("at"), QStringLiteral("position"),
          QStringLiteral("kind"), QStringLiteral("answer")},
         "SELECT e.event_id, e.attempt_id, e.at, e.position, e.kind, e.answer FROM exam_event e "
         "JOIN exam_attempt a ON a.attempt_id = e.attempt_id WHERE a.learner_id = ?1 ORDER BY e.id",
         "INSERT INTO exam_event (event_id, attempt_id, at, position, kind, answer) "
         "SELECT ?2, ?3, ?4, ?5, ?6, ?7 FROM exam_attempt WHERE attempt_id = ?3 AND learner_id = ?1 "
         "ON CONFLICT (event_id) DO NOTHING"},
        {"review_card",
         {QStringLiteral("pack_id"), QStringLiteral("bank_id"), QStringLiteral("question_id"), QStringLiteral("stability"),
          QStringLiteral("difficulty"), QStringLiteral("last_review"), QStringLiteral("due"), QStringLiteral("reviews"),
          QStringLiteral("lapses")},
         "SELECT pack_id, bank_id, question_id, stability, difficulty, last_review, due, reviews, lapses FROM review_card "
         "WHERE learner_id = ?1 ORDER BY pack_id, bank_id, question_id",
         "INSERT INTO review_card (learner_id, pack_id, bank_id, question_id, stability, difficulty, last_review, due, "
         "reviews, lapses) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
         "ON CONFLICT (learner_id, pack_id, bank_id, question_id) DO UPDATE SET stability = excluded.stability, "
         "difficulty = excluded.difficulty, last_review = excluded.last_review, due = excluded.due, "
         "reviews = excluded.reviews, lapses = excluded.lapses "
         "WHERE coalesce(excluded.last_review, '') > coalesce(review_card.last_review, '')"},
    };
    return all;
}

// A column's value as JSON: integers beyond what a JSON number keeps exactly go as text
// (SQLite's column affinity turns them back into integers).
QJsonValue valueOf(sqlite3_stmt *stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_NULL:
        return QJsonValue::Null;
    case SQLITE_INTEGER: {
        const qint64 v = sqlite3_column_int64(stmt, column);
        constexpr qint64 exact = qint64(1) << 53;
        return v > -exact && v < exact ? QJsonValue(double(v)) : QJsonValue(QString::number(v));
    }
    case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, column);
    default:
        return columnText(stmt, column);
    }
}

void bindValue(sqlite3_stmt *stmt, int index, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined()) {
        sqlite3_bind_null(stmt, index);
    } else if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == std::trunc(d) && std::abs(d) < 9007199254740992.0)
            sqlite3_bind_int64(stmt, index, qint64(d));
        else
            sqlite3_bind_double(stmt, index, d);
    } else if (value.isBool()) {
        sqlite3_bind_int(stmt, index, value.toBool() ? 1 : 0);
    } else {
        bindText(stmt, index, value.toString());
    }
}

QString checksumOf(QJsonObject document)
{
    document.remove(QStringLiteral("checksum"));
    const QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Compact);
    return QStringLiteral("sha256:") + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}
} // namespace

int ProgressFile::ImportReport::addedTotal() const
{
    int total = 0;
    for (int n : added)
        total += n;
    return total;
}

bool ProgressFile::exportProfile(const ProgressStore &store, qint64 learnerId, const QString &path, QString *error)
{
    const std::optional<Learner> learner = store.learner(learnerId);
    if (!learner) {
        *error = tr("There is no profile %1 in the store.").arg(learnerId);
        return false;
    }
    QJsonObject data;
    for (const Table &table : tables()) {
        Statement stmt = prepare(store.m_db, table.select);
        if (!stmt) {
            *error = store.sqliteError();
            return false;
        }
        sqlite3_bind_int64(stmt.get(), 1, learnerId);
        QJsonArray rows;
        const int width = int(table.columns.size());
        int step = SQLITE_ROW;
        while ((step = sqlite3_step(stmt.get())) == SQLITE_ROW) {
            QJsonArray row;
            for (int c = 0; c < width; ++c)
                row.append(valueOf(stmt.get(), c));
            rows.append(row);
        }
        if (step != SQLITE_DONE) {
            *error = store.sqliteError();
            return false;
        }
        data.insert(QString::fromLatin1(table.name),
                    QJsonObject{{QStringLiteral("columns"), QJsonArray::fromStringList(table.columns)},
                                {QStringLiteral("rows"), rows}});
    }
    QJsonObject document{
        {QStringLiteral("format"), Format},
        {QStringLiteral("version"), FormatVersion},
        {QStringLiteral("app_version"), QCoreApplication::applicationVersion()},
        {QStringLiteral("exported_at"), nowText()},
        {QStringLiteral("profile"),
         QJsonObject{{QStringLiteral("profile_id"), learner->profileId},
                     {QStringLiteral("name"), learner->name},
                     {QStringLiteral("language"), learner->language},
                     {QStringLiteral("created_at"), learner->createdAt.toUTC().toString(Qt::ISODateWithMs)}}},
        {QStringLiteral("tables"), data}};
    document.insert(QStringLiteral("checksum"), checksumOf(document));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(document).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<ProgressFile::ImportReport> ProgressFile::importFile(ProgressStore &store, const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parse);
    const QJsonObject document = json.object();
    if (parse.error != QJsonParseError::NoError || !json.isObject()) {
        *error = document.isEmpty() && parse.error != QJsonParseError::NoError && file.size() > 0
            ? tr("%1 is incomplete or damaged (%2 at byte %3): it may have been cut short while copying. Nothing "
                 "was imported.")
                  .arg(path, parse.errorString())
                  .arg(parse.offset)
            : tr("%1 is not a PG Campus progress file. Nothing was imported.").arg(path);
        return std::nullopt;
    }
    if (document.value(QStringLiteral("format")).toString() != Format) {
        *error = tr("%1 is not a PG Campus progress file. Nothing was imported.").arg(path);
        return std::nullopt;
    }
    const int version = document.value(QStringLiteral("version")).toInt();
    if (version > FormatVersion) {
        *error = tr("%1 was exported by a newer PG Campus (%2, progress format %3); this version reads format %4. "
                    "Update PG Campus to import it. Nothing was imported.")
                     .arg(path, document.value(QStringLiteral("app_version")).toString())
                     .arg(version)
                     .arg(FormatVersion);
        return std::nullopt;
    }
    if (document.value(QStringLiteral("checksum")).toString() != checksumOf(document)) {
        *error = tr("%1 was changed after it was exported: its checksum does not match its contents. Nothing was "
                    "imported; export it again from the other installation.")
                     .arg(path);
        return std::nullopt;
    }
    const QJsonObject profile = document.value(QStringLiteral("profile")).toObject();
    const QString profileId = profile.value(QStringLiteral("profile_id")).toString();
    const QString name = profile.value(QStringLiteral("name")).toString().trimmed();
    const QJsonObject data = document.value(QStringLiteral("tables")).toObject();
    for (const Table &table : tables()) {
        const QJsonObject t = data.value(QString::fromLatin1(table.name)).toObject();
        if (profileId.isEmpty() || name.isEmpty()
            || t.value(QStringLiteral("columns")).toArray() != QJsonArray::fromStringList(table.columns)) {
            *error = tr("%1 is damaged: its %2 part is not as PG Campus writes it. Nothing was imported.")
                         .arg(path, profileId.isEmpty() || name.isEmpty() ? QStringLiteral("profile") : QString::fromLatin1(table.name));
            return std::nullopt;
        }
    }

    ImportReport report;
    report.profileName = name;
    if (!store.exec("BEGIN IMMEDIATE")) {
        *error = store.errorString();
        return std::nullopt;
    }
    const auto fail = [&](const QString &why) -> std::optional<ImportReport> {
        store.exec("ROLLBACK");
        *error = why;
        return std::nullopt;
    };
    // The profile: the same one (by id) merges; a different one under a taken name is refused.
    std::optional<Learner> learner = store.findLearner("WHERE profile_id = ?1", profileId);
    const std::optional<Learner> namesake = store.learnerByName(name);
    if (learner && learner->deletedAt.isValid() && !namesake && !store.restoreLearner(learner->id))
        return fail(store.errorString());
    if (learner && learner->deletedAt.isValid() && namesake)
        learner.reset(); // deleted here, and its name taken since: the namesake check below says so
    if (!learner && namesake)
        return fail(tr("A different profile named \"%1\" already exists here. Rename that profile (or delete it), "
                       "then import again. Nothing was imported.")
                        .arg(name));
    if (!learner) {
        learner = store.createLearner(name, profile.value(QStringLiteral("language")).toString());
        if (!learner)
            return fail(store.errorString());
        Statement identity = prepare(store.m_db, "UPDATE learner SET profile_id = ?2, created_at = ?3 WHERE id = ?1");
        sqlite3_bind_int64(identity.get(), 1, learner->id);
        bindText(identity.get(), 2, profileId);
        bindText(identity.get(), 3, profile.value(QStringLiteral("created_at")).toString());
        if (!identity || sqlite3_step(identity.get()) != SQLITE_DONE)
            return fail(store.sqliteError());
        report.createdProfile = true;
    }
    for (const Table &table : tables()) {
        Statement insert = prepare(store.m_db, table.insert);
        if (!insert)
            return fail(store.sqliteError());
        int added = 0;
        const QJsonArray rows = data.value(QString::fromLatin1(table.name)).toObject().value(QStringLiteral("rows")).toArray();
        for (const QJsonValue &r : rows) {
            const QJsonArray row = r.toArray();
            if (row.size() != table.columns.size())
                return fail(tr("%1 is damaged: a row of its %2 part has %3 values instead of %4. Nothing was imported.")
                                .arg(path, QString::fromLatin1(table.name))
                                .arg(row.size())
                                .arg(table.columns.size()));
            sqlite3_reset(insert.get());
            sqlite3_clear_bindings(insert.get());
            sqlite3_bind_int64(insert.get(), 1, learner->id);
            for (int c = 0; c < row.size(); ++c)
                bindValue(insert.get(), c + 2, row.at(c));
            if (sqlite3_step(insert.get()) != SQLITE_DONE)
                return fail(tr("%1 could not be merged (%2): %3. Nothing was imported.")
                                .arg(path, QString::fromLatin1(table.name), store.sqliteError()));
            added += sqlite3_changes(store.m_db);
        }
        report.added.insert(QString::fromLatin1(table.name), added);
    }
    if (!store.exec("COMMIT"))
        return fail(store.errorString());
    return report;
}
