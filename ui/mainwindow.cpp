#include "mainwindow.h"

#include "activityview.h"
#include "presentermode.h"
#include "schemabrowser.h"
#include "connectiondialog.h"
#include "connectioninfo.h"
#include "historypanel.h"
#include "passwordkeychain.h"
#include "messagespane.h"
#include "progressstore.h"
#include "querysession.h"
#include "sqleditor.h"
#include "workbenchtab.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QStackedWidget>
#include <QToolBar>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_pages(new QStackedWidget)
    , m_tabs(new QTabWidget)
    , m_connectionLabel(new QLabel)
    , m_versionLabel(new QLabel)
    , m_transactionLabel(new QLabel)
    , m_runningLabel(new QLabel)
    , m_runningTimer(new QTimer(this))
    , m_autosaveTimer(new QTimer(this))
    , m_history(new HistoryPanel)
    , m_activity(new ActivityView)
    , m_activityDock(new QDockWidget(tr("Activity and Locks"), this))
    , m_schemaBrowser(new SchemaBrowser)
    , m_schemaBrowserDock(new QDockWidget(tr("Schema Browser"), this))
{
    setWindowTitle(tr("PG Campus"));
    resize(1200, 800);
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_pages->addWidget(m_tabs);
    setCentralWidget(m_pages);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateStatus);

    m_transactionLabel->setObjectName(QStringLiteral("transactionState"));
    m_transactionLabel->setMargin(2);
    statusBar()->addPermanentWidget(m_runningLabel);
    statusBar()->addPermanentWidget(m_transactionLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_versionLabel);
    m_runningTimer->setInterval(100);
    connect(m_runningTimer, &QTimer::timeout, this, &MainWindow::updateStatus);

    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setWidget(m_history);
    addDockWidget(Qt::RightDockWidgetArea, historyDock);
    historyDock->hide();
    connect(m_history, &HistoryPanel::openRequested, this, [this](const QString &sql) {
        SqlEditor *editor = currentTab()->editor();
        const QString text = editor->text();
        editor->append((text.isEmpty() || text.endsWith(u'\n') ? QString() : QStringLiteral("\n")) + sql + u'\n');
        editor->setFocus();
    });
    connect(m_history, &HistoryPanel::runRequested, this, [this](const QString &sql) {
        WorkbenchTab *tab = addTab();
        tab->editor()->setText(sql);
        if (tab->session()->state() == QuerySession::State::Idle)
            tab->runScript();
        else
            connect(tab->session(), &QuerySession::opened, tab, &WorkbenchTab::runScript, Qt::SingleShotConnection);
    });
    m_autosaveTimer->setInterval(AutosaveIntervalMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);

    m_activityDock->setObjectName(QStringLiteral("activityDock"));
    m_activityDock->setWidget(m_activity);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);
    m_activityDock->hide();
    connect(m_activityDock, &QDockWidget::visibilityChanged, this, [this](bool shown) {
        if (shown && currentTab())
            m_activity->watch(currentTab()->session()->conninfo());
    });

    m_schemaBrowserDock->setObjectName(QStringLiteral("schemaBrowserDock"));
    m_schemaBrowserDock->setWidget(m_schemaBrowser);
    addDockWidget(Qt::LeftDockWidgetArea, m_schemaBrowserDock);
    m_schemaBrowserDock->hide();
    connect(m_schemaBrowserDock, &QDockWidget::visibilityChanged, this, &MainWindow::browseCurrentTab);
    connect(m_schemaBrowserDock->toggleViewAction(), &QAction::triggered, this, [this](bool shown) {
        if (shown) // a tab beside the courses comes to the front
            m_schemaBrowserDock->raise();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::browseCurrentTab);
    connect(m_schemaBrowser, &SchemaBrowser::openRequested, this, &MainWindow::openFromBrowser);

    createActions();
    menuBar()->actions().at(1)->menu()->addAction(historyDock->toggleViewAction()); // Query → History
    addTab();
}

