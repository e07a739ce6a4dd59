#include "connectiondialog.h"
#include "connectioninfo.h"
#include "explainview.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "presentermode.h"
#include "progressstore.h"
#include "messagespane.h"
#include "querysession.h"
#include "resultgrid.h"
#include "sqleditor.h"
#include "throwawayserver.h"
#include "workbenchtab.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QDirIterator>
#include <QInputDialog>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void typedQueryShowsRowsInGrid();
    void ctrlEnterRunsTheStatementUnderTheCursor();
    void eachResultSetGetsATab();
    void errorIsMarkedInTheEditor();
    void errorInASelectionPointsIntoTheEditor();
    void clickingAMessageJumpsToItsPlace();
    void noticesArriveInOrder();
    void escapeCancelsARunningQuery();
    void transactionIsAlwaysVisible();
    void autocommitOffBeginsATransaction();
    void closingATabWithAnOpenTransactionAsks();
    void lostConnectionKeepsTheEditorAndOffersReconnect();
    void statusBarShowsConnectionAndVersion();
    void statementsGoToTheHistory();
    void filesOpenAndSave();
    void tabsComeBackFromTheStore();
    void connectionDialogChecksWithLibpq();
    void testConnectionShowsWhereItGot();
    void readOnlyProfileRefusesChanges();
    void passwordIsAskedAndNeverWrittenDown();
    void homePageAndWorkbenchTakeTurns();
    void metaCommandsShowWhatPsqlShows();
    void explainAnalyzeChangesNothing();
    void explainErrorIsMarkedInTheStatement();
    void destructiveStatementsAreConfirmed();
    void completionOffersColumnsThroughAnAlias();
    void presenterModeEnlargesAndPutsBack();

private:
    WorkbenchTab *tab() const { return m_window->currentTab(); }
    void typeScript(const QString &sql);
    bool runWith(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // The editor's cursor is on the error the server pointed at, which is marked.
    void expectErrorMarkAt(int line, int index);
    // Answers the next message box with the button whose text is given.
    void answerNextMessageBox(const QString &button);

    ThrowawayServer m_server;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_MainWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy opened(tab()->session(), &QuerySession::opened);
    m_window->setDefaultConnection(QStringLiteral("Practice server"), m_server.connectionString());
    QVERIFY(opened.wait(30000));
}

void tst_MainWindow::cleanup()
{
    for (int i = 0; i < m_window->tabCount(); ++i)
        m_window->tab(i)->session()->close(); // no open transaction left to ask about
    m_window.reset();
}

void tst_MainWindow::typeScript(const QString &sql)
{
    SqlEditor *editor = tab()->editor();
    editor->setFocus();
    QTRY_VERIFY(editor->hasFocus());
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Delete);
    const QStringList lines = sql.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, lines.at(i));
    }
    QCOMPARE(editor->text(), sql);
}

bool tst_MainWindow::runWith(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    QTest::keyClick(tab()->editor(), key, modifiers);
    return finished.wait(30000);
}

void tst_MainWindow::expectErrorMarkAt(int line, int index)
{
    int atLine = -1;
    int atIndex = -1;
    tab()->editor()->getCursorPosition(&atLine, &atIndex);
    QCOMPARE(atLine, line);
    QCOMPARE(atIndex, index);
    QVERIFY(tab()->editor()->hasErrorMark());
}

void tst_MainWindow::answerNextMessageBox(const QString &button)
{
    QTimer::singleShot(0, this, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (QAbstractButton *b : box->buttons()) {
            if (b->text() == button) {
                b->click();
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no button ") + button));
    });
}

void tst_MainWindow::typedQueryShowsRowsInGrid()
{
    typeScript(QStringLiteral("SELECT g AS n, repeat('x', g) AS xs FROM generate_series(1, 4) g"));
    QVERIFY(runWith(Qt::Key_F5));
    QCOMPARE(tab()->resultCount(), 1);
    const QAbstractItemModel *model = tab()->resultView()->model();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->columnCount(), 2);
    QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("xs\ntext"));
    QCOMPARE(model->index(3, 1).data().toString(), QStringLiteral("xxxx"));
    QCOMPARE(tab()->outputTabs()->tabText(0), QStringLiteral("Result 1 (4 rows)"));
    QVERIFY(tab()->messages()->toPlainText().contains(QStringLiteral("SELECT 4")));
}

