#include "coursepackloader.h"
#include "lessonview.h"
#include "syntaxrepository.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>
#include <QDir>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QFontDatabase>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>

namespace {
const QString Fixtures = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware");

const QString FirstSql = QStringLiteral("SELECT name,\n"
                                        "       count(*)\n"
                                        "\n"
                                        "  FROM pets -- every pet\n"
                                        " GROUP BY name;");
const QString SecondSql = QStringLiteral("CREATE FUNCTION answer() RETURNS int AS $$\n"
                                         "  SELECT 42\n"
                                         "$$ LANGUAGE sql;");
// Two sql blocks (one with a body that spans lines), inline code and a block in
// another language, which stay uncoloured.
const QString JoinsLesson = QStringLiteral("# Joins\n\nWrite `SELECT` in capitals.\n\n```sql\n") + FirstSql +
                            QStringLiteral("\n```\n\nA function:\n\n```SQL\n") + SecondSql +
                            QStringLiteral("\n```\n\n```python\nSELECT = 1\n```\n");

CoursePack goodPack()
{
    QList<PackProblem> problems;
    const std::optional<CoursePack> pack =
        CoursePackLoader::load(Fixtures + QStringLiteral("/good"), &problems);
    if (!pack)
        qFatal("the fixture pack does not load: %s", qPrintable(problems.value(0).toText()));
    return *pack;
}

CourseItem helloLesson(const CoursePack &pack)
{
    return pack.tracks.first().modules.first().items.first();
}

// A pack in a temporary directory holding one English lesson.
struct WrittenLesson
{
    explicit WrittenLesson(const QString &markdown)
    {
        QDir(dir.path()).mkdir(QStringLiteral("lessons"));
        QFile file(dir.filePath(QStringLiteral("lessons/joins.en.md")));
        if (!file.open(QIODevice::WriteOnly) || file.write(markdown.toUtf8()) < 0)
            qFatal("cannot write the lesson");
        pack.id = QStringLiteral("written");
        pack.directory = dir.path();
        lesson.id = QStringLiteral("joins");
        lesson.title = {{QStringLiteral("en"), QStringLiteral("Joining tables")}};
        lesson.lessonFiles = {{QStringLiteral("en"), QStringLiteral("lessons/joins.en.md")}};
    }

    QTemporaryDir dir;
    CoursePack pack;
    CourseItem lesson;
};

QTextBlock blockWithText(const QTextDocument *document, const QString &text)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.text() == text)
            return block;
    }
    return {};
}

// The foreground colour drawn at each character of a block, invalid where none is set.
QList<QColor> coloursOf(const QTextBlock &block)
{
    QList<QColor> colours(block.length() - 1);
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (range.format.hasProperty(QTextFormat::ForegroundBrush)) {
            for (int i = range.start; i < range.start + range.length; ++i)
                colours[i] = range.format.foreground().color();
        }
    }
    return colours;
}

bool isBoldAt(const QTextBlock &block, int position)
{
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (position >= range.start && position < range.start + range.length)
            return range.format.fontWeight() >= QFont::Bold;
    }
    return false;
}

KSyntaxHighlighting::Format formatNamed(const QString &name)
{
    for (const KSyntaxHighlighting::Format &format : SyntaxRepository::postgresqlDefinition().formats()) {
        if (format.name() == name)
            return format;
    }
    qFatal("no format %s", qPrintable(name));
}

// What the editor's engine colours each character of a script with, line by line.
class EditorColours : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    explicit EditorColours(const KSyntaxHighlighting::Theme &theme)
    {
        setDefinition(SyntaxRepository::postgresqlDefinition());
        setTheme(theme);
    }

    QList<QList<QColor>> of(const QString &script)
    {
        QList<QList<QColor>> lines;
        KSyntaxHighlighting::State state;
        for (const QString &line : script.split(u'\n')) {
            m_line = QList<QColor>(line.size());
            state = highlightLine(line, state);
            lines << m_line;
        }
        return lines;
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        if (!format.hasTextColor(theme()))
            return;
        for (int i = offset; i < offset + length; ++i)
            m_line[i] = format.textColor(theme());
    }

private:
    QList<QColor> m_line;
};

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    palette.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    palette.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    palette.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    return palette;
}

