#include "explainview.h"

#include <QFontDatabase>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace {
constexpr qreal BoxWidth = 200, BoxHeight = 58, ColumnGap = 16, RowGap = 36;
const QColor Misestimate(0xd8, 0x43, 0x15);

QString key(const QList<int> &path)
{
    QStringList parts;
    for (int i : path)
        parts << QString::number(i);
    return parts.join(u'.');
}

QList<int> pathOf(const QString &key)
{
    QList<int> path;
    for (const QString &part : key.split(u'.', Qt::SkipEmptyParts))
        path << part.toInt();
    return path;
}

QString ms(double value)
{
    return QLocale().toString(value, 'f', value < 10 ? 3 : 1);
}

QString rowsText(const PlanNode &n)
{
    const QString estimated = QLocale().toString(n.planRows, 'f', 0);
    if (!n.executed)
        return estimated;
    return QStringLiteral("%1 → %2").arg(estimated, QLocale().toString(n.actualRows, 'f', 0));
}

// Width of a subtree in leaf columns.
int leaves(const PlanNode &n)
{
    int total = 0;
    for (const PlanNode &child : n.children)
        total += leaves(child);
    return std::max(1, total);
}
} // namespace

ExplainView::ExplainView(const ExplainPlan &plan, const QString &note, QWidget *parent)
    : QWidget(parent)
    , m_plan(plan)
    , m_tree(new QTreeWidget)
    , m_scene(new QGraphicsScene(this))
    , m_view(new QGraphicsView(m_scene))
    , m_details(new QTextBrowser)
    , m_text(new QPlainTextEdit)
{
    auto *summary = new QLabel;
    summary->setWordWrap(true);
    QStringList said;
    if (!note.isEmpty())
        said << note;
    if (plan.isAnalyzed())
        said << tr("Planning %1 ms, execution %2 ms. Time shares are of the execution; a node's own time leaves out "
                   "its children's. Rows are per loop, estimated → actual; red marks an estimate off by %3× or more.")
                    .arg(ms(plan.planningMs()), ms(plan.executionMs()))
                    .arg(PlanNode::MisestimateFactor);
    else
        said << tr("Estimates only: the statement was planned, not run. Use Explain Analyze to see what happened.");
    summary->setText(said.join(u' '));

    m_tree->setHeaderLabels({tr("Node"), tr("Own time"), tr("Total time"), tr("Rows"), tr("Loops"), tr("Buffers")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlainText(plan.text());

    auto *views = new QTabWidget;
    views->setDocumentMode(true);
    views->addTab(m_tree, tr("Tree"));
    views->addTab(m_view, tr("Diagram"));
    views->addTab(m_text, tr("Text"));
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(views);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(summary);
    layout->addWidget(split, 1);

    buildTree();
    buildDiagram();
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            selectPath(pathOf(item->data(0, Qt::UserRole).toString()));
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const QList<QGraphicsItem *> chosen = m_scene->selectedItems();
        if (!chosen.isEmpty())
            selectPath(pathOf(chosen.first()->data(0).toString()));
    });
    selectPath(plan.isAnalyzed() ? plan.slowest() : QList<int>());
}

