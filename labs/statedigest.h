#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>

class GraderConnection;

// A table's data reduced to its row count and an order-free hash of its rows (the sum of
// each row's hash, so equal multisets of rows give equal digests whatever their physical
// order), over the columns the lab gave it: a column a learner adds is not part of it.
struct RelationDigest
{
    QString schema;
    QString name;
    QStringList columns;
    qint64 rows = 0;
    QString hash;       // a decimal number
    // How rows were hashed: by each column type's own hash function (hash_record_extended,
    // no text made), or, for a table with a column type that has none (json, point), as text.
    bool byText = false;
    bool stable = true; // the reference solutions give the same rows each time they run (no now(), no random())

    QString qualifiedName() const { return schema + u'.' + name; }
};

// What a lab's data should be at a step (after the reference solutions of that step and the
// ones before it), compared with what the learner's database holds. A result or plan check
// grades against the lab's data, not data an answer damaged: deleting the other rows and
// then selecting a hard-coded answer, or emptying a table before a cost bound, is told.
// The learner's digests already taken, each with the snapshot it was taken in: under the
// same snapshot (pg_current_snapshot(): the same next transaction id and the same ones in
// progress) every table reads the same, so a check pressed again without a write in
// between does not hash its tables again. Shared by the checks of one lab, across threads.
class DigestCache
{
public:
    std::optional<RelationDigest> find(const QString &key, const QString &snapshot) const;
    void insert(const QString &key, const QString &snapshot, const RelationDigest &digest);

private:
    mutable QMutex m_mutex;
    QHash<QString, std::pair<QString, RelationDigest>> m_digests;
};

class StateDigest
{
    Q_DECLARE_TR_FUNCTIONS(StateDigest)
public:
    // The digests of every table of the database's own schemas (not pg_*, information_schema
    // or the project's pgcampus_*), read with the settings that fix how values are written as
    // text. Runs in the connection's open transaction.
    static std::optional<QList<RelationDigest>> takeAll(GraderConnection &c, QString *error);
    // The digest of one table over the given columns, on the learner's side: empty (and
    // *missing set) when the table or one of the columns is not there; without digest, only
    // whether it is there (the rows are not read).
    static std::optional<RelationDigest> take(GraderConnection &c, const RelationDigest &like, bool digest, QString *missing,
                                              QString *error);
    // Why the learner's digests differ from the expected ones, one line per table; empty when
    // they agree. An unstable table is compared by its row count only.
    static QStringList differences(const QList<RelationDigest> &expected, const QList<RelationDigest> &actual,
                                   const QStringList &missing);
    // The relations (schema, name) a plan reads, from EXPLAIN (VERBOSE, FORMAT JSON) output.
    static QList<std::pair<QString, QString>> relationsOfPlan(const QString &planJson);
    // Sets, for the open transaction, the settings that change how values are written as text.
    static bool fixTextSettings(GraderConnection &c, QString *error);
};
