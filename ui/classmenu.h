#pragma once

#include "classlink.h"
#include "classprovisiondialog.h"

#include <QObject>
#include <QPointer>

class ClassDashboard;
class CourseLibrary;
class QMainWindow;
class QMenu;

// The Class menu of a trainer: Provision a Class… and Open Class Dashboard…. A dashboard is
// a window of its own (a trainer often puts it on a second screen).
class ClassMenu : public QObject
{
    Q_OBJECT
public:
    ClassMenu(QMainWindow *window, const CourseLibrary &library, const QList<ClassProvisionDialog::Connection> &connections,
              const QString &language);

    QMenu *menu() const { return m_menu; }
    ClassProvisionDialog *openProvisioning();
    ClassDashboard *openDashboard(const QString &trainerConninfo, const QString &classId);
    // Asks which class (connection and id), then opens its dashboard.
    void askDashboard();
    // A student: the class file and their card's login; joined() when the server agrees.
    void askJoin();
    QAction *leaveAction() const { return m_leave; }

Q_SIGNALS:
    void joined(const ClassFile &file, const QString &login, const QString &password, const ClassLink::Joined &joined);
    void leaveRequested();

private:
    QMainWindow *m_window;
    const CourseLibrary &m_library;
    QList<ClassProvisionDialog::Connection> m_connections;
    QString m_language;
    QMenu *m_menu;
    QAction *m_leave;
};
