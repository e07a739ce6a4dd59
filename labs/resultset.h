#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

struct pg_result;

struct ResultColumn
{
    QString name;
    unsigned typeOid = 0;
    int typeModifier = -1;
};

// The rows of one statement's result, stored compactly: every cell's text in one
// byte arena with offsets and a NULL flag, never one QVariant or QString per cell.
class ResultSet
{
public:
    const QList<ResultColumn> &columns() const { return m_columns; }
    int columnCount() const { return int(m_columns.size()); }
    qsizetype rowCount() const { return m_rowCount; }

    bool isNull(qsizetype row, int column) const;
    QByteArrayView bytes(qsizetype row, int column) const;
    QString text(qsizetype row, int column) const;

    // "SELECT 3", "INSERT 0 1": the command tag the server reported.
    const QString &commandTag() const { return m_commandTag; }
    void setCommandTag(const QString &tag) { m_commandTag = tag; }

    void setColumns(const pg_result *result);
    void appendRows(const pg_result *result);

private:
    qsizetype cell(qsizetype row, int column) const { return row * m_columns.size() + column; }

    QList<ResultColumn> m_columns;
    QByteArray m_arena;
    std::vector<qsizetype> m_offsets{0}; // cell i spans [m_offsets[i], m_offsets[i + 1])
    std::vector<bool> m_nulls;
    qsizetype m_rowCount = 0;
    QString m_commandTag;
};
