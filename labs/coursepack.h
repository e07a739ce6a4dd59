#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// Text in the languages PG Campus ships: "zh_CN" and "en".
using LocalizedText = QMap<QString, QString>;

// One check of a lab step; its kind decides which fields matter.
struct LabCheck
{
    QString kind; // result, state, plan, error, multi-session, cluster
    QVariantMap fields; // the check's own settings as written: text, lists and maps
    QString file;
    int line = 0;
};

struct LabDecoy
{
    QString sql;
    QString note; // why it is wrong, for authors
};

struct LabStep
{
    QString id;
    int points = 0;
    LocalizedText instructions;
    QList<LocalizedText> hints;
    QList<LabCheck> checks;
    QString solution;
    QList<LabDecoy> decoys;
    bool restart = false; // cluster labs: the cluster restarts after the answer runs (Restart server)
    bool recover = false; // archiving cluster labs: point-in-time recovery after the answer runs (Recover)
};

struct Lab
{
    QString id;
    QString file;
    LocalizedText objectives;
    QString setup;
    QString variantSetup;
    QStringList roles; // server roles the lab's checks and instructions name
    bool cluster = false; // runs on a disposable cluster of its own
    QVariantMap clusterSettings; // written to that cluster's postgresql.conf
    bool archive = false;        // that cluster archives its WAL
    bool standby = false;        // that cluster has a streaming standby
    QStringList sessions;        // labelled learner sessions ("A", "B"): editor tabs of their own
    int minServerVersion = 0;    // server_version_num it needs: the lab's own, or its pack's
    QList<LabStep> steps;
};

// A lesson or a lab in a module.
struct CourseItem
{
    enum class Kind { Lesson, Lab };
    Kind kind = Kind::Lesson;
    QString id;
    LocalizedText title;
    QStringList prerequisites; // ids of items to finish first ("requires:" in the pack)
    QMap<QString, QString> lessonFiles; // language -> Markdown file, for lessons
};

struct CourseModule
{
    QString id;
    LocalizedText title;
    QList<CourseItem> items;
};

struct CourseTrack
{
    QString id;
    LocalizedText title;
    QList<CourseModule> modules;
};

// A courseware pack as read from its directory: manifest, lessons and labs.
struct CoursePack
{
    QString id;
    QString version;
    QString directory;
    LocalizedText title;
    int minServerVersion = 0; // server_version_num, 0 for any
    QList<CourseTrack> tracks;
    QList<Lab> labs;
};