// Clicks the nth link that reads `text`, as the learner would.
bool clickLink(QTextBrowser *browser, const QString &text, int nth)
{
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isAnchor() || fragment.text() != text || nth-- > 0)
                continue;
            QTextCursor cursor(browser->document());
            cursor.setPosition(fragment.position() + fragment.length() / 2);
            browser->setTextCursor(cursor);
            browser->ensureCursorVisible();
            QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, browser->cursorRect(cursor).center());
            return true;
        }
    }
    return false;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("PGCAMPUS_LESSON_SCREENSHOTS");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name));
}
} // namespace

class tst_LessonView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rendersTheFixtureLesson_data();
    void rendersTheFixtureLesson();
    void sqlBlocksAreColouredLikeTheEditor();
    void coloursFollowThePalette();
    void codeIsAsLargeAsTheProse();
    void linksHandOverTheBlocksSql();
    void missingFileIsNamed();
    void navigation_data();
    void navigation();
    void readToEndOnlyAtTheEnd();
};

void tst_LessonView::rendersTheFixtureLesson_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("title");
    QTest::newRow("en") << QStringLiteral("en") << "Hello";
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << "你好";
}

void tst_LessonView::rendersTheFixtureLesson()
{
    QFETCH(QString, language);
    QFETCH(QString, title);
    const CoursePack pack = goodPack();
    LessonView view;
    view.showLesson(pack, helloLesson(pack), language);
    QCOMPARE(view.title(), title);
    const QTextDocument *document = view.browser()->document();
    // The heading repeating the title is not shown twice.
    QVERIFY(!document->toPlainText().contains(title));
    QCOMPARE(view.sqlBlocks(), QStringList{QStringLiteral("SELECT 1;")});
    const QTextBlock code = blockWithText(document, QStringLiteral("SELECT 1;"));
    QVERIFY(code.isValid());
    QCOMPARE(code.blockFormat().stringProperty(QTextFormat::BlockCodeLanguage), QStringLiteral("sql"));

    // The image is found beside the lesson file, not in the working directory.
    QString image;
    for (QTextBlock block = document->begin(); block.isValid() && image.isEmpty(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                image = it.fragment().charFormat().toImageFormat().name();
        }
    }
    QCOMPARE(image, QStringLiteral("images/server.svg"));
    const QVariant loaded = document->resource(QTextDocument::ImageResource, QUrl(image));
    QVERIFY(loaded.isValid());
    const QImage pixels =
        loaded.canConvert<QPixmap>() ? loaded.value<QPixmap>().toImage() : loaded.value<QImage>();
    QCOMPARE(pixels.size(), QSize(10, 10));
    view.resize(500, 400);
    saveScreenshot(&view, QStringLiteral("lessonview-%1.png").arg(language));
}

void tst_LessonView::sqlBlocksAreColouredLikeTheEditor()
{
    const WrittenLesson written(JoinsLesson);
    LessonView view;
    view.showLesson(written.pack, written.lesson, QStringLiteral("en"));
    const QTextDocument *document = view.browser()->document();
    QCOMPARE(view.sqlBlocks(), (QStringList{FirstSql, SecondSql}));
    // A heading that is not the title stays.
    QCOMPARE(document->begin().text(), QStringLiteral("Joins"));
    QCOMPARE(document->begin().blockFormat().headingLevel(), 1);

    const KSyntaxHighlighting::Theme theme = SyntaxRepository::themeFor(view.palette());
    const KSyntaxHighlighting::Format keyword = formatNamed(QStringLiteral("Keyword"));
    const QColor function = formatNamed(QStringLiteral("Function")).textColor(theme);
    const QColor body = formatNamed(QStringLiteral("Dollar-Quoted String")).textColor(theme);
    const QColor plain = QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal));
    QVERIFY(function != plain);
    QVERIFY(body != plain);

    // A keyword is drawn as the theme says: in its colour where that differs from
    // plain text (Breeze keeps keywords in the text colour), bold where it is bold.
    QVERIFY(keyword.hasTextColor(theme) || keyword.isBold(theme));
    const QTextBlock selectLine = blockWithText(document, QStringLiteral("SELECT name,"));
    const QColor keywordColour = keyword.hasTextColor(theme) ? keyword.textColor(theme) : QColor();
    QCOMPARE(coloursOf(selectLine).value(0), keywordColour);
    QCOMPARE(coloursOf(selectLine).value(5), keywordColour);
    QCOMPARE(isBoldAt(selectLine, 0), keyword.isBold(theme));
    QVERIFY(!isBoldAt(selectLine, 7));
    const QList<QColor> count = coloursOf(blockWithText(document, QStringLiteral("       count(*)")));
    QCOMPARE(count.value(7), function);
    // Inside the function body the state carried from the line above makes SELECT text.
    QCOMPARE(coloursOf(blockWithText(document, QStringLiteral("  SELECT 42"))).value(2), body);

    // Every character of every sql line has the colour the editor's engine gives it.
    EditorColours editor(theme);
    for (const QString &sql : {FirstSql, SecondSql}) {
        const QStringList lines = sql.split(u'\n');
        const QList<QList<QColor>> expected = editor.of(sql);
        QTextBlock block = blockWithText(document, lines.first());
        for (qsizetype i = 0; i < lines.size(); ++i, block = block.next()) {
            QCOMPARE(block.text(), lines.at(i));
            QCOMPARE(coloursOf(block), expected.at(i));
        }
    }

    for (const QString &uncoloured :
         {QStringLiteral("SELECT = 1"), QStringLiteral("Write SELECT in capitals.")}) {
        const QTextBlock block = blockWithText(document, uncoloured);
        QVERIFY2(block.isValid(), qPrintable(uncoloured));
        QVERIFY2(block.layout()->formats().isEmpty(), qPrintable(uncoloured));
    }
}

