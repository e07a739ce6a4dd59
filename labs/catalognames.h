#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class GraderConnection;

// Names an author wrote in a check (a table, a type, a function) resolved on the catalog
// reader as the lab's search path would resolve them: a qualified name as written, an
// unqualified one first among the built-ins, then in the lab's schemas in order. The
// reader's own search_path stays pg_catalog alone, so nothing a learner made is ever
// looked up implicitly there.
namespace CatalogNames {
// The relation's oid, or empty when there is none (*error set when the name is malformed).
QString relation(GraderConnection &catalog, const QString &name, const QStringList &schemas, QString *error);
// The function's oid ("name(argtypes)"), or empty.
QString function(GraderConnection &catalog, const QString &signature, const QStringList &schemas, QString *error);
// The type as format_type() writes it, with its modifier ("numeric(10,2)"), or empty.
QString type(GraderConnection &catalog, const QString &name, const QStringList &schemas, QString *error);
// SQL for how the learner would name the relation whose oid oidExpression gives: bare in
// one of the lab's schemas (a GraderConnection::textArray() parameter), qualified elsewhere.
QString shownRelationSql(const QString &oidExpression, const QString &schemasParameter);
} // namespace CatalogNames
