#include "classdashboardmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QSet>
#include <QTimeZone>

ClassDashboardModel::ClassDashboardModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

void ClassDashboardModel::setRoster(const QList<ClassStudent> &students, const QList<ClassItem> &items)
{
    beginResetModel();
    m_students = students;
    m_items = items;
    endResetModel();
}

void ClassDashboardModel::addResults(const QList<ClassResult> &results)
{
    QSet<QString> changed;
    for (const ClassResult &r : results) {
        if (m_known.contains(r.id))
            continue;
        m_known.insert(r.id);
        QList<ClassResult> &list = m_attempts[key(r.login, r.item)];
        auto at = list.end();
        while (at != list.begin() && (at - 1)->id > r.id)
            --at;
        list.insert(at, r);
        changed.insert(key(r.login, r.item));
    }
    for (int row = 0; row < m_students.size(); ++row) {
        for (int column = 0; column < m_items.size(); ++column) {
            if (changed.contains(key(m_students.at(row).login, m_items.at(column).id)))
                Q_EMIT dataChanged(index(row, column), index(row, column));
        }
    }
}

void ClassDashboardModel::setStuckMinutes(int minutes)
{
    m_stuckMinutes = std::max(1, minutes);
    refreshTimes();
}

void ClassDashboardModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refreshTimes();
}

void ClassDashboardModel::refreshTimes()
{
    if (!m_students.isEmpty() && !m_items.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_students.size()) - 1, int(m_items.size()) - 1));
}

ClassDashboardModel::Summary ClassDashboardModel::summarize(int row, int column) const
{
    Summary s;
    if (row < 0 || column < 0 || row >= m_students.size() || column >= m_items.size())
        return s;
    const ClassItem &item = m_items.at(column);
    const QList<ClassResult> list = m_attempts.value(key(m_students.at(row).login, item.id));
    if (list.isEmpty())
        return s;
    QSet<QString> passed;
    QDateTime progress = list.first().at; // the first attempt, or the last step newly passed
    bool failedSince = false;
    for (const ClassResult &r : list) {
        if (r.passed && !passed.contains(r.step)) {
            passed.insert(r.step);
            progress = r.at;
            failedSince = false;
        } else if (!r.passed) {
            ++s.failures;
            failedSince = true;
        }
    }
    const bool done = item.steps.isEmpty() ? !passed.isEmpty()
                                           : std::all_of(item.steps.begin(), item.steps.end(),
                                                         [&](const QString &step) { return passed.contains(step); });
    s.stepsPassed = int(item.steps.isEmpty() ? passed.size() : std::count_if(item.steps.begin(), item.steps.end(), [&](const QString &step) {
        return passed.contains(step);
    }));
    if (done) {
        s.state = Cell::Passed;
        return s;
    }
    const qint64 idleMinutes = progress.secsTo(m_clock()) / 60;
    if (failedSince && idleMinutes >= m_stuckMinutes) {
        s.state = Cell::Stuck;
        s.stuckFor = int(idleMinutes);
    } else {
        s.state = list.last().passed ? Cell::InProgress : Cell::Failed;
    }
    return s;
}

ClassDashboardModel::Cell ClassDashboardModel::cell(int row, int column) const
{
    return summarize(row, column).state;
}

QList<ClassResult> ClassDashboardModel::attempts(int row, int column) const
{
    if (row < 0 || column < 0 || row >= m_students.size() || column >= m_items.size())
        return {};
    QList<ClassResult> list = m_attempts.value(key(m_students.at(row).login, m_items.at(column).id));
    std::reverse(list.begin(), list.end());
    return list;
}

int ClassDashboardModel::count(Cell state) const
{
    int n = 0;
    for (int row = 0; row < m_students.size(); ++row) {
        for (int column = 0; column < m_items.size(); ++column)
            n += cell(row, column) == state ? 1 : 0;
    }
    return n;
}

int ClassDashboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_students.size());
}

int ClassDashboardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QString ClassDashboardModel::cellName(Cell state)
{
    switch (state) {
    case Cell::NotStarted:
        return tr("Not started");
    case Cell::InProgress:
        return tr("In progress");
    case Cell::Failed:
        return tr("Failed attempts");
    case Cell::Stuck:
        return tr("Stuck");
    case Cell::Passed:
        return tr("Passed");
    }
    return {};
}

QColor ClassDashboardModel::cellColor(Cell state)
{
    switch (state) {
    case Cell::NotStarted:
        break;
    case Cell::Passed:
        return QColor(0x2e, 0x9e, 0x4f);
    case Cell::InProgress:
        return QColor(0x3b, 0x82, 0xc4);
    case Cell::Failed:
        return QColor(0xe0, 0x9b, 0x2d);
    case Cell::Stuck:
        return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QVariant ClassDashboardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Summary s = summarize(index.row(), index.column());
    const ClassItem &item = m_items.at(index.column());
    switch (role) {
    case CellRole:
        return QVariant::fromValue(s.state);
    case Qt::DisplayRole:
        switch (s.state) {
        case Cell::NotStarted:
            return QString();
        case Cell::Passed:
            return QStringLiteral("✓");
        case Cell::InProgress:
            return item.steps.isEmpty() ? QStringLiteral("…") : QStringLiteral("%1/%2").arg(s.stepsPassed).arg(item.steps.size());
        case Cell::Failed:
            return QStringLiteral("✗ %1").arg(s.failures);
        case Cell::Stuck:
            return tr("%n min", nullptr, s.stuckFor);
        }
        return {};
    case Qt::TextAlignmentRole:
        return Qt::AlignCenter;
    case Qt::BackgroundRole:
        return s.state == Cell::NotStarted ? QVariant() : QVariant(QBrush(cellColor(s.state)));
    case Qt::ForegroundRole:
        return s.state == Cell::NotStarted ? QVariant() : QVariant(QBrush(Qt::white));
    case Qt::FontRole:
        if (s.state == Cell::Stuck) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole: {
        const QList<ClassResult> list = attempts(index.row(), index.column());
        QString tip = QStringLiteral("%1 — %2: %3").arg(m_students.at(index.row()).name, item.title, cellName(s.state));
        if (!list.isEmpty() && !list.first().feedback.isEmpty())
            tip += u'\n' + list.first().feedback;
        return tip;
    }
    default:
        return {};
    }
}

QVariant ClassDashboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < m_items.size()) {
        if (role == Qt::DisplayRole)
            return m_items.at(section).title;
        if (role == Qt::ToolTipRole)
            return m_items.at(section).id;
    }
    if (orientation == Qt::Vertical && section >= 0 && section < m_students.size()) {
        if (role == Qt::DisplayRole)
            return QStringLiteral("%1  %2").arg(m_students.at(section).number, 2, 10, QChar(u'0')).arg(m_students.at(section).name);
        if (role == Qt::ToolTipRole)
            return m_students.at(section).login;
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}