void MainWindow::watchTab(WorkbenchTab *tab)
{
    connect(tab->session(), &QuerySession::opened, this, [this, tab] {
        if (tab == currentTab())
            browseCurrentTab();
    });
    connect(tab, &WorkbenchTab::titleChanged, this, [this, tab] { updateTabDecoration(tab); });
    connect(tab, &WorkbenchTab::statementRan, this, [this](const HistoryEntry &entry) {
        if (m_store && m_store->isOpen()) {
            m_store->recordQuery(m_learnerId, entry);
            m_history->refresh();
        }
    });
}

// The tab's name, its file, and a dot in the connection's colour.
void MainWindow::updateTabDecoration(WorkbenchTab *tab)
{
    const int index = m_tabs->indexOf(tab);
    if (index < 0)
        return;
    m_tabs->setTabText(index, tab->title());
    m_tabs->setTabToolTip(index, tab->filePath().isEmpty() ? tab->connectionName()
                                                           : tab->filePath() + u'\n' + tab->connectionName());
    QIcon icon;
    if (!tab->connectionColor().isEmpty()) {
        QPixmap dot(12, 12);
        dot.fill(Qt::transparent);
        QPainter painter(&dot);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(QColor(tab->connectionColor()));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(1, 1, 10, 10);
        icon = QIcon(dot);
    }
    m_tabs->setTabIcon(index, icon);
    if (tab == currentTab())
        updateStatus();
}

// The browser follows the current tab's server while it is shown.
void MainWindow::browseCurrentTab()
{
    if (m_schemaBrowserDock->isVisible() && currentTab())
        m_schemaBrowser->browse(currentTab()->session()->conninfo());
}

// "Open in Editor" and "DDL to Editor": a new tab on the browsed connection, in the
// object's database; a SELECT runs once the tab is connected.
void MainWindow::openFromBrowser(const QString &database, const QString &sql, bool run)
{
    WorkbenchTab *origin = currentTab();
    WorkbenchTab *tab = addTab();
    if (origin)
        tab->connectLike(*origin, database);
    tab->editor()->setText(sql);
    if (!run)
        return;
    connect(tab->session(), &QuerySession::opened, tab, &WorkbenchTab::runScript, Qt::SingleShotConnection);
}

void MainWindow::fillConnectMenu(QMenu *menu)
{
    menu->clear();
    menu->addAction(tr("Practice Server"), this, &MainWindow::connectCurrentTabToDefault)
        ->setEnabled(!m_defaultConninfo.isEmpty());
    const QList<ConnectionProfile> profiles = m_store && m_store->isOpen() ? m_store->profiles() : QList<ConnectionProfile>();
    if (!profiles.isEmpty())
        menu->addSection(tr("Saved connections"));
    for (const ConnectionProfile &profile : profiles)
        menu->addAction(profile.name, this, [this, profile] { connectCurrentTab(profile); });
    const QStringList services = ConnectionInfo::services();
    if (!services.isEmpty())
        menu->addSection(tr("Services (pg_service.conf)"));
    for (const QString &service : services)
        menu->addAction(service, this, [this, service] { connectCurrentTabToService(service); });
    menu->addSeparator();
    menu->addAction(tr("&New Connection…"), this, [this] { editConnection({}); })->setEnabled(m_store != nullptr);
    const QString currentProfile = currentTab() ? currentTab()->profileId() : QString();
    for (const ConnectionProfile &profile : profiles) {
        if (profile.id != currentProfile)
            continue;
        menu->addAction(tr("&Edit “%1”…").arg(profile.name), this, [this, profile] { editConnection(profile); });
        menu->addAction(tr("&Delete “%1”").arg(profile.name), this, [this, profile] {
            if (QMessageBox::question(this, tr("Delete Connection"), tr("Delete the saved connection “%1”?").arg(profile.name)) ==
                QMessageBox::Yes) {
                m_store->removeProfile(profile.id);
                PasswordKeychain::remove(profile.id);
            }
        });
    }
}

void MainWindow::connectCurrentTab(const ConnectionProfile &profile)
{
    WorkbenchTab *tab = currentTab();
    if (tab && settleTransaction(tab))
        tab->connectTo(profile);
}

