#include "labpanel.h"

#include "markdowntext.h"

#include "progressstore.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QThread>
#include <QVBoxLayout>

namespace {
QLabel *wrapped(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

LabPanel::LabPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(wrapped(this))
    , m_objectives(wrapped(this))
    , m_steps(new QListWidget(this))
    , m_instructions(wrapped(this))
    , m_hints(wrapped(this))
    , m_feedback(wrapped(this))
    , m_status(wrapped(this))
    , m_solution(new QPlainTextEdit(this))
    , m_check(new QPushButton(tr("Check"), this))
    , m_hint(new QPushButton(tr("Hint"), this))
    , m_reset(new QPushButton(tr("Reset"), this))
    , m_showSolution(new QPushButton(tr("Show solution"), this))
    , m_restart(new QPushButton(tr("Restart server"), this))
    , m_recover(new QPushButton(tr("Recover…"), this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_instructions->setTextFormat(Qt::MarkdownText);
    m_objectives->setTextFormat(Qt::MarkdownText);
    m_hints->setTextFormat(Qt::MarkdownText);
    m_feedback->setFrameShape(QFrame::StyledPanel);
    m_feedback->setMargin(6);
    m_feedback->hide();
    m_solution->setReadOnly(true);
    m_solution->hide();
    m_steps->setMaximumHeight(140);
    m_check->setToolTip(tr("Check this step (Ctrl+Shift+Enter)"));
    m_check->setDefault(true);
    m_restart->setToolTip(tr("Restart the lab's server, as pg_ctl restart does: settings that need a restart take effect"));
    m_recover->setToolTip(tr("Point-in-time recovery: put back the lab's starting copy of the cluster and replay the "
                             "archived WAL up to the recovery target you set with ALTER SYSTEM"));
    m_restart->hide();
    m_recover->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_check);
    buttons->addWidget(m_hint);
    buttons->addStretch();
    buttons->addWidget(m_showSolution);
    buttons->addWidget(m_reset);
    auto *serverButtons = new QHBoxLayout;
    serverButtons->addStretch();
    serverButtons->addWidget(m_restart);
    serverButtons->addWidget(m_recover);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_title);
    layout->addWidget(m_objectives);
    layout->addWidget(m_steps);
    layout->addWidget(m_instructions);
    layout->addWidget(m_hints);
    layout->addLayout(buttons);
    layout->addLayout(serverButtons);
    layout->addWidget(m_feedback);
    layout->addWidget(m_solution);
    layout->addWidget(m_status);
    layout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_check, &QPushButton::clicked, this, &LabPanel::check);
    connect(m_hint, &QPushButton::clicked, this, &LabPanel::revealHint);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Reset the lab"),
                                  tr("Put your lab database back as the lab starts? Everything you changed in it is lost."))
            == QMessageBox::Yes)
            reset();
    });
    connect(m_showSolution, &QPushButton::clicked, this, &LabPanel::showSolution);
    connect(m_restart, &QPushButton::clicked, this, &LabPanel::restartServer);
    connect(m_recover, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Point-in-time recovery"),
                                  tr("Stop the lab's server dead, as a crash would, put back the copy the lab started from, "
                                     "and replay the archived WAL up to your recovery target? Set restore_command and a "
                                     "recovery_target_* setting with ALTER SYSTEM first; changes since the target are lost."))
            == QMessageBox::Yes)
            recoverCluster();
    });
    connect(m_steps, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_step)
            setCurrentStep(row);
    });
    // Works from the editor too: the whole window is where a learner presses it.
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), this);
    shortcut->setContext(Qt::WindowShortcut);
    connect(shortcut, &QShortcut::activated, this, [this] {
        if (isVisible() && m_check->isEnabled())
            check();
    });
    setBusy(false);
}

LabPanel::~LabPanel()
{
    waitForWorkers(); // what they would have reported is dropped with the panel
}

// A worker still preparing, grading or resetting uses the lab environment: before it goes
// (the panel closes, another lab opens), let the worker end (statement timeouts bound it).
void LabPanel::waitForWorkers()
{
    for (const QPointer<QThread> &worker : std::as_const(m_workers)) {
        if (worker)
            worker->wait();
    }
}

