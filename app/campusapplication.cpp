#include "campusapplication.h"

#include "activityview.h"
#include "classdashboard.h"
#include "classbar.h"
#include "classdemo.h"
#include "classmenu.h"
#include "presentermode.h"
#include "schemabrowser.h"
#include "connectioninfo.h"
#include "consoleoutput.h"
#include "coursebrowser.h"
#include "coursedocks.h"
#include "dashboardview.h"
#include "examresultview.h"
#include "examview.h"
#include "labpanel.h"
#include "graderconnection.h"
#include "labsandbox.h"
#include "mainwindow.h"
#include "progressfile.h"
#include "profilesdialog.h"
#include "progressreport.h"
#include "querysession.h"
#include "sqlanswergrading.h"
#include "sqleditor.h"
#include "settingsdialog.h"
#include "storebackups.h"
#include "workbenchtab.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLineEdit>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProcess>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QTableView>
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
    if (sample == u"complete") // completion: "n." lists the columns of the table n names
        return QStringLiteral("SELECT n.\nFROM pg_catalog.pg_namespace n\nWHERE n.nspname NOT LIKE 'pg\\_%';\n");
    if (sample == u"describe") // psql's meta-commands in the editor
        return QStringLiteral("\\dn\n\\d pg_catalog.pg_namespace\n");
    if (sample == u"transaction")
        return QStringLiteral("BEGIN;\n"
                              "CREATE TABLE accounts (id int PRIMARY KEY, owner text, balance numeric(10,2));\n"
                              "INSERT INTO accounts VALUES (1, '张伟', 100), (2, 'Ada', 50);\n"
                              "UPDATE accounts SET balance = balance - 30 WHERE id = 1 RETURNING *;\n");
    return welcomeScript();
}

// The scripts behind "--view explain:SAMPLE": data of their own in temporary tables, then
// the statement whose analyzed plan is shown.
const QHash<QString, QString> ExplainSamples = {
    {QStringLiteral("misestimate"),
     QStringLiteral("CREATE TEMP TABLE shipments AS\n"
                    "  SELECT g AS id, g % 100 AS region, g % 100 AS warehouse, now() - g * interval '1 minute' AS sent_at\n"
                    "  FROM generate_series(1, 100000) g;\n"
                    "CREATE INDEX ON shipments (region);\n"
                    "ANALYZE shipments;\n"
                    "-- region and warehouse always match: the planner multiplies their selectivities\n"
                    "SELECT * FROM shipments WHERE region = 7 AND warehouse = 7 ORDER BY sent_at;\n")},
    {QStringLiteral("join"),
     QStringLiteral("CREATE TEMP TABLE customers AS SELECT g AS id, 'city ' || g % 40 AS city FROM generate_series(1, 5000) g;\n"
                    "CREATE TEMP TABLE orders AS\n"
                    "  SELECT g AS id, 1 + g % 5000 AS customer_id, (g % 97)::numeric AS amount FROM generate_series(1, 200000) g;\n"
                    "ANALYZE customers, orders;\n"
                    "SELECT c.city, count(*), sum(o.amount)\n"
                    "FROM orders o JOIN customers c ON c.id = o.customer_id\n"
                    "GROUP BY c.city ORDER BY 3 DESC;\n")}};

const QStringList WorkbenchSamples = {QStringLiteral("result"), QStringLiteral("error"),
                                      QStringLiteral("transaction"), QStringLiteral("describe"),
                                      QStringLiteral("complete")};

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
    m_demoSessions.clear();
    m_grading.reset(); // its sandboxes are on the server
    if (m_storeCheck)
        m_storeCheck->wait();
    if (m_sandboxCleanup)
        m_sandboxCleanup->wait();
    if (m_serverStarted)
        m_server.stop();
}

namespace {
// The Fusion style with a dark palette of its own: the same on every desktop, and what
// --palette dark shows offscreen.
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6), mid(0x4a, 0x4d, 0x52);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Mid, mid);
    p.setColor(QPalette::Dark, base);
    p.setColor(QPalette::Light, mid);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}
} // namespace

void CampusApplication::applyConfirmation(const QString &where)
{
    if (m_window)
        m_window->setGuard(where == u"never"        ? WorkbenchTab::Guard::Never
                           : where == u"everywhere" ? WorkbenchTab::Guard::Everywhere
                                                    : WorkbenchTab::Guard::SavedConnections);
}

