#pragma once

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <Qsci/qscilexercustom.h>

#include <QHash>
#include <QList>

#include <vector>

// Lets QScintilla colour SQL with a KSyntaxHighlighting definition and theme:
// each definition format becomes a Scintilla style, and the highlighter state
// at every line end is kept so editing restyles from the changed line only.
class SqlLexer : public QsciLexerCustom
{
    Q_OBJECT
public:
    SqlLexer(const KSyntaxHighlighting::Definition &definition, const KSyntaxHighlighting::Theme &theme,
             QObject *parent = nullptr);

    const char *language() const override { return "SQL"; }
    QString description(int style) const override;
    void styleText(int start, int end) override;

    QColor defaultColor(int style) const override;
    QColor defaultPaper(int style) const override;
    QFont defaultFont(int style) const override;
    bool defaultEolFill(int style) const override;

    int styleForFormat(quint16 formatId) const { return m_styleOfFormat.value(formatId, 0); }
    QString formatNameOfStyle(int style) const;

private:
    struct Span
    {
        int offset;
        int length;
        int style;
    };

    // Runs the definition over one line and collects its spans as Scintilla styles.
    class LineHighlighter : public KSyntaxHighlighting::AbstractHighlighter
    {
    public:
        explicit LineHighlighter(const SqlLexer &lexer)
            : m_lexer(lexer)
        {
        }
        using KSyntaxHighlighting::AbstractHighlighter::highlightLine;
        std::vector<Span> spans;

    protected:
        void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

    private:
        const SqlLexer &m_lexer;
    };

    const KSyntaxHighlighting::Theme &theme() const { return m_theme; }
    void styleLine(int line);

    QList<KSyntaxHighlighting::Format> m_formats; // index = style - 1, skipping Scintilla's reserved styles
    QHash<quint16, int> m_styleOfFormat;
    QHash<int, int> m_formatOfStyle;
    std::vector<KSyntaxHighlighting::State> m_lineEndStates;
    QFont m_font;
    KSyntaxHighlighting::Theme m_theme;
    LineHighlighter m_highlighter{*this};
};
