#pragma once

#include "catalogbrowser.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QThreadPool>

#include <memory>
#include <vector>

// The schema browser's tree: Databases → a database → its schemas (and Extensions) → a
// schema's folders (Tables, Views, …, with how many each holds) → objects → a table's
// Columns, Indexes, Constraints, Triggers and Partitions; and Roles. Each level is read
// when it is first expanded, on a worker thread with connections of its own, so the tree
// never waits on the learner's query session, nor the learner on the tree.
class CatalogTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Details, Size, Rows, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, MessageRole };

    explicit CatalogTreeModel(QObject *parent = nullptr);
    ~CatalogTreeModel() override;

    // The server to browse (empty: none); the tree starts again.
    void setConnection(const QString &conninfo);
    QString connection() const { return m_conninfo; }
    // pg_catalog, information_schema, template databases and predefined roles: hidden
    // unless asked for (the tree is read again when this changes).
    void setShowSystemObjects(bool show);
    bool showsSystemObjects() const { return m_showSystem; }
    // The database the connection opens in.
    QString homeDatabase() const;

    // The object at index; nullptr for folders and messages.
    const CatalogObject *object(const QModelIndex &index) const;
    // Folders: the listing they open.
    std::optional<CatalogListing> listing(const QModelIndex &index) const;
    // Reads index's children again.
    void reload(const QModelIndex &index);
    // The first child of parent named name (an object's name, or a folder's listing).
    QModelIndex childNamed(const QModelIndex &parent, const QString &name) const;
    QModelIndex folder(const QModelIndex &parent, CatalogListing listing) const;
    bool isLoading(const QModelIndex &index) const;

    // Asks for the object's DDL; ddlReady answers with the same ticket.
    int requestDdl(const QModelIndex &index);
    static QString listingName(CatalogListing listing);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // An expanded level arrived (or failed, and says why in its place).
    void loaded(const QModelIndex &parent);
    void ddlReady(int ticket, const QString &ddl, const QString &error, const QStringList &queries);

private:
    struct Node;
    Node *node(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    void start(Node *parent);
    void load(Node *parent);
    void finish(quint64 id, int generation, std::vector<std::unique_ptr<Node>> children, const QString &error);
    void clear(Node *parent);
    void forget(Node *node);
    QString countText(const Node *node) const;

    std::unique_ptr<Node> m_root;
    QHash<quint64, Node *> m_nodes; // live nodes by id: answers for removed nodes find none
    quint64 m_nextId = 1;
    int m_generation = 0;
    QString m_conninfo;
    std::shared_ptr<CatalogBrowser> m_browser;
    QThreadPool m_pool; // one thread: the browser's connections are used by one thread at a time
    int m_nextTicket = 1;
    bool m_showSystem = false;
};
