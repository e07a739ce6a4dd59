#include "statementsplitter.h"

#include <QStringView>

#include <array>

namespace {
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// psql's ident_start and dolq_start: letters, '_' and any non-ASCII character.
bool isIdentStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c.unicode() >= 0x80;
}

bool isDollarTagChar(QChar c)
{
    return isIdentStart(c) || isDigit(c);
}

bool isIdentChar(QChar c)
{
    return isDollarTagChar(c) || c == u'$';
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

bool isOneOf(QChar c, QStringView set)
{
    return set.contains(c);
}

// Meta-commands whose argument is the rest of the line, backslashes included.
bool takesWholeLine(const QString &command)
{
    static const QStringList commands = {QStringLiteral("!"),  QStringLiteral("copy"), QStringLiteral("ef"),
                                         QStringLiteral("ev"), QStringLiteral("h"),    QStringLiteral("help"),
                                         QStringLiteral("sf"), QStringLiteral("sf+"),  QStringLiteral("sv"),
                                         QStringLiteral("sv+")};
    return commands.contains(command);
}

// Meta-commands that send the query buffer (or, when it is empty, the previous query).
bool sendsQuery(const QString &command)
{
    static const QStringList commands = {QStringLiteral("g"),     QStringLiteral("gx"),
                                         QStringLiteral("gset"),  QStringLiteral("gexec"),
                                         QStringLiteral("gdesc"), QStringLiteral("crosstabview"),
                                         QStringLiteral("watch")};
    return commands.contains(command);
}

// One pass over a script, line by line, as psql's MainLoop and lexer read a file.
class ScriptReader
{
public:
    ScriptReader(const QString &script, const StatementSplitter::Options &options)
        : m_s(script)
        , m_options(options)
    {
    }

    QList<ScriptUnit> run();

private:
    enum class Lex { Initial, Comment, Quoted, BitQuoted, Extended, DoubleQuoted, DollarQuoted };

    void scanLine(int from, int to);
    int scanInitial(int i, int to);
    int scanWord(int i, int to);
    int scanColon(int i, int to);
    int scanDollar(int i, int to);
    int scanMetaCommand(int i, int to);
    int skipQuotedArgument(int i, int to) const;
    void countIdentifier(QStringView word);

    void echo(int start, int length);
    void emitQuery(ScriptUnit::Terminator terminator, const QString &command = {}, const QString &arguments = {});
    void resetScan();

    const QString &m_s;
    StatementSplitter::Options m_options;
    QList<ScriptUnit> m_units;

    Lex m_lex = Lex::Initial;
    int m_commentDepth = 0;
    QString m_dollarTag;
    int m_parenDepth = 0;
    int m_beginDepth = 0;
    int m_identifierCount = 0;
    std::array<char, 4> m_identifiers{};

    QList<ScriptSpan> m_buffer; // psql's query_buf, as pieces of the script
    int m_bufferLine = 0;
    bool m_onlyAddedNewline = false; // the buffer got this line's newline and nothing since
    bool m_joined = false;           // the buffer holds a "\;"
    ScriptUnit m_previous;           // psql's previous_buf, for \g with an empty buffer
    bool m_quit = false;
    int m_line = 0;
};

QList<ScriptUnit> ScriptReader::run()
{
    const int n = int(m_s.size());
    int pos = (n > 0 && m_s.at(0) == QChar(0xFEFF)) ? 1 : 0; // psql ignores a UTF-8 byte-order mark
    for (m_line = 0; pos <= n && !m_quit; ++m_line) {
        int end = int(m_s.indexOf(u'\n', pos));
        if (end < 0) {
            if (pos == n)
                break; // the script ended with a newline
            end = n;
        }
        const bool blank = end == pos;
        if (!(blank && m_lex == Lex::Initial)) { // psql drops empty lines outside quotes
            m_onlyAddedNewline = false;
            if (!m_buffer.isEmpty()) {
                echo(pos - 1, 1); // the newline psql puts between lines
                m_onlyAddedNewline = true;
            }
            scanLine(pos, end);
        }
        pos = end + 1;
    }
    if (!m_buffer.isEmpty())
        emitQuery(ScriptUnit::Terminator::EndOfScript);
    return m_units;
}

void ScriptReader::echo(int start, int length)
{
    m_onlyAddedNewline = false;
    if (length <= 0)
        return;
    if (m_buffer.isEmpty())
        m_bufferLine = m_line;
    if (!m_buffer.isEmpty() && m_buffer.last().end() == start)
        m_buffer.last().length += length;
    else
        m_buffer.append({start, length});
}

void ScriptReader::emitQuery(ScriptUnit::Terminator terminator, const QString &command, const QString &arguments)
{
    ScriptUnit unit;
    unit.kind = ScriptUnit::Kind::Query;
    unit.spans = m_buffer;
    for (const ScriptSpan &span : std::as_const(m_buffer))
        unit.text += QStringView(m_s).mid(span.start, span.length);
    unit.terminator = terminator;
    unit.command = command;
    unit.arguments = arguments;
    unit.line = m_bufferLine;
    unit.joinsStatements = m_joined;
    m_units.append(unit);
    m_previous = unit;
    m_buffer.clear();
    m_joined = false;
}

// psql_scan_reset: after \g or \r the lexer starts afresh.
void ScriptReader::resetScan()
{
    m_lex = Lex::Initial;
    m_parenDepth = 0;
    m_beginDepth = 0;
    m_identifierCount = 0;
}

void ScriptReader::scanLine(int from, int to)
{
    int i = from;
    while (i < to && !m_quit) {
        switch (m_lex) {
        case Lex::Initial:
            i = scanInitial(i, to);
            break;
        case Lex::Comment: {
            int j = i;
            while (j < to) {
                if (m_s.at(j) == u'/' && j + 1 < to && m_s.at(j + 1) == u'*') {
                    ++m_commentDepth;
                    j += 2;
                } else if (m_s.at(j) == u'*' && j + 1 < to && m_s.at(j + 1) == u'/') {
                    j += 2;
                    if (m_commentDepth-- == 0) {
                        m_lex = Lex::Initial;
                        break;
                    }
                } else {
                    ++j;
                }
            }
            echo(i, j - i);
            i = j;
            break;
        }
        case Lex::Quoted:
        case Lex::BitQuoted:
        case Lex::Extended:
        case Lex::DoubleQuoted: {
            const QChar quote = m_lex == Lex::DoubleQuoted ? u'"' : u'\'';
            int j = i;
            while (j < to) {
                const QChar c = m_s.at(j);
                if (c == u'\\' && m_lex == Lex::Extended) {
                    j = std::min(j + 2, to);
                } else if (c == quote) {
                    if (m_lex != Lex::BitQuoted && j + 1 < to && m_s.at(j + 1) == quote) {
                        j += 2; // a doubled quote stays inside
                    } else {
                        ++j;
                        m_lex = Lex::Initial;
                        break;
                    }
                } else {
                    ++j;
                }
            }
            echo(i, j - i);
            i = j;
            break;
        }
        case Lex::DollarQuoted: {
            const qsizetype close = QStringView(m_s).mid(i, to - i).indexOf(m_dollarTag);
            int j = to;
            if (close >= 0) { // a tag never spans lines: psql reads one line at a time
                j = i + int(close + m_dollarTag.size());
                m_lex = Lex::Initial;
            }
            echo(i, j - i);
            i = j;
            break;
        }
        }
    }
}

// One token in psql's INITIAL state; returns where the next one starts.
int ScriptReader::scanInitial(int i, int to)
{
    const QChar c = m_s.at(i);
    const QChar next = i + 1 < to ? m_s.at(i + 1) : QChar();
    if (isSpace(c)) {
        int j = i;
        while (j < to && isSpace(m_s.at(j)))
            ++j;
        if (!m_buffer.isEmpty()) // psql drops whitespace at the start of a query
            echo(i, j - i);
        return j;
    }
    if (c == u'-' && next == u'-') { // a comment is whitespace to psql 17: dropped at the start
        if (!m_buffer.isEmpty())
            echo(i, to - i);
        return to;
    }
    if (c == u'/' && next == u'*') {
        m_lex = Lex::Comment;
        m_commentDepth = 0;
        echo(i, 2);
        return i + 2;
    }
    if (c == u'\'') {
        m_lex = m_options.standardConformingStrings ? Lex::Quoted : Lex::Extended;
        echo(i, 1);
        return i + 1;
    }
    if (c == u'"') {
        m_lex = Lex::DoubleQuoted;
        echo(i, 1);
        return i + 1;
    }
    if (c == u'$')
        return scanDollar(i, to);
    if (c == u':')
        return scanColon(i, to);
    if (isIdentStart(c))
        return scanWord(i, to);
    if (isDigit(c) || (c == u'.' && isDigit(next))) {
        int j = i + 1;
        auto exponentSign = [&](int k) {
            return isOneOf(m_s.at(k), u"+-") && isOneOf(m_s.at(k - 1), u"eE") && k + 1 < to && isDigit(m_s.at(k + 1));
        };
        while (j < to && (isDollarTagChar(m_s.at(j)) || m_s.at(j) == u'.' || exponentSign(j)))
            ++j;
        echo(i, j - i);
        return j;
    }
    if (c == u'\\') {
        if (next == u';' || next == u':') { // "\;" and "\:" put the bare character in the query
            echo(i + 1, 1);
            if (next == u';') {
                m_identifierCount = 0;
                m_joined = true;
            }
            return i + 2;
        }
        return scanMetaCommand(i, to);
    }
    echo(i, 1);
    if (c == u'(') {
        ++m_parenDepth;
    } else if (c == u')') {
        if (m_parenDepth > 0)
            --m_parenDepth;
    } else if (c == u';' && m_parenDepth == 0 && m_beginDepth == 0) {
        m_identifierCount = 0;
        emitQuery(ScriptUnit::Terminator::Semicolon);
    }
    return i + 1;
}

// Identifiers, and the letters that open B'', X'', E'', N'', U&'' and U&"".
int ScriptReader::scanWord(int i, int to)
{
    const QChar c = m_s.at(i);
    const QChar next = i + 1 < to ? m_s.at(i + 1) : QChar();
    if (next == u'\'' && isOneOf(c, u"bBxXeE")) {
        m_lex = isOneOf(c, u"eE") ? Lex::Extended : Lex::BitQuoted;
        echo(i, 2);
        return i + 2;
    }
    if (next == u'\'' && isOneOf(c, u"nN")) { // the quote then opens an ordinary string
        echo(i, 1);
        return i + 1;
    }
    if (next == u'&' && isOneOf(c, u"uU")) {
        const QChar quote = i + 2 < to ? m_s.at(i + 2) : QChar();
        if (quote == u'\'' || quote == u'"') {
            m_lex = quote == u'"' ? Lex::DoubleQuoted : Lex::Quoted;
            echo(i, 3);
            return i + 3;
        }
        echo(i, 1);
        return i + 1;
    }
    int j = i + 1;
    while (j < to && isIdentChar(m_s.at(j)))
        ++j;
    countIdentifier(QStringView(m_s).mid(i, j - i));
    echo(i, j - i);
    return j;
}

// psql keeps semicolons inside CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ... END
// by watching the statement's first words and counting BEGIN, CASE and END.
void ScriptReader::countIdentifier(QStringView word)
{
    auto is = [&](const char *keyword) { return word.compare(QLatin1StringView(keyword), Qt::CaseInsensitive) == 0; };
    if (m_identifierCount == 0)
        m_identifiers.fill(0);
    if (is("create") || is("function") || is("procedure") || is("or") || is("replace")) {
        if (m_identifierCount < int(m_identifiers.size()))
            m_identifiers[size_t(m_identifierCount)] = char(word.at(0).toLower().unicode());
    }
    ++m_identifierCount;
    const auto &id = m_identifiers;
    const bool routine = id[0] == 'c' && (id[1] == 'f' || id[1] == 'p' ||
                                          (id[1] == 'o' && id[2] == 'r' && (id[3] == 'f' || id[3] == 'p')));
    if (!routine || m_parenDepth != 0)
        return;
    if (is("begin"))
        ++m_beginDepth;
    else if (is("case") && m_beginDepth >= 1)
        ++m_beginDepth;
    else if (is("end") && m_beginDepth > 0)
        --m_beginDepth;
}

// "::", ":=", and psql variable references (:name, :'name', :"name", :{?name}), left as
// they are since no variable is set.
int ScriptReader::scanColon(int i, int to)
{
    auto at = [&](int k) { return k < to ? m_s.at(k) : QChar(); };
    const QChar next = at(i + 1);
    int j = i + 1;
    if (next == u':' || next == u'=') {
        j = i + 2;
    } else if (isDollarTagChar(next)) {
        while (j < to && isDollarTagChar(m_s.at(j)))
            ++j;
    } else if (next == u'\'' || next == u'"' || (next == u'{' && at(i + 2) == u'?')) {
        const QChar close = next == u'{' ? u'}' : next;
        int k = i + (next == u'{' ? 3 : 2);
        const int nameStart = k;
        while (k < to && isDollarTagChar(m_s.at(k)))
            ++k;
        if (k > nameStart && at(k) == close)
            j = k + 1;
    }
    echo(i, j - i);
    return j;
}

// "$1" parameters, "$tag$" dollar quotes; a lone "$" is just a character.
int ScriptReader::scanDollar(int i, int to)
{
    int j = i + 1;
    if (j < to && isDigit(m_s.at(j))) {
        while (j < to && isDigit(m_s.at(j)))
            ++j;
        echo(i, j - i);
        return j;
    }
    if (j < to && isIdentStart(m_s.at(j))) {
        while (j < to && isDollarTagChar(m_s.at(j)))
            ++j;
    }
    if (j < to && m_s.at(j) == u'$') {
        m_dollarTag = m_s.mid(i, j + 1 - i);
        m_lex = Lex::DollarQuoted;
        echo(i, j + 1 - i);
        return j + 1;
    }
    echo(i, 1);
    return i + 1;
}

// Skips a quoted meta-command argument ('..', "..", `..`) starting at i.
int ScriptReader::skipQuotedArgument(int i, int to) const
{
    const QChar quote = m_s.at(i);
    int j = i + 1;
    while (j < to) {
        const QChar c = m_s.at(j);
        if (c == u'\\' && quote == u'\'') {
            j += 2;
        } else if (c == quote) {
            if (quote != u'`' && j + 1 < to && m_s.at(j + 1) == quote) {
                j += 2;
            } else {
                return j + 1;
            }
        } else {
            ++j;
        }
    }
    return to;
}

// A backslash command: its name runs to whitespace or a backslash, its arguments to the
// end of the line or the next unquoted backslash ("\\" ends it and SQL resumes).
int ScriptReader::scanMetaCommand(int i, int to)
{
    if (m_onlyAddedNewline) { // a line holding only a meta-command leaves the query as it was
        ScriptSpan &last = m_buffer.last();
        if (--last.length == 0)
            m_buffer.removeLast();
    }
    m_onlyAddedNewline = false;

    int j = i + 1;
    while (j < to && !isSpace(m_s.at(j)) && m_s.at(j) != u'\\')
        ++j;
    const QString command = m_s.mid(i + 1, j - i - 1);
    int argsEnd = to;
    int resume = to;
    if (!takesWholeLine(command)) {
        int k = j;
        while (k < to && m_s.at(k) != u'\\')
            k = isOneOf(m_s.at(k), u"'\"`") ? skipQuotedArgument(k, to) : k + 1;
        argsEnd = k;
        resume = (k + 1 < to && m_s.at(k + 1) == u'\\') ? k + 2 : k;
    }
    const QString arguments = m_s.mid(j, argsEnd - j).trimmed();

    if (sendsQuery(command)) {
        if (m_buffer.isEmpty() && !m_previous.spans.isEmpty()) {
            m_buffer = m_previous.spans;
            m_bufferLine = m_previous.line;
            m_joined = m_previous.joinsStatements;
        }
        if (!m_buffer.isEmpty())
            emitQuery(ScriptUnit::Terminator::MetaCommand, command, arguments);
        resetScan();
        return resume;
    }
    if (command == u"r" || command == u"reset") {
        m_buffer.clear();
        m_joined = false;
        resetScan();
        return resume;
    }
    if (command == u"q" || command == u"quit") {
        m_quit = true; // psql still sends what is in the buffer
        return to;
    }
    ScriptUnit unit;
    unit.kind = ScriptUnit::Kind::MetaCommand;
    unit.spans = {{i, argsEnd - i}};
    unit.text = m_s.mid(i, argsEnd - i).trimmed();
    unit.command = command;
    unit.arguments = arguments;
    unit.line = m_line;
    m_units.append(unit);
    return resume;
}
} // namespace

