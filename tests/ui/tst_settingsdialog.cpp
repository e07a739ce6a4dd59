#include "progressstore.h"
#include "settingsdialog.h"
#include "storebackups.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

// The settings dialog over a real store with real backups: the colours kept in the
// settings file, the backups listed newest first, Restore… naming the chosen copy, and
// what the integrity check found.
class tst_SettingsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void paletteIsKeptInTheSettingsFile();
    void confirmationIsKeptInTheSettingsFile();
    void backupsAreListedAndOneIsChosenForRestore();
    void noBackupYetOffersNothingToRestore();
    void integrityVerdictIsShown_data();
    void integrityVerdictIsShown();

private:
    QString settingsFile() const { return m_dir.filePath(QStringLiteral("settings.ini")); }
    QString storePath() const { return m_dir.filePath(QStringLiteral("progress.sqlite")); }

    QTemporaryDir m_dir;
};

void tst_SettingsDialog::init()
{
    QFile::remove(settingsFile());
    QDir(m_dir.filePath(QStringLiteral("backups"))).removeRecursively();
    ProgressStore store;
    QVERIFY2(store.open(storePath()), qPrintable(store.errorString()));
    store.defaultLearner(QStringLiteral("Ada"));
}

void tst_SettingsDialog::paletteIsKeptInTheSettingsFile()
{
    QCOMPARE(SettingsDialog::palette(settingsFile()), QStringLiteral("system")); // nothing chosen yet
    {
        SettingsDialog dialog(settingsFile(), storePath());
        QCOMPARE(dialog.chosenPalette(), QStringLiteral("system"));
        QSignalSpy chosen(&dialog, &SettingsDialog::paletteChosen);
        const QList<QRadioButton *> buttons = dialog.findChildren<QRadioButton *>();
        QCOMPARE(buttons.size(), 3);
        buttons.at(2)->click();
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("dark"));
    }
    QCOMPARE(SettingsDialog::palette(settingsFile()), QStringLiteral("dark"));
    SettingsDialog again(settingsFile(), storePath());
    QCOMPARE(again.chosenPalette(), QStringLiteral("dark"));
    // A value edited by hand into something else reads as the desktop's colours.
    QFile file(settingsFile());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("[appearance]\npalette=purple\n");
    file.close();
    QCOMPARE(SettingsDialog::palette(settingsFile()), QStringLiteral("system"));
}

void tst_SettingsDialog::confirmationIsKeptInTheSettingsFile()
{
    QCOMPARE(SettingsDialog::confirmation(settingsFile()), QStringLiteral("saved"));
    {
        SettingsDialog dialog(settingsFile(), storePath());
        QCOMPARE(dialog.chosenConfirmation(), QStringLiteral("saved"));
        QSignalSpy chosen(&dialog, &SettingsDialog::confirmationChosen);
        auto *combo = dialog.findChild<QComboBox *>();
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3);
        combo->setCurrentIndex(1);
        Q_EMIT combo->activated(1);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("everywhere"));
    }
    QCOMPARE(SettingsDialog::confirmation(settingsFile()), QStringLiteral("everywhere"));
    QCOMPARE(SettingsDialog(settingsFile(), storePath()).chosenConfirmation(), QStringLiteral("everywhere"));
}

void tst_SettingsDialog::backupsAreListedAndOneIsChosenForRestore()
{
    const StoreBackups backups(storePath());
    QString error;
    for (int d = 0; d < 3; ++d)
        QVERIFY2(backups.backUp(QDate(2026, 11, 1).addDays(d), &error), qPrintable(error));
    SettingsDialog dialog(settingsFile(), storePath());
    dialog.showPage(SettingsDialog::Page::Backups);
    QCOMPARE(dialog.currentPage(), SettingsDialog::Page::Backups);
    QTreeWidget *list = dialog.backupList();
    QCOMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(list->topLevelItem(0)->text(0), QLocale().toString(QDate(2026, 11, 3), QLocale::LongFormat)); // newest first
    QVERIFY(dialog.restoreButton()->isEnabled());
    list->setCurrentItem(list->topLevelItem(2));
    QSignalSpy restore(&dialog, &SettingsDialog::restoreRequested);
    dialog.restoreButton()->click();
    QCOMPARE(restore.count(), 1);
    QCOMPARE(restore.first().at(0).toString(), backups.backups().at(2).path);
    QCOMPARE(restore.first().at(1).toDate(), QDate(2026, 11, 1));
}

void tst_SettingsDialog::noBackupYetOffersNothingToRestore()
{
    SettingsDialog dialog(settingsFile(), storePath());
    QCOMPARE(dialog.backupList()->topLevelItemCount(), 1);
    QCOMPARE(dialog.backupList()->topLevelItem(0)->text(0), QStringLiteral("No backup yet: the first is made today."));
    QVERIFY(!dialog.restoreButton()->isEnabled());
    QSignalSpy restore(&dialog, &SettingsDialog::restoreRequested);
    dialog.backupList()->setCurrentItem(dialog.backupList()->topLevelItem(0));
    QVERIFY(!dialog.restoreButton()->isEnabled());
    dialog.restoreButton()->click();
    QCOMPARE(restore.count(), 0);
}

void tst_SettingsDialog::integrityVerdictIsShown_data()
{
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("shown");
    QTest::newRow("running") << QString() << "Your progress store is being checked…";
    QTest::newRow("sound") << "ok" << "Your progress store passed its integrity check at start.";
    QTest::newRow("damaged") << "row 3 missing from index learner_by_profile"
                             << "Your progress store failed its integrity check at start (row 3 missing from index "
                                "learner_by_profile). Restore the newest backup from before the trouble began.";
}

void tst_SettingsDialog::integrityVerdictIsShown()
{
    QFETCH(QString, verdict);
    QFETCH(QString, shown);
    SettingsDialog dialog(settingsFile(), storePath());
    dialog.setIntegrityVerdict(verdict);
    QCOMPARE(dialog.integrityText(), shown);
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
