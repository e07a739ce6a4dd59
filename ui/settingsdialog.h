#pragma once

#include <QDate>
#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

// The app's settings: the colours (the desktop's, light or dark, kept in the data
// directory's settings.ini and used from the next start) and the progress store's
// backups: the result of the integrity check made at start, each day's copy, and
// "Restore…", which asks the app to put the chosen copy back.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Page { General, Backups };

    // settingsFile: an INI file; storePath: the progress store, whose backups are listed.
    SettingsDialog(const QString &settingsFile, const QString &storePath, QWidget *parent = nullptr);

    void showPage(Page page);
    Page currentPage() const;

    // "system", "light" or "dark", as the settings file holds it.
    static QString palette(const QString &settingsFile);
    void setPalette(const QString &palette);
    QString chosenPalette() const;

    // Where to ask before DROP, TRUNCATE, UPDATE or DELETE without WHERE: "saved" (saved
    // connections and services; the default), "everywhere" or "never".
    static QString confirmation(const QString &settingsFile);
    void setConfirmation(const QString &where);
    QString chosenConfirmation() const;

    // What the check at start found: empty while it runs, "ok", or SQLite's findings.
    void setIntegrityVerdict(const QString &verdict);
    QString integrityText() const;

    QTreeWidget *backupList() const { return m_backups; }
    QPushButton *restoreButton() const { return m_restore; }
    void refreshBackups();

Q_SIGNALS:
    // A palette was chosen (and kept in the settings file): the app applies it at once.
    void paletteChosen(const QString &palette);
    void confirmationChosen(const QString &where);
    // The learner chose a backup and pressed Restore…: the app confirms and restores.
    void restoreRequested(const QString &backupPath, const QDate &day);

private:
    void updateRestore();

    QString m_settingsFile;
    QString m_storePath;
    QTabWidget *m_pages;
    QButtonGroup *m_palette;
    QComboBox *m_confirmation;
    QLabel *m_integrity;
    QLabel *m_backupFolder;
    QTreeWidget *m_backups;
    QPushButton *m_restore;
};