void MainWindow::connectCurrentTabToService(const QString &service)
{
    WorkbenchTab *tab = currentTab();
    if (tab && settleTransaction(tab))
        tab->connectTo(tr("Service %1").arg(service), QStringLiteral("service=") + ConnectionInfo::quoted(service), false);
}

void MainWindow::connectCurrentTabToDefault()
{
    WorkbenchTab *tab = currentTab();
    if (tab && !m_defaultConninfo.isEmpty() && settleTransaction(tab))
        tab->connectTo(m_defaultName, m_defaultConninfo);
}

void MainWindow::editConnection(const ConnectionProfile &profile)
{
    if (!m_store || !m_store->isOpen())
        return;
    ConnectionDialog dialog(profile, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ConnectionProfile saved = dialog.profile();
    if (!m_store->saveProfile(saved)) {
        QMessageBox::warning(this, tr("Save Connection"), m_store->errorString());
        return;
    }
    connectCurrentTab(saved);
}

int MainWindow::setProgressStore(ProgressStore *store, qint64 learnerId)
{
    m_store = store;
    m_learnerId = learnerId;
    m_history->setStore(store, learnerId);
    if (!store || !store->isOpen())
        return 0;
    const QList<EditorBuffer> saved = store->buffers(learnerId);
    for (qsizetype i = 0; i < saved.size(); ++i) {
        // The first comes back into the empty tab every window starts with.
        const bool reuse = i == 0 && m_tabs->count() == 1 && currentTab()->editor()->text().isEmpty() &&
                           currentTab()->filePath().isEmpty();
        (reuse ? currentTab() : addTab())->restore(saved.at(i));
    }
    if (!saved.isEmpty()) {
        m_tabs->setCurrentIndex(0);
        statusBar()->showMessage(tr("Restored %n tab(s) from your last session.", nullptr, int(saved.size())), 10000);
    }
    m_autosaveTimer->start();
    return int(saved.size());
}

void MainWindow::autosave()
{
    if (!m_store || !m_store->isOpen())
        return;
    for (int i = 0; i < m_tabs->count(); ++i) {
        WorkbenchTab *tab = this->tab(i);
        if (!tab->needsAutosave())
            continue;
        EditorBuffer buffer = tab->buffer();
        buffer.tabOrder = i;
        if (m_store->saveBuffer(m_learnerId, buffer))
            tab->markAutosaved();
    }
}

bool MainWindow::openFile(const QString &path)
{
    WorkbenchTab *tab = currentTab();
    if (!tab->editor()->text().isEmpty() || !tab->filePath().isEmpty())
        tab = addTab();
    QString error;
    if (!tab->openFile(path, &error)) {
        QMessageBox::warning(this, tr("Open File"), error);
        return false;
    }
    return true;
}

bool MainWindow::saveTab(WorkbenchTab *tab, bool askForName)
{
    QString path = tab->filePath();
    if (askForName || path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Save SQL File"), path.isEmpty() ? tab->title() + QStringLiteral(".sql") : path,
                                            tr("SQL files (*.sql);;All files (*)"));
        if (path.isEmpty())
            return false;
    }
    QString error;
    if (!tab->saveFile(path, &error)) {
        QMessageBox::warning(this, tr("Save SQL File"), error);
        return false;
    }
    return true;
}

