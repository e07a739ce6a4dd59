#include "examview.h"

#include "examresultview.h"
#include "markdowntext.h"
#include "sqleditor.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMetaMethod>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

namespace {
enum AnswerPage { ChoicePage, TextPage, OrderPage, MatchPage, SqlPage };
constexpr int Columns = 5;

QString clock(int seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60, 2, 10, QChar(u'0')).arg(seconds % 60, 2, 10, QChar(u'0'));
}
} // namespace

ExamView::ExamView(ExamSession session, const LocalizedText &title, const QString &language,
                   std::function<QDateTime()> clock, QWidget *parent)
    : QWidget(parent)
    , m_session(std::move(session))
    , m_title(title)
    , m_language(language)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
    , m_heading(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_saveState(new QLabel(this))
    , m_grid(new QGridLayout)
    , m_number(new QLabel(this))
    , m_stem(new QTextBrowser(this))
    , m_answers(new QStackedWidget(this))
    , m_choices(new QWidget(this))
    , m_choiceGroup(new QButtonGroup(this))
    , m_text(new QLineEdit(this))
    , m_order(new QListWidget(this))
    , m_matching(new QWidget(this))
    , m_sql(new SqlEditor(this))
    , m_previous(new QPushButton(tr("← Previous"), this))
    , m_next(new QPushButton(tr("Next →"), this))
    , m_flag(new QPushButton(tr("Flag for review"), this))
    , m_unsure(new QPushButton(tr("Not sure"), this))
    , m_submit(new QPushButton(tr("Submit…"), this))
    , m_checkAnswer(new QPushButton(tr("Check answer"), this))
    , m_feedback(new QTextBrowser(this))
    , m_timer(new QTimer(this))
    , m_retry(new QTimer(this))
{
    QFont big = m_heading->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_heading->setFont(big);
    m_heading->setText(text(m_title));
    QFont mono = m_countdown->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setBold(true);
    mono.setPointSizeF(mono.pointSizeF() * 1.5);
    m_countdown->setFont(mono);
    m_warning->setStyleSheet(QStringLiteral("QLabel { color: #c62828; font-weight: bold; }"));
    m_saveState->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_flag->setCheckable(true);
    m_unsure->setCheckable(true);
    m_previous->setToolTip(tr("Previous question (Alt+Left)"));
    m_next->setToolTip(tr("Next question (Alt+Right)"));
    m_flag->setToolTip(tr("Mark this question to come back to it before you submit (Alt+F)"));
    m_unsure->setToolTip(tr("You answered but are not sure: the question goes to your review queue (Alt+U)"));
    QFont reading = m_stem->font();
    reading.setPointSizeF(reading.pointSizeF() * 1.15);
    m_stem->setFont(reading);
    m_answers->setFont(reading);
    m_stem->setOpenExternalLinks(false);
    m_stem->setFrameShape(QFrame::NoFrame);
    m_stem->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_order->setDragDropMode(QAbstractItemView::InternalMove);
    m_order->setToolTip(tr("Drag the items into the right order"));
    m_text->setPlaceholderText(tr("Your answer"));
    m_sql->setMinimumHeight(160);

    auto *top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_warning);
    top->addWidget(m_countdown);
    top->addWidget(m_submit);

    auto *navigator = new QWidget(this);
    auto *navigatorLayout = new QVBoxLayout(navigator);
    navigatorLayout->addWidget(new QLabel(tr("Questions"), navigator));
    navigatorLayout->addLayout(m_grid);
    auto *legend = new QLabel(tr("■ answered\n□ not answered\n⚑ flagged for review"), navigator);
    legend->setWordWrap(true);
    navigatorLayout->addWidget(legend);
    navigatorLayout->addStretch();
    navigator->setFixedWidth(Columns * 40 + 24);

    auto *choicesLayout = new QVBoxLayout(m_choices);
    choicesLayout->setContentsMargins(0, 0, 0, 0);
    choicesLayout->setAlignment(Qt::AlignTop);
    m_answers->insertWidget(ChoicePage, m_choices);
    auto *textPage = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_text);
    textLayout->addStretch();
    m_answers->insertWidget(TextPage, textPage);
    auto *orderPage = new QWidget(this);
    auto *orderLayout = new QVBoxLayout(orderPage);
    orderLayout->setContentsMargins(0, 0, 0, 0);
    orderLayout->addWidget(new QLabel(tr("Drag the items into the right order, first at the top."), orderPage));
    orderLayout->addWidget(m_order);
    orderLayout->addStretch();
    m_answers->insertWidget(OrderPage, orderPage);
    m_answers->insertWidget(MatchPage, m_matching);
    m_answers->insertWidget(SqlPage, m_sql);
    new QFormLayout(m_matching);

    m_feedback->setOpenExternalLinks(true);
    m_feedback->setMaximumHeight(180);
    m_feedback->hide();
    m_checkAnswer->setVisible(isPractice());
    m_checkAnswer->setToolTip(tr("Practice: see at once whether your answer is right, and why"));
    connect(m_checkAnswer, &QPushButton::clicked, this, &ExamView::checkAnswer);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previous);
    buttons->addWidget(m_flag);
    buttons->addWidget(m_unsure);
    buttons->addStretch();
    buttons->addWidget(m_saveState);
    buttons->addWidget(m_checkAnswer);
    buttons->addWidget(m_next);

    auto *question = new QVBoxLayout;
    question->addWidget(m_number);
    question->addWidget(m_stem);
    question->addWidget(m_answers, 1);
    question->addWidget(m_feedback);
    question->addLayout(buttons);

    auto *middle = new QHBoxLayout;
    middle->addWidget(navigator);
    middle->addLayout(question, 1);
    m_body = new QWidget(this);
    m_body->setLayout(middle);
    middle->setContentsMargins(0, 0, 0, 0);
    m_lockBanner = new QLabel(this);
    m_lockBanner->setObjectName(QStringLiteral("examLockBanner"));
    m_lockBanner->setWordWrap(true);
    m_lockBanner->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0b000;"
                                               " border-radius: 4px; padding: 8px; font-weight: bold; }"));
    m_lockBanner->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_lockBanner);
    layout->addWidget(m_body, 1);

    buildNavigator();
    connect(m_previous, &QPushButton::clicked, this, [this] { showQuestion(m_position - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showQuestion(m_position + 1); });
    connect(m_flag, &QPushButton::clicked, this, &ExamView::toggleFlag);
    connect(m_unsure, &QPushButton::clicked, this, &ExamView::toggleUnsure);
    connect(m_submit, &QPushButton::clicked, this, [this] { submit(); });
    connect(m_choiceGroup, &QButtonGroup::buttonToggled, this, [this] { saveAnswer(); });
    connect(m_text, &QLineEdit::textEdited, this, &ExamView::saveAnswer);
    connect(m_order->model(), &QAbstractItemModel::rowsMoved, this, &ExamView::saveAnswer);
    connect(m_sql, &QsciScintilla::textChanged, this, &ExamView::saveAnswer);
    const auto shortcut = [this](QKeySequence keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, [this, slot] {
            if (!isLocked()) // the trainer paused the exam: keys do nothing either
                slot();
        });
    };
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Left), [this] { showQuestion(m_position - 1); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Right), [this] { showQuestion(m_position + 1); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_F), [this] { toggleFlag(); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_U), [this] { toggleUnsure(); });
    // 1–9 pick the choice shown in that place (a typed answer keeps its digits: the text
    // field takes them first).
    for (int n = 1; n <= 9; ++n)
        shortcut(QKeySequence(Qt::Key_0 + n), [this, n] {
            if (m_answers->currentIndex() != ChoicePage)
                return;
            if (QAbstractButton *b = choiceButton(n - 1))
                b->click();
        });
    connect(m_timer, &QTimer::timeout, this, &ExamView::tick);
    m_timer->start(1000);
    m_retry->setInterval(2000);
    connect(m_retry, &QTimer::timeout, this, &ExamView::saveAnswer);

    // Resume where the candidate was: the last question visited, or the first.
    showQuestion(0);
    // Warnings mark a crossing: an attempt that starts (or resumes) under a threshold
    // does not announce it.
    const int left = m_session.remainingSeconds(m_clock());
    m_warned = left >= 0 && left <= 60 ? 60 : (left >= 0 && left <= 600 ? 600 : 0);
    tick();
}