void tst_MainWindow::ctrlEnterRunsTheStatementUnderTheCursor()
{
    typeScript(QStringLiteral("SELECT 'one' AS n;\nSELECT 'two' AS n;\nSELECT 'three' AS n;"));
    tab()->editor()->setCursorPosition(1, 3);
    QVERIFY(runWith(Qt::Key_Return, Qt::ControlModifier));
    QCOMPARE(tab()->resultCount(), 1);
    QCOMPARE(tab()->resultView()->model()->index(0, 0).data().toString(), QStringLiteral("two"));
    QCOMPARE(tab()->editor()->text(), QStringLiteral("SELECT 'one' AS n;\nSELECT 'two' AS n;\nSELECT 'three' AS n;"));
}

void tst_MainWindow::eachResultSetGetsATab()
{
    typeScript(QStringLiteral("SELECT 1 AS a;\nCREATE TEMP TABLE t (n int);\nSELECT 2 AS b, 3 AS c;\nSELECT 'x' AS d;"));
    QVERIFY(runWith(Qt::Key_F5));
    QCOMPARE(tab()->resultCount(), 3);
    QCOMPARE(tab()->resultView(1)->model()->columnCount(), 2);
    QCOMPARE(tab()->resultView(2)->model()->index(0, 0).data().toString(), QStringLiteral("x"));
    QCOMPARE(tab()->outputTabs()->count(), 4); // three results and the messages
    QVERIFY(tab()->messages()->toPlainText().contains(QStringLiteral("CREATE TABLE")));
}

void tst_MainWindow::errorIsMarkedInTheEditor()
{
    typeScript(QStringLiteral("SELECT 1;\nSELECT nope FROM pg_class;"));
    QVERIFY(runWith(Qt::Key_F5));
    const QString messages = tab()->messages()->toPlainText();
    QVERIFY2(messages.contains(QStringLiteral("column \"nope\" does not exist")), qPrintable(messages));
    QVERIFY(messages.contains(QStringLiteral("42703")));
    QVERIFY2(messages.contains(QStringLiteral("(line 2)")), qPrintable(messages));
    expectErrorMarkAt(1, 7);
    QCOMPARE(tab()->outputTabs()->currentWidget(), tab()->messages());
}

void tst_MainWindow::errorInASelectionPointsIntoTheEditor()
{
    tab()->editor()->setText(QStringLiteral("-- 数据库 first\nSELECT 1;\nSELECT 2,\n  missing_column;"));
    tab()->editor()->setSelection(2, 0, 3, 17); // the second statement only
    QVERIFY(runWith(Qt::Key_F5));
    int line = -1;
    int index = -1;
    tab()->editor()->getCursorPosition(&line, &index);
    QCOMPARE(line, 3);
    QCOMPARE(index, 2);
}

void tst_MainWindow::clickingAMessageJumpsToItsPlace()
{
    typeScript(QStringLiteral("SELECT 1;\n\nSELECT nope;"));
    QVERIFY(runWith(Qt::Key_F5));
    tab()->editor()->setCursorPosition(0, 0);
    MessagesPane *pane = tab()->messages();
    QListWidgetItem *error = nullptr;
    for (int i = 0; i < pane->count(); ++i) {
        if (pane->item(i)->text().contains(QStringLiteral("42703")))
            error = pane->item(i);
    }
    QVERIFY(error);
    QVERIFY(error->text().contains(QStringLiteral("(line 3)")));
    pane->scrollToItem(error);
    QTest::mouseClick(pane->viewport(), Qt::LeftButton, {}, pane->visualItemRect(error).center());
    int line = -1;
    int index = -1;
    tab()->editor()->getCursorPosition(&line, &index);
    QCOMPARE(line, 2);
    QCOMPARE(index, 7); // where the server pointed
}

void tst_MainWindow::noticesArriveInOrder()
{
    typeScript(QStringLiteral("DO $$ BEGIN RAISE NOTICE 'first'; RAISE WARNING 'second'; RAISE NOTICE 'third'; END $$;"));
    QVERIFY(runWith(Qt::Key_F5));
    const QString text = tab()->messages()->toPlainText();
    const qsizetype first = text.indexOf(QStringLiteral("first"));
    const qsizetype second = text.indexOf(QStringLiteral("second"));
    const qsizetype third = text.indexOf(QStringLiteral("third"));
    QVERIFY2(first >= 0 && first < second && second < third, qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("WARNING")));
    QVERIFY(text.indexOf(QStringLiteral("DO")) > third);
}

void tst_MainWindow::escapeCancelsARunningQuery()
{
    typeScript(QStringLiteral("SELECT pg_sleep(60);"));
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    QTest::keyClick(tab()->editor(), Qt::Key_F5);
    QTRY_VERIFY(m_window->cancelAction()->isEnabled());
    QTest::qWait(300);
    QElapsedTimer timer;
    timer.start();
    QTest::keyClick(tab()->editor(), Qt::Key_Escape);
    QVERIFY(finished.wait(5000));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(tab()->messages()->toPlainText().contains(QStringLiteral("57014")));
    QVERIFY(!m_window->cancelAction()->isEnabled());
    QVERIFY(m_window->runScriptAction()->isEnabled());
}