int ScriptUnit::scriptPosition(int textIndex) const
{
    int offset = 0;
    for (const ScriptSpan &span : spans) {
        if (textIndex < offset + span.length)
            return span.start + (textIndex - offset);
        offset += span.length;
    }
    return sourceEnd();
}

QList<ScriptUnit> StatementSplitter::split(const QString &script, const Options &options)
{
    return ScriptReader(script, options).run();
}

qsizetype StatementSplitter::unitAt(const QList<ScriptUnit> &units, int position)
{
    qsizetype best = -1;
    for (qsizetype i = 0; i < units.size(); ++i) {
        const ScriptUnit &u = units.at(i);
        if (u.sourceStart() <= position && position <= u.sourceEnd()) {
            const auto size = [](const ScriptUnit &x) { return x.sourceEnd() - x.sourceStart(); };
            if (best < 0 || size(u) < size(units.at(best)))
                best = i;
        }
    }
    if (best >= 0)
        return best;
    for (qsizetype i = 0; i < units.size(); ++i) {
        if (units.at(i).sourceEnd() <= position && (best < 0 || units.at(i).sourceEnd() >= units.at(best).sourceEnd()))
            best = i;
    }
    return best >= 0 || units.isEmpty() ? best : 0;
}

bool StatementSplitter::isOnlyComments(const QString &text)
{
    int depth = 0; // of nested block comments
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (c == u'/' && next == u'*') {
            ++depth;
            ++i;
        } else if (depth > 0 && c == u'*' && next == u'/') {
            --depth;
            ++i;
        } else if (depth == 0 && c == u'-' && next == u'-') {
            while (i < text.size() && text.at(i) != u'\n')
                ++i;
        } else if (depth == 0 && !c.isSpace()) {
            return false;
        }
    }
    return true;
}