void CampusApplication::applyPalette(const QString &palette)
{
    if (m_desktopStyle.isEmpty())
        m_desktopStyle = QApplication::style()->name();
    if (palette == u"dark" || palette == u"light") {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(palette == u"dark" ? darkPalette() : QApplication::style()->standardPalette());
    } else {
        QApplication::setStyle(m_desktopStyle);
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
}

QString CampusApplication::settingsFile() const
{
    return QDir(m_options.dataDirectory).filePath(QStringLiteral("settings.ini"));
}

bool CampusApplication::start()
{
    const QString palette = m_options.palette.isEmpty() ? SettingsDialog::palette(settingsFile()) : m_options.palette;
    if (palette != u"system")
        applyPalette(palette);
    m_library.load(CourseLibrary::defaultDirectories(m_options.dataDirectory));
    for (const PackProblem &problem : m_library.problems())
        printError(problem.toText());
    if (!checkView())
        return false;
    const QString view = m_options.view.section(u':', 0, 0);
    const QString sample = view == u"workbench" ? m_options.view.section(u':', 1) : QString();
    const qint64 learnerId = openProgressStore();
    if (m_store.isOpen() && m_options.screenshotFile.isEmpty())
        checkAndBackUpStore();
    const QString language = QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    m_grading = std::make_unique<SqlAnswerGrading>(m_store, m_library, learnerId, m_options.dataDirectory);
    connect(m_grading.get(), &SqlAnswerGrading::attemptGraded, this, &CampusApplication::onAttemptGraded);
    connect(m_grading.get(), &SqlAnswerGrading::answerGraded, this,
            [this](const QString &attemptId, int position, const QString &answerText,
                   const std::optional<QuestionScore> &verdict, const QString &error) {
                if (m_exam && m_exam->session().record().attemptId == attemptId)
                    m_exam->showSqlVerdict(position, answerText, verdict, error);
            });
    if (view == u"exam" || view == u"exam-submit")
        return openExamView(learnerId, language);
    if (view == u"review")
        return startReview(learnerId, language);
    if (view == u"profiles")
        return openProfiles(learnerId);
    if (view == u"exam-resume") {
        if (resumeOpenExam(learnerId, language, false))
            return true;
        printError(tr("No exam is open."));
        return false;
    }
    if (view == u"exam-result") {
        for (const ExamAttemptRecord &attempt : m_store.examAttempts(learnerId)) {
            if (attempt.submittedAt.isValid() && attempt.mode == u"exam")
                return openExamResult(attempt, language);
        }
        printError(tr("No submitted exam yet."));
        return false;
    }
    if (m_options.screenshotFile.isEmpty() && learnerId && !askPin(learnerId, nullptr)) {
        // Someone else at a shared laptop: they open (or make) a profile of their own instead.
        openProfiles(learnerId);
        return true;
    }
    m_window = std::make_unique<MainWindow>();
    CourseDocks::Setup courses;
    courses.library = &m_library;
    courses.store = m_store.isOpen() ? &m_store : nullptr;
    courses.learnerId = learnerId;
    courses.language = language;
    courses.dataDirectory = m_options.dataDirectory;
    m_courses = new CourseDocks(m_window.get(), courses);
    addExamMenu(learnerId, language);
    addProgressMenu(learnerId, language);
    addClassMenu(language);
    addHomePage(learnerId, language);
    applyConfirmation(SettingsDialog::confirmation(settingsFile()));
    // Tabs left open by the last session (or a crash) come back; a sample view shows its own script.
    const bool ownScript = !sample.isEmpty() || m_window->setProgressStore(&m_store, learnerId) == 0;
    if (ownScript)
        m_window->currentTab()->editor()->setText(sampleScript(sample));
    if (m_options.view == u"workbench:complete") {
        showCompletionSample();
        return true;
    }
    if (view == u"activity") {
        m_window->setAttribute(Qt::WA_DontShowOnScreen, false);
        m_window->show();
        m_window->activityDock()->show();
        m_window->resizeDocks({m_window->activityDock()}, {420}, Qt::Vertical);
        QTimer::singleShot(ScreenshotTimeoutMs, this, &CampusApplication::saveScreenshot);
        startPracticeServer();
        return true;
    }
    if (view == u"browser") {
        m_window->setAttribute(Qt::WA_DontShowOnScreen, false);
        m_window->show();
        m_window->schemaBrowserDock()->show();
        m_window->schemaBrowserDock()->raise();
        m_window->resizeDocks({m_window->schemaBrowserDock()}, {620}, Qt::Horizontal);
        QTimer::singleShot(ScreenshotTimeoutMs, this, &CampusApplication::saveScreenshot);
        startPracticeServer();
        return true;
    }
    if (view == u"class-provision" || view == u"class-dashboard" || view == u"class-student") {
        m_window->setAttribute(Qt::WA_DontShowOnScreen, false);
        m_window->show();
        QTimer::singleShot(ScreenshotTimeoutMs, this, &CampusApplication::saveScreenshot);
        startPracticeServer();
        return true;
    }
    if (view == u"presenter") {
        showPresenterSample();
        startPracticeServer();
        return true;
    }
    if (view == u"explain") {
        showExplainSample(ExplainSamples.value(m_options.view.section(u':', 1)));
        return true;
    }
    if (view == u"settings") {
        m_window->setAttribute(Qt::WA_DontShowOnScreen, false);
        m_window->show();
        openSettings(m_options.view == u"settings:backups" ? SettingsDialog::Page::Backups : SettingsDialog::Page::General);
        return true;
    }
    if (view == u"dashboard") {
        if (!m_dashboard) {
            printError(tr("The dashboard needs the progress store."));
            return false;
        }
        m_window->showHome();
        m_window->setAttribute(Qt::WA_DontShowOnScreen, false);
        m_window->show();
        QTimer::singleShot(800, this, &CampusApplication::saveScreenshot);
        return true;
    }
    if (view != u"workbench") {
        openCourseView();
        startPracticeServer();
        return true;
    }
    connect(m_window->currentTab()->session(), &QuerySession::opened, m_window.get(),
            [this] { m_window->currentTab()->editor()->setFocus(); });
    if (m_options.screenshotFile.isEmpty()) {
        m_window->showHome();
        m_window->show();
        resumeOpenExam(learnerId, language, true);
    }
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
    m_store.purgeDeletedLearners(QDateTime::currentDateTimeUtc()); // deletions not undone before a quit
    const Learner learner = m_store.defaultLearner(osUser.isEmpty() ? tr("Learner") : osUser);
    m_store.markLearnerUsed(learner.id);
    const QJsonObject detail{{QStringLiteral("version"), QApplication::applicationVersion()}};
    m_store.recordEvent(learner.id, QStringLiteral("app_started"),
                        QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
    return learner.id;
}

bool CampusApplication::checkView()
{
    const QString view = m_options.view.section(u':', 0, 0);
    const QString argument = m_options.view.section(u':', 1);
    const bool known = (view == u"workbench" && (argument.isEmpty() || WorkbenchSamples.contains(argument)))
        || (view == u"courses" && argument.isEmpty());
    if (known)
        return true;
    if ((view == u"exam-resume" || view == u"review" || view == u"dashboard" || view == u"profiles") && argument.isEmpty())
        return true;
    if (view == u"settings" && (argument.isEmpty() || argument == u"backups"))
        return true;
    if (view == u"explain" && ExplainSamples.contains(argument))
        return true;
    if ((view == u"activity" || view == u"browser" || view == u"class-provision" || view == u"class-dashboard"
         || view == u"class-student"
         || view == u"presenter")
        && argument.isEmpty())
        return true;
    if (view == u"exam-result") {
        if (argument == u"LAST")
            return true;
        printError(tr("The view exam-result takes LAST: the last exam you submitted."));
        return false;
    }
    if (view == u"exam" || view == u"exam-submit") {
        if (m_library.findExam(QString(), argument).blueprint)
            return true;
        printError(tr("No exam \"%1\" in the courseware (packs are read from: %2).")
                       .arg(argument, CourseLibrary::defaultDirectories(m_options.dataDirectory).join(QStringLiteral(", "))));
        return false;
    }
    const CourseLibrary::Found found = m_library.find(argument);
    if (view == u"lesson" && found.item && found.item->kind == CourseItem::Kind::Lesson)
        return true;
    if (view == u"lab" && found.lab)
        return true;
    printError(view == u"lesson" || view == u"lab"
                   ? tr("No %1 \"%2\" in the courseware (packs are read from: %3).")
                         .arg(view, argument, CourseLibrary::defaultDirectories(m_options.dataDirectory).join(QStringLiteral(", ")))
                   : tr("Unknown view \"%1\". Available views: workbench, workbench:result, workbench:error, "
                        "workbench:transaction, workbench:describe, workbench:complete, courses, lesson:ID, lab:ID, exam:ID, exam-submit:ID, "
                        "exam-result:LAST, exam-resume, review, dashboard, profiles, settings, settings:backups, "
                        "explain:misestimate, explain:join, activity, browser, class-provision, class-dashboard, class-student, presenter.")
                         .arg(m_options.view));
    return false;
}

// courses, lesson:ID, lab:ID. For a screenshot of a lab, the learner's first unfinished
// step is answered with one of its decoys and checked, so the picture shows feedback.
void CampusApplication::openCourseView()
{
    const QString view = m_options.view.section(u':', 0, 0);
    const QString id = m_options.view.section(u':', 1);
    m_courses->browserDock()->show();
    if (!id.isEmpty())
        m_courses->open(QString(), id);
    const bool screenshot = !m_options.screenshotFile.isEmpty();
    if (screenshot) {
        m_window->setAttribute(Qt::WA_DontShowOnScreen, false);
        m_window->show();
        QTimer::singleShot(ScreenshotTimeoutMs, this, &CampusApplication::saveScreenshot);
    } else {
        m_window->show();
    }
    if (view != u"lab") {
        if (screenshot)
            QTimer::singleShot(1500, this, &CampusApplication::saveScreenshot);
        return;
    }
    if (!screenshot)
        return;
    connect(m_courses, &CourseDocks::labFailed, this, [this](const QString &message) {
        printError(message);
        m_exitCode = 1; // the picture shows why, and a script learns that the lab did not open
        saveScreenshot();
    });
    connect(m_courses, &CourseDocks::labReady, this, [this, id] {
        const CourseLibrary::Found found = m_library.find(id);
        LabPanel *panel = m_courses->labPanel();
        const LabStep &step = found.lab->steps.at(panel->currentStep());
        WorkbenchTab *tab = m_courses->labTab();
        tab->editor()->setText(step.decoys.isEmpty() ? QStringLiteral("SELECT 1;\n") : step.decoys.first().sql);
        connect(tab->session(), &QuerySession::opened, tab, &WorkbenchTab::runScript, Qt::SingleShotConnection);
        connect(m_window.get(), &MainWindow::scriptFinished, panel, &LabPanel::check, Qt::SingleShotConnection);
        connect(panel, &LabPanel::checked, this, &CampusApplication::saveScreenshot);
    });
}

// initdb and startup take seconds: they run on a worker thread, the window stays live.
void CampusApplication::startPracticeServer()
{
    if (m_serverStarting)
        return; // started, or starting
    m_serverStarting = true;
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
    if (ok && m_store.isOpen() && m_options.screenshotFile.isEmpty())
        dropOtherLearnersSandboxes();
    if (ok)
        m_grading->setServer(m_server.connectionString());
    else
        m_grading->setServerUnavailable(tr("The practice server is not running: %1").arg(error));
    if (!m_window)
        return; // an exam or result view on its own: the server is there to grade
    if (!ok) {
        printError(error);
        m_window->showServerUnavailable(error);
        m_courses->setServerUnavailable(error);
        if (!m_options.screenshotFile.isEmpty()) {
            // The window, with the reason shown, is still worth a picture; a view of the
            // server's work without a server is a failure all the same.
            const QString view = m_options.view.section(u':', 0, 0);
            if (view != u"courses" && view != u"lesson")
                m_exitCode = 1;
            saveScreenshot();
        }
        return;
    }
    m_window->setDefaultConnection(tr("Practice server"), m_server.connectionString());
    m_courses->setAdminConninfo(m_server.connectionString());
    if (m_options.view == u"activity")
        showBlockedSessions();
    if (m_options.view == u"browser")
        showBrowserSample();
    if (m_options.view == u"class-provision" || m_options.view == u"class-dashboard" || m_options.view == u"class-student")
        showClassSample(QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en"));
}

// Sandboxes on the practice server that no profile of this store owns any more (a purged
// profile's, or ones named before sandboxes were named by profile id) are dropped, off the
// UI thread. Profiles deleted but still within their undo window keep theirs.
void CampusApplication::dropOtherLearnersSandboxes()
{
    QStringList keys;
    for (const QList<Learner> &profiles : {m_store.learners(), m_store.deletedLearners()}) {
        for (const Learner &learner : profiles)
            keys << LabSandbox::learnerKey(QStringLiteral("lab"), learner.profileId)
                 << LabSandbox::learnerKey(QStringLiteral("exam"), learner.profileId);
    }
    QThread *worker = QThread::create([admin = m_server.connectionString(), keys] {
        QStringList dropped;
        QString error;
        if (!LabSandbox::dropLearnersOtherThan(admin, keys, &dropped, &error))
            printError(tr("Old lab sandboxes could not be removed: %1").arg(error));
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_sandboxCleanup = worker;
    worker->start();
}

// For --view activity: two sessions of the screenshot's own, one holding an advisory lock
// in an open transaction, the other waiting for it; the picture is taken once the view
// shows the wait.
void CampusApplication::showBlockedSessions()
{
    QString error;
    m_demoSessions.resize(2);
    for (GraderConnection &c : m_demoSessions) {
        if (!c.open(ConnectionInfo(m_server.connectionString()).with(QStringLiteral("application_name"), QStringLiteral("psql")),
                    0, &error)) {
            printError(error);
            return;
        }
    }
    m_demoSessions[0].exec(QStringLiteral("BEGIN; SELECT pg_advisory_xact_lock(4711)"));
    m_demoSessions[1].send(QStringLiteral("SELECT pg_advisory_xact_lock(4711) /* waits for the first session */"));
    ActivityView *activity = m_window->activity();
    connect(activity, &ActivityView::refreshed, this, [this, activity] {
        if (activity->snapshot().blockedCount() > 0)
            saveScreenshot();
    });
    activity->watch(m_server.connectionString());
}

// For --view browser: a small shop database of the screenshot's own (dropped on the way
// out), browsed down to its orders table, whose DDL is in the picture.
void CampusApplication::showBrowserSample()
{
    const QString database = QStringLiteral("pgcampus_browser_sample");
    const QString admin = m_server.connectionString();
    GraderConnection c;
    QString error;
    if (!c.open(admin, 0, &error)) {
        printError(error);
        return;
    }
    c.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database));
    SqlOutcome made = c.exec(QStringLiteral("CREATE DATABASE %1").arg(database));
    GraderConnection sample;
    if (!made.ok || !sample.open(m_server.connectionString(database), 0, &error)) {
        printError(made.ok ? error : made.message);
        return;
    }
    connect(qApp, &QCoreApplication::aboutToQuit, this, [admin, database] {
        GraderConnection c;
        QString error;
        if (c.open(admin, 0, &error))
            c.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database));
    });
    made = sample.execScript(QStringLiteral(
        "CREATE SCHEMA shop;\n"
        "CREATE TYPE shop.order_status AS ENUM ('new', 'paid', 'shipped');\n"
        "CREATE TABLE shop.customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,\n"
        "  email text UNIQUE, city text);\n"
        "CREATE TABLE shop.orders (id bigserial PRIMARY KEY,\n"
        "  customer_id bigint NOT NULL REFERENCES shop.customers ON DELETE CASCADE,\n"
        "  status shop.order_status NOT NULL DEFAULT 'new', total numeric(10, 2) CHECK (total >= 0),\n"
        "  created_at timestamptz NOT NULL DEFAULT now());\n"
        "CREATE INDEX orders_customer_idx ON shop.orders (customer_id);\n"
        "CREATE INDEX orders_open_idx ON shop.orders (created_at) WHERE status <> 'shipped';\n"
        "COMMENT ON TABLE shop.orders IS 'One row per order a customer placed.';\n"
        "INSERT INTO shop.customers (name, email, city)\n"
        "  SELECT 'customer ' || g, 'c' || g || '@example.com', (ARRAY['Beijing', 'Shanghai', 'Hangzhou'])[1 + g % 3]\n"
        "  FROM generate_series(1, 2000) g;\n"
        "INSERT INTO shop.orders (customer_id, status, total, created_at)\n"
        "  SELECT 1 + g % 2000, (ARRAY['new', 'paid', 'shipped'])[1 + g % 3]::shop.order_status, (g % 500) + 0.99,\n"
        "    now() - g * interval '5 minutes' FROM generate_series(1, 20000) g;\n"
        "CREATE VIEW shop.open_orders AS SELECT o.id, c.name, o.total FROM shop.orders o\n"
        "  JOIN shop.customers c ON c.id = o.customer_id WHERE o.status <> 'shipped';\n"
        "CREATE MATERIALIZED VIEW shop.daily_sales AS SELECT created_at::date AS day, sum(total) AS total\n"
        "  FROM shop.orders GROUP BY 1;\n"
        "CREATE FUNCTION shop.customer_total(customer bigint) RETURNS numeric LANGUAGE sql STABLE\n"
        "  AS $$SELECT coalesce(sum(total), 0) FROM shop.orders WHERE customer_id = customer$$;\n"
        "ANALYZE;\n"));
    if (!made.ok) {
        printError(made.message);
        return;
    }
    SchemaBrowser *browser = m_window->schemaBrowser();
    connect(browser, &SchemaBrowser::ddlShown, this, [this, browser] {
        if (browser->ddl().contains(u"CREATE TABLE shop.orders"))
            saveScreenshot();
    });
    m_window->currentTab()->connectTo(tr("Practice server"), m_server.connectionString(database));
    browser->browse(m_server.connectionString(database));
    browser->reveal({CatalogTreeModel::listingName(CatalogListing::Databases), database, QStringLiteral("shop"),
                     CatalogTreeModel::listingName(CatalogListing::Tables), QStringLiteral("orders")});
}

// The catalog loads once the tab is connected; then the popup opens after "n." and the
// picture is taken with the popup (a window of its own) drawn where it stands.
void CampusApplication::showCompletionSample()
{
    m_window->setAttribute(Qt::WA_DontShowOnScreen, false);
    m_window->show();
    auto *poll = new QTimer(this);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this, poll] {
        WorkbenchTab *tab = m_window->currentTab();
        if (!tab->catalog())
            return;
        poll->stop();
        tab->editor()->setFocus();
        tab->editor()->setCursorPosition(0, 9);
        tab->complete();
        QTimer::singleShot(400, this, &CampusApplication::saveScreenshot);
    });
    poll->start();
    QTimer::singleShot(ScreenshotTimeoutMs, this, &CampusApplication::saveScreenshot);
    startPracticeServer();
}