void tst_MainWindow::transactionIsAlwaysVisible()
{
    QLabel *label = m_window->transactionLabel();
    QCOMPARE(label->text(), QStringLiteral("No transaction"));
    QVERIFY(!m_window->commitAction()->isEnabled());
    typeScript(QStringLiteral("BEGIN;"));
    QVERIFY(runWith(Qt::Key_F5));
    QCOMPARE(label->text(), QStringLiteral("In transaction"));
    QVERIFY(m_window->commitAction()->isEnabled());
    typeScript(QStringLiteral("SELECT 1/0;"));
    QVERIFY(runWith(Qt::Key_F5));
    QCOMPARE(label->text(), QStringLiteral("Failed transaction"));
    typeScript(QStringLiteral("SELECT 1;"));
    QVERIFY(runWith(Qt::Key_F5));
    QVERIFY(tab()->messages()->toPlainText().contains(QStringLiteral("Roll back")));
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    m_window->rollbackAction()->trigger();
    QVERIFY(finished.wait(10000));
    QCOMPARE(label->text(), QStringLiteral("No transaction"));
}

void tst_MainWindow::autocommitOffBeginsATransaction()
{
    m_window->autocommitAction()->setChecked(false);
    typeScript(QStringLiteral("CREATE TABLE kept_or_not (n int);"));
    QVERIFY(runWith(Qt::Key_F5));
    QCOMPARE(m_window->transactionLabel()->text(), QStringLiteral("In transaction"));
    QCOMPARE(queryScalar(m_server.connectionString(),
                         QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'kept_or_not'")),
             QStringLiteral("0")); // not visible outside before the commit
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    m_window->commitAction()->trigger();
    QVERIFY(finished.wait(10000));
    QCOMPARE(queryScalar(m_server.connectionString(),
                         QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'kept_or_not'")),
             QStringLiteral("1"));
    queryScalar(m_server.connectionString(), QStringLiteral("DROP TABLE kept_or_not"));
}

void tst_MainWindow::closingATabWithAnOpenTransactionAsks()
{
    typeScript(QStringLiteral("BEGIN; CREATE TABLE never_committed (n int);"));
    QVERIFY(runWith(Qt::Key_F5));
    answerNextMessageBox(QStringLiteral("Keep Open"));
    QVERIFY(!m_window->closeTab(0));
    QCOMPARE(m_window->tabCount(), 1);
    QVERIFY(tab()->hasOpenTransaction());
    answerNextMessageBox(QStringLiteral("Roll Back"));
    QVERIFY(m_window->closeTab(0));
    QTRY_COMPARE(queryScalar(m_server.connectionString(),
                             QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in%'")),
                 QStringLiteral("0"));
    QCOMPARE(queryScalar(m_server.connectionString(),
                         QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'never_committed'")),
             QStringLiteral("0"));
}

void tst_MainWindow::lostConnectionKeepsTheEditorAndOffersReconnect()
{
    const QString script = QStringLiteral("SELECT pg_terminate_backend(pg_backend_pid());");
    typeScript(script);
    QVERIFY(runWith(Qt::Key_F5));
    QCOMPARE(tab()->session()->state(), QuerySession::State::Disconnected);
    QCOMPARE(tab()->editor()->text(), script);
    QVERIFY(m_window->reconnectAction()->isEnabled());
    QVERIFY(!m_window->runScriptAction()->isEnabled());
    QSignalSpy opened(tab()->session(), &QuerySession::opened);
    m_window->reconnectAction()->trigger();
    QVERIFY(opened.wait(30000));
    typeScript(QStringLiteral("SELECT 'back'"));
    QVERIFY(runWith(Qt::Key_F5));
    QCOMPARE(tab()->resultView()->model()->index(0, 0).data().toString(), QStringLiteral("back"));
}

void tst_MainWindow::statusBarShowsConnectionAndVersion()
{
    const QList<QLabel *> labels = m_window->statusBar()->findChildren<QLabel *>();
    QStringList texts;
    for (const QLabel *label : labels)
        texts << label->text();
    const QString all = texts.join(u' ');
    QVERIFY2(all.contains(QStringLiteral("Practice server: postgres@postgres")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("PostgreSQL 17")), qPrintable(all));
    QVERIFY(m_window->runScriptAction()->isEnabled());

    // A second tab has a connection of its own.
    WorkbenchTab *second = m_window->addTab();
    QSignalSpy opened(second->session(), &QuerySession::opened);
    QVERIFY(opened.wait(30000));
    QCOMPARE(m_window->tabCount(), 2);
    QVERIFY(second->session() != m_window->tab(0)->session());
}

void tst_MainWindow::statementsGoToTheHistory()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    const qint64 learner = store.defaultLearner(QStringLiteral("ada")).id;
    m_window->setProgressStore(&store, learner);
    typeScript(QStringLiteral("SELECT 'first' AS a;\nSELECT nope;"));
    QVERIFY(runWith(Qt::Key_F5));
    const QList<HistoryEntry> history = store.history(learner);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).statement, QStringLiteral("SELECT nope;"));
    QCOMPARE(history.at(0).status, HistoryEntry::Status::Error);
    QCOMPARE(history.at(0).sqlState, QStringLiteral("42703"));
    QCOMPARE(history.at(1).rows, 1);
    QCOMPARE(history.at(1).connection, QStringLiteral("Practice server"));

    HistoryPanel *panel = m_window->history();
    QCOMPARE(panel->list()->topLevelItemCount(), 2);
    panel->searchField()->setText(QStringLiteral("FIRST"));
    QCOMPARE(panel->list()->topLevelItemCount(), 1);
    panel->list()->setCurrentItem(panel->list()->topLevelItem(0));
    QCOMPARE(panel->selectedStatement(), QStringLiteral("SELECT 'first' AS a;"));
    m_window->setProgressStore(nullptr, 0);
}

void tst_MainWindow::filesOpenAndSave()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab1.sql"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\xef\xbb\xbfSELECT '数据库';\n"); // a byte-order mark is dropped
    file.close();
    QVERIFY(m_window->openFile(path));
    WorkbenchTab *opened = tab();
    QCOMPARE(opened->editor()->text(), QStringLiteral("SELECT '数据库';\n"));
    QCOMPARE(opened->title(), QStringLiteral("lab1.sql"));
    opened->editor()->append(QStringLiteral("SELECT 2;\n"));
    QCOMPARE(opened->title(), QStringLiteral("lab1.sql*"));
    QString error;
    QVERIFY2(opened->saveFile(path, &error), qPrintable(error));
    QCOMPARE(opened->title(), QStringLiteral("lab1.sql"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("SELECT '数据库';\nSELECT 2;\n"));
    QVERIFY(!opened->openFile(dir.filePath(QStringLiteral("missing.sql")), &error));
    QVERIFY(error.contains(QStringLiteral("missing.sql")));
}

