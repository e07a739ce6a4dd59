#include "activityview.h"

#include "querysession.h"
#include "resultgrid.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
const QString TableStatistics = QStringLiteral(
    "SELECT schemaname AS schema, relname AS table,\n"
    "  pg_size_pretty(pg_total_relation_size(relid)) AS total_size,\n"
    "  n_live_tup AS live_rows, n_dead_tup AS dead_rows,\n"
    "  greatest(last_vacuum, last_autovacuum) AS last_vacuum,\n"
    "  greatest(last_analyze, last_autoanalyze) AS last_analyze,\n"
    "  seq_scan, idx_scan\n"
    "FROM pg_stat_user_tables\n"
    "ORDER BY pg_total_relation_size(relid) DESC, 1, 2;");
const QString Replication = QStringLiteral(
    "SELECT 'standby' AS kind, application_name AS name, state, client_addr::text AS client,\n"
    "  sent_lsn::text AS sent, replay_lsn::text AS replayed, replay_lag::text AS lag\n"
    "FROM pg_stat_replication\n"
    "UNION ALL\n"
    "SELECT 'slot', slot_name, CASE WHEN active THEN 'active' ELSE 'inactive' END, slot_type,\n"
    "  restart_lsn::text, confirmed_flush_lsn::text, wal_status\n"
    "FROM pg_replication_slots;");

QString duration(double ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return ActivityView::tr("%1 ms").arg(qRound(ms));
    if (ms < 60000)
        return ActivityView::tr("%1 s").arg(QLocale().toString(ms / 1000, 'f', 1));
    return ActivityView::tr("%1 min %2 s").arg(int(ms / 60000)).arg(int(ms / 1000) % 60);
}
} // namespace

