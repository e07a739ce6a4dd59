#pragma once

#include "coursepack.h"
#include "coursepackloader.h"

#include <QCoreApplication>

// Every pack the app can offer: those shipped with it, those a learner or trainer put
// in the data directory, and those named by PGCAMPUS_COURSEWARE. A broken pack is
// reported and left out; the others load.
class CourseLibrary
{
    Q_DECLARE_TR_FUNCTIONS(CourseLibrary)
public:
    // Where packs are looked for, in order: PGCAMPUS_COURSEWARE, the shipped packs in
    // share/pgcampus/courseware beside the program's bin/ (a build tree has the same layout),
    // the data directory's courseware/. No path of the machine that built it.
    static QStringList defaultDirectories(const QString &dataDirectory);

    // Where one pack's files are: its directory, or where its .zip was unpacked.
    struct PackSource
    {
        QString shownAs;   // the directory or the .zip, as problems name it
        QString directory; // empty when the archive could not be unpacked
        QString error;     // why not
    };
    // A pack's own directory or .zip, or every pack (directory or .zip) directly inside a
    // directory of packs.
    static QList<PackSource> packSources(const QString &path);

    // Loads the packs in each directory (a pack, or a directory of packs).
    void load(const QStringList &directories);

    const QList<CoursePack> &packs() const { return m_packs; }
    const QList<PackProblem> &problems() const { return m_problems; }

    const CoursePack *pack(const QString &packId) const;
    // The pack holding an item, the item, and its lab (labs only); nulls when unknown.
    struct Found
    {
        const CoursePack *pack = nullptr;
        const CourseItem *item = nullptr;
        const Lab *lab = nullptr;
    };
    Found find(const QString &itemId) const;
    Found find(const QString &packId, const QString &itemId) const;
    // An exam and its pack: in the named pack, or the first pack that has it when packId is
    // empty; nulls when unknown.
    struct FoundExam
    {
        const CoursePack *pack = nullptr;
        const ExamBlueprint *blueprint = nullptr;
    };
    FoundExam findExam(const QString &packId, const QString &examId) const;
    // The items of the item's pack in course order, to step to the previous and next one.
    QList<const CourseItem *> itemsInOrder(const QString &packId) const;

private:
    QList<CoursePack> m_packs;
    QList<PackProblem> m_problems;
};
