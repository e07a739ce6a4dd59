#include "mainwindow.h"

#include "messagespane.h"
#include "querysession.h"
#include "resulttablemodel.h"
#include "sqleditor.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

namespace {
constexpr int ErrorIndicator = 8;
}

MainWindow::MainWindow(QuerySession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_editor(new SqlEditor)
    , m_outputTabs(new QTabWidget)
    , m_resultView(new QTableView)
    , m_resultModel(new ResultTableModel(this))
    , m_messages(new MessagesPane)
    , m_connectionLabel(new QLabel)
    , m_versionLabel(new QLabel)
{
    setWindowTitle(tr("PG Campus"));
    resize(1200, 800);

    auto *editorTabs = new QTabWidget;
    editorTabs->setDocumentMode(true);
    editorTabs->addTab(m_editor, tr("Query 1"));

    m_resultView->setModel(m_resultModel);
    m_resultView->setAlternatingRowColors(true);
    m_resultView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_resultView->verticalHeader()->setDefaultSectionSize(m_resultView->fontMetrics().height() + 6);
    m_outputTabs->setDocumentMode(true);
    m_outputTabs->addTab(m_resultView, tr("Results"));
    m_outputTabs->addTab(m_messages, tr("Messages"));

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(editorTabs);
    splitter->addWidget(m_outputTabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);

    m_editor->indicatorDefine(QsciScintilla::SquiggleIndicator, ErrorIndicator);
    m_editor->setIndicatorForegroundColor(QColor(0xe0, 0x20, 0x20), ErrorIndicator);

    createActions();
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_versionLabel);

    connect(m_session, &QuerySession::stateChanged, this, &MainWindow::updateConnectionStatus);
    connect(m_session, &QuerySession::openFailed, this, &MainWindow::showServerUnavailable);
    connect(m_session, &QuerySession::resultReady, this, &MainWindow::onResult);
    connect(m_session, &QuerySession::messageReceived, this, &MainWindow::onMessage);
    connect(m_session, &QuerySession::commandCompleted, m_messages, &MessagesPane::addInfo);
    connect(m_session, &QuerySession::finished, this, &MainWindow::onFinished);
    updateConnectionStatus();
}

void MainWindow::createActions()
{
    m_runAction = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Run"), this);
    m_runAction->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_Return),
                               QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runAction->setShortcutContext(Qt::WindowShortcut);
    m_runAction->setToolTip(tr("Run the script in the editor (F5, Ctrl+Enter)"));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::runScript);

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
    file->addAction(quit);
    QMenu *query = menuBar()->addMenu(tr("&Query"));
    query->addAction(m_runAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(about);

    QToolBar *toolbar = addToolBar(tr("Query"));
    toolbar->setObjectName(QStringLiteral("queryToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_runAction);
}

void MainWindow::setConnectionName(const QString &name)
{
    m_connectionName = name;
    updateConnectionStatus();
}

void MainWindow::showServerUnavailable(const QString &reason)
{
    m_messages->addServerMessage(ServerMessage::clientError(reason));
    m_outputTabs->setCurrentWidget(m_messages);
    statusBar()->showMessage(tr("No server: %1").arg(reason.section(u'\n', 0, 0)));
    updateConnectionStatus();
}

void MainWindow::updateConnectionStatus()
{
    const QString name = m_connectionName.isEmpty() ? tr("Practice server") : m_connectionName;
    switch (m_session->state()) {
    case QuerySession::State::Disconnected:
        m_connectionLabel->setText(tr("%1: not connected").arg(name));
        m_versionLabel->clear();
        break;
    case QuerySession::State::Connecting:
        m_connectionLabel->setText(tr("%1: connecting…").arg(name));
        break;
    case QuerySession::State::Idle:
    case QuerySession::State::Busy:
        m_connectionLabel->setText(
            tr("%1: %2@%3").arg(name, m_session->user(), m_session->database()));
        m_versionLabel->setText(tr("PostgreSQL %1").arg(m_session->serverVersion()));
        break;
    }
    m_runAction->setEnabled(m_session->state() == QuerySession::State::Idle);
}

void MainWindow::runScript()
{
    if (m_session->state() != QuerySession::State::Idle)
        return;
    QString text = m_editor->selectedText();
    m_runOffset = 0;
    if (text.trimmed().isEmpty()) {
        text = m_editor->text();
    } else {
        int line = 0;
        int index = 0;
        m_editor->getSelection(&line, &index, nullptr, nullptr);
        const int bytePos = int(m_editor->positionFromLineIndex(line, index));
        m_runOffset = int(m_editor->SendScintilla(QsciScintilla::SCI_COUNTCHARACTERS, 0, bytePos));
    }
    m_editor->clearIndicatorRange(0, 0, m_editor->lines(), 0, ErrorIndicator);
    m_resultModel->clear();
    m_messages->clear();
    m_hadError = false;
    statusBar()->showMessage(tr("Running…"));
    m_session->execute(text);
}

void MainWindow::onResult(const ResultSet &result)
{
    m_resultModel->setResult(result);
    m_resultView->resizeColumnsToContents();
    m_outputTabs->setCurrentWidget(m_resultView);
    m_messages->addInfo(result.commandTag());
}

void MainWindow::onMessage(const ServerMessage &message)
{
    m_messages->addServerMessage(message);
    if (message.isError()) {
        m_hadError = true;
        m_outputTabs->setCurrentWidget(m_messages);
        if (message.position > 0)
            markErrorPosition(m_runOffset + message.position - 1);
    }
}

void MainWindow::onFinished(qint64 elapsedMs)
{
    const QString summary = m_hadError ? tr("Failed after %1 ms").arg(elapsedMs)
                                       : tr("%n row(s) in %1 ms", nullptr, int(m_resultModel->rowCount())).arg(elapsedMs);
    statusBar()->showMessage(summary);
    m_messages->addInfo(summary);
    updateConnectionStatus();
    Q_EMIT scriptFinished();
}

// Underlines the word the server pointed at and puts the cursor there.
void MainWindow::markErrorPosition(int characterPosition)
{
    const long start = m_editor->SendScintilla(QsciScintilla::SCI_POSITIONRELATIVE, 0L, long(characterPosition));
    long end = m_editor->SendScintilla(QsciScintilla::SCI_WORDENDPOSITION, start, 1L);
    if (end <= start)
        end = start + 1;
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, ErrorIndicator);
    m_editor->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, start, end - start);
    m_editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, start);
}
