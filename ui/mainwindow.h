#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QTabWidget;
class QTableView;
class MessagesPane;
class QuerySession;
class ResultTableModel;
class ResultSet;
class SqlEditor;
struct ServerMessage;

// The first window: one SQL editor tab over a result grid and the messages pane.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QuerySession *session, QWidget *parent = nullptr);

    SqlEditor *editor() const { return m_editor; }
    QTableView *resultView() const { return m_resultView; }
    ResultTableModel *resultModel() const { return m_resultModel; }
    MessagesPane *messages() const { return m_messages; }
    QAction *runAction() const { return m_runAction; }

    // "Practice server", or a profile's name: shown in the status bar.
    void setConnectionName(const QString &name);
    // Tells the learner the server is not there (and why) without closing anything.
    void showServerUnavailable(const QString &reason);

public Q_SLOTS:
    void runScript();

Q_SIGNALS:
    void scriptFinished();

private:
    void createActions();
    void updateConnectionStatus();
    void onResult(const ResultSet &result);
    void onMessage(const ServerMessage &message);
    void onFinished(qint64 elapsedMs);
    void markErrorPosition(int characterPosition);

    QuerySession *m_session;
    SqlEditor *m_editor;
    QTabWidget *m_outputTabs;
    QTableView *m_resultView;
    ResultTableModel *m_resultModel;
    MessagesPane *m_messages;
    QAction *m_runAction = nullptr;
    QLabel *m_connectionLabel;
    QLabel *m_versionLabel;
    QString m_connectionName;
    int m_runOffset = 0; // character offset in the editor of the text that was sent
    bool m_hadError = false;
};
