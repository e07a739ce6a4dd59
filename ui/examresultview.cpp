#include "examresultview.h"

#include "markdowntext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
constexpr int BarHeight = 22;
constexpr int LabelWidth = 200;
} // namespace

DomainChart::DomainChart(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(BarHeight * 2);
}

void DomainChart::setBars(const QList<Bar> &bars, int passPercent)
{
    m_bars = bars;
    m_pass = passPercent;
    updateGeometry();
    update();
}

QSize DomainChart::sizeHint() const
{
    return {LabelWidth + 300, int(m_bars.size()) * (BarHeight + 6) + 24};
}

void DomainChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const int chartWidth = std::max(60, width() - LabelWidth - 70);
    for (qsizetype i = 0; i < m_bars.size(); ++i) {
        const Bar &bar = m_bars.at(i);
        const int y = int(i) * (BarHeight + 6) + 4;
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(0, y, LabelWidth - 8, BarHeight), Qt::AlignRight | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(bar.label, Qt::ElideRight, LabelWidth - 8));
        const QRect track(LabelWidth, y, chartWidth, BarHeight);
        p.fillRect(track, pal.color(QPalette::AlternateBase));
        const QColor tone = bar.percent + 1e-9 >= m_pass ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
        p.fillRect(QRect(LabelWidth, y, int(chartWidth * std::clamp(bar.percent, 0.0, 100.0) / 100.0), BarHeight), tone);
        p.drawText(QRect(LabelWidth + chartWidth + 6, y, 64, BarHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1 %").arg(qRound(bar.percent)));
    }
    // The pass mark across all bars.
    const int x = LabelWidth + chartWidth * m_pass / 100;
    p.setPen(QPen(pal.color(QPalette::WindowText), 1, Qt::DashLine));
    p.drawLine(x, 0, x, int(m_bars.size()) * (BarHeight + 6) + 4);
}

ScoreTrend::ScoreTrend(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(220, 120);
}

void ScoreTrend::setHistory(const QList<ExamHistoryEntry> &history, const QString &current, int passPercent)
{
    m_history = history;
    m_current = current;
    m_pass = passPercent;
    update();
}

QSize ScoreTrend::sizeHint() const
{
    return {360, 180};
}

void ScoreTrend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = p.fontMetrics();
    const int left = fm.horizontalAdvance(QStringLiteral("100 %")) + 8;
    const QRect plot(left, fm.height() / 2 + 2, std::max(40, width() - left - 12), std::max(40, height() - fm.height() * 2 - 6));
    const auto yOf = [&](double percent) { return plot.bottom() - int(plot.height() * std::clamp(percent, 0.0, 100.0) / 100.0); };
    p.fillRect(plot, pal.color(QPalette::AlternateBase));
    p.setPen(pal.color(QPalette::WindowText));
    for (int percent : {0, 50, 100})
        p.drawText(QRect(0, yOf(percent) - fm.height() / 2, left - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("%1 %").arg(percent));
    p.setPen(QPen(pal.color(QPalette::WindowText), 1, Qt::DashLine));
    p.drawLine(plot.left(), yOf(m_pass), plot.right(), yOf(m_pass));
    const qsizetype n = m_history.size();
    if (n == 0)
        return;
    const auto xOf = [&](qsizetype i) { return n == 1 ? plot.center().x() : plot.left() + 10 + int((plot.width() - 20) * i / (n - 1)); };
    p.setPen(QPen(pal.color(QPalette::Highlight), 2));
    for (qsizetype i = 1; i < n; ++i)
        p.drawLine(xOf(i - 1), yOf(m_history.at(i - 1).percent), xOf(i), yOf(m_history.at(i).percent));
    for (qsizetype i = 0; i < n; ++i) {
        const ExamHistoryEntry &e = m_history.at(i);
        const QPoint at(xOf(i), yOf(e.percent));
        p.setPen(Qt::NoPen);
        p.setBrush(e.passed ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        p.drawEllipse(at, 5, 5);
        if (e.attemptId == m_current) {
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(pal.color(QPalette::WindowText), 2));
            p.drawEllipse(at, 9, 9);
        }
    }
    // The first and the last attempt's dates along the bottom.
    p.setPen(pal.color(QPalette::WindowText));
    const QString first = QLocale().toString(m_history.first().submittedAt.toLocalTime().date(), QLocale::ShortFormat);
    const QString last = QLocale().toString(m_history.last().submittedAt.toLocalTime().date(), QLocale::ShortFormat);
    p.drawText(QRect(plot.left(), plot.bottom() + 2, plot.width(), fm.height()), Qt::AlignLeft | Qt::AlignTop, first);
    if (n > 1)
        p.drawText(QRect(plot.left(), plot.bottom() + 2, plot.width(), fm.height()), Qt::AlignRight | Qt::AlignTop, last);
}

