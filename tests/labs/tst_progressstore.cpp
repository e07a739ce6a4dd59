#include "progressstore.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

#include <sqlite3.h>

namespace {


// Changes a store behind ProgressStore's back, as another program (or version) would.
void execRaw(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}
} // namespace

class tst_ProgressStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsLatestSchema();
    void migratesOlderStore();
    void examEventsSurviveSchema6();
    void profileLifecycle();
    void pinIsASaltedHash();
    void reopeningKeepsEverything();
    void defaultLearnerAndFirstEvent();
    void lastUsedLearnerIsTheDefault();
    void foreignKeysAreEnforced();
    void corruptFileIsSetAside_data();
    void corruptFileIsSetAside();
    void newerStoreIsLeftUntouched();
    void unusableLocationIsReported();
    void editorBuffersAreKeptAndReplaced();
    void historyIsSearchable();
};

void tst_ProgressStore::createsLatestSchema()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY2(store.open(dir.filePath(QStringLiteral("progress.sqlite"))), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), ProgressStore::latestSchemaVersion());
    QCOMPARE(store.pragma(QStringLiteral("journal_mode")), QStringLiteral("wal"));
    QCOMPARE(store.pragma(QStringLiteral("foreign_keys")), QStringLiteral("1"));
    QVERIFY(store.recoveryNotice().isEmpty());
}

void tst_ProgressStore::migratesOlderStore()
{
    // A store from before the first migration: an empty SQLite database at user_version 0.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
    execRaw(path, "CREATE TABLE unrelated (x); PRAGMA user_version = 0;");
    ProgressStore store;
    QVERIFY2(store.open(path), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), ProgressStore::latestSchemaVersion());
    QVERIFY(store.learners().isEmpty());
    QVERIFY(store.recoveryNotice().isEmpty());
}

void tst_ProgressStore::examEventsSurviveSchema6()
{
    // A store at schema 5, with an attempt and its events, as that version left it (made
    // from a new one by taking back what schemas 6 and 7 added).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
    qint64 learnerId = 0;
    const QDateTime at(QDate(2026, 11, 1), QTime(8, 0), QTimeZone::UTC);
    {
        ProgressStore store;
        QVERIFY(store.open(path));
        learnerId = store.defaultLearner(QStringLiteral("ada")).id;
        ExamAttemptRecord attempt;
        attempt.attemptId = QStringLiteral("a1");
        attempt.learnerId = learnerId;
        attempt.packId = QStringLiteral("p");
        attempt.mode = QStringLiteral("exam");
        attempt.questionsJson = QStringLiteral("[]");
        attempt.startedAt = at;
        QVERIFY(store.startExamAttempt(attempt));
        QVERIFY(store.recordExamEvent(QStringLiteral("a1"), {at, 0, QStringLiteral("answer"), QStringLiteral("{\"text\":\"SELECT 1\"}")}));
        QVERIFY(store.recordExamEvent(QStringLiteral("a1"), {at.addSecs(1), 0, QStringLiteral("flag"), QString()}));
    }
    execRaw(path, "DROP INDEX learner_by_profile; ALTER TABLE learner DROP COLUMN profile_id;"
                  "ALTER TABLE learner DROP COLUMN pin; ALTER TABLE learner DROP COLUMN deleted_at;"
                  "DROP INDEX query_history_by_id; ALTER TABLE query_history DROP COLUMN event_id;"
                  "CREATE TABLE old_event ("
                  "  id INTEGER PRIMARY KEY,"
                  "  attempt_id TEXT NOT NULL REFERENCES exam_attempt(attempt_id) ON DELETE CASCADE,"
                  "  at TEXT NOT NULL, position INTEGER NOT NULL,"
                  "  kind TEXT NOT NULL CHECK (kind IN ('answer', 'flag', 'unflag', 'unsure', 'sure', 'visit')),"
                  "  answer TEXT);"
                  "INSERT INTO old_event SELECT id, attempt_id, at, position, kind, answer FROM exam_event;"
                  "DROP TABLE exam_event;"
                  "ALTER TABLE old_event RENAME TO exam_event;"
                  "CREATE INDEX exam_event_by_attempt ON exam_event(attempt_id, id);"
                  "PRAGMA user_version = 5;");
    ProgressStore store;
    QVERIFY2(store.open(path), qPrintable(store.errorString()));
    QCOMPARE(store.schemaVersion(), ProgressStore::latestSchemaVersion());
    QVERIFY(!store.learner(learnerId)->profileId.isEmpty()); // schema 7 gave the old learner an id
    QList<ExamEventRecord> events = store.examEvents(QStringLiteral("a1"));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).kind, QStringLiteral("answer"));
    QCOMPARE(events.at(0).answerJson, QStringLiteral("{\"text\":\"SELECT 1\"}"));
    QCOMPARE(events.at(1).kind, QStringLiteral("flag"));
    QVERIFY2(store.recordExamEvent(QStringLiteral("a1"), {at.addSecs(2), 0, QStringLiteral("graded"), QStringLiteral("{}")}),
             qPrintable(store.errorString()));
    QVERIFY(!store.recordExamEvent(QStringLiteral("a1"), {at.addSecs(3), 0, QStringLiteral("guessed"), QString()}));
    QCOMPARE(store.examEvents(QStringLiteral("a1")).size(), 3);
    QCOMPARE(store.pragma(QStringLiteral("foreign_key_check")), QString());
}

