#include "classprovisiondialog.h"

#include "classsheets.h"
#include "connectioninfo.h"
#include "courselibrary.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

ClassProvisionDialog::ClassProvisionDialog(const CourseLibrary &library, const QList<Connection> &connections,
                                           const QString &language, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
    , m_language(language)
    , m_classId(Classroom::newClassId())
    , m_saved(new QComboBox(this))
    , m_conninfo(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_title(new QLineEdit(this))
    , m_byCount(new QRadioButton(tr("Number of students"), this))
    , m_byRoster(new QRadioButton(tr("Roster (CSV of names)"), this))
    , m_count(new QSpinBox(this))
    , m_rosterButton(new QPushButton(tr("Choose…"), this))
    , m_rosterLabel(new QLabel(this))
    , m_packs(new QListWidget(this))
    , m_estimate(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
    , m_provision(new QPushButton(tr("Provision"), this))
    , m_saveSheet(new QPushButton(tr("Save Credentials…"), this))
    , m_saveClassFile(new QPushButton(tr("Save Class File…"), this))
    , m_openDashboard(new QPushButton(tr("Open Dashboard"), this))
{
    setObjectName(QStringLiteral("classProvisionDialog"));
    setWindowTitle(tr("Provision a Class"));
    m_saved->addItem(tr("Type a connection below"), QString());
    for (const Connection &c : connections)
        m_saved->addItem(c.name, c.conninfo);
    connect(m_saved, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_saved->itemData(index).toString().isEmpty()) {
            m_conninfo->setText(m_saved->itemData(index).toString());
            m_conninfo->setCursorPosition(0);
        }
    });
    m_conninfo->setPlaceholderText(QStringLiteral("host=db.example.edu dbname=training user=trainer"));
    m_conninfo->setToolTip(tr("A superuser, or a role with CREATEROLE and CREATEDB, in the database that keeps the class."));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("not kept"));
    m_title->setPlaceholderText(tr("e.g. DBA course, group 1"));
    m_count->setRange(1, 200);
    m_count->setValue(30);
    m_byCount->setChecked(true);
    m_rosterLabel->setText(tr("no roster chosen"));
    connect(m_rosterButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Roster"), QString(), tr("CSV (*.csv *.txt)"));
        QString error;
        if (!path.isEmpty() && !loadRoster(path, &error))
            QMessageBox::warning(this, tr("Roster"), error);
    });
    connect(m_byCount, &QRadioButton::toggled, this, &ClassProvisionDialog::updateEstimate);
    connect(m_count, &QSpinBox::valueChanged, this, &ClassProvisionDialog::updateEstimate);

    for (const CoursePack &pack : library.packs()) {
        int sandboxLabs = 0;
        for (const Lab &lab : pack.labs)
            sandboxLabs += lab.cluster ? 0 : 1;
        auto *item = new QListWidgetItem(tr("%1 — %n lab(s) with a sandbox, ", nullptr, sandboxLabs).arg(inLanguage(pack.title, language))
                                             + tr("%n exam(s)", nullptr, int(pack.blueprints.size())),
                                         m_packs);
        item->setData(Qt::UserRole, pack.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_packs->setMaximumHeight(110);
    m_log->setReadOnly(true);
    m_log->setPlaceholderText(tr("What provisioning does appears here."));
    m_log->setObjectName(QStringLiteral("provisionLog"));
    m_estimate->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Saved connection:"), m_saved);
    form->addRow(tr("Trainer's connection:"), m_conninfo);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Class title:"), m_title);
    auto *classLabel = new QLabel(QStringLiteral("<b>%1</b>").arg(m_classId), this);
    classLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Class id:"), classLabel);
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_byCount);
    countRow->addWidget(m_count);
    countRow->addStretch();
    form->addRow(tr("Students:"), countRow);
    auto *rosterRow = new QHBoxLayout;
    rosterRow->addWidget(m_byRoster);
    rosterRow->addWidget(m_rosterButton);
    rosterRow->addWidget(m_rosterLabel, 1);
    form->addRow(QString(), rosterRow);
    form->addRow(tr("Course packs:"), m_packs);
    form->addRow(QString(), m_estimate);

    m_saveSheet->setEnabled(false);
    m_saveClassFile->setEnabled(false);
    m_openDashboard->setEnabled(false);
    m_provision->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_provision, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveSheet, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveClassFile, QDialogButtonBox::ActionRole);
    buttons->addButton(m_openDashboard, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_provision, &QPushButton::clicked, this, &ClassProvisionDialog::provision);
    connect(m_saveSheet, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Credentials"), QStringLiteral("class-%1-credentials.pdf").arg(m_classId),
                                                          tr("PDF sheet to print (*.pdf);;CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !saveCredentials(path, &error))
            QMessageBox::warning(this, tr("Save Credentials"), error);
    });
    connect(m_saveClassFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Class File"), QStringLiteral("class-%1.pgclass").arg(m_classId),
                                                          tr("PG Campus class (*.pgclass)"));
        QString error;
        if (!path.isEmpty() && !saveClassFile(path, &error))
            QMessageBox::warning(this, tr("Save Class File"), error);
    });
    connect(m_openDashboard, &QPushButton::clicked, this, [this] { Q_EMIT dashboardRequested(trainerConninfo(), m_classId); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_log, 1);
    layout->addWidget(buttons);
    resize(760, 640);
    updateEstimate();
}

