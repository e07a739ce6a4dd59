#include "resulttablemodel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace {
// PostgreSQL type OIDs that read best right-aligned.
bool isNumericType(unsigned oid)
{
    switch (oid) {
    case 20:   // int8
    case 21:   // int2
    case 23:   // int4
    case 26:   // oid
    case 700:  // float4
    case 701:  // float8
    case 790:  // money
    case 1700: // numeric
        return true;
    default:
        return false;
    }
}
} // namespace

ResultTableModel::ResultTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResultTableModel::setResult(const ResultSet &result)
{
    beginResetModel();
    m_result = result;
    endResetModel();
}

void ResultTableModel::clear()
{
    setResult(ResultSet());
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.rowCount());
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_result.columnCount();
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool null = m_result.isNull(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        return null ? QStringLiteral("NULL") : m_result.text(index.row(), index.column());
    case Qt::EditRole:
        return null ? QVariant() : QVariant(m_result.text(index.row(), index.column()));
    case Qt::ForegroundRole:
        return null ? QVariant(QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text)) : QVariant();
    case Qt::TextAlignmentRole:
        if (isNumericType(m_result.columns().at(index.column()).typeOid))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= m_result.columnCount())
        return {};
    return m_result.columns().at(section).name;
}
