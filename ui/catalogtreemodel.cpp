#include "catalogtreemodel.h"

#include "connectioninfo.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QStyle>

struct CatalogTreeModel::Node
{
    enum class Type { Folder, Object, Message };
    Type type = Type::Message;
    CatalogObject object; // an object; for a folder, the one whose listing it opens
    CatalogListing listing = CatalogListing::Databases;
    int count = -1;       // a folder's objects, once known
    QString text;         // a message: loading, or what went wrong
    bool error = false;
    bool fetched = false;
    bool loading = false;
    quint64 id = 0;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }

    bool expandable() const
    {
        using K = CatalogObject::Kind;
        if (type == Type::Folder)
            return count != 0;
        if (type != Type::Object)
            return false;
        if (object.kind == K::Database)
            return object.browsable;
        return object.kind == K::Schema || !CatalogBrowser::listingsUnder(object.kind).isEmpty();
    }

    static std::unique_ptr<Node> folder(const CatalogObject &owner, CatalogListing listing, int count = -1)
    {
        auto n = std::make_unique<Node>();
        n->type = Type::Folder;
        n->object = owner;
        n->listing = listing;
        n->count = count;
        return n;
    }
    static std::unique_ptr<Node> message(const QString &text, bool error)
    {
        auto n = std::make_unique<Node>();
        n->text = text;
        n->error = error;
        return n;
    }
};

namespace {
// A small coloured badge with a letter or two: each kind of object has its own.
QIcon badge(const QString &letters, const QColor &color)
{
    static QHash<QString, QIcon> made;
    const QString key = letters + color.name();
    if (const auto it = made.constFind(key); it != made.cend())
        return *it;
    QIcon icon;
    for (int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size / 5.0, size / 5.0);
        QFont font = QApplication::font();
        font.setBold(true);
        font.setPixelSize(letters.size() > 1 ? size * 7 / 16 : size * 10 / 16);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, letters);
        painter.end();
        icon.addPixmap(pixmap);
    }
    made.insert(key, icon);
    return icon;
}

QIcon iconFor(const CatalogObject &o)
{
    using K = CatalogObject::Kind;
    switch (o.kind) {
    case K::Database: return badge(QStringLiteral("DB"), QColor(0x33, 0x67, 0x91));
    case K::Role: return badge(QStringLiteral("R"), QColor(0x7b, 0x4f, 0x9d));
    case K::Schema: return badge(QStringLiteral("S"), QColor(0x1f, 0x8a, 0x8a));
    case K::Extension: return badge(QStringLiteral("X"), QColor(0x80, 0x80, 0x30));
    case K::Table: return badge(QStringLiteral("T"), QColor(0x2e, 0x7d, 0x32));
    case K::PartitionedTable: return badge(QStringLiteral("PT"), QColor(0x1b, 0x5e, 0x20));
    case K::ForeignTable: return badge(QStringLiteral("FT"), QColor(0x55, 0x8b, 0x2f));
    case K::View: return badge(QStringLiteral("V"), QColor(0x39, 0x49, 0xab));
    case K::MaterializedView: return badge(QStringLiteral("MV"), QColor(0x28, 0x35, 0x93));
    case K::Index: return badge(QStringLiteral("I"), QColor(0xe6, 0x7e, 0x22));
    case K::Sequence: return badge(QStringLiteral("#"), QColor(0x6d, 0x4c, 0x41));
    case K::Function: return badge(QStringLiteral("f"), QColor(0xad, 0x14, 0x57));
    case K::Procedure: return badge(QStringLiteral("P"), QColor(0xad, 0x14, 0x57));
    case K::Aggregate: return badge(QStringLiteral("Σ"), QColor(0xad, 0x14, 0x57));
    case K::WindowFunction: return badge(QStringLiteral("W"), QColor(0xad, 0x14, 0x57));
    case K::Type: return badge(QStringLiteral("Ty"), QColor(0x00, 0x83, 0x8f));
    case K::Column:
        return o.code == u'p' ? badge(QStringLiteral("K"), QColor(0xc7, 0x9a, 0x00))
                              : badge(QStringLiteral("c"), QColor(0x78, 0x90, 0x9c));
    case K::Constraint: return badge(QStringLiteral("C"), QColor(0xc6, 0x28, 0x28));
    case K::Trigger: return badge(QStringLiteral("Tg"), QColor(0x8e, 0x24, 0xaa));
    }
    return {};
}

