#pragma once

#include "resultexporter.h"
#include "resultformatter.h"
#include "resultset.h"

#include <QTableView>

class ExpandedResultModel;
class ResultTableModel;

// The grid of one result: rows as they stream in, or psql's expanded display;
// copy as TSV, CSV or Markdown; export the whole result to CSV or JSON with a
// progress bar; any value shown whole in a viewer.
class ResultGrid : public QTableView
{
    Q_OBJECT
public:
    explicit ResultGrid(const ResultSet &result, QWidget *parent = nullptr);

    const ResultSet &result() const { return m_result; }
    void refreshRows();
    void refreshHeaders();
    bool isExpanded() const;
    void setExpanded(bool expanded);

    // The selected cells as rows and columns of the result, in order.
    ResultFormatter::Range selectedRange() const;
    enum class CopyFormat { Tsv, TsvWithHeaders, Csv, Markdown };
    void copySelection(CopyFormat format) const;
    // Writes the whole result in a worker thread; exportFinished() follows.
    void startExport(const QString &path, ResultExporter::Format format);
    void showCurrentValue();

    QAction *expandedAction() const { return m_expanded; }

Q_SIGNALS:
    void exportFinished(bool ok, const QString &error);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void createActions();
    void exportWithDialog(ResultExporter::Format format);

    ResultSet m_result;
    ResultTableModel *m_table;
    ExpandedResultModel *m_expandedModel;
    QAction *m_expanded = nullptr;
    QList<QAction *> m_menuActions;
};
