#pragma once

#include "workbenchtab.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
struct ConnectionProfile;
class QStackedWidget;
class QTabWidget;
class QTimer;
class ActivityView;
class PresenterMode;
class SchemaBrowser;
class HistoryPanel;
class QDockWidget;
class ProgressStore;
class WorkbenchTab;

// The workbench window: editor tabs, each with its own connection, the query
// actions (run, cancel, commit, rollback) and a status bar that always shows the
// connection, the server version, the transaction and a running query's time.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    WorkbenchTab *currentTab() const;
    WorkbenchTab *tab(int index) const;
    int tabCount() const;
    WorkbenchTab *addTab();
    // Makes the tab current; false when it is not (or no longer) one of this window's.
    bool showTab(WorkbenchTab *tab);

    // The home page beside the workbench (the window's first page once it has one). Home
    // (Ctrl+1, Ctrl+Shift+H) shows it; Workbench (Ctrl+2), opening a tab or running a
    // statement shows the editor tabs again.
    void setHomePage(QWidget *home);
    void showHome();
    void showWorkbench();
    bool isHomeShown() const;
    QAction *homeAction() const { return m_home; }
    QAction *workbenchAction() const { return m_workbench; }
    // File → Settings… (Ctrl+,): hidden until the app gives it something to open.
    QAction *settingsAction() const { return m_settings; }

    // When every tab asks before DROP, TRUNCATE, UPDATE or DELETE without WHERE.
    void setGuard(WorkbenchTab::Guard guard);

    // The connection new tabs open (and open tabs without one): the practice server or a profile.
    void setDefaultConnection(const QString &name, const QString &conninfo);
    // Tells the learner the server is not there (and why) without closing anything.
    void showServerUnavailable(const QString &reason);

    // Keeps every tab in the store as it changes and records each statement run; tabs
    // left by an earlier session (or a crash) come back. Returns how many came back.
    int setProgressStore(ProgressStore *store, qint64 learnerId);
    // Saves the tabs that changed since the last save; the timer calls it every few seconds.
    void autosave();
    static constexpr int AutosaveIntervalMs = 2000;

    bool openFile(const QString &path);
    HistoryPanel *history() const { return m_history; }
    // View → Presenter Mode: large, high-contrast, distraction-free, commands shown as they run.
    PresenterMode *presenterMode() const { return m_presenter; }
    // View → Activity and Locks: the sessions of the current tab's server, live.
    ActivityView *activity() const { return m_activity; }
    QDockWidget *activityDock() const { return m_activityDock; }
    // View → Schema Browser: the current tab's server as a tree, with each object's DDL.
    SchemaBrowser *schemaBrowser() const { return m_schemaBrowser; }
    QDockWidget *schemaBrowserDock() const { return m_schemaBrowserDock; }

    QAction *runScriptAction() const { return m_runScript; }
    QAction *runStatementAction() const { return m_runStatement; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *explainAction() const { return m_explain; }
    QAction *explainAnalyzeAction() const { return m_explainAnalyze; }
    QAction *commitAction() const { return m_commit; }
    QAction *rollbackAction() const { return m_rollback; }
    QAction *autocommitAction() const { return m_autocommit; }
    QAction *stopOnErrorAction() const { return m_stopOnError; }
    QAction *showCatalogQueriesAction() const { return m_showCatalogQueries; }
    QAction *reconnectAction() const { return m_reconnect; }
    QLabel *transactionLabel() const { return m_transactionLabel; }

    // Closes a tab, asking first when its transaction is open; false if the learner keeps it.
    bool closeTab(int index);

    // The current tab connects to a saved profile, a pg_service.conf service or the default.
    void connectCurrentTab(const ConnectionProfile &profile);
    void connectCurrentTabToService(const QString &service);
    void connectCurrentTabToDefault();
    // Opens the profile editor; a saved profile is stored and the current tab connects to it.
    void editConnection(const ConnectionProfile &profile);

Q_SIGNALS:
    void scriptFinished();
    void homeShown(); // each time the home page comes to the front

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void updateStatus();
    bool settleTransaction(WorkbenchTab *tab);
    bool settleUnsavedFile(WorkbenchTab *tab);
    bool saveTab(WorkbenchTab *tab, bool askForName);
    void watchTab(WorkbenchTab *tab);
    void fillConnectMenu(QMenu *menu);
    void updateTabDecoration(WorkbenchTab *tab);
    void browseCurrentTab();
    void openFromBrowser(const QString &database, const QString &sql, bool run);

    QStackedWidget *m_pages;
    QTabWidget *m_tabs;
    QWidget *m_homePage = nullptr;
    PresenterMode *m_presenter = nullptr;
    QAction *m_home = nullptr;
    QAction *m_workbench = nullptr;
    QAction *m_pageSeparator = nullptr;
    QAction *m_settings = nullptr;
    WorkbenchTab::Guard m_guard = WorkbenchTab::Guard::SavedConnections;
    QAction *m_runScript = nullptr;
    QAction *m_runStatement = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_explain = nullptr;
    QAction *m_explainAnalyze = nullptr;
    QAction *m_commit = nullptr;
    QAction *m_rollback = nullptr;
    QAction *m_autocommit = nullptr;
    QAction *m_stopOnError = nullptr;
    QAction *m_showCatalogQueries = nullptr;
    QAction *m_reconnect = nullptr;
    QLabel *m_connectionLabel;
    QLabel *m_versionLabel;
    QLabel *m_transactionLabel;
    QLabel *m_runningLabel;
    QTimer *m_runningTimer;
    QTimer *m_autosaveTimer;
    HistoryPanel *m_history;
    ActivityView *m_activity;
    QDockWidget *m_activityDock;
    SchemaBrowser *m_schemaBrowser;
    QDockWidget *m_schemaBrowserDock;
    ProgressStore *m_store = nullptr;
    qint64 m_learnerId = 0;
    QString m_defaultName;
    QString m_defaultConninfo;
    int m_tabsMade = 0;
};
