#pragma once

#include "coursepack.h"
#include "labenvironment.h"
#include "stepgrader.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class ProgressStore;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QThread;

// The lab beside the editor: objectives, the steps with their status, the current
// step's instructions, hints one at a time, Check (Ctrl+Shift+Enter), feedback in plain
// words, Reset and the reference solution (offered after SolutionAfterFailures failed
// attempts, or on request). The sandbox is prepared and every check graded on a worker
// thread; each attempt, hint, reset and solution shown is recorded in the progress store.
// Labs on a cluster of their own also get Restart server, and, when the cluster archives
// its WAL, Recover (point-in-time recovery with the learner's recovery settings).
class LabPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int SolutionAfterFailures = 3;

    explicit LabPanel(QWidget *parent = nullptr);
    ~LabPanel() override;

    struct Context
    {
        QString packId;
        LocalizedText title;
        Lab lab;
        LabEnvironment::Options environment;
        QString language = QStringLiteral("en");
        ProgressStore *store = nullptr;
        qint64 learnerId = 0;
    };
    // Shows the lab and prepares its sandbox; sandboxReady() follows.
    void openLab(const Context &context);
    // Shows the lab to read, with why it cannot be worked on (no server to run it on).
    void openWithoutServer(const Context &context, const QString &reason);
    // Where Check takes the learner's answer from (the editor's text).
    void setAnswerSource(std::function<QString()> source) { m_answer = std::move(source); }

    QString labId() const { return m_context.lab.id; }
    QString labTitle() const { return text(m_context.title); }
    int currentStep() const { return m_step; }
    void setCurrentStep(int step);
    bool isBusy() const { return m_busy; }
    QString feedbackText() const;
    QString statusText() const;
    QPushButton *checkButton() const { return m_check; }
    QPushButton *resetButton() const { return m_reset; }
    QPushButton *hintButton() const { return m_hint; }
    QPushButton *showSolutionButton() const { return m_showSolution; }
    QPushButton *restartButton() const { return m_restart; }
    QPushButton *recoverButton() const { return m_recover; }

    void check();
    void revealHint();
    void reset();
    void showSolution();
    void restartServer();
    void recoverCluster();

Q_SIGNALS:
    void sandboxReady(const QString &learnerConninfo);
    // A cluster lab with a standby: where a second editor tab connects to it.
    void standbyReady(const QString &standbyConninfo);
    // A lab with labelled sessions: one for each, where its editor tab ("Session A") connects.
    void sessionReady(const QString &session, const QString &conninfo);
    void sandboxFailed(const QString &message);
    void checked(bool passed);
    // Each check, for whoever follows the learner's work (a class the learner joined).
    void attempted(const QString &labId, const QString &stepId, bool passed, const QString &feedback);

private:
    QString text(const LocalizedText &localized) const;
    void showLab(const Context &context);
    void runInBackground(std::function<QString()> work, std::function<void(const QString &)> done);
    void setBusy(bool busy, const QString &status = {});
    void refreshSteps();
    void showVerdict(const StepVerdict &verdict);
    void record(int kind, bool passed, const QString &detail, qint64 durationMs = 0);
    int failedAttempts() const;
    // The lab's servers are ready (again): the editor tabs connect.
    void announceReady();
    void waitForWorkers();
    // Makes the spare sandbox the next Reset swaps in, on a worker that does not make the
    // panel busy.
    void prepareSpareQuietly();

    Context m_context;
    std::unique_ptr<LabEnvironment> m_environment;
    std::function<QString()> m_answer;
    int m_step = 0;
    QList<int> m_hintsShown;
    QList<int> m_failures;
    QList<bool> m_passed;
    bool m_busy = false;
    QElapsedTimer m_sinceStep;
    QList<QPointer<QThread>> m_workers; // waited for when the panel goes, as they use m_environment

    QLabel *m_title;
    QLabel *m_objectives;
    QListWidget *m_steps;
    QLabel *m_instructions;
    QLabel *m_hints;
    QLabel *m_feedback;
    QLabel *m_status;
    QPlainTextEdit *m_solution;
    QPushButton *m_check;
    QPushButton *m_hint;
    QPushButton *m_reset;
    QPushButton *m_showSolution;
    QPushButton *m_restart;
    QPushButton *m_recover;
};
