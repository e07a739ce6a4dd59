#pragma once

#include <Qsci/qsciscintilla.h>

class QLabel;
class SqlLexer;

// The SQL editor: QScintilla coloured by the project's PostgreSQL definition,
// with line numbers, the current line and matching brackets in the theme's colours.
class SqlEditor : public QsciScintilla
{
    Q_OBJECT
public:
    explicit SqlEditor(QWidget *parent = nullptr);

    SqlLexer *sqlLexer() const { return m_lexer; }
    // The Scintilla style at a byte position (for tests and tooling).
    int styleAt(int position) const;

    // Scintilla counts UTF-8 bytes; the rest of PG Campus counts QString characters.
    int textIndexAt(long bytePosition) const;
    long bytePositionAt(int textIndex) const;
    int cursorTextIndex() const;
    // The 0-based line a text index is on.
    int lineAt(int textIndex) const;
    // Where the selection starts, as a text index; -1 without a selection.
    int selectionStartIndex() const;

    // A squiggle under the word at textIndex, the caret moved there.
    void markError(int textIndex);
    void clearErrorMarks();
    bool hasErrorMark() const;

    // The completion popup at the cursor: items in the order given (names with spaces
    // allowed), the typed prefix of prefixLength characters replaced by the one chosen;
    // it narrows as the learner types. details (one per item, may be empty) show above the
    // list for the item selected: a column's type, a function's signature.
    void showCompletions(const QStringList &items, int prefixLength, const QStringList &details = {});
    bool isCompletionShown() const;
    QStringList shownCompletions() const { return m_shownCompletions; }
    // The detail shown for the selected item; empty when there is none.
    QString shownDetail() const { return m_shownDetail; }

Q_SIGNALS:
    // Ctrl+Space, or a "." typed: the owner answers with showCompletions().
    void completionRequested();

protected:
    bool event(QEvent *event) override;

private:
    void applyTheme();
    void updateMarginWidth();
    void showDetail(const QString &item);

    SqlLexer *m_lexer = nullptr;
    QString m_themeName; // the KSyntaxHighlighting theme m_lexer colours with
    QStringList m_shownCompletions;
    QStringList m_completionDetails;
    QString m_shownDetail;
    long m_completionStart = 0;
    QLabel *m_detailTip = nullptr;
};
