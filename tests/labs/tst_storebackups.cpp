#include "progressstore.h"
#include "storebackups.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QDate Day = QDate(2026, 11, 1);

int eventsIn(const QString &path)
{
    ProgressStore store;
    if (!store.open(path))
        return -1;
    const QList<Learner> learners = store.learners();
    return learners.isEmpty() ? 0 : int(store.events(learners.first().id).size());
}
} // namespace

// Daily backups of a real store, the newest seven kept, restore with the current file set
// aside, and the integrity check that finds a damaged file.
class tst_StoreBackups : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rotationKeepsTheNewestSeven();
    void backupWhileTheStoreIsOpen();
    void restoreKeepsTheCurrentStoreAside();
    void damagedBackupIsNotRestored();
    void integrityCheckFindsDamage();
};

void tst_StoreBackups::rotationKeepsTheNewestSeven()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    const qint64 learner = store.defaultLearner(QStringLiteral("Ada")).id;
    StoreBackups backups(store.path());
    QString error;
    for (int d = 0; d < 10; ++d) {
        QVERIFY(store.recordEvent(learner, QStringLiteral("app_started")) > 0);
        QVERIFY2(backups.rotate(Day.addDays(d), &error), qPrintable(error));
        QVERIFY(!backups.rotate(Day.addDays(d), &error)); // one a day
        QVERIFY(error.isEmpty());
    }
    const QList<StoreBackups::Backup> kept = backups.backups();
    QCOMPARE(kept.size(), StoreBackups::Kept);
    QCOMPARE(kept.first().day, Day.addDays(9));
    QCOMPARE(kept.last().day, Day.addDays(3));
    QVERIFY(kept.first().bytes > 0);
    // Each holds the store as it was that day.
    QCOMPARE(eventsIn(kept.first().path), 10);
    QCOMPARE(eventsIn(kept.last().path), 4);
    QVERIFY(QDir(backups.directory()).entryList({QStringLiteral("*.partial")}, QDir::Files).isEmpty());
}

void tst_StoreBackups::backupWhileTheStoreIsOpen()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    const qint64 learner = store.defaultLearner(QStringLiteral("Ada")).id;
    for (int i = 0; i < 50; ++i)
        QVERIFY(store.recordEvent(learner, QStringLiteral("lesson_read")) > 0);
    // The store stays open and in WAL mode: the copy still has every committed event.
    StoreBackups backups(store.path());
    QString error;
    QVERIFY2(backups.backUp(Day, &error), qPrintable(error));
    QVERIFY(store.recordEvent(learner, QStringLiteral("after")) > 0);
    QCOMPARE(eventsIn(backups.backups().first().path), 50);
    QCOMPARE(StoreBackups::integrityCheck(backups.backups().first().path), QStringLiteral("ok"));
}

void tst_StoreBackups::restoreKeepsTheCurrentStoreAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
    StoreBackups backups(path);
    QString error;
    {
        ProgressStore store;
        QVERIFY(store.open(path));
        const qint64 learner = store.defaultLearner(QStringLiteral("Ada")).id;
        QVERIFY(store.recordEvent(learner, QStringLiteral("before")) > 0);
        QVERIFY2(backups.backUp(Day, &error), qPrintable(error));
        QVERIFY(store.recordEvent(learner, QStringLiteral("after")) > 0);
        QVERIFY(store.recordEvent(learner, QStringLiteral("after")) > 0);
    }
    QCOMPARE(eventsIn(path), 3);
    QVERIFY2(backups.restore(backups.backups().first().path, &error), qPrintable(error));
    QCOMPARE(eventsIn(path), 1);
    const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("progress.sqlite.before-restore-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QCOMPARE(eventsIn(dir.filePath(aside.first())), 3); // the restore can be undone
}

void tst_StoreBackups::damagedBackupIsNotRestored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
    {
        ProgressStore store;
        QVERIFY(store.open(path));
        QVERIFY(store.recordEvent(store.defaultLearner(QStringLiteral("Ada")).id, QStringLiteral("kept")) > 0);
    }
    StoreBackups backups(path);
    QVERIFY(QDir().mkpath(backups.directory()));
    const QString bad = QDir(backups.directory()).filePath(QStringLiteral("progress-2026-11-01.sqlite"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
    f.close();
    QString error;
    QVERIFY(!backups.restore(bad, &error));
    QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
    QCOMPARE(eventsIn(path), 1);
}

void tst_StoreBackups::integrityCheckFindsDamage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("progress.sqlite"));
    {
        ProgressStore store;
        QVERIFY(store.open(path));
        const qint64 learner = store.defaultLearner(QStringLiteral("Ada")).id;
        for (int i = 0; i < 400; ++i)
            QVERIFY(store.recordEvent(learner, QStringLiteral("lesson_read"), QStringLiteral("{\"n\":%1,\"pad\":\"%2\"}")
                                                                                   .arg(i)
                                                                                   .arg(QString(200, u'p'))) > 0);
    }
    QCOMPARE(StoreBackups::integrityCheck(path), QStringLiteral("ok"));
    // Checkpointed into the main file by the close; now a few pages in the middle are overwritten.
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.size() > 8 * 4096);
    f.seek(f.size() / 2);
    f.write(QByteArray(3 * 4096, char(0x5a)));
    f.close();
    const QString verdict = StoreBackups::integrityCheck(path);
    QVERIFY2(verdict != u"ok" && !verdict.isEmpty(), qPrintable(verdict));
}

QTEST_GUILESS_MAIN(tst_StoreBackups)
#include "tst_storebackups.moc"
