#include "lessonview.h"

#include "coursepack.h"
#include "markdowntext.h"
#include "syntaxrepository.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QFontDatabase>
#include <QUrl>
#include <QVBoxLayout>

namespace {
const QString LinkScheme = QStringLiteral("pgcampus-lesson");
const QString RunAction = QStringLiteral("run");
const QString OpenAction = QStringLiteral("open");

// Qt's Markdown importer makes each line of a fenced block a text block that carries
// the fence's language.
bool isSqlLine(const QTextBlock &block)
{
    return block.isValid() && block.blockFormat()
                                      .stringProperty(QTextFormat::BlockCodeLanguage)
                                      .compare(u"sql", Qt::CaseInsensitive) == 0;
}

// Lessons often open with their title as a heading; the view shows the title above already.
QString withoutTitleHeading(const QString &markdown, const QString &title)
{
    const QString heading = QStringLiteral("# ") + title;
    const QString text = markdown.trimmed();
    const qsizetype lineEnd = text.indexOf(u'\n');
    if (text.left(lineEnd).trimmed() != heading)
        return markdown;
    return lineEnd < 0 ? QString() : text.mid(lineEnd + 1);
}

struct LineEndState : QTextBlockUserData
{
    KSyntaxHighlighting::State state;
};
} // namespace

// Colours the lines of sql blocks with the editor's definition and theme, carrying the
// highlighter state from line to line (a dollar-quoted body spans lines); other
// text is left as the Markdown made it.
class LessonView::SqlHighlighter : public QSyntaxHighlighter, public KSyntaxHighlighting::AbstractHighlighter
{
public:
    explicit SqlHighlighter(QTextDocument *document)
        : QSyntaxHighlighter(document)
    {
        setDefinition(SyntaxRepository::postgresqlDefinition());
    }

protected:
    void highlightBlock(const QString &text) override
    {
        if (!isSqlLine(currentBlock()))
            return;
        KSyntaxHighlighting::State state;
        const QTextBlock previous = currentBlock().previous();
        if (isSqlLine(previous)) {
            if (const auto *data = dynamic_cast<const LineEndState *>(previous.userData()))
                state = data->state;
        }
        state = highlightLine(text, state);
        auto *data = dynamic_cast<LineEndState *>(currentBlockUserData());
        if (!data) {
            data = new LineEndState;
            setCurrentBlockUserData(data);
        }
        data->state = state;
        setCurrentBlockState(int(qHash(state))); // a changed state rehighlights the next line
    }

    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        const KSyntaxHighlighting::Theme theme = this->theme();
        QTextCharFormat charFormat;
        if (format.hasTextColor(theme))
            charFormat.setForeground(format.textColor(theme));
        if (format.hasBackgroundColor(theme))
            charFormat.setBackground(format.backgroundColor(theme));
        if (format.isBold(theme))
            charFormat.setFontWeight(QFont::Bold);
        if (format.isItalic(theme))
            charFormat.setFontItalic(true);
        if (format.isUnderline(theme))
            charFormat.setFontUnderline(true);
        if (format.isStrikeThrough(theme))
            charFormat.setFontStrikeOut(true);
        setFormat(offset, length, charFormat);
    }
};

LessonView::LessonView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_browser(new QTextBrowser)
    , m_previous(new QPushButton(tr("Previous")))
    , m_next(new QPushButton(tr("Next")))
    , m_highlighter(new SqlHighlighter(m_browser->document()))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);

    m_browser->document()->setDocumentMargin(12);
    m_browser->setOpenLinks(false);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &LessonView::followLink);

    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    connect(m_previous, &QPushButton::clicked, this, &LessonView::previousRequested);
    connect(m_next, &QPushButton::clicked, this, &LessonView::nextRequested);
    connect(m_browser->verticalScrollBar(), &QScrollBar::valueChanged, this, &LessonView::checkReadToEnd);
    connect(m_browser->verticalScrollBar(), &QScrollBar::rangeChanged, this, &LessonView::checkReadToEnd);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previous);
    buttons->addStretch();
    buttons->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_browser, 1);
    layout->addLayout(buttons);
}

void LessonView::showLesson(const CoursePack &pack, const CourseItem &lesson, const QString &language)
{
    const QString title = lesson.title.value(language);
    m_title->setText(title);
    const QString path = QDir(pack.directory).filePath(lesson.lessonFiles.value(language));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_markdown.clear();
        m_directory.clear();
        m_sql.clear();
        m_browser->setPlainText(tr("This lesson could not be opened.\n%1: %2")
                                    .arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    m_markdown = withoutTitleHeading(QString::fromUtf8(file.readAll()), title);
    m_directory = QFileInfo(path).absolutePath();
    m_readToEnd = false;
    render();
    m_browser->verticalScrollBar()->setValue(0);
    checkReadToEnd();
}

void LessonView::checkReadToEnd()
{
    // Until the view is on screen and laid out, its scroll range says nothing.
    if (m_readToEnd || !m_browser->isVisible() || m_browser->viewport()->height() <= 0)
        return;
    const QScrollBar *bar = m_browser->verticalScrollBar();
    if (bar->value() < bar->maximum())
        return;
    m_readToEnd = true;
    Q_EMIT readToEnd();
}

void LessonView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    checkReadToEnd();
}

