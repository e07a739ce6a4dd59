#include "htmltomarkdown.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace {
QString decodeEntities(const QString &text)
{
    static const QRegularExpression entity(QStringLiteral("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);"));
    static const QHash<QString, QString> named = {
        {QStringLiteral("lt"), QStringLiteral("<")},     {QStringLiteral("gt"), QStringLiteral(">")},
        {QStringLiteral("amp"), QStringLiteral("&")},    {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},   {QStringLiteral("nbsp"), QStringLiteral(" ")},
        {QStringLiteral("ndash"), QStringLiteral("–")},  {QStringLiteral("mdash"), QStringLiteral("—")},
        {QStringLiteral("hellip"), QStringLiteral("…")}, {QStringLiteral("rarr"), QStringLiteral("→")},
        {QStringLiteral("le"), QStringLiteral("≤")},     {QStringLiteral("ge"), QStringLiteral("≥")},
        {QStringLiteral("ne"), QStringLiteral("≠")},     {QStringLiteral("times"), QStringLiteral("×")}};
    QString out;
    qsizetype last = 0;
    for (const QRegularExpressionMatch &m : entity.globalMatch(text)) {
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        QString replacement = named.value(name);
        if (name.startsWith(u'#')) {
            bool ok = false;
            const bool hex = name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X');
            const char32_t code = hex ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code <= 0x10FFFF)
                replacement = QString::fromUcs4(&code, 1);
        }
        out += replacement.isNull() ? m.captured() : replacement;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

// Writes the Markdown as the tags and the text between them come.
class MarkdownFromHtml
{
public:
    static QString convert(const QString &html)
    {
        static const QRegularExpression tag(QStringLiteral("<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>"),
                                            QRegularExpression::DotMatchesEverythingOption);
        MarkdownFromHtml writer;
        qsizetype last = 0;
        for (const QRegularExpressionMatch &m : tag.globalMatch(html)) {
            writer.text(decodeEntities(html.mid(last, m.capturedStart() - last)));
            if (m.capturedLength(2) > 0)
                writer.element(m.captured(2).toLower(), m.capturedLength(1) > 0, m.captured(3));
            last = m.capturedEnd();
        }
        writer.text(decodeEntities(html.mid(last)));
        return writer.m_out.trimmed();
    }

private:
    void text(QString t)
    {
        if (m_pre) {
            if (m_preOpened && t.startsWith(u'\n'))
                t.remove(0, 1); // HTML drops the line break that follows <pre>
            m_preOpened = false;
            m_out += t;
            return;
        }
        static const QRegularExpression space(QStringLiteral("\\s+"));
        t.replace(space, QStringLiteral(" "));
        if (m_lineStart && t.startsWith(u' '))
            t.remove(0, 1);
        if (!t.isEmpty())
            m_lineStart = false;
        m_out += t;
    }

    void element(const QString &name, bool closing, const QString &attributes)
    {
        static const QStringList blocks = {
            QStringLiteral("p"),  QStringLiteral("div"),        QStringLiteral("h1"),
            QStringLiteral("h2"), QStringLiteral("h3"),         QStringLiteral("h4"),
            QStringLiteral("h5"), QStringLiteral("h6"),         QStringLiteral("ul"),
            QStringLiteral("ol"), QStringLiteral("blockquote"), QStringLiteral("table"),
            QStringLiteral("tr")};
        if (name == u"pre") {
            if (!closing) {
                blankLine();
                m_out += attributes.contains(u"sql", Qt::CaseInsensitive) ? QStringLiteral("```sql\n")
                                                                          : QStringLiteral("```\n");
                m_pre = m_preOpened = true;
            } else if (m_pre) {
                m_pre = false;
                if (!m_out.endsWith(u'\n'))
                    m_out += u'\n';
                m_out += QStringLiteral("```");
                blankLine();
            }
        } else if (m_pre) {
            if (name == u"code" && !closing && m_preOpened && m_out.endsWith(u"```\n") &&
                attributes.contains(u"sql", Qt::CaseInsensitive))
                m_out.insert(m_out.size() - 1, QStringLiteral("sql"));
            else if (name == u"br")
                m_out += u'\n';
        } else if (name == u"br") {
            lineBreak();
        } else if (name == u"li") {
            if (!closing) {
                if (!m_out.isEmpty() && !m_out.endsWith(u'\n'))
                    lineBreak();
                m_out += QStringLiteral("- ");
                m_lineStart = true;
            }
        } else if (blocks.contains(name)) {
            blankLine();
        } else if (name == u"strong" || name == u"b") {
            m_out += QStringLiteral("**");
        } else if (name == u"em" || name == u"i") {
            m_out += u'*';
        } else if (name == u"code") {
            m_out += u'`';
        }
    }

    void trimLineEnd()
    {
        while (m_out.endsWith(u' '))
            m_out.chop(1);
    }
    void lineBreak()
    {
        trimLineEnd();
        m_out += u'\n';
        m_lineStart = true;
    }
    void blankLine()
    {
        trimLineEnd();
        m_lineStart = true;
        if (m_out.isEmpty() || m_out.endsWith(u"\n\n"))
            return;
        m_out += m_out.endsWith(u'\n') ? QStringLiteral("\n") : QStringLiteral("\n\n");
    }

    QString m_out;
    bool m_pre = false;
    bool m_preOpened = false;
    bool m_lineStart = true;
};
} // namespace

QString HtmlToMarkdown::convert(const QString &html)
{
    return MarkdownFromHtml::convert(html);
}
