#include "profilesdialog.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The profiles dialog over a real store: the lifecycle a shared classroom laptop sees.
class tst_ProfilesDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lifecycle();
    void deletionEndsWithTheDialog();
};

void tst_ProfilesDialog::lifecycle()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    const qint64 ada = store.createLearner(QStringLiteral("Ada"))->id;
    const qint64 bo = store.createLearner(QStringLiteral("Bo"))->id;
    ProfilesDialog dialog(store, ada);
    QCOMPARE(dialog.list()->count(), 2);
    QCOMPARE(dialog.selectedLearnerId(), ada);
    QCOMPARE(dialog.list()->currentItem()->text(), QStringLiteral("Ada (in use)"));

    QVERIFY(dialog.createProfile(QStringLiteral("小明"), QStringLiteral("zh_CN")));
    QCOMPARE(dialog.list()->count(), 3);
    const qint64 ming = dialog.selectedLearnerId();
    QCOMPARE(store.learner(ming)->language, QStringLiteral("zh_CN"));
    QVERIFY(!dialog.createProfile(QStringLiteral("Bo"))); // taken
    QVERIFY(dialog.renameProfile(QStringLiteral("Ming")));
    QCOMPARE(store.learner(ming)->name, QStringLiteral("Ming"));
    QVERIFY(dialog.setLanguage(QStringLiteral("en")));
    QCOMPARE(store.learner(ming)->language, QStringLiteral("en"));
    QVERIFY(dialog.setPin(QStringLiteral("2468"), false));
    QVERIFY(store.checkPin(ming, QStringLiteral("2468")));
    QVERIFY(dialog.list()->currentItem()->text().endsWith(QStringLiteral("🔒")));

    // The profile in use stays; another goes, and comes back with Undo.
    dialog.select(ada);
    QVERIFY(!dialog.deleteProfile(true));
    dialog.select(bo);
    QVERIFY(dialog.deleteProfile(true));
    QCOMPARE(dialog.list()->count(), 2);
    QCOMPARE(dialog.undoText(), QStringLiteral("The profile \"Bo\" was deleted."));
    QVERIFY(dialog.undoDelete());
    QCOMPARE(dialog.list()->count(), 3);
    QVERIFY(dialog.undoText().isEmpty());
    QCOMPARE(store.learner(bo)->name, QStringLiteral("Bo"));

    // Open asks to switch.
    QSignalSpy open(&dialog, &ProfilesDialog::openRequested);
    dialog.select(bo);
    const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
    const auto openButton = std::find_if(buttons.cbegin(), buttons.cend(), [](QPushButton *b) { return b->text() == u"&Open"; });
    QVERIFY(openButton != buttons.cend());
    (*openButton)->click();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().toLongLong(), bo);
}

void tst_ProfilesDialog::deletionEndsWithTheDialog()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    const qint64 ada = store.createLearner(QStringLiteral("Ada"))->id;
    const qint64 bo = store.createLearner(QStringLiteral("Bo"))->id;
    QVERIFY(store.recordEvent(bo, QStringLiteral("lesson_read")) > 0);
    {
        ProfilesDialog dialog(store, ada);
        dialog.select(bo);
        QVERIFY(dialog.deleteProfile(true));
        QCOMPARE(store.deletedLearners().size(), 1);
    }
    // Closed without Undo: gone for good, with what it recorded.
    QVERIFY(store.deletedLearners().isEmpty());
    QVERIFY(!store.learner(bo));
    QVERIFY(store.events(bo).isEmpty());
}

QTEST_MAIN(tst_ProfilesDialog)
#include "tst_profilesdialog.moc"
