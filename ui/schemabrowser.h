#pragma once

#include "catalogtreemodel.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QTimer;
class QTreeView;
class SqlEditor;

// View → Schema Browser: the server's databases, schemas and objects as a tree with sizes
// and row estimates (CatalogTreeModel), and under it the selected object's DDL as the
// server writes it, with the catalog queries behind it on request. "Open in Editor"
// selects from a table or view in a new tab; the DDL can go to a tab too.
class SchemaBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit SchemaBrowser(QWidget *parent = nullptr);

    // The server of the current tab; the same connection again keeps the tree as it is.
    void browse(const QString &conninfo);
    CatalogTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    SqlEditor *ddlView() const { return m_ddl; }
    QString ddl() const { return m_shownDdl; }

    // Expands the names from the top ("Databases", "shopdb", "public", "Tables", "orders")
    // as each level arrives, and selects the last one found.
    void reveal(const QStringList &path);
    // The selected object's DDL, now.
    void showDdl();
    // A table's or view's rows (SELECT … LIMIT 100) in a new tab; false for other objects.
    bool openSelected();
    void setShowCatalogQueries(bool show);

Q_SIGNALS:
    // database: where the SQL is to run (the connection's, but that database).
    void openRequested(const QString &database, const QString &sql, bool run);
    void ddlShown(); // the DDL (or why there is none) is in the pane

private:
    QModelIndex selected() const;
    void selectionMoved();
    void showAnswer(int ticket, const QString &ddl, const QString &error, const QStringList &queries);
    void continueReveal();
    void showMenu(const QPoint &at);
    void updateActions();

    CatalogTreeModel *m_model;
    QTreeView *m_tree;
    QLabel *m_title;
    SqlEditor *m_ddl;
    QCheckBox *m_showQueries;
    QTimer *m_ddlDelay;
    QAction *m_refresh;
    QAction *m_showDdl;
    QAction *m_open;
    QAction *m_ddlToEditor;
    QAction *m_copyName;
    QAction *m_showSystem;
    QString m_shownDdl;
    QString m_shownFor;
    QStringList m_lastQueries;
    int m_ticket = 0;
    QStringList m_revealPath;
    QPersistentModelIndex m_revealAt;
};
