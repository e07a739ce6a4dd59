#include "fsrs.h"

#include <algorithm>
#include <cmath>

namespace {
constexpr double Decay = -0.5;
constexpr double Factor = 19.0 / 81.0; // 0.9^(1/Decay) - 1

double clampDifficulty(double d)
{
    return std::clamp(d, 1.0, 10.0);
}

double initialDifficulty(int g)
{
    return clampDifficulty(Fsrs::Weights[4] - (g - 3) * Fsrs::Weights[5]);
}
} // namespace

const double Fsrs::Weights[17] = {0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474,
                                  0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587,  0.2272, 2.8755};

double Fsrs::retrievability(double elapsedDays, double stability)
{
    if (stability <= 0)
        return 0;
    return std::pow(1 + Factor * std::max(0.0, elapsedDays) / stability, Decay);
}

int Fsrs::intervalDays(double stability, double retention)
{
    const double days = stability / Factor * (std::pow(retention, 1 / Decay) - 1);
    return std::clamp(int(std::lround(days)), 1, MaximumIntervalDays);
}

Fsrs::Card Fsrs::review(const Card &card, Rating rating, const QDateTime &now)
{
    const int g = int(rating);
    const double *w = Weights;
    Card next = card;
    if (card.isNew()) {
        next.stability = w[g - 1];
        next.difficulty = initialDifficulty(g);
    } else {
        const double elapsed = card.lastReview.isValid() ? card.lastReview.msecsTo(now) / 86400000.0 : 0;
        const double r = retrievability(elapsed, card.stability);
        const double d = card.difficulty;
        next.difficulty = clampDifficulty(w[7] * initialDifficulty(3) + (1 - w[7]) * (d - w[6] * (g - 3)));
        if (rating == Rating::Again) {
            const double forgotten = w[11] * std::pow(d, -w[12]) * (std::pow(card.stability + 1, w[13]) - 1)
                * std::exp(w[14] * (1 - r));
            next.stability = std::min(card.stability, forgotten);
            next.lapses += 1;
        } else {
            const double hard = rating == Rating::Hard ? w[15] : 1;
            const double easy = rating == Rating::Easy ? w[16] : 1;
            next.stability = card.stability
                * (std::exp(w[8]) * (11 - d) * std::pow(card.stability, -w[9]) * (std::exp(w[10] * (1 - r)) - 1) * hard * easy
                   + 1);
        }
    }
    next.reviews += 1;
    next.lastReview = now;
    next.due = now.addDays(intervalDays(next.stability));
    return next;
}
