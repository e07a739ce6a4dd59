#pragma once

#include <QStringList>
#include <QWidget>

struct CoursePack;
struct CourseItem;
class QLabel;
class QPushButton;
class QTextBrowser;
class QUrl;

// One lesson: its title and its Markdown, with images from beside the lesson file and
// ```sql blocks coloured like the editor. Under each sql block, "Run" and "Open in
// editor" hand that block's SQL to the workbench; the lesson never navigates away.
class LessonView : public QWidget
{
    Q_OBJECT
public:
    explicit LessonView(QWidget *parent = nullptr);

    // Reads pack.directory + lesson.lessonFiles[language] ("zh_CN" or "en"); a file that
    // cannot be read is named in a message in place of the lesson.
    void showLesson(const CoursePack &pack, const CourseItem &lesson, const QString &language);
    void setNavigation(bool hasPrevious, bool hasNext);

    QString title() const;
    // The text of each sql block of the lesson shown, in order.
    QStringList sqlBlocks() const { return m_sql; }
    QTextBrowser *browser() const { return m_browser; }
    QPushButton *previousButton() const { return m_previous; }
    QPushButton *nextButton() const { return m_next; }

Q_SIGNALS:
    void runRequested(const QString &sql);
    void openRequested(const QString &sql);
    void previousRequested();
    void nextRequested();
    // The learner has seen the whole lesson (scrolled to its end, or it fits): once per
    // lesson shown. Completion marks count a lesson as read from this.
    void readToEnd();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    class SqlHighlighter;

    void render();
    void shadeCodeBlocks();
    void sizeCode();
    void addSqlActions();
    void followLink(const QUrl &url);
    void checkReadToEnd();

    QLabel *m_title;
    QTextBrowser *m_browser;
    QPushButton *m_previous;
    QPushButton *m_next;
    SqlHighlighter *m_highlighter;
    QString m_markdown;
    QString m_directory; // the lesson file's, empty when no lesson could be read
    QStringList m_sql;
    bool m_readToEnd = true; // nothing shown yet, nothing to report
};
