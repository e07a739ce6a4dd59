#include "joinclassdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

JoinClassDialog::JoinClassDialog(QWidget *parent)
    : QDialog(parent)
    , m_host(new QLineEdit(this))
    , m_port(new QLineEdit(this))
    , m_database(new QLineEdit(this))
    , m_classId(new QLineEdit(this))
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_join(new QPushButton(tr("Join"), this))
{
    setObjectName(QStringLiteral("joinClassDialog"));
    setWindowTitle(tr("Join a Class"));
    auto *openFile = new QPushButton(tr("Open Class File…"), this);
    connect(openFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Class File"), QString(), tr("PG Campus class (*.pgclass)"));
        QString error;
        if (!path.isEmpty() && !openClassFile(path, &error))
            QMessageBox::warning(this, tr("Open Class File"), error);
    });
    m_port->setPlaceholderText(QStringLiteral("5432"));
    m_classId->setPlaceholderText(QStringLiteral("c1a2b3c4"));
    m_login->setPlaceholderText(tr("on your card: learner_…"));
    m_password->setEchoMode(QLineEdit::Password);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("joinStatus"));
    auto *form = new QFormLayout;
    form->addRow(QString(), openFile);
    form->addRow(QString(), m_title);
    form->addRow(tr("Server:"), m_host);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("Database:"), m_database);
    form->addRow(tr("Class id:"), m_classId);
    form->addRow(tr("Login:"), m_login);
    form->addRow(tr("Password:"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_join, QDialogButtonBox::AcceptRole);
    m_join->setDefault(true);
    connect(m_join, &QPushButton::clicked, this, &JoinClassDialog::join);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
}

bool JoinClassDialog::openClassFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const std::optional<ClassFile> parsed = ClassFile::fromJson(file.readAll(), error);
    if (!parsed)
        return false;
    m_host->setText(parsed->host);
    m_port->setText(parsed->port);
    m_database->setText(parsed->database);
    m_classId->setText(parsed->classId);
    m_fileTitle = parsed->title;
    m_title->setText(parsed->title.isEmpty() ? QString() : QStringLiteral("<b>%1</b>").arg(parsed->title.toHtmlEscaped()));
    m_login->setFocus();
    return true;
}

ClassFile JoinClassDialog::classFile() const
{
    ClassFile file;
    file.host = m_host->text().trimmed();
    file.port = m_port->text().trimmed();
    file.database = m_database->text().trimmed();
    file.classId = m_classId->text().trimmed();
    file.title = m_fileTitle;
    return file;
}

QString JoinClassDialog::login() const
{
    return m_login->text().trimmed();
}

QString JoinClassDialog::password() const
{
    return m_password->text();
}

void JoinClassDialog::join()
{
    if (!Classroom::isClassId(classFile().classId) || login().isEmpty()) {
        m_status->setText(tr("Open the class file from your trainer (or type the class id), then the login on your card."));
        return;
    }
    m_join->setEnabled(false);
    m_status->setText(tr("Logging in…"));
    QPointer<JoinClassDialog> self(this);
    const ClassFile file = classFile();
    const QString login = this->login(), password = this->password();
    QThread *worker = QThread::create([self, file, login, password] {
        QString error;
        const std::optional<ClassLink::Joined> joined = ClassLink::join(file, login, password, &error);
        QMetaObject::invokeMethod(
            self.data(),
            [self, joined, error] {
                if (!self)
                    return;
                self->m_join->setEnabled(true);
                if (!joined) {
                    self->m_status->setText(tr("Could not join: %1").arg(error));
                    return;
                }
                self->m_joined = *joined;
                self->accept();
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}
