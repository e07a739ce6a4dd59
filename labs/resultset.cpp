#include "resultset.h"

#include <libpq-fe.h>

bool ResultSet::isNull(qsizetype row, int column) const
{
    return m_nulls[size_t(cell(row, column))];
}

QByteArrayView ResultSet::bytes(qsizetype row, int column) const
{
    const auto i = size_t(cell(row, column));
    return QByteArrayView(m_arena.constData() + m_offsets[i], m_offsets[i + 1] - m_offsets[i]);
}

QString ResultSet::text(qsizetype row, int column) const
{
    return QString::fromUtf8(bytes(row, column));
}

void ResultSet::setColumns(const pg_result *result)
{
    m_columns.clear();
    const int n = PQnfields(result);
    for (int c = 0; c < n; ++c)
        m_columns.append({QString::fromUtf8(PQfname(result, c)), PQftype(result, c), PQfmod(result, c)});
}

void ResultSet::appendRows(const pg_result *result)
{
    if (m_columns.isEmpty())
        setColumns(result);
    const int rows = PQntuples(result);
    const int cols = PQnfields(result);
    m_offsets.reserve(m_offsets.size() + size_t(rows) * size_t(cols));
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const bool null = PQgetisnull(result, r, c);
            m_nulls.push_back(null);
            if (!null)
                m_arena.append(PQgetvalue(result, r, c), PQgetlength(result, r, c));
            m_offsets.push_back(m_arena.size());
        }
    }
    m_rowCount += rows;
}
