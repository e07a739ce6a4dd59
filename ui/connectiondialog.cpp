#include "connectiondialog.h"

#include "connectioninfo.h"
#include "querysession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUuid>

namespace {
const QStringList SslModes = {QString(),          QStringLiteral("disable"),   QStringLiteral("allow"),
                              QStringLiteral("prefer"), QStringLiteral("require"), QStringLiteral("verify-ca"),
                              QStringLiteral("verify-full")};
}

ConnectionDialog::ConnectionDialog(const ConnectionProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_name(new QLineEdit(profile.name))
    , m_conninfo(new QLineEdit)
    , m_sslMode(new QComboBox)
    , m_rootCert(new QLineEdit)
    , m_color(new QComboBox)
    , m_readOnly(new QCheckBox(tr("Read-only: the server refuses changes on this connection")))
    , m_savePassword(new QCheckBox(tr("Remember the password in the system keychain")))
    , m_error(new QLabel)
    , m_testResult(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
{
    setWindowTitle(profile.name.isEmpty() ? tr("New Connection") : tr("Connection %1").arg(profile.name));
    if (m_profile.id.isEmpty())
        m_profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);

    // The SSL settings have fields of their own; the rest stays in the string.
    const ConnectionInfo info(profile.conninfo);
    m_conninfo->setText(info.isValid() ? info.without({QStringLiteral("sslmode"), QStringLiteral("sslrootcert")})
                                       : profile.conninfo);
    m_conninfo->setPlaceholderText(QStringLiteral("host=db.example.org dbname=shop user=ada  |  postgresql://ada@db/shop"));
    m_sslMode->addItem(tr("libpq default"));
    for (qsizetype i = 1; i < SslModes.size(); ++i)
        m_sslMode->addItem(SslModes.at(i));
    m_sslMode->setCurrentIndex(std::max<int>(0, int(SslModes.indexOf(info.value(QStringLiteral("sslmode"))))));
    m_rootCert->setText(info.value(QStringLiteral("sslrootcert")));
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Root Certificate"), m_rootCert->text(),
                                                          tr("Certificates (*.crt *.pem);;All files (*)"));
        if (!path.isEmpty())
            m_rootCert->setText(path);
    });
    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_rootCert);
    certRow->addWidget(browse);
    const QList<std::pair<QString, QString>> colors = {{tr("None"), QString()},
                                                       {tr("Red (production)"), QStringLiteral("#d03030")},
                                                       {tr("Orange"), QStringLiteral("#e08000")},
                                                       {tr("Green"), QStringLiteral("#2e9e44")},
                                                       {tr("Blue"), QStringLiteral("#2f6fd0")}};
    for (const auto &[label, value] : colors)
        m_color->addItem(label, value);
    m_color->setCurrentIndex(std::max(0, m_color->findData(profile.color)));
    m_readOnly->setChecked(profile.readOnly);
    m_savePassword->setChecked(profile.savePassword);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c02020; }"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *test = m_buttons->addButton(tr("Test Connection"), QDialogButtonBox::ActionRole);
    connect(test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Connection:"), m_conninfo);
    form->addRow(QString(), m_error);
    form->addRow(tr("SSL mode:"), m_sslMode);
    form->addRow(tr("Root certificate:"), certRow);
    form->addRow(tr("Colour:"), m_color);
    form->addRow(QString(), m_readOnly);
    form->addRow(QString(), m_savePassword);
    auto *note = new QLabel(tr("Passwords are never stored with the profile: PG Campus asks for one when the server "
                               "wants it, and keeps it only in the system keychain if you say so. libpq also reads "
                               "~/.pgpass, pg_service.conf and the PG* variables."));
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_testResult);
    layout->addWidget(m_buttons);
    resize(640, sizeHint().height());

    for (QLineEdit *field : {m_name, m_conninfo, m_rootCert})
        connect(field, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &ConnectionDialog::validate);
    validate();
}

QString ConnectionDialog::conninfo() const
{
    const ConnectionInfo base(m_conninfo->text().trimmed());
    if (!base.isValid())
        return m_conninfo->text();
    QString text = base.toConninfo();
    if (m_sslMode->currentIndex() > 0)
        text = ConnectionInfo(text).with(QStringLiteral("sslmode"), SslModes.at(m_sslMode->currentIndex()));
    if (!m_rootCert->text().trimmed().isEmpty())
        text = ConnectionInfo(text).with(QStringLiteral("sslrootcert"), m_rootCert->text().trimmed());
    return text;
}

QString ConnectionDialog::validationError() const
{
    const ConnectionInfo info(conninfo());
    if (!info.isValid())
        return info.errorString();
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the connection a name.");
    return {};
}

void ConnectionDialog::validate()
{
    const QString error = validationError();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(error.isEmpty());
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile p = m_profile;
    p.name = m_name->text().trimmed();
    p.conninfo = ConnectionInfo(conninfo()).withoutPassword();
    p.color = m_color->currentData().toString();
    p.readOnly = m_readOnly->isChecked();
    p.savePassword = m_savePassword->isChecked();
    return p;
}

void ConnectionDialog::testConnection()
{
    const ConnectionInfo info(conninfo());
    if (!info.isValid()) {
        m_testResult->setText(info.errorString());
        Q_EMIT testFinished(false);
        return;
    }
    delete m_test;
    m_test = new QuerySession(this);
    m_testResult->setText(tr("Connecting…"));
    connect(m_test, &QuerySession::opened, this, [this] {
        const QString tls = m_test->tlsDescription();
        m_testResult->setText(tr("Connected to PostgreSQL %1 as %2, database %3. TLS: %4.")
                                  .arg(m_test->serverVersion(), m_test->user(), m_test->database(),
                                       tls.isEmpty() ? tr("not in use") : tls));
        m_test->close();
        Q_EMIT testFinished(true);
    });
    connect(m_test, &QuerySession::openFailed, this, [this, info](const QString &message) {
        if (m_test->needsPassword() && m_password.isEmpty()) {
            bool ok = false;
            m_password = QInputDialog::getText(this, tr("Password"), tr("Password for %1:").arg(info.value(QStringLiteral("user"))),
                                               QLineEdit::Password, QString(), &ok);
            if (ok && !m_password.isEmpty()) {
                m_test->open(info.with(QStringLiteral("password"), m_password));
                return;
            }
        }
        m_password.clear();
        m_testResult->setText(tr("Could not connect: %1").arg(message));
        Q_EMIT testFinished(false);
    });
    m_test->open(info.toConninfo());
}
