#include "sqleditor.h"

#include "sqllexer.h"
#include "syntaxrepository.h"

#include <KSyntaxHighlighting/Theme>

#include <QFontDatabase>
#include <QKeyEvent>
#include <QLabel>
#include <QShortcut>

namespace {
constexpr int ErrorIndicator = 8;
}

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
    indicatorDefine(SquiggleIndicator, ErrorIndicator);
    setIndicatorForegroundColor(QColor(0xe0, 0x20, 0x20), ErrorIndicator);
    connect(this, &QsciScintilla::linesChanged, this, &SqlEditor::updateMarginWidth);
    updateMarginWidth();
    // Ctrl+Space asks for completions; so does a "." after a name (schema. or alias.).
    auto *complete = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space), this, nullptr, nullptr, Qt::WidgetShortcut);
    connect(complete, &QShortcut::activated, this, &SqlEditor::completionRequested);
    connect(this, &QsciScintillaBase::SCN_AUTOCSELECTIONCHANGE, this, [this](const char *selection, int, int) {
        showDetail(QString::fromUtf8(selection));
    });
    for (auto closed : {&QsciScintillaBase::SCN_AUTOCCANCELLED, &QsciScintillaBase::SCN_AUTOCCHARDELETED}) {
        connect(this, closed, this, [this] {
            if (!isCompletionShown())
                showDetail({});
        });
    }
    connect(this, &QsciScintillaBase::SCN_AUTOCCOMPLETED, this, [this] { showDetail({}); });
    connect(this, &QsciScintillaBase::SCN_CHARADDED, this, [this](int ch) {
        if (ch == '.')
            Q_EMIT completionRequested();
    });
}

void SqlEditor::applyTheme()
{
    using KSyntaxHighlighting::Theme;
    const Theme theme = SyntaxRepository::themeFor(palette());
    m_themeName = theme.name();
    SqlLexer *old = m_lexer;
    m_lexer = new SqlLexer(SyntaxRepository::postgresqlDefinition(), theme, this);
    setLexer(m_lexer);
    delete old;

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

int SqlEditor::textIndexAt(long bytePosition) const
{
    // bytes() hands back one more byte than asked for: the terminating NUL.
    const QByteArray utf8 = bytes(0, int(bytePosition));
    return int(QString::fromUtf8(utf8.constData(), std::min<qsizetype>(utf8.size(), bytePosition)).size());
}

long SqlEditor::bytePositionAt(int textIndex) const
{
    return long(text().left(textIndex).toUtf8().size());
}

void SqlEditor::showCompletions(const QStringList &items, int prefixLength, const QStringList &details)
{
    m_shownCompletions = items;
    m_completionDetails = details;
    if (items.isEmpty()) {
        SendScintilla(SCI_AUTOCCANCEL);
        return;
    }
    SendScintilla(SCI_AUTOCSETSEPARATOR, long('\n'));
    SendScintilla(SCI_AUTOCSETORDER, long(SC_ORDER_CUSTOM));
    SendScintilla(SCI_AUTOCSETIGNORECASE, 1L);
    SendScintilla(SCI_AUTOCSETAUTOHIDE, 1L);
    SendScintilla(SCI_AUTOCSETDROPRESTOFWORD, 0L);
    SendScintilla(SCI_AUTOCSETMAXHEIGHT, 12L);
    const QByteArray list = items.join(u'\n').toUtf8();
    const QByteArray typed = text().mid(cursorTextIndex() - prefixLength, prefixLength).toUtf8();
    m_completionStart = bytePositionAt(cursorTextIndex() - prefixLength);
    SendScintilla(SCI_AUTOCSHOW, long(typed.size()), list.constData());
    const long current = SendScintilla(SCI_AUTOCGETCURRENT);
    showDetail(isCompletionShown() && current >= 0 ? items.value(current) : QString());
}

// A tip of its own above the word, so it never covers the list below it (Scintilla's call
// tip would close the list).
void SqlEditor::showDetail(const QString &item)
{
    const qsizetype at = m_shownCompletions.indexOf(item);
    m_shownDetail = at < 0 ? QString() : m_completionDetails.value(at);
    if (m_shownDetail.isEmpty()) {
        if (m_detailTip)
            m_detailTip->hide();
        return;
    }
    if (!m_detailTip) {
        m_detailTip = new QLabel(this, Qt::ToolTip);
        m_detailTip->setObjectName(QStringLiteral("completionDetail"));
        m_detailTip->setForegroundRole(QPalette::ToolTipText);
        m_detailTip->setBackgroundRole(QPalette::ToolTipBase);
        m_detailTip->setAutoFillBackground(true);
        m_detailTip->setFrameShape(QFrame::Box);
        m_detailTip->setMargin(3);
    }
    m_detailTip->setText(m_shownDetail);
    m_detailTip->adjustSize();
    const int x = int(SendScintilla(SCI_POINTXFROMPOSITION, 0L, m_completionStart));
    const int y = int(SendScintilla(SCI_POINTYFROMPOSITION, 0L, m_completionStart));
    m_detailTip->move(viewport()->mapToGlobal(QPoint(x, y - m_detailTip->height() - 2)));
    m_detailTip->show();
}

bool SqlEditor::isCompletionShown() const
{
    return SendScintilla(SCI_AUTOCACTIVE) != 0;
}

int SqlEditor::lineAt(int textIndex) const
{
    return int(SendScintilla(SCI_LINEFROMPOSITION, bytePositionAt(textIndex)));
}

int SqlEditor::cursorTextIndex() const
{
    return textIndexAt(const_cast<SqlEditor *>(this)->SendScintilla(SCI_GETCURRENTPOS));
}

int SqlEditor::selectionStartIndex() const
{
    if (!hasSelectedText())
        return -1;
    return textIndexAt(const_cast<SqlEditor *>(this)->SendScintilla(SCI_GETSELECTIONSTART));
}

void SqlEditor::markError(int textIndex)
{
    const long start = bytePositionAt(textIndex);
    long end = SendScintilla(SCI_WORDENDPOSITION, start, 1L);
    if (end <= start)
        end = SendScintilla(SCI_POSITIONAFTER, start);
    SendScintilla(SCI_SETINDICATORCURRENT, ErrorIndicator);
    SendScintilla(SCI_INDICATORFILLRANGE, start, end - start);
    SendScintilla(SCI_GOTOPOS, start);
}

void SqlEditor::clearErrorMarks()
{
    SendScintilla(SCI_SETINDICATORCURRENT, ErrorIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0L, SendScintilla(SCI_GETLENGTH));
}

bool SqlEditor::hasErrorMark() const
{
    auto *self = const_cast<SqlEditor *>(this);
    return self->SendScintilla(SCI_INDICATOREND, ErrorIndicator, 0L) < self->SendScintilla(SCI_GETLENGTH) ||
           self->SendScintilla(SCI_INDICATORVALUEAT, ErrorIndicator, 0L) != 0;
}

// Escape belongs to the window's Cancel action while a query runs; Scintilla would
// otherwise claim it before the shortcut is looked at.
bool SqlEditor::event(QEvent *event)
{
    // A palette switched to dark or high contrast (settings, presenter mode): the theme follows.
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) && m_lexer
        && SyntaxRepository::themeFor(palette()).name() != m_themeName) {
        const bool handled = QsciScintilla::event(event);
        applyTheme();
        return handled;
    }
    if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape &&
        static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier) {
        event->ignore();
        return true;
    }
    return QsciScintilla::event(event);
}

int SqlEditor::styleAt(int position) const
{
    return int(const_cast<SqlEditor *>(this)->SendScintilla(SCI_GETSTYLEAT, position));
}
