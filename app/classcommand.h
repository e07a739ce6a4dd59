#pragma once

#include <QCoreApplication>
#include <QStringList>

// Classroom mode for scripted setups (see Classroom):
//   pgcampus class provision --conn CONNINFO (--students N | --roster FILE.csv) [--pack ID…]
//                            --credentials OUT.csv [--class ID]
//   pgcampus class status|teardown --conn CONNINFO --class ID
//   pgcampus class reset --conn CONNINFO --class ID --lab ID [--student N…]
// Exit codes: 0 done, 1 failed (the server said why), 2 usage.
class ClassCommand
{
    Q_DECLARE_TR_FUNCTIONS(ClassCommand)
public:
    // arguments start with "class"; defaultDataDirectory: where installed packs are looked for.
    static int run(const QStringList &arguments, const QString &defaultDataDirectory);
};
