#include "dashboardview.h"

#include <QBarCategoryAxis>
#include <QBoxLayout>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace {
const QColor Passed(0x2e, 0x7d, 0x32);
const QColor Failed(0xc6, 0x28, 0x28);
const QColor PassedOnDark(0x66, 0xbb, 0x6a);
const QColor FailedOnDark(0xef, 0x53, 0x50);

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}
} // namespace

DashboardView::DashboardView(const QString &learnerName, const QString &language, QWidget *parent)
    : QWidget(parent)
    , m_language(language)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_continue(new QPushButton(this))
    , m_review(new QPushButton(this))
    , m_tracks(new QVBoxLayout)
    , m_body(new QBoxLayout(QBoxLayout::LeftToRight))
    , m_weakest(new QLabel(this))
    , m_exams(new QChartView(this))
    , m_study(new QChartView(this))
{
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setText(tr("%1's progress").arg(learnerName));
    m_summary->setWordWrap(true);
    m_weakest->setWordWrap(true);
    m_weakest->setTextFormat(Qt::PlainText);
    m_exams->setRenderHint(QPainter::Antialiasing);
    m_study->setRenderHint(QPainter::Antialiasing);
    m_exams->setMinimumHeight(240);
    m_study->setMinimumHeight(240);
    connect(m_continue, &QPushButton::clicked, this, [this] {
        if (m_data.next)
            Q_EMIT continueRequested(*m_data.next);
    });
    connect(m_review, &QPushButton::clicked, this, &DashboardView::reviewRequested);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_review);
    top->addWidget(m_continue);

    auto *left = new QVBoxLayout;
    left->addWidget(heading(tr("Courses"), this));
    left->addLayout(m_tracks);
    left->addSpacing(12);
    left->addWidget(heading(tr("Weakest domains"), this));
    left->addWidget(m_weakest);
    left->addStretch();

    auto *charts = new QGridLayout;
    charts->addWidget(heading(tr("Exam scores"), this), 0, 0);
    charts->addWidget(m_exams, 1, 0);
    charts->addWidget(heading(tr("Hours studied per week"), this), 2, 0);
    charts->addWidget(m_study, 3, 0);

    m_body->addLayout(left, 2);
    m_body->addLayout(charts, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addLayout(m_body, 1);
    setData({});
}

bool DashboardView::isStacked() const
{
    return m_body->direction() == QBoxLayout::TopToBottom;
}

void DashboardView::resizeEvent(QResizeEvent *event)
{
    m_body->setDirection(width() < StackedBelowWidth ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    QWidget::resizeEvent(event);
}

QString DashboardView::text(const LocalizedText &localized) const
{
    return inLanguage(localized, m_language);
}

bool DashboardView::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QChart *DashboardView::examChart() const
{
    return m_exams->chart();
}

QChart *DashboardView::studyChart() const
{
    return m_study->chart();
}

QString DashboardView::summaryText() const
{
    return m_summary->text();
}

QString DashboardView::weakestText() const
{
    return m_weakest->text();
}

QString DashboardView::tracksText() const
{
    QStringList lines;
    for (int i = 0; i < m_tracks->count(); ++i) {
        if (auto *label = qobject_cast<QLabel *>(m_tracks->itemAt(i)->widget()))
            lines << label->text();
    }
    return lines.join(u'\n');
}

void DashboardView::setData(const DashboardData &data)
{
    m_data = data;
    m_summary->setText(tr("Labs passed: %1 of %2 (%3 attempted) · Streak: %n day(s) · Exams taken: %4", nullptr, data.streakDays)
                           .arg(data.labsPassed)
                           .arg(data.labsTotal)
                           .arg(data.labsAttempted)
                           .arg(data.exams.size()));
    m_review->setText(tr("Review (%n due today)", nullptr, data.reviewsDue));
    m_review->setEnabled(data.reviewsDue > 0);
    if (data.next) {
        m_continue->setText(data.next->kind == DashboardData::Next::Kind::Exam
                                ? tr("Resume the exam: %1").arg(text(data.next->title))
                                : tr("Continue: %1").arg(text(data.next->title)));
        m_continue->show();
    } else {
        m_continue->hide();
    }

    while (QLayoutItem *item = m_tracks->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const DashboardData::Track &track : data.tracks) {
        auto *label = new QLabel(tr("%1: %2 of %3 done").arg(text(track.title)).arg(track.done).arg(track.items), this);
        auto *bar = new QProgressBar(this);
        bar->setRange(0, std::max(1, track.items));
        bar->setValue(track.done);
        bar->setFormat(QStringLiteral("%p %"));
        m_tracks->addWidget(label);
        m_tracks->addWidget(bar);
    }
    if (data.tracks.isEmpty())
        m_tracks->addWidget(new QLabel(tr("No courses yet."), this));

    QStringList weakest;
    for (qsizetype i = 0; i < std::min<qsizetype>(3, data.domains.size()); ++i) {
        const DashboardData::Domain &d = data.domains.at(i);
        QStringList from;
        if (d.questions > 0)
            from << tr("%n exam question(s)", nullptr, d.questions);
        if (d.labSteps > 0)
            from << tr("%n lab step(s)", nullptr, d.labSteps);
        weakest << tr("%1: %2 % (%3)").arg(text(d.title).isEmpty() ? d.domain : text(d.title)).arg(qRound(d.percent())).arg(from.join(QStringLiteral(", ")));
    }
    m_weakest->setText(weakest.isEmpty() ? tr("Take an exam or a lab to see where to practise.") : weakest.join(u'\n'));
    rebuildCharts();
}

void DashboardView::styleChart(QChart *chart) const
{
    chart->setTheme(isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette().color(QPalette::Text));
        axis->setTitleBrush(palette().color(QPalette::Text));
    }
}

