#pragma once

#include <QDateTime>

// The spaced-repetition scheduler of the review queue: FSRS-4.5 (Free Spaced Repetition
// Scheduler, the version whose default parameters are the 17 weights below), with those
// defaults and a desired retention of 90 %. A card's memory is its stability S (days
// until recall falls to 90 %) and difficulty D (1 to 10); each review, rated Again, Hard,
// Good or Easy, updates both and sets the next interval. Intervals are whole days,
// at least 1 and at most 36,500.
//
// The formulas (t: days since the last review, R: retrievability then, G: the rating 1–4):
//   R(t, S)   = (1 + F·t/S)^C, with C = −0.5 and F = 0.9^(1/C) − 1 = 19/81
//   interval  = S/F · (r^(1/C) − 1), which is S for r = 0.9
//   S₀(G)     = w[G−1];  D₀(G) = w4 − (G − 3)·w5, clamped to [1, 10]
//   D'        = w7·D₀(3) + (1 − w7)·(D − w6·(G − 3)), clamped to [1, 10]
//   recalled  : S' = S·(e^w8 · (11 − D) · S^(−w9) · (e^(w10·(1 − R)) − 1) · h · b + 1),
//               h = w15 for Hard, b = w16 for Easy, 1 otherwise
//   forgotten : S' = min(S, w11 · D^(−w12) · ((S + 1)^w13 − 1) · e^(w14·(1 − R)))
class Fsrs
{
public:
    enum class Rating { Again = 1, Hard = 2, Good = 3, Easy = 4 };

    struct Card
    {
        double stability = 0;  // 0: never reviewed
        double difficulty = 0;
        QDateTime lastReview;  // UTC
        QDateTime due;         // UTC
        int reviews = 0;
        int lapses = 0;        // times rated Again after the first review
        bool isNew() const { return reviews == 0; }
    };

    static constexpr double DesiredRetention = 0.9;
    static constexpr int MaximumIntervalDays = 36500;
    static const double Weights[17];

    static double retrievability(double elapsedDays, double stability);
    static int intervalDays(double stability, double retention = DesiredRetention);
    // The card after a review at `now` rated `rating`.
    static Card review(const Card &card, Rating rating, const QDateTime &now);
};
