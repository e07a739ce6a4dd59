#pragma once

#include <QCoreApplication>
#include <QString>

class GraderConnection;

// Finds a constraint of a table that means the same as an author's definition, however
// the learner wrote it. UNIQUE and PRIMARY KEY compare column sets, FOREIGN KEY columns,
// target and actions (from the catalog). A CHECK passes when it accepts exactly the same
// rows as the author's: both are evaluated over probe rows made from the constants of
// both expressions, their neighbours, constant arithmetic, case variants, NULL, the
// table's own values and (one column) a wide fixed sweep of numbers; see candidates().
class ConstraintEquivalence
{
    Q_DECLARE_TR_FUNCTIONS(ConstraintEquivalence)
public:
    struct Match
    {
        bool found = false;
        QString name; // the learner's constraint that matched
        QString why;  // when none did: what the table has instead
    };

    // catalog reads the catalog (GradingContext::openCatalog; names resolve in the lab's
    // schemas); learner evaluates every expression, and the values tried, with the learner's
    // rights in a read-only transaction that is rolled back.
    static Match find(GraderConnection &catalog, GraderConnection &learner, const QString &table,
                      const QStringList &schemas, const QString &definition);

    // An identifier as the catalog spells it: "Name" keeps its case, name is folded.
    static QString normalizedName(const QString &identifier);

    // Most probe rows one CHECK comparison evaluates.
    static constexpr int MaxProbeRows = 5000;
};
