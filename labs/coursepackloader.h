#pragma once

#include "coursepack.h"

#include <QCoreApplication>

#include <optional>

// A problem found in a pack, pointing at the file and line that has it.
struct PackProblem
{
    QString file; // relative to the pack's directory
    int line = 0; // 1-based, 0 when the whole file is meant
    QString message;

    QString toText() const;
};

// Reads a courseware pack from its directory (pack.yaml, lessons/*.md, labs/*.yaml;
// the format is in courseware/README.md) and checks it: required fields, both
// languages, unique ids, files and images that exist, prerequisites that resolve.
class CoursePackLoader
{
    Q_DECLARE_TR_FUNCTIONS(CoursePackLoader)
public:
    static const QStringList Languages; // zh_CN and en: every text comes in both
    static const QStringList CheckKinds;

    // The pack, or nothing when it cannot be used; problems get every problem found.
    // One check written as in a lab file ("kind: result\nreference: ..."), for tests and tools.
    static LabCheck checkFromYaml(const QString &yaml);

    static std::optional<CoursePack> load(const QString &directory, QList<PackProblem> *problems);
};
