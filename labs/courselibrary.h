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
    // Where packs are looked for, in order.
    static QStringList defaultDirectories(const QString &dataDirectory);

    // A pack's own directory, or every pack directly inside a directory of packs.
    static QStringList packDirectories(const QString &path);

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
    // The items of the item's pack in course order, to step to the previous and next one.
    QList<const CourseItem *> itemsInOrder(const QString &packId) const;

private:
    QList<CoursePack> m_packs;
    QList<PackProblem> m_problems;
};
