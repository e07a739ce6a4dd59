#include "schemabrowser.h"

#include "sqleditor.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QSplitter>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

SchemaBrowser::SchemaBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new CatalogTreeModel(this))
    , m_tree(new QTreeView)
    , m_title(new QLabel)
    , m_ddl(new SqlEditor)
    , m_showQueries(new QCheckBox(tr("Show the catalog queries")))
    , m_ddlDelay(new QTimer(this))
    , m_refresh(new QAction(tr("Refresh"), this))
    , m_showDdl(new QAction(tr("Show DDL"), this))
    , m_open(new QAction(tr("Open in Editor"), this))
    , m_ddlToEditor(new QAction(tr("DDL to Editor"), this))
    , m_copyName(new QAction(tr("Copy Name"), this))
    , m_showSystem(new QAction(tr("System Objects"), this))
{
    m_tree->setObjectName(QStringLiteral("catalogTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CatalogTreeModel::Name, QHeaderView::Stretch);
    m_tree->setColumnWidth(CatalogTreeModel::Details, 150);
    m_tree->setColumnWidth(CatalogTreeModel::Size, 70);
    m_tree->setColumnWidth(CatalogTreeModel::Rows, 80);
    m_ddl->setObjectName(QStringLiteral("ddlView"));
    m_ddl->setReadOnly(true);
    m_title->setObjectName(QStringLiteral("ddlTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setText(tr("Select an object to see its DDL."));

    m_refresh->setToolTip(tr("Read the selected level again (the whole tree when nothing is selected)"));
    m_showDdl->setToolTip(tr("The statements that would make the selected object, from the server's pg_get_*def functions"));
    m_open->setToolTip(tr("SELECT the first 100 rows of the selected table or view in a new tab"));
    m_ddlToEditor->setToolTip(tr("Copy the DDL shown into a new tab, to read or change it"));
    m_showQueries->setToolTip(tr("Add the catalog queries that produced the DDL under it, as psql -E does"));
    auto *toolbar = new QToolBar;
    toolbar->setIconSize(QSize(16, 16));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_showSystem->setCheckable(true);
    m_showSystem->setToolTip(tr("Also show pg_catalog, information_schema, the template databases and the predefined roles"));
    toolbar->addActions({m_refresh, m_open, m_ddlToEditor, m_showSystem});

    auto *ddlPane = new QWidget;
    auto *ddlLayout = new QVBoxLayout(ddlPane);
    ddlLayout->setContentsMargins(0, 0, 0, 0);
    auto *ddlHeader = new QHBoxLayout;
    ddlHeader->addWidget(m_title, 1);
    ddlHeader->addWidget(m_showQueries);
    ddlLayout->addLayout(ddlHeader);
    ddlLayout->addWidget(m_ddl, 1);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_tree);
    splitter->addWidget(ddlPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);

    m_ddlDelay->setSingleShot(true);
    m_ddlDelay->setInterval(150); // moving through the tree with the keys asks once, where it stops
    connect(m_ddlDelay, &QTimer::timeout, this, &SchemaBrowser::showDdl);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &SchemaBrowser::selectionMoved);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SchemaBrowser::updateActions);
    connect(m_model, &CatalogTreeModel::ddlReady, this, &SchemaBrowser::showAnswer);
    connect(m_model, &CatalogTreeModel::loaded, this, [this] {
        if (!m_revealPath.isEmpty())
            continueReveal();
    });
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const CatalogObject *o = m_model->object(index);
        if (o && o->isRelation())
            openSelected();
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &SchemaBrowser::showMenu);
    connect(m_refresh, &QAction::triggered, this, [this] { m_model->reload(selected()); });
    connect(m_showDdl, &QAction::triggered, this, &SchemaBrowser::showDdl);
    connect(m_open, &QAction::triggered, this, &SchemaBrowser::openSelected);
    connect(m_ddlToEditor, &QAction::triggered, this, [this] {
        if (const CatalogObject *o = m_model->object(selected()); o && !m_shownDdl.isEmpty())
            Q_EMIT openRequested(o->database.isEmpty() ? m_model->homeDatabase() : o->database, m_shownDdl, false);
    });
    connect(m_copyName, &QAction::triggered, this, [this] {
        if (const CatalogObject *o = m_model->object(selected()))
            QApplication::clipboard()->setText(o->sqlName);
    });
    connect(m_showSystem, &QAction::toggled, this, [this](bool show) {
        m_model->setShowSystemObjects(show);
        reveal({CatalogTreeModel::listingName(CatalogListing::Databases)});
    });
    connect(m_showQueries, &QCheckBox::toggled, this, [this] {
        showAnswer(m_ticket, m_shownDdl, {}, m_lastQueries);
    });
    updateActions();
}

