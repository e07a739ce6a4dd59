#include "activityview.h"
#include "graderconnection.h"
#include "throwawayserver.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

// The activity view on a real server with real sessions: a session waiting for an
// advisory lock shows under the one holding it, and cancel and terminate act on them.
class tst_ActivityView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void blockedSessionShowsUnderItsBlocker();

private:
    bool refreshedWith(ActivityView &view, const std::function<bool(const ActivitySnapshot &)> &done);
    ThrowawayServer m_server;
};

void tst_ActivityView::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

bool tst_ActivityView::refreshedWith(ActivityView &view, const std::function<bool(const ActivitySnapshot &)> &done)
{
    for (int i = 0; i < 40; ++i) {
        QSignalSpy refreshed(&view, &ActivityView::refreshed);
        view.refresh();
        if (!refreshed.wait(5000))
            return false;
        if (done(view.snapshot()))
            return true;
        QTest::qWait(100);
    }
    return false;
}

void tst_ActivityView::blockedSessionShowsUnderItsBlocker()
{
    QString error;
    GraderConnection holder, waiter;
    QVERIFY2(holder.open(m_server.connectionString(), 0, &error) && waiter.open(m_server.connectionString(), 0, &error),
             qPrintable(error));
    QVERIFY(holder.exec(QStringLiteral("CREATE TABLE t (n int); INSERT INTO t VALUES (1); ANALYZE t; "
                                       "BEGIN; SELECT pg_advisory_xact_lock(4711)"))
                .ok);
    QVERIFY(waiter.send(QStringLiteral("SELECT pg_advisory_xact_lock(4711)")));

    ActivityView view;
    view.resize(1000, 400);
    view.show();
    view.watch(m_server.connectionString());
    QVERIFY(refreshedWith(view, [](const ActivitySnapshot &s) { return s.blockedCount() == 1; }));
    QTreeWidget *tree = view.sessions();
    QTreeWidgetItem *blocker = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == QString::number(holder.backendPid()))
            blocker = tree->topLevelItem(i);
    }
    QVERIFY(blocker);
    QCOMPARE(tree->indexOfTopLevelItem(blocker), 0); // the blocker heads the tree
    QCOMPARE(blocker->text(3), QStringLiteral("idle in transaction"));
    QCOMPARE(blocker->childCount(), 1);
    QTreeWidgetItem *blocked = blocker->child(0);
    QCOMPARE(blocked->text(0), QString::number(waiter.backendPid()));
    QVERIFY2(blocked->text(4).startsWith(QStringLiteral("Lock:advisory, blocked by %1").arg(holder.backendPid())),
             qPrintable(blocked->text(4)));
    QVERIFY(blocked->text(7).contains(QStringLiteral("pg_advisory_xact_lock")));
    // The statistics page holds the table, the replication page says there is none.
    QTRY_VERIFY(qobject_cast<QTableView *>(view.pages()->widget(1)));
    auto *none = qobject_cast<QLabel *>(view.pages()->widget(2));
    QVERIFY(none && none->text().contains(QStringLiteral("No standby")));

    // Cancel the waiter: its statement ends with 57014, and the next refresh shows no wait.
    tree->setCurrentItem(blocked);
    view.cancelSelected(false);
    SqlOutcome cancelled;
    QVERIFY(waiter.wait(10000, &cancelled));
    QCOMPARE(cancelled.sqlstate, QStringLiteral("57014"));
    QVERIFY(refreshedWith(view, [](const ActivitySnapshot &s) { return s.blockedCount() == 0; }));
    // Terminate the holder: its session is gone from the next snapshot.
    const int pid = holder.backendPid();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == QString::number(pid))
            tree->setCurrentItem(tree->topLevelItem(i));
    }
    view.terminateSelected(false);
    QVERIFY(refreshedWith(view, [pid](const ActivitySnapshot &s) { return !s.backend(pid); }));
}

QTEST_MAIN(tst_ActivityView)
#include "tst_activityview.moc"
