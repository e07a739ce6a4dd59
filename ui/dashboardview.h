#pragma once

#include "dashboard.h"

#include <QWidget>

class QChart;
class QChartView;
class QBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

// The home view: where a learner stands and what to do next. Completion per track, labs
// passed and attempted, the streak and the reviews due, a chart of every exam score over
// time with each exam's pass mark, a chart of the hours studied in the last eight weeks,
// the weakest domains, and a "Continue" button. Charts are Qt Charts, drawn with the
// light or dark theme that matches the palette.
class DashboardView : public QWidget
{
    Q_OBJECT
public:
    DashboardView(const QString &learnerName, const QString &language, QWidget *parent = nullptr);

    void setData(const DashboardData &data);
    const DashboardData &data() const { return m_data; }

    QChart *examChart() const;
    QChart *studyChart() const;
    QString summaryText() const;
    QString weakestText() const;
    QString tracksText() const;
    QPushButton *continueButton() const { return m_continue; }
    QPushButton *reviewButton() const { return m_review; }

    // Below this width the courses and the charts stand one above the other.
    static constexpr int StackedBelowWidth = 900;
    bool isStacked() const;

    // Whether a palette is a dark one (light text on a dark window).
    static bool isDark(const QPalette &palette);

Q_SIGNALS:
    void continueRequested(const DashboardData::Next &next);
    void reviewRequested();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QString text(const LocalizedText &localized) const;
    void rebuildCharts();
    void styleChart(QChart *chart) const;

    QString m_language;
    DashboardData m_data;
    QLabel *m_title;
    QLabel *m_summary;
    QPushButton *m_continue;
    QPushButton *m_review;
    QVBoxLayout *m_tracks;
    QBoxLayout *m_body;
    QLabel *m_weakest;
    QChartView *m_exams;
    QChartView *m_study;
};
