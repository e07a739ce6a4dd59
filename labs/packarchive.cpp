#include "packarchive.h"

#include <KArchiveDirectory>
#include <KArchiveFile>
#include <KZip>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace {
// Packs are text and a few images; an archive that unpacks to more is not a pack.
constexpr qint64 MaximumUnpackedBytes = 256 * 1024 * 1024;
constexpr int MaximumEntries = 20000;

QString &cacheOverride()
{
    static QString directory;
    return directory;
}

class Unpacker
{
public:
    explicit Unpacker(const QString &archiveName)
        : m_archive(archiveName)
    {
    }

    bool copy(const KArchiveDirectory *from, const QString &to, const QString &inside, QString *error)
    {
        if (!QDir().mkpath(to)) {
            *error = PackArchive::tr("cannot make the directory %1").arg(to);
            return false;
        }
        const QStringList names = from->entries();
        for (const QString &name : names) {
            const QString where = inside.isEmpty() ? name : inside + u'/' + name;
            if (name.isEmpty() || name == u"." || name == u".." || name.contains(u'/') || name.contains(u'\\')) {
                *error = PackArchive::tr("%1: the entry \"%2\" points outside the pack").arg(m_archive, where);
                return false;
            }
            const KArchiveEntry *entry = from->entry(name);
            if (!entry->symLinkTarget().isEmpty()) {
                *error = PackArchive::tr("%1: the entry \"%2\" is a link; a pack holds only files").arg(m_archive, where);
                return false;
            }
            if (++m_entries > MaximumEntries) {
                *error = PackArchive::tr("%1: more than %2 entries; that is not a courseware pack")
                             .arg(m_archive)
                             .arg(MaximumEntries);
                return false;
            }
            const QString target = QDir(to).filePath(name);
            if (entry->isDirectory()) {
                if (!copy(static_cast<const KArchiveDirectory *>(entry), target, where, error))
                    return false;
                continue;
            }
            const auto *file = static_cast<const KArchiveFile *>(entry);
            m_bytes += file->size();
            if (m_bytes > MaximumUnpackedBytes) {
                *error = PackArchive::tr("%1: it unpacks to more than %2 MB; that is not a courseware pack")
                             .arg(m_archive)
                             .arg(MaximumUnpackedBytes / (1024 * 1024));
                return false;
            }
            QFile out(target);
            if (!out.open(QIODevice::WriteOnly) || out.write(file->data()) != file->size()) {
                *error = PackArchive::tr("%1: cannot unpack \"%2\": %3").arg(m_archive, where, out.errorString());
                return false;
            }
        }
        return true;
    }

private:
    QString m_archive;
    qint64 m_bytes = 0;
    int m_entries = 0;
};

// The directory holding pack.yaml: the top, or its single subdirectory.
QString packRoot(const QString &top)
{
    const QDir dir(top);
    if (QFileInfo::exists(dir.filePath(QStringLiteral("pack.yaml"))))
        return dir.absolutePath();
    const QStringList subdirectories = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (subdirectories.size() == 1 && QFileInfo::exists(dir.filePath(subdirectories.first() + QStringLiteral("/pack.yaml"))))
        return dir.absoluteFilePath(subdirectories.first());
    return {};
}
} // namespace

bool PackArchive::isArchive(const QString &path)
{
    return path.endsWith(QStringLiteral(".zip"), Qt::CaseInsensitive) && QFileInfo(path).isFile();
}

QString PackArchive::cacheDirectory()
{
    if (!cacheOverride().isEmpty())
        return cacheOverride();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation))
        .filePath(QStringLiteral("pgcampus/packs"));
}

void PackArchive::setCacheDirectory(const QString &directory)
{
    cacheOverride() = directory;
}

QString PackArchive::unpack(const QString &archivePath, QString *error)
{
    const QString shown = QFileInfo(archivePath).fileName();
    QFile source(archivePath);
    if (!source.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot be read: %2").arg(shown, source.errorString());
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&source);
    source.close();
    const QString key = QString::fromLatin1(hash.result().toHex().left(24));
    const QDir cache(cacheDirectory());
    const QString done = cache.filePath(key);
    if (QFileInfo(done).isDir()) {
        const QString root = packRoot(done);
        if (!root.isEmpty())
            return root;
        QDir(done).removeRecursively(); // left half-made by someone else: unpack again
    }

    KZip zip(archivePath);
    if (!zip.open(QIODevice::ReadOnly)) {
        *error = tr("%1: not a readable .zip archive: %2").arg(shown, zip.errorString());
        return {};
    }
    // Unpacked beside its final place, then renamed: a reader never sees half a pack.
    const QString partial = cache.filePath(QStringLiteral("%1.partial-%2").arg(key).arg(QCoreApplication::applicationPid()));
    QDir(partial).removeRecursively();
    Unpacker unpacker(shown);
    if (!unpacker.copy(zip.directory(), partial, QString(), error)) {
        QDir(partial).removeRecursively();
        return {};
    }
    if (packRoot(partial).isEmpty()) {
        QDir(partial).removeRecursively();
        *error = tr("%1: no pack.yaml at the top of the archive or in its single top-level directory").arg(shown);
        return {};
    }
    if (!QDir().rename(partial, done)) // another process got there first: use theirs
        QDir(partial).removeRecursively();
    const QString root = packRoot(done);
    if (root.isEmpty())
        *error = tr("%1: cannot unpack into %2").arg(shown, cache.absolutePath());
    return root;
}