ExamView::~ExamView() = default;

QString ExamView::text(const LocalizedText &localized) const
{
    return inLanguage(localized, m_language);
}

void ExamView::buildNavigator()
{
    for (int i = 0; i < m_session.count(); ++i) {
        auto *button = new QToolButton(this);
        button->setFixedSize(36, 32);
        button->setAutoRaise(false);
        connect(button, &QToolButton::clicked, this, [this, i] { showQuestion(i); });
        m_grid->addWidget(button, i / Columns, i % Columns);
        m_navigator << button;
    }
    refreshNavigator();
}

QToolButton *ExamView::navigatorButton(int position) const
{
    return m_navigator.value(position);
}

void ExamView::refreshNavigator()
{
    for (int i = 0; i < m_navigator.size(); ++i) {
        const ExamSession::QuestionState s = m_session.state(i);
        QToolButton *b = m_navigator.at(i);
        b->setText(QString::number(i + 1) + (s.flagged ? QStringLiteral("⚑") : QString()));
        QStringList style;
        if (s.answered)
            style << QStringLiteral("background: #1e88e5; color: white;");
        if (s.flagged)
            style << QStringLiteral("border: 2px solid #ef6c00;");
        if (i == m_position)
            style << QStringLiteral("font-weight: bold; border: 2px solid #212121;");
        b->setStyleSheet(QStringLiteral("QToolButton { %1 }").arg(style.join(u' ')));
        b->setToolTip(s.answered ? tr("Question %1: answered").arg(i + 1) : tr("Question %1: not answered").arg(i + 1));
    }
}

