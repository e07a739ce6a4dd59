#pragma once

#include "explainplan.h"

#include <QWidget>

class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QPlainTextEdit;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

// A plan to read: the tree of nodes with each one's own and total share of the time, rows
// estimated against rows seen (a misestimate of 10× or more stands out), loops and buffers;
// the same nodes as a diagram; the selected node's details; and the text plan. The node
// with the most time of its own is selected first.
class ExplainView : public QWidget
{
    Q_OBJECT
public:
    // note: what the learner should know about how it ran (rolled back, ...), or empty.
    ExplainView(const ExplainPlan &plan, const QString &note, QWidget *parent = nullptr);

    const ExplainPlan &plan() const { return m_plan; }
    QTreeWidget *tree() const { return m_tree; }
    QGraphicsScene *diagram() const { return m_scene; }
    QList<int> selectedPath() const;
    void selectPath(const QList<int> &path);
    QString detailsText() const;
    QString planText() const;

private:
    void buildTree();
    void buildDiagram();
    void showDetails(const QList<int> &path);

    ExplainPlan m_plan;
    QTreeWidget *m_tree;
    QGraphicsScene *m_scene;
    QGraphicsView *m_view;
    QTextBrowser *m_details;
    QPlainTextEdit *m_text;
    QHash<QString, QTreeWidgetItem *> m_items; // by path, "0.1.2"
};
