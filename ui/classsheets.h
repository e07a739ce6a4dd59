#pragma once

#include "classroom.h"

#include <QCoreApplication>

class ClassDashboardModel;

// What a trainer prints or saves for a class: the credentials sheet (a card per student,
// to cut apart and hand out) and the class's results (a row per student, a column per item).
class ClassSheets
{
    Q_DECLARE_TR_FUNCTIONS(ClassSheets)
public:
    static QString credentialsHtml(const ClassFile &file, const QList<ClassStudent> &students);
    static bool writeCredentialsPdf(const QString &path, const ClassFile &file, const QList<ClassStudent> &students,
                                    QString *error);

    static QString resultsCsv(const ClassDashboardModel &model);
    static QString resultsHtml(const ClassDashboardModel &model, const QString &classId);
    static bool writeResultsPdf(const QString &path, const ClassDashboardModel &model, const QString &classId, QString *error);
};
