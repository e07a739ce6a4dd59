#include "coursebrowser.h"

#include "coursetreemodel.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

CourseBrowser::CourseBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new CourseTreeModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit)
    , m_view(new QTreeView)
{
    m_filter->setSourceModel(m_model);
    m_filter->setFilterKeyColumn(CourseTreeModel::TitleColumn);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setAutoAcceptChildRows(true); // a matching module shows its lessons and labs

    m_search->setPlaceholderText(tr("Search lessons and labs"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_filter);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setIndentation(12); // four levels deep: titles keep the room
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(CourseTreeModel::TitleColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(CourseTreeModel::ProgressColumn, QHeaderView::ResizeToContents);
    // Everything starts expanded, and so do the rows a search brings back.
    connect(m_filter, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_filter, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::expandAll);
    connect(m_filter, &QAbstractItemModel::layoutChanged, m_view, &QTreeView::expandAll);
    connect(m_view, &QTreeView::activated, this, &CourseBrowser::activate);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_view);
}

void CourseBrowser::selectItem(const QString &packId, const QString &itemId)
{
    const QModelIndex source = m_model->itemIndex(packId, itemId);
    if (!source.isValid())
        return;
    if (!m_filter->mapFromSource(source).isValid())
        m_search->clear();
    const QModelIndex index = m_filter->mapFromSource(source);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void CourseBrowser::activate(const QModelIndex &index)
{
    const QString itemId = index.data(CourseTreeModel::ItemIdRole).toString();
    if (!itemId.isEmpty())
        Q_EMIT itemActivated(index.data(CourseTreeModel::PackIdRole).toString(), itemId);
}