void ExamView::showQuestion(int position)
{
    if (position < 0 || position >= m_session.count())
        return;
    if (m_pending)
        saveAnswer();
    m_position = position;
    m_loading = true;
    const Question *q = m_session.question(position);
    const DrawnQuestion &drawn = m_session.drawn(position);
    const ExamSession::QuestionState state = m_session.state(position);
    m_number->setText(tr("Question %1 of %2").arg(position + 1).arg(m_session.count()));
    m_stem->setMarkdown(MarkdownText::joinCjkLineBreaks(text(q->stem)));
    fitStem();

    // The choices, in the order this attempt shows them.
    for (QAbstractButton *b : m_choiceGroup->buttons())
        m_choiceGroup->removeButton(b);
    qDeleteAll(m_choices->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
    const auto addChoice = [&](QAbstractButton *b, int bankIndex) {
        m_choiceGroup->addButton(b, bankIndex);
        m_choices->layout()->addWidget(b);
    };
    switch (q->type) {
    case Question::Type::Single:
    case Question::Type::Multiple:
        m_choiceGroup->setExclusive(q->type == Question::Type::Single);
        if (q->type == Question::Type::Multiple)
            m_choices->layout()->addWidget(new QLabel(tr("Choose every right answer.")));
        for (int index : drawn.shownOrder) {
            QAbstractButton *b = q->type == Question::Type::Single ? static_cast<QAbstractButton *>(new QRadioButton)
                                                                    : new QCheckBox;
            b->setText(text(q->options.value(index).text));
            addChoice(b, index);
            b->setChecked(state.answer.chosen.contains(index));
        }
        m_answers->setCurrentIndex(ChoicePage);
        break;
    case Question::Type::TrueFalse: {
        m_choiceGroup->setExclusive(true);
        auto *yes = new QRadioButton(tr("True"));
        auto *no = new QRadioButton(tr("False"));
        addChoice(yes, 1);
        addChoice(no, 0);
        yes->setChecked(state.answer.truth == true);
        no->setChecked(state.answer.truth == false);
        m_answers->setCurrentIndex(ChoicePage);
        break;
    }
    case Question::Type::FillIn:
    case Question::Type::Numerical:
        m_text->setText(state.answer.text);
        m_answers->setCurrentIndex(TextPage);
        break;
    case Question::Type::Ordering: {
        m_order->clear();
        const QList<int> order = state.answer.order.size() == q->items.size() ? state.answer.order : drawn.shownOrder;
        for (int index : order) {
            auto *item = new QListWidgetItem(text(q->items.value(index)), m_order);
            item->setData(Qt::UserRole, index);
        }
        m_order->setFixedHeight(m_order->sizeHintForRow(0) * std::max(1, m_order->count()) + 2 * m_order->frameWidth() + 4);
        m_answers->setCurrentIndex(OrderPage);
        break;
    }
    case Question::Type::Matching: {
        auto *form = static_cast<QFormLayout *>(m_matching->layout());
        while (form->rowCount() > 0)
            form->removeRow(0);
        for (int left = 0; left < q->pairs.size(); ++left) {
            auto *box = new QComboBox;
            box->addItem(tr("(choose)"), -1);
            for (int index : drawn.shownOrder)
                box->addItem(text(q->pairs.value(index).right), index);
            box->setCurrentIndex(std::max(0, box->findData(state.answer.matches.value(left, -1))));
            connect(box, &QComboBox::currentIndexChanged, this, &ExamView::saveAnswer);
            form->addRow(text(q->pairs.at(left).left), box);
        }
        m_answers->setCurrentIndex(MatchPage);
        break;
    }
    case Question::Type::Sql:
        m_sql->setText(state.answer.text);
        m_answers->setCurrentIndex(SqlPage);
        break;
    }
    m_flag->setChecked(state.flagged);
    m_unsure->setChecked(state.unsure);
    m_feedback->hide();
    m_previous->setEnabled(position > 0);
    m_next->setEnabled(position + 1 < m_session.count());
    m_loading = false;
    if (!state.visited)
        m_session.visit(position, m_clock());
    refreshNavigator();
}

// As tall as the stem needs, up to half the view; the answers follow right below it.
void ExamView::fitStem()
{
    const int width = m_stem->viewport()->width();
    m_stem->document()->setTextWidth(width > 100 ? width : 700);
    const int needed = int(std::ceil(m_stem->document()->size().height())) + 2 * m_stem->frameWidth() + 6;
    m_stem->setFixedHeight(std::clamp(needed, 40, std::max(160, height() / 2)));
}

void ExamView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitStem();
}

