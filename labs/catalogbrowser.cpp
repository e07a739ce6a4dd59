#include "catalogbrowser.h"

#include "connectioninfo.h"

namespace {
// Every listing returns the same columns, read by one function:
// oid, name, code, schema, sqlName, arguments, detail, comment, bytes, rows, system, browsable.
const QString RelationColumns = QStringLiteral(
    "SELECT c.oid, c.relname, c.relkind, n.nspname, pg_catalog.format('%I.%I', n.nspname, c.relname), '',\n");

const QString RelationFrom = QStringLiteral(
    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n");

// Tables with their size and rows; a partitioned table counts its partitions'.
const QString TableColumns = RelationColumns + QStringLiteral(
    "  CASE c.relkind WHEN 'p' THEN pg_catalog.pg_get_partkeydef(c.oid)\n"
    "    WHEN 'f' THEN (SELECT s.srvname FROM pg_catalog.pg_foreign_table t\n"
    "      JOIN pg_catalog.pg_foreign_server s ON s.oid = t.ftserver WHERE t.ftrelid = c.oid)\n"
    "    ELSE pg_catalog.pg_get_expr(c.relpartbound, c.oid) END,\n"
    "  pg_catalog.obj_description(c.oid, 'pg_class'),\n"
    "  CASE c.relkind WHEN 'p' THEN (SELECT sum(pg_catalog.pg_total_relation_size(t.relid))\n"
    "      FROM pg_catalog.pg_partition_tree(c.oid) t)\n"
    "    WHEN 'f' THEN NULL ELSE pg_catalog.pg_total_relation_size(c.oid) END,\n"
    "  CASE c.relkind WHEN 'p' THEN (SELECT CASE WHEN bool_or(k.reltuples >= 0) THEN sum(greatest(k.reltuples, 0)) END\n"
    "      FROM pg_catalog.pg_partition_tree(c.oid) t JOIN pg_catalog.pg_class k ON k.oid = t.relid WHERE t.isleaf)\n"
    "    WHEN 'f' THEN NULL ELSE nullif(greatest(c.reltuples, -1), -1) END,\n"
    "  false, true\n");

const QString IndexColumns = RelationColumns + QStringLiteral(
    "  pg_catalog.concat_ws(', ', t.relname, a.amname,\n"
    "    CASE WHEN x.indisprimary THEN 'PRIMARY KEY' WHEN x.indisunique THEN 'UNIQUE' END),\n"
    "  pg_catalog.obj_description(c.oid, 'pg_class'), pg_catalog.pg_relation_size(c.oid),\n"
    "  nullif(greatest(c.reltuples, -1), -1), false, true\n"
    "FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class c ON c.oid = x.indexrelid\n"
    "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
    "  JOIN pg_catalog.pg_class t ON t.oid = x.indrelid JOIN pg_catalog.pg_am a ON a.oid = c.relam\n");

// Types one may name: no array types, no row types of tables, no multiranges (they come with their range).
const QString TypeFilter = QStringLiteral(
    "t.typtype IN ('b', 'c', 'd', 'e', 'r')\n"
    "  AND NOT EXISTS (SELECT FROM pg_catalog.pg_type e WHERE e.oid = t.typelem AND e.typarray = t.oid)\n"
    "  AND (t.typrelid = 0 OR (SELECT k.relkind = 'c' FROM pg_catalog.pg_class k WHERE k.oid = t.typrelid))\n");

const QHash<QChar, CatalogObject::Kind> RelationKinds = {
    {u'r', CatalogObject::Kind::Table},          {u'p', CatalogObject::Kind::PartitionedTable},
    {u'f', CatalogObject::Kind::ForeignTable},   {u'v', CatalogObject::Kind::View},
    {u'm', CatalogObject::Kind::MaterializedView}, {u'i', CatalogObject::Kind::Index},
    {u'I', CatalogObject::Kind::Index},          {u'S', CatalogObject::Kind::Sequence},
};
const QHash<QChar, CatalogObject::Kind> FunctionKinds = {
    {u'f', CatalogObject::Kind::Function}, {u'p', CatalogObject::Kind::Procedure},
    {u'a', CatalogObject::Kind::Aggregate}, {u'w', CatalogObject::Kind::WindowFunction},
};

CatalogObject::Kind kindOf(CatalogListing listing, QChar code)
{
    using K = CatalogObject::Kind;
    switch (listing) {
    case CatalogListing::Databases: return K::Database;
    case CatalogListing::Roles: return K::Role;
    case CatalogListing::Schemas: return K::Schema;
    case CatalogListing::Extensions: return K::Extension;
    case CatalogListing::Functions: return FunctionKinds.value(code, K::Function);
    case CatalogListing::Types: return K::Type;
    case CatalogListing::Columns: return K::Column;
    case CatalogListing::Constraints: return K::Constraint;
    case CatalogListing::Triggers: return K::Trigger;
    default: return RelationKinds.value(code, K::Table);
    }
}

// The SQL word for the kind in ALTER … OWNER TO, COMMENT ON and GRANT … ON.
QString objectWord(CatalogObject::Kind kind)
{
    using K = CatalogObject::Kind;
    switch (kind) {
    case K::Database: return QStringLiteral("DATABASE");
    case K::Role: return QStringLiteral("ROLE");
    case K::Schema: return QStringLiteral("SCHEMA");
    case K::Extension: return QStringLiteral("EXTENSION");
    case K::Table: case K::PartitionedTable: return QStringLiteral("TABLE");
    case K::ForeignTable: return QStringLiteral("FOREIGN TABLE");
    case K::View: return QStringLiteral("VIEW");
    case K::MaterializedView: return QStringLiteral("MATERIALIZED VIEW");
    case K::Index: return QStringLiteral("INDEX");
    case K::Sequence: return QStringLiteral("SEQUENCE");
    case K::Function: case K::WindowFunction: return QStringLiteral("FUNCTION");
    case K::Procedure: return QStringLiteral("PROCEDURE");
    case K::Aggregate: return QStringLiteral("AGGREGATE");
    case K::Type: return QStringLiteral("TYPE");
    case K::Column: return QStringLiteral("COLUMN");
    case K::Constraint: return QStringLiteral("CONSTRAINT");
    case K::Trigger: return QStringLiteral("TRIGGER");
    }
    return {};
}

QString literal(const QString &text)
{
    return GraderConnection::literal(text);
}

// The statement ends with exactly one semicolon and a line break.
QString statement(QString text)
{
    text = text.trimmed();
    while (text.endsWith(u';'))
        text.chop(1);
    return text + QStringLiteral(";\n");
}

// A server setting as ALTER … SET writes it; list settings keep their own quoting.
QString settingClause(const QString &entry)
{
    static const QStringList lists = {QStringLiteral("search_path"), QStringLiteral("temp_tablespaces"),
                                      QStringLiteral("session_preload_libraries"),
                                      QStringLiteral("local_preload_libraries"),
                                      QStringLiteral("shared_preload_libraries")};
    const qsizetype eq = entry.indexOf(u'=');
    const QString name = entry.left(eq), value = entry.mid(eq + 1);
    return QStringLiteral("SET %1 TO %2").arg(name, lists.contains(name) ? value : literal(value));
}

// "{a=1,b=2}" as libpq gives a text[]: its elements (settings never hold commas unquoted here).
QStringList arrayElements(const QString &array)
{
    if (array.size() < 2)
        return {};
    QStringList out;
    QString current;
    bool quoted = false;
    for (qsizetype i = 1; i + 1 < array.size(); ++i) {
        const QChar c = array.at(i);
        if (c == u'"')
            quoted = !quoted;
        else if (c == u'\\' && i + 2 < array.size())
            current += array.at(++i);
        else if (c == u',' && !quoted) {
            out << current;
            current.clear();
        } else
            current += c;
    }
    out << current;
    return out;
}
} // namespace

bool CatalogObject::isRelation() const
{
    switch (kind) {
    case Kind::Table: case Kind::PartitionedTable: case Kind::ForeignTable: case Kind::View:
    case Kind::MaterializedView:
        return true;
    default:
        return false;
    }
}

bool CatalogObject::isFunction() const
{
    return kind == Kind::Function || kind == Kind::Procedure || kind == Kind::Aggregate || kind == Kind::WindowFunction;
}

CatalogBrowser::CatalogBrowser(const QString &conninfo)
    : m_conninfo(conninfo)
    , m_home(ConnectionInfo(conninfo).value(QStringLiteral("dbname")))
{
}

QString CatalogBrowser::homeDatabase() const
{
    return m_home;
}

QString CatalogBrowser::query(CatalogListing listing)
{
    switch (listing) {
    case CatalogListing::Databases:
        return QStringLiteral(
            "SELECT d.oid, d.datname, '', '', pg_catalog.quote_ident(d.datname), '',\n"
            "  pg_catalog.pg_encoding_to_char(d.encoding) || ', ' || pg_catalog.pg_get_userbyid(d.datdba),\n"
            "  pg_catalog.shobj_description(d.oid, 'pg_database'),\n"
            "  CASE WHEN pg_catalog.has_database_privilege(d.oid, 'CONNECT') THEN pg_catalog.pg_database_size(d.oid) END,\n"
            "  NULL, d.datistemplate, d.datallowconn AND pg_catalog.has_database_privilege(d.oid, 'CONNECT')\n"
            "FROM pg_catalog.pg_database d\n"
            "ORDER BY d.datistemplate, d.datname");
    case CatalogListing::Roles:
        return QStringLiteral(
            "SELECT r.oid, r.rolname, '', '', pg_catalog.quote_ident(r.rolname), '',\n"
            "  pg_catalog.concat_ws(', ', CASE WHEN r.rolsuper THEN 'SUPERUSER' END, CASE WHEN r.rolcanlogin THEN 'LOGIN' END,\n"
            "    CASE WHEN r.rolcreatedb THEN 'CREATEDB' END, CASE WHEN r.rolcreaterole THEN 'CREATEROLE' END,\n"
            "    CASE WHEN r.rolreplication THEN 'REPLICATION' END, CASE WHEN r.rolbypassrls THEN 'BYPASSRLS' END),\n"
            "  pg_catalog.shobj_description(r.oid, 'pg_authid'), NULL, NULL, r.rolname ~ '^pg_', true\n"
            "FROM pg_catalog.pg_roles r\n"
            "ORDER BY r.rolname ~ '^pg_', r.rolname");
    case CatalogListing::Schemas:
        return QStringLiteral(
            "SELECT n.oid, n.nspname, '', n.nspname, pg_catalog.quote_ident(n.nspname), '',\n"
            "  pg_catalog.pg_get_userbyid(n.nspowner), pg_catalog.obj_description(n.oid, 'pg_namespace'),\n"
            "  NULL, NULL, n.nspname ~ '^pg_' OR n.nspname = 'information_schema', true\n"
            "FROM pg_catalog.pg_namespace n\n"
            "WHERE n.nspname !~ '^pg_(toast|temp_)'\n"
            "ORDER BY n.nspname ~ '^pg_' OR n.nspname = 'information_schema', n.nspname");
    case CatalogListing::Extensions:
        return QStringLiteral(
            "SELECT e.oid, e.extname, '', n.nspname, pg_catalog.quote_ident(e.extname), '', e.extversion,\n"
            "  pg_catalog.obj_description(e.oid, 'pg_extension'), NULL, NULL, false, true\n"
            "FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace\n"
            "ORDER BY e.extname");
    case CatalogListing::Tables:
        return TableColumns + RelationFrom
            + QStringLiteral("WHERE c.relnamespace = $1 AND c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition\n"
                             "ORDER BY c.relname");
    case CatalogListing::Partitions:
        return TableColumns + RelationFrom
            + QStringLiteral("  JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid\n"
                             "WHERE i.inhparent = $1 AND c.relispartition\n"
                             "ORDER BY c.relname");
    case CatalogListing::Views:
        return RelationColumns
            + QStringLiteral("  NULL, pg_catalog.obj_description(c.oid, 'pg_class'), NULL, NULL, false, true\n")
            + RelationFrom + QStringLiteral("WHERE c.relnamespace = $1 AND c.relkind = 'v'\nORDER BY c.relname");
    case CatalogListing::MaterializedViews:
        return RelationColumns
            + QStringLiteral("  CASE WHEN NOT c.relispopulated THEN 'WITH NO DATA' END,\n"
                             "  pg_catalog.obj_description(c.oid, 'pg_class'), pg_catalog.pg_total_relation_size(c.oid),\n"
                             "  nullif(greatest(c.reltuples, -1), -1), false, true\n")
            + RelationFrom + QStringLiteral("WHERE c.relnamespace = $1 AND c.relkind = 'm'\nORDER BY c.relname");
    case CatalogListing::Indexes:
        return IndexColumns + QStringLiteral("WHERE c.relnamespace = $1\nORDER BY c.relname");
    case CatalogListing::TableIndexes:
        return IndexColumns + QStringLiteral("WHERE x.indrelid = $1\nORDER BY NOT x.indisprimary, c.relname");
    case CatalogListing::Sequences:
        return RelationColumns
            + QStringLiteral(
                "  pg_catalog.format_type(s.seqtypid, NULL) || coalesce(' OWNED BY ' || (\n"
                "    SELECT pg_catalog.format('%I.%I', t.relname, a.attname) FROM pg_catalog.pg_depend d\n"
                "      JOIN pg_catalog.pg_class t ON t.oid = d.refobjid\n"
                "      JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid\n"
                "    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid\n"
                "      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')), ''),\n"
                "  pg_catalog.obj_description(c.oid, 'pg_class'), pg_catalog.pg_relation_size(c.oid), NULL, false, true\n")
            + RelationFrom
            + QStringLiteral("  JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid\n"
                             "WHERE c.relnamespace = $1\nORDER BY c.relname");
    case CatalogListing::Functions:
        return QStringLiteral(
            "SELECT p.oid, p.proname, p.prokind, n.nspname,\n"
            "  pg_catalog.format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)),\n"
            "  pg_catalog.pg_get_function_identity_arguments(p.oid), coalesce(pg_catalog.pg_get_function_result(p.oid), ''),\n"
            "  pg_catalog.obj_description(p.oid, 'pg_proc'), NULL, NULL, false, true\n"
            "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"
            "WHERE p.pronamespace = $1\n"
            "ORDER BY p.proname, 6");
    case CatalogListing::Types:
        return QStringLiteral(
                   "SELECT t.oid, t.typname, t.typtype, n.nspname, pg_catalog.format('%I.%I', n.nspname, t.typname), '',\n"
                   "  CASE t.typtype WHEN 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod)\n"
                   "    WHEN 'e' THEN (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)\n"
                   "      FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)\n"
                   "    WHEN 'r' THEN (SELECT pg_catalog.format_type(r.rngsubtype, NULL) FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid)\n"
                   "    WHEN 'c' THEN (SELECT pg_catalog.string_agg(pg_catalog.format('%I %s', a.attname,\n"
                   "        pg_catalog.format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)\n"
                   "      FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)\n"
                   "  END,\n"
                   "  pg_catalog.obj_description(t.oid, 'pg_type'), NULL, NULL, false, true\n"
                   "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace\n"
                   "WHERE t.typnamespace = $1 AND ")
            + TypeFilter + QStringLiteral("ORDER BY t.typname");
    case CatalogListing::Columns:
        return QStringLiteral(
            "SELECT a.attnum, a.attname,\n"
            "  CASE WHEN EXISTS (SELECT FROM pg_catalog.pg_index x WHERE x.indrelid = a.attrelid AND x.indisprimary\n"
            "    AND a.attnum = ANY (x.indkey)) THEN 'p' ELSE '' END,\n"
            "  n.nspname, pg_catalog.quote_ident(a.attname), '',\n"
            "  pg_catalog.format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END,\n"
            "  pg_catalog.col_description(a.attrelid, a.attnum), NULL, NULL, false, true\n"
            "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n"
            "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
            "WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped\n"
            "ORDER BY a.attnum");
    case CatalogListing::Constraints:
        return QStringLiteral(
            "SELECT o.oid, o.conname, o.contype, n.nspname, pg_catalog.quote_ident(o.conname), '',\n"
            "  pg_catalog.pg_get_constraintdef(o.oid, true), pg_catalog.obj_description(o.oid, 'pg_constraint'),\n"
            "  NULL, NULL, false, true\n"
            "FROM pg_catalog.pg_constraint o JOIN pg_catalog.pg_namespace n ON n.oid = o.connamespace\n"
            "WHERE o.conrelid = $1 AND o.contype <> 'n'\n"
            "ORDER BY pg_catalog.array_position('{p,u,x,c,f,t}'::\"char\"[], o.contype), o.conname");
    case CatalogListing::Triggers:
        return QStringLiteral(
            "SELECT g.oid, g.tgname, g.tgenabled, n.nspname, pg_catalog.quote_ident(g.tgname), '',\n"
            "  pg_catalog.pg_get_triggerdef(g.oid, true), pg_catalog.obj_description(g.oid, 'pg_trigger'),\n"
            "  NULL, NULL, false, true\n"
            "FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid\n"
            "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
            "WHERE g.tgrelid = $1 AND NOT g.tgisinternal\n"
            "ORDER BY g.tgname");
    }
    return {};
}

QList<CatalogListing> CatalogBrowser::listingsUnder(CatalogObject::Kind kind)
{
    using K = CatalogObject::Kind;
    using L = CatalogListing;
    switch (kind) {
    case K::Database: return {L::Schemas, L::Extensions};
    case K::Schema:
        return {L::Tables, L::Views, L::MaterializedViews, L::Indexes, L::Sequences, L::Functions, L::Types};
    case K::Table: return {L::Columns, L::TableIndexes, L::Constraints, L::Triggers};
    case K::PartitionedTable: return {L::Columns, L::Partitions, L::TableIndexes, L::Constraints, L::Triggers};
    case K::ForeignTable: return {L::Columns, L::Constraints, L::Triggers};
    case K::View: return {L::Columns, L::Triggers};
    case K::MaterializedView: return {L::Columns, L::TableIndexes};
    default: return {};
    }
}

GraderConnection *CatalogBrowser::connection(const QString &database, QString *error)
{
    const QString key = database.isEmpty() ? m_home : database;
    auto it = m_connections.find(key);
    if (it != m_connections.end() && it->second.isOpen())
        return &it->second;
    GraderConnection c;
    const QString conninfo = key.isEmpty() || key == m_home
        ? m_conninfo
        : ConnectionInfo(m_conninfo).with(QStringLiteral("dbname"), key);
    if (!c.open(conninfo, 30000, error))
        return nullptr;
    if (m_home.isEmpty()) { // a service or the default database: ask which one it is
        m_home = c.value(QStringLiteral("SELECT pg_catalog.current_database()"), {}, error);
        if (m_home.isEmpty())
            return nullptr;
    }
    return &(m_connections[key.isEmpty() ? m_home : key] = std::move(c));
}

SqlOutcome CatalogBrowser::run(const QString &database, const QString &sql, const QStringList &parameters)
{
    m_queries << sql;
    for (int attempt = 0; attempt < 2; ++attempt) {
        QString error;
        GraderConnection *c = connection(database, &error);
        if (!c)
            return {false, QStringLiteral("08006"), error, {}};
        SqlOutcome outcome = c->exec(sql, parameters);
        // A connection the server dropped (a restart) is opened again once.
        if (outcome.ok || !(outcome.sqlstate.isEmpty() || outcome.sqlstate.startsWith(u"08")
                            || outcome.sqlstate.startsWith(u"57P")))
            return outcome;
        c->close();
        if (attempt == 1)
            return outcome;
    }
    return {};
}

// The object's one row of sql ($1 is its oid), or why there is none.
std::optional<SqlOutcome> CatalogBrowser::one(const CatalogObject &object, const QString &database, const QString &sql,
                                              QString *error)
{
    SqlOutcome outcome = run(database, sql, {QString::number(object.oid)});
    if (outcome.ok && outcome.result.rowCount() > 0)
        return outcome;
    *error = outcome.ok ? tr("%1 no longer exists.").arg(object.name) : outcome.message;
    return std::nullopt;
}

std::optional<QList<CatalogObject>> CatalogBrowser::list(CatalogListing listing, const CatalogObject &parent,
                                                          QString *error)
{
    m_queries.clear();
    const bool ofServer = listing == CatalogListing::Databases || listing == CatalogListing::Roles;
    const bool ofDatabase = listing == CatalogListing::Schemas || listing == CatalogListing::Extensions;
    const QString database = ofServer ? QString() : ofDatabase ? parent.name : parent.database;
    const QStringList parameters = ofServer || ofDatabase ? QStringList{} : QStringList{QString::number(parent.oid)};
    const SqlOutcome outcome = run(database, query(listing), parameters);
    if (!outcome.ok) {
        *error = outcome.message;
        return std::nullopt;
    }
    const ResultSet &r = outcome.result;
    QList<CatalogObject> objects;
    objects.reserve(r.rowCount());
    for (qsizetype row = 0; row < r.rowCount(); ++row) {
        CatalogObject o;
        o.oid = r.text(row, 0).toUInt();
        o.name = r.text(row, 1);
        o.code = r.text(row, 2).isEmpty() ? QChar() : r.text(row, 2).front();
        o.kind = kindOf(listing, o.code);
        o.schema = r.text(row, 3);
        o.sqlName = r.text(row, 4);
        o.arguments = r.text(row, 5);
        o.detail = r.text(row, 6);
        o.comment = r.text(row, 7);
        o.bytes = r.isNull(row, 8) ? -1 : r.text(row, 8).toLongLong();
        o.rows = r.isNull(row, 9) ? -1 : r.text(row, 9).toDouble();
        o.system = r.text(row, 10) == u"t";
        o.browsable = r.text(row, 11) == u"t";
        o.database = ofServer ? QString() : database.isEmpty() ? m_home : database;
        if (listing == CatalogListing::Columns || listing == CatalogListing::Constraints
            || listing == CatalogListing::Triggers || listing == CatalogListing::TableIndexes
            || listing == CatalogListing::Partitions)
            o.table = parent.oid;
        objects << o;
    }
    return objects;
}

std::optional<QHash<CatalogListing, int>> CatalogBrowser::counts(const CatalogObject &schema, QString *error)
{
    m_queries.clear();
    const QString relations = QStringLiteral(
        "(SELECT count(*) FROM pg_catalog.pg_class c WHERE c.relnamespace = $1 AND c.relkind IN (%1)%2)");
    const QString sql = QStringLiteral("SELECT ") + relations.arg(QStringLiteral("'r', 'p', 'f'"), QStringLiteral(" AND NOT c.relispartition"))
        + QStringLiteral(",\n  ") + relations.arg(QStringLiteral("'v'"), QString())
        + QStringLiteral(",\n  ") + relations.arg(QStringLiteral("'m'"), QString())
        + QStringLiteral(",\n  ") + relations.arg(QStringLiteral("'i', 'I'"), QString())
        + QStringLiteral(",\n  ") + relations.arg(QStringLiteral("'S'"), QString())
        + QStringLiteral(",\n  (SELECT count(*) FROM pg_catalog.pg_proc p WHERE p.pronamespace = $1),\n"
                         "  (SELECT count(*) FROM pg_catalog.pg_type t WHERE t.typnamespace = $1 AND ")
        + TypeFilter + u')';
    const SqlOutcome outcome = run(schema.database, sql, {QString::number(schema.oid)});
    if (!outcome.ok) {
        *error = outcome.message;
        return std::nullopt;
    }
    const QList<CatalogListing> order = listingsUnder(CatalogObject::Kind::Schema);
    QHash<CatalogListing, int> counts;
    for (int i = 0; i < order.size(); ++i)
        counts.insert(order.at(i), outcome.value(0, i).toInt());
    return counts;
}

QString CatalogBrowser::selectStatement(const CatalogObject &object, int limit)
{
    return QStringLiteral("SELECT * FROM %1 LIMIT %2;\n").arg(object.sqlName, QString::number(limit));
}

std::optional<QString> CatalogBrowser::ddl(const CatalogObject &object, QString *error)
{
    m_queries.clear();
    using K = CatalogObject::Kind;
    switch (object.kind) {
    case K::Table: case K::PartitionedTable: case K::ForeignTable:
        return tableDdl(object, error);
    case K::View: case K::MaterializedView:
        return viewDdl(object, error);
    case K::Sequence:
        return sequenceDdl(object, false, error);
    case K::Function: case K::Procedure: case K::WindowFunction:
        return functionDdl(object, error);
    case K::Aggregate:
        return aggregateDdl(object, error);
    case K::Type:
        return typeDdl(object, error);
    case K::Database:
        return databaseDdl(object, error);
    case K::Role:
        return roleDdl(object, error);
    case K::Schema:
        return schemaDdl(object, error);
    case K::Column: {
        QStringList lines;
        const CatalogObject table{.kind = K::Table, .database = object.database, .oid = object.table};
        if (!columnsDdl(table, int(object.oid), false, &lines, error))
            return std::nullopt;
        const QString name = run(object.database, QStringLiteral(
            "SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c\n"
            "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1"), {QString::number(object.table)}).value();
        return QStringLiteral("ALTER TABLE %1 ADD COLUMN %2;\n").arg(name, lines.value(0).trimmed());
    }
    default:
        return simpleDdl(object, error);
    }
}

// Indexes, constraints, triggers and extensions: one server function or one line each.
std::optional<QString> CatalogBrowser::simpleDdl(const CatalogObject &object, QString *error)
{
    using K = CatalogObject::Kind;
    QString sql;
    switch (object.kind) {
    case K::Index:
        sql = QStringLiteral("SELECT pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(c.oid),\n"
                             "  '^(CREATE (UNIQUE )?INDEX \\S+ ON )ONLY ', '\\1') || ';' || coalesce(E'\\n' ||\n"
                             "  pg_catalog.format('COMMENT ON INDEX %I.%I IS %L;', n.nspname, c.relname,\n"
                             "    pg_catalog.obj_description(c.oid, 'pg_class')), '')\n"
                             "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1");
        break;
    case K::Constraint:
        sql = QStringLiteral("SELECT pg_catalog.format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s;', n.nspname, c.relname,\n"
                             "  o.conname, pg_catalog.pg_get_constraintdef(o.oid, true))\n"
                             "FROM pg_catalog.pg_constraint o JOIN pg_catalog.pg_class c ON c.oid = o.conrelid\n"
                             "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE o.oid = $1");
        break;
    case K::Trigger:
        sql = QStringLiteral("SELECT pg_catalog.pg_get_triggerdef(g.oid) || ';' || CASE g.tgenabled WHEN 'D' THEN\n"
                             "  pg_catalog.format(E'\\nALTER TABLE %I.%I DISABLE TRIGGER %I;', n.nspname, c.relname, g.tgname)\n"
                             "  ELSE '' END\n"
                             "FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid\n"
                             "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE g.oid = $1");
        break;
    case K::Extension:
        sql = QStringLiteral("SELECT pg_catalog.format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I VERSION %L;',\n"
                             "  e.extname, n.nspname, e.extversion)\n"
                             "FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace\n"
                             "WHERE e.oid = $1");
        break;
    default:
        *error = tr("This object has no DDL.");
        return std::nullopt;
    }
    const std::optional<SqlOutcome> found = one(object, object.database, sql, error);
    return found ? std::optional<QString>(statement(found->value())) : std::nullopt;
}

std::optional<QString> CatalogBrowser::columnsDdl(const CatalogObject &table, int onlyColumn, bool skipInherited,
                                                  QStringList *lines, QString *error)
{
    const SqlOutcome columns = run(table.database, QStringLiteral(
        "SELECT pg_catalog.quote_ident(a.attname), pg_catalog.format_type(a.atttypid, a.atttypmod),\n"
        "  CASE WHEN a.attcollation <> t.typcollation THEN (SELECT pg_catalog.format('%I.%I', cn.nspname, co.collname)\n"
        "    FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace\n"
        "    WHERE co.oid = a.attcollation) END,\n"
        "  pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, a.attnotnull, a.attislocal\n"
        "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid\n"
        "  LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum\n"
        "WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped AND ($2 = 0 OR a.attnum = $2)\n"
        "ORDER BY a.attnum"), {QString::number(table.oid), QString::number(onlyColumn)});
    if (!columns.ok) {
        *error = columns.message;
        return std::nullopt;
    }
    const ResultSet &c = columns.result;
    for (qsizetype r = 0; r < c.rowCount(); ++r) {
        if (skipInherited && c.text(r, 7) != u"t")
            continue;
        QString line = c.text(r, 0) + u' ' + c.text(r, 1);
        if (!c.isNull(r, 2))
            line += QStringLiteral(" COLLATE ") + c.text(r, 2);
        if (c.text(r, 5) == u"s")
            line += QStringLiteral(" GENERATED ALWAYS AS (%1) STORED").arg(c.text(r, 3));
        else if (c.text(r, 4) == u"a")
            line += QStringLiteral(" GENERATED ALWAYS AS IDENTITY");
        else if (c.text(r, 4) == u"d")
            line += QStringLiteral(" GENERATED BY DEFAULT AS IDENTITY");
        else if (!c.isNull(r, 3))
            line += QStringLiteral(" DEFAULT ") + c.text(r, 3);
        if (c.text(r, 6) == u"t")
            line += QStringLiteral(" NOT NULL");
        *lines << QStringLiteral("    ") + line;
    }
    return QString();
}

std::optional<QString> CatalogBrowser::tableDdl(const CatalogObject &table, QString *error)
{
    const std::optional<SqlOutcome> info = one(table, table.database, QStringLiteral(
        "SELECT pg_catalog.format('%I.%I', n.nspname, c.relname), c.relkind, c.relpersistence, c.relispartition,\n"
        "  (SELECT pg_catalog.format('%I.%I', pn.nspname, p.relname) FROM pg_catalog.pg_inherits i\n"
        "    JOIN pg_catalog.pg_class p ON p.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace\n"
        "    WHERE i.inhrelid = c.oid AND c.relispartition),\n"
        "  pg_catalog.pg_get_expr(c.relpartbound, c.oid),\n"
        "  CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,\n"
        "  (SELECT pg_catalog.string_agg(pg_catalog.format('%I.%I', pn.nspname, p.relname), ', ' ORDER BY i.inhseqno)\n"
        "    FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent\n"
        "    JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid AND NOT c.relispartition),\n"
        "  pg_catalog.array_to_string(c.reloptions, ', '),\n"
        "  (SELECT pg_catalog.quote_ident(s.spcname) FROM pg_catalog.pg_tablespace s WHERE s.oid = c.reltablespace),\n"
        "  (SELECT pg_catalog.quote_ident(a.amname) FROM pg_catalog.pg_am a WHERE a.oid = c.relam AND a.amname <> 'heap'),\n"
        "  c.relrowsecurity, c.relforcerowsecurity, pg_catalog.obj_description(c.oid, 'pg_class'),\n"
        "  pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(c.relowner)),\n"
        "  (SELECT pg_catalog.quote_ident(s.srvname) || coalesce(' OPTIONS (' || (SELECT pg_catalog.string_agg(\n"
        "      pg_catalog.format('%I %L', pg_catalog.split_part(o, '=', 1), pg_catalog.substr(o, pg_catalog.strpos(o, '=') + 1)), ', ')\n"
        "      FROM pg_catalog.unnest(f.ftoptions) o) || ')', '')\n"
        "    FROM pg_catalog.pg_foreign_table f JOIN pg_catalog.pg_foreign_server s ON s.oid = f.ftserver WHERE f.ftrelid = c.oid)\n"
        "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1"), error);
    if (!info)
        return std::nullopt;
    const auto field = [&](int column) { return info->value(0, column); };
    const QString name = field(0);
    const bool partition = field(3) == u"t";
    QString out;
    // Sequences the table's serial columns own come first, so their defaults can name them.
    const SqlOutcome owned = run(table.database, QStringLiteral(
        "SELECT d.objid FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'\n"
        "WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass\n"
        "  AND d.refobjid = $1 AND d.deptype = 'a' ORDER BY d.refobjsubid"), {QString::number(table.oid)});
    QStringList ownedBy;
    for (qsizetype r = 0; owned.ok && r < owned.result.rowCount(); ++r) {
        const CatalogObject sequence{.kind = CatalogObject::Kind::Sequence, .database = table.database,
                                     .oid = owned.result.text(r, 0).toUInt()};
        const std::optional<QString> text = sequenceDdl(sequence, true, error);
        if (!text)
            return std::nullopt;
        out += *text;
    }
    if (!out.isEmpty())
        out += u'\n';

    QStringList lines; // a partition's columns are its parent's
    if (!partition && !columnsDdl(table, 0, !field(7).isEmpty(), &lines, error))
        return std::nullopt;
    const SqlOutcome constraints = run(table.database, QStringLiteral(
        "SELECT pg_catalog.quote_ident(o.conname), pg_catalog.pg_get_constraintdef(o.oid, true)\n"
        "FROM pg_catalog.pg_constraint o WHERE o.conrelid = $1 AND o.contype <> 'n' AND o.conislocal\n"
        "ORDER BY pg_catalog.array_position('{p,u,x,c,f,t}'::\"char\"[], o.contype), o.conname"),
        {QString::number(table.oid)});
    if (!constraints.ok) {
        *error = constraints.message;
        return std::nullopt;
    }
    QStringList constraintLines;
    for (qsizetype r = 0; r < constraints.result.rowCount(); ++r)
        constraintLines << QStringLiteral("CONSTRAINT %1 %2").arg(constraints.result.text(r, 0), constraints.result.text(r, 1));

    const QString persistence = field(2) == u"u" ? QStringLiteral("UNLOGGED ") : QString();
    const QString kind = field(1) == u"f" ? QStringLiteral("FOREIGN TABLE") : persistence + QStringLiteral("TABLE");
    if (partition) {
        out += QStringLiteral("CREATE %1 %2 PARTITION OF %3\n    %4").arg(kind, name, field(4), field(5));
        for (const QString &c : std::as_const(constraintLines))
            lines << QStringLiteral("    ") + c;
        if (!lines.isEmpty())
            out.insert(out.lastIndexOf(u'\n'), QStringLiteral(" (\n") + lines.join(QStringLiteral(",\n")) + QStringLiteral("\n)"));
    } else {
        for (const QString &c : std::as_const(constraintLines))
            lines << QStringLiteral("    ") + c;
        out += QStringLiteral("CREATE %1 %2 (\n%3\n)").arg(kind, name, lines.join(QStringLiteral(",\n")));
        if (!field(7).isEmpty())
            out += QStringLiteral("\nINHERITS (%1)").arg(field(7));
    }
    if (!field(6).isEmpty())
        out += QStringLiteral("\nPARTITION BY ") + field(6);
    if (!field(15).isEmpty())
        out += QStringLiteral("\nSERVER ") + field(15);
    if (!field(10).isEmpty())
        out += QStringLiteral("\nUSING ") + field(10);
    if (!field(8).isEmpty())
        out += QStringLiteral("\nWITH (%1)").arg(field(8));
    if (!field(9).isEmpty())
        out += QStringLiteral("\nTABLESPACE ") + field(9);
    out += QStringLiteral(";\n");

    for (qsizetype r = 0; r < owned.result.rowCount(); ++r) {
        const SqlOutcome by = run(table.database, QStringLiteral(
            "SELECT pg_catalog.format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I;', sn.nspname, s.relname, tn.nspname, t.relname,\n"
            "  a.attname)\n"
            "FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid\n"
            "  JOIN pg_catalog.pg_class s ON s.oid = d.objid JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace\n"
            "  JOIN pg_catalog.pg_class t ON t.oid = d.refobjid JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace\n"
            "WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = $1 AND d.deptype = 'a'"),
            {owned.result.text(r, 0)});
        if (by.ok && by.result.rowCount() > 0)
            ownedBy << by.value();
    }
    if (!ownedBy.isEmpty())
        out += ownedBy.join(u'\n') + u'\n';

    // What lives beside the table: indexes not made by constraints, triggers, row security.
    const SqlOutcome extras = run(table.database, QStringLiteral(
        "SELECT pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(x.indexrelid), '^(CREATE (UNIQUE )?INDEX \\S+ ON )ONLY ', '\\1')\n"
        "  || ';' FROM pg_catalog.pg_index x\n"
        "WHERE x.indrelid = $1\n"
        "  AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint o WHERE o.conindid = x.indexrelid\n"
        "    AND o.conrelid = x.indrelid AND o.contype IN ('p', 'u', 'x'))\n"
        "  AND NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i WHERE i.inhrelid = x.indexrelid)\n"
        "UNION ALL\n"
        "SELECT pg_catalog.pg_get_triggerdef(g.oid) || ';' FROM pg_catalog.pg_trigger g\n"
        "WHERE g.tgrelid = $1 AND NOT g.tgisinternal AND g.tgparentid = 0\n"
        "UNION ALL\n"
        "SELECT pg_catalog.format('CREATE POLICY %I ON %I.%I AS %s FOR %s TO %s%s%s;', p.polname, n.nspname, c.relname,\n"
        "  CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,\n"
        "  CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,\n"
        "  CASE WHEN p.polroles = '{0}' THEN 'PUBLIC' ELSE (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(r.rolname), ', '\n"
        "    ORDER BY r.rolname) FROM pg_catalog.pg_roles r WHERE r.oid = ANY (p.polroles)) END,\n"
        "  ' USING (' || pg_catalog.pg_get_expr(p.polqual, p.polrelid) || ')',\n"
        "  ' WITH CHECK (' || pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) || ')')\n"
        "FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid\n"
        "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE p.polrelid = $1"), {QString::number(table.oid)});
    if (!extras.ok) {
        *error = extras.message;
        return std::nullopt;
    }
    QStringList more;
    if (field(11) == u"t")
        more << QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY;").arg(name);
    if (field(12) == u"t")
        more << QStringLiteral("ALTER TABLE %1 FORCE ROW LEVEL SECURITY;").arg(name);
    for (qsizetype r = 0; r < extras.result.rowCount(); ++r)
        more << extras.result.text(r, 0);
    if (!more.isEmpty())
        out += u'\n' + more.join(u'\n') + u'\n';

    QStringList tail;
    if (!field(13).isEmpty())
        tail << QStringLiteral("COMMENT ON %1 %2 IS %3;").arg(objectWord(table.kind), name, literal(field(13)));
    const SqlOutcome comments = run(table.database, QStringLiteral(
        "SELECT pg_catalog.quote_ident(a.attname), pg_catalog.col_description(a.attrelid, a.attnum)\n"
        "FROM pg_catalog.pg_attribute a WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped\n"
        "  AND pg_catalog.col_description(a.attrelid, a.attnum) IS NOT NULL ORDER BY a.attnum"),
        {QString::number(table.oid)});
    for (qsizetype r = 0; comments.ok && r < comments.result.rowCount(); ++r)
        tail << QStringLiteral("COMMENT ON COLUMN %1.%2 IS %3;").arg(name, comments.result.text(r, 0), literal(comments.result.text(r, 1)));
    tail << QStringLiteral("ALTER %1 %2 OWNER TO %3;").arg(objectWord(table.kind), name, field(14));
    out += u'\n' + tail.join(u'\n') + u'\n';
    return withPrivileges(table, out, error);
}

std::optional<QString> CatalogBrowser::viewDdl(const CatalogObject &view, QString *error)
{
    const std::optional<SqlOutcome> info = one(view, view.database, QStringLiteral(
        "SELECT pg_catalog.format('%I.%I', n.nspname, c.relname), c.relkind, pg_catalog.pg_get_viewdef(c.oid, true),\n"
        "  pg_catalog.array_to_string(c.reloptions, ', '), c.relispopulated, pg_catalog.obj_description(c.oid, 'pg_class'),\n"
        "  pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(c.relowner))\n"
        "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1"), error);
    if (!info)
        return std::nullopt;
    const QString name = info->value(0, 0);
    const bool materialized = info->value(0, 1) == u"m";
    QString body = info->value(0, 2).trimmed();
    while (body.endsWith(u';'))
        body.chop(1);
    const QString options = info->value(0, 3).isEmpty() ? QString() : QStringLiteral(" WITH (%1)").arg(info->value(0, 3));
    QString out = materialized
        ? QStringLiteral("CREATE MATERIALIZED VIEW %1%2 AS\n %3\nWITH %4;\n")
              .arg(name, options, body, info->value(0, 4) == u"t" ? QStringLiteral("DATA") : QStringLiteral("NO DATA"))
        : QStringLiteral("CREATE OR REPLACE VIEW %1%2 AS\n %3;\n").arg(name, options, body);
    if (materialized) {
        const SqlOutcome indexes = run(view.database, QStringLiteral(
            "SELECT pg_catalog.pg_get_indexdef(x.indexrelid) || ';' FROM pg_catalog.pg_index x WHERE x.indrelid = $1\n"
            "ORDER BY x.indexrelid"), {QString::number(view.oid)});
        QStringList lines;
        for (qsizetype r = 0; indexes.ok && r < indexes.result.rowCount(); ++r)
            lines << indexes.result.text(r, 0);
        if (!lines.isEmpty())
            out += u'\n' + lines.join(u'\n') + u'\n';
    }
    out += u'\n';
    if (!info->value(0, 5).isEmpty())
        out += QStringLiteral("COMMENT ON %1 %2 IS %3;\n").arg(objectWord(view.kind), name, literal(info->value(0, 5)));
    out += QStringLiteral("ALTER %1 %2 OWNER TO %3;\n").arg(objectWord(view.kind), name, info->value(0, 6));
    return withPrivileges(view, out, error);
}

std::optional<QString> CatalogBrowser::sequenceDdl(const CatalogObject &sequence, bool ownedByTable, QString *error)
{
    const std::optional<SqlOutcome> info = one(sequence, sequence.database, QStringLiteral(
        "SELECT pg_catalog.format('%I.%I', n.nspname, c.relname), pg_catalog.format_type(s.seqtypid, NULL), s.seqincrement,\n"
        "  s.seqmin,\n"
        "  s.seqmax, s.seqstart, s.seqcache, s.seqcycle, c.relpersistence,\n"
        "  (SELECT pg_catalog.format('%I.%I.%I', tn.nspname, t.relname, a.attname) || ' ' || d.deptype::text\n"
        "    FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class t ON t.oid = d.refobjid\n"
        "    JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace\n"
        "    JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid\n"
        "    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid\n"
        "      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')),\n"
        "  pg_catalog.obj_description(c.oid, 'pg_class'), pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(c.relowner))\n"
        "FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid\n"
        "  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1"), error);
    if (!info)
        return std::nullopt;
    const auto field = [&](int column) { return info->value(0, column); };
    const QString name = field(0);
    QString out = QStringLiteral("CREATE %1SEQUENCE %2\n    AS %3\n    INCREMENT BY %4\n    MINVALUE %5\n"
                                 "    MAXVALUE %6\n    START WITH %7\n    CACHE %8\n    %9CYCLE;\n")
                      .arg(field(8) == u"u" ? QStringLiteral("UNLOGGED ") : QString(), name, field(1), field(2),
                           field(3), field(4), field(5), field(6), field(7) == u"t" ? QString() : QStringLiteral("NO "));
    const QString owner = field(9);
    if (owner.endsWith(u" i")) { // an identity column's sequence is made with its column
        QString commented = out;
        commented.replace(u'\n', QStringLiteral("\n-- "));
        commented.chop(3);
        return tr("-- The identity sequence of %1: ALTER TABLE … ALTER COLUMN makes and changes it.\n")
                   .arg(owner.chopped(2))
            + QStringLiteral("-- ") + commented;
    }
    if (ownedByTable)
        return out;
    if (owner.endsWith(u" a"))
        out += QStringLiteral("ALTER SEQUENCE %1 OWNED BY %2;\n").arg(name, owner.chopped(2));
    out += u'\n';
    if (!field(10).isEmpty())
        out += QStringLiteral("COMMENT ON SEQUENCE %1 IS %2;\n").arg(name, literal(field(10)));
    out += QStringLiteral("ALTER SEQUENCE %1 OWNER TO %2;\n").arg(name, field(11));
    return withPrivileges(sequence, out, error);
}

std::optional<QString> CatalogBrowser::functionDdl(const CatalogObject &function, QString *error)
{
    const std::optional<SqlOutcome> info = one(function, function.database, QStringLiteral(
        "SELECT pg_catalog.pg_get_functiondef(p.oid),\n"
        "  pg_catalog.format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)),\n"
        "  pg_catalog.obj_description(p.oid, 'pg_proc'), pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(p.proowner))\n"
        "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE p.oid = $1"), error);
    if (!info)
        return std::nullopt;
    const QString word = objectWord(function.kind), name = info->value(0, 1);
    QString out = statement(info->value(0, 0)) + u'\n';
    if (!info->value(0, 2).isEmpty())
        out += QStringLiteral("COMMENT ON %1 %2 IS %3;\n").arg(word, name, literal(info->value(0, 2)));
    out += QStringLiteral("ALTER %1 %2 OWNER TO %3;\n").arg(word, name, info->value(0, 3));
    return withPrivileges(function, out, error);
}

std::optional<QString> CatalogBrowser::aggregateDdl(const CatalogObject &aggregate, QString *error)
{
    const std::optional<SqlOutcome> info = one(aggregate, aggregate.database, QStringLiteral(
        "SELECT pg_catalog.format('%I.%I', n.nspname, p.proname), pg_catalog.pg_get_function_identity_arguments(p.oid),\n"
        "  pg_catalog.concat_ws(E',\\n    ', 'SFUNC = ' || a.aggtransfn::pg_catalog.regproc,\n"
        "    'STYPE = ' || pg_catalog.format_type(a.aggtranstype, NULL),\n"
        "    'FINALFUNC = ' || nullif(a.aggfinalfn::pg_catalog.oid, 0)::pg_catalog.regproc,\n"
        "    CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,\n"
        "    'COMBINEFUNC = ' || nullif(a.aggcombinefn::pg_catalog.oid, 0)::pg_catalog.regproc,\n"
        "    'SERIALFUNC = ' || nullif(a.aggserialfn::pg_catalog.oid, 0)::pg_catalog.regproc,\n"
        "    'DESERIALFUNC = ' || nullif(a.aggdeserialfn::pg_catalog.oid, 0)::pg_catalog.regproc,\n"
        "    'INITCOND = ' || pg_catalog.quote_literal(a.agginitval),\n"
        "    'SORTOP = ' || (SELECT o.oprname FROM pg_catalog.pg_operator o WHERE o.oid = a.aggsortop),\n"
        "    CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,\n"
        "    CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END),\n"
        "  pg_catalog.obj_description(p.oid, 'pg_proc'), pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(p.proowner))\n"
        "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"
        "  JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE p.oid = $1"), error);
    if (!info)
        return std::nullopt;
    const QString name = QStringLiteral("%1(%2)").arg(info->value(0, 0), info->value(0, 1));
    QString out = QStringLiteral("CREATE AGGREGATE %1 (\n    %2\n);\n\n").arg(name, info->value(0, 2));
    if (!info->value(0, 3).isEmpty())
        out += QStringLiteral("COMMENT ON AGGREGATE %1 IS %2;\n").arg(name, literal(info->value(0, 3)));
    out += QStringLiteral("ALTER AGGREGATE %1 OWNER TO %2;\n").arg(name, info->value(0, 4));
    return out;
}

std::optional<QString> CatalogBrowser::typeDdl(const CatalogObject &type, QString *error)
{
    const std::optional<SqlOutcome> info = one(type, type.database, QStringLiteral(
        "SELECT pg_catalog.format('%I.%I', n.nspname, t.typname), t.typtype,\n"
        "  CASE t.typtype\n"
        "    WHEN 'e' THEN 'AS ENUM (' || (SELECT coalesce(pg_catalog.string_agg(pg_catalog.quote_literal(e.enumlabel), ', '\n"
        "      ORDER BY e.enumsortorder), '') FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) || ')'\n"
        "    WHEN 'c' THEN E'AS (\\n' || (SELECT pg_catalog.string_agg(pg_catalog.format('    %I %s', a.attname,\n"
        "      pg_catalog.format_type(a.atttypid, a.atttypmod)), E',\\n' ORDER BY a.attnum) FROM pg_catalog.pg_attribute a\n"
        "      WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) || E'\\n)'\n"
        "    WHEN 'r' THEN (SELECT pg_catalog.concat_ws(E',\\n    ', E'AS RANGE (\\n    SUBTYPE = ' || pg_catalog.format_type(r.rngsubtype, NULL),\n"
        "        'SUBTYPE_DIFF = ' || nullif(r.rngsubdiff::pg_catalog.oid, 0)::pg_catalog.regproc,\n"
        "        'CANONICAL = ' || nullif(r.rngcanonical::pg_catalog.oid, 0)::pg_catalog.regproc,\n"
        "        'MULTIRANGE_TYPE_NAME = ' || r.rngmultitypid::pg_catalog.regtype) || E'\\n)'\n"
        "      FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid)\n"
        "    WHEN 'd' THEN 'AS ' || pg_catalog.format_type(t.typbasetype, t.typtypmod)\n"
        "      || coalesce(' COLLATE ' || (SELECT pg_catalog.format('%I.%I', cn.nspname, co.collname) FROM pg_catalog.pg_collation co\n"
        "        JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = t.typcollation\n"
        "        AND t.typcollation <> (SELECT b.typcollation FROM pg_catalog.pg_type b WHERE b.oid = t.typbasetype)), '')\n"
        "      || coalesce(E'\\n    DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN E'\\n    NOT NULL' ELSE '' END\n"
        "      || coalesce((SELECT pg_catalog.string_agg(pg_catalog.format(E'\\n    CONSTRAINT %I %s', o.conname,\n"
        "        pg_catalog.pg_get_constraintdef(o.oid, true)), '' ORDER BY o.conname) FROM pg_catalog.pg_constraint o\n"
        "        WHERE o.contypid = t.oid AND o.contype = 'c'), '')\n"
        "  END,\n"
        "  pg_catalog.obj_description(t.oid, 'pg_type'), pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(t.typowner)),\n"
        "  t.typinput::pg_catalog.regproc, t.typoutput::pg_catalog.regproc\n"
        "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE t.oid = $1"), error);
    if (!info)
        return std::nullopt;
    const QString name = info->value(0, 0), typtype = info->value(0, 1);
    if (typtype == u"b")
        return tr("-- %1 is a base type, written in C: its input function is %2 and its output function %3.\n")
            .arg(name, info->value(0, 5), info->value(0, 6));
    const QString word = typtype == u"d" ? QStringLiteral("DOMAIN") : QStringLiteral("TYPE");
    QString out = QStringLiteral("CREATE %1 %2 %3;\n\n").arg(word, name, info->value(0, 2));
    if (!info->value(0, 3).isEmpty())
        out += QStringLiteral("COMMENT ON %1 %2 IS %3;\n").arg(word, name, literal(info->value(0, 3)));
    out += QStringLiteral("ALTER %1 %2 OWNER TO %3;\n").arg(word, name, info->value(0, 4));
    return out;
}

std::optional<QString> CatalogBrowser::schemaDdl(const CatalogObject &schema, QString *error)
{
    const std::optional<SqlOutcome> info = one(schema, schema.database, QStringLiteral(
        "SELECT pg_catalog.quote_ident(n.nspname), pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(n.nspowner)),\n"
        "  pg_catalog.obj_description(n.oid, 'pg_namespace')\n"
        "FROM pg_catalog.pg_namespace n WHERE n.oid = $1"), error);
    if (!info)
        return std::nullopt;
    QString out = QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1 AUTHORIZATION %2;\n").arg(info->value(0, 0), info->value(0, 1));
    if (!info->value(0, 2).isEmpty())
        out += QStringLiteral("\nCOMMENT ON SCHEMA %1 IS %2;\n").arg(info->value(0, 0), literal(info->value(0, 2)));
    return withPrivileges(schema, out, error);
}

std::optional<QString> CatalogBrowser::databaseDdl(const CatalogObject &database, QString *error)
{
    // to_jsonb reads the locale column by the name each server version gives it.
    const std::optional<SqlOutcome> info = one(database, QString(), QStringLiteral(
        "SELECT pg_catalog.quote_ident(d.datname), pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(d.datdba)),\n"
        "  pg_catalog.pg_encoding_to_char(d.encoding), d.datlocprovider, d.datcollate, d.datctype,\n"
        "  coalesce(pg_catalog.to_jsonb(d) ->> 'datlocale', pg_catalog.to_jsonb(d) ->> 'daticulocale'),\n"
        "  (SELECT pg_catalog.quote_ident(s.spcname) FROM pg_catalog.pg_tablespace s WHERE s.oid = d.dattablespace),\n"
        "  d.datconnlimit, d.datallowconn, d.datistemplate, pg_catalog.shobj_description(d.oid, 'pg_database'),\n"
        "  (SELECT s.setconfig FROM pg_catalog.pg_db_role_setting s WHERE s.setdatabase = d.oid AND s.setrole = 0)\n"
        "FROM pg_catalog.pg_database d WHERE d.oid = $1"), error);
    if (!info)
        return std::nullopt;
    const auto field = [&](int column) { return info->value(0, column); };
    const QString name = field(0);
    const QString provider = field(3) == u"i" ? QStringLiteral("icu") : field(3) == u"b" ? QStringLiteral("builtin")
                                                                                      : QStringLiteral("libc");
    QStringList options = {QStringLiteral("OWNER = ") + field(1), QStringLiteral("ENCODING = ") + literal(field(2)),
                           QStringLiteral("LOCALE_PROVIDER = ") + provider,
                           QStringLiteral("LC_COLLATE = ") + literal(field(4)),
                           QStringLiteral("LC_CTYPE = ") + literal(field(5))};
    if (provider == u"icu")
        options << QStringLiteral("ICU_LOCALE = ") + literal(field(6));
    else if (provider == u"builtin")
        options << QStringLiteral("BUILTIN_LOCALE = ") + literal(field(6));
    options << QStringLiteral("TABLESPACE = ") + field(7) << QStringLiteral("CONNECTION LIMIT = ") + field(8);
    if (field(10) == u"t")
        options << QStringLiteral("IS_TEMPLATE = true");
    if (field(9) != u"t")
        options << QStringLiteral("ALLOW_CONNECTIONS = false");
    options << QStringLiteral("TEMPLATE = template0");
    QString out = QStringLiteral("CREATE DATABASE %1\n    WITH %2;\n").arg(name, options.join(QStringLiteral("\n    ")));
    QStringList tail;
    for (const QString &setting : arrayElements(field(12)))
        tail << QStringLiteral("ALTER DATABASE %1 %2;").arg(name, settingClause(setting));
    if (!field(11).isEmpty())
        tail << QStringLiteral("COMMENT ON DATABASE %1 IS %2;").arg(name, literal(field(11)));
    if (!tail.isEmpty())
        out += u'\n' + tail.join(u'\n') + u'\n';
    return withPrivileges(database, out, error);
}

std::optional<QString> CatalogBrowser::roleDdl(const CatalogObject &role, QString *error)
{
    const std::optional<SqlOutcome> info = one(role, QString(), QStringLiteral(
        "SELECT pg_catalog.quote_ident(r.rolname),\n"
        "  pg_catalog.concat_ws(E'\\n    ', CASE WHEN r.rolcanlogin THEN 'LOGIN' ELSE 'NOLOGIN' END,\n"
        "    CASE WHEN r.rolsuper THEN 'SUPERUSER' ELSE 'NOSUPERUSER' END,\n"
        "    CASE WHEN r.rolinherit THEN 'INHERIT' ELSE 'NOINHERIT' END,\n"
        "    CASE WHEN r.rolcreatedb THEN 'CREATEDB' ELSE 'NOCREATEDB' END,\n"
        "    CASE WHEN r.rolcreaterole THEN 'CREATEROLE' ELSE 'NOCREATEROLE' END,\n"
        "    CASE WHEN r.rolreplication THEN 'REPLICATION' ELSE 'NOREPLICATION' END,\n"
        "    CASE WHEN r.rolbypassrls THEN 'BYPASSRLS' ELSE 'NOBYPASSRLS' END,\n"
        "    'CONNECTION LIMIT ' || r.rolconnlimit,\n"
        "    'VALID UNTIL ' || pg_catalog.quote_literal(r.rolvaliduntil::text)),\n"
        "  (SELECT pg_catalog.string_agg(pg_catalog.format('GRANT %I TO %I%s;', g.rolname, r.rolname,\n"
        "      CASE WHEN m.admin_option THEN ' WITH ADMIN OPTION' ELSE '' END), E'\\n' ORDER BY g.rolname)\n"
        "    FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid),\n"
        "  r.rolconfig, pg_catalog.shobj_description(r.oid, 'pg_authid')\n"
        "FROM pg_catalog.pg_roles r WHERE r.oid = $1"), error);
    if (!info)
        return std::nullopt;
    const QString name = info->value(0, 0);
    QString out = QStringLiteral("CREATE ROLE %1 WITH\n    %2;\n").arg(name, info->value(0, 1));
    QStringList tail;
    if (!info->value(0, 2).isEmpty())
        tail << info->value(0, 2);
    for (const QString &setting : arrayElements(info->value(0, 3)))
        tail << QStringLiteral("ALTER ROLE %1 %2;").arg(name, settingClause(setting));
    if (!info->value(0, 4).isEmpty())
        tail << QStringLiteral("COMMENT ON ROLE %1 IS %2;").arg(name, literal(info->value(0, 4)));
    if (!tail.isEmpty())
        out += u'\n' + tail.join(u'\n') + u'\n';
    return out;
}

std::optional<QString> CatalogBrowser::withPrivileges(const CatalogObject &object, const QString &ddl, QString *error)
{
    const std::optional<QString> grants = privileges(object, error);
    return grants ? std::optional<QString>(ddl + *grants) : std::nullopt;
}

std::optional<QString> CatalogBrowser::privileges(const CatalogObject &object, QString *error)
{
    using K = CatalogObject::Kind;
    // The catalog, its ACL and owner columns, and acldefault()'s letter for the kind.
    QString catalog, acl, owner, letter, word = objectWord(object.kind), name = object.sqlName;
    switch (object.kind) {
    case K::Database:
        catalog = QStringLiteral("pg_database"), acl = QStringLiteral("datacl"), owner = QStringLiteral("datdba"),
        letter = u'd';
        break;
    case K::Schema:
        catalog = QStringLiteral("pg_namespace"), acl = QStringLiteral("nspacl"), owner = QStringLiteral("nspowner"),
        letter = u'n';
        break;
    case K::Function: case K::Procedure: case K::WindowFunction:
        catalog = QStringLiteral("pg_proc"), acl = QStringLiteral("proacl"), owner = QStringLiteral("proowner"),
        letter = u'f';
        word = word == u"PROCEDURE" ? word : QStringLiteral("FUNCTION");
        break;
    case K::Sequence:
        catalog = QStringLiteral("pg_class"), acl = QStringLiteral("relacl"), owner = QStringLiteral("relowner"),
        letter = u's';
        break;
    default:
        catalog = QStringLiteral("pg_class"), acl = QStringLiteral("relacl"), owner = QStringLiteral("relowner"),
        letter = u'r';
        word = QStringLiteral("TABLE");
        break;
    }
    const QString sql = QStringLiteral(
        "WITH o AS (SELECT %2 AS acl, %3 AS owner FROM pg_catalog.%1 WHERE oid = $1),\n"
        "  actual AS (SELECT a.grantee, a.privilege_type, a.is_grantable\n"
        "    FROM o, pg_catalog.aclexplode(coalesce(o.acl, pg_catalog.acldefault('%4', o.owner))) a),\n"
        "  standard AS (SELECT a.grantee, a.privilege_type, a.is_grantable\n"
        "    FROM o, pg_catalog.aclexplode(pg_catalog.acldefault('%4', o.owner)) a),\n"
        "  change AS (SELECT 'GRANT' AS verb, * FROM (SELECT * FROM actual EXCEPT SELECT * FROM standard) g\n"
        "    UNION ALL SELECT 'REVOKE', * FROM (SELECT * FROM standard EXCEPT SELECT * FROM actual) r)\n"
        "SELECT verb, CASE WHEN grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(grantee)) END,\n"
        "  pg_catalog.string_agg(privilege_type, ', ' ORDER BY privilege_type), is_grantable\n"
        "FROM change GROUP BY verb, grantee, is_grantable ORDER BY verb DESC, 2")
                            .arg(catalog, acl, owner, letter);
    const SqlOutcome outcome = run(object.kind == K::Database ? QString() : object.database, sql,
                                   {QString::number(object.oid)});
    if (!outcome.ok) {
        *error = outcome.message;
        return std::nullopt;
    }
    QString out;
    for (qsizetype r = 0; r < outcome.result.rowCount(); ++r) {
        const ResultSet &g = outcome.result;
        out += g.text(r, 0) == u"GRANT"
            ? QStringLiteral("GRANT %1 ON %2 %3 TO %4%5;\n")
                  .arg(g.text(r, 2), word, name, g.text(r, 1),
                       g.text(r, 3) == u"t" ? QStringLiteral(" WITH GRANT OPTION") : QString())
            : QStringLiteral("REVOKE %1 ON %2 %3 FROM %4;\n").arg(g.text(r, 2), word, name, g.text(r, 1));
    }
    return out.isEmpty() ? out : u'\n' + out;
}
