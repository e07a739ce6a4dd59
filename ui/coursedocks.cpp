#include "coursedocks.h"

#include "coursebrowser.h"
#include "courselibrary.h"
#include "coursetreemodel.h"
#include "dashboard.h"
#include "labpanel.h"
#include "labsandbox.h"
#include "lessonview.h"
#include "mainwindow.h"
#include "progressstore.h"
#include "sqleditor.h"
#include "workbenchtab.h"

#include <QDir>
#include <QDockWidget>

CourseDocks::CourseDocks(MainWindow *window, const Setup &setup)
    : QObject(window)
    , m_window(window)
    , m_setup(setup)
    , m_browser(new CourseBrowser)
    , m_lesson(new LessonView)
    , m_lab(new LabPanel)
    , m_browserDock(new QDockWidget(tr("Courses"), window))
    , m_lessonDock(new QDockWidget(tr("Lesson"), window))
    , m_labDock(new QDockWidget(tr("Lab"), window))
{
    m_browserDock->setObjectName(QStringLiteral("coursesDock"));
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    m_labDock->setObjectName(QStringLiteral("labDock"));
    m_browserDock->setWidget(m_browser);
    m_lessonDock->setWidget(m_lesson);
    m_labDock->setWidget(m_lab);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_browserDock);
    window->addDockWidget(Qt::RightDockWidgetArea, m_lessonDock);
    window->addDockWidget(Qt::RightDockWidgetArea, m_labDock);
    window->tabifyDockWidget(m_lessonDock, m_labDock);
    // The schema browser, when shown, is a tab beside the courses.
    window->tabifyDockWidget(m_browserDock, window->schemaBrowserDock());
    m_browserDock->raise();
    window->resizeDocks({m_browserDock, m_lessonDock}, {290, 470}, Qt::Horizontal);
    m_lessonDock->hide();
    m_labDock->hide();

    m_browser->model()->setLanguage(setup.language);
    m_browser->model()->setPacks(setup.library->packs());
    refreshCompletion();
    connect(m_browser, &CourseBrowser::itemActivated, this, &CourseDocks::open);
    connect(m_lesson, &LessonView::previousRequested, this, [this] { step(-1); });
    connect(m_lesson, &LessonView::nextRequested, this, [this] { step(+1); });
    connect(m_lesson, &LessonView::readToEnd, this, &CourseDocks::lessonReadToEnd);
    connect(m_lesson, &LessonView::openRequested, this, [this](const QString &sql) {
        WorkbenchTab *tab = m_window->addTab();
        tab->editor()->setText(sql.trimmed() + u'\n');
        tab->editor()->setFocus();
    });
    connect(m_lesson, &LessonView::runRequested, this, [this](const QString &sql) {
        WorkbenchTab *tab = examplesTab();
        tab->editor()->setText(sql.trimmed() + u'\n');
        tab->runScript();
    });
    m_lab->setAnswerSource([this] { return m_labTab ? m_labTab->editor()->text() : QString(); });
    connect(m_lab, &LabPanel::sandboxReady, this, [this](const QString &conninfo) {
        if (!m_labTab || !m_window->showTab(m_labTab))
            m_labTab = m_window->addTab();
        m_labTab->setUntitledName(m_lab->labTitle());
        m_labTab->connectTo(m_lab->labTitle(), conninfo); // the title already says "Lab: …"
        m_window->showTab(m_labTab);
        Q_EMIT labReady();
    });
    connect(m_lab, &LabPanel::standbyReady, this, [this](const QString &conninfo) {
        const QString name = tr("Standby");
        if (!m_standbyTab || !m_window->showTab(m_standbyTab))
            m_standbyTab = m_window->addTab();
        m_standbyTab->setUntitledName(name);
        m_standbyTab->connectTo(name, conninfo);
        if (m_labTab)
            m_window->showTab(m_labTab); // the primary's tab stays in front
    });
    connect(m_lab, &LabPanel::sessionReady, this, [this](const QString &session, const QString &conninfo) {
        const QString name = tr("Session %1").arg(session);
        QPointer<WorkbenchTab> &tab = m_sessionTabs[session];
        if (!tab || !m_window->showTab(tab))
            tab = m_window->addTab();
        tab->setUntitledName(name);
        tab->connectTo(name, conninfo);
        if (m_labTab)
            m_window->showTab(m_labTab);
    });
    connect(m_lab, &LabPanel::sandboxFailed, this, &CourseDocks::labFailed);
    connect(m_lab, &LabPanel::checked, this, &CourseDocks::refreshCompletion);
    connect(m_lab, &LabPanel::attempted, this, [this](const QString &labId, const QString &stepId, bool passed, const QString &feedback) {
        if (m_class && m_joined.labs.contains(labId))
            m_class->record(labId, stepId, passed, feedback);
    });
}

void CourseDocks::setAdminConninfo(const QString &conninfo)
{
    m_admin = conninfo;
    m_serverProblem.clear();
    if (!m_pendingLab.isEmpty()) {
        const QString pending = std::exchange(m_pendingLab, QString());
        openLab(pending.section(u'/', 0, 0), pending.section(u'/', 1));
    }
}

void CourseDocks::setServerUnavailable(const QString &reason)
{
    m_serverProblem = reason;
    if (!m_pendingLab.isEmpty())
        openLab(m_pendingLab.section(u'/', 0, 0), m_pendingLab.section(u'/', 1));
}

