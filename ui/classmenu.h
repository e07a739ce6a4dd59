#pragma once

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

private:
    QMainWindow *m_window;
    const CourseLibrary &m_library;
    QList<ClassProvisionDialog::Connection> m_connections;
    QString m_language;
    QMenu *m_menu;
};
