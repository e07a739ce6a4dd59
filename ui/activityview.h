#pragma once

#include "activitysnapshot.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeWidget;
class QuerySession;

// The server's sessions, live: each with its state, what it waits for and for how long,
// arranged as the blocking tree (a session under the one it waits for); cancel a query or
// terminate a session, each after a confirmation. Beside it the tables' statistics (sizes,
// dead rows, last vacuum and analyze) and, when there is any, replication. The catalog
// query behind each can be shown. It watches on a connection of its own.
class ActivityView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int RefreshMs = 2000;

    explicit ActivityView(QWidget *parent = nullptr);
    ~ActivityView() override;

    // The server to watch; the views refresh every RefreshMs while shown.
    void watch(const QString &conninfo);
    void refresh();

    const ActivitySnapshot &snapshot() const { return m_snapshot; }
    QTreeWidget *sessions() const { return m_tree; }
    QTabWidget *pages() const { return m_pages; }
    // Acts on the selected session; ask: confirm first (tests pass false).
    void cancelSelected(bool ask = true);
    void terminateSelected(bool ask = true);

Q_SIGNALS:
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showSnapshot(const ActivitySnapshot &snapshot);
    void showStatistics(int page, const ResultSet &result);
    int selectedPid() const;
    // Runs a cancel or terminate for the selected session, after the question when asked.
    void act(const QString &sql, bool ask, const QString &title, const QString &question);

    QuerySession *m_session;
    QTimer *m_timer;
    QTabWidget *m_pages;
    QTreeWidget *m_tree;
    QLabel *m_summary;
    QPushButton *m_cancel;
    QPushButton *m_terminate;
    QPlainTextEdit *m_queries;
    ActivitySnapshot m_snapshot;
    int m_selected = 0;
    bool m_acting = false; // a cancel or terminate is under way: its result is no snapshot
};
