#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One node of a plan, as EXPLAIN (FORMAT JSON) gives it, with what PG Campus works out:
// the time spent in the node and below it, the part that is the node's own, and how far
// the planner's row estimate was from what happened.
struct PlanNode
{
    QString nodeType;           // "Hash Join", "Seq Scan", "ModifyTable"
    QString label;              // "Hash Left Join", "Index Scan using orders_pkey on orders o"
    QString parentRelationship; // "Outer", "Inner", "InitPlan", "SubPlan", "Member"
    QString subplanName;        // "InitPlan 1", "SubPlan 2", "CTE x"
    QString relation, alias, indexName;
    QStringList details;        // "Filter: (amount > 100)", "Rows Removed by Filter: 42", ...
    double startupCost = 0, totalCost = 0, planRows = 0;
    int planWidth = 0;
    bool executed = false; // analyzed and run at least once ("never executed" otherwise)
    double actualStartupMs = 0, actualTotalMs = 0, actualRows = 0, loops = 0;
    qint64 sharedHit = 0, sharedRead = 0, sharedDirtied = 0, sharedWritten = 0, tempRead = 0, tempWritten = 0;
    qint64 localHit = 0, localRead = 0; // temporary tables
    int workersPlanned = -1, workersLaunched = -1;
    QList<PlanNode> children;

    // Worked out (analyzed plans only).
    double inclusiveMs = 0; // actual total time × loops
    double exclusiveMs = 0; // inclusiveMs less the children's, never below zero
    // How many times the estimate was off, either way (1: exact); 0 when not analyzed.
    double misestimate() const;
    bool isMisestimated() const { return misestimate() >= MisestimateFactor; }
    static constexpr double MisestimateFactor = 10.0;
};

// A whole EXPLAIN (FORMAT JSON [, ANALYZE, BUFFERS, SETTINGS, WAL]) result, read and worked
// out, and written back as PostgreSQL's text format.
class ExplainPlan
{
    Q_DECLARE_TR_FUNCTIONS(ExplainPlan)
public:
    static std::optional<ExplainPlan> parse(const QByteArray &json, QString *error);

    const PlanNode &root() const { return m_root; }
    bool isAnalyzed() const { return m_analyzed; }
    double planningMs() const { return m_planningMs; }
    double executionMs() const { return m_executionMs; } // -1 without ANALYZE
    QStringList settings() const { return m_settings; } // "work_mem = '64MB'"
    QStringList triggers() const { return m_triggers; }
    int nodeCount() const;

    // Nodes in depth-first order; a node's path is the child indexes from the root.
    QList<QList<int>> paths() const;
    const PlanNode *node(const QList<int> &path) const;
    // The analyzed node with the most time of its own: shown first.
    QList<int> slowest() const;

    // PostgreSQL's text format: "->" arrows, costs, actual times, details, totals.
    QString text() const;

    // The EXPLAIN that runs a statement: JSON, with ANALYZE (and BUFFERS, SETTINGS, WAL) when asked.
    static QString explainStatement(const QString &statement, bool analyze);
    // What explainStatement() puts before the statement ("EXPLAIN (FORMAT JSON) ").
    static QString explainPrefix(bool analyze);
    // Whether the statement changes data when it runs (INSERT, UPDATE, DELETE, MERGE, also in a
    // WITH, SELECT ... INTO, CREATE TABLE AS): EXPLAIN ANALYZE of it runs in a transaction
    // that is rolled back. (PG Campus rolls every EXPLAIN ANALYZE back; this names why.)
    static bool changesData(const QString &statement);

private:
    PlanNode m_root;
    bool m_analyzed = false;
    double m_planningMs = -1, m_executionMs = -1;
    QStringList m_settings, m_triggers;
};
