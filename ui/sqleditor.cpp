#include "sqleditor.h"

#include "sqllexer.h"
#include "syntaxrepository.h"

#include <KSyntaxHighlighting/Theme>

#include <QFontDatabase>

SqlEditor::SqlEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    setUtf8(true);
    setEolMode(EolUnix);
    setIndentationsUseTabs(false);
    setTabWidth(4);
    setAutoIndent(true);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setMarginType(0, NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(1, 0);
    setWrapMode(WrapNone);
    SendScintilla(SCI_SETSCROLLWIDTH, 1L); // grows with the longest line instead of a fixed 2000 px
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1L);
    applyTheme();
    connect(this, &QsciScintilla::linesChanged, this, &SqlEditor::updateMarginWidth);
    updateMarginWidth();
}

void SqlEditor::applyTheme()
{
    using KSyntaxHighlighting::Theme;
    const Theme theme = SyntaxRepository::themeFor(palette());
    m_lexer = new SqlLexer(SyntaxRepository::postgresqlDefinition(), theme, this);
    setLexer(m_lexer);

    auto color = [&](Theme::EditorColorRole role) { return QColor::fromRgba(theme.editorColor(role)); };
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setMarginsFont(font);
    setMarginsBackgroundColor(color(Theme::IconBorder));
    setMarginsForegroundColor(color(Theme::LineNumbers));
    setCaretLineBackgroundColor(color(Theme::CurrentLine));
    setCaretForegroundColor(QColor::fromRgba(theme.textColor(Theme::Normal)));
    setSelectionBackgroundColor(color(Theme::TextSelection));
    setMatchedBraceBackgroundColor(color(Theme::BracketMatching));
    setUnmatchedBraceForegroundColor(QColor::fromRgba(theme.textColor(Theme::Error)));
    setPaper(color(Theme::BackgroundColor));
}

void SqlEditor::updateMarginWidth()
{
    setMarginWidth(0, QStringLiteral("00%1").arg(lines()));
}

int SqlEditor::styleAt(int position) const
{
    return int(const_cast<SqlEditor *>(this)->SendScintilla(SCI_GETSTYLEAT, position));
}
