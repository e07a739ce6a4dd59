#pragma once

#include <QWidget>

class CourseTreeModel;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QTreeView;

// The course packs as a tree the learner can search: typing keeps the lessons, labs,
// modules and tracks whose title matches (in the model's language), with the nodes
// above them. Activating a lesson or lab (double click, Enter) opens it.
class CourseBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit CourseBrowser(QWidget *parent = nullptr);

    CourseTreeModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QTreeView *view() const { return m_view; }
    // Makes the lesson or lab the current row, clearing a search that hides it.
    void selectItem(const QString &packId, const QString &itemId);

Q_SIGNALS:
    void itemActivated(const QString &packId, const QString &itemId);

private:
    void activate(const QModelIndex &index);

    CourseTreeModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QTreeView *m_view;
};