// The sample's data is made by running its script; then the last statement is explained
// with ANALYZE and the picture taken.
void CampusApplication::showExplainSample(const QString &script)
{
    WorkbenchTab *tab = m_window->currentTab();
    tab->editor()->setText(script);
    m_window->setAttribute(Qt::WA_DontShowOnScreen, false);
    m_window->show();
    connect(tab->session(), &QuerySession::opened, tab, &WorkbenchTab::runScript, Qt::SingleShotConnection);
    connect(m_window.get(), &MainWindow::scriptFinished, this, [this, tab] {
        if (m_explainShown) {
            if (!m_options.screenshotFile.isEmpty())
                saveScreenshot();
            return;
        }
        m_explainShown = true;
        tab->editor()->setCursorPosition(tab->editor()->lines() - 2, 0);
        tab->explain(true);
    });
    if (!m_options.screenshotFile.isEmpty())
        QTimer::singleShot(ScreenshotTimeoutMs, this, &CampusApplication::saveScreenshot);
    startPracticeServer();
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

bool CampusApplication::openExamView(qint64 learnerId, const QString &language)
{
    const CourseLibrary::FoundExam found = m_library.findExam(QString(), m_options.view.section(u':', 1));
    if (!found.blueprint)
        return false;
    QString error;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // PGCAMPUS_EXAM_SEED draws a chosen exam again (a trainer's class, a test).
    bool seeded = false;
    const quint64 chosen = qEnvironmentVariable("PGCAMPUS_EXAM_SEED").toULongLong(&seeded);
    const quint64 seed = seeded ? chosen : quint64(now.toMSecsSinceEpoch());
    std::optional<ExamSession> session = ExamSession::start(m_store, *found.pack, *found.blueprint, learnerId, seed, now, &error);
    if (!session) {
        printError(error);
        return false;
    }
    const bool screenshot = !m_options.screenshotFile.isEmpty();
    if (screenshot) {
        // A candidate a few minutes in: two answered (the first options), one flagged.
        for (int i = 0; i < std::min(2, session->count()); ++i) {
            CandidateAnswer answer;
            const Question *q = session->question(i);
            if (q->type == Question::Type::Single || q->type == Question::Type::Multiple)
                answer.chosen = {session->drawn(i).shownOrder.value(0)};
            else if (q->type == Question::Type::TrueFalse)
                answer.truth = true;
            else
                answer.text = QStringLiteral("VACUUM");
            session->answer(i, answer, now);
        }
        if (session->count() > 4)
            session->setFlagged(4, true, now);
    }
    showExam(std::move(*session), found.blueprint->title, language);
    if (screenshot)
        m_exam->showQuestion(2);
    if (m_options.view.startsWith(u"exam-submit")) {
        // The candidate pressed Submit: the confirmation over the exam.
        m_confirmation = m_exam->confirmationDialog();
        m_confirmation->setAttribute(Qt::WA_DontShowOnScreen, !screenshot);
        m_confirmation->show();
    }
    return true;
}

void CampusApplication::showExam(ExamSession session, const LocalizedText &title, const QString &language)
{
    const bool drill = session.record().mode == u"drill";
    m_exam = std::make_unique<ExamView>(std::move(session), title, language);
    m_exam->setWindowTitle(drill || m_exam->session().record().mode == u"review"
                               ? tr("Practice: %1").arg(inLanguage(title, language))
                                 : tr("Exam: %1").arg(inLanguage(title, language)));
    m_exam->resize(1200, 800);
    if (!m_options.screenshotFile.isEmpty()) {
        m_exam->setAttribute(Qt::WA_DontShowOnScreen, false);
        QTimer::singleShot(800, this, &CampusApplication::saveScreenshot);
    }
    applyClassControls();
    connect(m_exam.get(), &ExamView::submitted, this, [this, language](const QString &attemptId) {
        if (const std::optional<ExamAttemptRecord> done = m_store.examAttempt(attemptId)) {
            const CourseLibrary::FoundExam exam = m_library.findExam(done->packId, done->blueprintId);
            if (m_classLink && exam.blueprint && m_classJoined.exams.contains(done->blueprintId)) {
                const ExamScore score = ExamScore::of(*exam.pack, *done, m_store.examEvents(attemptId), exam.blueprint->passPercent);
                m_classLink->record(done->blueprintId, QString(), score.passed,
                                    tr("Score %1 % (pass mark %2 %)").arg(qRound(score.percent())).arg(exam.blueprint->passPercent));
            }
            queueForReview(*done);
            openExamResult(*done, language);
            m_exam->hide();
        }
    });
    connect(m_exam.get(), &ExamView::sqlCheckRequested, this, [this, language](int position, const CandidateAnswer &answer) {
        startPracticeServer();
        m_grading->gradeAnswer(m_exam->session().record().attemptId, position, *m_exam->session().question(position),
                               answer, language);
    });
    m_exam->show();
}

void CampusApplication::addProgressMenu(qint64 learnerId, const QString &language)
{
    QMenuBar *bar = m_window->menuBar();
    QMenu *menu = new QMenu(tr("&Progress"), bar);
    bar->insertMenu(bar->actions().value(bar->actions().size() - 1), menu); // before Help
    QAction *profiles = menu->addAction(tr("Pro&files…"));
    profiles->setEnabled(m_store.isOpen());
    connect(profiles, &QAction::triggered, this, [this, learnerId] { openProfiles(learnerId); });
    menu->addAction(m_window->homeAction());
    menu->addSeparator();
    const auto saveAs = [this](const QString &title, const QString &name, const QString &filter) {
        return QFileDialog::getSaveFileName(m_window.get(), title, QDir::home().filePath(name), filter);
    };
    QAction *pdf = menu->addAction(tr("Export &Report as PDF…"));
    connect(pdf, &QAction::triggered, this, [this, learnerId, language, saveAs] {
        const QString path = saveAs(tr("Export report"), QStringLiteral("pgcampus-report.pdf"), tr("PDF (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !ProgressReport(m_store, m_library, learnerId, language).writePdf(path, &error))
            QMessageBox::warning(m_window.get(), tr("Export report"), error);
    });
    QAction *csv = menu->addAction(tr("Export Report as &CSV…"));
    connect(csv, &QAction::triggered, this, [this, learnerId, language, saveAs] {
        const QString path = saveAs(tr("Export report"), QStringLiteral("pgcampus-report.csv"), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !ProgressReport(m_store, m_library, learnerId, language).writeCsv(path, &error))
            QMessageBox::warning(m_window.get(), tr("Export report"), error);
    });
    QAction *certificate = menu->addAction(tr("Track &Certificate…"));
    connect(certificate, &QAction::triggered, this, [this, learnerId, language, saveAs] {
        const ProgressReport report(m_store, m_library, learnerId, language);
        const QList<DashboardData::Track> finished = report.finishedTracks();
        if (finished.isEmpty()) {
            QMessageBox::information(m_window.get(), tr("Track certificate"),
                                     tr("No track is finished yet: a certificate comes when every lesson of a track is "
                                        "read and every lab passed."));
            return;
        }
        QStringList names;
        for (const DashboardData::Track &t : finished)
            names << inLanguage(t.title, language);
        bool chosen = false;
        const QString name = finished.size() == 1 ? names.first()
                                                  : QInputDialog::getItem(m_window.get(), tr("Track certificate"),
                                                                          tr("Certificate for:"), names, 0, false, &chosen);
        if (finished.size() > 1 && !chosen)
            return;
        const DashboardData::Track &track = finished.at(names.indexOf(name));
        const QString path = saveAs(tr("Track certificate"), QStringLiteral("pgcampus-certificate-%1.pdf").arg(track.trackId),
                                    tr("PDF (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !report.writeCertificate(track.packId, track.trackId, path, &error))
            QMessageBox::warning(m_window.get(), tr("Track certificate"), error);
    });
    menu->addSeparator();
    QAction *exportFile = menu->addAction(tr("&Export Progress File…"));
    connect(exportFile, &QAction::triggered, this, [this, learnerId, saveAs] {
        const QString path = saveAs(tr("Export progress"), QStringLiteral("progress.pgcprogress"),
                                    tr("PG Campus progress (*.pgcprogress)"));
        QString error;
        if (!path.isEmpty() && !ProgressFile::exportProfile(m_store, learnerId, path, &error))
            QMessageBox::warning(m_window.get(), tr("Export progress"), error);
    });
    QAction *importFile = menu->addAction(tr("&Import Progress File…"));
    connect(importFile, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window.get(), tr("Import progress"), QDir::homePath(),
                                                          tr("PG Campus progress (*.pgcprogress)"));
        if (path.isEmpty())
            return;
        QString error;
        const std::optional<ProgressFile::ImportReport> report = ProgressFile::importFile(m_store, path, &error);
        if (!report)
            QMessageBox::warning(m_window.get(), tr("Import progress"), error);
        else
            QMessageBox::information(m_window.get(), tr("Import progress"),
                                     tr("Profile \"%1\": %n new record(s) imported.", nullptr, report->addedTotal())
                                         .arg(report->profileName));
    });
    for (QAction *a : {pdf, csv, certificate, exportFile, importFile})
        a->setEnabled(m_store.isOpen());
    menu->addSeparator();
    QAction *restore = menu->addAction(tr("&Restore from Backup…"));
    restore->setEnabled(m_store.isOpen());
    connect(restore, &QAction::triggered, this, [this] { openSettings(SettingsDialog::Page::Backups); });
    m_window->settingsAction()->setVisible(true);
    connect(m_window->settingsAction(), &QAction::triggered, this, [this] { openSettings(SettingsDialog::Page::General); });
}

// Off the UI thread: PRAGMA integrity_check on a connection of its own, then (only for a
// sound store) the day's backup and the rotation.
void CampusApplication::checkAndBackUpStore()
{
    const QString path = m_store.path();
    QThread *worker = QThread::create([this, path] {
        const QString verdict = StoreBackups::integrityCheck(path);
        QString error;
        if (verdict == u"ok")
            StoreBackups(path).rotate(QDate::currentDate(), &error);
        QMetaObject::invokeMethod(this, [this, verdict, error] {
            m_storeVerdict = verdict;
            if (m_settings)
                m_settings->setIntegrityVerdict(verdict);
            if (!error.isEmpty())
                printError(tr("The daily backup of your progress failed: %1").arg(error));
            if (verdict == u"ok")
                return;
            const QString message = tr("Your progress store failed its integrity check (%1). What you do now may not be "
                                       "saved correctly. Use File → Settings… → Backups to go back to a sound copy.")
                                        .arg(verdict);
            printError(message);
            if (m_window && m_options.screenshotFile.isEmpty())
                QMessageBox::warning(m_window.get(), tr("Progress store"), message);
        }, Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_storeCheck = worker;
    worker->start();
}

void CampusApplication::openSettings(SettingsDialog::Page page)
{
    if (!m_settings) {
        m_settings = new SettingsDialog(settingsFile(), m_store.path(), m_window.get());
        m_settings->setAttribute(Qt::WA_DeleteOnClose);
        // A screenshot does not start the check in the background: it is made here.
        m_settings->setIntegrityVerdict(m_options.screenshotFile.isEmpty() ? m_storeVerdict
                                                                           : StoreBackups::integrityCheck(m_store.path()));
        connect(m_settings, &SettingsDialog::paletteChosen, this, &CampusApplication::applyPalette);
        connect(m_settings, &SettingsDialog::confirmationChosen, this, &CampusApplication::applyConfirmation);
        connect(m_settings, &SettingsDialog::restoreRequested, this, &CampusApplication::restoreFromBackup);
    }
    m_settings->showPage(page);
    if (!m_options.screenshotFile.isEmpty()) {
        m_settings->setAttribute(Qt::WA_DontShowOnScreen, false);
        QTimer::singleShot(500, this, &CampusApplication::saveScreenshot);
    }
    m_settings->show();
    m_settings->raise();
}

void CampusApplication::restoreFromBackup(const QString &backupPath, const QDate &day)
{
    const StoreBackups backups(m_store.path());
    if (QMessageBox::question(m_settings, tr("Restore from backup"),
                              tr("Restore every profile's progress as it was on %1? What was recorded since is not "
                                 "deleted: the current store is kept beside it. PG Campus restarts to load the "
                                 "restored progress.")
                                  .arg(QLocale().toString(day, QLocale::LongFormat)))
        != QMessageBox::Yes)
        return;
    if (m_storeCheck)
        m_storeCheck->wait();
    const QString storePath = m_store.path();
    m_store.close();
    QString error;
    if (!backups.restore(backupPath, &error)) {
        m_store.open(storePath);
        QMessageBox::warning(m_settings, tr("Restore from backup"), error);
        return;
    }
    QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
    QCoreApplication::quit();
}

bool CampusApplication::openProfiles(qint64 learnerId)
{
    if (!m_store.isOpen()) {
        printError(m_store.errorString());
        return false;
    }
    auto *dialog = new ProfilesDialog(m_store, learnerId, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfilesDialog::openRequested, this, [this, dialog](qint64 id) {
        if (!askPin(id, dialog))
            return;
        // Everything in the window is the current learner's: PG Campus starts again as the other.
        m_store.markLearnerUsed(id);
        dialog->close();
        QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
        QCoreApplication::quit();
    });
    if (!m_options.screenshotFile.isEmpty()) {
        m_profiles = dialog;
        dialog->setAttribute(Qt::WA_DontShowOnScreen, false);
        QTimer::singleShot(500, this, &CampusApplication::saveScreenshot);
    }
    dialog->show();
    return true;
}

bool CampusApplication::askPin(qint64 learnerId, QWidget *parent)
{
    const std::optional<Learner> learner = m_store.learner(learnerId);
    if (!learner || !learner->hasPin)
        return true;
    for (int tries = 0; tries < 3; ++tries) {
        bool ok = false;
        const QString pin = QInputDialog::getText(parent, tr("PIN"),
                                                  tries == 0 ? tr("The PIN of the profile \"%1\":").arg(learner->name)
                                                             : tr("That is not the PIN of \"%1\". Try again:").arg(learner->name),
                                                  QLineEdit::Password, QString(), &ok);
        if (!ok)
            return false;
        if (m_store.checkPin(learnerId, pin))
            return true;
    }
    return false;
}

// The dashboard as the window's home page, its figures loaded again each time it is shown.
void CampusApplication::addHomePage(qint64 learnerId, const QString &language)
{
    const std::optional<Learner> learner = m_store.isOpen() ? m_store.learner(learnerId) : std::nullopt;
    if (!learner)
        return; // without the store there is nothing to show there
    m_dashboard = new DashboardView(learner->name, language);
    auto *page = new QScrollArea;
    page->setWidgetResizable(true);
    page->setFrameShape(QFrame::NoFrame);
    page->setWidget(m_dashboard);
    m_window->setHomePage(page);
    connect(m_window.get(), &MainWindow::homeShown, this, [this, learnerId] {
        m_dashboard->setData(DashboardData::load(m_store, m_library, learnerId, QDateTime::currentDateTime()));
    });
    connect(m_dashboard, &DashboardView::reviewRequested, this, [this, learnerId, language] { startReview(learnerId, language); });
    connect(m_dashboard, &DashboardView::continueRequested, this, [this, learnerId, language](const DashboardData::Next &next) {
        if (next.kind == DashboardData::Next::Kind::Exam) {
            resumeOpenExam(learnerId, language, false);
            return;
        }
        m_window->showWorkbench();
        m_courses->browserDock()->show();
        m_courses->open(next.packId, next.id);
    });
}

void CampusApplication::addExamMenu(qint64 learnerId, const QString &language)
{
    QMenuBar *bar = m_window->menuBar();
    QMenu *menu = new QMenu(tr("E&xams"), bar);
    bar->insertMenu(bar->actions().value(bar->actions().size() - 1), menu); // before Help
    for (const CoursePack &pack : m_library.packs()) {
        for (const ExamBlueprint &blueprint : pack.blueprints) {
            const QString title = blueprint.durationMinutes > 0
                ? tr("%1 (%n min)", nullptr, blueprint.durationMinutes).arg(inLanguage(blueprint.title, language))
                : inLanguage(blueprint.title, language);
            QAction *action = menu->addAction(title);
            action->setToolTip(inLanguage(blueprint.description, language));
            connect(action, &QAction::triggered, this, [this, &pack, &blueprint, learnerId, language] {
                startExam(pack, blueprint, learnerId, language);
            });
        }
    }
    if (menu->isEmpty())
        menu->addAction(tr("No exams in the courseware"))->setEnabled(false);
    for (const CoursePack &pack : m_library.packs()) {
        if (pack.banks.isEmpty())
            continue;
        QMenu *practice = menu->addMenu(tr("Practice: %1").arg(inLanguage(pack.title, language)));
        QAction *weakest = practice->addAction(tr("My Weakest Domains"));
        connect(weakest, &QAction::triggered, this, [this, &pack, learnerId, language] {
            const QStringList domains = weakestDomains(pack, learnerId);
            startDrill(pack, domains, {{QStringLiteral("en"), tr("my weakest domains")}}, learnerId, language);
        });
        practice->addSeparator();
        for (const QuestionBank &bank : pack.banks) {
            for (const QuestionDomain &domain : bank.domains) {
                connect(practice->addAction(inLanguage(domain.title, language)), &QAction::triggered, this,
                        [this, &pack, &domain, learnerId, language] {
                            startDrill(pack, {domain.id}, domain.title, learnerId, language);
                        });
            }
        }
    }
    menu->addSeparator();
    QAction *review = menu->addAction(tr("Review Queue"));
    connect(review, &QAction::triggered, this, [this, learnerId, language] { startReview(learnerId, language); });
    QAction *last = menu->addAction(tr("Last &Result"));
    connect(menu, &QMenu::aboutToShow, this, [this, review, learnerId] {
        const qsizetype due = m_store.isOpen() ? ReviewQueue::due(m_store, learnerId, QDateTime::currentDateTimeUtc()).size() : 0;
        review->setText(tr("Review Queue (%n due today)", nullptr, int(due)));
        review->setEnabled(due > 0);
    });
    connect(menu, &QMenu::aboutToShow, this, [this, last, learnerId] {
        const QList<ExamAttemptRecord> attempts = m_store.isOpen() ? m_store.examAttempts(learnerId) : QList<ExamAttemptRecord>();
        last->setEnabled(std::any_of(attempts.cbegin(), attempts.cend(),
                                     [](const ExamAttemptRecord &a) { return a.submittedAt.isValid() && a.mode == u"exam"; }));
    });
    connect(last, &QAction::triggered, this, [this, learnerId, language] {
        for (const ExamAttemptRecord &attempt : m_store.examAttempts(learnerId)) {
            if (attempt.submittedAt.isValid() && attempt.mode == u"exam") {
                openExamResult(attempt, language);
                return;
            }
        }
    });
}

void CampusApplication::startExam(const CoursePack &pack, const ExamBlueprint &blueprint, qint64 learnerId,
                                  const QString &language)
{
    if (m_exam && m_exam->isVisible() && !m_exam->session().isSubmitted()) {
        m_exam->raise();
        m_exam->activateWindow();
        return; // one exam at a time
    }
    int extraMinutes = 0;
    if (!examAllowedByClass(blueprint, &extraMinutes))
        return;
    ExamBlueprint timed = blueprint; // with the extra time the trainer gave, in a class
    if (timed.durationMinutes > 0)
        timed.durationMinutes += extraMinutes;
    const QString text = tr("Start \"%1\"? %2 questions, %3. The clock starts now and keeps running if you close the "
                            "window; nothing is shown right or wrong until you submit.")
                             .arg(inLanguage(blueprint.title, language))
                             .arg(blueprint.questionCount)
                             .arg(timed.durationMinutes > 0 ? tr("%n minute(s)", nullptr, timed.durationMinutes)
                                                            : tr("no time limit"));
    if (QMessageBox::question(m_window.get(), tr("Start the exam"), text) != QMessageBox::Yes)
        return;
    QString error;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::optional<ExamSession> session =
        ExamSession::start(m_store, pack, timed, learnerId, quint64(now.toMSecsSinceEpoch()), now, &error);
    if (!session) {
        QMessageBox::warning(m_window.get(), tr("Start the exam"), error);
        return;
    }
    showExam(std::move(*session), blueprint.title, language);
}

void CampusApplication::startDrill(const CoursePack &pack, const QStringList &domains, const LocalizedText &title,
                                   qint64 learnerId, const QString &language)
{
    QString error;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::optional<ExamSession> session =
        ExamSession::startDrill(m_store, pack, domains, 10, learnerId, quint64(now.toMSecsSinceEpoch()), now, &error);
    if (!session) {
        QMessageBox::warning(m_window.get(), tr("Practice"), error);
        return;
    }
    showExam(std::move(*session), title, language);
}

void CampusApplication::queueForReview(const ExamAttemptRecord &attempt)
{
    if (attempt.mode != u"exam")
        return; // drills and review sessions reschedule as they go
    if (const CoursePack *pack = m_library.pack(attempt.packId)) {
        const QList<ExamEventRecord> events = m_store.examEvents(attempt.attemptId);
        const ExamScore score = ExamScore::of(*pack, attempt, events, 0);
        if (!ReviewQueue::updateFromAttempt(m_store, *pack, attempt, events, score, attempt.submittedAt))
            printError(m_store.errorString());
    }
}

bool CampusApplication::startReview(qint64 learnerId, const QString &language)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<ReviewCardRecord> due = ReviewQueue::due(m_store, learnerId, now);
    QMap<QString, int> perPack;
    for (const ReviewCardRecord &card : due)
        perPack[card.packId] += 1;
    const CoursePack *pack = nullptr;
    for (auto it = perPack.cbegin(); it != perPack.cend(); ++it) {
        if (m_library.pack(it.key()) && (!pack || it.value() > perPack.value(pack->id)))
            pack = m_library.pack(it.key());
    }
    QString error = tr("Nothing is due for review today.");
    std::optional<ExamSession> session =
        pack ? ExamSession::startReview(m_store, *pack, due, learnerId, quint64(now.toMSecsSinceEpoch()), now, &error)
             : std::nullopt;
    if (!session) {
        printError(error);
        if (m_window && m_options.screenshotFile.isEmpty())
            QMessageBox::information(m_window.get(), tr("Review queue"), error);
        return false;
    }
    writeTo(stdout, QStringLiteral("review session: %1 questions due\n").arg(session->count()));
    showExam(std::move(*session), {{QStringLiteral("en"), tr("Review queue")}}, language);
    return true;
}

QStringList CampusApplication::weakestDomains(const CoursePack &pack, qint64 learnerId) const
{
    QMap<QString, ExamScore::Part> total;
    for (const ExamAttemptRecord &attempt : m_store.examAttempts(learnerId)) {
        if (attempt.packId != pack.id || !attempt.submittedAt.isValid())
            continue;
        const ExamScore score = ExamScore::of(pack, attempt, m_store.examEvents(attempt.attemptId), 0);
        for (auto it = score.byDomain.cbegin(); it != score.byDomain.cend(); ++it) {
            total[it.key()].points += it.value().points;
            total[it.key()].questions += it.value().questions;
        }
    }
    QStringList domains = total.keys();
    std::stable_sort(domains.begin(), domains.end(),
                     [&](const QString &a, const QString &b) { return total.value(a).percent() < total.value(b).percent(); });
    return domains.mid(0, 2);
}

bool CampusApplication::resumeOpenExam(qint64 learnerId, const QString &language, bool ask)
{
    const std::optional<ExamAttemptRecord> open = m_store.isOpen() ? m_store.openExamAttempt(learnerId) : std::nullopt;
    if (!open)
        return false;
    const CourseLibrary::FoundExam found = m_library.findExam(open->packId, open->blueprintId);
    const CoursePack *pack = found.pack;
    const ExamBlueprint *blueprint = found.blueprint;
    QString error;
    std::optional<ExamSession> session = blueprint ? ExamSession::resume(m_store, *pack, open->attemptId, &error) : std::nullopt;
    if (!session) {
        printError(error.isEmpty() ? tr("The open exam \"%1\" is no longer in the courseware.").arg(open->blueprintId) : error);
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int answered = session->count() - session->unansweredCount();
    if (session->timeIsUp(now)) {
        // The time ran out while the app was away: the answers given are what counts.
        session->submit(now);
        queueForReview(*m_store.examAttempt(open->attemptId));
        writeTo(stdout, QStringLiteral("submitted attempt %1: the time ran out; %2 answered, %3 flagged\n")
                            .arg(open->attemptId).arg(answered).arg(session->flaggedCount()));
        return openExamResult(*m_store.examAttempt(open->attemptId), language);
    }
    const int left = session->remainingSeconds(now);
    writeTo(stdout, QStringLiteral("resumed attempt %1: %2 answered, %3 flagged, %4 s left\n")
                        .arg(open->attemptId).arg(answered).arg(session->flaggedCount()).arg(left));
    if (ask
        && QMessageBox::question(m_window.get(), tr("Resume the exam"),
                                 tr("Your exam \"%1\" is still open: %2 of %3 questions answered, %4 left. Resume it now?")
                                     .arg(blueprint->title.value(language))
                                     .arg(answered)
                                     .arg(session->count())
                                     .arg(left < 0 ? tr("no time limit")
                                                   : tr("%1 min %2 s").arg(left / 60).arg(left % 60)),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
               != QMessageBox::Yes)
        return true; // it stays open: the clock runs, and it is offered again next time
    showExam(std::move(*session), blueprint->title, language);
    return true;
}

void CampusApplication::gradeSqlAnswers(const QString &attemptId, const QString &language)
{
    const int waiting = m_grading->gradeAttempt(attemptId, language);
    if (waiting == 0)
        return;
    startPracticeServer();
    if (m_result && m_result->attemptId() == attemptId)
        m_result->setGradingNote(tr("Grading %n SQL answer(s) in a sandbox on the practice server…", nullptr, waiting));
}

void CampusApplication::onAttemptGraded(const QString &attemptId, const QList<int> &positions, const QStringList &errors)
{
    const std::optional<ExamAttemptRecord> attempt = m_store.examAttempt(attemptId);
    const CoursePack *pack = attempt ? m_library.pack(attempt->packId) : nullptr;
    if (!pack)
        return;
    const QList<ExamEventRecord> events = m_store.examEvents(attemptId);
    if (attempt->mode == u"exam" && !positions.isEmpty()) {
        const ExamScore score = ExamScore::of(*pack, *attempt, events, 0);
        if (!ReviewQueue::updateFromAttempt(m_store, *pack, *attempt, events, score, attempt->submittedAt, positions))
            printError(m_store.errorString());
    }
    for (const QString &error : errors)
        printError(error);
    if (m_result && m_result->attemptId() == attemptId) {
        m_result->setEvents(events);
        if (const ExamBlueprint *blueprint = m_library.findExam(attempt->packId, attempt->blueprintId).blueprint)
            m_result->setHistory(ExamHistoryEntry::of(m_store, *pack, *blueprint, attempt->learnerId));
        m_result->setGradingNote(errors.isEmpty() ? QString()
                                                  : tr("Some SQL answers could not be graded: %1 They will be graded "
                                                       "when you open this result again.")
                                                        .arg(errors.join(u' ')));
    }
    if (m_screenshotAfterGrading)
        saveScreenshot();
}

bool CampusApplication::openExamResult(const ExamAttemptRecord &attempt, const QString &language)
{
    const auto [pack, blueprint] = m_library.findExam(attempt.packId, attempt.blueprintId);
    if (!blueprint) {
        printError(tr("The exam \"%1\" of that attempt is no longer in the courseware.").arg(attempt.blueprintId));
        return false;
    }
    m_result = std::make_unique<ExamResultView>(*pack, *blueprint, attempt, m_store.examEvents(attempt.attemptId), language);
    m_result->setWindowTitle(tr("Result: %1").arg(blueprint->title.value(language)));
    m_result->setHistory(ExamHistoryEntry::of(m_store, *pack, *blueprint, attempt.learnerId));
    m_result->resize(1200, 800);
    gradeSqlAnswers(attempt.attemptId, language);
    if (!m_options.screenshotFile.isEmpty()) {
        m_result->setFilter(ExamResultView::Filter::Wrong);
        m_result->setAttribute(Qt::WA_DontShowOnScreen, false);
        // A result whose SQL answers are being graded is shown graded.
        m_screenshotAfterGrading = m_grading->isBusy();
        QTimer::singleShot(m_screenshotAfterGrading ? ScreenshotTimeoutMs : 800, this, &CampusApplication::saveScreenshot);
    }
    m_result->show();
    return true;
}

void CampusApplication::saveScreenshot()
{
    if (m_screenshotTaken)
        return;
    m_screenshotTaken = true;
    // One more turn of the event loop so the last results are laid out and painted.
    QTimer::singleShot(200, this, [this] {
        QWidget *shown = m_classWindow ? static_cast<QWidget *>(m_classWindow.data())
            : m_settings           ? static_cast<QWidget *>(m_settings.data())
            : m_profiles            ? static_cast<QWidget *>(m_profiles.data())
            : m_result              ? static_cast<QWidget *>(m_result.get())
            : m_exam                ? static_cast<QWidget *>(m_exam.get())
                                    : static_cast<QWidget *>(m_window.get());
        QPixmap image = shown->grab();
        if (shown == m_window.get()) {
            // Popups (the completion list) are windows of their own: drawn where they stand.
            QPainter painter(&image);
            for (QWidget *popup : QApplication::topLevelWidgets()) {
                if (popup != shown && popup->isVisible() && (popup->windowType() == Qt::Popup || popup->windowType() == Qt::ToolTip))
                    painter.drawPixmap(shown->mapFromGlobal(popup->mapToGlobal(QPoint(0, 0))), popup->grab());
            }
        }
        if (m_confirmation && shown == m_exam.get()) {
            // A dialog is a window of its own: drawn where it stands over the exam.
            const QPixmap dialog = m_confirmation->grab();
            QPainter painter(&image);
            const int titleHeight = painter.fontMetrics().height() + 10;
            const QRect frame((image.width() - dialog.width()) / 2 - 1, (image.height() - dialog.height()) / 3 - titleHeight,
                              dialog.width() + 2, dialog.height() + titleHeight + 1);
            painter.fillRect(frame, m_confirmation->palette().color(QPalette::Mid));
            painter.setPen(m_confirmation->palette().color(QPalette::BrightText));
            painter.drawText(frame.adjusted(10, 0, 0, -dialog.height() - 1), Qt::AlignVCenter | Qt::AlignLeft,
                             m_confirmation->windowTitle());
            painter.drawPixmap(frame.left() + 1, frame.top() + titleHeight, dialog);
        }
        if (image.isNull() || !image.save(m_options.screenshotFile, "PNG")) {
            printError(tr("Could not save the screenshot to %1.").arg(m_options.screenshotFile));
            m_exitCode = 1;
        }
        QApplication::exit(m_exitCode);
    });
}

void CampusApplication::addClassMenu(const QString &language)
{
    QList<ClassProvisionDialog::Connection> connections;
    if (m_store.isOpen()) {
        for (const ConnectionProfile &profile : m_store.profiles())
            connections.append({profile.name, profile.conninfo});
    }
    connections.append({tr("Practice server"), m_server.connectionString()});
    m_classMenu = new ClassMenu(m_window.get(), m_library, connections, language);
    connect(m_classMenu, &ClassMenu::joined, this,
            [this, language](const ClassFile &file, const QString &login, const QString &password, const ClassLink::Joined &joined) {
                joinClass(file, login, password, joined, language);
            });
    connect(m_classMenu, &ClassMenu::leaveRequested, this, &CampusApplication::leaveClass);
    QMenuBar *bar = m_window->menuBar();
    bar->insertMenu(bar->actions().value(bar->actions().size() - 1), m_classMenu->menu()); // before Help
}

// A demo class on the practice server: the provisioning dialog after it made one, or the
// dashboard of one whose students have recorded results of every kind.
void CampusApplication::showClassSample(const QString &language)
{
    const QString conninfo = m_server.connectionString();
    if (m_options.view == u"class-provision") {
        ClassProvisionDialog *dialog = m_classMenu->openProvisioning();
        m_classWindow = dialog;
        dialog->conninfoField()->setText(conninfo);
        dialog->conninfoField()->setCursorPosition(0);
        dialog->titleField()->setText(language == u"zh_CN" ? QStringLiteral("数据库管理 1 班") : QStringLiteral("DBA course, group 1"));
        dialog->countField()->setValue(6);
        connect(dialog, &ClassProvisionDialog::provisioned, this, &CampusApplication::saveScreenshot);
        dialog->provision();
        return;
    }
    const QString id = Classroom::newClassId();
    QThread *worker = QThread::create([this, conninfo, id, language] {
        QString error;
        const int recorded = ClassDemo::make(conninfo, id, m_library, language, &error);
        QMetaObject::invokeMethod(
            this,
            [this, conninfo, id, recorded, error, language] {
                if (recorded < 0) {
                    printError(error);
                    saveScreenshot();
                    return;
                }
                if (m_options.view == u"class-student") {
                    showClassStudentSample(conninfo, id, language);
                    return;
                }
                ClassDashboard *dashboard = m_classMenu->openDashboard(conninfo, id);
                m_classWindow = dashboard;
                connect(dashboard->model(), &QAbstractItemModel::dataChanged, this, [this, dashboard, recorded] {
                    if (dashboard->model()->resultCount() < recorded)
                        return;
                    // The drill-down of a stuck student: their attempts and feedback.
                    for (int row = 0; row < dashboard->model()->rowCount(); ++row) {
                        for (int column = 0; column < dashboard->model()->columnCount(); ++column) {
                            if (dashboard->model()->cell(row, column) == ClassDashboardModel::Cell::Stuck
                                && !dashboard->grid()->currentIndex().isValid())
                                dashboard->grid()->setCurrentIndex(dashboard->model()->index(row, column));
                        }
                    }
                    QTimer::singleShot(300, this, &CampusApplication::saveScreenshot);
                });
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void CampusApplication::showPresenterSample()
{
    m_window->setAttribute(Qt::WA_DontShowOnScreen, false);
    m_window->show();
    const QList<const CourseItem *> items = m_library.packs().isEmpty()
        ? QList<const CourseItem *>{}
        : m_library.itemsInOrder(m_library.packs().first().id);
    for (const CourseItem *item : items) {
        if (item->kind == CourseItem::Kind::Lesson) {
            m_courses->open(QString(), item->id);
            break;
        }
    }
    m_window->presenterMode()->setZoom(175);
    m_window->presenterMode()->setOn(true);
    WorkbenchTab *tab = m_window->currentTab();
    connect(tab->session(), &QuerySession::opened, tab, [this] { m_window->runScriptAction()->trigger(); }, Qt::SingleShotConnection);
    connect(m_window.get(), &MainWindow::scriptFinished, this, &CampusApplication::saveScreenshot);
    connect(tab->session(), &QuerySession::openFailed, this, &CampusApplication::saveScreenshot);
    QTimer::singleShot(ScreenshotTimeoutMs, this, &CampusApplication::saveScreenshot);
}

void CampusApplication::joinClass(const ClassFile &file, const QString &login, const QString &password, const ClassLink::Joined &joined,
                                  const QString &language)
{
    leaveClass();
    // Results not on the class's server yet wait in this file, also across a restart.
    const QString pending = QDir(m_options.dataDirectory).filePath(QStringLiteral("class-results.json"));
    m_classLink = std::make_unique<ClassLink>(file, login, password, pending);
    m_classJoined = joined;
    connect(m_classLink.get(), &ClassLink::controlsChanged, this, &CampusApplication::applyClassControls);
    m_classLink->start();
    m_courses->setClass(m_classLink.get(), joined);
    m_classBar = new ClassBar(m_classLink.get(), m_library, language, m_window.get());
    connect(m_classBar, &ClassBar::openRequested, this, [this](const QString &itemId) { m_courses->open(QString(), itemId); });
    connect(m_classBar, &ClassBar::leaveRequested, this, &CampusApplication::leaveClass);
    m_window->addToolBarBreak(Qt::TopToolBarArea);
    m_window->addToolBar(Qt::TopToolBarArea, m_classBar);
    m_classMenu->leaveAction()->setEnabled(true);
    m_courses->browserDock()->show();
}

void CampusApplication::leaveClass()
{
    if (!m_classLink)
        return;
    m_courses->setClass(nullptr, {});
    if (m_classBar) {
        m_window->removeToolBar(m_classBar);
        m_classBar->deleteLater();
    }
    m_classLink.reset(); // what was not sent stays in the file for the next time
    m_classJoined = {};
    m_classMenu->leaveAction()->setEnabled(false);
}

void CampusApplication::applyClassControls()
{
    if (!m_classLink || !m_exam || m_exam->session().isSubmitted())
        return;
    const ExamAttemptRecord &attempt = m_exam->session().record();
    if (!m_classJoined.exams.contains(attempt.blueprintId))
        return;
    const QHash<QString, QString> controls = m_classLink->controls();
    m_exam->setLocked(controls.value(Classroom::examLockedKey(attempt.blueprintId)) == u"true",
                      tr("Your trainer has paused this exam: answers wait until they unlock it. The clock keeps running; "
                         "your trainer can give you extra time."));
    const int extra = controls.value(Classroom::extraMinutesKey(m_classLink->login(), attempt.blueprintId)).toInt();
    const CourseLibrary::FoundExam found = m_library.findExam(attempt.packId, attempt.blueprintId);
    if (found.blueprint && found.blueprint->durationMinutes > 0 && extra > 0)
        m_exam->extendTo((found.blueprint->durationMinutes + extra) * 60);
}

bool CampusApplication::examAllowedByClass(const ExamBlueprint &blueprint, int *extraMinutes)
{
    *extraMinutes = 0;
    if (!m_classLink || !m_classJoined.exams.contains(blueprint.id))
        return true;
    const QHash<QString, QString> controls = m_classLink->controls();
    if (controls.value(Classroom::examLockedKey(blueprint.id)) == u"true") {
        QMessageBox::information(m_window.get(), tr("Exam locked"),
                                 tr("Your trainer has locked this exam for now: it opens when they unlock it."));
        return false;
    }
    *extraMinutes = controls.value(Classroom::extraMinutesKey(m_classLink->login(), blueprint.id)).toInt();
    return true;
}

// class-student: the demo class joined as its first student (through the class file's
// fields and the card's login), the trainer following a lesson, a class lab open on the
// student's sandbox on the class's server.
void CampusApplication::showClassStudentSample(const QString &trainerConninfo, const QString &classId, const QString &language)
{
    QString error;
    const std::optional<QList<ClassStudent>> students = Classroom(trainerConninfo, classId).students(&error);
    const ClassFile file = ClassFile::forServer(
        trainerConninfo, classId, language == u"zh_CN" ? QStringLiteral("数据库管理 1 班") : QStringLiteral("DBA course, group 1"));
    const std::optional<ClassLink::Joined> joined =
        students ? ClassLink::join(file, students->first().login, students->first().password, &error) : std::nullopt;
    if (!joined) {
        printError(error);
        saveScreenshot();
        return;
    }
    const QList<const CourseItem *> items = m_library.itemsInOrder(m_library.find(ClassDemo::labIds().first()).pack->id);
    Classroom(trainerConninfo, classId).setControl(Classroom::followKey(), items.first()->id, &error);
    joinClass(file, students->first().login, students->first().password, *joined, language);
    connect(m_classLink.get(), &ClassLink::controlsChanged, this, [this] {
        if (!m_classBar->followText().isEmpty())
            m_courses->open(QString(), ClassDemo::labIds().first());
    });
    connect(m_courses, &CourseDocks::labReady, this, [this] { QTimer::singleShot(500, this, &CampusApplication::saveScreenshot); });
    connect(m_courses, &CourseDocks::labFailed, this, &CampusApplication::saveScreenshot);
}
