#pragma once

#include <Qsci/qsciscintilla.h>

class SqlLexer;

// The SQL editor: QScintilla coloured by the project's PostgreSQL definition,
// with line numbers, the current line and matching brackets in the theme's colours.
class SqlEditor : public QsciScintilla
{
    Q_OBJECT
public:
    explicit SqlEditor(QWidget *parent = nullptr);

    SqlLexer *sqlLexer() const { return m_lexer; }
    // The Scintilla style at a character position (for tests and tooling).
    int styleAt(int position) const;

private:
    void applyTheme();
    void updateMarginWidth();

    SqlLexer *m_lexer = nullptr;
};
