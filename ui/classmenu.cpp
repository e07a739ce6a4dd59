#include "classmenu.h"

#include "classdashboard.h"
#include "connectioninfo.h"
#include "joinclassdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>

ClassMenu::ClassMenu(QMainWindow *window, const CourseLibrary &library, const QList<ClassProvisionDialog::Connection> &connections,
                     const QString &language)
    : QObject(window)
    , m_window(window)
    , m_library(library)
    , m_connections(connections)
    , m_language(language)
    , m_menu(new QMenu(tr("&Class"), window))
{
    m_menu->addAction(tr("&Join a Class…"), this, &ClassMenu::askJoin);
    m_leave = m_menu->addAction(tr("&Leave Class"), this, &ClassMenu::leaveRequested);
    m_leave->setEnabled(false);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Provision a Class…"), this, &ClassMenu::openProvisioning);
    m_menu->addAction(tr("Open Class &Dashboard…"), this, &ClassMenu::askDashboard);
}

ClassProvisionDialog *ClassMenu::openProvisioning()
{
    auto *dialog = new ClassProvisionDialog(m_library, m_connections, m_language, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ClassProvisionDialog::dashboardRequested, this, &ClassMenu::openDashboard);
    dialog->show();
    return dialog;
}

ClassDashboard *ClassMenu::openDashboard(const QString &trainerConninfo, const QString &classId)
{
    auto *dashboard = new ClassDashboard(trainerConninfo, classId, m_library, m_language, nullptr);
    dashboard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &QObject::destroyed, dashboard, &QWidget::close);
    connect(dashboard, &ClassDashboard::tornDown, dashboard, &QWidget::close);
    dashboard->resize(1100, 720);
    dashboard->show();
    return dashboard;
}

void ClassMenu::askJoin()
{
    JoinClassDialog dialog(m_window);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT joined(dialog.classFile(), dialog.login(), dialog.password(), dialog.joined());
}

void ClassMenu::askDashboard()
{
    QDialog ask(m_window);
    ask.setWindowTitle(tr("Open Class Dashboard"));
    auto *saved = new QComboBox(&ask);
    auto *conninfo = new QLineEdit(&ask);
    auto *password = new QLineEdit(&ask);
    auto *classId = new QLineEdit(&ask);
    saved->addItem(tr("Type a connection below"), QString());
    for (const ClassProvisionDialog::Connection &c : m_connections)
        saved->addItem(c.name, c.conninfo);
    connect(saved, &QComboBox::currentIndexChanged, &ask, [saved, conninfo](int index) {
        if (!saved->itemData(index).toString().isEmpty())
            conninfo->setText(saved->itemData(index).toString());
    });
    password->setEchoMode(QLineEdit::Password);
    password->setPlaceholderText(tr("not kept"));
    classId->setPlaceholderText(QStringLiteral("c1a2b3c4"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, &ask);
    const auto valid = [buttons, conninfo, classId] {
        buttons->button(QDialogButtonBox::Open)->setEnabled(!conninfo->text().trimmed().isEmpty()
                                                            && Classroom::isClassId(classId->text().trimmed()));
    };
    connect(conninfo, &QLineEdit::textChanged, &ask, valid);
    connect(classId, &QLineEdit::textChanged, &ask, valid);
    valid();
    connect(buttons, &QDialogButtonBox::accepted, &ask, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &ask, &QDialog::reject);
    auto *form = new QFormLayout(&ask);
    form->addRow(tr("Saved connection:"), saved);
    form->addRow(tr("Trainer's connection:"), conninfo);
    form->addRow(tr("Password:"), password);
    form->addRow(tr("Class id:"), classId);
    form->addRow(buttons);
    if (ask.exec() != QDialog::Accepted)
        return;
    const QString trainer = password->text().isEmpty()
        ? conninfo->text().trimmed()
        : ConnectionInfo(conninfo->text().trimmed()).with(QStringLiteral("password"), password->text());
    openDashboard(trainer, classId->text().trimmed());
}
