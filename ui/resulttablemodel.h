#pragma once

#include "resultset.h"

#include <QAbstractTableModel>

// A read-only grid over one result set that grows while rows stream in. A cell
// is decoded only when it is painted: data() is O(1) in the number of rows.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Longer values are cut in the grid; the whole value stays in Qt::EditRole.
    static constexpr int DisplayLimit = 500;

    explicit ResultTableModel(QObject *parent = nullptr);

    void setResult(const ResultSet &result);
    void clear();
    // Shows the rows the result has gained since the last call.
    void refreshRows();
    // Column type names became known.
    void refreshHeaders();
    const ResultSet &result() const { return m_result; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Cell text as the grid shows it: invalid UTF-8 escaped as \xNN, never lost.
    static QString displayText(QByteArrayView bytes);
    // What a cell shows for a role, shared with the expanded view.
    static QVariant cellData(const ResultSet &result, qsizetype row, int column, int role);

private:
    ResultSet m_result;
    int m_rows = 0;
    int m_columns = 0;
};