void tst_ProgressStore::profileLifecycle()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    const std::optional<Learner> ada = store.createLearner(QStringLiteral("Ada"), QStringLiteral("en"));
    const std::optional<Learner> ming = store.createLearner(QStringLiteral(" 小明 "), QStringLiteral("zh_CN"));
    QVERIFY(ada && ming);
    QCOMPARE(ming->name, QStringLiteral("小明"));
    QVERIFY(ada->profileId != ming->profileId);
    QVERIFY(!store.createLearner(QStringLiteral("Ada")));
    QCOMPARE(store.errorString(), QStringLiteral("A profile named \"Ada\" already exists."));
    QVERIFY(!store.createLearner(QStringLiteral("  ")));
    QCOMPARE(store.learners().size(), 2);

    QVERIFY(store.renameLearner(ming->id, QStringLiteral("Ming")));
    QVERIFY(!store.renameLearner(ming->id, QStringLiteral("Ada")));
    QVERIFY(store.setLearnerLanguage(ming->id, QStringLiteral("en")));
    QCOMPARE(store.learner(ming->id)->language, QStringLiteral("en"));
    QCOMPARE(store.learner(ming->id)->name, QStringLiteral("Ming"));

    // The last one used opens by default.
    QVERIFY(store.markLearnerUsed(ada->id));
    QCOMPARE(store.defaultLearner(QStringLiteral("unused")).id, ada->id);
    QVERIFY(store.markLearnerUsed(ming->id));
    QCOMPARE(store.defaultLearner(QStringLiteral("unused")).id, ming->id);

    // Deleted: hidden, not the default, restorable until purged, then gone with its events.
    QVERIFY(store.recordEvent(ming->id, QStringLiteral("lesson_read")) > 0);
    const QDateTime at = QDateTime::currentDateTimeUtc();
    QVERIFY(store.deleteLearner(ming->id, at));
    QCOMPARE(store.learners().size(), 1);
    QCOMPARE(store.deletedLearners().size(), 1);
    QVERIFY(!store.markLearnerUsed(ming->id));
    QCOMPARE(store.defaultLearner(QStringLiteral("unused")).id, ada->id);
    QVERIFY(store.restoreLearner(ming->id));
    QCOMPARE(store.learners().size(), 2);
    QCOMPARE(store.events(ming->id).size(), 1);
    QVERIFY(store.deleteLearner(ming->id, at));
    QCOMPARE(store.purgeDeletedLearners(at.addSecs(-1)), 0); // still within its undo window
    QCOMPARE(store.purgeDeletedLearners(at.addSecs(1)), 1);
    QVERIFY(!store.learner(ming->id));
    QVERIFY(store.events(ming->id).isEmpty());
    QVERIFY(!store.restoreLearner(ming->id));

    // A new profile may take a deleted one's name: the deleted one gives way.
    QVERIFY(store.recordEvent(ada->id, QStringLiteral("lesson_read")) > 0);
    QVERIFY(store.deleteLearner(ada->id));
    const std::optional<Learner> again = store.createLearner(QStringLiteral("Ada"));
    QVERIFY(again && again->profileId != ada->profileId);
    QVERIFY(store.events(again->id).isEmpty()); // nothing of the old one's
    QCOMPARE(store.learners().size(), 1);
    QVERIFY(store.deletedLearners().isEmpty());
    QCOMPARE(store.pragma(QStringLiteral("foreign_key_check")), QString());
}

