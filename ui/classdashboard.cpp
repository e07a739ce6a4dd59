#include "classdashboard.h"

#include "classsheets.h"
#include "courselibrary.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
// A selected cell keeps its state's colour and gets a frame: the colour is what the trainer reads.
class CellDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem plain = option;
        const bool selected = option.state & QStyle::State_Selected;
        plain.state &= ~QStyle::State_Selected;
        if (const QVariant background = index.data(Qt::BackgroundRole); background.isValid())
            painter->fillRect(option.rect, background.value<QBrush>());
        QStyledItemDelegate::paint(painter, plain, index);
        if (selected) {
            painter->save();
            painter->setPen(QPen(option.palette.color(QPalette::Highlight), 3));
            painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
            painter->restore();
        }
    }
};
} // namespace

ClassDashboard::ClassDashboard(const QString &trainerConninfo, const QString &classId, const CourseLibrary &library,
                               const QString &language, QWidget *parent)
    : QWidget(parent)
    , m_trainer(trainerConninfo)
    , m_classId(classId)
    , m_library(library)
    , m_language(language)
    , m_monitor(new ClassMonitor(trainerConninfo, classId, this))
    , m_model(new ClassDashboardModel(this))
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_activity(new QLabel(this))
    , m_stuckMinutes(new QSpinBox(this))
    , m_toolBar(new QToolBar(this))
    , m_grid(new QTableView(this))
    , m_details(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("classDashboard"));
    setWindowTitle(tr("Class %1").arg(classId));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setText(tr("Class %1").arg(classId));
    m_state->setObjectName(QStringLiteral("classState"));
    m_summary->setObjectName(QStringLiteral("classSummary"));
    m_activity->setObjectName(QStringLiteral("classActivity"));
    m_activity->setWordWrap(true);
    m_stuckMinutes->setRange(1, 120);
    m_stuckMinutes->setValue(m_model->stuckMinutes());
    m_stuckMinutes->setSuffix(tr(" min"));
    m_stuckMinutes->setToolTip(tr("A student is stuck when their attempts keep failing and no step has passed for this long."));
    connect(m_stuckMinutes, &QSpinBox::valueChanged, m_model, &ClassDashboardModel::setStuckMinutes);
    connect(m_stuckMinutes, &QSpinBox::valueChanged, this, &ClassDashboard::updateSummary);

    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(tr("Reset Lab…"), this, &ClassDashboard::askReset)->setObjectName(QStringLiteral("resetLab"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("Lock Exam"), this, [this] { askLock(true); })->setObjectName(QStringLiteral("lockExam"));
    m_toolBar->addAction(tr("Unlock Exam"), this, [this] { askLock(false); })->setObjectName(QStringLiteral("unlockExam"));
    m_toolBar->addAction(tr("Extend Time…"), this, &ClassDashboard::askExtend)->setObjectName(QStringLiteral("extendTime"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("Follow Me…"), this, &ClassDashboard::askFollow)->setObjectName(QStringLiteral("followMe"));
    m_toolBar->addAction(tr("Export…"), this, &ClassDashboard::askExport)->setObjectName(QStringLiteral("exportResults"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("Tear Down…"), this, &ClassDashboard::askTearDown)->setObjectName(QStringLiteral("tearDown"));

    m_grid->setModel(m_model);
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_grid->setItemDelegate(new CellDelegate(m_grid));
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grid->horizontalHeader()->setMinimumSectionSize(90);
    m_grid->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_grid->setWordWrap(false);
    m_details->setObjectName(QStringLiteral("classDetails"));
    m_details->setPlaceholderText(tr("Select a cell to see the student's last attempts and feedback."));
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, &ClassDashboard::showSelection);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addWidget(m_state);
    top->addStretch();
    top->addWidget(new QLabel(tr("Stuck after"), this));
    top->addWidget(m_stuckMinutes);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_grid);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_toolBar);
    layout->addWidget(split, 1);
    layout->addWidget(m_activity);

    connect(m_monitor, &ClassMonitor::rosterLoaded, this, [this](const QList<ClassStudent> &students, const QStringList &ids) {
        QList<ClassItem> items;
        m_examIds.clear();
        // Labs in course order, then exams, then anything the packs here do not know.
        QStringList ordered;
        for (const CoursePack &pack : m_library.packs()) {
            for (const CourseItem *item : m_library.itemsInOrder(pack.id)) {
                if (ids.contains(item->id) && !ordered.contains(item->id))
                    ordered << item->id;
            }
        }
        for (const QString &id : ids) {
            if (!ordered.contains(id) && m_library.findExam(QString(), id).blueprint)
                ordered << id;
        }
        for (const QString &id : ids) {
            if (!ordered.contains(id))
                ordered << id;
        }
        for (const QString &id : std::as_const(ordered)) {
            ClassItem item{id, id, {}};
            const CourseLibrary::Found found = m_library.find(id);
            if (found.lab) {
                if (found.item)
                    item.title = inLanguage(found.item->title, m_language);
                for (const LabStep &step : found.lab->steps)
                    item.steps << step.id;
            } else if (const ExamBlueprint *exam = m_library.findExam(QString(), id).blueprint) {
                item.title = inLanguage(exam->title, m_language);
                m_examIds << id;
            }
            items << item;
        }
        m_model->setRoster(students, items);
        updateSummary();
    });
    connect(m_monitor, &ClassMonitor::resultsArrived, m_model, &ClassDashboardModel::addResults);
    connect(m_monitor, &ClassMonitor::resultsArrived, this, [this] {
        updateSummary();
        showSelection();
    });
    connect(m_monitor, &ClassMonitor::stateChanged, this, [this](ClassMonitor::State state, const QString &detail) {
        switch (state) {
        case ClassMonitor::State::Live:
            m_state->setText(QStringLiteral("<span style='color:#2e9e4f'>● %1</span>").arg(tr("Live")));
            m_state->setToolTip(QString());
            break;
        case ClassMonitor::State::Connecting:
            m_state->setText(tr("Connecting…"));
            m_state->setToolTip(detail);
            break;
        case ClassMonitor::State::Reconnecting:
            m_state->setText(QStringLiteral("<span style='color:#c62828'>● %1</span>").arg(tr("Reconnecting…")));
            m_state->setToolTip(detail);
            break;
        }
    });
    m_state->setText(tr("Connecting…"));
    auto *clock = new QTimer(this);
    clock->setInterval(30 * 1000);
    connect(clock, &QTimer::timeout, m_model, &ClassDashboardModel::refreshTimes);
    connect(clock, &QTimer::timeout, this, &ClassDashboard::updateSummary);
    clock->start();
    updateSummary();
    m_monitor->start();
}

