#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

struct pg_result;

struct ResultColumn
{
    QString name;
    unsigned typeOid = 0;
    QString typeName; // "integer", "character varying(20)"; empty until the session knows it
    int typeModifier = -1;
};

// The rows of one statement's result, stored compactly: cell text as bytes in
// arenas of fixed-size row blocks, 32-bit end offsets and a NULL bit per cell,
// never one QVariant or QString per cell. A row is found in O(1).
//
// A ResultSet is a handle: copies share the same rows, so a table model can show
// a result while the session is still appending to it (both on one thread).
class ResultSet
{
public:
    static constexpr int RowsPerBlock = 1024;

    ResultSet();

    const QList<ResultColumn> &columns() const;
    int columnCount() const;
    // Rows kept in the store.
    qsizetype rowCount() const;
    // Rows the server sent; more than rowCount() once the store reached its byte limit.
    qsizetype rowsReceived() const;
    bool isTruncated() const { return rowsReceived() > rowCount(); }
    // Bytes held: cell text, offsets and NULL flags.
    qsizetype storedBytes() const;
    // The raw text bytes of all cells received, as the server sent them.
    qsizetype textBytes() const;

    bool isNull(qsizetype row, int column) const;
    QByteArrayView bytes(qsizetype row, int column) const;
    QString text(qsizetype row, int column) const;

    // "SELECT 3", "INSERT 0 1": the command tag the server reported.
    QString commandTag() const;
    void setCommandTag(const QString &tag);

    void setColumns(const pg_result *result);
    void setColumns(const QList<ResultColumn> &columns);
    // Appends one row made on the client (COPY output, meta-command results).
    void appendRow(const QList<QByteArrayView> &cells);
    void setColumnTypeName(int column, const QString &name);
    // Appends a result's rows; past the byte limit rows are only counted.
    void appendRows(const pg_result *result);
    // Bytes of stored cells after which rows are counted but not kept (0 = no limit).
    void setByteLimit(qsizetype bytes);

    bool sharesDataWith(const ResultSet &other) const { return d == other.d; }

private:
    struct Block;
    struct Data;
    const Block &blockOf(qsizetype row) const;
    Block &openBlock(); // the last block, or a new one when it is full

    std::shared_ptr<Data> d;
};
