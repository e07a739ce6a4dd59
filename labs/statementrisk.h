#pragma once

#include <QCoreApplication>
#include <QString>

// What a statement would do that a learner may not mean to do on a server that matters:
// drop something, empty a table, or change every row of one. Read from the statement's
// words at the top level (comments, literals, quoted names and parenthesised parts such
// as subqueries and WITH bodies do not count), so "DELETE FROM t WHERE id IN (...)" is
// safe and "UPDATE t SET x = (SELECT ... WHERE ...)" is not.
class StatementRisk
{
    Q_DECLARE_TR_FUNCTIONS(StatementRisk)
public:
    enum class Kind { None, Drop, Truncate, UpdateWithoutWhere, DeleteWithoutWhere };

    static Kind of(const QString &statement);
    // One line for the confirmation: "DROP TABLE orders", "DELETE without WHERE: every row of orders".
    static QString describe(Kind kind, const QString &statement);

    // The statement with comments, string literals, dollar-quoted bodies and (unless kept)
    // quoted names taken out: what is left are its words.
    static QString withoutLiterals(const QString &statement, bool keepQuotedNames = false);
};
