#pragma once

#include <QCoreApplication>
#include <QString>

// A courseware pack handed out as one .zip file. The pack's files are unpacked once into a
// cache directory named by the archive's content hash, and the pack loads from there like
// any other; the same archive is not unpacked twice, a changed one gets a directory of its
// own. The archive may hold pack.yaml at its top or inside a single top-level directory.
// Entries that would land outside that directory, links, and archives that unpack to more
// than a sane size are refused.
class PackArchive
{
    Q_DECLARE_TR_FUNCTIONS(PackArchive)
public:
    static bool isArchive(const QString &path);

    // Where archives are unpacked: the user's cache, unless set (tests, a shared class machine).
    static QString cacheDirectory();
    static void setCacheDirectory(const QString &directory);

    // The directory holding the unpacked pack's pack.yaml, or empty with *error set.
    static QString unpack(const QString &archivePath, QString *error);
};
