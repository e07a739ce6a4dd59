#pragma once

#include <QCoreApplication>
#include <QStringList>

// "pgcampus progress export --profile NAME FILE" writes a learner's profile as a portable
// progress file; "pgcampus progress import FILE" merges one into this installation (see
// ProgressFile). Both take --data-dir like the app. Exit codes: 0 done, 1 refused or
// failed (nothing changed), 2 usage.
class ProgressCommand
{
    Q_DECLARE_TR_FUNCTIONS(ProgressCommand)
public:
    // arguments start with "progress"; defaultDataDirectory: where the app keeps its store.
    static int run(const QStringList &arguments, const QString &defaultDataDirectory);
};
