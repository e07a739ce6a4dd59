#pragma once

#include <QCoreApplication>
#include <QStringList>

// "pgcampus courseware check PATH...": reads every pack under the paths (a pack's
// own directory, or a directory of packs), prints each problem as FILE:LINE: message
// and a one-line summary, and exits non-zero when a pack has a problem.
// "pgcampus courseware import gift|aiken|moodlexml FILE --into PACKDIR" adds a bank to a
// pack (each question it skips reported as FILE:LINE); "pgcampus courseware export
// moodlexml PACKDIR BANK FILE" writes a bank as Moodle XML.
class CoursewareCommand
{
    Q_DECLARE_TR_FUNCTIONS(CoursewareCommand)
public:
    // arguments start with "courseware"; returns the process exit code.
    static int run(const QStringList &arguments);

private:
    static int importBank(const QStringList &arguments);
    static int exportBank(const QStringList &arguments);
};