// What a type's letter means, for its details.
QString typeDetail(const CatalogObject &o)
{
    switch (o.code.unicode()) {
    case u'e': return CatalogTreeModel::tr("enum: %1").arg(o.detail);
    case u'd': return CatalogTreeModel::tr("domain over %1").arg(o.detail);
    case u'r': return CatalogTreeModel::tr("range of %1").arg(o.detail);
    case u'c': return CatalogTreeModel::tr("composite: %1").arg(o.detail);
    default: return CatalogTreeModel::tr("base type");
    }
}
} // namespace

CatalogTreeModel::CatalogTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_pool.setMaxThreadCount(1);
    m_root->type = Node::Type::Folder;
    m_root->fetched = true;
}

CatalogTreeModel::~CatalogTreeModel()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QString CatalogTreeModel::listingName(CatalogListing listing)
{
    switch (listing) {
    case CatalogListing::Databases: return tr("Databases");
    case CatalogListing::Roles: return tr("Roles");
    case CatalogListing::Schemas: return tr("Schemas");
    case CatalogListing::Extensions: return tr("Extensions");
    case CatalogListing::Tables: return tr("Tables");
    case CatalogListing::Views: return tr("Views");
    case CatalogListing::MaterializedViews: return tr("Materialized Views");
    case CatalogListing::Indexes: case CatalogListing::TableIndexes: return tr("Indexes");
    case CatalogListing::Sequences: return tr("Sequences");
    case CatalogListing::Functions: return tr("Functions");
    case CatalogListing::Types: return tr("Types");
    case CatalogListing::Columns: return tr("Columns");
    case CatalogListing::Constraints: return tr("Constraints");
    case CatalogListing::Triggers: return tr("Triggers");
    case CatalogListing::Partitions: return tr("Partitions");
    }
    return {};
}

void CatalogTreeModel::setConnection(const QString &conninfo)
{
    beginResetModel();
    ++m_generation;
    m_pool.clear();
    for (auto &child : m_root->children)
        forget(child.get());
    m_root->children.clear();
    m_conninfo = conninfo;
    m_browser = conninfo.isEmpty() ? nullptr : std::make_shared<CatalogBrowser>(conninfo);
    if (m_browser) {
        for (CatalogListing listing : {CatalogListing::Databases, CatalogListing::Roles}) {
            auto folder = Node::folder({}, listing);
            folder->parent = m_root.get();
            folder->id = m_nextId++;
            m_nodes.insert(folder->id, folder.get());
            m_root->children.push_back(std::move(folder));
        }
    }
    endResetModel();
}

void CatalogTreeModel::setShowSystemObjects(bool show)
{
    if (show == m_showSystem)
        return;
    m_showSystem = show;
    setConnection(m_conninfo);
}

QString CatalogTreeModel::homeDatabase() const
{
    return m_browser ? m_browser->homeDatabase() : QString();
}

CatalogTreeModel::Node *CatalogTreeModel::node(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex CatalogTreeModel::indexOf(const Node *n, int column) const
{
    if (!n || n == m_root.get())
        return {};
    return createIndex(n->row(), column, const_cast<Node *>(n));
}

const CatalogObject *CatalogTreeModel::object(const QModelIndex &index) const
{
    const Node *n = index.isValid() ? node(index) : nullptr;
    return n && n->type == Node::Type::Object ? &n->object : nullptr;
}

std::optional<CatalogListing> CatalogTreeModel::listing(const QModelIndex &index) const
{
    const Node *n = index.isValid() ? node(index) : nullptr;
    if (n && n->type == Node::Type::Folder)
        return n->listing;
    return std::nullopt;
}

bool CatalogTreeModel::isLoading(const QModelIndex &index) const
{
    return node(index)->loading;
}

QModelIndex CatalogTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = node(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex CatalogTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(node(child)->parent);
}

int CatalogTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(node(parent)->children.size());
}

int CatalogTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool CatalogTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *n = node(parent);
    return !n->children.empty() || (!n->fetched && n->expandable());
}

bool CatalogTreeModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *n = node(parent);
    return parent.column() <= 0 && !n->fetched && !n->loading && n->expandable();
}

void CatalogTreeModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        start(node(parent));
}

void CatalogTreeModel::start(Node *n)
{
    if (!m_browser)
        return;
    n->loading = true;
    // Rows change after fetchMore() returns, never inside it (a view may be in the middle of a change).
    QMetaObject::invokeMethod(this, [this, id = n->id, generation = m_generation] {
        Node *n = m_nodes.value(id);
        if (n && generation == m_generation && n->loading)
            load(n);
    }, Qt::QueuedConnection);
}

