#include "progressstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

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
    void reopeningKeepsEverything();
    void defaultLearnerAndFirstEvent();
    void lastUsedLearnerIsTheDefault();
    void foreignKeysAreEnforced();
    void corruptFileIsSetAside_data();
    void corruptFileIsSetAside();
    void newerStoreIsLeftUntouched();
    void unusableLocationIsReported();
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

QTEST_GUILESS_MAIN(tst_ProgressStore)
#include "tst_progressstore.moc"