// A file with unsaved changes is not closed without asking.
bool MainWindow::settleUnsavedFile(WorkbenchTab *tab)
{
    if (tab->filePath().isEmpty() || !tab->isModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved Changes"),
                                              tr("Save the changes to %1?").arg(QFileInfo(tab->filePath()).fileName()),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveTab(tab, false);
    return answer == QMessageBox::Discard;
}

WorkbenchTab *MainWindow::currentTab() const
{
    return qobject_cast<WorkbenchTab *>(m_tabs->currentWidget());
}

WorkbenchTab *MainWindow::tab(int index) const
{
    return qobject_cast<WorkbenchTab *>(m_tabs->widget(index));
}

int MainWindow::tabCount() const
{
    return m_tabs->count();
}

bool MainWindow::showTab(WorkbenchTab *tab)
{
    if (m_tabs->indexOf(tab) < 0)
        return false;
    m_tabs->setCurrentWidget(tab);
    showWorkbench();
    return true;
}

void MainWindow::setGuard(WorkbenchTab::Guard guard)
{
    m_guard = guard;
    for (int i = 0; i < m_tabs->count(); ++i)
        tab(i)->setGuard(guard);
}

void MainWindow::setHomePage(QWidget *home)
{
    if (m_homePage) {
        m_pages->removeWidget(m_homePage);
        m_homePage->deleteLater();
    }
    m_homePage = home;
    m_pages->insertWidget(0, home);
    m_pages->setCurrentWidget(m_tabs);
    for (QAction *a : {m_home, m_workbench, m_pageSeparator})
        a->setVisible(true);
}

void MainWindow::showHome()
{
    if (!m_homePage)
        return;
    const bool changed = m_pages->currentWidget() != m_homePage;
    m_pages->setCurrentWidget(m_homePage);
    m_home->setChecked(true);
    if (changed)
        Q_EMIT homeShown();
}

void MainWindow::showWorkbench()
{
    const bool changed = m_pages->currentWidget() != m_tabs;
    m_pages->setCurrentWidget(m_tabs);
    if (m_workbench)
        m_workbench->setChecked(true);
    if (WorkbenchTab *tab = currentTab(); tab && changed)
        tab->editor()->setFocus();
}

bool MainWindow::isHomeShown() const
{
    return m_homePage && m_pages->currentWidget() == m_homePage;
}

WorkbenchTab *MainWindow::addTab()
{
    auto *tab = new WorkbenchTab;
    tab->setAutocommit(!m_autocommit || m_autocommit->isChecked());
    tab->setStopOnError(!m_stopOnError || m_stopOnError->isChecked());
    tab->setShowCatalogQueries(m_showCatalogQueries && m_showCatalogQueries->isChecked());
    tab->setGuard(m_guard);
    tab->setUntitledName(tr("Query %1").arg(++m_tabsMade));
    m_tabs->setCurrentIndex(m_tabs->addTab(tab, tab->title()));
    showWorkbench();
    watchTab(tab);
    connect(tab, &WorkbenchTab::statusChanged, this, &MainWindow::updateStatus);
    connect(tab, &WorkbenchTab::scriptFinished, this, [this, tab] {
        if (tab == currentTab())
            Q_EMIT scriptFinished();
    });
    if (!m_defaultConninfo.isEmpty())
        tab->connectTo(m_defaultName, m_defaultConninfo);
    updateStatus();
    return tab;
}

void MainWindow::setDefaultConnection(const QString &name, const QString &conninfo)
{
    m_defaultName = name;
    m_defaultConninfo = conninfo;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (tab(i)->session()->state() == QuerySession::State::Disconnected)
            tab(i)->connectTo(name, conninfo);
    }
}