ClassDashboard::~ClassDashboard()
{
    m_monitor->stop();
}

void ClassDashboard::updateSummary()
{
    using Cell = ClassDashboardModel::Cell;
    // The counts double as the legend: each in its cells' colour.
    const auto counted = [this](Cell cell, const QString &text) {
        return QStringLiteral("<span style='color:%1'>■</span> %2")
            .arg(ClassDashboardModel::cellColor(cell).name(), text.arg(m_model->count(cell)).toHtmlEscaped());
    };
    m_summary->setText(QStringList{tr("%n student(s)", nullptr, m_model->rowCount()).toHtmlEscaped(),
                                   counted(Cell::Passed, tr("%1 passed")), counted(Cell::InProgress, tr("%1 in progress")),
                                   counted(Cell::Failed, tr("%1 failing")), counted(Cell::Stuck, tr("%1 stuck")),
                                   tr("%n result(s)", nullptr, int(m_model->resultCount())).toHtmlEscaped()}
                           .join(QStringLiteral(" &nbsp;·&nbsp; ")));
}

void ClassDashboard::showSelection()
{
    const QModelIndex current = m_grid->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const ClassStudent &student = m_model->students().at(current.row());
    const ClassItem &item = m_model->items().at(current.column());
    const QList<ClassResult> attempts = m_model->attempts(current.row(), current.column());
    QString html = QStringLiteral("<h3>%1</h3><p>%2 · <b>%3</b></p>")
                       .arg(student.name.toHtmlEscaped(), item.title.toHtmlEscaped(),
                            ClassDashboardModel::cellName(m_model->cell(current.row(), current.column())).toHtmlEscaped());
    if (attempts.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("No attempt yet.").toHtmlEscaped());
    for (qsizetype i = 0; i < attempts.size() && i < 20; ++i) {
        const ClassResult &r = attempts.at(i);
        html += QStringLiteral("<p><span style='color:%1'>%2</span> %3 <span style='color:#666'>%4</span><br/>%5</p>")
                    .arg(r.passed ? QStringLiteral("#2e9e4f") : QStringLiteral("#c62828"),
                         r.passed ? QStringLiteral("✓") : QStringLiteral("✗"), r.step.toHtmlEscaped(),
                         QLocale().toString(r.at.toLocalTime().time(), QLocale::ShortFormat),
                         r.feedback.toHtmlEscaped().replace(u'\n', QStringLiteral("<br/>")));
    }
    m_details->setHtml(html);
}

