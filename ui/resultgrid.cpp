#include "resultgrid.h"

#include "expandedresultmodel.h"
#include "resulttablemodel.h"
#include "valueviewer.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <set>

ResultGrid::ResultGrid(const ResultSet &result, QWidget *parent)
    : QTableView(parent)
    , m_result(result)
    , m_table(new ResultTableModel(this))
    , m_expandedModel(new ExpandedResultModel(this))
{
    m_table->setResult(result);
    setModel(m_table);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    createActions();
    connect(this, &QAbstractItemView::activated, this, &ResultGrid::showCurrentValue);
    connect(m_table, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_table->rowCount() <= ResultSet::RowsPerBlock) // size the columns by the first rows only
            resizeColumnsToContents();
    });
}

void ResultGrid::createActions()
{
    auto add = [this](const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_menuActions << action;
        return action;
    };
    add(tr("&Copy"), QKeySequence::Copy, [this] { copySelection(CopyFormat::Tsv); });
    add(tr("Copy with &Headers"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
        [this] { copySelection(CopyFormat::TsvWithHeaders); });
    add(tr("Copy as C&SV"), {}, [this] { copySelection(CopyFormat::Csv); });
    add(tr("Copy as &Markdown"), {}, [this] { copySelection(CopyFormat::Markdown); });
    m_menuActions << nullptr;
    add(tr("Show &Value…"), QKeySequence(Qt::SHIFT | Qt::Key_Return), &ResultGrid::showCurrentValue);
    m_expanded = add(tr("&Expanded View"), {}, [this](bool on) { setExpanded(on); });
    m_expanded->setCheckable(true);
    m_expanded->setToolTip(tr("One line per column of each record, like psql's \\x"));
    m_menuActions << nullptr;
    add(tr("Export to CSV…"), {}, [this] { exportWithDialog(ResultExporter::Format::Csv); });
    add(tr("Export to JSON…"), {}, [this] { exportWithDialog(ResultExporter::Format::Json); });
}

void ResultGrid::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    for (QAction *action : std::as_const(m_menuActions)) {
        if (action)
            menu.addAction(action);
        else
            menu.addSeparator();
    }
    menu.exec(event->globalPos());
}

// QAbstractItemView copies only the current cell on Ctrl+C; the grid copies the selection.
void ResultGrid::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection(CopyFormat::Tsv);
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void ResultGrid::refreshRows()
{
    m_table->refreshRows();
    m_expandedModel->refreshRows();
}

void ResultGrid::refreshHeaders()
{
    m_table->refreshHeaders();
}

bool ResultGrid::isExpanded() const
{
    return model() == m_expandedModel;
}

void ResultGrid::setExpanded(bool expanded)
{
    if (expanded == isExpanded())
        return;
    if (expanded)
        m_expandedModel->setResult(m_result);
    setModel(expanded ? static_cast<QAbstractItemModel *>(m_expandedModel) : m_table);
    m_expanded->setChecked(expanded);
    resizeColumnsToContents();
}

ResultFormatter::Range ResultGrid::selectedRange() const
{
    // From the selection's rectangles, never one index per cell: "select all" on a
    // million rows stays cheap.
    std::set<qsizetype> rows;
    std::set<int> columns;
    for (const QItemSelectionRange &range : selectionModel()->selection()) {
        for (int line = range.top(); line <= range.bottom(); ++line) {
            if (!isExpanded()) {
                rows.insert(line);
                continue;
            }
            rows.insert(m_expandedModel->recordOf(line));
            columns.insert(m_expandedModel->columnOf(line));
        }
        if (!isExpanded()) {
            for (int c = range.left(); c <= range.right(); ++c)
                columns.insert(c);
        }
    }
    return {QList<qsizetype>(rows.begin(), rows.end()), QList<int>(columns.begin(), columns.end())};
}

void ResultGrid::copySelection(CopyFormat format) const
{
    const ResultFormatter::Range range = selectedRange();
    if (range.rows.isEmpty())
        return;
    QString text;
    switch (format) {
    case CopyFormat::Tsv:
        text = ResultFormatter::tsv(m_result, range, false);
        break;
    case CopyFormat::TsvWithHeaders:
        text = ResultFormatter::tsv(m_result, range, true);
        break;
    case CopyFormat::Csv:
        text = ResultFormatter::csv(m_result, u',', range, true);
        break;
    case CopyFormat::Markdown:
        text = ResultFormatter::markdown(m_result, range);
        break;
    }
    QApplication::clipboard()->setText(text);
}

void ResultGrid::showCurrentValue()
{
    const QModelIndex index = currentIndex();
    if (!index.isValid())
        return;
    const qsizetype row = isExpanded() ? m_expandedModel->recordOf(index.row()) : index.row();
    const int column = isExpanded() ? m_expandedModel->columnOf(index.row()) : index.column();
    const ResultColumn &info = m_result.columns().at(column);
    const QString title = tr("%1, row %2").arg(info.name).arg(row + 1);
    const QByteArray value = m_result.isNull(row, column) ? QByteArray("NULL") : m_result.bytes(row, column).toByteArray();
    auto *viewer = new ValueViewer(title, value, m_result.isNull(row, column) ? 0 : info.typeOid, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

void ResultGrid::exportWithDialog(ResultExporter::Format format)
{
    const bool csv = format == ResultExporter::Format::Csv;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Result"), csv ? QStringLiteral("result.csv") : QStringLiteral("result.json"),
        csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (!path.isEmpty())
        startExport(path, format);
}

void ResultGrid::startExport(const QString &path, ResultExporter::Format format)
{
    struct Progress
    {
        std::atomic<qsizetype> rows{0};
        std::atomic<bool> cancel{false};
        bool ok = false;
        QString error;
    };
    auto progress = std::make_shared<Progress>();
    auto *dialog = new QProgressDialog(tr("Exporting %L1 rows…").arg(m_result.rowCount()), tr("Cancel"), 0,
                                       int(m_result.rowCount()), this);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(500);
    dialog->setAutoClose(false);
    connect(dialog, &QProgressDialog::canceled, this, [progress] { progress->cancel = true; });
    QThread *worker = QThread::create([progress, result = m_result, path, format] {
        progress->ok = ResultExporter::write(
            result, path, format,
            [progress](qsizetype rows) {
                progress->rows = rows;
                return !progress->cancel;
            },
            &progress->error);
    });
    auto *ticker = new QTimer(dialog);
    connect(ticker, &QTimer::timeout, dialog, [dialog, progress] { dialog->setValue(int(progress->rows)); });
    ticker->start(100);
    connect(worker, &QThread::finished, this, [this, worker, dialog, progress] {
        dialog->deleteLater();
        worker->deleteLater();
        if (!progress->ok && !progress->cancel)
            QMessageBox::warning(this, tr("Export Result"), progress->error);
        Q_EMIT exportFinished(progress->ok, progress->error);
    });
    worker->start();
}