QAbstractButton *ExamView::choiceButton(int shown) const
{
    return m_choiceGroup->buttons().value(shown);
}

CandidateAnswer ExamView::answerFromWidgets() const
{
    CandidateAnswer a;
    const Question *q = m_session.question(m_position);
    switch (q->type) {
    case Question::Type::Single:
    case Question::Type::Multiple:
        for (QAbstractButton *b : m_choiceGroup->buttons()) {
            if (b->isChecked())
                a.chosen << m_choiceGroup->id(b);
        }
        break;
    case Question::Type::TrueFalse:
        if (QAbstractButton *b = m_choiceGroup->checkedButton())
            a.truth = m_choiceGroup->id(b) == 1;
        break;
    case Question::Type::FillIn:
    case Question::Type::Numerical:
        a.text = m_text->text();
        break;
    case Question::Type::Ordering:
        for (int row = 0; row < m_order->count(); ++row)
            a.order << m_order->item(row)->data(Qt::UserRole).toInt();
        break;
    case Question::Type::Matching:
        for (QComboBox *box : m_matching->findChildren<QComboBox *>())
            a.matches << box->currentData().toInt();
        break;
    case Question::Type::Sql:
        a.text = m_sql->text();
        break;
    }
    return a;
}

void ExamView::saveAnswer()
{
    if (m_loading || m_position < 0 || m_session.isSubmitted())
        return;
    const CandidateAnswer answer = answerFromWidgets();
    if (m_session.answer(m_position, answer, m_clock())) {
        m_pending = false;
        m_retry->stop();
        m_saveState->clear();
    } else if (!m_session.timeIsUp(m_clock())) {
        m_pending = true; // kept in the widgets; tried again until it is stored
        m_saveState->setText(tr("Not saved yet: %1").arg(m_session.storeError()));
        m_retry->start();
    }
    refreshNavigator();
}

