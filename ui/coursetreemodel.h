#pragma once

#include "coursepack.h"

#include <QAbstractItemModel>
#include <QHash>
#include <memory>
#include <vector>

// Where a learner stands with one lesson or lab.
enum class ItemStatus
{
    NotStarted,
    InProgress,
    Completed
};

// The course packs as a tree: pack → track → module → lesson or lab. Column 0 is the
// title in the chosen language with an icon for the kind of node; column 1 is the
// learner's progress: "completed/items" for packs, tracks and modules, a mark for
// lessons and labs.
class CourseTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class NodeKind
    {
        Pack,
        Track,
        Module,
        Lesson,
        Lab
    };
    Q_ENUM(NodeKind)

    enum Column
    {
        TitleColumn,
        ProgressColumn,
        ColumnCount
    };

    enum Role
    {
        PackIdRole = Qt::UserRole + 1, // QString: the pack the node is in (every node)
        ItemIdRole,                    // QString: a lesson's or lab's id; invalid for other nodes
        NodeKindRole,                  // NodeKind
        StatusRole,                    // ItemStatus: lessons and labs only
        CompletedCountRole,            // int: lessons and labs completed in or at this node
        ItemCountRole,                 // int: lessons and labs in or at this node
    };

    explicit CourseTreeModel(QObject *parent = nullptr);
    ~CourseTreeModel() override;

    void setPacks(const QList<CoursePack> &packs);
    // "zh_CN" or "en"; a text missing in it falls back to English.
    void setLanguage(const QString &language);
    QString language() const { return m_language; }
    // Keyed "packId/itemId"; items not in it are not started.
    void setCompletion(const QHash<QString, ItemStatus> &completion);
    // Items of the class the learner joined (empty: none): marked, and their labs run on
    // the class's server.
    void setClassItems(const QString &classId, const QStringList &itemIds);
    bool isClassItem(const QString &itemId) const { return m_classItems.contains(itemId); }

    // Valid until the next setPacks(); null when there is no such pack or item.
    const CoursePack *pack(const QString &packId) const;
    const CourseItem *item(const QString &packId, const QString &itemId) const;
    QModelIndex itemIndex(const QString &packId, const QString &itemId, int column = TitleColumn) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node
    {
        NodeKind kind = NodeKind::Pack;
        QString id;
        QString packId;
        LocalizedText title;
        Node *parent = nullptr;
        int row = 0;
        ItemStatus status = ItemStatus::NotStarted;
        int completed = 0;
        int items = 0;
        std::vector<std::unique_ptr<Node>> children;

        Node *addChild(NodeKind childKind, const QString &childId, const LocalizedText &childTitle);
    };

    Node *nodeOf(const QModelIndex &index) const;
    QString textOf(const LocalizedText &text) const;
    QVariant display(const Node &node, int column) const;
    QVariant toolTip(const Node &node) const;
    QVariant icon(const Node &node) const;
    void countProgress(Node &node);
    void emitChangedBelow(const QModelIndex &parent);

    QList<CoursePack> m_packs;
    QHash<QString, ItemStatus> m_completion;
    QString m_classId;
    QStringList m_classItems;
    QString m_language = QStringLiteral("en");
    Node m_root;
};
