#pragma once

#include "classlink.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

// Join a Class: the class file the trainer handed out (or its details typed), then the
// login and password from the student's card. Join logs in and reads the class on a worker;
// a wrong password or a login of another class is said here, in plain words.
class JoinClassDialog : public QDialog
{
    Q_OBJECT
public:
    explicit JoinClassDialog(QWidget *parent = nullptr);

    bool openClassFile(const QString &path, QString *error);
    ClassFile classFile() const;
    QString login() const;
    QString password() const;
    const ClassLink::Joined &joined() const { return m_joined; }
    QLineEdit *loginField() const { return m_login; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *joinButton() const { return m_join; }
    QLabel *statusLabel() const { return m_status; }

    void join(); // what the Join button does; accepts when the server says yes

private:
    QLineEdit *m_host;
    QLineEdit *m_port;
    QLineEdit *m_database;
    QLineEdit *m_classId;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QLabel *m_title;
    QLabel *m_status;
    QPushButton *m_join;
    QString m_fileTitle;
    ClassLink::Joined m_joined;
};