void CatalogTreeModel::load(Node *n)
{
    const QModelIndex at = indexOf(n);
    beginInsertRows(at, int(n->children.size()), int(n->children.size()));
    auto loading = Node::message(tr("Loading…"), false);
    loading->parent = n;
    loading->id = m_nextId++;
    m_nodes.insert(loading->id, loading.get());
    n->children.push_back(std::move(loading));
    endInsertRows();

    const bool folder = n->type == Node::Type::Folder;
    m_pool.start([this, browser = m_browser, id = n->id, generation = m_generation, folder, owner = n->object,
                  listing = n->listing] {
        using K = CatalogObject::Kind;
        auto children = std::make_shared<std::vector<std::unique_ptr<Node>>>();
        QString error;
        const auto add = [&](std::unique_ptr<Node> child) { children->push_back(std::move(child)); };
        if (folder) {
            if (const auto objects = browser->list(listing, owner, &error)) {
                for (const CatalogObject &o : *objects) {
                    auto child = std::make_unique<Node>();
                    child->type = Node::Type::Object;
                    child->object = o;
                    add(std::move(child));
                }
            }
        } else if (owner.kind == K::Database) {
            if (const auto schemas = browser->list(CatalogListing::Schemas, owner, &error)) {
                for (const CatalogObject &o : *schemas) {
                    auto child = std::make_unique<Node>();
                    child->type = Node::Type::Object;
                    child->object = o;
                    add(std::move(child));
                }
                add(Node::folder(owner, CatalogListing::Extensions));
            }
        } else if (owner.kind == K::Schema) {
            if (const auto counts = browser->counts(owner, &error)) {
                for (CatalogListing l : CatalogBrowser::listingsUnder(K::Schema))
                    add(Node::folder(owner, l, counts->value(l)));
            }
        } else {
            for (CatalogListing l : CatalogBrowser::listingsUnder(owner.kind))
                add(Node::folder(owner, l));
        }
        QMetaObject::invokeMethod(this, [this, id, generation, children, error] {
            finish(id, generation, std::move(*children), error);
        }, Qt::QueuedConnection);
    });
}

void CatalogTreeModel::finish(quint64 id, int generation, std::vector<std::unique_ptr<Node>> children,
                              const QString &error)
{
    Node *n = m_nodes.value(id);
    if (generation != m_generation || !n || !n->loading)
        return;
    const QModelIndex at = indexOf(n);
    if (!n->children.empty()) { // the loading message
        beginRemoveRows(at, 0, int(n->children.size()) - 1);
        for (auto &child : n->children)
            forget(child.get());
        n->children.clear();
        endRemoveRows();
    }
    n->loading = false;
    n->fetched = true;
    if (!m_showSystem) {
        std::erase_if(children, [](const std::unique_ptr<Node> &child) {
            return child->type == Node::Type::Object && child->object.system;
        });
    }
    if (!error.isEmpty())
        children.push_back(Node::message(error, true));
    else if (n->type == Node::Type::Folder)
        n->count = int(children.size());
    if (!children.empty()) {
        beginInsertRows(at, 0, int(children.size()) - 1);
        for (auto &child : children) {
            child->parent = n;
            child->id = m_nextId++;
            m_nodes.insert(child->id, child.get());
            n->children.push_back(std::move(child));
        }
        endInsertRows();
    }
    if (at.isValid())
        Q_EMIT dataChanged(at, at.siblingAtColumn(ColumnCount - 1));
    Q_EMIT loaded(at);
}

void CatalogTreeModel::forget(Node *n)
{
    m_nodes.remove(n->id);
    for (auto &child : n->children)
        forget(child.get());
}

void CatalogTreeModel::clear(Node *n)
{
    if (n->children.empty())
        return;
    beginRemoveRows(indexOf(n), 0, int(n->children.size()) - 1);
    for (auto &child : n->children)
        forget(child.get());
    n->children.clear();
    endRemoveRows();
}

void CatalogTreeModel::reload(const QModelIndex &index)
{
    if (!index.isValid()) {
        setConnection(m_conninfo);
        return;
    }
    Node *n = node(index);
    if (n->type == Node::Type::Message)
        return;
    clear(n);
    n->fetched = false;
    n->loading = false;
    if (n->type == Node::Type::Folder && n->count == 0)
        n->count = -1;
    if (n->expandable())
        start(n);
}

