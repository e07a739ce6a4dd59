#pragma once

#include <QList>
#include <QString>

// A piece of the script: [start, start + length) in QString characters.
struct ScriptSpan
{
    int start = 0;
    int length = 0;
    int end() const { return start + length; }
    bool operator==(const ScriptSpan &) const = default;
};

// One thing psql would do with a script: send a query, or run a meta-command.
struct ScriptUnit
{
    enum class Kind { Query, MetaCommand };
    enum class Terminator { Semicolon, MetaCommand, EndOfScript };

    Kind kind = Kind::Query;
    // Query: the text exactly as psql sends it. Meta-command: the command as typed, "\d+ orders".
    QString text;
    // Where the text came from. psql drops blank lines, comments and spaces before a query,
    // the backslash of "\;", and meta-command lines, so a query is not always one stretch
    // of the script.
    QList<ScriptSpan> spans;
    // Query: what ended it. Terminator::MetaCommand means \g, \gx, \gset... named in command.
    Terminator terminator = Terminator::Semicolon;
    // Meta-command (or the \g-family command that sent a query): its name without the
    // backslash ("d+", "gx") and its arguments as typed.
    QString command;
    QString arguments;
    // 0-based line of the script where the unit starts.
    int line = 0;
    // Query: several statements joined into one with psql's "\;" (sent together, as one).
    bool joinsStatements = false;

    int sourceStart() const { return spans.isEmpty() ? 0 : spans.first().start; }
    int sourceEnd() const { return spans.isEmpty() ? 0 : spans.last().end(); }
    // Maps an index into text back to an index into the script.
    int scriptPosition(int textIndex) const;
};

// Splits a script the way psql does when it reads a file (psql -f): the same
// lexical rules (quotes, E'' escapes, dollar quotes, nested comments, parentheses,
// BEGIN ATOMIC bodies) and the same line handling, so every query is sent exactly
// as psql would send it. Variables are not substituted (none are set).
class StatementSplitter
{
public:
    struct Options
    {
        // The server's standard_conforming_strings: off makes '' strings take backslash escapes.
        bool standardConformingStrings = true;
    };

    static QList<ScriptUnit> split(const QString &script, const Options &options);
    static QList<ScriptUnit> split(const QString &script) { return split(script, Options()); }

    // The unit whose source range holds (or, between units, is nearest before) position.
    static qsizetype unitAt(const QList<ScriptUnit> &units, int position);
    // Whether a query's text is only blanks and comments ("/* done */"): nothing to run.
    static bool isOnlyComments(const QString &text);
};
