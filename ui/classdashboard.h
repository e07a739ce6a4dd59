#pragma once

#include "classdashboardmodel.h"

#include <QDialog>
#include <QWidget>

class CourseLibrary;
class QAction;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTextBrowser;
class QToolBar;

// The trainer's view of a class: a students × items grid that changes as results are
// recorded (ClassMonitor, LISTEN/NOTIFY), the selected cell's last attempts and feedback,
// and the trainer's actions: reset a lab (the selected students' or everyone's), lock or
// unlock an exam, give a student extra exam time, "follow me" (students are asked to open
// the lesson the trainer presents), export the results (CSV, PDF) and tear the class down
// after the trainer types its id. Actions that touch the server run on a worker.
class ClassDashboard : public QWidget
{
    Q_OBJECT
public:
    ClassDashboard(const QString &trainerConninfo, const QString &classId, const CourseLibrary &library,
                   const QString &language, QWidget *parent = nullptr);
    ~ClassDashboard() override;

    ClassDashboardModel *model() const { return m_model; }
    ClassMonitor *monitor() const { return m_monitor; }
    QTableView *grid() const { return m_grid; }
    QTextBrowser *details() const { return m_details; }
    QToolBar *toolBar() const { return m_toolBar; }
    QString classId() const { return m_classId; }

    // The actions, as the toolbar runs them once the trainer has confirmed.
    void resetLab(const QString &labId, const QList<int> &numbers);
    void setExamLocked(const QString &examId, bool locked);
    void extendTime(const QString &login, const QString &examId, int minutes);
    void followMe(const QString &lessonId);
    bool exportResults(const QString &path, QString *error) const; // .csv or .pdf by its suffix
    void tearDown();

Q_SIGNALS:
    // An action finished: what it did, or why it did not.
    void actionFinished(bool ok, const QString &message);
    void tornDown();

private:
    void showSelection();
    void updateSummary();
    void runOnWorker(const QString &doing, std::function<bool(QString *)> work, const QString &done);
    QString selectedItem(const QString &kind) const; // the item of the current column when it is of that kind
    QList<int> selectedStudents() const;
    void askReset();
    void askLock(bool locked);
    void askExtend();
    void askFollow();
    void askExport();
    void askTearDown();

    QString m_trainer;
    QString m_classId;
    const CourseLibrary &m_library;
    QString m_language;
    QStringList m_examIds;
    ClassMonitor *m_monitor;
    ClassDashboardModel *m_model;
    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_summary;
    QLabel *m_activity;
    QSpinBox *m_stuckMinutes;
    QToolBar *m_toolBar;
    QTableView *m_grid;
    QTextBrowser *m_details;
    int m_running = 0;
};

// Tearing a class down drops every student's role and sandbox: the trainer types the
// class's id to confirm, and the button stays disabled until it matches.
class TeardownConfirmation : public QDialog
{
    Q_OBJECT
public:
    TeardownConfirmation(const QString &classId, int students, QWidget *parent = nullptr);
    QLineEdit *field() const { return m_field; }
    QPushButton *confirmButton() const { return m_confirm; }

private:
    QLineEdit *m_field;
    QPushButton *m_confirm;
};
