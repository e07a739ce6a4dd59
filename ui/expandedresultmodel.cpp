#include "expandedresultmodel.h"

#include "resulttablemodel.h"

#include <QFont>

ExpandedResultModel::ExpandedResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ExpandedResultModel::setResult(const ResultSet &result)
{
    beginResetModel();
    m_result = result;
    m_lines = int(result.rowCount() * result.columnCount());
    endResetModel();
}

void ExpandedResultModel::refreshRows()
{
    const int lines = int(m_result.rowCount() * m_result.columnCount());
    if (lines <= m_lines)
        return;
    beginInsertRows({}, m_lines, lines - 1);
    m_lines = lines;
    endInsertRows();
}

qsizetype ExpandedResultModel::recordOf(int line) const
{
    return m_result.columnCount() == 0 ? 0 : line / m_result.columnCount();
}

int ExpandedResultModel::columnOf(int line) const
{
    return m_result.columnCount() == 0 ? 0 : line % m_result.columnCount();
}

int ExpandedResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_lines;
}

int ExpandedResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 3;
}

QVariant ExpandedResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype record = recordOf(index.row());
    const int column = columnOf(index.row());
    switch (index.column()) {
    case 0:
        if (role == Qt::DisplayRole && column == 0)
            return tr("Record %1").arg(record + 1);
        if (role == Qt::FontRole && column == 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case 1:
        return role == Qt::DisplayRole ? QVariant(m_result.columns().at(column).name) : QVariant();
    default:
        return ResultTableModel::cellData(m_result, record, column, role);
    }
}

QVariant ExpandedResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case 0:
        return tr("Record");
    case 1:
        return tr("Column");
    default:
        return tr("Value");
    }
}
