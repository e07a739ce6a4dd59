#pragma once

#include <QWidget>

class ProgressStore;
class QLineEdit;
class QTreeWidget;

// Every statement the workbench ran, newest first, searchable; a statement can be
// opened in the editor again or run again in a new tab.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    void setStore(ProgressStore *store, qint64 learnerId);
    void refresh();
    QLineEdit *searchField() const { return m_search; }
    QTreeWidget *list() const { return m_list; }
    // The statement of the selected entry, empty without one.
    QString selectedStatement() const;

Q_SIGNALS:
    void openRequested(const QString &sql);
    void runRequested(const QString &sql);

private:
    ProgressStore *m_store = nullptr;
    qint64 m_learnerId = 0;
    QLineEdit *m_search;
    QTreeWidget *m_list;
};