void tst_MainWindow::tabsComeBackFromTheStore()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    const qint64 learner = store.defaultLearner(QStringLiteral("ada")).id;
    QCOMPARE(m_window->setProgressStore(&store, learner), 0);
    tab()->editor()->setText(QStringLiteral("SELECT 'kept';"));
    WorkbenchTab *second = m_window->addTab();
    second->editor()->setText(QStringLiteral("-- second tab"));
    m_window->autosave();

    MainWindow again;
    QCOMPARE(again.setProgressStore(&store, learner), 2);
    QCOMPARE(again.tabCount(), 2);
    QCOMPARE(again.tab(0)->editor()->text(), QStringLiteral("SELECT 'kept';"));
    QCOMPARE(again.tab(1)->editor()->text(), QStringLiteral("-- second tab"));
    QCOMPARE(again.tab(1)->bufferId(), second->bufferId());

    QVERIFY(m_window->closeTab(1)); // a closed tab is gone from the store
    QCOMPARE(store.buffers(learner).size(), 1);
    m_window->setProgressStore(nullptr, 0);
}

void tst_MainWindow::connectionDialogChecksWithLibpq()
{
    ConnectionDialog dialog({});
    dialog.nameField()->setText(QStringLiteral("Classroom"));
    dialog.conninfoField()->setText(QStringLiteral("hots=db.school.example"));
    QVERIFY2(dialog.validationError().contains(QStringLiteral("invalid connection option \"hots\"")),
             qPrintable(dialog.validationError()));
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());
    dialog.conninfoField()->setText(QStringLiteral("postgresql://ada:typed-secret@db.school.example/lab"));
    dialog.sslModeField()->setCurrentText(QStringLiteral("verify-full"));
    dialog.rootCertificateField()->setText(QStringLiteral("/etc/ssl/school-ca.pem"));
    QCOMPARE(dialog.validationError(), QString());
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());
    const ConnectionInfo info(dialog.profile().conninfo);
    QCOMPARE(info.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
    QCOMPARE(info.value(QStringLiteral("sslrootcert")), QStringLiteral("/etc/ssl/school-ca.pem"));
    QCOMPARE(info.value(QStringLiteral("dbname")), QStringLiteral("lab"));
    QVERIFY(!info.hasPassword());

    ConnectionDialog again(dialog.profile()); // SSL settings come back in their own fields
    QCOMPARE(again.sslModeField()->currentText(), QStringLiteral("verify-full"));
    QCOMPARE(again.rootCertificateField()->text(), QStringLiteral("/etc/ssl/school-ca.pem"));
    QVERIFY(!again.conninfoField()->text().contains(QStringLiteral("sslmode")));
}

