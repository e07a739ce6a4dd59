#include "splitcases.h"

#include <QFile>

QList<SplitCase> readSplitCases()
{
    QFile file(QStringLiteral(PGCAMPUS_SUPPORT_DATA "/labs/splitting/cases.txt"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QList<SplitCase> cases;
    enum { Outside, Script, Expect } where = Outside;
    QStringList lines;
    bool crlf = false;
    bool noEol = false;
    auto flushUnit = [&] {
        cases.last().expected << lines.join(crlf ? QStringLiteral("\r\n") : QStringLiteral("\n"));
        lines.clear();
    };
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (line.startsWith(QStringLiteral("## case: "))) {
            SplitCase c;
            const QString title = line.mid(9);
            crlf = title.contains(QStringLiteral("[crlf]"));
            noEol = title.contains(QStringLiteral("[noeol]"));
            c.standardStrings = !title.contains(QStringLiteral("[nonstandard]"));
            c.name = title.section(QStringLiteral(" ["), 0, 0);
            cases << c;
            lines.clear();
            where = Script;
        } else if (line == u"## expect" && where == Script) {
            QString script = lines.join(u'\n');
            if (!noEol)
                script += u'\n';
            if (crlf)
                script.replace(u'\n', QStringLiteral("\r\n"));
            cases.last().script = script;
            lines.clear();
            where = Expect;
        } else if (line == u"## next" && where == Expect) {
            flushUnit();
        } else if (line == u"## end" && where == Expect) {
            if (!lines.isEmpty())
                flushUnit();
            where = Outside;
        } else if (where != Outside) {
            lines << line;
        }
    }
    return cases;
}
