#include "statementrisk.h"

#include <QRegularExpression>
#include <QStringList>

namespace {
struct Word
{
    QString text; // upper case
    int depth = 0;
};

QList<Word> wordsOf(const QString &statement)
{
    const QString text = StatementRisk::withoutLiterals(statement);
    QList<Word> words;
    int depth = 0;
    QString current;
    const auto flush = [&] {
        if (!current.isEmpty())
            words << Word{current.toUpper(), depth};
        current.clear();
    };
    for (const QChar ch : text) {
        if (ch.isLetterOrNumber() || ch == u'_') {
            current += ch;
            continue;
        }
        flush();
        if (ch == u'(')
            ++depth;
        else if (ch == u')')
            depth = std::max(0, depth - 1);
    }
    flush();
    return words;
}

// The table a top-level UPDATE or DELETE FROM names: the word after the command (and FROM, ONLY).
QString targetOf(const QString &statement)
{
    static const QRegularExpression target(QStringLiteral("\\b(?:UPDATE|DELETE\\s+FROM)\\s+(?:ONLY\\s+)?([\\w.\"]+)"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = target.match(statement);
    return m.hasMatch() ? m.captured(1) : QString();
}
} // namespace

QString StatementRisk::withoutLiterals(const QString &statement, bool keepQuotedNames)
{
    static const QRegularExpression literals(
        QStringLiteral("--[^\\n]*|/\\*.*?\\*/|[Ee]?'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\\$(\\w*)\\$.*?\\$\\1\\$"),
        QRegularExpression::DotMatchesEverythingOption);
    QString text;
    qsizetype done = 0;
    QRegularExpressionMatchIterator it = literals.globalMatch(statement);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        text += QStringView(statement).mid(done, m.capturedStart() - done);
        text += keepQuotedNames && m.captured().startsWith(u'"') ? m.captured() : QStringLiteral(" x ");
        done = m.capturedEnd();
    }
    text += QStringView(statement).mid(done);
    return text;
}

StatementRisk::Kind StatementRisk::of(const QString &statement)
{
    const QList<Word> words = wordsOf(statement);
    static const QStringList commands = {QStringLiteral("SELECT"), QStringLiteral("INSERT"), QStringLiteral("UPDATE"),
                                         QStringLiteral("DELETE"), QStringLiteral("MERGE"), QStringLiteral("TRUNCATE"),
                                         QStringLiteral("DROP"), QStringLiteral("ALTER"), QStringLiteral("VALUES"),
                                         QStringLiteral("TABLE")};
    qsizetype command = -1;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words.at(i).depth == 0 && commands.contains(words.at(i).text)) {
            command = i;
            break;
        }
    }
    if (command < 0)
        return Kind::None;
    const QString verb = words.at(command).text;
    const auto topLevel = [&](const QString &word) {
        for (qsizetype i = command + 1; i < words.size(); ++i) {
            if (words.at(i).depth == 0 && words.at(i).text == word)
                return true;
        }
        return false;
    };
    if (verb == u"DROP" || (verb == u"ALTER" && topLevel(QStringLiteral("DROP"))))
        return Kind::Drop;
    if (verb == u"TRUNCATE")
        return Kind::Truncate;
    if (verb == u"UPDATE" && !topLevel(QStringLiteral("WHERE")))
        return Kind::UpdateWithoutWhere;
    if (verb == u"DELETE" && !topLevel(QStringLiteral("WHERE")))
        return Kind::DeleteWithoutWhere;
    return Kind::None;
}

QString StatementRisk::describe(Kind kind, const QString &statement)
{
    const QString firstLine = statement.simplified().left(80);
    switch (kind) {
    case Kind::UpdateWithoutWhere:
        return tr("UPDATE without WHERE: every row of %1 changes").arg(targetOf(statement));
    case Kind::DeleteWithoutWhere:
        return tr("DELETE without WHERE: every row of %1 goes").arg(targetOf(statement));
    case Kind::Drop:
    case Kind::Truncate:
        return firstLine;
    case Kind::None:
        break;
    }
    return {};
}