void tst_ProgressStore::pinIsASaltedHash()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
    ProgressStore store;
    QVERIFY(store.open(path));
    const qint64 a = store.createLearner(QStringLiteral("a"))->id;
    const qint64 b = store.createLearner(QStringLiteral("b"))->id;
    QVERIFY(!store.learner(a)->hasPin);
    QVERIFY(store.checkPin(a, QString())); // no PIN: nothing to ask
    QVERIFY(store.setPin(a, QStringLiteral("2468")));
    QVERIFY(store.setPin(b, QStringLiteral("2468")));
    QVERIFY(store.learner(a)->hasPin);
    QVERIFY(store.checkPin(a, QStringLiteral("2468")));
    QVERIFY(!store.checkPin(a, QStringLiteral("2469")));
    QVERIFY(!store.checkPin(a, QString()));
    // Stored as PBKDF2 with a salt of its own: never the PIN, never the same twice.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT pin FROM learner ORDER BY id", -1, &stmt, nullptr);
    QStringList stored;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        stored << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    QCOMPARE(stored.size(), 2);
    QVERIFY2(stored.at(0).startsWith(QStringLiteral("pbkdf2-sha256$100000$")), qPrintable(stored.at(0)));
    const QStringList parts = stored.at(0).split(u'$');
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(2).size(), 32); // a 16-byte salt
    QCOMPARE(parts.at(3).size(), 64); // a 32-byte key
    QVERIFY(stored.at(0) != stored.at(1));
    QVERIFY(store.setPin(a, QString()));
    QVERIFY(!store.learner(a)->hasPin);
    QVERIFY(store.checkPin(a, QStringLiteral("anything")));
}

void tst_ProgressStore::reopeningKeepsEverything()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
    qint64 learnerId = 0;
    {
        ProgressStore store;
        QVERIFY(store.open(path));
        learnerId = store.defaultLearner(QStringLiteral("小明")).id;
        QVERIFY(store.recordEvent(learnerId, QStringLiteral("app_started")) > 0);
    }
    ProgressStore store;
    QVERIFY(store.open(path));
    QCOMPARE(store.learners().size(), 1);
    QCOMPARE(store.learners().first().name, QStringLiteral("小明"));
    QCOMPARE(store.events(learnerId).size(), 1);
}

void tst_ProgressStore::defaultLearnerAndFirstEvent()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    const Learner learner = store.defaultLearner(QStringLiteral("ada"));
    QVERIFY(learner.id > 0);
    QCOMPARE(learner.name, QStringLiteral("ada"));
    QCOMPARE(store.defaultLearner(QStringLiteral("someone else")).id, learner.id);

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY(store.recordEvent(learner.id, QStringLiteral("app_started"), QStringLiteral("{\"version\":\"0.1.0\"}")) > 0);
    const QList<ActivityEvent> events = store.events(learner.id);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().kind, QStringLiteral("app_started"));
    QCOMPARE(events.first().detail, QStringLiteral("{\"version\":\"0.1.0\"}"));
    QCOMPARE(events.first().eventId.size(), 36);
    QVERIFY(events.first().at >= before);
}

void tst_ProgressStore::lastUsedLearnerIsTheDefault()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
    ProgressStore store;
    QVERIFY(store.open(path));
    const qint64 first = store.defaultLearner(QStringLiteral("first")).id;
    execRaw(path, "INSERT INTO learner (name, created_at, last_used_at) VALUES ('second', '2026-01-01', '2026-01-01')");
    QCOMPARE(store.learners().size(), 2);
    const qint64 second = store.learners().last().id;
    QTest::qWait(5); // the event's time stamp must be later than the first learner's
    QVERIFY(store.recordEvent(second, QStringLiteral("app_started")) > 0);
    QCOMPARE(store.defaultLearner(QString()).id, second);
    QVERIFY(first != second);
}

void tst_ProgressStore::foreignKeysAreEnforced()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    QCOMPARE(store.recordEvent(9999, QStringLiteral("app_started")), 0);
    QVERIFY2(store.errorString().contains(QStringLiteral("FOREIGN KEY")), qPrintable(store.errorString()));
}

void tst_ProgressStore::corruptFileIsSetAside_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text") << QByteArray("this is not a database at all\n").repeated(200);
    QTest::newRow("zeros") << QByteArray(8192, '\0');
    QTest::newRow("truncated-header") << QByteArray("SQLite format 3");
    QByteArray damaged("SQLite format 3");
    damaged.append('\0');
    damaged.append(QByteArray(4080, '\xA5'));
    QTest::newRow("header-then-garbage") << damaged;
}

void tst_ProgressStore::corruptFileIsSetAside()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
    writeAll(path, content);

    ProgressStore store;
    QVERIFY2(store.open(path), qPrintable(store.errorString()));
    QVERIFY(!store.recoveryNotice().isEmpty());
    QVERIFY(store.recoveryNotice().contains(store.setAsidePath()));
    QVERIFY(store.setAsidePath().startsWith(path + QStringLiteral(".corrupt-")));
    QCOMPARE(readAll(store.setAsidePath()), content); // nothing of the old file is lost
    QCOMPARE(store.schemaVersion(), ProgressStore::latestSchemaVersion());
    const Learner learner = store.defaultLearner(QStringLiteral("ada"));
    QVERIFY(store.recordEvent(learner.id, QStringLiteral("app_started")) > 0);

    ProgressStore again; // the fresh store opens cleanly, and the notice is not repeated
    store.close();
    QVERIFY(again.open(path));
    QVERIFY(again.recoveryNotice().isEmpty());
    QCOMPARE(again.learners().size(), 1);
}