QModelIndex CatalogTreeModel::childNamed(const QModelIndex &parent, const QString &name) const
{
    const Node *p = node(parent);
    for (const auto &child : p->children) {
        if ((child->type == Node::Type::Object && child->object.name == name)
            || (child->type == Node::Type::Folder && listingName(child->listing) == name))
            return indexOf(child.get());
    }
    return {};
}

QModelIndex CatalogTreeModel::folder(const QModelIndex &parent, CatalogListing listing) const
{
    for (const auto &child : node(parent)->children) {
        if (child->type == Node::Type::Folder && child->listing == listing)
            return indexOf(child.get());
    }
    return {};
}

int CatalogTreeModel::requestDdl(const QModelIndex &index)
{
    const CatalogObject *o = object(index);
    if (!o || !m_browser)
        return 0;
    const int ticket = m_nextTicket++;
    m_pool.start([this, browser = m_browser, object = *o, ticket] {
        QString error;
        const std::optional<QString> ddl = browser->ddl(object, &error);
        const QStringList queries = browser->lastQueries();
        QMetaObject::invokeMethod(this, [this, ticket, text = ddl.value_or(QString()), error, queries] {
            Q_EMIT ddlReady(ticket, text, error, queries);
        }, Qt::QueuedConnection);
    });
    return ticket;
}

QString CatalogTreeModel::countText(const Node *n) const
{
    const QString name = listingName(n->listing);
    return n->count < 0 ? name : tr("%1 (%2)").arg(name).arg(n->count);
}

QVariant CatalogTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = node(index);
    const CatalogObject &o = n->object;
    const bool isObject = n->type == Node::Type::Object;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (n->type == Node::Type::Message)
            return column == Name ? n->text : QVariant();
        if (n->type == Node::Type::Folder)
            return column == Name ? countText(n) : QVariant();
        switch (column) {
        case Name:
            return o.isFunction() ? QStringLiteral("%1(%2)").arg(o.name, o.arguments) : o.name;
        case Details:
            return o.kind == CatalogObject::Kind::Type ? typeDetail(o)
                 : o.isFunction() && !o.detail.isEmpty() ? QStringLiteral("→ ") + o.detail : o.detail;
        case Size:
            return o.bytes < 0 ? QVariant() : QLocale().formattedDataSize(o.bytes, 1, QLocale::DataSizeTraditionalFormat);
        case Rows:
            return o.rows < 0 ? QVariant() : QLocale().toString(qint64(o.rows));
        }
        return {};
    case Qt::ToolTipRole: {
        if (!isObject)
            return n->type == Node::Type::Message ? n->text : QVariant();
        QStringList lines = {o.sqlName.isEmpty() ? o.name : o.sqlName};
        const QString details = data(index.siblingAtColumn(Details)).toString();
        if (!details.isEmpty())
            lines << details;
        if (!o.comment.isEmpty())
            lines << o.comment;
        if (o.rows >= 0)
            lines << tr("About %Ln rows, as the planner estimates them (ANALYZE updates the estimate).", nullptr, int(o.rows));
        else if (o.kind == CatalogObject::Kind::Table)
            lines << tr("No row estimate yet: the table has not been analyzed.");
        if (o.kind == CatalogObject::Kind::Database && !o.browsable)
            lines << tr("You may not connect to this database.");
        return lines.join(u'\n');
    }
    case Qt::DecorationRole:
        if (column != Name)
            return {};
        if (n->type == Node::Type::Folder)
            return QApplication::style()->standardIcon(QStyle::SP_DirIcon);
        return isObject ? iconFor(o) : QVariant();
    case Qt::ForegroundRole:
        if (n->error)
            return QColor(0xc6, 0x28, 0x28);
        if ((isObject && (o.system || (o.kind == CatalogObject::Kind::Database && !o.browsable)))
            || (n->type == Node::Type::Folder && n->count == 0) || n->type == Node::Type::Message
            || (column == Details && isObject))
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        return column == Size || column == Rows ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case KindRole:
        return isObject ? int(o.kind) : -1;
    case MessageRole:
        return n->type == Node::Type::Message;
    }
    return {};
}

QVariant CatalogTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Details: return tr("Details");
    case Size: return tr("Size");
    case Rows: return tr("Rows (est.)");
    }
    return {};
}

Qt::ItemFlags CatalogTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Node *n = node(index);
    if (n->type == Node::Type::Message)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}