void ExamView::toggleFlag()
{
    const bool flagged = !m_session.state(m_position).flagged;
    if (m_session.setFlagged(m_position, flagged, m_clock()))
        m_flag->setChecked(flagged);
    refreshNavigator();
}

void ExamView::toggleUnsure()
{
    const bool unsure = !m_session.state(m_position).unsure;
    if (m_session.setUnsure(m_position, unsure, m_clock()))
        m_unsure->setChecked(unsure);
}

bool ExamView::isPractice() const
{
    const QString mode = m_session.record().mode;
    return mode == u"practice" || mode == u"drill" || mode == u"review";
}

void ExamView::checkAnswer()
{
    if (!isPractice() || m_position < 0)
        return;
    saveAnswer();
    const Question *q = m_session.question(m_position);
    const CandidateAnswer answer = m_session.state(m_position).answer;
    if (q->type == Question::Type::Sql) {
        const std::optional<QuestionScore> graded = m_session.state(m_position).graded;
        if (graded) {
            showFeedback(m_position, *q, *graded);
        } else if (answer.text.trimmed().isEmpty()) {
            showFeedback(m_position, *q, QuestionScore{0, false, {tr("No SQL was given.")}, false});
        } else if (isSignalConnected(QMetaMethod::fromSignal(&ExamView::sqlCheckRequested))) {
            m_feedback->setMarkdown(tr("Running your SQL in a sandbox and checking it…"));
            m_feedback->show();
            Q_EMIT sqlCheckRequested(m_position, answer);
        } else {
            m_feedback->setMarkdown(tr("Compare your query with a solution that passes:")
                                    + ExamResultView::describeRight(*q, m_language));
            m_feedback->show();
        }
        return;
    }
    showFeedback(m_position, *q, QuestionGrader::grade(*q, answer));
}

void ExamView::showSqlVerdict(int position, const QString &answerText, const std::optional<QuestionScore> &verdict,
                              const QString &error)
{
    const Question *q = m_session.question(position);
    if (!q || m_session.state(position).answer.text != answerText)
        return; // answered otherwise since: that answer gets its own check
    if (!verdict) {
        if (position == m_position) {
            m_feedback->setMarkdown(tr("Your SQL could not be checked: %1").arg(error));
            m_feedback->show();
        }
        return;
    }
    m_session.recordGraded(position, *verdict, m_clock());
    showFeedback(position, *q, *verdict);
}