ExamResultView::ExamResultView(const CoursePack &pack, const ExamBlueprint &blueprint, const ExamAttemptRecord &attempt,
                               const QList<ExamEventRecord> &events, const QString &language, QWidget *parent)
    : QWidget(parent)
    , m_pack(pack)
    , m_attempt(attempt)
    , m_drawn(ExamSession::questionsFromJson(attempt.questionsJson))
    , m_states(ExamSession::replay(m_drawn.size(), events))
    , m_language(language)
    , m_score(ExamScore::of(pack, attempt, events, blueprint.passPercent))
    , m_passPercent(blueprint.passPercent)
    , m_summary(new QLabel(this))
    , m_note(new QLabel(this))
    , m_chart(new DomainChart(this))
    , m_trend(new ScoreTrend(this))
    , m_historyText(new QLabel(this))
    , m_historyBox(new QWidget(this))
    , m_filter(new QComboBox(this))
    , m_list(new QListWidget(this))
    , m_review(new QTextBrowser(this))
{
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_summary->setFont(big);
    m_note->setWordWrap(true);
    m_note->hide();

    m_filter->addItem(tr("All questions"), int(Filter::All));
    m_filter->addItem(tr("Only the wrong ones"), int(Filter::Wrong));
    m_filter->addItem(tr("Only the flagged ones"), int(Filter::Flagged));
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] { setFilter(Filter(m_filter->currentData().toInt())); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showReview(m_list->item(row)->data(Qt::UserRole).toInt());
    });
    m_review->setOpenExternalLinks(true);

    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(text(blueprint.title).toHtmlEscaped()), this);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_list);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_review);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_summary);
    layout->addWidget(m_note);
    auto *domains = new QWidget(this);
    auto *domainsLayout = new QVBoxLayout(domains);
    domainsLayout->setContentsMargins(0, 0, 0, 0);
    domainsLayout->addWidget(new QLabel(tr("By domain (the dashed line is the pass mark):"), this));
    domainsLayout->addWidget(m_chart);
    domainsLayout->addStretch();
    auto *historyLayout = new QVBoxLayout(m_historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("Your attempts at this exam:"), this));
    historyLayout->addWidget(m_trend, 1);
    m_historyText->setWordWrap(true);
    historyLayout->addWidget(m_historyText);
    m_historyBox->hide();
    auto *charts = new QHBoxLayout;
    charts->addWidget(domains, 3);
    charts->addWidget(m_historyBox, 2);
    layout->addLayout(charts);
    layout->addWidget(new QLabel(tr("Review"), this));
    layout->addWidget(splitter, 1);
    refresh();
    setFilter(Filter::All);
}

void ExamResultView::refresh()
{
    m_summary->setText(summaryText());
    m_summary->setStyleSheet(m_score.passed ? QStringLiteral("QLabel { color: #2e7d32; }") : QStringLiteral("QLabel { color: #c62828; }"));
    QList<DomainChart::Bar> bars;
    for (const QuestionBank &bank : m_pack.banks) {
        for (const QuestionDomain &domain : bank.domains) {
            if (m_score.byDomain.contains(domain.id))
                bars.append({text(domain.title), m_score.byDomain.value(domain.id).percent(),
                             m_score.byDomain.value(domain.id).questions});
        }
    }
    m_chart->setBars(bars, m_passPercent);
}

