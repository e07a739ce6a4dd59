#include "fsrs.h"

#include <QTest>

// FSRS-4.5 with its default weights, against values worked out by hand from the formulas
// in fsrs.h (each row's derivation in its comment).
class tst_Fsrs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstReview_data();
    void firstReview();
    void laterReviews_data();
    void laterReviews();
    void intervalsAreBounded();
};

namespace {
const QDateTime Start = QDateTime(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::UTC);
}

void tst_Fsrs::firstReview_data()
{
    QTest::addColumn<int>("rating");
    QTest::addColumn<double>("stability");
    QTest::addColumn<double>("difficulty");
    QTest::addColumn<int>("days");
    // S₀ = w[G−1]; D₀ = w4 − (G − 3)·w5 = 5.1618 − (G − 3)·1.2298; interval = round(S), at least 1.
    QTest::newRow("again") << 1 << 0.4872 << 7.6214 << 1;
    QTest::newRow("hard") << 2 << 1.4003 << 6.3916 << 1;
    QTest::newRow("good") << 3 << 3.7145 << 5.1618 << 4;
    QTest::newRow("easy") << 4 << 13.8206 << 3.9320 << 14;
}

void tst_Fsrs::firstReview()
{
    QFETCH(int, rating);
    QFETCH(double, stability);
    QFETCH(double, difficulty);
    QFETCH(int, days);
    const Fsrs::Card card = Fsrs::review({}, Fsrs::Rating(rating), Start);
    QVERIFY(qAbs(card.stability - stability) < 1e-9);
    QVERIFY(qAbs(card.difficulty - difficulty) < 1e-9);
    QCOMPARE(card.due, Start.addDays(days));
    QCOMPARE(card.reviews, 1);
}

void tst_Fsrs::laterReviews_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("afterDays");
    QTest::addColumn<int>("second");
    QTest::addColumn<double>("stability");
    QTest::addColumn<double>("difficulty");
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("lapses");
    // Good, then Good 4 days later: R = (1 + 19/81 · 4/3.7145)^−0.5 = 0.893500;
    // S' = 3.7145 · (e^1.6474 · (11 − 5.1618) · 3.7145^−0.1367 · (e^(1.0461 · 0.1065) − 1) + 1) = 14.8081;
    // D stays 5.1618 (no change for Good, and the mean is D₀(3) itself).
    QTest::newRow("good, good") << 3 << 4 << 3 << 14.808101 << 5.1618 << 15 << 0;
    // Good, then Again 4 days later: S' = min(3.7145, 2.1072 · 5.1618^−0.0793 · (4.7145^0.3246 − 1)
    // · e^(1.587 · 0.1065)) = 1.433234; D' = 0.031 · 5.1618 + 0.969 · (5.1618 + 2 · 0.8975) = 6.901155.
    QTest::newRow("good, again") << 3 << 4 << 1 << 1.433234 << 6.901155 << 1 << 1;
    // Again, then Hard a day later: R = (1 + 19/81 / 0.4872)^−0.5 = 0.821589; the Hard factor w15 = 0.2272;
    // S' = 0.926894; D' = 0.031 · 5.1618 + 0.969 · (7.6214 + 0.8975) = 8.414830.
    QTest::newRow("again, hard") << 1 << 1 << 2 << 0.926894 << 8.414830 << 1 << 0;
}

void tst_Fsrs::laterReviews()
{
    QFETCH(int, first);
    QFETCH(int, afterDays);
    QFETCH(int, second);
    QFETCH(double, stability);
    QFETCH(double, difficulty);
    QFETCH(int, days);
    QFETCH(int, lapses);
    const Fsrs::Card once = Fsrs::review({}, Fsrs::Rating(first), Start);
    const QDateTime then = Start.addDays(afterDays);
    const Fsrs::Card twice = Fsrs::review(once, Fsrs::Rating(second), then);
    QVERIFY2(qAbs(twice.stability - stability) < 1e-5, qPrintable(QString::number(twice.stability, 'f', 6)));
    QVERIFY2(qAbs(twice.difficulty - difficulty) < 1e-5, qPrintable(QString::number(twice.difficulty, 'f', 6)));
    QCOMPARE(twice.due, then.addDays(days));
    QCOMPARE(twice.lapses, lapses);
    QCOMPARE(twice.reviews, 2);
}

void tst_Fsrs::intervalsAreBounded()
{
    QCOMPARE(Fsrs::intervalDays(0.01), 1);
    QCOMPARE(Fsrs::intervalDays(1e9), Fsrs::MaximumIntervalDays);
    QCOMPARE(Fsrs::intervalDays(10.0), 10); // at 90 % retention the interval is the stability
    QVERIFY(qAbs(Fsrs::retrievability(10.0, 10.0) - 0.9) < 1e-12);
    QCOMPARE(Fsrs::retrievability(0, 5.0), 1.0);
    // Easy after easy keeps growing, Again never raises stability.
    Fsrs::Card card = Fsrs::review({}, Fsrs::Rating::Easy, Start);
    const Fsrs::Card easier = Fsrs::review(card, Fsrs::Rating::Easy, card.due);
    QVERIFY(easier.stability > card.stability);
    const Fsrs::Card forgot = Fsrs::review(easier, Fsrs::Rating::Again, easier.due);
    QVERIFY(forgot.stability <= easier.stability);
}

QTEST_GUILESS_MAIN(tst_Fsrs)
#include "tst_fsrs.moc"