void tst_MainWindow::testConnectionShowsWhereItGot()
{
    ConnectionDialog dialog({});
    dialog.nameField()->setText(QStringLiteral("Practice"));
    dialog.conninfoField()->setText(m_server.connectionString());
    QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
    dialog.testConnection();
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.first().first().toBool());
    const QString text = dialog.testResult()->text();
    QVERIFY2(text.contains(QStringLiteral("PostgreSQL 17")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("as postgres, database postgres")));
    QVERIFY(text.contains(QStringLiteral("TLS: not in use")));

    dialog.conninfoField()->setText(QStringLiteral("host=/nonexistent-socket-dir port=1"));
    finished.clear();
    dialog.testConnection();
    QVERIFY(finished.count() == 1 || finished.wait(30000));
    QVERIFY(!finished.first().first().toBool());
    QVERIFY(dialog.testResult()->text().contains(QStringLiteral("nonexistent-socket-dir")));
}

void tst_MainWindow::readOnlyProfileRefusesChanges()
{
    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    m_window->setProgressStore(&store, store.defaultLearner(QStringLiteral("ada")).id);
    const ConnectionProfile profile{QStringLiteral("ro"), QStringLiteral("Production (read-only)"),
                                    m_server.connectionString(), QStringLiteral("#d03030"), true, false};
    QVERIFY(store.saveProfile(profile));
    QSignalSpy opened(tab()->session(), &QuerySession::opened);
    m_window->connectCurrentTab(store.profiles().first());
    QVERIFY(opened.wait(30000));
    QVERIFY(!m_window->findChild<QTabWidget *>(QStringLiteral("editorTabs"))->tabIcon(0).isNull()); // the colour tag
    typeScript(QStringLiteral("CREATE TABLE not_on_production (n int);"));
    QVERIFY(runWith(Qt::Key_F5));
    QVERIFY2(tab()->messages()->toPlainText().contains(QStringLiteral("25006")), qPrintable(tab()->messages()->toPlainText()));
    QVERIFY(m_window->statusBar()->findChildren<QLabel *>().size() > 0);
    m_window->setProgressStore(nullptr, 0);
}