void ExamResultView::setEvents(const QList<ExamEventRecord> &events)
{
    m_states = ExamSession::replay(m_drawn.size(), events);
    m_score = ExamScore::of(m_pack, m_attempt, events, m_passPercent);
    refresh();
    const int shown = m_list->currentRow() >= 0 ? m_list->currentItem()->data(Qt::UserRole).toInt() : -1;
    setFilter(Filter(m_filter->currentData().toInt()));
    const int row = int(listed().indexOf(shown));
    if (row >= 0)
        m_list->setCurrentRow(row);
}

void ExamResultView::setGradingNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString ExamResultView::gradingNote() const
{
    return m_note->text();
}

void ExamResultView::setHistory(const QList<ExamHistoryEntry> &history)
{
    m_trend->setHistory(history, m_attempt.attemptId, m_passPercent);
    const qsizetype at = std::find_if(history.cbegin(), history.cend(),
                                      [this](const ExamHistoryEntry &e) { return e.attemptId == m_attempt.attemptId; })
        - history.cbegin();
    double best = 0;
    int passed = 0;
    for (const ExamHistoryEntry &e : history) {
        best = std::max(best, e.percent);
        passed += e.passed ? 1 : 0;
    }
    QString text = tr("Attempt %1 of %2; best %3 %, passed %4 of %5.")
                       .arg(at + 1)
                       .arg(history.size())
                       .arg(QString::number(best, 'f', 1))
                       .arg(passed)
                       .arg(history.size());
    if (at > 0 && at < history.size()) {
        const double change = history.at(at).percent - history.at(at - 1).percent;
        text += u' ' + tr("%1 points since the attempt before.").arg((change >= 0 ? QStringLiteral("+") : QString())
                                                                    + QString::number(change, 'f', 1));
    }
    m_historyText->setText(text);
    m_historyBox->setVisible(at < history.size());
}

QString ExamResultView::historyText() const
{
    return m_historyText->text();
}

QString ExamResultView::text(const LocalizedText &localized) const
{
    return inLanguage(localized, m_language);
}

QString ExamResultView::summaryText() const
{
    const QString verdict = m_score.passed ? tr("Passed") : tr("Not passed");
    QString summary = tr("%1 %: %2 (pass mark %3 %), %4 of %5 points")
                          .arg(QString::number(m_score.percent(), 'f', 1), verdict)
                          .arg(m_passPercent)
                          .arg(QString::number(m_score.points, 'f', 1))
                          .arg(m_score.questions);
    if (m_attempt.submittedBy == u"timeout")
        summary += u'\n' + tr("Submitted when the time ran out.");
    if (m_score.pending > 0)
        summary += u'\n' + tr("%n SQL answer(s) not graded yet: they count when they are.", nullptr, m_score.pending);
    return summary;
}

QList<int> ExamResultView::listed() const
{
    QList<int> positions;
    for (int i = 0; i < m_list->count(); ++i)
        positions << m_list->item(i)->data(Qt::UserRole).toInt();
    return positions;
}