void ExplainView::buildTree()
{
    const double total = std::max(m_plan.root().inclusiveMs, 1e-9);
    std::function<void(const PlanNode &, QList<int> &, QTreeWidgetItem *)> add =
        [&](const PlanNode &n, QList<int> &path, QTreeWidgetItem *parent) {
            auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
            item->setText(0, n.subplanName.isEmpty() ? n.label : n.subplanName + QStringLiteral(": ") + n.label);
            item->setData(0, Qt::UserRole, key(path));
            item->setToolTip(0, n.details.join(u'\n'));
            if (n.executed) {
                item->setText(1, QStringLiteral("%1 ms (%2 %)").arg(ms(n.exclusiveMs)).arg(qRound(100 * n.exclusiveMs / total)));
                item->setText(2, QStringLiteral("%1 ms (%2 %)").arg(ms(n.inclusiveMs)).arg(qRound(100 * n.inclusiveMs / total)));
                item->setText(4, QLocale().toString(n.loops, 'f', 0));
                // The own share tints the cell: the hot spots show at a glance.
                QColor heat(0xff, 0x98, 0x00);
                heat.setAlphaF(std::min(1.0, n.exclusiveMs / total));
                item->setBackground(1, heat);
            } else if (m_plan.isAnalyzed()) {
                item->setText(1, tr("never executed"));
            }
            item->setText(3, rowsText(n));
            if (n.isMisestimated()) {
                item->setText(3, tr("%1 (×%2)").arg(rowsText(n), QLocale().toString(n.misestimate(), 'f', 0)));
                item->setForeground(3, Misestimate);
                item->setToolTip(3, tr("The planner expected %1 rows per loop and got %2: off by %3×. Estimates this "
                                       "far off lead to poor join methods and orders; ANALYZE the table, or look at "
                                       "correlated columns (CREATE STATISTICS).")
                                        .arg(n.planRows)
                                        .arg(n.actualRows)
                                        .arg(qRound(n.misestimate())));
            }
            if (n.sharedHit + n.sharedRead + n.localHit + n.localRead + n.tempRead > 0)
                item->setText(5, tr("hit %1, read %2").arg(n.sharedHit + n.localHit).arg(n.sharedRead + n.localRead + n.tempRead));
            item->setToolTip(5, tr("Blocks of 8 kB found in memory (hit) or read from disk or the OS cache (read), "
                                   "temporary tables and files included"));
            for (int i = 0; i < 6; ++i)
                item->setTextAlignment(i, i == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
            m_items.insert(key(path), item);
            for (int i = 0; i < n.children.size(); ++i) {
                path << i;
                add(n.children.at(i), path, item);
                path.removeLast();
            }
        };
    QList<int> path;
    add(m_plan.root(), path, nullptr);
    m_tree->expandAll();
    for (int c = 1; c < 6; ++c)
        m_tree->resizeColumnToContents(c);
}

void ExplainView::buildDiagram()
{
    const double total = std::max(m_plan.root().inclusiveMs, 1e-9);
    const QPalette pal = palette();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics metrics(small);
    std::function<QPointF(const PlanNode &, QList<int> &, qreal, int)> place =
        [&](const PlanNode &n, QList<int> &path, qreal left, int depth) -> QPointF {
            const qreal width = leaves(n) * (BoxWidth + ColumnGap);
            const QPointF topCentre(left + width / 2, depth * (BoxHeight + RowGap));
            auto *box = m_scene->addRect(QRectF(topCentre.x() - BoxWidth / 2, topCentre.y(), BoxWidth, BoxHeight));
            box->setFlag(QGraphicsItem::ItemIsSelectable);
            box->setData(0, key(path));
            QColor fill = pal.color(QPalette::Base);
            if (n.executed) {
                QColor heat(0xff, 0x98, 0x00);
                heat.setAlphaF(std::min(1.0, 0.15 + n.exclusiveMs / total));
                fill = n.exclusiveMs / total >= 0.01 ? heat : fill;
            }
            box->setBrush(fill);
            box->setPen(QPen(n.isMisestimated() ? Misestimate : pal.color(QPalette::Mid), n.isMisestimated() ? 2.5 : 1));
            const QStringList lines = {
                metrics.elidedText(n.subplanName.isEmpty() ? n.label : n.subplanName + QStringLiteral(": ") + n.label,
                                   Qt::ElideRight, int(BoxWidth - 8)),
                n.executed ? tr("own %1 % · %2 ms").arg(qRound(100 * n.exclusiveMs / total)).arg(ms(n.inclusiveMs))
                           : (m_plan.isAnalyzed() ? tr("never executed") : tr("cost %1").arg(n.totalCost)),
                n.isMisestimated() ? tr("rows %1 ×%2").arg(rowsText(n), QLocale().toString(n.misestimate(), 'f', 0))
                                   : tr("rows %1").arg(rowsText(n))};
            for (int i = 0; i < lines.size(); ++i) {
                auto *text = new QGraphicsSimpleTextItem(lines.at(i), box);
                text->setFont(small);
                text->setBrush(i == 2 && n.isMisestimated() ? QBrush(Misestimate) : QBrush(pal.color(QPalette::Text)));
                text->setPos(topCentre.x() - BoxWidth / 2 + 4, topCentre.y() + 3 + i * (metrics.height() + 1));
            }
            qreal childLeft = left;
            for (int i = 0; i < n.children.size(); ++i) {
                path << i;
                const QPointF child = place(n.children.at(i), path, childLeft, depth + 1);
                path.removeLast();
                m_scene->addLine(QLineF(topCentre.x(), topCentre.y() + BoxHeight, child.x(), child.y()),
                                 QPen(pal.color(QPalette::Mid)));
                childLeft += leaves(n.children.at(i)) * (BoxWidth + ColumnGap);
            }
            return topCentre;
        };
    QList<int> path;
    place(m_plan.root(), path, 0, 0);
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10));
}

QList<int> ExplainView::selectedPath() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? pathOf(item->data(0, Qt::UserRole).toString()) : QList<int>();
}

void ExplainView::selectPath(const QList<int> &path)
{
    const QString k = key(path);
    if (QTreeWidgetItem *item = m_items.value(k); item && m_tree->currentItem() != item)
        m_tree->setCurrentItem(item);
    const QSignalBlocker quiet(m_scene);
    for (QGraphicsItem *item : m_scene->items()) {
        if (item->flags() & QGraphicsItem::ItemIsSelectable) {
            const bool chosen = item->data(0).toString() == k;
            item->setSelected(chosen);
            if (chosen)
                m_view->ensureVisible(item);
        }
    }
    showDetails(path);
}

void ExplainView::showDetails(const QList<int> &path)
{
    const PlanNode *n = m_plan.node(path);
    if (!n)
        return;
    QString html = QStringLiteral("<b>%1</b><br>").arg(n->label.toHtmlEscaped());
    html += tr("Estimated: cost %1..%2, %3 rows of %4 bytes").arg(n->startupCost).arg(n->totalCost).arg(n->planRows).arg(n->planWidth);
    if (n->executed)
        html += QStringLiteral("<br>") + tr("Actual: %1..%2 ms per loop, %3 rows per loop, %4 loops; %5 ms of its own")
                                             .arg(ms(n->actualStartupMs), ms(n->actualTotalMs))
                                             .arg(n->actualRows)
                                             .arg(n->loops)
                                             .arg(ms(n->exclusiveMs));
    if (n->isMisestimated())
        html += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                    .arg(Misestimate.name(),
                         tr("Misestimate: %1 rows expected, %2 seen (×%3).").arg(n->planRows).arg(n->actualRows).arg(qRound(n->misestimate())));
    for (const QString &line : n->details)
        html += QStringLiteral("<br><code>%1</code>").arg(line.toHtmlEscaped());
    m_details->setHtml(html);
}

QString ExplainView::detailsText() const
{
    return m_details->toPlainText();
}

QString ExplainView::planText() const
{
    return m_text->toPlainText();
}