QString ClassProvisionDialog::trainerConninfo() const
{
    const QString conninfo = m_conninfo->text().trimmed();
    return m_password->text().isEmpty() ? conninfo : ConnectionInfo(conninfo).with(QStringLiteral("password"), m_password->text());
}

QStringList ClassProvisionDialog::studentNames() const
{
    return m_byCount->isChecked() ? Classroom::numberedStudents(m_count->value()) : m_roster;
}

bool ClassProvisionDialog::loadRoster(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QStringList names = Classroom::rosterFromCsv(QString::fromUtf8(file.readAll()));
    if (names.isEmpty()) {
        *error = tr("%1 names no students: one name per line (the first column), a header line \"name\" is skipped.").arg(path);
        return false;
    }
    m_roster = names;
    m_rosterLabel->setText(tr("%n student(s), from %1 to %2", nullptr, int(names.size())).arg(names.first(), names.last()));
    m_byRoster->setChecked(true);
    updateEstimate();
    return true;
}

void ClassProvisionDialog::updateEstimate()
{
    const int students = int(studentNames().size());
    m_estimate->setText(tr("A class of %1 may hold %2 connections at once: the server's max_connections must allow them.")
                            .arg(students)
                            .arg(Classroom::connectionsNeeded(students)));
}

ClassFile ClassProvisionDialog::classFile() const
{
    return ClassFile::forServer(m_conninfo->text().trimmed(), m_classId, m_title->text().trimmed());
}

void ClassProvisionDialog::provision()
{
    if (m_conninfo->text().trimmed().isEmpty()) {
        m_log->appendPlainText(tr("Give the trainer's connection first."));
        Q_EMIT provisioned(false, tr("Give the trainer's connection first."));
        return;
    }
    const QStringList names = studentNames();
    if (names.isEmpty()) {
        m_log->appendPlainText(tr("Choose a roster, or give a number of students."));
        Q_EMIT provisioned(false, tr("Choose a roster, or give a number of students."));
        return;
    }
    QList<Lab> labs;
    QStringList exams;
    for (int i = 0; i < m_packs->count(); ++i) {
        if (m_packs->item(i)->checkState() != Qt::Checked)
            continue;
        if (const CoursePack *pack = m_library.pack(m_packs->item(i)->data(Qt::UserRole).toString())) {
            labs << pack->labs;
            for (const ExamBlueprint &exam : pack->blueprints)
                exams << exam.id;
        }
    }
    m_provision->setEnabled(false);
    m_log->appendPlainText(tr("Provisioning class %1 for %n student(s)…", nullptr, int(names.size())).arg(m_classId));
    const QString trainer = trainerConninfo(), id = m_classId;
    QPointer<ClassProvisionDialog> self(this);
    QThread *worker = QThread::create([self, trainer, id, names, labs, exams] {
        Classroom room(trainer, id);
        QString error;
        const auto say = [self](const QString &line) {
            QMetaObject::invokeMethod(
                self.data(), [self, line] { if (self) self->m_log->appendPlainText(line); }, Qt::QueuedConnection);
        };
        bool ok = room.provision(names, labs, &error, say) && room.addExams(exams, &error);
        std::optional<QList<ClassStudent>> students;
        if (ok) {
            students = room.students(&error);
            ok = students.has_value();
        }
        const QList<ClassStudent> list = students.value_or(QList<ClassStudent>());
        QMetaObject::invokeMethod(
            self.data(), [self, ok, error, list] { if (self) self->finished(ok, error, list); }, Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void ClassProvisionDialog::finished(bool ok, const QString &error, const QList<ClassStudent> &students)
{
    m_provision->setEnabled(true);
    if (!ok) {
        m_log->appendPlainText(tr("Provisioning stopped: %1\nProvision again to finish: nothing is made twice, and students "
                                  "already made keep their passwords.")
                                   .arg(error));
        Q_EMIT provisioned(false, error);
        return;
    }
    m_students = students;
    m_done = true;
    m_provision->setText(tr("Provision Again"));
    m_saveSheet->setEnabled(true);
    m_saveClassFile->setEnabled(true);
    m_openDashboard->setEnabled(true);
    const QString message = tr("Class %1 is ready: %n student(s). Save the credentials sheet and the class file to hand out.", nullptr,
                               int(students.size()))
                                .arg(m_classId);
    m_log->appendPlainText(message);
    Q_EMIT provisioned(true, message);
}

bool ClassProvisionDialog::saveCredentials(const QString &path, QString *error) const
{
    if (path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        return ClassSheets::writeCredentialsPdf(path, classFile(), m_students, error);
    const ClassFile file = classFile();
    QSaveFile out(path);
    const QByteArray csv = Classroom::credentialsCsv(m_students, file.host, file.port, file.database, m_classId).toUtf8();
    if (out.open(QIODevice::WriteOnly) && out.write(csv) == csv.size() && out.commit())
        return true;
    *error = tr("Cannot write %1: %2").arg(path, out.errorString());
    return false;
}

bool ClassProvisionDialog::saveClassFile(const QString &path, QString *error) const
{
    QSaveFile out(path);
    const QByteArray json = classFile().toJson();
    if (out.open(QIODevice::WriteOnly) && out.write(json) == json.size() && out.commit())
        return true;
    *error = tr("Cannot write %1: %2").arg(path, out.errorString());
    return false;
}