QString LabPanel::text(const LocalizedText &localized) const
{
    return MarkdownText::joinCjkLineBreaks(inLanguage(localized, m_context.language));
}

void LabPanel::openLab(const Context &context)
{
    showLab(context);
    m_environment = std::make_unique<LabEnvironment>(context.lab, context.environment);
    record(int(CourseEvent::Kind::Opened), false, QStringLiteral("{}"));
    runInBackground([this] {
        QString error;
        return m_environment->prepare(false, &error) ? QString() : error;
    }, [this](const QString &error) {
        if (!error.isEmpty()) {
            m_status->setText(tr("The lab database could not be prepared: %1").arg(error));
            Q_EMIT sandboxFailed(error);
            return;
        }
        m_status->setText(m_environment->isCluster() ? tr("Your editor is connected to this lab's own server.")
                                                     : tr("Your editor is connected to your lab database."));
        announceReady();
    });
}

void LabPanel::openWithoutServer(const Context &context, const QString &reason)
{
    showLab(context);
    m_environment.reset();
    setBusy(false, tr("You can read this lab, but working on it needs a PostgreSQL server, and none could be started: %1")
                       .arg(reason));
}

// The lab's texts, its steps with the learner's marks, the first unfinished step.
void LabPanel::showLab(const Context &context)
{
    m_context = context;
    waitForWorkers();
    const int steps = int(context.lab.steps.size());
    m_steps->setTextElideMode(Qt::ElideRight);
    m_steps->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_hintsShown = QList<int>(steps, 0);
    m_failures = QList<int>(steps, 0);
    m_passed = QList<bool>(steps, false);
    if (context.store) {
        const ItemProgress progress = context.store->courseProgress(context.learnerId)
                                          .value(context.packId + u'/' + context.lab.id);
        for (int i = 0; i < steps; ++i) {
            m_passed[i] = progress.passedSteps.contains(context.lab.steps.at(i).id);
            m_failures[i] = progress.failedAttempts.value(context.lab.steps.at(i).id);
        }
    }
    m_title->setText(text(context.title));
    m_objectives->setText(text(context.lab.objectives));
    m_restart->setVisible(context.lab.cluster);
    m_recover->setVisible(context.lab.cluster && context.lab.archive);
    const auto firstOpen = std::find(m_passed.begin(), m_passed.end(), false);
    setCurrentStep(firstOpen == m_passed.end() ? 0 : int(firstOpen - m_passed.begin()));
}