void SchemaBrowser::browse(const QString &conninfo)
{
    if (conninfo == m_model->connection())
        return;
    m_model->setConnection(conninfo);
    m_ddl->clear();
    m_shownDdl.clear();
    m_shownFor.clear();
    m_title->setText(tr("Select an object to see its DDL."));
    const QString home = m_model->homeDatabase();
    if (!conninfo.isEmpty())
        reveal(home.isEmpty() ? QStringList{CatalogTreeModel::listingName(CatalogListing::Databases)}
                              : QStringList{CatalogTreeModel::listingName(CatalogListing::Databases), home,
                                            QStringLiteral("public")});
}

void SchemaBrowser::reveal(const QStringList &path)
{
    m_revealPath = path;
    m_revealAt = QModelIndex();
    continueReveal();
}

void SchemaBrowser::continueReveal()
{
    while (!m_revealPath.isEmpty()) {
        const QModelIndex next = m_model->childNamed(m_revealAt, m_revealPath.first());
        if (!next.isValid()) {
            if (m_model->isLoading(m_revealAt))
                return; // loaded() comes back here
            if (m_model->canFetchMore(m_revealAt)) {
                m_tree->expand(m_revealAt);
                m_model->fetchMore(m_revealAt);
                return;
            }
            m_revealPath.clear(); // not there
            return;
        }
        m_revealPath.removeFirst();
        m_revealAt = next;
        if (!m_revealPath.isEmpty())
            m_tree->expand(next);
        if (m_revealPath.isEmpty()) {
            m_tree->setCurrentIndex(next);
            m_tree->scrollTo(next, QAbstractItemView::PositionAtCenter);
        }
    }
}

QModelIndex SchemaBrowser::selected() const
{
    const QModelIndex current = m_tree->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0) : QModelIndex();
}

void SchemaBrowser::selectionMoved()
{
    updateActions();
    m_ddlDelay->start();
}

void SchemaBrowser::updateActions()
{
    const CatalogObject *o = m_model->object(selected());
    m_showDdl->setEnabled(o);
    m_open->setEnabled(o && o->isRelation());
    m_copyName->setEnabled(o);
    m_ddlToEditor->setEnabled(o && !m_shownDdl.isEmpty());
}

void SchemaBrowser::showDdl()
{
    m_ddlDelay->stop();
    const QModelIndex index = selected();
    const CatalogObject *o = m_model->object(index);
    if (!o) {
        const std::optional<CatalogListing> listing = m_model->listing(index);
        m_title->setText(listing ? CatalogTreeModel::listingName(*listing) : tr("Select an object to see its DDL."));
        m_ddl->clear();
        m_shownDdl.clear();
        m_shownFor.clear();
        updateActions();
        return;
    }
    if (m_shownFor == o->sqlName + o->database && !m_shownDdl.isEmpty())
        return;
    m_shownFor = o->sqlName + o->database;
    m_title->setText(tr("DDL of %1").arg(o->sqlName.isEmpty() ? o->name : o->sqlName));
    m_ddl->setText(tr("-- Reading the catalog…"));
    m_shownDdl.clear();
    updateActions();
    m_ticket = m_model->requestDdl(index);
}

void SchemaBrowser::showAnswer(int ticket, const QString &ddl, const QString &error, const QStringList &queries)
{
    if (ticket != m_ticket || ticket == 0)
        return;
    m_lastQueries = queries;
    m_shownDdl = ddl;
    QString text = error.isEmpty() ? ddl : tr("-- The DDL could not be read: %1\n").arg(error);
    if (m_showQueries->isChecked() && !queries.isEmpty()) {
        text += u'\n' + tr("-- The catalog queries behind it (%n):", nullptr, int(queries.size())) + u'\n';
        for (const QString &q : queries)
            text += q.trimmed() + QStringLiteral(";\n\n");
    }
    m_ddl->setText(text);
    // A table's DDL starts with the sequences of its serial columns: its CREATE comes first into view.
    static const QRegularExpression main(QStringLiteral("^CREATE (UNLOGGED |FOREIGN )?TABLE "),
                                         QRegularExpression::MultilineOption);
    const QRegularExpressionMatch found = main.match(text);
    if (found.hasMatch())
        m_ddl->setFirstVisibleLine(m_ddl->lineAt(int(found.capturedStart())));
    updateActions();
    Q_EMIT ddlShown();
}

void SchemaBrowser::setShowCatalogQueries(bool show)
{
    m_showQueries->setChecked(show);
}

bool SchemaBrowser::openSelected()
{
    const CatalogObject *o = m_model->object(selected());
    if (!o || !o->isRelation())
        return false;
    Q_EMIT openRequested(o->database, CatalogBrowser::selectStatement(*o), true);
    return true;
}

void SchemaBrowser::showMenu(const QPoint &at)
{
    const QModelIndex index = m_tree->indexAt(at);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    QMenu menu;
    menu.addActions({m_showDdl, m_open, m_ddlToEditor, m_copyName});
    menu.addSeparator();
    menu.addAction(m_refresh);
    menu.exec(m_tree->viewport()->mapToGlobal(at));
}