void MainWindow::createActions()
{
    auto forCurrent = [this](void (WorkbenchTab::*slot)()) {
        return [this, slot] {
            if (WorkbenchTab *tab = currentTab())
                (tab->*slot)();
        };
    };
    m_runScript = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Run Script"), this);
    m_runScript->setShortcut(QKeySequence(Qt::Key_F5));
    m_runScript->setToolTip(tr("Run the selection, or the whole script (F5)"));
    connect(m_runScript, &QAction::triggered, this, &MainWindow::showWorkbench);
    connect(m_runScript, &QAction::triggered, this, forCurrent(&WorkbenchTab::runScript));

    m_runStatement = new QAction(tr("Run &Statement"), this);
    m_runStatement->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runStatement->setToolTip(tr("Run the statement under the cursor (Ctrl+Enter)"));
    connect(m_runStatement, &QAction::triggered, this, &MainWindow::showWorkbench);
    connect(m_runStatement, &QAction::triggered, this, forCurrent(&WorkbenchTab::runStatementAtCursor));

    m_explain = new QAction(tr("E&xplain"), this);
    m_explain->setShortcut(QKeySequence(Qt::Key_F7));
    m_explain->setToolTip(tr("Show the plan of the statement under the cursor without running it (F7)"));
    connect(m_explain, &QAction::triggered, this, &MainWindow::showWorkbench);
    connect(m_explain, &QAction::triggered, this, [this] {
        if (WorkbenchTab *tab = currentTab())
            tab->explain(false);
    });
    m_explainAnalyze = new QAction(tr("Explain &Analyze"), this);
    m_explainAnalyze->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    m_explainAnalyze->setToolTip(tr("Run the statement under the cursor and show its plan with what happened (Shift+F7). "
                                    "It runs inside a transaction that is rolled back: nothing it changes is kept."));
    connect(m_explainAnalyze, &QAction::triggered, this, &MainWindow::showWorkbench);
    connect(m_explainAnalyze, &QAction::triggered, this, [this] {
        if (WorkbenchTab *tab = currentTab())
            tab->explain(true);
    });

    m_cancel = new QAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("&Cancel"), this);
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setToolTip(tr("Ask the server to stop the running statement (Esc)"));
    connect(m_cancel, &QAction::triggered, this, forCurrent(&WorkbenchTab::cancel));

    m_commit = new QAction(tr("Co&mmit"), this);
    m_commit->setToolTip(tr("Commit the open transaction"));
    connect(m_commit, &QAction::triggered, this, forCurrent(&WorkbenchTab::commit));
    m_rollback = new QAction(tr("R&oll Back"), this);
    m_rollback->setToolTip(tr("Roll back the open transaction"));
    connect(m_rollback, &QAction::triggered, this, forCurrent(&WorkbenchTab::rollback));

    // A switch of the window that every tab follows.
    const auto tabSwitch = [this](const QString &text, bool on, void (WorkbenchTab::*set)(bool)) {
        auto *action = new QAction(text, this);
        action->setCheckable(true);
        action->setChecked(on);
        connect(action, &QAction::toggled, this, [this, set](bool checked) {
            for (int i = 0; i < m_tabs->count(); ++i)
                (tab(i)->*set)(checked);
        });
        return action;
    };
    m_autocommit = tabSwitch(tr("&Autocommit"), true, &WorkbenchTab::setAutocommit);
    m_autocommit->setToolTip(tr("On: every statement commits by itself. Off: PG Campus begins a transaction "
                                "before your statements and you commit or roll back."));
    m_stopOnError = tabSwitch(tr("&Stop on First Error"), true, &WorkbenchTab::setStopOnError);
    m_showCatalogQueries = tabSwitch(tr("Show Catalog &Queries"), false, &WorkbenchTab::setShowCatalogQueries);
    m_showCatalogQueries->setToolTip(tr("Show the catalog queries behind \\d, \\dt and the other psql meta-commands "
                                        "in the messages, as psql -E does"));

    m_reconnect = new QAction(tr("Re&connect"), this);
    connect(m_reconnect, &QAction::triggered, this, [this] {
        if (WorkbenchTab *tab = currentTab())
            tab->session()->reconnect();
    });

    auto *newTab = new QAction(tr("&New Query Tab"), this);
    newTab->setShortcut(QKeySequence::AddTab);
    connect(newTab, &QAction::triggered, this, &MainWindow::addTab);
    auto *open = new QAction(tr("&Open…"), this);
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open SQL File"), QString(),
                                                          tr("SQL files (*.sql);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    auto *save = new QAction(tr("&Save"), this);
    save->setShortcut(QKeySequence::Save);
    connect(save, &QAction::triggered, this, [this] { saveTab(currentTab(), false); });
    auto *saveAs = new QAction(tr("Save &As…"), this);
    saveAs->setShortcut(QKeySequence::SaveAs);
    connect(saveAs, &QAction::triggered, this, [this] { saveTab(currentTab(), true); });
    auto *closeCurrent = new QAction(tr("&Close Tab"), this);
    closeCurrent->setShortcut(QKeySequence::Close);
    connect(closeCurrent, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    auto *about = new QAction(tr("&About PG Campus"), this);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About PG Campus"),
                           tr("<b>PG Campus</b> %1<br>Learn PostgreSQL administration: a SQL workbench, "
                              "guided labs and practice exams.<br>GPL-3.0-or-later.")
                               .arg(QApplication::applicationVersion()));
    });

    m_settings = new QAction(tr("Se&ttings…"), this);
    m_settings->setShortcut(QKeySequence::Preferences);
    m_settings->setMenuRole(QAction::PreferencesRole);
    m_settings->setVisible(false);
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({newTab, open, save, saveAs, closeCurrent});
    file->addSeparator();
    file->addAction(m_settings);
    file->addSeparator();
    file->addAction(quit);
    QMenu *query = menuBar()->addMenu(tr("&Query"));
    query->addActions({m_runStatement, m_runScript, m_explain, m_explainAnalyze, m_cancel});
    query->addSeparator();
    query->addActions({m_commit, m_rollback, m_autocommit, m_stopOnError, m_showCatalogQueries});
    query->addSeparator();
    QMenu *connectTo = query->addMenu(tr("Connect &To"));
    connect(connectTo, &QMenu::aboutToShow, this, [this, connectTo] { fillConnectMenu(connectTo); });
    query->addAction(m_reconnect);
    // Hidden until the window has a home page.
    auto *pages = new QActionGroup(this);
    m_home = pages->addAction(QIcon::fromTheme(QStringLiteral("go-home")), tr("&Home"));
    m_home->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_1), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H)});
    m_home->setToolTip(tr("Your progress and what to do next (Ctrl+1)"));
    m_workbench = pages->addAction(QIcon::fromTheme(QStringLiteral("accessories-text-editor")), tr("&Workbench"));
    m_workbench->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_workbench->setToolTip(tr("The SQL editor tabs (Ctrl+2)"));
    for (QAction *page : {m_home, m_workbench}) {
        page->setCheckable(true);
        page->setVisible(false);
    }
    m_workbench->setChecked(true);
    connect(m_home, &QAction::triggered, this, &MainWindow::showHome);
    connect(m_workbench, &QAction::triggered, this, &MainWindow::showWorkbench);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({m_home, m_workbench});
    view->addSeparator();
    QAction *activity = m_activityDock->toggleViewAction();
    activity->setText(tr("&Activity and Locks"));
    activity->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    view->addAction(activity);
    QAction *browser = m_schemaBrowserDock->toggleViewAction();
    browser->setText(tr("Schema &Browser"));
    browser->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    view->addAction(browser);
    view->addSeparator();
    m_presenter = new PresenterMode(this);
    view->addAction(m_presenter->toggleAction());
    view->addMenu(m_presenter->zoomMenu());
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(about);

    QToolBar *toolbar = addToolBar(tr("Query"));
    toolbar->setObjectName(QStringLiteral("queryToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({m_home, m_workbench});
    m_pageSeparator = toolbar->addSeparator();
    m_pageSeparator->setVisible(false);
    toolbar->addActions({m_runStatement, m_runScript, m_explainAnalyze, m_cancel});
    toolbar->addSeparator();
    toolbar->addActions({m_commit, m_rollback, m_autocommit});
}

void MainWindow::updateStatus()
{
    WorkbenchTab *tab = currentTab();
    if (!tab)
        return;
    QuerySession *session = tab->session();
    const QString name = tab->connectionName().isEmpty() ? tr("Practice server") : tab->connectionName();
    const QuerySession::State state = session->state();
    switch (state) {
    case QuerySession::State::Disconnected:
        m_connectionLabel->setText(tr("%1: not connected").arg(name));
        m_versionLabel->clear();
        break;
    case QuerySession::State::Connecting:
        m_connectionLabel->setText(tr("%1: connecting…").arg(name));
        break;
    case QuerySession::State::Idle:
    case QuerySession::State::Busy:
        m_connectionLabel->setText(tr("%1: %2@%3").arg(name, session->user(), session->database()));
        m_versionLabel->setText(tr("PostgreSQL %1").arg(session->serverVersion().section(u' ', 0, 0)));
        break;
    }

    const bool connected = state == QuerySession::State::Idle || state == QuerySession::State::Busy;
    m_connectionLabel->setStyleSheet(connected && !tab->connectionColor().isEmpty()
                                         ? QStringLiteral("QLabel { color: white; background: %1; padding: 0 4px; }")
                                               .arg(tab->connectionColor())
                                         : QString());

    QString text;
    QString style;
    QString tip;
    switch (session->transactionState()) {
    case TransactionState::Idle:
        text = tr("No transaction");
        tip = tr("Each statement commits by itself.");
        break;
    case TransactionState::InTransaction:
        text = tr("In transaction");
        style = QStringLiteral("background: #fff0b3; color: #5a4300;");
        tip = tr("A transaction is open: its changes are not visible to others until you commit.");
        break;
    case TransactionState::Failed:
        text = tr("Failed transaction");
        style = QStringLiteral("background: #f8c9c9; color: #7a1010;");
        tip = tr("A statement failed inside the transaction: the server ignores everything until the "
                 "transaction ends (\"current transaction is aborted\"). Roll back to go on.");
        break;
    case TransactionState::Active:
    case TransactionState::Unknown:
        break;
    }
    if (state == QuerySession::State::Disconnected || state == QuerySession::State::Connecting)
        text.clear();
    m_transactionLabel->setText(text);
    m_transactionLabel->setStyleSheet(style.isEmpty() ? QString() : QStringLiteral("QLabel { %1 }").arg(style));
    m_transactionLabel->setToolTip(tip);

    const bool busy = state == QuerySession::State::Busy;
    if (busy && !m_runningTimer->isActive())
        m_runningTimer->start();
    else if (!busy)
        m_runningTimer->stop();
    m_runningLabel->setText(busy ? tr("Running… %1 s").arg(double(tab->runningMs()) / 1000.0, 0, 'f', 1) : QString());

    const bool idle = state == QuerySession::State::Idle;
    m_runScript->setEnabled(idle);
    m_runStatement->setEnabled(idle);
    m_cancel->setEnabled(busy);
    m_commit->setEnabled(idle && tab->hasOpenTransaction());
    m_rollback->setEnabled(idle && tab->hasOpenTransaction());
    m_reconnect->setEnabled(state == QuerySession::State::Disconnected && !session->conninfo().isEmpty());
}

void MainWindow::showServerUnavailable(const QString &reason)
{
    if (WorkbenchTab *tab = currentTab()) {
        tab->messages()->addServerMessage(ServerMessage::clientError(reason));
        tab->outputTabs()->setCurrentWidget(tab->messages());
    }
    statusBar()->showMessage(tr("No server: %1").arg(reason.section(u'\n', 0, 0)));
    updateStatus();
}

// An open transaction is never dropped silently: commit, roll back, or keep the tab.
bool MainWindow::settleTransaction(WorkbenchTab *tab)
{
    if (!tab->hasOpenTransaction())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Open transaction"),
                    tr("This tab has an open transaction. Closing its connection rolls it back."), QMessageBox::NoButton,
                    this);
    QPushButton *commit = box.addButton(tr("Commit"), QMessageBox::AcceptRole);
    QPushButton *rollback = box.addButton(tr("Roll Back"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("Keep Open"), QMessageBox::RejectRole);
    commit->setEnabled(tab->session()->transactionState() == TransactionState::InTransaction);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == commit) {
        QEventLoop wait; // a COMMIT takes a moment; the tab goes only once it went through
        connect(tab, &WorkbenchTab::scriptFinished, &wait, &QEventLoop::quit);
        QTimer::singleShot(30000, &wait, &QEventLoop::quit);
        tab->commit();
        wait.exec();
        return !tab->hasOpenTransaction();
    }
    return box.clickedButton() == rollback;
}

bool MainWindow::closeTab(int index)
{
    WorkbenchTab *tab = this->tab(index);
    if (!tab || !settleTransaction(tab) || !settleUnsavedFile(tab))
        return false;
    if (m_store && m_store->isOpen())
        m_store->removeBuffer(tab->bufferId());
    m_tabs->removeTab(index);
    tab->deleteLater();
    if (m_tabs->count() == 0)
        addTab();
    return true;
}

// Quitting keeps every tab in the store: the next start brings them back.
void MainWindow::closeEvent(QCloseEvent *event)
{
    autosave();
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (!settleTransaction(tab(i))) {
            m_tabs->setCurrentIndex(i);
            event->ignore();
            return;
        }
    }
    event->accept();
}
