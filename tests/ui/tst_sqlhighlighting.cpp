#include "sqleditor.h"
#include "sqllexer.h"
#include "syntaxrepository.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/State>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTest>

namespace {
const QString GoldenDir = QStringLiteral(PGCAMPUS_TEST_DATA "/ui/highlighting");

// Renders text as lines of <Format Name>text</Format Name> spans (plain text left bare).
class GoldenHighlighter : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    GoldenHighlighter() { setDefinition(SyntaxRepository::postgresqlDefinition()); }

    QString render(const QString &text)
    {
        QString out;
        KSyntaxHighlighting::State state;
        for (const QString &line : text.split(u'\n')) {
            m_line = line;
            m_pos = 0;
            m_out.clear();
            state = highlightLine(line, state);
            m_out += m_line.mid(m_pos);
            out += m_out + u'\n';
        }
        return out;
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        m_out += m_line.mid(m_pos, offset - m_pos);
        const QString piece = m_line.mid(offset, length);
        if (format.name() == u"Normal Text" || format.name() == u"Identifier" || format.name() == u"Symbol" ||
            piece.trimmed().isEmpty())
            m_out += piece;
        else
            m_out += u'<' + format.name() + u'>' + piece + QStringLiteral("</") + format.name() + u'>';
        m_pos = offset + length;
    }

private:
    QString m_line;
    QString m_out;
    int m_pos = 0;
};

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly | QIODevice::Text) ? QString::fromUtf8(f.readAll()) : QString();
}
} // namespace

class tst_SqlHighlighting : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void definitionIsTheProjectsOwn();
    void golden_data();
    void golden();
    void editorStylesAfterParameters();
    void editorStylesNonAsciiText();
};

void tst_SqlHighlighting::definitionIsTheProjectsOwn()
{
    const auto def = SyntaxRepository::postgresqlDefinition();
    QVERIFY(def.isValid());
    QVERIFY2(def.filePath().startsWith(QStringLiteral(":/pgcampus/")), qPrintable(def.filePath()));
}

void tst_SqlHighlighting::golden_data()
{
    QTest::addColumn<QString>("input");
    const QDir dir(GoldenDir);
    const QStringList inputs = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    QVERIFY(inputs.size() >= 6);
    for (const QString &name : inputs)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

// Each tests/ui/highlighting/NAME.sql is highlighted and compared with NAME.sql.ref.
// PGCAMPUS_UPDATE_GOLDEN=1 rewrites the .ref files (review the diff before committing).
void tst_SqlHighlighting::golden()
{
    QFETCH(QString, input);
    const QString actual = GoldenHighlighter().render(readText(input));
    const QString refPath = input + QStringLiteral(".ref");
    if (qEnvironmentVariableIntValue("PGCAMPUS_UPDATE_GOLDEN")) {
        QFile ref(refPath);
        QVERIFY(ref.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ref.write(actual.toUtf8());
    }
    const QString expected = readText(refPath);
    QVERIFY2(!expected.isEmpty(), qPrintable(QStringLiteral("missing golden file ") + refPath));
    const QStringList a = actual.split(u'\n');
    const QStringList e = expected.split(u'\n');
    for (qsizetype i = 0; i < std::min(a.size(), e.size()); ++i)
        QVERIFY2(a.at(i) == e.at(i), qPrintable(QStringLiteral("line %1:\n  actual:   %2\n  expected: %3")
                                                    .arg(i + 1).arg(a.at(i), e.at(i))));
    QCOMPARE(a.size(), e.size());
}

// The editor's lexer adapter: after "$1, $2" the next statement is still SQL.
void tst_SqlHighlighting::editorStylesAfterParameters()
{
    SqlEditor editor;
    editor.resize(600, 400);
    editor.setText(QStringLiteral("SELECT $1, $2;\nSELECT 'x' FROM t;\n"));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0L, -1L);
    const SqlLexer *lexer = editor.sqlLexer();
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(0)), QStringLiteral("Keyword"));
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(7)), QStringLiteral("Parameter"));
    const int secondLine = int(editor.positionFromLineIndex(1, 0));
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(secondLine)), QStringLiteral("Keyword"));
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(secondLine + 7)), QStringLiteral("String"));
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(secondLine + 11)), QStringLiteral("Keyword"));

    // Typing an opening $$ turns what follows into a dollar-quoted string...
    editor.setText(QStringLiteral("SELECT $$\nSELECT 1;\n$$;\nSELECT 2;\n"));
    editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0L, -1L);
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(int(editor.positionFromLineIndex(1, 0)))),
             QStringLiteral("Dollar-Quoted String"));
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(int(editor.positionFromLineIndex(3, 0)))),
             QStringLiteral("Keyword"));
    // ...and removing it restyles the lines after the edit.
    editor.SendScintilla(QsciScintilla::SCI_DELETERANGE, 7L, 2L);
    editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0L, -1L);
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(int(editor.positionFromLineIndex(1, 0)))),
             QStringLiteral("Keyword"));
}

void tst_SqlHighlighting::editorStylesNonAsciiText()
{
    SqlEditor editor;
    editor.setText(QStringLiteral("SELECT '数据库' AS 名字, 42;"));
    editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0L, -1L);
    const SqlLexer *lexer = editor.sqlLexer();
    // Scintilla counts UTF-8 bytes: '数据库' is 11 bytes, so "AS" starts at byte 19.
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(7)), QStringLiteral("String"));
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(17)), QStringLiteral("String"));
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(19)), QStringLiteral("Keyword"));
    const int number = int(editor.text().toUtf8().indexOf("42"));
    QCOMPARE(lexer->formatNameOfStyle(editor.styleAt(number)), QStringLiteral("Decimal"));
}

QTEST_MAIN(tst_SqlHighlighting)
#include "tst_sqlhighlighting.moc"
