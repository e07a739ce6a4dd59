#pragma once

#include "examsession.h"

#include <QSet>
#include <QWidget>

#include <functional>

class QAbstractButton;
class QButtonGroup;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QMessageBox;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTimer;
class QToolButton;
class SqlEditor;

// A timed exam as the candidate sits it: the countdown (warnings at 10 and 1 minutes),
// a navigator of every question (answered, unanswered, flagged, current), one question at
// a time with Previous/Next (Alt+Left, Alt+Right), Flag (Alt+F), Not sure (Alt+U) and the
// keys 1–9 for the choices, no
// feedback until the end, a confirmation that counts unanswered and flagged questions
// before submitting, and the submission itself when time runs out. Every answer is saved
// as it changes; one that cannot be saved (a full disk) is said so and kept pending until
// it can be.
class ExamView : public QWidget
{
    Q_OBJECT
public:
    // clock: what the view reads the time from (the wall clock when empty; tests move their own).
    ExamView(ExamSession session, const LocalizedText &title, const QString &language,
             std::function<QDateTime()> clock = {}, QWidget *parent = nullptr);
    ~ExamView() override;

    ExamSession &session() { return m_session; }
    int currentPosition() const { return m_position; }
    void showQuestion(int position);
    QString countdownText() const;
    QString warningText() const;
    bool hasPendingAnswer() const { return m_pending; }
    QToolButton *navigatorButton(int position) const;
    QAbstractButton *choiceButton(int shown) const; // single/multiple/truefalse, in the order shown
    QLineEdit *textAnswer() const { return m_text; }
    QListWidget *orderList() const { return m_order; }
    SqlEditor *sqlEditor() const { return m_sql; }

    // Asks (unless confirmed is given) and submits; false when the candidate goes back.
    bool submit(bool confirmed = false);
    // The confirmation's text: how many questions are unanswered and flagged.
    QString confirmationText() const;
    // The confirmation asked before submitting (No is the default), not yet shown.
    QMessageBox *confirmationDialog();
    void toggleFlag();
    void toggleUnsure();
    // Reads the clock: updates the countdown, warns, and submits at the deadline.
    void tick();
    // A class's trainer locked the exam: nothing can be answered or submitted (the clock
    // runs on) until it is unlocked; the message says why.
    void setLocked(bool locked, const QString &message = {});
    bool isLocked() const;
    // More time (a class's trainer gave some): the attempt's whole duration, never less.
    bool extendTo(int durationSeconds);
    // Practice (and drills): whether feedback comes after each answer, and that feedback.
    bool isPractice() const;
    void checkAnswer();
    QString feedbackText() const;
    // The sandbox's verdict on an sql answer checked in practice (see sqlCheckRequested):
    // stored with the attempt and shown, when the answer is still the one it was for.
    void showSqlVerdict(int position, const QString &answerText, const std::optional<QuestionScore> &verdict,
                        const QString &error);

Q_SIGNALS:
    void submitted(const QString &attemptId);
    // Practice: the candidate checks an sql answer; whoever grades it calls showSqlVerdict.
    // Unconnected, the feedback shows a solution to compare with.
    void sqlCheckRequested(int position, const CandidateAnswer &answer);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QString text(const LocalizedText &localized) const;
    // Right or wrong, why, and the explanation, under the question at position (when it
    // is the one shown); a review card is rescheduled by its first check.
    void showFeedback(int position, const Question &question, const QuestionScore &score);
    void fitStem();
    void buildNavigator();
    void refreshNavigator();
    void saveAnswer();
    CandidateAnswer answerFromWidgets() const;

    ExamSession m_session;
    LocalizedText m_title;
    QString m_language;
    std::function<QDateTime()> m_clock;
    int m_position = -1;
    bool m_loading = false; // widgets are being filled from the stored state
    bool m_pending = false; // an answer waits to be saved
    int m_warned = 0;       // the last warning given: 600, 60 or 0
    QSet<int> m_rated;      // review sessions: the questions whose cards were rescheduled

    QLabel *m_heading;
    QLabel *m_countdown;
    QLabel *m_warning;
    QLabel *m_lockBanner = nullptr;
    QWidget *m_body = nullptr;
    QLabel *m_saveState;
    QGridLayout *m_grid;
    QList<QToolButton *> m_navigator;
    QLabel *m_number;
    QTextBrowser *m_stem;
    QStackedWidget *m_answers;
    QWidget *m_choices;
    QButtonGroup *m_choiceGroup;
    QLineEdit *m_text;
    QListWidget *m_order;
    QWidget *m_matching;
    SqlEditor *m_sql;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_flag;
    QPushButton *m_unsure;
    QPushButton *m_submit;
    QPushButton *m_checkAnswer;
    QTextBrowser *m_feedback;
    QTimer *m_timer;
    QTimer *m_retry;
};