void tst_MainWindow::passwordIsAskedAndNeverWrittenDown()
{
    const QString admin = m_server.connectionString();
    const QString secret = QStringLiteral("Otter-93-secret");
    QString error;
    QVERIFY2(m_server.addPasswordRole(QStringLiteral("pwlearner"), secret, &error), qPrintable(error));

    QTemporaryDir dir;
    ProgressStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("progress.sqlite"))));
    m_window->setProgressStore(&store, store.defaultLearner(QStringLiteral("ada")).id);
    const ConnectionProfile profile{QStringLiteral("pw"), QStringLiteral("Needs a password"),
                                    ConnectionInfo(admin).with(QStringLiteral("user"), QStringLiteral("pwlearner")), {},
                                    false, true};
    QVERIFY(store.saveProfile(profile));

    bool asked = false;
    auto answer = std::make_shared<std::function<void()>>();
    *answer = [&, answer] {
        if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            asked = true;
            dialog->setTextValue(secret);
            dialog->accept();
            return;
        }
        QTimer::singleShot(50, this, *answer);
    };
    QTimer::singleShot(50, this, *answer);
    QSignalSpy opened(tab()->session(), &QuerySession::opened);
    m_window->connectCurrentTab(profile);
    QVERIFY(opened.wait(30000));
    QVERIFY(asked);
    QCOMPARE(tab()->session()->user(), QStringLiteral("pwlearner"));

    // Without a keychain here the password is kept nowhere, and the learner is told so.
    QTRY_VERIFY_WITH_TIMEOUT(tab()->messages()->toPlainText().contains(QStringLiteral("system keychain")), 30000);
    m_window->autosave();
    store.close();
    for (const QString &place : {dir.path(), QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                                 QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)}) {
        QDirIterator files(place, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            if (f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
    }
    m_window->setProgressStore(nullptr, 0);
}


// The home page is shown by its action and shortcuts, and gives way to the workbench
// whenever a tab is opened or a statement is run, so nothing runs out of sight.
void tst_MainWindow::homePageAndWorkbenchTakeTurns()
{
    QVERIFY(!m_window->homeAction()->isVisible()); // no home page, no way to it
    auto *home = new QLabel(QStringLiteral("home"));
    m_window->setHomePage(home);
    QVERIFY(m_window->homeAction()->isVisible());
    QVERIFY(!m_window->isHomeShown());

    QSignalSpy shown(m_window.get(), &MainWindow::homeShown);
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QVERIFY(m_window->isHomeShown());
    QVERIFY(home->isVisible());
    QVERIFY(!tab()->isVisible());
    QCOMPARE(shown.count(), 1);
    m_window->showHome(); // already in front: not loaded again
    QCOMPARE(shown.count(), 1);

    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QVERIFY(!m_window->isHomeShown());
    QVERIFY(m_window->workbenchAction()->isChecked());
    QTest::keyClick(m_window.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_window->isHomeShown());
    QVERIFY(m_window->homeAction()->isChecked());
    QCOMPARE(shown.count(), 2);

    tab()->editor()->setText(QStringLiteral("SELECT 42 AS answer"));
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(!m_window->isHomeShown());
    QVERIFY(finished.wait(30000));
    QCOMPARE(tab()->resultView()->model()->index(0, 0).data().toString(), QStringLiteral("42"));

    m_window->showHome();
    WorkbenchTab *added = m_window->addTab();
    QVERIFY(!m_window->isHomeShown());
    QCOMPARE(tab(), added);
    m_window->showHome();
    QVERIFY(m_window->showTab(m_window->tab(0)));
    QVERIFY(!m_window->isHomeShown());
}

// \d in the editor shows psql's description in a tab of its own, \x turns the next
// result's grid to the expanded display, and catalog queries can be shown.
void tst_MainWindow::metaCommandsShowWhatPsqlShows()
{
    m_window->showCatalogQueriesAction()->setChecked(true);
    tab()->editor()->setText(QStringLiteral("CREATE TEMP TABLE gadgets (id int PRIMARY KEY, name text NOT NULL);\n"
                                            "\\d gadgets\n"
                                            "\\x\n"
                                            "SELECT 1 AS a, 2 AS b;\n"
                                            "\\dt nothing_here\n"));
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    m_window->runScriptAction()->trigger();
    QVERIFY(finished.wait(30000));
    QTabWidget *tabs = tab()->outputTabs();
    QCOMPARE(tabs->count(), 3); // the description, the result, Messages
    QCOMPARE(tabs->currentIndex(), 0); // the first output is in front
    QVERIFY2(tabs->tabText(0).startsWith(QStringLiteral("Table \"pg_temp_")), qPrintable(tabs->tabText(0)));
    auto *description = qobject_cast<QPlainTextEdit *>(tabs->widget(0));
    QVERIFY(description);
    const QString text = description->toPlainText();
    QVERIFY2(text.contains(QStringLiteral(" name   | text    |           | not null | ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Indexes:\n    \"gadgets_pkey\" PRIMARY KEY, btree (id)")), qPrintable(text));
    QCOMPARE(tab()->resultCount(), 1);
    QVERIFY(tab()->resultView()->isExpanded());
    const QString messages = tab()->messages()->toPlainText();
    QVERIFY2(messages.contains(QStringLiteral("Expanded display is on.")), qPrintable(messages));
    QVERIFY2(messages.contains(QStringLiteral("Did not find any relation named \"nothing_here\".")), qPrintable(messages));
    QVERIFY2(messages.contains(QStringLiteral("Catalog query:")) && messages.contains(QStringLiteral("pg_catalog.pg_attribute")),
             qPrintable(messages));
    QVERIFY(!messages.contains(QStringLiteral("skipped")));
}

// Explain Analyze of a DELETE shows the plan of what it did, and the rows are all still
// there; inside an open transaction it goes through a savepoint and leaves the transaction
// (and what it did before) as it was.
void tst_MainWindow::explainAnalyzeChangesNothing()
{
    const auto count = [this] {
        tab()->editor()->setText(QStringLiteral("SELECT count(*) FROM explained_items;"));
        return runWith(Qt::Key_F5) ? tab()->resultView()->model()->index(0, 0).data().toString() : QString();
    };
    tab()->editor()->setText(QStringLiteral("CREATE TEMP TABLE explained_items AS SELECT g FROM generate_series(1, 500) g;"));
    QVERIFY(runWith(Qt::Key_F5));
    QCOMPARE(count(), QStringLiteral("500"));

    tab()->editor()->setText(QStringLiteral("SELECT 1;\nDELETE FROM explained_items WHERE g > 10;\n"));
    tab()->editor()->setCursorPosition(1, 3);
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    m_window->explainAnalyzeAction()->trigger();
    QVERIFY(finished.wait(30000));
    auto *plan = qobject_cast<ExplainView *>(tab()->outputTabs()->currentWidget());
    QVERIFY(plan);
    QCOMPARE(plan->plan().root().label, QStringLiteral("Delete on explained_items"));
    QVERIFY(plan->plan().isAnalyzed());
    QCOMPARE(plan->plan().root().children.first().actualRows, 490.0);
    QVERIFY2(tab()->messages()->toPlainText().contains(QStringLiteral("nothing it changed was kept")),
             qPrintable(tab()->messages()->toPlainText()));
    QVERIFY(!plan->detailsText().isEmpty());
    QVERIFY(plan->planText().startsWith(QStringLiteral("Delete on explained_items")));
    QCOMPARE(tab()->session()->transactionState(), TransactionState::Idle);
    QCOMPARE(count(), QStringLiteral("500"));

    tab()->editor()->setText(QStringLiteral("BEGIN; INSERT INTO explained_items VALUES (0);"));
    QVERIFY(runWith(Qt::Key_F5));
    tab()->editor()->setText(QStringLiteral("UPDATE explained_items SET g = -g;"));
    m_window->explainAnalyzeAction()->trigger();
    QVERIFY(finished.wait(30000));
    QVERIFY(qobject_cast<ExplainView *>(tab()->outputTabs()->currentWidget()));
    QCOMPARE(tab()->session()->transactionState(), TransactionState::InTransaction);
    QCOMPARE(count(), QStringLiteral("501"));
    tab()->editor()->setText(QStringLiteral("SELECT count(*) FROM explained_items WHERE g < 0;"));
    QVERIFY(runWith(Qt::Key_F5));
    QCOMPARE(tab()->resultView()->model()->index(0, 0).data().toString(), QStringLiteral("0"));
    tab()->rollback();
    QTRY_COMPARE(tab()->session()->transactionState(), TransactionState::Idle);
}

void tst_MainWindow::explainErrorIsMarkedInTheStatement()
{
    tab()->editor()->setText(QStringLiteral("SELECT 1;\nSELECT nope FROM pg_class;"));
    tab()->editor()->setCursorPosition(1, 2);
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    m_window->explainAction()->trigger();
    QVERIFY(finished.wait(30000));
    expectErrorMarkAt(1, 7);
    QCOMPARE(tab()->session()->transactionState(), TransactionState::Idle);
}

// On a connection that is not the learner's own (a service, a saved profile) a DELETE
// without WHERE asks first, and No runs nothing of the script; on the practice server it
// does not ask unless the setting says everywhere, and never asks when it says never.
void tst_MainWindow::destructiveStatementsAreConfirmed()
{
    const auto asked = [this](const QString &answer) {
        bool box = false;
        QTimer::singleShot(0, this, [&box, answer] {
            if (auto *b = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                box = b->text().contains(QStringLiteral("DELETE without WHERE: every row of guarded_items goes"));
                for (QAbstractButton *button : b->buttons()) {
                    if (button->text() == answer)
                        button->click();
                }
            }
        });
        tab()->editor()->setText(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS guarded_items AS SELECT 1 AS n;\n"
                                                "DELETE FROM guarded_items;\n"));
        QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
        m_window->runScriptAction()->trigger();
        finished.wait(3000);
        return box;
    };
    QSignalSpy opened(tab()->session(), &QuerySession::opened);
    tab()->connectTo(QStringLiteral("Service classroom"), m_server.connectionString(), false);
    QVERIFY(opened.wait(30000));
    QVERIFY(asked(QStringLiteral("&No")));
    QVERIFY(tab()->messages()->toPlainText().contains(QStringLiteral("Nothing was run.")));
    QCOMPARE(tab()->resultCount(), 0);
    tab()->editor()->setText(QStringLiteral("SELECT to_regclass('pg_temp.guarded_items') IS NULL AS missing;"));
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    m_window->runScriptAction()->trigger(); // nothing to ask about
    QVERIFY(finished.wait(30000));
    QCOMPARE(tab()->resultView()->model()->index(0, 0).data().toString(), QStringLiteral("t")); // not even the CREATE ran
    QVERIFY(asked(QStringLiteral("&Yes")));
    QVERIFY2(tab()->messages()->toPlainText().contains(QStringLiteral("DELETE 1")), qPrintable(tab()->messages()->toPlainText()));

    m_window->setGuard(WorkbenchTab::Guard::Never);
    QVERIFY(!asked(QStringLiteral("&Yes")));
    QVERIFY(tab()->messages()->toPlainText().contains(QStringLiteral("DELETE 0")));

    m_window->connectCurrentTabToDefault(); // the practice server: the learner's own
    QVERIFY(opened.wait(30000));
    m_window->setGuard(WorkbenchTab::Guard::SavedConnections);
    QVERIFY(!asked(QStringLiteral("&Yes")));
    m_window->setGuard(WorkbenchTab::Guard::Everywhere);
    QVERIFY(asked(QStringLiteral("&Yes")));
}

