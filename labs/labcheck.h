#pragma once

#include "coursepack.h"
#include "statedigest.h"
#include "statementsplitter.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

// What one check found: passed or not, and why, in the learner's words.
struct CheckVerdict
{
    bool passed = false;
    QStringList feedback;
    // What the author should know and the learner never sees (courseware check --run prints
    // them as warnings): a reference whose order is not determined, for example.
    QStringList authorWarnings;

    static CheckVerdict pass() { return {true, {}, {}}; }
    static CheckVerdict fail(const QString &why) { return {false, {why}, {}}; }
};

// Where and what a check grades: the learner's sandbox, seen as the learner and as the
// administrator, the lab's hidden variant data, and the learner's answer.
struct GradingContext
{
    // The sandbox as the learner's grader: a login role of its own that has the learner's
    // privileges (so what it runs is invisible to the learner in pg_stat_activity) and
    // switches to the learner's role (learnerRole) for every check.
    QString learnerConninfo;
    QString learnerRole;
    QString adminConninfo;   // the sandbox, as the server's administrator: opened only by openCatalog()
    QString variantConninfo; // the variant data, as its read-only reader; empty without one
    QString clusterConninfo; // cluster labs: the disposable cluster as its superuser
    QString archiveDirectory; // cluster labs: where WAL is archived
    QString firstSegment;     // cluster labs: the WAL segment current when the lab (re)started
    QString standbyConninfo;  // cluster labs with a standby: the standby as its superuser
    QString binaryDirectory;  // cluster labs: pg_dump, pg_restore and the other server programs
    QString answer;          // the SQL the learner wrote for the step
    QString language = QStringLiteral("en");
    int statementTimeoutMs = 5000;
    // Where the lab's unqualified names live, in order (catalog reads resolve names there).
    QStringList labSchemas{QStringLiteral("public")};
    // The lab's data as the step expects it (after its reference solution and the earlier
    // steps'), as digests of its tables; hasExpectedState false when that is not known (no
    // step given, a class's sandbox, a solution that fails): nothing is compared then.
    QList<RelationDigest> expectedState;
    bool hasExpectedState = false;
    std::shared_ptr<DigestCache> digestCache; // the learner's digests taken so far (may be null)

    // The catalog reader: the sandbox as the administrator, for reading catalogs and
    // nothing else. search_path is pg_catalog alone and every transaction read-only, pinned
    // when the connection starts so no setting of the learner's database or role changes
    // them; functions, operators and types are then only ever found in pg_catalog, so no
    // query on it calls anything a learner defined. Names a check gives are resolved with
    // CatalogNames. Whatever evaluates learner-reachable code runs as the learner instead.
    bool openCatalog(class GraderConnection &connection, QString *error) const;

    // Opens the sandbox as the learner (through the grader role when there is one), pinned
    // (openPinned) unless a check looks at the learner's settings themselves.
    bool openAsLearner(class GraderConnection &connection, QString *error, bool pinned = true) const;
    // Opens conninfo (the sandbox as the learner's grader or a lab role) for grading: the
    // lab's search path (pg_catalog, then labSchemas; no "$user"), and every setting the
    // learner gave their database or roles (ALTER DATABASE/ROLE ... SET) put back to the
    // server's own value, all as startup options, which outrank those settings. So a copy of
    // a table in a schema of the learner's, or planner costs set for the database, cannot
    // change what a check reads or how it plans.
    bool openPinned(class GraderConnection &connection, const QString &conninfo, QString *error) const;
    // The sandbox as another role (one of the lab's roles).
    QString conninfoAs(const QString &role) const;
    // The answer's last query (comments alone are no query): what result and plan checks grade.
    ScriptUnit learnerUnit() const;
    // Where the learner's data differs from the lab's at this step, one line per table, on c
    // (the learner's side, inside a transaction, which this changes settings of): each of
    // the lab's tables that is gone or lost a column, and the ones in read (schema, name)
    // whose rows differ. A result or plan check graded on damaged data is not trusted.
    QStringList dataDifferences(class GraderConnection &c, const QList<std::pair<QString, QString>> &read) const;

private:
    bool pinnedOptions(QString *options, QString *error) const;
    mutable std::shared_ptr<QString> m_pinned; // pinnedOptions(), once per grading
};

// The grader of one check kind. Graders hold no state; one instance per kind serves all.
class CheckGrader
{
    Q_DECLARE_TR_FUNCTIONS(CheckGrader)
public:
    virtual ~CheckGrader() = default;
    // What is wrong with the check's fields, for `courseware check` (empty when nothing).
    virtual QStringList validate(const LabCheck &check) const = 0;
    virtual CheckVerdict grade(const LabCheck &check, const GradingContext &context) const = 0;

    // The grader for a kind ("result", "state"...), or null.
    static const CheckGrader *forKind(const QString &kind);

protected:
    static QString text(const LabCheck &check, const QString &field);
    static bool flag(const LabCheck &check, const QString &field, bool fallback);
    // A list given as a YAML sequence or as "a, b".
    static QStringList list(const LabCheck &check, const QString &field);
    // The author's own feedback for a failed check, in the learner's language, if any.
    static QString authorMessage(const LabCheck &check, const QString &language);
    // A failed verdict: the author's message first, when there is one, then why.
    static CheckVerdict fail(const LabCheck &check, const GradingContext &context, const QString &why);
    static QString missing(const QString &field);
    // The learner's database could not be reached: not the learner's fault, said plainly.
    static CheckVerdict unreachable(const QString &error);
    // Why a query joined from several statements with psql's "\;" is not graded.
    static QString joinedStatements();
    // Why a query right on the learner's data is not trusted when that data is not the lab's.
    static QString dataChanged();
    // The failed verdict for a check whose learner's data is not the lab's at this step:
    // dataChanged(), then one line per table (GradingContext::dataDifferences).
    static CheckVerdict failOnOtherData(const LabCheck &check, const GradingContext &context, const QStringList &differences);
    // A failure that is the lab author's, never the learner's: "This lab has a problem: why".
    static CheckVerdict labProblem(const QString &why);
};