// Code comes from the importer in the system's fixed font and size; it follows the
// prose instead, also when the font grows (presenter mode).
void tst_LessonView::codeIsAsLargeAsTheProse()
{
    const WrittenLesson written(JoinsLesson);
    LessonView view;
    view.showLesson(written.pack, written.lesson, QStringLiteral("en"));
    const auto codeSize = [&view] {
        const QTextBlock line = blockWithText(view.browser()->document(), QStringLiteral("SELECT name,"));
        return line.begin().fragment().charFormat().fontPointSize();
    };
    QVERIFY(blockWithText(view.browser()->document(), QStringLiteral("SELECT name,")).begin().fragment().charFormat().fontFamilies()
                .toStringList()
                .contains(QFontDatabase::systemFont(QFontDatabase::FixedFont).family()));
    const qreal prose = view.browser()->font().pointSizeF();
    QCOMPARE(codeSize(), prose * 0.95);
    QFont larger = view.font();
    larger.setPointSizeF(prose * 2);
    view.setFont(larger);
    QCOMPARE(view.browser()->font().pointSizeF(), prose * 2);
    QCOMPARE(codeSize(), prose * 2 * 0.95);
}

void tst_LessonView::coloursFollowThePalette()
{
    const WrittenLesson written(JoinsLesson);
    LessonView view;
    view.resize(700, 800);
    view.showLesson(written.pack, written.lesson, QStringLiteral("en"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    saveScreenshot(&view, QStringLiteral("lessonview-light.png"));
    const KSyntaxHighlighting::Theme light = SyntaxRepository::themeFor(view.palette());
    const auto shadeOf = [&view] {
        return blockWithText(view.browser()->document(), QStringLiteral("SELECT = 1"))
            .blockFormat()
            .background()
            .color();
    };
    QCOMPARE(shadeOf(), QColor::fromRgba(light.editorColor(KSyntaxHighlighting::Theme::CurrentLine)));

    view.setPalette(darkPalette());
    const KSyntaxHighlighting::Theme dark = SyntaxRepository::themeFor(darkPalette());
    QVERIFY(dark.name() != light.name());
    saveScreenshot(&view, QStringLiteral("lessonview-dark.png"));
    const QTextDocument *document = view.browser()->document();
    const QColor function = formatNamed(QStringLiteral("Function")).textColor(dark);
    QVERIFY(function != formatNamed(QStringLiteral("Function")).textColor(light));
    QCOMPARE(coloursOf(blockWithText(document, QStringLiteral("       count(*)"))).value(7), function);
    QCOMPARE(shadeOf(), QColor::fromRgba(dark.editorColor(KSyntaxHighlighting::Theme::CurrentLine)));
    QVERIFY(shadeOf() != QColor::fromRgba(light.editorColor(KSyntaxHighlighting::Theme::CurrentLine)));
    // Still the whole lesson, with its actions.
    QCOMPARE(view.sqlBlocks(), (QStringList{FirstSql, SecondSql}));
}

void tst_LessonView::linksHandOverTheBlocksSql()
{
    const WrittenLesson written(JoinsLesson);
    LessonView view;
    view.resize(700, 500);
    view.showLesson(written.pack, written.lesson, QStringLiteral("en"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy run(&view, &LessonView::runRequested);
    QSignalSpy open(&view, &LessonView::openRequested);
    const QString shown = view.browser()->toPlainText();

    QVERIFY(clickLink(view.browser(), QStringLiteral("Run"), 1));
    QCOMPARE(run.count(), 1);
    QCOMPARE(run.last().first().toString(), SecondSql);
    QVERIFY(clickLink(view.browser(), QStringLiteral("Open in editor"), 0));
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.last().first().toString(), FirstSql);
    QVERIFY(clickLink(view.browser(), QStringLiteral("Run"), 0));
    QCOMPARE(run.count(), 2);
    QCOMPARE(run.last().first().toString(), FirstSql);
    // Only the sql blocks have actions, and following them leaves the lesson in place.
    QVERIFY(!clickLink(view.browser(), QStringLiteral("Run"), 2));
    QCOMPARE(view.browser()->toPlainText(), shown);
    QVERIFY(view.browser()->source().isEmpty());
}

void tst_LessonView::missingFileIsNamed()
{
    const CoursePack pack = goodPack();
    CourseItem lesson = helloLesson(pack);
    LessonView view;
    view.showLesson(pack, lesson, QStringLiteral("en"));
    QCOMPARE(view.sqlBlocks().size(), 1);

    lesson.lessonFiles[QStringLiteral("en")] = QStringLiteral("lessons/missing.en.md");
    view.showLesson(pack, lesson, QStringLiteral("en"));
    const QString text = view.browser()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("could not be opened")), qPrintable(text));
    QVERIFY2(text.contains(QDir::toNativeSeparators(QStringLiteral("lessons/missing.en.md"))),
             qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("SELECT 1;")));
    QVERIFY(view.sqlBlocks().isEmpty());
    QCOMPARE(view.title(), QStringLiteral("Hello"));
}

