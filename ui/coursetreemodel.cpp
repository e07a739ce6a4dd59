#include "coursetreemodel.h"

#include <QFont>

#include <QApplication>
#include <QIcon>
#include <QStyle>

namespace {
bool isItem(CourseTreeModel::NodeKind kind)
{
    return kind == CourseTreeModel::NodeKind::Lesson || kind == CourseTreeModel::NodeKind::Lab;
}
} // namespace

CourseTreeModel::Node *CourseTreeModel::Node::addChild(NodeKind childKind, const QString &childId,
                                                       const LocalizedText &childTitle)
{
    auto child = std::make_unique<Node>();
    child->kind = childKind;
    child->id = childId;
    child->packId = packId;
    child->title = childTitle;
    child->parent = this;
    child->row = int(children.size());
    children.push_back(std::move(child));
    return children.back().get();
}

CourseTreeModel::CourseTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

CourseTreeModel::~CourseTreeModel() = default;

void CourseTreeModel::setPacks(const QList<CoursePack> &packs)
{
    beginResetModel();
    m_packs = packs;
    m_root.children.clear();
    for (const CoursePack &pack : std::as_const(m_packs)) {
        Node *packNode = m_root.addChild(NodeKind::Pack, pack.id, pack.title);
        packNode->packId = pack.id; // its children take it from here
        for (const CourseTrack &track : pack.tracks) {
            Node *trackNode = packNode->addChild(NodeKind::Track, track.id, track.title);
            for (const CourseModule &module : track.modules) {
                Node *moduleNode = trackNode->addChild(NodeKind::Module, module.id, module.title);
                for (const CourseItem &item : module.items)
                    moduleNode->addChild(item.kind == CourseItem::Kind::Lab ? NodeKind::Lab
                                                                            : NodeKind::Lesson,
                                         item.id, item.title);
            }
        }
    }
    countProgress(m_root);
    endResetModel();
}

void CourseTreeModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    emitChangedBelow({});
}

void CourseTreeModel::setCompletion(const QHash<QString, ItemStatus> &completion)
{
    m_completion = completion;
    countProgress(m_root);
    emitChangedBelow({});
}

void CourseTreeModel::setClassItems(const QString &classId, const QStringList &itemIds)
{
    m_classId = classId;
    m_classItems = itemIds;
    emitChangedBelow({});
}

const CoursePack *CourseTreeModel::pack(const QString &packId) const
{
    for (const CoursePack &pack : m_packs) {
        if (pack.id == packId)
            return &pack;
    }
    return nullptr;
}

const CourseItem *CourseTreeModel::item(const QString &packId, const QString &itemId) const
{
    const CoursePack *found = pack(packId);
    if (!found)
        return nullptr;
    for (const CourseTrack &track : found->tracks) {
        for (const CourseModule &module : track.modules) {
            for (const CourseItem &item : module.items) {
                if (item.id == itemId)
                    return &item;
            }
        }
    }
    return nullptr;
}

QModelIndex CourseTreeModel::itemIndex(const QString &packId, const QString &itemId, int column) const
{
    for (const auto &packNode : m_root.children) {
        if (packNode->id != packId)
            continue;
        for (const auto &track : packNode->children) {
            for (const auto &module : track->children) {
                for (const auto &item : module->children) {
                    if (item->id == itemId)
                        return createIndex(item->row, column, item.get());
                }
            }
        }
    }
    return {};
}

QModelIndex CourseTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *parentNode = parent.isValid() ? nodeOf(parent) : &m_root;
    if (parent.column() > 0 || row < 0 || row >= int(parentNode->children.size()) || column < 0 ||
        column >= ColumnCount)
        return {};
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex CourseTreeModel::parent(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const Node *parentNode = nodeOf(index)->parent;
    if (parentNode == &m_root)
        return {};
    return createIndex(parentNode->row, 0, parentNode);
}

int CourseTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int((parent.isValid() ? nodeOf(parent) : &m_root)->children.size());
}

int CourseTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CourseTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &node = *nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return display(node, index.column());
    case Qt::ToolTipRole:
        return toolTip(node);
    case Qt::DecorationRole:
        return index.column() == TitleColumn ? icon(node) : QVariant();
    case Qt::FontRole:
        if (index.column() == TitleColumn && isItem(node.kind) && m_classItems.contains(node.id)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case PackIdRole:
        return node.packId;
    case ItemIdRole:
        return isItem(node.kind) ? QVariant(node.id) : QVariant();
    case NodeKindRole:
        return QVariant::fromValue(node.kind);
    case StatusRole:
        return isItem(node.kind) ? QVariant::fromValue(node.status) : QVariant();
    case CompletedCountRole:
        return node.completed;
    case ItemCountRole:
        return node.items;
    default:
        return {};
    }
}

QVariant CourseTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Course");
    case ProgressColumn:
        return tr("Progress");
    default:
        return {};
    }
}

Qt::ItemFlags CourseTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (isItem(nodeOf(index)->kind))
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

CourseTreeModel::Node *CourseTreeModel::nodeOf(const QModelIndex &index) const
{
    return static_cast<Node *>(index.internalPointer());
}

QString CourseTreeModel::textOf(const LocalizedText &text) const
{
    const QString inLanguage = text.value(m_language);
    if (!inLanguage.isEmpty())
        return inLanguage;
    return text.value(QStringLiteral("en"));
}

QVariant CourseTreeModel::display(const Node &node, int column) const
{
    if (column == TitleColumn)
        return isItem(node.kind) && m_classItems.contains(node.id) ? tr("%1 [class]").arg(textOf(node.title)) : textOf(node.title);
    if (!isItem(node.kind))
        return QStringLiteral("%1/%2").arg(node.completed).arg(node.items);
    switch (node.status) {
    case ItemStatus::Completed:
        return tr("Done");
    case ItemStatus::InProgress:
        return tr("Started");
    case ItemStatus::NotStarted:
        break;
    }
    return QString();
}

QVariant CourseTreeModel::toolTip(const Node &node) const
{
    if (!isItem(node.kind))
        return tr("%1: %2 of %3 done")
            .arg(textOf(node.title), QString::number(node.completed), QString::number(node.items));
    const QString kind = m_classItems.contains(node.id)
        ? (node.kind == NodeKind::Lab ? tr("Lab of class %1, on the class's server").arg(m_classId) : tr("Lesson of class %1").arg(m_classId))
        : node.kind == NodeKind::Lab ? tr("Lab")
                                     : tr("Lesson");
    switch (node.status) {
    case ItemStatus::Completed:
        return tr("%1, done").arg(kind);
    case ItemStatus::InProgress:
        return tr("%1, started").arg(kind);
    case ItemStatus::NotStarted:
        break;
    }
    return tr("%1, not started").arg(kind);
}

QVariant CourseTreeModel::icon(const Node &node) const
{
    QStyle::StandardPixmap pixmap = QStyle::SP_DirIcon;
    if (node.kind == NodeKind::Lesson)
        pixmap = QStyle::SP_FileDialogContentsView;
    else if (node.kind == NodeKind::Lab)
        pixmap = QStyle::SP_DriveHDIcon;
    return QApplication::style()->standardIcon(pixmap);
}

// Counts the lessons and labs at and below a node, and how many of them are done.
void CourseTreeModel::countProgress(Node &node)
{
    if (isItem(node.kind)) {
        node.status = m_completion.value(node.packId + u'/' + node.id, ItemStatus::NotStarted);
        node.items = 1;
        node.completed = node.status == ItemStatus::Completed ? 1 : 0;
        return;
    }
    node.items = 0;
    node.completed = 0;
    for (const auto &child : node.children) {
        countProgress(*child);
        node.items += child->items;
        node.completed += child->completed;
    }
}

void CourseTreeModel::emitChangedBelow(const QModelIndex &parent)
{
    const int rows = rowCount(parent);
    if (rows == 0)
        return;
    Q_EMIT dataChanged(index(0, 0, parent), index(rows - 1, ColumnCount - 1, parent));
    for (int row = 0; row < rows; ++row)
        emitChangedBelow(index(row, 0, parent));
}