void LabPanel::prepareSpareQuietly()
{
    if (!m_environment || m_environment->isCluster())
        return;
    LabEnvironment *environment = m_environment.get();
    QThread *worker = QThread::create([environment] {
        QString error;
        environment->prepareSpare(&error); // without a spare, Reset clones: slower, never wrong
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_workers.removeIf([](const QPointer<QThread> &w) { return w.isNull(); });
    m_workers << worker;
    worker->start();
}

void LabPanel::announceReady()
{
    prepareSpareQuietly();
    Q_EMIT sandboxReady(m_environment->learnerConninfo());
    if (m_environment->hasStandby())
        Q_EMIT standbyReady(m_environment->standbyConninfo());
    for (const QString &session : std::as_const(m_context.lab.sessions))
        Q_EMIT sessionReady(session, m_environment->sessionConninfo(session));
}

void LabPanel::setCurrentStep(int step)
{
    if (step < 0 || step >= m_context.lab.steps.size())
        return;
    m_step = step;
    m_sinceStep.start();
    const LabStep &s = m_context.lab.steps.at(step);
    QString then;
    if (s.restart)
        then = QStringLiteral("\n\n") + tr("*After your statements, press **Restart server**, then Check.*");
    if (StepGrader::observesSessions(s) && !m_context.lab.sessions.isEmpty()) {
        QStringList tabs;
        for (const QString &session : std::as_const(m_context.lab.sessions))
            tabs << tr("**Session %1**").arg(session);
        then = QStringLiteral("\n\n") + tr("*Work in the %1 tabs, in the order you choose, then Check: the check looks at "
                                             "those sessions as they are.*").arg(tabs.join(QStringLiteral(", ")));
    }
    if (s.recover)
        then = QStringLiteral("\n\n") + tr("*After your statements, press **Recover…**, then Check.*");
    m_instructions->setText(tr("**Step %1 of %2** · %n point(s)\n\n", nullptr, s.points)
                                .arg(step + 1)
                                .arg(m_context.lab.steps.size())
                            + text(s.instructions) + then);
    m_feedback->hide();
    m_solution->hide();
    refreshSteps();
}

void LabPanel::refreshSteps()
{
    const QSignalBlocker blocker(m_steps);
    m_steps->clear();
    for (int i = 0; i < m_context.lab.steps.size(); ++i) {
        const QString mark = m_passed.at(i) ? QStringLiteral("✓") : (m_failures.at(i) > 0 ? QStringLiteral("✗") : QStringLiteral("○"));
        QString first = text(m_context.lab.steps.at(i).instructions).section(u'\n', 0, 0);
        first.remove(u'`').remove(QStringLiteral("**"));
        m_steps->addItem(QStringLiteral("%1  %2. %3").arg(mark).arg(i + 1).arg(first));
    }
    m_steps->setCurrentRow(m_step);
    const LabStep &s = m_context.lab.steps.at(m_step);
    QStringList shown;
    for (int h = 0; h < m_hintsShown.at(m_step); ++h)
        shown << tr("*Hint %1:* %2").arg(h + 1).arg(text(s.hints.at(h)));
    m_hints->setText(shown.join(QStringLiteral("\n\n")));
    m_hints->setVisible(!shown.isEmpty());
    const int left = int(s.hints.size()) - m_hintsShown.at(m_step);
    m_hint->setText(left > 0 ? tr("Hint (%n left)", nullptr, left) : tr("No more hints"));
    m_hint->setEnabled(left > 0 && !m_busy);
    m_showSolution->setText(failedAttempts() >= SolutionAfterFailures ? tr("Show solution") : tr("Show solution…"));
}

int LabPanel::failedAttempts() const
{
    return m_failures.value(m_step);
}

void LabPanel::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    const bool ready = !busy && m_environment;
    m_check->setEnabled(ready);
    // In a class the trainer resets sandboxes (the student's login may not make databases).
    const bool inClass = m_context.environment.classMember && !m_context.lab.cluster;
    m_reset->setEnabled(ready && !inClass);
    m_reset->setToolTip(inClass ? tr("In a class, your trainer resets your sandbox: ask them.") : QString());
    m_restart->setEnabled(ready);
    m_recover->setEnabled(ready);
    m_showSolution->setEnabled(ready);
    if (!status.isEmpty())
        m_status->setText(status);
    if (m_environment)
        refreshSteps();
}

void LabPanel::runInBackground(std::function<QString()> work, std::function<void(const QString &)> done)
{
    setBusy(true, tr("Working…"));
    QThread *worker = QThread::create([this, work, done] {
        const QString result = work();
        QMetaObject::invokeMethod(this, [this, done, result] {
            setBusy(false);
            done(result);
        }, Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_workers.removeIf([](const QPointer<QThread> &w) { return w.isNull(); });
    m_workers << worker;
    worker->start();
}

void LabPanel::check()
{
    if (m_busy || !m_environment)
        return;
    const QString answer = m_answer ? m_answer() : QString();
    const LabStep step = m_context.lab.steps.at(m_step);
    const GradingContext context = m_environment->context(answer, m_context.language, m_step);
    auto verdict = std::make_shared<StepVerdict>();
    const qint64 spent = m_sinceStep.elapsed();
    m_status->setText(tr("Checking…"));
    runInBackground([verdict, step, context] {
        *verdict = StepGrader::grade(step, context);
        return QString();
    }, [this, verdict, answer, spent, stepId = step.id](const QString &) {
        m_passed[m_step] = m_passed.at(m_step) || verdict->passed;
        if (!verdict->passed)
            m_failures[m_step] += 1;
        const QJsonObject detail{{QStringLiteral("answer"), answer},
                                 {QStringLiteral("feedback"), verdict->feedback().join(u'\n')}};
        record(int(CourseEvent::Kind::Attempt), verdict->passed,
               QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)), spent);
        showVerdict(*verdict);
        refreshSteps();
        m_status->clear();
        Q_EMIT attempted(m_context.lab.id, stepId, verdict->passed, verdict->feedback().join(u'\n'));
        Q_EMIT checked(verdict->passed);
    });
}

void LabPanel::showVerdict(const StepVerdict &verdict)
{
    const bool last = m_step + 1 >= m_context.lab.steps.size();
    QString message;
    if (verdict.passed)
        message = last ? tr("Correct. You have finished this lab's last step.") : tr("Correct. On to the next step.");
    else
        message = tr("Not yet.") + u'\n' + verdict.feedback().join(u'\n');
    m_feedback->setText(message);
    const QColor tone = verdict.passed ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
    m_feedback->setStyleSheet(QStringLiteral("QLabel { border: 1px solid %1; border-radius: 4px; }").arg(tone.name()));
    m_feedback->show();
}

void LabPanel::revealHint()
{
    const LabStep &s = m_context.lab.steps.at(m_step);
    if (m_hintsShown.at(m_step) >= s.hints.size())
        return;
    m_hintsShown[m_step] += 1;
    record(int(CourseEvent::Kind::Hint), false,
           QStringLiteral("{\"hint\":%1}").arg(m_hintsShown.at(m_step)));
    refreshSteps();
}

void LabPanel::reset()
{
    if (m_busy || !m_environment)
        return;
    record(int(CourseEvent::Kind::Reset), false, QStringLiteral("{}"));
    runInBackground([this] {
        QString error;
        return m_environment->reset(&error) ? QString() : error;
    }, [this](const QString &error) {
        m_status->setText(error.isEmpty() ? tr("Your lab database is as the lab starts again.")
                                          : tr("The reset failed: %1").arg(error));
        if (error.isEmpty())
            announceReady();
    });
}

void LabPanel::restartServer()
{
    if (m_busy || !m_environment || !m_environment->isCluster())
        return;
    runInBackground([this] {
        QString error;
        return m_environment->restart(&error) ? QString() : error;
    }, [this](const QString &error) {
        m_status->setText(error.isEmpty() ? tr("The lab's server restarted; your editor is connected again.")
                                          : tr("The restart failed: %1").arg(error));
        if (error.isEmpty())
            announceReady();
    });
}

void LabPanel::recoverCluster()
{
    if (m_busy || !m_environment || !m_environment->isCluster())
        return;
    runInBackground([this] {
        QString error;
        return m_environment->recover(&error) ? QString() : error;
    }, [this](const QString &error) {
        m_status->setText(error.isEmpty() ? tr("Recovery finished; your editor is connected to the recovered server.")
                                          : tr("The recovery failed: %1\nYour server is back as it was: fix the settings and "
                                               "try again.").arg(error));
        if (error.isEmpty())
            announceReady();
    });
}

void LabPanel::showSolution()
{
    if (!m_environment)
        return;
    if (failedAttempts() < SolutionAfterFailures
        && QMessageBox::question(this, tr("Show the solution"),
                                 tr("Show a reference solution for this step? Trying once more is how it sticks; "
                                    "the app notes that you looked."))
               != QMessageBox::Yes)
        return;
    record(int(CourseEvent::Kind::Solution), false, QStringLiteral("{}"));
    m_solution->setPlainText(m_environment->expand(m_context.lab.steps.at(m_step).solution).trimmed());
    m_solution->setMaximumHeight(m_solution->fontMetrics().lineSpacing() * (m_solution->blockCount() + 2));
    m_solution->show();
}

void LabPanel::record(int kind, bool passed, const QString &detail, qint64 durationMs)
{
    if (!m_context.store)
        return;
    CourseEvent e;
    e.packId = m_context.packId;
    e.itemId = m_context.lab.id;
    e.stepId = m_context.lab.steps.value(m_step).id;
    e.kind = CourseEvent::Kind(kind);
    e.passed = passed;
    e.detail = detail;
    e.durationMs = durationMs;
    m_context.store->recordCourseEvent(m_context.learnerId, e);
}

QString LabPanel::feedbackText() const
{
    return !m_feedback->isHidden() ? m_feedback->text() : QString();
}

QString LabPanel::statusText() const
{
    return m_status->text();
}