ActivityView::ActivityView(QWidget *parent)
    : QWidget(parent)
    , m_session(new QuerySession(this))
    , m_timer(new QTimer(this))
    , m_pages(new QTabWidget)
    , m_tree(new QTreeWidget)
    , m_summary(new QLabel)
    , m_cancel(new QPushButton(tr("Cancel Query…")))
    , m_terminate(new QPushButton(tr("Terminate Session…")))
    , m_queries(new QPlainTextEdit)
{
    m_tree->setHeaderLabels({tr("PID"), tr("User"), tr("Database"), tr("State"), tr("Waiting for"), tr("Query time"),
                             tr("Transaction time"), tr("Query")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setStretchLastSection(true);
    m_cancel->setToolTip(tr("pg_cancel_backend: stop the session's running query; the session stays"));
    m_terminate->setToolTip(tr("pg_terminate_backend: end the session; its open transaction is rolled back"));
    auto *showQueries = new QCheckBox(tr("Show the catalog queries"));
    m_queries->setReadOnly(true);
    m_queries->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_queries->setPlainText(ActivitySnapshot::query() + QStringLiteral("\n\n") + TableStatistics + QStringLiteral("\n\n") + Replication);
    m_queries->hide();
    connect(showQueries, &QCheckBox::toggled, m_queries, &QWidget::setVisible);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(showQueries);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_terminate);
    auto *sessionsPage = new QWidget;
    auto *sessionsLayout = new QVBoxLayout(sessionsPage);
    sessionsLayout->setContentsMargins(0, 0, 0, 0);
    sessionsLayout->addLayout(buttons);
    sessionsLayout->addWidget(m_tree, 1);
    m_pages->addTab(sessionsPage, tr("Sessions and Locks"));
    m_pages->addTab(new QLabel, tr("Table Statistics"));
    m_pages->addTab(new QLabel, tr("Replication"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_queries);

    m_timer->setInterval(RefreshMs);
    connect(m_timer, &QTimer::timeout, this, &ActivityView::refresh);
    connect(m_session, &QuerySession::opened, this, &ActivityView::refresh);
    connect(m_session, &QuerySession::resultReady, this, [this](int statement, const ResultSet &result) {
        if (m_acting)
            return;
        if (statement == 0)
            showSnapshot(ActivitySnapshot::fromResult(result));
        else
            showStatistics(statement, result);
    });
    connect(m_session, &QuerySession::finished, this, [this] {
        if (std::exchange(m_acting, false))
            refresh();
        else
            Q_EMIT refreshed();
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        m_selected = selectedPid();
        m_cancel->setEnabled(m_selected > 0);
        m_terminate->setEnabled(m_selected > 0);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] { cancelSelected(); });
    connect(m_terminate, &QPushButton::clicked, this, [this] { terminateSelected(); });
    m_cancel->setEnabled(false);
    m_terminate->setEnabled(false);
}

ActivityView::~ActivityView() = default;

void ActivityView::watch(const QString &conninfo)
{
    if (conninfo == m_session->conninfo() && m_session->state() != QuerySession::State::Disconnected)
        return;
    m_session->setSetupStatements({QStringLiteral("SET application_name = 'PG Campus activity'")});
    m_session->open(conninfo);
}

void ActivityView::refresh()
{
    if (m_session->state() != QuerySession::State::Idle)
        return;
    m_session->execute(ActivitySnapshot::query() + u'\n' + TableStatistics + u'\n' + Replication);
}

void ActivityView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer->start();
    refresh();
}

void ActivityView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

void ActivityView::showSnapshot(const ActivitySnapshot &snapshot)
{
    m_snapshot = snapshot;
    const int keep = m_selected;
    m_tree->clear();
    QTreeWidgetItem *chosen = nullptr;
    const std::function<void(int, QTreeWidgetItem *, QList<int>)> add = [&](int pid, QTreeWidgetItem *parent, QList<int> above) {
        const BackendActivity *b = m_snapshot.backend(pid);
        if (!b || above.contains(pid))
            return; // a deadlock's cycle is shown once
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setData(0, Qt::UserRole, pid);
        item->setText(0, QString::number(pid));
        item->setText(1, b->user.isEmpty() ? b->backendType : b->user);
        item->setText(2, b->database);
        item->setText(3, b->state);
        QString waits = b->waitEventType.isEmpty() ? QString() : b->waitEventType + u':' + b->waitEvent;
        if (!b->blockedBy.isEmpty()) {
            QStringList pids;
            for (int p : b->blockedBy)
                pids << QString::number(p);
            waits = tr("%1, blocked by %2").arg(waits, pids.join(QStringLiteral(", ")));
            item->setForeground(4, QColor(0xc6, 0x28, 0x28));
        }
        item->setText(4, waits);
        item->setText(5, duration(b->state == u"active" ? b->queryMs : -1));
        item->setText(6, duration(b->transactionMs));
        item->setText(7, b->query.simplified());
        item->setToolTip(7, b->query);
        if (pid == keep)
            chosen = item;
        above << pid;
        for (int waiting : m_snapshot.waitingFor(pid))
            add(waiting, item, above);
    };
    for (int root : m_snapshot.roots())
        add(root, nullptr, {});
    m_tree->expandAll();
    for (int c = 0; c < 7; ++c)
        m_tree->resizeColumnToContents(c);
    if (chosen)
        m_tree->setCurrentItem(chosen);
    const int sessions = int(std::count_if(m_snapshot.backends().cbegin(), m_snapshot.backends().cend(),
                                           [](const BackendActivity &b) { return b.backendType == u"client backend"; }));
    m_summary->setText(tr("%n session(s)", nullptr, sessions) + QStringLiteral(" · ")
                       + tr("%n waiting for a lock", nullptr, m_snapshot.blockedCount()));
}

void ActivityView::showStatistics(int page, const ResultSet &result)
{
    if (page != 1 && page != 2)
        return;
    QWidget *old = m_pages->widget(page);
    const QString title = m_pages->tabText(page);
    const int current = m_pages->currentIndex();
    QWidget *shown = result.rowCount() == 0 && page == 2
                         ? static_cast<QWidget *>(new QLabel(tr("No standby and no replication slot on this server.")))
                         : static_cast<QWidget *>(new ResultGrid(result));
    m_pages->removeTab(page);
    m_pages->insertTab(page, shown, title);
    m_pages->setCurrentIndex(current);
    old->deleteLater();
}

int ActivityView::selectedPid() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, Qt::UserRole).toInt() : 0;
}

void ActivityView::cancelSelected(bool ask)
{
    act(ActivitySnapshot::cancelQuery(selectedPid()), ask, tr("Cancel query"),
        tr("Cancel the query session %1 is running? The session stays; its statement ends with an error.").arg(selectedPid()));
}

void ActivityView::terminateSelected(bool ask)
{
    act(ActivitySnapshot::terminateQuery(selectedPid()), ask, tr("Terminate session"),
        tr("End session %1? Its open transaction is rolled back and its client is disconnected.").arg(selectedPid()));
}

void ActivityView::act(const QString &sql, bool ask, const QString &title, const QString &question)
{
    if (selectedPid() <= 0 || m_session->state() != QuerySession::State::Idle)
        return;
    if (ask && QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    m_acting = true;
    m_session->execute(sql);
}