void tst_ProgressStore::newerStoreIsLeftUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
    {
        ProgressStore store;
        QVERIFY(store.open(path));
    }
    execRaw(path, "PRAGMA user_version = 999");
    const QByteArray before = readAll(path);
    ProgressStore store;
    QVERIFY(!store.open(path));
    QVERIFY2(store.errorString().contains(QStringLiteral("newer version")), qPrintable(store.errorString()));
    QVERIFY(!store.isOpen());
    QCOMPARE(readAll(path), before);
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.corrupt-*")}, QDir::Files).size(), 0);
}

void tst_ProgressStore::unusableLocationIsReported()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("file"));
    writeAll(blocker, "x");
    ProgressStore store;
    QVERIFY(!store.open(blocker + QStringLiteral("/progress.sqlite")));
    QVERIFY(!store.errorString().isEmpty());
    QVERIFY(!store.isOpen());
}

void tst_ProgressStore::editorBuffersAreKeptAndReplaced()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
    qint64 learner = 0;
    {
        ProgressStore store;
        QVERIFY(store.open(path));
        learner = store.defaultLearner(QStringLiteral("ada")).id;
        EditorBuffer b;
        b.id = QStringLiteral("tab-1");
        b.title = QStringLiteral("Query 1");
        b.text = QStringLiteral("SELECT '数据库';");
        b.modified = true;
        b.cursor = 7;
        b.tabOrder = 1;
        QVERIFY(store.saveBuffer(learner, b));
        b.text = QStringLiteral("SELECT 2;"); // saved again: replaced, not added
        QVERIFY(store.saveBuffer(learner, b));
        EditorBuffer file;
        file.id = QStringLiteral("tab-0");
        file.title = QStringLiteral("Query 2");
        file.filePath = QStringLiteral("/home/ada/lab.sql");
        file.text = QStringLiteral("-- lab");
        QVERIFY(store.saveBuffer(learner, file));
    }
    ProgressStore store; // as after a crash: a new process opens the file
    QVERIFY(store.open(path));
    const QList<EditorBuffer> buffers = store.buffers(learner);
    QCOMPARE(buffers.size(), 2);
    QCOMPARE(buffers.at(0).id, QStringLiteral("tab-0")); // by tab order
    QCOMPARE(buffers.at(0).filePath, QStringLiteral("/home/ada/lab.sql"));
    QCOMPARE(buffers.at(1).text, QStringLiteral("SELECT 2;"));
    QVERIFY(buffers.at(1).modified);
    QCOMPARE(buffers.at(1).cursor, 7);
    QVERIFY(store.removeBuffer(QStringLiteral("tab-1")));
    QCOMPARE(store.buffers(learner).size(), 1);
}

void tst_ProgressStore::historyIsSearchable()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    const qint64 learner = store.defaultLearner(QStringLiteral("ada")).id;
    const QDateTime start = QDateTime::currentDateTimeUtc();
    const QList<HistoryEntry> entries = {
        {0, QStringLiteral("Practice server"), QStringLiteral("SELECT 1"), start, 3, 1, HistoryEntry::Status::Ok, {}},
        {0, QStringLiteral("Practice server"), QStringLiteral("UPDATE t SET p = p * 1.5 -- 50% more"), start.addSecs(1),
         12, 40, HistoryEntry::Status::Ok, {}},
        {0, QStringLiteral("Practice server"), QStringLiteral("SELECT * FROM missing"), start.addSecs(2), 1, -1,
         HistoryEntry::Status::Error, QStringLiteral("42P01")},
        {0, QStringLiteral("Classroom"), QStringLiteral("select pg_sleep(60)"), start.addSecs(3), 900, -1,
         HistoryEntry::Status::Cancelled, QStringLiteral("57014")}};
    for (const HistoryEntry &e : entries)
        QVERIFY(store.recordQuery(learner, e) > 0);

    QList<HistoryEntry> all = store.history(learner);
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.first().statement, QStringLiteral("select pg_sleep(60)")); // newest first
    QCOMPARE(all.first().status, HistoryEntry::Status::Cancelled);
    QCOMPARE(all.at(1).sqlState, QStringLiteral("42P01"));
    QCOMPARE(all.at(1).rows, -1);
    QCOMPARE(all.at(2).rows, 40);

    QCOMPARE(store.history(learner, QStringLiteral("SELECT")).size(), 3); // case aside
    QCOMPARE(store.history(learner, QStringLiteral("50%")).size(), 1);    // % is a character, not a pattern
    QCOMPARE(store.history(learner, QStringLiteral("_")).size(), 1);
    QCOMPARE(store.history(learner, QString(), 2).size(), 2);
}

QTEST_GUILESS_MAIN(tst_ProgressStore)
#include "tst_progressstore.moc"