void DashboardView::rebuildCharts()
{
    const bool dark = isDark(palette());
    // Exam scores over time: a line per exam, each attempt a point green (passed) or red,
    // each exam's pass mark dashed.
    auto *exams = new QChart;
    auto *time = new QDateTimeAxis;
    time->setFormat(QStringLiteral("MM-dd"));
    auto *percent = new QValueAxis;
    percent->setRange(0, 100);
    percent->setLabelFormat(QStringLiteral("%d %%"));
    percent->setTickCount(6);
    exams->addAxis(time, Qt::AlignBottom);
    exams->addAxis(percent, Qt::AlignLeft);
    QMap<QString, QLineSeries *> lines;
    QMap<QString, std::pair<qint64, qint64>> spans;
    auto *passed = new QScatterSeries;
    auto *failed = new QScatterSeries;
    passed->setName(tr("passed"));
    failed->setName(tr("not passed"));
    for (const DashboardData::ExamPoint &e : m_data.exams) {
        const QString key = e.packId + u'/' + e.blueprintId;
        QLineSeries *&line = lines[key];
        if (!line) {
            line = new QLineSeries;
            line->setName(text(e.title));
        }
        const qint64 x = e.submittedAt.toMSecsSinceEpoch();
        line->append(double(x), e.percent);
        (e.passed ? passed : failed)->append(double(x), e.percent);
        if (!spans.contains(key))
            spans.insert(key, {x, x});
        else
            spans[key] = {std::min(spans.value(key).first, x), std::max(spans.value(key).second, x)};
    }
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        exams->addSeries(it.value());
        it.value()->attachAxis(time);
        it.value()->attachAxis(percent);
    }
    // The pass marks, one dashed line per exam across its attempts.
    QList<QLineSeries *> marks;
    for (const DashboardData::ExamPoint &e : m_data.exams) {
        const QString key = e.packId + u'/' + e.blueprintId;
        if (!spans.contains(key))
            continue;
        auto *mark = new QLineSeries;
        mark->setName(tr("pass mark: %1").arg(text(e.title)));
        const auto [from, to] = spans.take(key);
        mark->append(double(from), e.passPercent);
        mark->append(double(std::max(to, from + 1)), e.passPercent);
        exams->addSeries(mark);
        mark->attachAxis(time);
        mark->attachAxis(percent);
        marks << mark;
    }
    for (QScatterSeries *s : {passed, failed}) {
        s->setMarkerSize(9);
        exams->addSeries(s);
        s->attachAxis(time);
        s->attachAxis(percent);
    }
    if (!m_data.exams.isEmpty()) {
        const QDateTime first = m_data.exams.first().submittedAt;
        const QDateTime last = m_data.exams.last().submittedAt;
        time->setRange(first.addDays(-1), last.addDays(1));
    } else {
        exams->setTitle(tr("No exam taken yet"));
        time->setRange(QDateTime::currentDateTime().addDays(-7), QDateTime::currentDateTime());
    }
    styleChart(exams); // the theme chooses the series' colours: ours go after it
    for (QLineSeries *mark : std::as_const(marks))
        mark->setPen(QPen(palette().color(QPalette::Text), 1, Qt::DashLine));
    passed->setColor(dark ? PassedOnDark : Passed);
    failed->setColor(dark ? FailedOnDark : Failed);
    passed->setBorderColor(passed->color());
    failed->setBorderColor(failed->color());
    // One legend entry per exam, passed and not passed; the pass marks speak for themselves.
    for (QLegendMarker *marker : exams->legend()->markers()) {
        if (marker->label().startsWith(tr("pass mark: %1").arg(QString())))
            marker->setVisible(false);
    }
    exams->legend()->setAlignment(Qt::AlignBottom);
    QChart *oldExams = m_exams->chart();
    m_exams->setChart(exams);
    delete oldExams;

    // Hours per week: eight bars, Mondays below.
    auto *study = new QChart;
    auto *hours = new QBarSet(tr("hours"));
    QStringList weeks;
    double most = 0;
    for (const DashboardData::Week &w : m_data.weeks) {
        const double h = w.seconds / 3600.0;
        hours->append(h);
        most = std::max(most, h);
        weeks << QLocale(m_language == u"zh_CN" ? QStringLiteral("zh_CN") : QStringLiteral("en")).toString(w.monday, QStringLiteral("MM-dd"));
    }
    auto *bars = new QBarSeries;
    bars->append(hours);
    study->addSeries(bars);
    auto *mondays = new QBarCategoryAxis;
    mondays->append(weeks);
    auto *amount = new QValueAxis;
    amount->setRange(0, std::max(1.0, std::ceil(most)));
    amount->setLabelFormat(QStringLiteral("%.1f"));
    study->addAxis(mondays, Qt::AlignBottom);
    study->addAxis(amount, Qt::AlignLeft);
    bars->attachAxis(mondays);
    bars->attachAxis(amount);
    study->legend()->hide();
    styleChart(study);
    hours->setColor(palette().color(QPalette::Highlight));
    hours->setBorderColor(palette().color(QPalette::Highlight));
    QChart *oldStudy = m_study->chart();
    m_study->setChart(study);
    delete oldStudy;
}

void DashboardView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuildCharts();
}
