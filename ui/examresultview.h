#pragma once

#include "examsession.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QTextBrowser;

// A bar per domain: its score in percent, the pass mark as a line across.
class DomainChart : public QWidget
{
    Q_OBJECT
public:
    explicit DomainChart(QWidget *parent = nullptr);
    struct Bar
    {
        QString label;
        double percent = 0;
        int questions = 0;
    };
    void setBars(const QList<Bar> &bars, int passPercent);
    QList<Bar> bars() const { return m_bars; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Bar> m_bars;
    int m_pass = 0;
};

// A learner's scores at one exam over their attempts: a point per attempt (green when it
// passed), the pass mark as a line across, the attempt shown ringed.
class ScoreTrend : public QWidget
{
    Q_OBJECT
public:
    explicit ScoreTrend(QWidget *parent = nullptr);
    void setHistory(const QList<ExamHistoryEntry> &history, const QString &current, int passPercent);
    const QList<ExamHistoryEntry> &history() const { return m_history; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<ExamHistoryEntry> m_history;
    QString m_current;
    int m_pass = 0;
};

// A submitted attempt: the score against the pass mark, a chart of the domains, and the
// review of every question (all, only the wrong ones, only the flagged ones) with the
// candidate's answer, the right one and the explanation. Everything comes from the store.
class ExamResultView : public QWidget
{
    Q_OBJECT
public:
    enum class Filter { All, Wrong, Flagged };

    ExamResultView(const CoursePack &pack, const ExamBlueprint &blueprint, const ExamAttemptRecord &attempt,
                   const QList<ExamEventRecord> &events, const QString &language, QWidget *parent = nullptr);

    const QString &attemptId() const { return m_attempt.attemptId; }
    const ExamScore &score() const { return m_score; }
    // The attempt's events anew (its sql answers graded since): score, chart and review follow.
    void setEvents(const QList<ExamEventRecord> &events);
    // A line under the score about grading (under way, or why it could not be done).
    void setGradingNote(const QString &note);
    QString gradingNote() const;
    // The learner's attempts at this exam, oldest first (this one among them): the trend.
    void setHistory(const QList<ExamHistoryEntry> &history);
    QString historyText() const;
    ScoreTrend *trend() const { return m_trend; }
    QString summaryText() const;
    DomainChart *chart() const { return m_chart; }
    void setFilter(Filter filter);
    // The questions the review lists now, as positions in the attempt.
    QList<int> listed() const;
    void showReview(int position);
    QString reviewText() const;

    // A question's answer in words: what the candidate gave, and what is right.
    static QString describeAnswer(const Question &question, const CandidateAnswer &answer, const QString &language);
    static QString describeRight(const Question &question, const QString &language);

private:
    QString text(const LocalizedText &localized) const;
    void refresh();

    const CoursePack &m_pack;
    ExamAttemptRecord m_attempt;
    QList<DrawnQuestion> m_drawn;
    QList<ExamSession::QuestionState> m_states; // replayed from the attempt's events
    QString m_language;
    ExamScore m_score;
    int m_passPercent;

    QLabel *m_summary;
    QLabel *m_note;
    DomainChart *m_chart;
    ScoreTrend *m_trend;
    QLabel *m_historyText;
    QWidget *m_historyBox;
    QComboBox *m_filter;
    QListWidget *m_list;
    QTextBrowser *m_review;
};
