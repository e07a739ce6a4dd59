#pragma once

#include "classlink.h"
#include "courselibrary.h"
#include "graderconnection.h"
#include "practiceserver.h"
#include "progressstore.h"
#include "settingsdialog.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QString>

#include <memory>

class ClassBar;
class ClassLink;
class ClassMenu;
class CourseDocks;
class DashboardView;
class ExamResultView;
class ExamSession;
class ExamView;
class MainWindow;
class QMessageBox;
class QWidget;
class SqlAnswerGrading;

// Composition root: the progress store, the practice server, the query session
// and the main window, started in that order and stopped in reverse.
class CampusApplication : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDirectory;
        QString screenshotFile; // non-empty: render the view, save it, quit
        QString view = QStringLiteral("workbench");
        QString palette; // "dark" or "light"; empty: the system's
    };

    explicit CampusApplication(const Options &options);
    ~CampusApplication() override;

    // Returns false with a message on stderr when the options cannot work.
    bool start();
    int exitCode() const { return m_exitCode; }

private:
    qint64 openProgressStore(); // the learner's id, 0 without a store
    void startPracticeServer();
    void onServerStarted(bool ok, const QString &error);
    void takeScreenshotWhenReady(bool runScript);
    void saveScreenshot();
    bool checkView();
    void openCourseView();
    // exam:BLUEPRINT: an attempt of that blueprint in its own window.
    bool openExamView(qint64 learnerId, const QString &language);
    // The learner's exam left open by a crash or a closed window: resumed with its answers
    // and the time the wall clock leaves (submitted if none is left). ask: offer it first.
    // Prints what it found on stdout ("resumed attempt ID: …"). False when there is none.
    bool resumeOpenExam(qint64 learnerId, const QString &language, bool ask);
    void showExam(ExamSession session, const LocalizedText &title, const QString &language);
    // The Exams menu: each exam of the packs, and the last result.
    void addExamMenu(qint64 learnerId, const QString &language);
    void addProgressMenu(qint64 learnerId, const QString &language);
    void addClassMenu(const QString &language);
    // A student joined a class: their results go to it, its labs open on its server.
    void joinClass(const ClassFile &file, const QString &login, const QString &password, const ClassLink::Joined &joined,
                   const QString &language);
    void leaveClass();
    // In a class: an exam the trainer locked may not start; extra time given is added.
    bool examAllowedByClass(const ExamBlueprint &blueprint, int *extraMinutes);
    // The open exam as the trainer has it now: paused while locked, extra time added.
    void applyClassControls();
    // class-provision, class-dashboard: a demo class on the practice server.
    void showClassSample(const QString &language);
    void showClassStudentSample(const QString &trainerConninfo, const QString &classId, const QString &language);
    // presenter: a lesson beside the editor, in presenter mode, a command just run.
    void showPresenterSample();
    void addHomePage(qint64 learnerId, const QString &language);
    bool openProfiles(qint64 learnerId);
    // The profile's PIN, when it has one (three tries); true when it may open.
    bool askPin(qint64 learnerId, QWidget *parent);
    void checkAndBackUpStore();
    void dropOtherLearnersSandboxes();
    void showExplainSample(const QString &script);
    void showBlockedSessions();
    void showBrowserSample();
    void showCompletionSample();
    void openSettings(SettingsDialog::Page page);
    // Asks, then puts the backup in the store's place and starts PG Campus again.
    void restoreFromBackup(const QString &backupPath, const QDate &day);
    // "system", "light" or "dark": the Fusion style with PG Campus's palettes, or the desktop's.
    void applyPalette(const QString &palette);
    void applyConfirmation(const QString &where);
    QString settingsFile() const;
    void startExam(const CoursePack &pack, const ExamBlueprint &blueprint, qint64 learnerId, const QString &language);
    // Ten untimed questions with feedback after each, from some domains (empty: all).
    void startDrill(const CoursePack &pack, const QStringList &domains, const LocalizedText &title, qint64 learnerId,
                    const QString &language);
    // The learner's two weakest domains of a pack by their submitted exams; empty without any.
    QStringList weakestDomains(const CoursePack &pack, qint64 learnerId) const;
    // The review queue: a session of the questions due now (the pack with most of them).
    bool startReview(qint64 learnerId, const QString &language);
    // After an exam is submitted: what was missed or unsure goes to the review queue.
    void queueForReview(const ExamAttemptRecord &attempt);
    // The attempt's sql answers graded (in the background), then the result and the review
    // queue brought up to date.
    void gradeSqlAnswers(const QString &attemptId, const QString &language);
    void onAttemptGraded(const QString &attemptId, const QList<int> &positions, const QStringList &errors);
    // exam-result:LAST: the learner's last submitted attempt, reviewed.
    bool openExamResult(const ExamAttemptRecord &attempt, const QString &language);

    Options m_options;
    ProgressStore m_store;
    PracticeServer m_server;
    std::unique_ptr<MainWindow> m_window;
    CourseLibrary m_library;
    CourseDocks *m_courses = nullptr;
    std::unique_ptr<ExamView> m_exam;
    std::unique_ptr<ExamResultView> m_result;
    DashboardView *m_dashboard = nullptr; // the window's home page
    QPointer<QWidget> m_profiles; // --view profiles
    QPointer<SettingsDialog> m_settings;
    ClassMenu *m_classMenu = nullptr;
    std::unique_ptr<ClassLink> m_classLink;
    ClassLink::Joined m_classJoined;
    QPointer<ClassBar> m_classBar;
    QPointer<QWidget> m_classWindow; // class-provision, class-dashboard: what the screenshot shows
    QString m_storeVerdict; // the integrity check at start: empty while it runs
    QString m_desktopStyle;
    std::unique_ptr<SqlAnswerGrading> m_grading;
    QMessageBox *m_confirmation = nullptr; // exam-submit: owned by the exam view
    bool m_screenshotAfterGrading = false;
    QPointer<QThread> m_storeCheck;
    QPointer<QThread> m_sandboxCleanup;
    bool m_serverStarted = false;
    bool m_serverStarting = false;
    bool m_screenshotTaken = false;
    bool m_explainShown = false;
    std::vector<GraderConnection> m_demoSessions; // --view activity
    int m_exitCode = 0;
};
