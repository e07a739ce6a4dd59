#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

// Text in the languages PG Campus ships: "zh_CN" and "en".
using LocalizedText = QMap<QString, QString>;

// The text in a language, or the English one when that language has none.
inline QString inLanguage(const LocalizedText &text, const QString &language)
{
    const QString own = text.value(language);
    return own.isEmpty() ? text.value(QStringLiteral("en")) : own;
}

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
    // The file's line of each one's first line (for a block scalar, the line after "setup: |").
    int setupLine = 0;
    int variantSetupLine = 0;
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
    QString domain;            // a question domain of the pack's banks: where a lab counts on the dashboard
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

// One choice of a single- or multiple-choice question.
struct QuestionOption
{
    LocalizedText text;
    bool correct = false;
};

struct QuestionPair
{
    LocalizedText left;
    LocalizedText right;
};

// A practice-exam question as a bank holds it (the format is in courseware/README.md).
struct Question
{
    enum class Type { Single, Multiple, TrueFalse, FillIn, Numerical, Ordering, Matching, Sql };
    enum class Whitespace { Exact, Collapse, Ignore };

    QString id;
    Type type = Type::Single;
    QString domain;
    QStringList topics;
    int difficulty = 2; // 1 easy, 2 medium, 3 hard
    LocalizedText stem;
    LocalizedText explanation;
    QString reference; // a page of the PostgreSQL documentation

    QList<QuestionOption> options; // single, multiple
    bool partialCredit = false;    // multiple
    bool truth = false;            // truefalse
    QStringList accepted;          // fillin
    bool caseSensitive = false;
    Whitespace whitespace = Whitespace::Collapse;
    QString regex;
    double value = 0;              // numerical
    double tolerance = 0;
    QList<LocalizedText> items;    // ordering, in the right order
    QList<QuestionPair> pairs;     // matching
    Lab task;                      // sql: the dataset and one step (checks, solution, decoys)

    QString file; // relative to the pack
    int line = 0;

    static QString typeName(Type type);
    static std::optional<Type> typeFromName(const QString &name);
};

struct QuestionDomain
{
    QString id;
    LocalizedText title;
};

struct QuestionBank
{
    QString id;
    QString file;
    LocalizedText title;
    QList<QuestionDomain> domains;
    QList<Question> questions;
};

// How an exam is put together (exams/ID.yaml): how many questions, drawn from which
// domains in which proportions and difficulties, for how long, and what it takes to pass.
struct ExamBlueprint
{
    enum class Review { AfterSubmit, Never, Immediate }; // Immediate: practice, feedback after each answer

    QString id;
    QString file;
    LocalizedText title;
    LocalizedText description;
    int questionCount = 0;
    int durationMinutes = 0; // 0: untimed
    int passPercent = 0;
    QList<std::pair<QString, int>> domainWeights; // relative weights, in the file's order
    QList<std::pair<int, int>> difficultyMix;     // difficulty -> percent; empty: any
    QStringList banks;                            // empty: every bank of the pack
    bool shuffleQuestions = true;
    bool shuffleOptions = true;
    Review review = Review::AfterSubmit;
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
    QList<QuestionBank> banks;
    QList<ExamBlueprint> blueprints;
};
