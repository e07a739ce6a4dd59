#pragma once

#include "classmonitor.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDateTime>
#include <QHash>

#include <functional>

// What the trainer knows of an item of the class: a lab (with its steps) or an exam.
struct ClassItem
{
    QString id;
    QString title;
    QStringList steps; // a lab's step ids; empty for an exam (one submission passes or fails)
};

// The class dashboard's grid: a row per student, a column per item. A cell says where the
// student is with the item: not started, in progress (steps passed so far), failed (the last
// attempt failed; how many did), stuck (no step passed for more than the stuck time while
// attempts keep failing) or passed. Results arrive live from a ClassMonitor; a result
// already known (same id) is not counted again.
class ClassDashboardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Cell { NotStarted, InProgress, Failed, Stuck, Passed };
    Q_ENUM(Cell)
    enum Role { CellRole = Qt::UserRole + 1 };

    explicit ClassDashboardModel(QObject *parent = nullptr);

    void setRoster(const QList<ClassStudent> &students, const QList<ClassItem> &items);
    void addResults(const QList<ClassResult> &results);
    void setStuckMinutes(int minutes);
    int stuckMinutes() const { return m_stuckMinutes; }
    // For tests and the periodic refresh: what "now" is (UTC).
    void setClock(std::function<QDateTime()> clock);
    // Time passed: stuck cells may have become stuck.
    void refreshTimes();

    const QList<ClassStudent> &students() const { return m_students; }
    const QList<ClassItem> &items() const { return m_items; }
    Cell cell(int row, int column) const;
    // The student's attempts at the item, newest first.
    QList<ClassResult> attempts(int row, int column) const;
    int count(Cell state) const;
    qint64 resultCount() const { return m_known.size(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString cellName(Cell state);
    static QColor cellColor(Cell state); // invalid for NotStarted

private:
    struct Summary
    {
        Cell state = Cell::NotStarted;
        int failures = 0;
        int stepsPassed = 0;
        int stuckFor = 0; // minutes
    };
    Summary summarize(int row, int column) const;
    QString key(const QString &login, const QString &item) const { return login + u'\n' + item; }

    QList<ClassStudent> m_students;
    QList<ClassItem> m_items;
    QHash<QString, QList<ClassResult>> m_attempts; // login + item: oldest first
    QSet<qint64> m_known;
    int m_stuckMinutes = 10;
    std::function<QDateTime()> m_clock;
};
