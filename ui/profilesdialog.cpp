#include "profilesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

ProfilesDialog::ProfilesDialog(ProgressStore &store, qint64 currentLearnerId, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_current(currentLearnerId)
    , m_list(new QListWidget(this))
    , m_language(new QComboBox(this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_rename(new QPushButton(tr("&Rename…"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_pin(new QPushButton(tr("&PIN…"), this))
    , m_undoBar(new QWidget(this))
    , m_undoLabel(new QLabel(this))
    , m_undoTimer(new QTimer(this))
{
    setWindowTitle(tr("Profiles"));
    m_language->addItem(tr("The system's language"), QString());
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    auto *create = new QPushButton(tr("&New…"), this);
    auto *undo = new QPushButton(tr("&Undo"), this);
    m_undoTimer->setSingleShot(true);
    m_undoTimer->setInterval(UndoSeconds * 1000);
    connect(m_undoTimer, &QTimer::timeout, this, &ProfilesDialog::purgeNow);
    connect(create, &QPushButton::clicked, this, [this] { createProfile(); });
    connect(m_rename, &QPushButton::clicked, this, [this] { renameProfile(); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteProfile(); });
    connect(m_pin, &QPushButton::clicked, this, [this] { setPin(QString(), true); });
    connect(undo, &QPushButton::clicked, this, &ProfilesDialog::undoDelete);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedLearnerId())
            Q_EMIT openRequested(id);
    });
    connect(m_list, &QListWidget::itemDoubleClicked, m_open, &QPushButton::click);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        const std::optional<Learner> l = m_store.learner(selectedLearnerId());
        const QSignalBlocker quiet(m_language);
        m_language->setCurrentIndex(std::max(0, m_language->findData(l ? l->language : QString())));
        m_delete->setEnabled(l && l->id != m_current);
        m_open->setEnabled(l && l->id != m_current);
        m_rename->setEnabled(bool(l));
        m_pin->setEnabled(bool(l));
        m_pin->setText(l && l->hasPin ? tr("Change &PIN…") : tr("Set &PIN…"));
    });
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] { setLanguage(m_language->currentData().toString()); });

    auto *undoLayout = new QHBoxLayout(m_undoBar);
    undoLayout->setContentsMargins(0, 0, 0, 0);
    undoLayout->addWidget(m_undoLabel, 1);
    undoLayout->addWidget(undo);
    m_undoBar->hide();

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_open, create, m_rename, m_pin, m_delete})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addLayout(buttons);
    auto *form = new QFormLayout;
    form->addRow(tr("Interface language (from the next start):"), m_language);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(form);
    layout->addWidget(m_undoBar);
    layout->addWidget(close);
    resize(560, 360);
    refresh();
    select(m_current);
}

qint64 ProfilesDialog::selectedLearnerId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void ProfilesDialog::select(qint64 learnerId)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toLongLong() == learnerId)
            m_list->setCurrentRow(row);
    }
}

ProfilesDialog::~ProfilesDialog()
{
    purgeNow(); // the undo window ends with the dialog
}

QString ProfilesDialog::undoText() const
{
    return m_undoBar->isHidden() ? QString() : m_undoLabel->text();
}

void ProfilesDialog::refresh()
{
    const qint64 selected = selectedLearnerId();
    m_list->clear();
    for (const Learner &l : m_store.learners()) {
        QString label = l.name;
        if (l.id == m_current)
            label += u' ' + tr("(in use)");
        if (l.hasPin)
            label += QStringLiteral(" 🔒");
        auto *item = new QListWidgetItem(label, m_list);
        item->setData(Qt::UserRole, l.id);
    }
    select(selected ? selected : m_current);
}

void ProfilesDialog::warn(const QString &text)
{
    if (isVisible())
        QMessageBox::warning(this, tr("Profiles"), text);
}

bool ProfilesDialog::createProfile(const QString &name, const QString &language)
{
    QString chosen = name;
    if (chosen.isEmpty()) {
        bool ok = false;
        chosen = QInputDialog::getText(this, tr("New profile"), tr("Name:"), QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return false;
    }
    const std::optional<Learner> made = m_store.createLearner(chosen, language);
    if (!made) {
        warn(m_store.errorString());
        return false;
    }
    refresh();
    select(made->id);
    return true;
}

bool ProfilesDialog::renameProfile(const QString &name)
{
    const std::optional<Learner> l = m_store.learner(selectedLearnerId());
    if (!l)
        return false;
    QString chosen = name;
    if (chosen.isEmpty()) {
        bool ok = false;
        chosen = QInputDialog::getText(this, tr("Rename profile"), tr("Name:"), QLineEdit::Normal, l->name, &ok);
        if (!ok)
            return false;
    }
    if (!m_store.renameLearner(l->id, chosen)) {
        warn(m_store.errorString());
        return false;
    }
    refresh();
    return true;
}

bool ProfilesDialog::deleteProfile(bool confirmed)
{
    const std::optional<Learner> l = m_store.learner(selectedLearnerId());
    if (!l || l->id == m_current)
        return false;
    if (!confirmed
        && QMessageBox::question(this, tr("Delete profile"),
                                 tr("Delete the profile \"%1\" and everything recorded for it (lessons, labs, exams, "
                                    "history)? You can undo this for %2 seconds.")
                                     .arg(l->name)
                                     .arg(UndoSeconds))
               != QMessageBox::Yes)
        return false;
    purgeNow(); // one deletion can be undone at a time
    if (!m_store.deleteLearner(l->id)) {
        warn(m_store.errorString());
        return false;
    }
    m_deleted = l->id;
    m_undoLabel->setText(tr("The profile \"%1\" was deleted.").arg(l->name));
    m_undoBar->show();
    m_undoTimer->start();
    refresh();
    return true;
}

bool ProfilesDialog::undoDelete()
{
    if (!m_deleted)
        return false;
    const qint64 id = m_deleted;
    m_deleted = 0;
    m_undoTimer->stop();
    m_undoBar->hide();
    if (!m_store.restoreLearner(id)) {
        warn(m_store.errorString());
        return false;
    }
    refresh();
    select(id);
    return true;
}

void ProfilesDialog::purgeNow()
{
    m_undoTimer->stop();
    m_undoBar->hide();
    if (m_deleted)
        m_store.purgeDeletedLearners(QDateTime::currentDateTimeUtc().addSecs(1));
    m_deleted = 0;
}

bool ProfilesDialog::setPin(const QString &pin, bool ask)
{
    const qint64 id = selectedLearnerId();
    if (!id)
        return false;
    QString chosen = pin;
    if (ask) {
        bool ok = false;
        chosen = QInputDialog::getText(this, tr("PIN"),
                                       tr("A PIN to type before this profile opens (leave empty for none):"),
                                       QLineEdit::Password, QString(), &ok);
        if (!ok)
            return false;
    }
    if (!m_store.setPin(id, chosen)) {
        warn(m_store.errorString());
        return false;
    }
    refresh();
    return true;
}

bool ProfilesDialog::setLanguage(const QString &language)
{
    const qint64 id = selectedLearnerId();
    return id && m_store.setLearnerLanguage(id, language);
}
