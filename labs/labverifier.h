#pragma once

#include "coursepack.h"
#include "coursepackloader.h"

#include <QCoreApplication>

// Proves a lab solvable and its graders sharp, for `courseware check --run`: builds the
// lab on a server (or its disposable cluster), and for every step, in a fresh sandbox
// after the earlier steps' solutions, checks that the reference solution passes and
// that each decoy fails.
class LabVerifier
{
    Q_DECLARE_TR_FUNCTIONS(LabVerifier)
public:
    struct Report
    {
        int steps = 0;  // steps whose solution passed
        int decoys = 0; // decoys rejected
        QList<PackProblem> problems;
        // What the author should look at, though the lab works (an order the reference leaves open).
        QList<PackProblem> warnings;
    };

    // adminConninfo: a superuser connection to the server labs are built on;
    // workDirectory: where disposable clusters go.
    LabVerifier(const QString &adminConninfo, const QString &workDirectory);

    Report verify(const Lab &lab, const QString &language = QStringLiteral("en"));

private:
    // The learner's role as the administrator sees it: attributes and memberships.
    QString roleSnapshot(const QString &role) const;

    QString m_admin;
    QString m_work;
};
