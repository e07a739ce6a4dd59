#include "mainwindow.h"

#include "messagespane.h"
#include "querysession.h"
#include "sqleditor.h"
#include "workbenchtab.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QEventLoop>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget)
    , m_connectionLabel(new QLabel)
    , m_versionLabel(new QLabel)
    , m_transactionLabel(new QLabel)
    , m_runningLabel(new QLabel)
    , m_runningTimer(new QTimer(this))
{
    setWindowTitle(tr("PG Campus"));
    resize(1200, 800);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    setCentralWidget(m_tabs);
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

    createActions();
    addTab();
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

WorkbenchTab *MainWindow::addTab()
{
    auto *tab = new WorkbenchTab;
    tab->setAutocommit(!m_autocommit || m_autocommit->isChecked());
    tab->setStopOnError(!m_stopOnError || m_stopOnError->isChecked());
    m_tabs->setCurrentIndex(m_tabs->addTab(tab, tr("Query %1").arg(++m_tabsMade)));
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
    connect(m_runScript, &QAction::triggered, this, forCurrent(&WorkbenchTab::runScript));

    m_runStatement = new QAction(tr("Run &Statement"), this);
    m_runStatement->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runStatement->setToolTip(tr("Run the statement under the cursor (Ctrl+Enter)"));
    connect(m_runStatement, &QAction::triggered, this, forCurrent(&WorkbenchTab::runStatementAtCursor));

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

    m_autocommit = new QAction(tr("&Autocommit"), this);
    m_autocommit->setCheckable(true);
    m_autocommit->setChecked(true);
    m_autocommit->setToolTip(tr("On: every statement commits by itself. Off: PG Campus begins a transaction "
                                "before your statements and you commit or roll back."));
    connect(m_autocommit, &QAction::toggled, this, [this](bool on) {
        for (int i = 0; i < m_tabs->count(); ++i)
            tab(i)->setAutocommit(on);
    });
    m_stopOnError = new QAction(tr("&Stop on First Error"), this);
    m_stopOnError->setCheckable(true);
    m_stopOnError->setChecked(true);
    connect(m_stopOnError, &QAction::toggled, this, [this](bool on) {
        for (int i = 0; i < m_tabs->count(); ++i)
            tab(i)->setStopOnError(on);
    });

    m_reconnect = new QAction(tr("Re&connect"), this);
    connect(m_reconnect, &QAction::triggered, this, [this] {
        if (WorkbenchTab *tab = currentTab())
            tab->session()->reconnect();
    });

    auto *newTab = new QAction(tr("&New Query Tab"), this);
    newTab->setShortcut(QKeySequence::AddTab);
    connect(newTab, &QAction::triggered, this, &MainWindow::addTab);
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

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({newTab, closeCurrent});
    file->addSeparator();
    file->addAction(quit);
    QMenu *query = menuBar()->addMenu(tr("&Query"));
    query->addActions({m_runStatement, m_runScript, m_cancel});
    query->addSeparator();
    query->addActions({m_commit, m_rollback, m_autocommit, m_stopOnError});
    query->addSeparator();
    query->addAction(m_reconnect);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(about);

    QToolBar *toolbar = addToolBar(tr("Query"));
    toolbar->setObjectName(QStringLiteral("queryToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({m_runStatement, m_runScript, m_cancel});
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
    if (!tab || !settleTransaction(tab))
        return false;
    m_tabs->removeTab(index);
    tab->deleteLater();
    if (m_tabs->count() == 0)
        addTab();
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (!settleTransaction(tab(i))) {
            m_tabs->setCurrentIndex(i);
            event->ignore();
            return;
        }
    }
    event->accept();
}