void tst_LessonView::navigation_data()
{
    QTest::addColumn<bool>("hasPrevious");
    QTest::addColumn<bool>("hasNext");
    QTest::newRow("only lesson") << false << false;
    QTest::newRow("first") << false << true;
    QTest::newRow("middle") << true << true;
    QTest::newRow("last") << true << false;
}

void tst_LessonView::navigation()
{
    QFETCH(bool, hasPrevious);
    QFETCH(bool, hasNext);
    LessonView view;
    QVERIFY(!view.previousButton()->isEnabled());
    QVERIFY(!view.nextButton()->isEnabled());
    view.setNavigation(hasPrevious, hasNext);
    QCOMPARE(view.previousButton()->isEnabled(), hasPrevious);
    QCOMPARE(view.nextButton()->isEnabled(), hasNext);

    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy previous(&view, &LessonView::previousRequested);
    QSignalSpy next(&view, &LessonView::nextRequested);
    QTest::mouseClick(view.previousButton(), Qt::LeftButton);
    QTest::mouseClick(view.nextButton(), Qt::LeftButton);
    QCOMPARE(previous.count(), hasPrevious ? 1 : 0);
    QCOMPARE(next.count(), hasNext ? 1 : 0);
}

// A lesson counts as read when its end has been on screen, not when it was opened.
void tst_LessonView::readToEndOnlyAtTheEnd()
{
    QString longLesson = QStringLiteral("# Long\n\n");
    for (int i = 0; i < 80; ++i)
        longLesson += QStringLiteral("Paragraph %1 about MVCC and vacuum.\n\n").arg(i);
    WrittenLesson written(longLesson);
    WrittenLesson shortOne(QStringLiteral("# Short\n\nOne line.\n"));
    LessonView view;
    view.resize(500, 400);
    QSignalSpy read(&view, &LessonView::readToEnd);
    view.showLesson(written.pack, written.lesson, QStringLiteral("en"));
    QCOMPARE(read.size(), 0); // not on screen yet
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents();
    QCOMPARE(read.size(), 0); // the top is on screen, the end is not
    QScrollBar *bar = view.browser()->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum() / 2);
    QCOMPARE(read.size(), 0);
    bar->setValue(bar->maximum());
    QCOMPARE(read.size(), 1);
    bar->setValue(0);
    bar->setValue(bar->maximum());
    QCOMPARE(read.size(), 1); // once per lesson shown
    // A lesson that fits the view is read as soon as it is shown.
    view.showLesson(shortOne.pack, shortOne.lesson, QStringLiteral("en"));
    QTRY_COMPARE(read.size(), 2);
}

QTEST_MAIN(tst_LessonView)
#include "tst_lessonview.moc"
