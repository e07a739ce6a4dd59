#include "campusapplication.h"

#include "mainwindow.h"
#include "querysession.h"
#include "sqleditor.h"
#include "workbenchtab.h"

#include <QApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QThread>
#include <QTimer>

#include <cstdio>

namespace {
constexpr int ScreenshotTimeoutMs = 120000;

QString welcomeScript()
{
    return CampusApplication::tr("-- Welcome to PG Campus! This editor is connected to your own practice server.\n"
                                 "-- Press Ctrl+Enter to run the statement under the cursor, F5 to run the script.\n") +
           QStringLiteral("SELECT name, setting, unit\n"
                          "FROM pg_settings\n"
                          "WHERE name IN ('server_version', 'server_encoding', 'max_connections',\n"
                          "               'shared_buffers', 'work_mem', 'wal_level')\n"
                          "ORDER BY name;\n");
}

// The scripts behind "--view workbench:SAMPLE": what the workbench looks like in
// the states a learner meets most.
QString sampleScript(const QString &sample)
{
    if (sample == u"error")
        return QStringLiteral("SELECT name, setting FROM pg_settings WHERE name = 'work_mem';\n"
                              "SELECT nmae, setting\n"
                              "FROM pg_settings;\n");
    if (sample == u"transaction")
        return QStringLiteral("BEGIN;\n"
                              "CREATE TABLE accounts (id int PRIMARY KEY, owner text, balance numeric(10,2));\n"
                              "INSERT INTO accounts VALUES (1, '张伟', 100), (2, 'Ada', 50);\n"
                              "UPDATE accounts SET balance = balance - 30 WHERE id = 1 RETURNING *;\n");
    return welcomeScript();
}

const QStringList WorkbenchSamples = {QStringLiteral("result"), QStringLiteral("error"),
                                      QStringLiteral("transaction")};

void printError(const QString &text)
{
    std::fprintf(stderr, "pgcampus: %s\n", qPrintable(text));
}
} // namespace

CampusApplication::CampusApplication(const Options &options)
    : m_options(options)
    , m_server(QDir(options.dataDirectory).filePath(QStringLiteral("practice-server")))
{
}

CampusApplication::~CampusApplication()
{
    m_window.reset();
    if (m_serverStarted)
        m_server.stop();
}

bool CampusApplication::start()
{
    const QString view = m_options.view.section(u':', 0, 0);
    const QString sample = m_options.view.section(u':', 1);
    if (view != u"workbench" || !(sample.isEmpty() || WorkbenchSamples.contains(sample))) {
        printError(tr("Unknown view \"%1\". Available views: workbench, workbench:result, workbench:error, "
                      "workbench:transaction.")
                       .arg(m_options.view));
        return false;
    }
    const qint64 learnerId = openProgressStore();
    m_window = std::make_unique<MainWindow>();
    // Tabs left open by the last session (or a crash) come back; a sample view shows its own script.
    const bool ownScript = !sample.isEmpty() || m_window->setProgressStore(&m_store, learnerId) == 0;
    if (ownScript)
        m_window->currentTab()->editor()->setText(sampleScript(sample));
    connect(m_window->currentTab()->session(), &QuerySession::opened, m_window.get(),
            [this] { m_window->currentTab()->editor()->setFocus(); });
    if (m_options.screenshotFile.isEmpty())
        m_window->show();
    else
        takeScreenshotWhenReady(ownScript);
    startPracticeServer();
    return true;
}

qint64 CampusApplication::openProgressStore()
{
    const QString path = QDir(m_options.dataDirectory).filePath(QStringLiteral("progress.sqlite"));
    if (!m_store.open(path)) {
        printError(m_store.errorString());
        if (m_options.screenshotFile.isEmpty())
            QMessageBox::warning(nullptr, tr("Progress store"), m_store.errorString());
        return 0;
    }
    if (!m_store.recoveryNotice().isEmpty()) {
        printError(m_store.recoveryNotice());
        if (m_options.screenshotFile.isEmpty())
            QMessageBox::information(nullptr, tr("Progress store"), m_store.recoveryNotice());
    }
    const QString osUser = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    const Learner learner = m_store.defaultLearner(osUser.isEmpty() ? tr("Learner") : osUser);
    const QJsonObject detail{{QStringLiteral("version"), QApplication::applicationVersion()}};
    m_store.recordEvent(learner.id, QStringLiteral("app_started"),
                        QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
    return learner.id;
}

// initdb and startup take seconds: they run on a worker thread, the window stays live.
void CampusApplication::startPracticeServer()
{
    QThread *worker = QThread::create([this] {
        const bool ok = m_server.start();
        const QString error = m_server.errorString();
        QMetaObject::invokeMethod(this, [this, ok, error] { onServerStarted(ok, error); }, Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void CampusApplication::onServerStarted(bool ok, const QString &error)
{
    m_serverStarted = ok;
    if (!ok) {
        printError(error);
        m_window->showServerUnavailable(error);
        if (!m_options.screenshotFile.isEmpty())
            saveScreenshot(); // the window, with the reason shown, is still worth a picture
        return;
    }
    m_window->setDefaultConnection(tr("Practice server"), m_server.connectionString());
}

// Only PG Campus's own script runs for a screenshot: SQL a learner left in a tab is
// shown, never run behind their back.
void CampusApplication::takeScreenshotWhenReady(bool runScript)
{
    m_window->setAttribute(Qt::WA_DontShowOnScreen, false);
    m_window->show();
    WorkbenchTab *tab = m_window->currentTab();
    if (runScript)
        connect(tab->session(), &QuerySession::opened, tab, &WorkbenchTab::runScript);
    else
        connect(tab->session(), &QuerySession::opened, this, &CampusApplication::saveScreenshot);
    connect(m_window.get(), &MainWindow::scriptFinished, this, &CampusApplication::saveScreenshot);
    connect(tab->session(), &QuerySession::openFailed, this, &CampusApplication::saveScreenshot);
    QTimer::singleShot(ScreenshotTimeoutMs, this, &CampusApplication::saveScreenshot);
}

void CampusApplication::saveScreenshot()
{
    if (m_screenshotTaken)
        return;
    m_screenshotTaken = true;
    // One more turn of the event loop so the last results are laid out and painted.
    QTimer::singleShot(200, this, [this] {
        const QPixmap image = m_window->grab();
        if (image.isNull() || !image.save(m_options.screenshotFile, "PNG")) {
            printError(tr("Could not save the screenshot to %1.").arg(m_options.screenshotFile));
            m_exitCode = 1;
        }
        QApplication::exit(m_exitCode);
    });
}
