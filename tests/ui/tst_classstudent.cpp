#include "classbar.h"
#include "classlink.h"
#include "connectioninfo.h"
#include "coursedocks.h"
#include "courselibrary.h"
#include "coursebrowser.h"
#include "coursetreemodel.h"
#include "joinclassdialog.h"
#include "labpanel.h"
#include "mainwindow.h"
#include "querysession.h"
#include "sqleditor.h"
#include "throwawayserver.h"
#include "workbenchtab.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// A student in a class, through the real window: joining with the class file and their
// card, the class's labs marked in the course browser, a lab opened on their own sandbox on
// the class's server, a check recorded in the class, and the trainer's "follow me".
class tst_ClassStudent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void joiningWantsTheClassesLogin();
    void aCheckInAClassLabReachesTheTrainer();

private:
    ThrowawayServer m_server;
    QTemporaryDir m_dir;
    CourseLibrary m_library;
    QString m_id;
    QList<ClassStudent> m_students;
    QString m_classFile;
};

void tst_ClassStudent::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_library.load({QStringLiteral(PGCAMPUS_SOURCE_DIR "/courseware")});
    const Lab *lab = m_library.find(QStringLiteral("first-queries")).lab;
    QVERIFY(lab);
    m_id = Classroom::newClassId();
    Classroom room(m_server.connectionString(), m_id);
    QString error;
    QVERIFY2(room.provision(Classroom::numberedStudents(2), {*lab}, &error), qPrintable(error));
    m_students = *room.students(&error);
    const ClassFile file = ClassFile::forServer(m_server.connectionString(), m_id, QStringLiteral("数据库管理 1 班"));
    m_classFile = m_dir.filePath(QStringLiteral("class.pgclass"));
    QFile out(m_classFile);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(file.toJson());
}

void tst_ClassStudent::joiningWantsTheClassesLogin()
{
    JoinClassDialog dialog;
    QString error;
    QFile broken(m_dir.filePath(QStringLiteral("broken.pgclass")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"pgcampus_class\": 1, \"class\": \"x; DROP\"}");
    broken.close();
    QVERIFY(!dialog.openClassFile(broken.fileName(), &error));
    QVERIFY2(error.contains(QStringLiteral("no valid class")), qPrintable(error));
    QVERIFY2(dialog.openClassFile(m_classFile, &error), qPrintable(error));
    QCOMPARE(dialog.classFile().classId, m_id);
    QCOMPARE(dialog.classFile().title, QStringLiteral("数据库管理 1 班"));

    dialog.loginField()->setText(QStringLiteral("postgres"));
    dialog.joinButton()->click();
    QTRY_VERIFY(dialog.statusLabel()->text().contains(QStringLiteral("not a login of class")));
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    dialog.loginField()->setText(m_students.at(1).login);
    dialog.passwordField()->setText(m_students.at(1).password);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.joinButton()->click();
    QTRY_COMPARE(accepted.size(), 1);
    QCOMPARE(dialog.joined().number, 2);
    QCOMPARE(dialog.joined().labs, QStringList{QStringLiteral("first-queries")});
}

void tst_ClassStudent::aCheckInAClassLabReachesTheTrainer()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    CourseDocks::Setup setup;
    setup.library = &m_library;
    setup.dataDirectory = m_dir.path();
    CourseDocks courses(&window, setup);
    QString error;
    ClassFile file = *ClassFile::fromJson([this] {
        QFile f(m_classFile);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }(), &error);
    const ClassStudent &me = m_students.at(0);
    const std::optional<ClassLink::Joined> joined = ClassLink::join(file, me.login, me.password, &error);
    QVERIFY2(joined, qPrintable(error));
    ClassLink link(file, me.login, me.password, m_dir.filePath(QStringLiteral("pending.json")));
    link.start();
    courses.setClass(&link, *joined);
    ClassBar bar(&link, m_library, QStringLiteral("en"), &window);
    QTRY_VERIFY(bar.stateText().contains(QStringLiteral("your results reach the trainer")));
    QVERIFY(bar.stateText().contains(QStringLiteral("数据库管理 1 班")));

    // Marked in the browser; the lab opens without the practice server, on the class's.
    CourseTreeModel *model = courses.browser()->model();
    const QModelIndex item = model->itemIndex(m_library.find(QStringLiteral("first-queries")).pack->id, QStringLiteral("first-queries"));
    QVERIFY(item.data().toString().endsWith(QStringLiteral("[class]")));
    QVERIFY(item.data(Qt::ToolTipRole).toString().contains(m_id));
    QSignalSpy ready(&courses, &CourseDocks::labReady);
    QVERIFY(courses.open(QString(), QStringLiteral("first-queries")));
    QVERIFY2(ready.wait(60000), qPrintable(courses.labPanel()->feedbackText()));
    WorkbenchTab *tab = courses.labTab();
    QVERIFY(tab);
    QTRY_COMPARE(tab->session()->state(), QuerySession::State::Idle);
    QCOMPARE(ConnectionInfo(tab->session()->conninfo()).value(QStringLiteral("user")), me.login);
    QVERIFY(!courses.labPanel()->resetButton()->isEnabled()); // the trainer resets class sandboxes
    QVERIFY(courses.labPanel()->checkButton()->isEnabled());

    // The first step answered with its solution and checked: the class has it.
    const Lab *lab = m_library.find(QStringLiteral("first-queries")).lab;
    tab->editor()->setText(lab->steps.first().solution);
    QSignalSpy checked(courses.labPanel(), &LabPanel::checked);
    courses.labPanel()->check();
    QVERIFY(checked.wait(60000));
    QVERIFY2(checked.first().first().toBool(), qPrintable(courses.labPanel()->feedbackText()));
    QTRY_COMPARE(link.pending(), 0);
    QCOMPARE(queryScalar(m_server.connectionString(),
                         QStringLiteral("SELECT string_agg(item || '/' || step || '/' || passed, ',') FROM pgcampus_class_%1.result "
                                        "WHERE login = '%2'")
                             .arg(m_id, me.login)),
             QStringLiteral("first-queries/%1/true").arg(lab->steps.first().id));

    // Follow me: the bar names the lesson and opens it.
    const QString lesson = m_library.itemsInOrder(m_library.find(QStringLiteral("first-queries")).pack->id).first()->id;
    QVERIFY2(Classroom(m_server.connectionString(), m_id).setControl(Classroom::followKey(), lesson, &error), qPrintable(error));
    QTRY_VERIFY(!bar.followText().isEmpty());
    QSignalSpy open(&bar, &ClassBar::openRequested);
    bar.openButton()->click();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().toString(), lesson);
}

QTEST_MAIN(tst_ClassStudent)
#include "tst_classstudent.moc"