// The catalog is loaded on a connection of its own and again after DDL, so a table the
// script just made completes: typing "c." lists its columns; Ctrl+Space completes a name.
void tst_MainWindow::completionOffersColumnsThroughAnAlias()
{
    typeScript(QStringLiteral("CREATE TABLE completion_items (item_id int, item_name text);"));
    QVERIFY(runWith(Qt::Key_F5));
    QTRY_VERIFY_WITH_TIMEOUT(tab()->catalog() && tab()->catalog()->relation(QString(), QStringLiteral("completion_items")), 10000);
    SqlEditor *editor = tab()->editor();
    editor->setText(QStringLiteral("SELECT  FROM completion_items c"));
    editor->setCursorPosition(0, 7);
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("c."));
    QTRY_VERIFY(editor->isCompletionShown());
    QCOMPARE(editor->shownCompletions(), (QStringList{QStringLiteral("item_id"), QStringLiteral("item_name")}));
    // The selected item's type shows above the list, and follows the selection.
    QCOMPARE(editor->shownDetail(), WorkbenchTab::tr("%1: %2").arg(WorkbenchTab::tr("column"), QStringLiteral("integer")));
    QTest::keyClick(editor, Qt::Key_Down);
    QTRY_COMPARE(editor->shownDetail(), WorkbenchTab::tr("%1: %2").arg(WorkbenchTab::tr("column"), QStringLiteral("text")));
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(editor->text(), QStringLiteral("SELECT c.item_name FROM completion_items c"));
    QVERIFY(editor->shownDetail().isEmpty()); // gone with the list
    editor->setText(QStringLiteral("SELECT * FROM completion_it"));
    editor->setCursorPosition(0, int(editor->text().size()));
    QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
    QTRY_VERIFY(editor->isCompletionShown());
    QVERIFY(editor->shownCompletions().contains(QStringLiteral("completion_items")));
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(editor->text(), QStringLiteral("SELECT * FROM completion_items"));
    tab()->editor()->setText(QStringLiteral("DROP TABLE completion_items;"));
    QVERIFY(runWith(Qt::Key_F5));
}

