#pragma once

#include "classroom.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

// What a simulated class did, and what the class's result table holds afterwards.
struct ClassSimulationReport
{
    int students = 0;
    double seconds = 0;
    int statements = 0;
    QList<double> checkMs; // a check graded and its result recorded, each
    QList<double> resetMs; // a sandbox given back as its template has it, each
    qint64 recorded = 0;   // record_result() calls that said "new"
    qint64 retried = 0;    // the same token sent again, as after a reconnect
    qint64 retriesStored = 0; // of those, ones the server stored again (should be none)
    qint64 stored = 0;     // rows in the result table at the end
    QStringList errors;    // what went wrong, per student (empty when nothing did)
    double provisionMs = -1; // provisioning the class, when the run did it (simulate())

    static double percentile(QList<double> values, double p);
    qint64 lost() const { return recorded > stored ? recorded - stored : 0; }
    qint64 duplicated() const { return stored > recorded ? stored - recorded : 0; }
};

// Students of a provisioned class working at once against its server, each on a thread of
// their own with their own login. After each think time a student runs a statement in their
// sandbox (55 %), checks a lab step (40 %: graded, then recorded with a fresh token, one in
// ten sent twice as after a lost answer) or resets the sandbox (5 %, with a spare made
// afterwards, as the lab panel does while the learner works).
class ClassSimulation
{
    Q_DECLARE_TR_FUNCTIONS(ClassSimulation)
public:
    // The class must have been provisioned with lab (which needs a step with checks).
    ClassSimulation(const QString &trainerConninfo, const QString &classId, const Lab &lab);
    // statement: what a student runs between checks; answer: what the checks grade.
    void setWork(const QString &statement, const QString &answer);
    // How long a student thinks (reads, types) before each action: random between the two.
    void setThinkTime(int minMs, int maxMs);
    ClassSimulationReport run(int seconds);

    // The lab a simulated class works on: 10,000 orders, one step checked by its result.
    static Lab sampleLab();
    // A whole run on the server the trainer's connection reaches: a class of that many
    // students provisioned with sampleLab(), run for the seconds given, then torn down
    // (also when the run went wrong). Progress lines go to progress.
    static ClassSimulationReport simulate(const QString &trainerConninfo, int students, int seconds,
                                          const Classroom::Progress &progress = {});

private:
    QString m_trainer;
    QString m_classId;
    Lab m_lab;
    QString m_statement;
    QString m_answer;
    int m_thinkMin = 1000;
    int m_thinkMax = 4000;
};
