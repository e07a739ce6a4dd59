#include "makeresult.h"

#include <libpq-fe.h>

ResultSet makeResult(const QList<QByteArray> &names, const QList<unsigned> &types,
                     const QList<QList<const char *>> &rows)
{
    PGresult *result = PQmakeEmptyPGresult(nullptr, PGRES_TUPLES_OK);
    QList<PGresAttDesc> attrs;
    for (qsizetype c = 0; c < names.size(); ++c) {
        PGresAttDesc d{};
        d.name = const_cast<char *>(names[c].constData());
        d.typid = types[c];
        d.typlen = -1;
        d.atttypmod = -1;
        attrs.append(d);
    }
    PQsetResultAttrs(result, int(attrs.size()), attrs.data());
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows[r].size(); ++c) {
            const char *v = rows[r][c];
            PQsetvalue(result, r, c, const_cast<char *>(v), v ? int(qstrlen(v)) : -1);
        }
    }
    ResultSet rs;
    rs.appendRows(result);
    PQclear(result);
    return rs;
}
