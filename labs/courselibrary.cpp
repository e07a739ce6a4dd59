#include "courselibrary.h"

#include "packarchive.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

QStringList CourseLibrary::defaultDirectories(const QString &dataDirectory)
{
    QStringList directories;
    for (const QString &d : qEnvironmentVariable("PGCAMPUS_COURSEWARE").split(QDir::listSeparator(), Qt::SkipEmptyParts))
        directories << d;
    const QDir app(QCoreApplication::applicationDirPath());
    directories << QDir::cleanPath(app.filePath(QStringLiteral(PGCAMPUS_COURSEWARE_FROM_BIN)));
    directories << QDir(dataDirectory).filePath(QStringLiteral("courseware"));
    return directories;
}

QList<CourseLibrary::PackSource> CourseLibrary::packSources(const QString &path)
{
    const auto source = [](const QString &path) {
        if (!PackArchive::isArchive(path))
            return PackSource{QDir(path).absolutePath(), QDir(path).absolutePath(), QString()};
        PackSource unpacked{QFileInfo(path).absoluteFilePath(), QString(), QString()};
        unpacked.directory = PackArchive::unpack(path, &unpacked.error);
        return unpacked;
    };
    const QDir dir(path);
    if (PackArchive::isArchive(path) || QFileInfo::exists(dir.filePath(QStringLiteral("pack.yaml"))))
        return {source(path)};
    QList<PackSource> packs;
    const QFileInfoList entries = dir.entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        if ((entry.isDir() && QFileInfo::exists(entry.filePath() + QStringLiteral("/pack.yaml")))
            || PackArchive::isArchive(entry.filePath()))
            packs << source(entry.filePath());
    }
    return packs;
}

void CourseLibrary::load(const QStringList &directories)
{
    m_packs.clear();
    m_problems.clear();
    QStringList seen;
    for (const QString &directory : directories) {
        for (const PackSource &candidate : packSources(directory)) {
            if (candidate.directory.isEmpty()) {
                m_problems << PackProblem{candidate.shownAs, 0, candidate.error};
                continue;
            }
            QList<PackProblem> problems;
            std::optional<CoursePack> loaded = CoursePackLoader::load(candidate.directory, &problems);
            for (PackProblem &p : problems)
                p.file = candidate.shownAs + u'/' + p.file;
            m_problems << problems;
            if (loaded && !seen.contains(loaded->id)) { // the first copy of a pack wins
                seen << loaded->id;
                m_packs << *loaded;
            }
        }
    }
}

const CoursePack *CourseLibrary::pack(const QString &packId) const
{
    for (const CoursePack &p : m_packs) {
        if (p.id == packId)
            return &p;
    }
    return nullptr;
}

CourseLibrary::Found CourseLibrary::find(const QString &packId, const QString &itemId) const
{
    for (const CoursePack &p : m_packs) {
        if (!packId.isEmpty() && p.id != packId)
            continue;
        for (const CourseTrack &track : p.tracks)
            for (const CourseModule &module : track.modules)
                for (const CourseItem &item : module.items) {
                    if (item.id != itemId)
                        continue;
                    Found found{&p, &item, nullptr};
                    for (const Lab &lab : p.labs) {
                        if (lab.id == itemId)
                            found.lab = &lab;
                    }
                    return found;
                }
    }
    return {};
}

CourseLibrary::FoundExam CourseLibrary::findExam(const QString &packId, const QString &examId) const
{
    for (const CoursePack &p : m_packs) {
        if (!packId.isEmpty() && p.id != packId)
            continue;
        for (const ExamBlueprint &b : p.blueprints) {
            if (b.id == examId)
                return {&p, &b};
        }
    }
    return {};
}

CourseLibrary::Found CourseLibrary::find(const QString &itemId) const
{
    return find(QString(), itemId);
}

QList<const CourseItem *> CourseLibrary::itemsInOrder(const QString &packId) const
{
    QList<const CourseItem *> items;
    if (const CoursePack *p = pack(packId))
        for (const CourseTrack &track : p->tracks)
            for (const CourseModule &module : track.modules)
                for (const CourseItem &item : module.items)
                    items << &item;
    return items;
}
