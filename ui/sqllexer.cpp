#include "sqllexer.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>

namespace {
// Styles 32-39 are Scintilla's own (default, line numbers, braces, ...).
constexpr int FirstReservedStyle = 32;
constexpr int LastReservedStyle = 39;
constexpr int MaxStyle = 255;

int nextFreeStyle(int style)
{
    ++style;
    if (style >= FirstReservedStyle && style <= LastReservedStyle)
        style = LastReservedStyle + 1;
    return style;
}

int utf8Length(QStringView text)
{
    int bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode())) {
            bytes += 4;
            ++i;
        } else
            bytes += 3;
    }
    return bytes;
}
} // namespace

SqlLexer::SqlLexer(const KSyntaxHighlighting::Definition &definition, const KSyntaxHighlighting::Theme &theme,
                   QObject *parent)
    : QsciLexerCustom(parent)
    , m_font(QFontDatabase::systemFont(QFontDatabase::FixedFont))
    , m_theme(theme)
{
    m_highlighter.setDefinition(definition);
    int style = 0;
    for (const KSyntaxHighlighting::Format &format : definition.formats()) {
        style = nextFreeStyle(style);
        if (style > MaxStyle)
            break;
        m_formats.append(format);
        m_styleOfFormat.insert(format.id(), style);
        m_formatOfStyle.insert(style, int(m_formats.size() - 1));
    }
}

QString SqlLexer::formatNameOfStyle(int style) const
{
    const auto it = m_formatOfStyle.constFind(style);
    return it == m_formatOfStyle.cend() ? QString() : m_formats.at(*it).name();
}

QString SqlLexer::description(int style) const
{
    if (style == 0)
        return QStringLiteral("Default");
    return formatNameOfStyle(style);
}

QColor SqlLexer::defaultColor(int style) const
{
    const auto it = m_formatOfStyle.constFind(style);
    if (it != m_formatOfStyle.cend() && m_formats.at(*it).hasTextColor(theme()))
        return m_formats.at(*it).textColor(theme());
    return QColor::fromRgba(theme().textColor(KSyntaxHighlighting::Theme::Normal));
}

QColor SqlLexer::defaultPaper(int style) const
{
    const auto it = m_formatOfStyle.constFind(style);
    if (it != m_formatOfStyle.cend() && m_formats.at(*it).hasBackgroundColor(theme()))
        return m_formats.at(*it).backgroundColor(theme());
    return QColor::fromRgba(theme().editorColor(KSyntaxHighlighting::Theme::BackgroundColor));
}

QFont SqlLexer::defaultFont(int style) const
{
    QFont font = m_font;
    const auto it = m_formatOfStyle.constFind(style);
    if (it != m_formatOfStyle.cend()) {
        const KSyntaxHighlighting::Format &format = m_formats.at(*it);
        font.setBold(format.isBold(theme()));
        font.setItalic(format.isItalic(theme()));
        font.setUnderline(format.isUnderline(theme()));
        font.setStrikeOut(format.isStrikeThrough(theme()));
    }
    return font;
}

bool SqlLexer::defaultEolFill(int) const
{
    return true;
}

void SqlLexer::LineHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    spans.push_back({offset, length, m_lexer.styleForFormat(format.id())});
}

void SqlLexer::styleText(int start, int end)
{
    QsciScintilla *ed = editor();
    if (!ed)
        return;
    const int firstLine = int(ed->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, start));
    const int lastLine = int(ed->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, end));
    m_lineEndStates.resize(size_t(ed->lines()));
    for (int line = firstLine; line <= lastLine && line < ed->lines(); ++line)
        styleLine(line);
}

// Scintilla restyles from the first changed line onwards, so the state at the
// end of the line before is always current when a line is styled.
void SqlLexer::styleLine(int line)
{
    QsciScintilla *ed = editor();
    const KSyntaxHighlighting::State before = line > 0 ? m_lineEndStates[size_t(line - 1)] : KSyntaxHighlighting::State();
    QString text = ed->text(line);
    int eolBytes = 0;
    while (!text.isEmpty() && (text.endsWith(u'\n') || text.endsWith(u'\r'))) {
        text.chop(1);
        ++eolBytes;
    }
    m_highlighter.spans.clear();
    m_lineEndStates[size_t(line)] = m_highlighter.highlightLine(text, before);

    const int lineStart = int(ed->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line));
    startStyling(lineStart);
    int done = 0; // characters of text styled so far
    const QStringView view(text);
    for (const Span &span : m_highlighter.spans) {
        if (span.offset > done)
            setStyling(utf8Length(view.mid(done, span.offset - done)), 0);
        setStyling(utf8Length(view.mid(span.offset, span.length)), span.style);
        done = span.offset + span.length;
    }
    const int trailing = utf8Length(view.mid(done)) + eolBytes;
    if (trailing > 0)
        setStyling(trailing, 0);
}
