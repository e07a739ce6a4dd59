#include "settingsdialog.h"

#include "storebackups.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace {
const QStringList Palettes = {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")};
const QString PaletteKey = QStringLiteral("appearance/palette");
const QStringList Confirmations = {QStringLiteral("saved"), QStringLiteral("everywhere"), QStringLiteral("never")};
const QString ConfirmationKey = QStringLiteral("safety/confirm");
} // namespace

SettingsDialog::SettingsDialog(const QString &settingsFile, const QString &storePath, QWidget *parent)
    : QDialog(parent)
    , m_settingsFile(settingsFile)
    , m_storePath(storePath)
    , m_pages(new QTabWidget(this))
    , m_palette(new QButtonGroup(this))
    , m_confirmation(new QComboBox(this))
    , m_integrity(new QLabel(this))
    , m_backupFolder(new QLabel(this))
    , m_backups(new QTreeWidget(this))
    , m_restore(new QPushButton(tr("&Restore…"), this))
{
    setWindowTitle(tr("Settings"));
    resize(640, 440);

    auto *general = new QWidget;
    auto *colours = new QVBoxLayout;
    const QStringList names = {tr("The desktop's colours"), tr("Light"), tr("Dark")};
    for (int i = 0; i < Palettes.size(); ++i) {
        auto *button = new QRadioButton(names.at(i), general);
        m_palette->addButton(button, i);
        colours->addWidget(button);
    }
    auto *form = new QFormLayout(general);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a long question puts its answer under it
    form->addRow(tr("Colours:"), colours);
    m_confirmation->addItems({tr("On saved connections and services"), tr("Everywhere, the practice server too"),
                              tr("Never")});
    form->addRow(tr("Ask before DROP, TRUNCATE, and UPDATE or DELETE without WHERE:"), m_confirmation);
    setConfirmation(confirmation(settingsFile));
    connect(m_confirmation, &QComboBox::activated, this, [this](int index) {
        QSettings(m_settingsFile, QSettings::IniFormat).setValue(ConfirmationKey, Confirmations.at(index));
        Q_EMIT confirmationChosen(Confirmations.at(index));
    });
    auto *languageNote = new QLabel(tr("The interface language is each profile's own: Progress → Profiles…"), general);
    languageNote->setWordWrap(true);
    form->addRow(languageNote);
    m_pages->addTab(general, tr("General"));
    setPalette(palette(settingsFile));
    connect(m_palette, &QButtonGroup::idClicked, this, [this](int id) {
        QSettings(m_settingsFile, QSettings::IniFormat).setValue(PaletteKey, Palettes.at(id));
        Q_EMIT paletteChosen(Palettes.at(id));
    });

    auto *backups = new QWidget;
    m_integrity->setWordWrap(true);
    m_integrity->setTextFormat(Qt::PlainText);
    m_backupFolder->setWordWrap(true);
    m_backupFolder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_backups->setRootIsDecorated(false);
    m_backups->setHeaderLabels({tr("Day"), tr("Size")});
    m_backups->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_backups->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *openFolder = new QPushButton(tr("Open the &Folder"), backups);
    connect(openFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(StoreBackups(m_storePath).directory()));
    });
    connect(m_backups, &QTreeWidget::currentItemChanged, this, &SettingsDialog::updateRestore);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        if (const QTreeWidgetItem *item = m_backups->currentItem())
            Q_EMIT restoreRequested(item->data(0, Qt::UserRole).toString(), item->data(1, Qt::UserRole).toDate());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(openFolder);
    buttons->addStretch();
    buttons->addWidget(m_restore);
    auto *backupLayout = new QVBoxLayout(backups);
    backupLayout->addWidget(m_integrity);
    backupLayout->addWidget(m_backupFolder);
    backupLayout->addWidget(m_backups, 1);
    backupLayout->addLayout(buttons);
    m_pages->addTab(backups, tr("Backups"));
    setIntegrityVerdict(QString());
    refreshBackups();

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(close);
}

void SettingsDialog::showPage(Page page)
{
    m_pages->setCurrentIndex(page == Page::General ? 0 : 1);
}

SettingsDialog::Page SettingsDialog::currentPage() const
{
    return m_pages->currentIndex() == 0 ? Page::General : Page::Backups;
}

QString SettingsDialog::palette(const QString &settingsFile)
{
    const QString value = QSettings(settingsFile, QSettings::IniFormat).value(PaletteKey).toString();
    return Palettes.contains(value) ? value : Palettes.first();
}

void SettingsDialog::setPalette(const QString &palette)
{
    if (QAbstractButton *button = m_palette->button(std::max<int>(0, Palettes.indexOf(palette))))
        button->setChecked(true);
}

QString SettingsDialog::confirmation(const QString &settingsFile)
{
    const QString value = QSettings(settingsFile, QSettings::IniFormat).value(ConfirmationKey).toString();
    return Confirmations.contains(value) ? value : Confirmations.first();
}

void SettingsDialog::setConfirmation(const QString &where)
{
    m_confirmation->setCurrentIndex(std::max<int>(0, Confirmations.indexOf(where)));
}

QString SettingsDialog::chosenConfirmation() const
{
    return Confirmations.value(m_confirmation->currentIndex());
}

QString SettingsDialog::chosenPalette() const
{
    return Palettes.value(m_palette->checkedId(), Palettes.first());
}

void SettingsDialog::setIntegrityVerdict(const QString &verdict)
{
    if (verdict.isEmpty())
        m_integrity->setText(tr("Your progress store is being checked…"));
    else if (verdict == u"ok")
        m_integrity->setText(tr("Your progress store passed its integrity check at start."));
    else
        m_integrity->setText(tr("Your progress store failed its integrity check at start (%1). Restore the newest "
                                "backup from before the trouble began.")
                                 .arg(verdict));
}

QString SettingsDialog::integrityText() const
{
    return m_integrity->text();
}

void SettingsDialog::refreshBackups()
{
    const StoreBackups store(m_storePath);
    m_backupFolder->setText(tr("PG Campus copies your progress (every profile) once a day and keeps the last %n "
                               "copies, in %1.",
                               nullptr, StoreBackups::Kept)
                                .arg(QDir::toNativeSeparators(store.directory())));
    m_backups->clear();
    for (const StoreBackups::Backup &backup : store.backups()) {
        auto *item = new QTreeWidgetItem(m_backups, {QLocale().toString(backup.day, QLocale::LongFormat),
                                                     QLocale().formattedDataSize(backup.bytes)});
        item->setData(0, Qt::UserRole, backup.path);
        item->setData(1, Qt::UserRole, backup.day);
    }
    if (m_backups->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_backups, {tr("No backup yet: the first is made today.")});
    else
        m_backups->setCurrentItem(m_backups->topLevelItem(0));
    updateRestore();
}

// Only a real backup can be restored, not the line that says there is none.
void SettingsDialog::updateRestore()
{
    m_restore->setEnabled(m_backups->currentItem() && !m_backups->currentItem()->data(0, Qt::UserRole).isNull());
}
