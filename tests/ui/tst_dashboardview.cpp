#include "dashboardview.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>

namespace {
LocalizedText en(const QString &text)
{
    return {{QStringLiteral("en"), text}};
}

DashboardData sample()
{
    DashboardData d;
    d.tracks = {{QStringLiteral("p"), QStringLiteral("foundations"), en(QStringLiteral("Foundations")), 16, 11}};
    d.labsTotal = 8;
    d.labsAttempted = 6;
    d.labsPassed = 5;
    const QDateTime start(QDate(2026, 11, 1), QTime(10, 0));
    d.exams = {{QStringLiteral("a1"), QStringLiteral("p"), QStringLiteral("mock"), en(QStringLiteral("Mock")), start, 45, false, 60},
               {QStringLiteral("a2"), QStringLiteral("p"), QStringLiteral("mock"), en(QStringLiteral("Mock")), start.addDays(3), 65, true, 60},
               {QStringLiteral("a3"), QStringLiteral("p"), QStringLiteral("quiz"), en(QStringLiteral("Quiz")), start.addDays(4), 80, true, 70}};
    d.domains = {{QStringLiteral("p"), QStringLiteral("mvcc"), en(QStringLiteral("Transactions and MVCC")), 1, 8, 6, 2},
                 {QStringLiteral("p"), QStringLiteral("sql"), en(QStringLiteral("SQL queries")), 6, 10, 10, 0}};
    for (int w = 0; w < 8; ++w)
        d.weeks << DashboardData::Week{QDate(2026, 10, 5).addDays(7 * w), w * 1800};
    d.streakDays = 4;
    d.reviewsDue = 7;
    d.next = DashboardData::Next{DashboardData::Next::Kind::Item, QStringLiteral("p"), QStringLiteral("lab-x"), en(QStringLiteral("Lab: X"))};
    return d;
}
} // namespace

// The home view with hand-made figures: what it says, what its charts hold, what its
// buttons do, light and dark.
class tst_DashboardView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheFigures();
    void chartsHoldEveryAttemptAndWeek();
    void buttonsAct();
    void followsADarkPalette();
    void emptyProfile();
    void narrowWindowStacksTheColumns();
};

void tst_DashboardView::showsTheFigures()
{
    DashboardView view(QStringLiteral("Ada"), QStringLiteral("en"));
    view.setData(sample());
    QVERIFY2(view.summaryText().startsWith(QStringLiteral("Labs passed: 5 of 8 (6 attempted)")), qPrintable(view.summaryText()));
    QVERIFY(view.summaryText().contains(QStringLiteral("Exams taken: 3")));
    QCOMPARE(view.tracksText(), QStringLiteral("Foundations: 11 of 16 done"));
    // Weakest first, as the data orders them: 1 of 8 = 13 %, 6 of 10 = 60 %.
    const QStringList weakest = view.weakestText().split(u'\n');
    QCOMPARE(weakest.size(), 2);
    QVERIFY2(weakest.at(0).startsWith(QStringLiteral("Transactions and MVCC: 13 %")), qPrintable(weakest.at(0)));
    QVERIFY(weakest.at(1).startsWith(QStringLiteral("SQL queries: 60 %")));
}

void tst_DashboardView::chartsHoldEveryAttemptAndWeek()
{
    DashboardView view(QStringLiteral("Ada"), QStringLiteral("en"));
    view.setData(sample());
    int lines = 0, marks = 0, passed = 0, failed = 0;
    for (QAbstractSeries *series : view.examChart()->series()) {
        if (auto *scatter = qobject_cast<QScatterSeries *>(series)) {
            (scatter->name() == u"passed" ? passed : failed) += int(scatter->count());
        } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
            if (line->name().startsWith(QStringLiteral("pass mark: "))) {
                ++marks;
                // The mock's pass mark across its two attempts.
                if (line->name().endsWith(u"Mock"))
                    QCOMPARE(line->at(0).y(), 60.0);
            } else {
                ++lines;
                if (line->name() == u"Mock")
                    QCOMPARE(line->count(), 2);
            }
        }
    }
    QCOMPARE(lines, 2); // one per exam
    QCOMPARE(marks, 2);
    QCOMPARE(passed, 2);
    QCOMPARE(failed, 1);
    const QList<QAbstractSeries *> study = view.studyChart()->series();
    QCOMPARE(study.size(), 1);
    const QBarSet *hours = qobject_cast<QBarSeries *>(study.first())->barSets().first();
    QCOMPARE(hours->count(), 8);
    QCOMPARE(hours->at(7), 3.5); // 7 × 1800 s
}

