#pragma once

#include "catalogmetadata.h"
#include "sqlcompletion.h"

#include "progressstore.h"
#include "querysession.h"
#include "statementsplitter.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QThread>
#include <QWidget>

#include <memory>

class QLabel;
class QSplitter;
class QTabWidget;
class QTimer;
class MessagesPane;
class ResultGrid;
class SqlEditor;

// One editor tab of the workbench: the SQL editor over its results and messages,
// with a connection of its own. It runs the statement under the cursor, the
// selection or the whole script, streams results into tabs, points errors at the
// place in the editor, and keeps the transaction visible.
class WorkbenchTab : public QWidget
{
    Q_OBJECT
public:
    explicit WorkbenchTab(QWidget *parent = nullptr);
    // Waits for a catalog load under way: it must not outlive the tab (or the app).
    ~WorkbenchTab() override;

    SqlEditor *editor() const { return m_editor; }
    QuerySession *session() const { return m_session; }
    MessagesPane *messages() const { return m_messages; }
    QTabWidget *outputTabs() const { return m_outputTabs; }
    // The grid of the n-th result of the last run (0-based), or nullptr.
    ResultGrid *resultView(int n = 0) const;
    int resultCount() const { return int(m_resultViews.size()); }
    // Each catalog query a meta-command (\d, \dt...) runs is shown in the messages, as psql -E does.
    void setShowCatalogQueries(bool show) { m_showCatalogQueries = show; }

    // ownServer: the practice server or a lab's sandbox, the learner's to break; false for a
    // service of pg_service.conf (a saved profile is never one).
    void connectTo(const QString &name, const QString &conninfo, bool ownServer = true);

    // When to ask before running DROP, TRUNCATE, or UPDATE/DELETE without WHERE.
    enum class Guard { Never, SavedConnections, Everywhere };
    void setGuard(Guard guard) { m_guard = guard; }
    // A profile: its read-only flag becomes default_transaction_read_only, its colour the tab's.
    void connectTo(const ConnectionProfile &profile);
    // The connection other has (its name, colour, read-only setting), in another database.
    void connectLike(const WorkbenchTab &other, const QString &database);
    QString profileId() const { return m_profileId; }
    QString connectionColor() const { return m_color; }

    // The tab as the progress store keeps it, and back.
    EditorBuffer buffer() const;
    void restore(const EditorBuffer &buffer);
    QString bufferId() const { return m_bufferId; }
    // Changed since the store last saw it.
    bool needsAutosave() const { return m_needsAutosave; }
    void markAutosaved() { m_needsAutosave = false; }

    // "Query 2", or the file's name; a '*' marks unsaved changes.
    QString title() const;
    void setUntitledName(const QString &name);
    QString filePath() const { return m_filePath; }
    bool isModified() const;
    bool openFile(const QString &path, QString *error);
    bool saveFile(const QString &path, QString *error);
    QString connectionName() const { return m_connectionName; }
    bool hasOpenTransaction() const;

    bool stopOnError() const { return m_stopOnError; }
    void setStopOnError(bool on) { m_stopOnError = on; }
    bool autocommit() const { return m_autocommit; }
    void setAutocommit(bool on) { m_autocommit = on; }
    qint64 runningMs() const { return m_session->state() == QuerySession::State::Busy ? m_runTimer.elapsed() : -1; }

public Q_SLOTS:
    void runScript();          // the selection, or the whole editor
    void runStatementAtCursor();
    // The statement under the cursor (or the selection's first) in EXPLAIN (FORMAT JSON),
    // shown as a plan. With analyze it runs: inside BEGIN … ROLLBACK (a savepoint in an open
    // transaction), so nothing it changes is kept.
    void explain(bool analyze);
    // Completions at the cursor from the catalog, shown in the editor's popup.
    void complete();
    // The catalog completion uses, loaded on a connection of its own after the session opens
    // and again after DDL; null until the first load is done.
    std::shared_ptr<const CatalogMetadata> catalog() const { return m_catalog; }
    void reloadCatalog();
    void cancel();
    void commit();
    void rollback();

Q_SIGNALS:
    void scriptFinished();
    // Connection, transaction or running state changed: the window updates its status bar.
    void statusChanged();
    void titleChanged();
    // A statement finished: for the history.
    void statementRan(const HistoryEntry &entry);

private:
    static QString completionDetail(const SqlCompletion::Candidate &candidate);
    void run(const QString &text, int offset);
    void clearOutput();
    void onResultStarted(int statement, const ResultSet &result);
    void onStatementFinished(const StatementOutcome &outcome);
    void onMessage(const ServerMessage &message);
    void onMetaOutput(int statement, const MetaOutput &output);
    bool isPlanResult(const ResultSet &result) const;
    // Asks before statements that drop, empty or change every row, where the guard says so;
    // false when the learner keeps them from running.
    bool confirmRisks();
    void showPlan(const ResultSet &result);
    void onFinished(qint64 elapsedMs);
    // Where a message points in the editor (a character index in its text), or -1.
    int editorPositionOf(const ServerMessage &message) const;
    int editorLineOf(int statement) const;
    void jumpTo(int position, bool markError);
    void runInternal(const QString &sql);
    void askForPassword();
    void rememberTypedPassword();

    QuerySession *m_session;
    SqlEditor *m_editor;
    QTabWidget *m_outputTabs;
    QSplitter *m_splitter;
    MessagesPane *m_messages;
    QList<ResultGrid *> m_resultViews;
    QList<QLabel *> m_truncationNotes;
    QString m_connectionName;
    QString m_profileId;
    QString m_color;
    bool m_askedForPassword = false;
    bool m_rememberPassword = false;
    QString m_typedPassword; // until the keychain has it (or refused it); never written anywhere else
    bool m_stopOnError = true;
    bool m_autocommit = true;
    bool m_showCatalogQueries = false;
    std::shared_ptr<const CatalogMetadata> m_catalog;
    bool m_catalogLoading = false;
    QPointer<QThread> m_catalogWorker;
    bool m_catalogStale = false; // DDL ran while a load was under way
    Guard m_guard = Guard::SavedConnections;
    bool m_ownServer = true;
    // An Explain run: its plan becomes a plan view, not a grid.
    bool m_explaining = false;
    bool m_explainAnalyze = false;
    bool m_explainChangesData = false;

    QList<ScriptUnit> m_runUnits; // what the last run sent, with spans into the text it came from
    int m_runOffset = 0;          // where that text starts in the editor
    int m_runBaseLine = 0;        // the editor line of m_runOffset
    int m_prependedUnits = 0;     // a BEGIN the tab sent first when autocommit is off
    bool m_errorMarked = false;
    qint64 m_rowsShown = 0;
    QElapsedTimer m_runTimer;
    QDateTime m_statementStartedAt;
    QString m_lastSqlState;

    QString m_bufferId;
    QString m_untitledName;
    QString m_filePath;
    bool m_needsAutosave = false;
};
