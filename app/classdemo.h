#pragma once

#include <QCoreApplication>
#include <QStringList>

class CourseLibrary;

// A class made for the screenshots of the class views: eight students on the practice
// server with three labs and the pack's exams, and results recorded as the students (their
// own logins, through record_result) so that every cell state appears; the stuck ones are
// dated back. Blocking: run it on a worker.
class ClassDemo
{
    Q_DECLARE_TR_FUNCTIONS(ClassDemo)
public:
    static QStringList names(const QString &language);
    static QStringList labIds();
    // Provisions the class and records the results; how many, or -1 with *error set.
    static int make(const QString &trainerConninfo, const QString &classId, const CourseLibrary &library, const QString &language,
                    QString *error);
};