void tst_DashboardView::buttonsAct()
{
    DashboardView view(QStringLiteral("Ada"), QStringLiteral("en"));
    view.setData(sample());
    QCOMPARE(view.continueButton()->text(), QStringLiteral("Continue: Lab: X"));
    QCOMPARE(view.reviewButton()->text(), QStringLiteral("Review (7 due today)"));
    QVERIFY(view.reviewButton()->isEnabled());
    QSignalSpy go(&view, &DashboardView::continueRequested);
    QSignalSpy review(&view, &DashboardView::reviewRequested);
    view.continueButton()->click();
    view.reviewButton()->click();
    QCOMPARE(go.size(), 1);
    QCOMPARE(go.first().first().value<DashboardData::Next>().id, QStringLiteral("lab-x"));
    QCOMPARE(review.size(), 1);
    DashboardData exam = sample();
    exam.next = DashboardData::Next{DashboardData::Next::Kind::Exam, QStringLiteral("p"), QStringLiteral("a4"), en(QStringLiteral("Mock"))};
    view.setData(exam);
    QCOMPARE(view.continueButton()->text(), QStringLiteral("Resume the exam: Mock"));
}

void tst_DashboardView::followsADarkPalette()
{
    DashboardView view(QStringLiteral("Ada"), QStringLiteral("en"));
    view.setData(sample());
    QCOMPARE(view.examChart()->theme(), QChart::ChartThemeLight);
    QPalette dark = view.palette();
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    QVERIFY(DashboardView::isDark(dark));
    QVERIFY(!DashboardView::isDark(QPalette(Qt::white)));
    view.setPalette(dark);
    QCOMPARE(view.examChart()->theme(), QChart::ChartThemeDark);
    QCOMPARE(view.studyChart()->backgroundBrush().color(), QColor(0x1e, 0x1f, 0x22));
}

void tst_DashboardView::emptyProfile()
{
    DashboardView view(QStringLiteral("Bo"), QStringLiteral("en"));
    view.setData({});
    QVERIFY(view.continueButton()->isHidden());
    QVERIFY(!view.reviewButton()->isEnabled());
    QCOMPARE(view.weakestText(), QStringLiteral("Take an exam or a lab to see where to practise."));
    QCOMPARE(view.examChart()->title(), QStringLiteral("No exam taken yet"));
}

// Courses beside charts when there is room; one above the other in a narrow window.
void tst_DashboardView::narrowWindowStacksTheColumns()
{
    DashboardView view(QStringLiteral("Ada"), QStringLiteral("en"));
    view.setData(sample());
    view.resize(1200, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.isStacked());
    const QWidget *chart = view.findChildren<QChartView *>().first();
    QTRY_VERIFY(chart->x() > view.width() / 3); // the charts stand right of the courses
    view.resize(DashboardView::StackedBelowWidth - 200, 1400);
    QTRY_VERIFY(view.isStacked());
    QTRY_VERIFY(chart->x() < 50); // and now under them, as wide as the view
    QVERIFY(chart->width() > view.width() / 2);
    view.resize(1200, 800);
    QTRY_VERIFY(!view.isStacked());
}

QTEST_MAIN(tst_DashboardView)
#include "tst_dashboardview.moc"
