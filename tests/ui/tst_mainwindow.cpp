#include "mainwindow.h"
#include "messagespane.h"
#include "querysession.h"
#include "resulttablemodel.h"
#include "sqleditor.h"
#include "throwawayserver.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void typedQueryShowsRowsInGrid();
    void ctrlEnterRunsToo();
    void errorIsMarkedInTheEditor();
    void statusBarShowsConnectionAndVersion();

private:
    void typeScript(const QString &sql);

    ThrowawayServer m_server;
    std::unique_ptr<QuerySession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_MainWindow::init()
{
    m_session = std::make_unique<QuerySession>();
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy opened(m_session.get(), &QuerySession::opened);
    m_session->open(m_server.connectionString());
    QVERIFY(opened.wait(30000));
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_session.reset();
}

void tst_MainWindow::typeScript(const QString &sql)
{
    SqlEditor *editor = m_window->editor();
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

void tst_MainWindow::typedQueryShowsRowsInGrid()
{
    typeScript(QStringLiteral("SELECT g AS n, repeat('x', g) AS xs FROM generate_series(1, 4) g"));
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    QTest::keyClick(m_window->editor(), Qt::Key_F5);
    QVERIFY(finished.wait(30000));
    const QAbstractItemModel *model = m_window->resultView()->model();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->columnCount(), 2);
    QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("xs"));
    QCOMPARE(model->index(3, 1).data().toString(), QStringLiteral("xxxx"));
    QVERIFY(m_window->messages()->toPlainText().contains(QStringLiteral("SELECT 4")));
}

void tst_MainWindow::ctrlEnterRunsToo()
{
    typeScript(QStringLiteral("SELECT 'ctrl' AS how"));
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    QTest::keyClick(m_window->editor(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(30000));
    QCOMPARE(m_window->resultView()->model()->index(0, 0).data().toString(), QStringLiteral("ctrl"));
    QCOMPARE(m_window->editor()->text(), QStringLiteral("SELECT 'ctrl' AS how")); // no newline typed
}

void tst_MainWindow::errorIsMarkedInTheEditor()
{
    typeScript(QStringLiteral("SELECT 1;\nSELECT nope FROM pg_class;"));
    QSignalSpy finished(m_window.get(), &MainWindow::scriptFinished);
    QTest::keyClick(m_window->editor(), Qt::Key_F5);
    QVERIFY(finished.wait(30000));
    QVERIFY(m_window->messages()->toPlainText().contains(QStringLiteral("column \"nope\" does not exist")));
    QVERIFY(m_window->messages()->toPlainText().contains(QStringLiteral("42703")));
    int line = -1;
    int index = -1;
    m_window->editor()->getCursorPosition(&line, &index);
    QCOMPARE(line, 1);
    QCOMPARE(index, 7);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Failed")));
}

void tst_MainWindow::statusBarShowsConnectionAndVersion()
{
    const QList<QLabel *> labels = m_window->statusBar()->findChildren<QLabel *>();
    QStringList texts;
    for (const QLabel *label : labels)
        texts << label->text();
    const QString all = texts.join(u' ');
    QVERIFY2(all.contains(QStringLiteral("postgres@postgres")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("PostgreSQL 17")), qPrintable(all));
    QVERIFY(m_window->runAction()->isEnabled());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
