#pragma once

#include "classroom.h"

#include <QDialog>

class CourseLibrary;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

// Provision a Class: the trainer picks the server (a saved connection or a conninfo, with
// the password typed here and not kept), the students (a count, or a roster CSV of names)
// and the course packs; PG Campus makes the class on a worker, logging each student, then
// offers the credentials sheet (PDF or CSV), the class file to hand out, and the dashboard.
class ClassProvisionDialog : public QDialog
{
    Q_OBJECT
public:
    struct Connection
    {
        QString name;
        QString conninfo;
    };
    ClassProvisionDialog(const CourseLibrary &library, const QList<Connection> &connections, const QString &language,
                         QWidget *parent = nullptr);

    QLineEdit *conninfoField() const { return m_conninfo; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *titleField() const { return m_title; }
    QSpinBox *countField() const { return m_count; }
    QListWidget *packList() const { return m_packs; }
    QPlainTextEdit *log() const { return m_log; }
    QPushButton *provisionButton() const { return m_provision; }
    // The trainer's connection with the password typed, and the class's id.
    QString trainerConninfo() const;
    QString classId() const { return m_classId; }
    QStringList studentNames() const;
    bool loadRoster(const QString &path, QString *error);
    bool isProvisioned() const { return m_done; }

    // Runs what the Provision button runs.
    void provision();
    bool saveCredentials(const QString &path, QString *error) const; // .pdf or .csv
    bool saveClassFile(const QString &path, QString *error) const;

Q_SIGNALS:
    void provisioned(bool ok, const QString &message);
    void dashboardRequested(const QString &trainerConninfo, const QString &classId);

private:
    void updateEstimate();
    void finished(bool ok, const QString &error, const QList<ClassStudent> &students);
    ClassFile classFile() const;

    const CourseLibrary &m_library;
    QString m_language;
    QString m_classId;
    QComboBox *m_saved;
    QLineEdit *m_conninfo;
    QLineEdit *m_password;
    QLineEdit *m_title;
    QRadioButton *m_byCount;
    QRadioButton *m_byRoster;
    QSpinBox *m_count;
    QPushButton *m_rosterButton;
    QLabel *m_rosterLabel;
    QListWidget *m_packs;
    QLabel *m_estimate;
    QPlainTextEdit *m_log;
    QPushButton *m_provision;
    QPushButton *m_saveSheet;
    QPushButton *m_saveClassFile;
    QPushButton *m_openDashboard;
    QStringList m_roster;
    QList<ClassStudent> m_students;
    bool m_done = false;
};
