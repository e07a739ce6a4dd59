#include "resultset.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstring>

struct ResultSet::Block
{
    std::vector<char> arena;    // cell text, back to back
    std::vector<quint32> ends;  // where each cell's text ends in the arena
    std::vector<quint64> nulls; // one bit per cell
    int rows = 0;
};

struct ResultSet::Data
{
    QList<ResultColumn> columns;
    std::vector<Block> blocks;
    qsizetype rows = 0;
    qsizetype received = 0;
    qsizetype storedBytes = 0;
    qsizetype textBytes = 0;
    qsizetype byteLimit = 0;
    QString commandTag;
};

ResultSet::ResultSet()
    : d(std::make_shared<Data>())
{
}

const QList<ResultColumn> &ResultSet::columns() const
{
    return d->columns;
}

int ResultSet::columnCount() const
{
    return int(d->columns.size());
}

qsizetype ResultSet::rowCount() const
{
    return d->rows;
}

qsizetype ResultSet::rowsReceived() const
{
    return d->received;
}

qsizetype ResultSet::storedBytes() const
{
    return d->storedBytes;
}

qsizetype ResultSet::textBytes() const
{
    return d->textBytes;
}

QString ResultSet::commandTag() const
{
    return d->commandTag;
}

void ResultSet::setCommandTag(const QString &tag)
{
    d->commandTag = tag;
}

void ResultSet::setByteLimit(qsizetype bytes)
{
    d->byteLimit = bytes;
}

const ResultSet::Block &ResultSet::blockOf(qsizetype row) const
{
    return d->blocks[size_t(row / RowsPerBlock)];
}

bool ResultSet::isNull(qsizetype row, int column) const
{
    const size_t cell = size_t(row % RowsPerBlock) * size_t(d->columns.size()) + size_t(column);
    return (blockOf(row).nulls[cell / 64] >> (cell % 64)) & 1;
}

QByteArrayView ResultSet::bytes(qsizetype row, int column) const
{
    const Block &block = blockOf(row);
    const size_t cell = size_t(row % RowsPerBlock) * size_t(d->columns.size()) + size_t(column);
    const quint32 begin = cell == 0 ? 0 : block.ends[cell - 1];
    return QByteArrayView(block.arena.data() + begin, qsizetype(block.ends[cell] - begin));
}

QString ResultSet::text(qsizetype row, int column) const
{
    return QString::fromUtf8(bytes(row, column));
}

void ResultSet::setColumns(const pg_result *result)
{
    d->columns.clear();
    const int n = PQnfields(result);
    for (int c = 0; c < n; ++c)
        d->columns.append({QString::fromUtf8(PQfname(result, c)), PQftype(result, c), QString(), PQfmod(result, c)});
}

void ResultSet::setColumns(const QList<ResultColumn> &columns)
{
    d->columns = columns;
}

void ResultSet::appendRow(const QList<QByteArrayView> &cells)
{
    Block &block = openBlock();
    qsizetype bytes = 0;
    for (const QByteArrayView cell : cells) {
        block.arena.insert(block.arena.end(), cell.begin(), cell.end());
        block.ends.push_back(quint32(block.arena.size()));
        bytes += cell.size();
    }
    ++block.rows;
    ++d->rows;
    ++d->received;
    d->textBytes += bytes;
    d->storedBytes += bytes + cells.size() * qsizetype(sizeof(quint32));
}

ResultSet::Block &ResultSet::openBlock()
{
    if (d->blocks.empty() || d->blocks.back().rows == RowsPerBlock) {
        const size_t cells = size_t(RowsPerBlock) * size_t(d->columns.size());
        Block &fresh = d->blocks.emplace_back();
        fresh.ends.reserve(cells);
        fresh.nulls.assign((cells + 63) / 64, 0);
        d->storedBytes += qsizetype(fresh.nulls.size() * sizeof(quint64));
    }
    return d->blocks.back();
}

void ResultSet::setColumnTypeName(int column, const QString &name)
{
    d->columns[column].typeName = name;
}

void ResultSet::appendRows(const pg_result *result)
{
    if (d->columns.isEmpty())
        setColumns(result);
    const int rows = PQntuples(result);
    const int cols = PQnfields(result);
    auto textOf = [&](int from, int to) {
        size_t bytes = 0;
        for (int i = from; i < to; ++i) {
            for (int c = 0; c < cols; ++c)
                bytes += size_t(PQgetlength(result, i, c));
        }
        return bytes;
    };
    d->received += rows;
    for (int r = 0; r < rows;) {
        if (d->byteLimit > 0 && d->storedBytes >= d->byteLimit) {
            d->textBytes += qsizetype(textOf(r, rows)); // counted, not kept: the result is truncated
            break;
        }
        Block &block = openBlock();
        const int take = std::min(rows - r, RowsPerBlock - block.rows);
        const size_t bytes = textOf(r, r + take);
        block.arena.reserve(block.arena.size() + bytes);
        for (int i = r; i < r + take; ++i) {
            for (int c = 0; c < cols; ++c) {
                if (PQgetisnull(result, i, c)) {
                    const size_t cell = block.ends.size();
                    block.nulls[cell / 64] |= quint64(1) << (cell % 64);
                } else {
                    const char *value = PQgetvalue(result, i, c);
                    block.arena.insert(block.arena.end(), value, value + PQgetlength(result, i, c));
                }
                block.ends.push_back(quint32(block.arena.size()));
            }
        }
        block.rows += take;
        d->rows += take;
        d->textBytes += qsizetype(bytes);
        d->storedBytes += qsizetype(bytes) + qsizetype(take) * cols * qsizetype(sizeof(quint32));
        r += take;
    }
}