void ExamView::showFeedback(int position, const Question &q, const QuestionScore &score)
{
    // In a review session the first check of a card reschedules it.
    if (m_session.record().mode == u"review" && !m_rated.contains(position)
        && m_session.rate(position, score.correct, m_clock()))
        m_rated.insert(position);
    if (position != m_position)
        return;
    QString md = score.correct ? tr("**Right.**")
        : score.score > 0 ? tr("**Partly right** (%1 %).").arg(qRound(score.score * 100))
                          : tr("**Not right.**");
    if (q.type == Question::Type::Sql) {
        for (const QString &line : score.feedback)
            md += QStringLiteral("\n\n") + line;
        if (!score.correct)
            md += QStringLiteral("\n\n") + tr("A solution that passes:") + ExamResultView::describeRight(q, m_language);
    } else {
        md += QStringLiteral(" ") + tr("Right answer:") + QStringLiteral(" ") + ExamResultView::describeRight(q, m_language);
    }
    md += QStringLiteral("\n\n") + MarkdownText::joinCjkLineBreaks(text(q.explanation));
    if (!q.reference.isEmpty())
        md += QStringLiteral("\n\n") + tr("Read more: [%1](%1)").arg(q.reference);
    m_feedback->setMarkdown(md);
    m_feedback->show();
}

QString ExamView::feedbackText() const
{
    return m_feedback->isHidden() ? QString() : m_feedback->toPlainText();
}

QString ExamView::countdownText() const
{
    return m_countdown->text();
}

QString ExamView::warningText() const
{
    return m_warning->text();
}

void ExamView::tick()
{
    if (m_session.isSubmitted())
        return;
    const int left = m_session.remainingSeconds(m_clock());
    if (left < 0) {
        m_countdown->setText(tr("untimed"));
        return;
    }
    m_countdown->setText(clock(left));
    // Each warning once: at 10 minutes, then at 1 minute.
    if (left <= 60 && left > 0 && m_warned != 60) {
        m_warned = 60;
        m_warning->setText(tr("1 minute left"));
    } else if (left <= 600 && left > 60 && m_warned == 0) {
        m_warned = 600;
        m_warning->setText(tr("10 minutes left"));
    }
    if (left == 0)
        submit(true); // time is up: what is answered is what counts
}

QString ExamView::confirmationText() const
{
    const int unanswered = m_session.unansweredCount();
    const int flagged = m_session.flaggedCount();
    QString message = tr("Submit your answers? You cannot change them afterwards.");
    if (unanswered > 0)
        message += u'\n' + tr("%n question(s) not answered.", nullptr, unanswered);
    if (flagged > 0) {
        // Which ones, so the candidate can go back to them.
        QStringList numbers;
        for (int i = 0; i < m_session.count(); ++i) {
            if (m_session.state(i).flagged)
                numbers << QString::number(i + 1);
        }
        message += u'\n' + tr("%n question(s) flagged for review: %1.", nullptr, flagged).arg(numbers.join(QStringLiteral(", ")));
    }
    return message;
}

QMessageBox *ExamView::confirmationDialog()
{
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Submit the exam"), confirmationText(),
                                QMessageBox::Yes | QMessageBox::No, this);
    ask->setDefaultButton(QMessageBox::No);
    return ask;
}

bool ExamView::submit(bool confirmed)
{
    if (m_session.isSubmitted())
        return true;
    if (isLocked() && !m_session.timeIsUp(m_clock()))
        return false; // paused by the trainer; at the deadline it is submitted all the same
    if (m_pending)
        saveAnswer();
    if (!confirmed) {
        std::unique_ptr<QMessageBox> ask(confirmationDialog());
        if (ask->exec() != QMessageBox::Yes)
            return false;
    }
    if (!m_session.submit(m_clock())) {
        m_saveState->setText(tr("Could not submit: %1").arg(m_session.storeError()));
        return false;
    }
    m_timer->stop();
    Q_EMIT submitted(m_session.record().attemptId);
    return true;
}

void ExamView::setLocked(bool locked, const QString &message)
{
    m_lockBanner->setText(message);
    m_lockBanner->setVisible(locked);
    m_body->setEnabled(!locked);
    m_submit->setEnabled(!locked && !m_session.isSubmitted());
}

bool ExamView::isLocked() const
{
    return !m_body->isEnabled();
}

bool ExamView::extendTo(int durationSeconds)
{
    const bool extended = m_session.extendTo(durationSeconds);
    tick();
    return extended;
}
