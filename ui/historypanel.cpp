#include "historypanel.h"

#include "progressstore.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int StatementRole = Qt::UserRole + 1;
}

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit)
    , m_list(new QTreeWidget)
{
    m_search->setPlaceholderText(tr("Search statements"));
    m_search->setClearButtonEnabled(true);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Time"), tr("Statement"), tr("Result"), tr("Time (ms)"), tr("Connection")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *open = new QAction(tr("Open in Editor"), m_list);
    connect(open, &QAction::triggered, this, [this] {
        if (!selectedStatement().isEmpty())
            Q_EMIT openRequested(selectedStatement());
    });
    auto *run = new QAction(tr("Run Again in a New Tab"), m_list);
    connect(run, &QAction::triggered, this, [this] {
        if (!selectedStatement().isEmpty())
            Q_EMIT runRequested(selectedStatement());
    });
    m_list->addActions({open, run});
    connect(m_list, &QTreeWidget::itemActivated, open, &QAction::trigger);
    connect(m_search, &QLineEdit::textChanged, this, &HistoryPanel::refresh);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
}

void HistoryPanel::setStore(ProgressStore *store, qint64 learnerId)
{
    m_store = store;
    m_learnerId = learnerId;
    refresh();
}

void HistoryPanel::refresh()
{
    m_list->clear();
    if (!m_store || !m_store->isOpen())
        return;
    for (const HistoryEntry &entry : m_store->history(m_learnerId, m_search->text().trimmed())) {
        QString result;
        switch (entry.status) {
        case HistoryEntry::Status::Ok:
            result = entry.rows >= 0 ? tr("%Ln rows", nullptr, int(entry.rows)) : tr("done");
            break;
        case HistoryEntry::Status::Error:
            result = tr("error %1").arg(entry.sqlState);
            break;
        case HistoryEntry::Status::Cancelled:
            result = tr("cancelled");
            break;
        }
        auto *item = new QTreeWidgetItem(m_list, {entry.startedAt.toLocalTime().toString(QStringLiteral("MM-dd HH:mm:ss")),
                                                  entry.statement.simplified().left(200), result,
                                                  QString::number(entry.durationMs), entry.connection});
        item->setData(0, StatementRole, entry.statement);
        item->setToolTip(1, entry.statement.left(2000));
    }
}

QString HistoryPanel::selectedStatement() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, StatementRole).toString() : QString();
}
