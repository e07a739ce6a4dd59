#include "markdowntext.h"

#include <QStringList>

namespace {
bool isCjk(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF)     // unified ideographs
        || (u >= 0x3400 && u <= 0x4DBF)     // extension A
        || (u >= 0x3000 && u <= 0x303F)     // CJK punctuation: 、。「」
        || (u >= 0xFF00 && u <= 0xFFEF)     // full-width forms: ，：；（）！？
        || u == 0x201C || u == 0x201D       // “ ” as Chinese text uses them
        || u == 0x2018 || u == 0x2019
        || u == 0x2026;                     // …
}

bool isFence(const QString &line)
{
    const QString trimmed = line.trimmed();
    return trimmed.startsWith(QStringLiteral("```")) || trimmed.startsWith(QStringLiteral("~~~"));
}
} // namespace

QString MarkdownText::joinCjkLineBreaks(const QString &markdown)
{
    const QStringList lines = markdown.split(u'\n');
    QString out;
    out.reserve(markdown.size());
    bool inFence = false;
    bool joined = false; // this line continues the one before: its indentation goes too
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = joined ? lines.at(i).trimmed() : lines.at(i);
        out += line;
        if (isFence(line))
            inFence = !inFence;
        if (i + 1 == lines.size())
            break;
        const QString next = lines.at(i + 1).trimmed();
        const bool heading = line.trimmed().startsWith(u'#'); // a heading is one line
        joined = !inFence && !heading && !line.isEmpty() && !next.isEmpty() && !isFence(next) && isCjk(line.back())
            && isCjk(next.front());
        if (!joined)
            out += u'\n';
    }
    return out;
}
