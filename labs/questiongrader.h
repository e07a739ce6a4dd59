#pragma once

#include "question.h"

#include <QStringList>

// How much of a question a candidate got: 0 to 1, and whether it counts as right.
struct QuestionScore
{
    double score = 0;
    bool correct = false;
    // An sql answer: what its failed checks said, and whether it still waits for the
    // sandbox (then it scores nothing yet).
    QStringList feedback {};
    bool pending = false;

    // A sandbox's verdict as an attempt stores it, with the answer text it was given for.
    QString toJson(const QString &answerText) const;
    static QuestionScore fromJson(const QString &json, QString *answerText);
};

// Grades every question type but sql from the answer alone, as a stored attempt is
// rescored: single, multiple (all-or-nothing or partial credit), true/false, fill-in
// (accepted answers under the question's case and whitespace rules, or its regex),
// numerical within a tolerance, ordering and matching (right only when all of it is).
// An sql question is graded in a sandbox by its checks (see ExamSqlGrader).
class QuestionGrader
{
public:
    static QuestionScore grade(const Question &question, const CandidateAnswer &answer);
    // A fill-in answer as the question compares it: case folded unless case-sensitive,
    // whitespace trimmed and collapsed, kept or removed by its rule.
    static QString normalized(const Question &question, const QString &text);
};
