#pragma once

#include "classlink.h"
#include "workbenchtab.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

class CourseBrowser;
class CourseLibrary;
class LabPanel;
class LessonView;
class MainWindow;
class ProgressStore;
class QDockWidget;

// Guided training in the workbench window: the course browser docked on the left, the
// lesson reader and the lab panel on the right. Lesson examples open or run in an editor
// tab; a lab gets an editor tab of its own, connected to the learner's sandbox. Completion
// marks come from the progress store.
class CourseDocks : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        const CourseLibrary *library = nullptr;
        ProgressStore *store = nullptr;
        qint64 learnerId = 0;
        QString language = QStringLiteral("en");
        QString dataDirectory; // labs' own clusters go below it
    };

    CourseDocks(MainWindow *window, const Setup &setup);

    // The server where lab sandboxes are made (the practice server's superuser); until it
    // is known, a lab waits.
    void setAdminConninfo(const QString &conninfo);
    // No server to run labs on: a lab opened now is shown to read, with the reason.
    void setServerUnavailable(const QString &reason);
    // The class the learner joined (null: none): its labs open on the learner's sandboxes
    // on the class's server, and each check is recorded in the class through the link.
    void setClass(ClassLink *link, const ClassLink::Joined &joined);
    ClassLink *classLink() const { return m_class; }
    // Shows a lesson or a lab; false when the pack has no such item.
    bool open(const QString &packId, const QString &itemId);
    void refreshCompletion();

    CourseBrowser *browser() const { return m_browser; }
    LessonView *lessonView() const { return m_lesson; }
    LabPanel *labPanel() const { return m_lab; }
    QDockWidget *browserDock() const { return m_browserDock; }
    WorkbenchTab *labTab() const { return m_labTab; }
    // A cluster lab with a standby: the second editor tab, connected to the standby.
    WorkbenchTab *standbyTab() const { return m_standbyTab; }
    // A lab with labelled sessions: the tab of one ("A"), or null.
    WorkbenchTab *sessionTab(const QString &session) const { return m_sessionTabs.value(session); }

Q_SIGNALS:
    // The lab's editor tab is connected to its sandbox.
    void labReady();
    void labFailed(const QString &message);

private:
    void openLesson(const QString &packId, const QString &itemId);
    void lessonReadToEnd();
    void openLab(const QString &packId, const QString &itemId);
    void step(int direction);
    WorkbenchTab *examplesTab();

    MainWindow *m_window;
    Setup m_setup;
    QString m_admin;
    QString m_packId;
    QString m_itemId;
    QString m_pendingLab; // "pack/item" waiting for the server
    QString m_serverProblem; // why there is no server, once its start failed
    CourseBrowser *m_browser;
    LessonView *m_lesson;
    LabPanel *m_lab;
    QDockWidget *m_browserDock;
    QDockWidget *m_lessonDock;
    QDockWidget *m_labDock;
    // Tabs the learner may close: the pointers clear themselves.
    QPointer<WorkbenchTab> m_labTab;
    QPointer<WorkbenchTab> m_standbyTab;
    QMap<QString, QPointer<WorkbenchTab>> m_sessionTabs;
    QPointer<WorkbenchTab> m_examplesTab;
    QPointer<ClassLink> m_class;
    ClassLink::Joined m_joined;
};
