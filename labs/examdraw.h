#pragma once

#include "coursepack.h"

#include <QCoreApplication>

// One question of an attempt as the candidate sees it: which question, and the order its
// options (single and multiple choice), items (ordering) or right-hand sides (matching)
// are shown in. Stored with the attempt, so review shows what the candidate saw.
struct DrawnQuestion
{
    QString bankId;
    QString questionId;
    QList<int> shownOrder; // indices into the question's options, items or pairs
};

// Draws an exam from a pack's banks by a blueprint: per domain in proportion to its
// weight (largest remainders), within a domain by the difficulty mix when there is one
// (short difficulties filled from the rest of the domain), then questions and options
// shuffled as the blueprint says. The same seed always gives the same draw, on every
// platform: the generator is std::mt19937_64 and the shuffle is written out here.
class ExamDraw
{
    Q_DECLARE_TR_FUNCTIONS(ExamDraw)
public:
    // total split in proportion to weights, each share rounded down and the remainders
    // handed out largest first (ties to the earlier weight); sums to total.
    static QList<int> apportion(int total, const QList<int> &weights);

    struct Result
    {
        QList<DrawnQuestion> questions;
        QString error; // set when the banks cannot fill the blueprint
    };
    static Result draw(const CoursePack &pack, const ExamBlueprint &blueprint, quint64 seed);
    // A practice drill: count questions from the given domains (all of them when empty).
    static Result drill(const CoursePack &pack, const QStringList &domains, int count, quint64 seed);

    // The question a drawn one names, or null.
    static const Question *find(const CoursePack &pack, const DrawnQuestion &drawn);
    // The order a question's choices are shown in: shuffled, or as written.
    static QList<int> shownOrder(const Question &question, bool shuffleOptions, quint64 seed);
};
