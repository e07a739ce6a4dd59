#include "resulttablemodel.h"

#include "resultformatter.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QUtf8StringView>

namespace {
QString escapedBytes(QByteArrayView bytes)
{
    QString text;
    for (const char c : bytes) {
        const auto u = uchar(c);
        if (u >= 0x20 && u < 0x7f)
            text += QLatin1Char(c);
        else
            text += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    return text;
}
} // namespace

ResultTableModel::ResultTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString ResultTableModel::displayText(QByteArrayView bytes)
{
    if (!QUtf8StringView(bytes.data(), bytes.size()).isValidUtf8())
        return escapedBytes(bytes);
    return QString::fromUtf8(bytes);
}

void ResultTableModel::setResult(const ResultSet &result)
{
    beginResetModel();
    m_result = result;
    m_rows = int(result.rowCount());
    m_columns = result.columnCount();
    endResetModel();
}

void ResultTableModel::clear()
{
    setResult(ResultSet());
}

void ResultTableModel::refreshRows()
{
    const int rows = int(m_result.rowCount());
    if (rows <= m_rows)
        return;
    beginInsertRows({}, m_rows, rows - 1);
    m_rows = rows;
    endInsertRows();
}

void ResultTableModel::refreshHeaders()
{
    if (m_columns > 0)
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, m_columns - 1);
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cellData(m_result, index.row(), index.column(), role);
}

QVariant ResultTableModel::cellData(const ResultSet &result, qsizetype row, int column, int role)
{
    const bool null = result.isNull(row, column);
    switch (role) {
    case Qt::DisplayRole: {
        if (null)
            return QStringLiteral("NULL");
        const QByteArrayView bytes = result.bytes(row, column);
        // One line per cell; long values are cut (the viewer shows them whole).
        QString text = displayText(bytes.first(std::min<qsizetype>(bytes.size(), DisplayLimit * 4)));
        if (text.size() > DisplayLimit || bytes.size() > DisplayLimit * 4)
            text = text.left(DisplayLimit) + QChar(0x2026);
        return text.replace(u'\n', QChar(0x21B5)).replace(u'\r', QChar(0x21B5)).replace(u'\t', u' ');
    }
    case Qt::EditRole:
        return null ? QVariant() : QVariant(displayText(result.bytes(row, column)));
    case Qt::ForegroundRole:
        return null ? QVariant(QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text)) : QVariant();
    case Qt::FontRole:
        if (null) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (ResultFormatter::isNumericType(result.columns().at(column).typeOid))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_columns)
        return {};
    const ResultColumn &column = m_result.columns().at(section);
    switch (role) {
    case Qt::DisplayRole:
        return column.typeName.isEmpty() ? column.name : column.name + u'\n' + column.typeName;
    case Qt::ToolTipRole:
        return tr("%1: type %2 (OID %3)")
            .arg(column.name, column.typeName.isEmpty() ? tr("unknown") : column.typeName)
            .arg(column.typeOid);
    default:
        return {};
    }
}