void ExamResultView::setFilter(Filter filter)
{
    {
        const QSignalBlocker quiet(m_filter);
        m_filter->setCurrentIndex(m_filter->findData(int(filter)));
    }
    m_list->clear();
    for (int i = 0; i < m_drawn.size(); ++i) {
        const Question *q = ExamDraw::find(m_pack, m_drawn.at(i));
        if (!q)
            continue;
        const bool right = m_score.perQuestion.value(i).correct;
        const bool pending = m_score.perQuestion.value(i).pending;
        if ((filter == Filter::Wrong && right) || (filter == Filter::Flagged && !m_states.at(i).flagged))
            continue;
        QString first = MarkdownText::joinCjkLineBreaks(text(q->stem)).section(u'\n', 0, 0);
        first.remove(u'`').remove(QStringLiteral("**"));
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2. %3")
                                             .arg(pending ? QStringLiteral("…") : right ? QStringLiteral("✓") : QStringLiteral("✗"))
                                             .arg(i + 1)
                                             .arg(first),
                                         m_list);
        item->setData(Qt::UserRole, i);
        if (!pending)
            item->setForeground(right ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        m_review->setMarkdown(tr("Nothing to review here."));
}

void ExamResultView::showReview(int position)
{
    const Question *q = ExamDraw::find(m_pack, m_drawn.value(position));
    if (!q)
        return;
    const QuestionScore s = m_score.perQuestion.value(position);
    QString md = tr("**Question %1** · %2")
                     .arg(position + 1)
                     .arg(s.pending ? tr("not graded yet") : s.correct ? tr("right") : tr("wrong"));
    md += QStringLiteral("\n\n") + MarkdownText::joinCjkLineBreaks(text(q->stem));
    md += QStringLiteral("\n\n**") + tr("Your answer:") + QStringLiteral("** ")
        + describeAnswer(*q, m_states.value(position).answer, m_language);
    if (!s.feedback.isEmpty()) {
        md += QStringLiteral("\n\n**") + tr("What the checks found:") + QStringLiteral("**");
        for (const QString &line : s.feedback)
            md += QStringLiteral("\n\n") + line;
    }
    md += QStringLiteral("\n\n**") + tr("Right answer:") + QStringLiteral("** ") + describeRight(*q, m_language);
    md += QStringLiteral("\n\n") + MarkdownText::joinCjkLineBreaks(text(q->explanation));
    if (!q->reference.isEmpty())
        md += QStringLiteral("\n\n") + tr("Read more: [%1](%1)").arg(q->reference);
    m_review->setMarkdown(md);
}

QString ExamResultView::reviewText() const
{
    return m_review->toPlainText();
}

QString ExamResultView::describeAnswer(const Question &q, const CandidateAnswer &a, const QString &language)
{
    const auto t = [&](const LocalizedText &l) { return inLanguage(l, language); };
    if (a.isEmpty())
        return tr("(not answered)");
    QStringList parts;
    switch (q.type) {
    case Question::Type::Single:
    case Question::Type::Multiple:
        for (int c : a.chosen)
            parts << t(q.options.value(c).text);
        return parts.join(QStringLiteral("; "));
    case Question::Type::TrueFalse:
        return a.truth && *a.truth ? tr("true") : tr("false");
    case Question::Type::Ordering:
        for (int i : a.order)
            parts << t(q.items.value(i));
        return parts.join(QStringLiteral(" → "));
    case Question::Type::Matching:
        for (int left = 0; left < a.matches.size(); ++left)
            parts << t(q.pairs.value(left).left) + QStringLiteral(" → ")
                    + (a.matches.at(left) >= 0 ? t(q.pairs.value(a.matches.at(left)).right) : tr("(none)"));
        return parts.join(QStringLiteral("; "));
    case Question::Type::Sql:
        return QStringLiteral("\n\n```sql\n%1\n```\n").arg(a.text.trimmed());
    default:
        return QStringLiteral("`%1`").arg(a.text);
    }
}

QString ExamResultView::describeRight(const Question &q, const QString &language)
{
    const auto t = [&](const LocalizedText &l) { return inLanguage(l, language); };
    QStringList parts;
    switch (q.type) {
    case Question::Type::Single:
    case Question::Type::Multiple:
        for (const QuestionOption &o : q.options) {
            if (o.correct)
                parts << t(o.text);
        }
        return parts.join(QStringLiteral("; "));
    case Question::Type::TrueFalse:
        return q.truth ? tr("true") : tr("false");
    case Question::Type::FillIn:
        for (const QString &accepted : q.accepted)
            parts << QStringLiteral("`%1`").arg(accepted);
        return parts.isEmpty() ? QStringLiteral("`%1`").arg(q.regex) : parts.join(tr(" or "));
    case Question::Type::Numerical:
        return q.tolerance > 0 ? tr("%1 (± %2)").arg(q.value).arg(q.tolerance) : QString::number(q.value);
    case Question::Type::Ordering:
        for (const LocalizedText &item : q.items)
            parts << t(item);
        return parts.join(QStringLiteral(" → "));
    case Question::Type::Matching:
        for (const QuestionPair &p : q.pairs)
            parts << t(p.left) + QStringLiteral(" → ") + t(p.right);
        return parts.join(QStringLiteral("; "));
    case Question::Type::Sql:
        return QStringLiteral("\n\n```sql\n%1\n```\n").arg(q.task.steps.value(0).solution.trimmed());
    }
    return {};
}
