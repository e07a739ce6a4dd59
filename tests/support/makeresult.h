#pragma once

#include "resultset.h"

#include <QByteArray>
#include <QList>

// A result made on the client with libpq's own constructors, as if the server had
// sent it. A nullptr cell is NULL.
ResultSet makeResult(const QList<QByteArray> &names, const QList<unsigned> &types,
                     const QList<QList<const char *>> &rows);
