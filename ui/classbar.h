#pragma once

#include "classlink.h"

#include <QToolBar>

class CourseLibrary;
class QLabel;
class QPushButton;

// The bar a student sees while in a class: which class, whether their results reach it
// (live, or reconnecting with results kept until then), and, when the trainer asks the
// class to follow, the lesson they present with a button to open it.
class ClassBar : public QToolBar
{
    Q_OBJECT
public:
    ClassBar(ClassLink *link, const CourseLibrary &library, const QString &language, QWidget *parent = nullptr);

    QString stateText() const;
    QString followText() const;
    QPushButton *openButton() const { return m_open; }

Q_SIGNALS:
    void openRequested(const QString &itemId);
    void leaveRequested();

private:
    void showControls(const QHash<QString, QString> &controls);

    ClassLink *m_link;
    const CourseLibrary &m_library;
    QString m_language;
    QString m_follow;
    QLabel *m_state;
    QLabel *m_followLabel;
    QPushButton *m_open;
    QAction *m_followGroup;
    QAction *m_openAction;
};