QTEST_MAIN(tst_MainWindow)
// Presenter mode: fonts at the zoom chosen (the editor too), the high-contrast palette,
// only the lesson and lab docks, each command shown as it runs; leaving puts it all back.
void tst_MainWindow::presenterModeEnlargesAndPutsBack()
{
    PresenterMode *presenter = m_window->presenterMode();
    QDockWidget *activity = m_window->activityDock();
    activity->show();
    const qreal points = QApplication::font().pointSizeF();
    const QColor window = QApplication::palette().color(QPalette::Window);
    const int editorZoom = tab()->editor()->SendScintilla(QsciScintillaBase::SCI_GETZOOM);
    presenter->setZoom(200);
    presenter->toggleAction()->trigger();
    QVERIFY(presenter->isOn());
    QCOMPARE(QApplication::font().pointSizeF(), points * 2);
    QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::black));
    QCOMPARE(QApplication::palette().color(QPalette::Highlight), PresenterMode::highContrastPalette().color(QPalette::Highlight));
    QVERIFY(tab()->editor()->SendScintilla(QsciScintillaBase::SCI_GETZOOM) > editorZoom);
    QVERIFY(activity->isHidden());
    typeScript(QStringLiteral("SELECT 1;"));
    QVERIFY(runWith(Qt::Key_Return, Qt::ControlModifier));
    QVERIFY2(presenter->shownCommand().contains(QString(m_window->runStatementAction()->text()).remove(u'&')),
             qPrintable(presenter->shownCommand()));
    QVERIFY(presenter->shownCommand().contains(m_window->runStatementAction()->shortcut().toString(QKeySequence::NativeText)));
    presenter->setZoom(150);
    QCOMPARE(QApplication::font().pointSizeF(), points * 1.5);

    presenter->toggleAction()->trigger();
    QVERIFY(!presenter->isOn());
    QCOMPARE(QApplication::font().pointSizeF(), points);
    QCOMPARE(QApplication::palette().color(QPalette::Window), window);
    QCOMPARE(int(tab()->editor()->SendScintilla(QsciScintillaBase::SCI_GETZOOM)), editorZoom);
    QVERIFY(activity->isVisible());
    QVERIFY(presenter->shownCommand().isEmpty());
}

#include "tst_mainwindow.moc"
