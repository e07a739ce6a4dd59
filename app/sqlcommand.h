#pragma once

#include <QCoreApplication>
#include <QStringList>

// "pgcampus sql": runs SQL from the command line through the same splitter and
// session as the workbench and prints the results like psql does.
//
//   pgcampus sql [--conn CONNINFO | --service NAME] (-c SQL | -f FILE)
//                [--format table|csv|json|none] [--echo] [--stop-on-error] [--data-dir DIR]
//
// Without --conn or --service it uses the practice server in the data directory,
// starting it for the run (and stopping it again) when it is not running.
class SqlCommand
{
    Q_DECLARE_TR_FUNCTIONS(SqlCommand)
public:
    // arguments start with "sql"; returns the process exit code.
    static int run(const QStringList &arguments, const QString &defaultDataDirectory);
};
