#pragma once

#include "catalogmetadata.h"

#include <QList>
#include <QString>

// What may come at the cursor of an SQL statement, from the database's catalog: after
// FROM or JOIN the tables and views (and schemas); after "schema." that schema's tables;
// after "alias." the columns of the table the alias names in FROM/JOIN; in a select list,
// WHERE, ON and the like the columns of the tables in FROM, functions and keywords; after
// SET, SHOW and RESET the settings; after "::" the types. Names that need quotes come
// quoted. Pure: the catalog comes loaded.
class SqlCompletion
{
public:
    struct Candidate
    {
        enum class Kind { Keyword, Schema, Table, View, Column, Function, Type, Setting };
        QString text;   // what goes into the editor
        Kind kind;
        QString detail; // "integer", "(customer integer) → numeric", "shop.orders"
    };
    struct Result
    {
        QString prefix;  // the part of the word before the cursor it replaces
        int start = 0;   // where that word starts in the text
        QList<Candidate> candidates;
    };

    // text: the statement (or the editor's text), cursor: an index into it.
    static Result at(const CatalogMetadata &catalog, const QString &text, int cursor);
    // A name as SQL needs it written: lower-case simple names as they are, others quoted.
    static QString quoted(const QString &name);
    static const QStringList &keywords();
};
