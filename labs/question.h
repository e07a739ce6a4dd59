#pragma once

#include "coursepack.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The question model itself is part of the pack (coursepack.h); this is what a
// candidate gives for one.

// What a candidate answered, in the question's own terms: option and item indices are
// those of the bank, whatever order the candidate saw them in.
struct CandidateAnswer
{
    QList<int> chosen;         // single, multiple: the options picked
    std::optional<bool> truth; // truefalse
    QString text;              // fillin, numerical, sql
    QList<int> order;          // ordering: item indices in the candidate's order
    QList<int> matches;        // matching: for each left side, the right side picked (-1: none)

    bool isEmpty() const;
    QString toJson() const;
    static CandidateAnswer fromJson(const QString &json);
};