void CourseDocks::refreshCompletion()
{
    if (!m_setup.store)
        return;
    const QHash<QString, ItemProgress> progress = m_setup.store->courseProgress(m_setup.learnerId);
    QHash<QString, ItemStatus> marks;
    for (const CoursePack &pack : m_setup.library->packs()) {
        QHash<QString, const Lab *> labs; // one pass over the pack's labs, not one per item
        for (const Lab &lab : pack.labs)
            labs.insert(lab.id, &lab);
        for (const CourseItem *item : m_setup.library->itemsInOrder(pack.id)) {
            const QString key = pack.id + u'/' + item->id;
            const ItemProgress p = progress.value(key);
            const bool done = CourseCompletion::isDone(*item, labs.value(item->id), p);
            marks.insert(key, done ? ItemStatus::Completed : (p.attempted ? ItemStatus::InProgress : ItemStatus::NotStarted));
        }
    }
    m_browser->model()->setCompletion(marks);
}

bool CourseDocks::open(const QString &packId, const QString &itemId)
{
    const CourseLibrary::Found found = m_setup.library->find(packId, itemId);
    if (!found.item)
        return false;
    m_packId = found.pack->id;
    m_itemId = itemId;
    m_browser->selectItem(m_packId, itemId);
    if (found.item->kind == CourseItem::Kind::Lesson)
        openLesson(m_packId, itemId);
    else
        openLab(m_packId, itemId);
    return true;
}

void CourseDocks::openLesson(const QString &packId, const QString &itemId)
{
    const CourseLibrary::Found found = m_setup.library->find(packId, itemId);
    m_lesson->showLesson(*found.pack, *found.item, m_setup.language);
    const QList<const CourseItem *> items = m_setup.library->itemsInOrder(packId);
    const qsizetype at = items.indexOf(found.item);
    m_lesson->setNavigation(at > 0, at + 1 < items.size());
    m_lessonDock->show();
    m_lessonDock->raise();
    if (m_setup.store) {
        CourseEvent opened;
        opened.packId = packId;
        opened.itemId = itemId;
        opened.kind = CourseEvent::Kind::Opened;
        m_setup.store->recordCourseEvent(m_setup.learnerId, opened);
    }
}

void CourseDocks::lessonReadToEnd()
{
    const CourseLibrary::Found found = m_setup.library->find(m_packId, m_itemId);
    if (!m_setup.store || !found.item || found.item->kind != CourseItem::Kind::Lesson)
        return;
    CourseEvent read;
    read.packId = m_packId;
    read.itemId = m_itemId;
    read.kind = CourseEvent::Kind::Read;
    m_setup.store->recordCourseEvent(m_setup.learnerId, read);
    refreshCompletion();
}

void CourseDocks::openLab(const QString &packId, const QString &itemId)
{
    const CourseLibrary::Found found = m_setup.library->find(packId, itemId);
    if (!found.lab)
        return;
    m_labDock->show();
    m_labDock->raise();
    const bool inClass = m_class && m_joined.labs.contains(itemId) && !found.lab->cluster;
    LabPanel::Context context;
    context.packId = packId;
    context.title = found.item->title;
    context.lab = *found.lab;
    context.language = m_setup.language;
    context.store = m_setup.store;
    context.learnerId = m_setup.learnerId;
    context.environment.adminConninfo = m_admin;
    const Learner learner = m_setup.store ? m_setup.store->learner(m_setup.learnerId).value_or(Learner()) : Learner();
    context.environment.learnerKey = LabSandbox::learnerKey(QStringLiteral("lab"), learner.profileId);
    context.environment.clusterDirectory = QDir(m_setup.dataDirectory).filePath(QStringLiteral("lab-clusters/") + itemId);
    if (inClass) {
        context.environment.adminConninfo = m_class->conninfo();
        context.environment.learnerKey = m_joined.learnerKey;
        context.environment.classMember = true;
    }
    if (m_admin.isEmpty() && !inClass) { // opened once the practice server is up
        m_pendingLab = packId + u'/' + itemId;
        if (!m_serverProblem.isEmpty())
            m_lab->openWithoutServer(context, m_serverProblem);
        return;
    }
    m_lab->openLab(context);
}

void CourseDocks::setClass(ClassLink *link, const ClassLink::Joined &joined)
{
    m_class = link;
    m_joined = link ? joined : ClassLink::Joined();
    m_browser->model()->setClassItems(link ? link->classFile().classId : QString(), m_joined.labs + m_joined.exams);
}

void CourseDocks::step(int direction)
{
    const QList<const CourseItem *> items = m_setup.library->itemsInOrder(m_packId);
    const CourseLibrary::Found found = m_setup.library->find(m_packId, m_itemId);
    const qsizetype at = items.indexOf(found.item) + direction;
    if (at >= 0 && at < items.size())
        open(m_packId, items.at(at)->id);
}

WorkbenchTab *CourseDocks::examplesTab()
{
    if (!m_examplesTab || !m_window->showTab(m_examplesTab)) {
        m_examplesTab = m_window->addTab();
        m_examplesTab->setUntitledName(tr("Lesson examples"));
    }
    return m_examplesTab;
}