void LessonView::setNavigation(bool hasPrevious, bool hasNext)
{
    m_previous->setEnabled(hasPrevious);
    m_next->setEnabled(hasNext);
}

QString LessonView::title() const
{
    return m_title->text();
}

void LessonView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The theme, the code colours and the links follow a light or dark palette.
    // So does the size of code: the importer gives it the system's fixed font, whatever
    // size the prose has (presenter mode makes it larger).
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) && !m_directory.isEmpty()) {
        // Where the reader was, as a share of the text: a larger font makes it longer.
        QScrollBar *bar = m_browser->verticalScrollBar();
        const double at = bar->maximum() > 0 ? double(bar->value()) / bar->maximum() : 0;
        render();
        bar->setValue(int(at * bar->maximum() + 0.5));
    }
}

void LessonView::render()
{
    QTextDocument *document = m_browser->document();
    document->setBaseUrl(QUrl::fromLocalFile(m_directory + u'/'));
    // Our palette, not the browser's: a palette change reaches the children after us.
    m_highlighter->setTheme(SyntaxRepository::themeFor(palette()));
    document->setMarkdown(MarkdownText::joinCjkLineBreaks(m_markdown), QTextDocument::MarkdownDialectGitHub);
    sizeCode();
    shadeCodeBlocks();
    addSqlActions();
    m_highlighter->rehighlight();
}

// Code (blocks and inline) as large as the prose around it, a little smaller as monospace
// faces run wide.
void LessonView::sizeCode()
{
    const qreal points = m_browser->font().pointSizeF() * 0.95;
    if (points <= 0)
        return;
    // The importer marks code with the system's fixed font (its family), not fixed pitch.
    const QString fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    QTextCursor cursor(m_browser->document());
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!fragment.isValid() || (!format.fontFixedPitch() && !format.fontFamilies().toStringList().contains(fixed)))
                continue;
            QTextCharFormat sized;
            sized.setFontPointSize(points);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(sized);
        }
    }
}

// Code sits on the theme's current-line colour, set off from the prose like in the editor.
void LessonView::shadeCodeBlocks()
{
    const QColor shade =
        QColor::fromRgba(m_highlighter->theme().editorColor(KSyntaxHighlighting::Theme::CurrentLine));
    QTextBlockFormat format;
    format.setBackground(shade);
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().hasProperty(QTextFormat::BlockCodeLanguage))
            QTextCursor(block).mergeBlockFormat(format);
    }
}

// Puts "Run" and "Open in editor" under each sql block, for exactly that block's text.
void LessonView::addSqlActions()
{
    m_sql.clear();
    QList<QTextBlock> lastLines;
    QStringList lines;
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
        if (!isSqlLine(block))
            continue;
        lines << block.text();
        if (!isSqlLine(block.next())) {
            m_sql << lines.join(u'\n');
            lines.clear();
            lastLines << block;
        }
    }
    const auto link = [this](const QString &action, qsizetype block) {
        QTextCharFormat format;
        format.setAnchor(true);
        format.setAnchorHref(QStringLiteral("%1:%2/%3").arg(LinkScheme, action).arg(block));
        format.setForeground(palette().link());
        return format;
    };
    // From the last block up, so the blocks above keep their places.
    for (qsizetype i = lastLines.size() - 1; i >= 0; --i) {
        QTextCursor cursor(lastLines.at(i));
        cursor.movePosition(QTextCursor::EndOfBlock);
        QTextBlockFormat format;
        format.setIndent(lastLines.at(i).blockFormat().indent());
        format.setLeftMargin(lastLines.at(i).blockFormat().leftMargin());
        format.setTopMargin(3);
        format.setBottomMargin(9);
        cursor.insertBlock(format, QTextCharFormat());
        cursor.insertText(tr("Run"), link(RunAction, i));
        cursor.insertText(QStringLiteral("    "), QTextCharFormat());
        cursor.insertText(tr("Open in editor"), link(OpenAction, i));
    }
}

void LessonView::followLink(const QUrl &url)
{
    if (url.scheme() == LinkScheme) {
        const QStringList parts = url.path().split(u'/');
        bool isNumber = false;
        const int block = parts.value(1).toInt(&isNumber);
        if (parts.size() != 2 || !isNumber || block < 0 || block >= m_sql.size())
            return;
        if (parts.first() == RunAction)
            Q_EMIT runRequested(m_sql.at(block));
        else if (parts.first() == OpenAction)
            Q_EMIT openRequested(m_sql.at(block));
    } else if (url.scheme() == u"http" || url.scheme() == u"https" || url.scheme() == u"mailto") {
        QDesktopServices::openUrl(url);
    } else if (url.hasFragment()) {
        m_browser->scrollToAnchor(url.fragment());
    }
}
