#pragma once

#include "resultset.h"

#include <QAbstractTableModel>

// psql's expanded display (\x) as a grid: one line per column of each record,
// "Record | Column | Value", computed from the compact store in O(1) per cell.
class ExpandedResultModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit ExpandedResultModel(QObject *parent = nullptr);

    void setResult(const ResultSet &result);
    void refreshRows();
    const ResultSet &result() const { return m_result; }
    // The record and column a line of this model shows.
    qsizetype recordOf(int line) const;
    int columnOf(int line) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ResultSet m_result;
    int m_lines = 0;
};
