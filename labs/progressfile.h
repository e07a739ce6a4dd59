#pragma once

#include "progressstore.h"

#include <QCoreApplication>
#include <QMap>

// A learner's profile as one portable file, to carry progress to another installation.
// The file is JSON: the profile (its profileId, name, language), then every row the
// learner recorded (activity, lessons and labs, workbench history, exam attempts and
// their events, review cards), and a SHA-256 checksum over the rest, so a file changed by
// hand (or cut short) is refused. Editor tabs stay with their installation.
//
// Importing merges by id: rows already there are left alone, so importing a file twice
// changes nothing and a newer export adds only what is new. An exam attempt submitted
// since is marked submitted; a review card takes whichever side was reviewed last. A file
// for a different profile whose name is taken here is refused. Each import is one
// transaction: a refused or failed one leaves the store as it was.
class ProgressFile
{
    Q_DECLARE_TR_FUNCTIONS(ProgressFile)
public:
    static constexpr int FormatVersion = 1;

    static bool exportProfile(const ProgressStore &store, qint64 learnerId, const QString &path, QString *error);

    struct ImportReport
    {
        QString profileName;
        bool createdProfile = false;
        QMap<QString, int> added; // rows new to this store, by table
        int addedTotal() const;
    };
    static std::optional<ImportReport> importFile(ProgressStore &store, const QString &path, QString *error);
};