void ClassDashboard::runOnWorker(const QString &doing, std::function<bool(QString *)> work, const QString &done)
{
    m_activity->setText(doing);
    ++m_running;
    QPointer<ClassDashboard> self(this);
    QThread *worker = QThread::create([self, work, done] {
        QString error;
        const bool ok = work(&error);
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, ok, error, done] {
                if (!self)
                    return;
                --self->m_running;
                const QString message = ok ? done : tr("Failed: %1").arg(error);
                self->m_activity->setText(message);
                Q_EMIT self->actionFinished(ok, message);
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

QString ClassDashboard::selectedItem(const QString &kind) const
{
    const QModelIndex current = m_grid->currentIndex();
    if (!current.isValid())
        return {};
    const QString id = m_model->items().at(current.column()).id;
    const bool exam = m_examIds.contains(id);
    return (kind == u"exam") == exam ? id : QString();
}

QList<int> ClassDashboard::selectedStudents() const
{
    QList<int> numbers;
    for (const QModelIndex &index : m_grid->selectionModel()->selectedIndexes()) {
        const int number = m_model->students().at(index.row()).number;
        if (!numbers.contains(number))
            numbers << number;
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

void ClassDashboard::resetLab(const QString &labId, const QList<int> &numbers)
{
    const Lab *lab = m_library.find(labId).lab;
    if (!lab) {
        Q_EMIT actionFinished(false, tr("No lab \"%1\" in the course packs.").arg(labId));
        return;
    }
    const QString trainer = m_trainer, id = m_classId;
    const Lab copy = *lab;
    runOnWorker(tr("Resetting %1…").arg(labId),
                [trainer, id, copy, numbers](QString *error) { return Classroom(trainer, id).reset(copy, numbers, error); },
                numbers.isEmpty() ? tr("%1 reset for everyone.").arg(labId)
                                  : tr("%1 reset for %n student(s).", nullptr, int(numbers.size())).arg(labId));
}

void ClassDashboard::setExamLocked(const QString &examId, bool locked)
{
    const QString trainer = m_trainer, id = m_classId;
    runOnWorker(
        locked ? tr("Locking %1…").arg(examId) : tr("Unlocking %1…").arg(examId),
        [trainer, id, examId, locked](QString *error) {
            return Classroom(trainer, id).setControl(Classroom::examLockedKey(examId), locked ? QStringLiteral("true") : QStringLiteral("false"),
                                                     error);
        },
        locked ? tr("%1 is locked: students cannot start or go on with it.").arg(examId) : tr("%1 is unlocked.").arg(examId));
}

void ClassDashboard::extendTime(const QString &login, const QString &examId, int minutes)
{
    const QString trainer = m_trainer, id = m_classId;
    runOnWorker(
        tr("Extending %1's time…").arg(login),
        [trainer, id, login, examId, minutes](QString *error) {
            return Classroom(trainer, id).setControl(Classroom::extraMinutesKey(login, examId), QString::number(minutes), error);
        },
        tr("%1 has %n extra minute(s) for %2.", nullptr, minutes).arg(login, examId));
}

void ClassDashboard::followMe(const QString &lessonId)
{
    const QString trainer = m_trainer, id = m_classId;
    runOnWorker(
        tr("Telling the class…"),
        [trainer, id, lessonId](QString *error) { return Classroom(trainer, id).setControl(Classroom::followKey(), lessonId, error); },
        lessonId.isEmpty() ? tr("Students no longer follow you.") : tr("Students are asked to open %1.").arg(lessonId));
}

bool ClassDashboard::exportResults(const QString &path, QString *error) const
{
    if (path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        return ClassSheets::writeResultsPdf(path, *m_model, m_classId, error);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(ClassSheets::resultsCsv(*m_model).toUtf8()) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ClassDashboard::tearDown()
{
    m_monitor->stop();
    const QString trainer = m_trainer, id = m_classId;
    connect(this, &ClassDashboard::actionFinished, this, [this](bool ok) {
        if (ok)
            Q_EMIT tornDown();
        else
            m_monitor->start();
    }, Qt::SingleShotConnection);
    runOnWorker(tr("Tearing class %1 down…").arg(id),
                [trainer, id](QString *error) { return Classroom(trainer, id).teardown(error); },
                tr("Class %1 is torn down: its roles, sandboxes and schema are gone.").arg(id));
}

void ClassDashboard::askReset()
{
    const QString lab = selectedItem(QStringLiteral("lab"));
    if (lab.isEmpty()) {
        QMessageBox::information(this, tr("Reset Lab"), tr("Select a cell in a lab's column first."));
        return;
    }
    const QList<int> numbers = selectedStudents();
    const bool everyone = numbers.size() == m_model->rowCount();
    const QString question = everyone ? tr("Reset %1 for everyone (%2 students)? Their work in it is lost.").arg(lab).arg(numbers.size())
                                      : tr("Reset %1 for %n selected student(s)? Their work in it is lost.", nullptr, int(numbers.size())).arg(lab);
    if (QMessageBox::question(this, tr("Reset Lab"), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes)
        resetLab(lab, everyone ? QList<int>{} : numbers);
}

void ClassDashboard::askLock(bool locked)
{
    const QString exam = selectedItem(QStringLiteral("exam"));
    if (exam.isEmpty()) {
        QMessageBox::information(this, locked ? tr("Lock Exam") : tr("Unlock Exam"), tr("Select a cell in an exam's column first."));
        return;
    }
    setExamLocked(exam, locked);
}

void ClassDashboard::askExtend()
{
    const QString exam = selectedItem(QStringLiteral("exam"));
    const QModelIndex current = m_grid->currentIndex();
    if (exam.isEmpty() || !current.isValid()) {
        QMessageBox::information(this, tr("Extend Time"), tr("Select the student's cell in an exam's column first."));
        return;
    }
    const ClassStudent &student = m_model->students().at(current.row());
    bool ok = false;
    const int minutes = QInputDialog::getInt(this, tr("Extend Time"), tr("Extra minutes for %1 in %2:").arg(student.name, exam), 10, 1,
                                             240, 5, &ok);
    if (ok)
        extendTime(student.login, exam, minutes);
}

void ClassDashboard::askFollow()
{
    QStringList labels{tr("(stop following)")};
    QStringList ids{QString()};
    for (const CoursePack &pack : m_library.packs()) {
        for (const CourseTrack &track : pack.tracks) {
            for (const CourseModule &module : track.modules) {
                for (const CourseItem &item : module.items) {
                    labels << QStringLiteral("%1 — %2").arg(inLanguage(module.title, m_language), inLanguage(item.title, m_language));
                    ids << item.id;
                }
            }
        }
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Follow Me"), tr("Ask every student to open:"), labels, 1, false, &ok);
    if (ok)
        followMe(ids.value(labels.indexOf(chosen)));
}

void ClassDashboard::askExport()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Class Results"), QStringLiteral("class-%1.pdf").arg(m_classId),
                                                      tr("PDF (*.pdf);;CSV (*.csv)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    if (exportResults(path, &error))
        m_activity->setText(tr("Results exported to %1.").arg(path));
    else
        QMessageBox::warning(this, tr("Export Class Results"), error);
}

void ClassDashboard::askTearDown()
{
    TeardownConfirmation confirm(m_classId, m_model->rowCount(), this);
    if (confirm.exec() == QDialog::Accepted)
        tearDown();
}

TeardownConfirmation::TeardownConfirmation(const QString &classId, int students, QWidget *parent)
    : QDialog(parent)
    , m_field(new QLineEdit(this))
{
    setWindowTitle(tr("Tear Down Class %1").arg(classId));
    auto *text = new QLabel(tr("This drops the class's %n student login(s), every student's sandboxes and the class's results. "
                               "It cannot be undone.\n\nType the class id (%1) to confirm:",
                               nullptr, students)
                                .arg(classId),
                            this);
    text->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(tr("Tear Down"), QDialogButtonBox::DestructiveRole);
    m_confirm->setEnabled(false);
    m_field->setPlaceholderText(classId);
    connect(m_field, &QLineEdit::textChanged, this, [this, classId](const QString &typed) { m_confirm->setEnabled(typed.trimmed() == classId); });
    connect(m_confirm, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_field);
    layout->addWidget(buttons);
}
