#include "metacommand.h"

#include "graderconnection.h"
#include "resultformatter.h"

#include <QRegularExpression>

namespace {
const QString SystemSchemas = QStringLiteral("n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema'");

QString relationTypeName()
{
    return QStringLiteral("CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' "
                          "WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' "
                          "WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' "
                          "WHEN 'I' THEN 'partitioned index' END");
}

QString inList(const QString &relkinds)
{
    QStringList quoted;
    for (const QChar k : relkinds)
        quoted << u'\'' + QString(k) + u'\'';
    return quoted.join(QStringLiteral(", "));
}

// The header a footer section starts with; sections without one are single lines.
QString sectionHeader(int section)
{
    switch (section) {
    case 10: return MetaCommand::tr("Indexes:");
    case 11: return MetaCommand::tr("Check constraints:");
    case 12: return MetaCommand::tr("Foreign-key constraints:");
    case 13: return MetaCommand::tr("Referenced by:");
    case 15: return MetaCommand::tr("Triggers:");
    case 16: return MetaCommand::tr("Disabled user triggers:");
    default: return {};
    }
}
} // namespace

NamePattern NamePattern::parse(const QString &pattern)
{
    NamePattern result;
    if (pattern.isEmpty())
        return result;
    QStringList parts{QString()};
    bool quoted = false;
    static const QString special = QStringLiteral("|*+?()[]{}.^$\\");
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar ch = pattern.at(i);
        QString &part = parts.last();
        if (ch == u'"') {
            if (quoted && i + 1 < pattern.size() && pattern.at(i + 1) == u'"') {
                part += u'"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (quoted) {
            part += special.contains(ch) ? QStringLiteral("\\") + ch : QString(ch);
        } else if (ch == u'.') {
            parts << QString();
        } else if (ch == u'*') {
            part += QStringLiteral(".*");
        } else if (ch == u'?') {
            part += u'.';
        } else if (ch == u'$') {
            part += QStringLiteral("\\$");
        } else {
            part += ch.toLower();
        }
    }
    const auto regex = [](const QString &part) {
        return part.isEmpty() || part == u".*" ? QString() : QStringLiteral("^(") + part + QStringLiteral(")$");
    };
    result.name = regex(parts.last());
    if (parts.size() > 1) {
        result.schema = regex(parts.at(parts.size() - 2));
        if (result.schema.isEmpty())
            result.schema = QStringLiteral("^(.*)$"); // "*.orders": any schema, not only visible ones
    }
    return result;
}

QString NamePattern::condition(const QString &schemaColumn, const QString &nameColumn, const QString &visibleExpr) const
{
    QStringList terms;
    if (!name.isEmpty())
        terms << QStringLiteral("%1 OPERATOR(pg_catalog.~) %2 COLLATE pg_catalog.default").arg(nameColumn, GraderConnection::literal(name));
    if (!schema.isEmpty())
        terms << QStringLiteral("%1 OPERATOR(pg_catalog.~) %2 COLLATE pg_catalog.default").arg(schemaColumn, GraderConnection::literal(schema));
    else if (!visibleExpr.isEmpty())
        terms << visibleExpr;
    return terms.join(QStringLiteral(" AND "));
}

MetaCommand MetaCommand::parse(const QString &text)
{
    MetaCommand m;
    QString command = text.trimmed();
    if (command.startsWith(u'\\'))
        command.remove(0, 1);
    const qsizetype space = command.indexOf(QRegularExpression(QStringLiteral("\\s")));
    m.m_name = space < 0 ? command : command.left(space);
    m.m_argument = space < 0 ? QString() : command.mid(space).trimmed();
    QString base = m.m_name;
    if (base.endsWith(u'+') && base != u"+") {
        m.m_plus = true;
        base.chop(1);
    }
    if (base.size() > 1 && base.startsWith(u'd') && base.endsWith(u'S')) {
        m.m_system = true;
        base.chop(1);
    }
    static const QHash<QString, QString> relationLists = {{QStringLiteral("dt"), QStringLiteral("rp")},
                                                          {QStringLiteral("di"), QStringLiteral("iI")},
                                                          {QStringLiteral("dv"), QStringLiteral("v")},
                                                          {QStringLiteral("dm"), QStringLiteral("m")},
                                                          {QStringLiteral("ds"), QStringLiteral("S")}};
    if (base == u"d") {
        m.m_kind = m.m_argument.isEmpty() ? Kind::ListRelations : Kind::Describe;
        m.m_relkinds = QStringLiteral("rpvmSf");
    } else if (relationLists.contains(base)) {
        m.m_kind = Kind::ListRelations;
        m.m_relkinds = relationLists.value(base);
    } else if (base == u"dn") {
        m.m_kind = Kind::ListSchemas;
    } else if (base == u"du" || base == u"dg") {
        m.m_kind = Kind::ListRoles;
    } else if (base == u"l" || base == u"list") {
        m.m_kind = Kind::ListDatabases;
    } else if (base == u"dx") {
        m.m_kind = Kind::ListExtensions;
    } else if (base == u"df") {
        m.m_kind = Kind::ListFunctions;
    } else if (base == u"dp" || base == u"z") {
        m.m_kind = Kind::Privileges;
    } else if (base == u"conninfo") {
        m.m_kind = Kind::ConnInfo;
    } else if (base == u"timing") {
        m.m_kind = Kind::Timing;
    } else if (base == u"x") {
        m.m_kind = Kind::Expanded;
    }
    return m;
}

bool MetaCommand::runsQueries() const
{
    return m_kind != Kind::Unsupported && m_kind != Kind::ConnInfo && m_kind != Kind::Timing && m_kind != Kind::Expanded;
}

QString MetaCommand::relationListQuery() const
{
    const bool indexes = m_relkinds == u"iI";
    QStringList columns = {QStringLiteral("n.nspname AS \"Schema\""), QStringLiteral("c.relname AS \"Name\""),
                           relationTypeName() + QStringLiteral(" AS \"Type\""),
                           QStringLiteral("pg_catalog.pg_get_userbyid(c.relowner) AS \"Owner\"")};
    if (indexes)
        columns << QStringLiteral("c2.relname AS \"Table\"");
    if (m_plus) {
        columns << QStringLiteral("CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' "
                                  "WHEN 'u' THEN 'unlogged' END AS \"Persistence\"");
        if (m_relkinds.contains(u'r') || m_relkinds.contains(u'i') || m_relkinds.contains(u'm'))
            columns << QStringLiteral("am.amname AS \"Access method\"");
        columns << QStringLiteral("pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) AS \"Size\"")
                << QStringLiteral("pg_catalog.obj_description(c.oid, 'pg_class') AS \"Description\"");
    }
    QString from = QStringLiteral("pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                  "LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam");
    if (indexes)
        from += QStringLiteral(" LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid "
                               "LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid");
    QStringList where = {QStringLiteral("c.relkind IN (%1)").arg(inList(m_relkinds))};
    if (!m_system && m_argument.isEmpty())
        where << SystemSchemas;
    where << QStringLiteral("n.nspname !~ '^pg_toast'");
    const QString pattern = NamePattern::parse(m_argument).condition(QStringLiteral("n.nspname"), QStringLiteral("c.relname"),
                                                                     QStringLiteral("pg_catalog.pg_table_is_visible(c.oid)"));
    if (!pattern.isEmpty())
        where << pattern;
    return QStringLiteral("SELECT %1\nFROM %2\nWHERE %3\nORDER BY 1, 2;").arg(columns.join(QStringLiteral(",\n  ")), from,
                                                                         where.join(QStringLiteral("\n  AND ")));
}

QString MetaCommand::notFound() const
{
    return m_argument.isEmpty() ? tr("Did not find any relations.")
                                : tr("Did not find any relation named \"%1\".").arg(m_argument);
}

QString MetaCommand::nextQuery()
{
    QString sql;
    switch (m_kind) {
    case Kind::ListRelations:
        if (m_step == Step::Start)
            sql = relationListQuery();
        break;
    case Kind::ListSchemas:
        if (m_step == Step::Start) {
            QStringList columns = {QStringLiteral("n.nspname AS \"Name\""),
                                   QStringLiteral("pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\"")};
            if (m_plus)
                columns << QStringLiteral("pg_catalog.array_to_string(n.nspacl, E'\\n') AS \"Access privileges\"")
                        << QStringLiteral("pg_catalog.obj_description(n.oid, 'pg_namespace') AS \"Description\"");
            QStringList where;
            if (!m_system && m_argument.isEmpty())
                where << QStringLiteral("n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'");
            const QString pattern = NamePattern::parse(m_argument).condition(QString(), QStringLiteral("n.nspname"), QString());
            if (!pattern.isEmpty())
                where << pattern;
            sql = QStringLiteral("SELECT %1\nFROM pg_catalog.pg_namespace n%2\nORDER BY 1;")
                      .arg(columns.join(QStringLiteral(",\n  ")),
                           where.isEmpty() ? QString() : QStringLiteral("\nWHERE ") + where.join(QStringLiteral(" AND ")));
        }
        break;
    case Kind::ListRoles:
        if (m_step == Step::Start) {
            QStringList where = {QStringLiteral("r.rolname !~ '^pg_'")};
            const QString pattern = NamePattern::parse(m_argument).condition(QString(), QStringLiteral("r.rolname"), QString());
            if (!pattern.isEmpty())
                where = {pattern};
            // The attributes as psql lists them, each only when the role has it.
            sql = QStringLiteral(
                      "SELECT r.rolname AS \"Role name\",\n"
                      "  pg_catalog.concat_ws(E'\\n', pg_catalog.array_to_string(ARRAY[\n"
                      "    CASE WHEN r.rolsuper THEN 'Superuser' END,\n"
                      "    CASE WHEN NOT r.rolinherit THEN 'No inheritance' END,\n"
                      "    CASE WHEN r.rolcreaterole THEN 'Create role' END,\n"
                      "    CASE WHEN r.rolcreatedb THEN 'Create DB' END,\n"
                      "    CASE WHEN NOT r.rolcanlogin THEN 'Cannot login' END,\n"
                      "    CASE WHEN r.rolreplication THEN 'Replication' END,\n"
                      "    CASE WHEN r.rolbypassrls THEN 'Bypass RLS' END], ', '),\n"
                      "    CASE WHEN r.rolconnlimit >= 0 THEN CASE WHEN r.rolconnlimit = 1 THEN '1 connection' "
                      "ELSE r.rolconnlimit || ' connections' END END,\n"
                      "    CASE WHEN r.rolvaliduntil IS NOT NULL THEN 'Password valid until ' || r.rolvaliduntil END)"
                      " AS \"Attributes\"%1\n"
                      "FROM pg_catalog.pg_roles r\nWHERE %2\nORDER BY 1;")
                      .arg(m_plus ? QStringLiteral(",\n  pg_catalog.shobj_description(r.oid, 'pg_authid') AS \"Description\"")
                                  : QString(),
                           where.join(QStringLiteral(" AND ")));
        }
        break;
    case Kind::ListDatabases:
        if (m_step == Step::Start) {
            const QString pattern = NamePattern::parse(m_argument).condition(QString(), QStringLiteral("d.datname"), QString());
            sql = QStringLiteral(
                      "SELECT d.datname AS \"Name\",\n"
                      "  pg_catalog.pg_get_userbyid(d.datdba) AS \"Owner\",\n"
                      "  pg_catalog.pg_encoding_to_char(d.encoding) AS \"Encoding\",\n"
                      "  CASE d.datlocprovider WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END "
                      "AS \"Locale Provider\",\n"
                      "  d.datcollate AS \"Collate\",\n  d.datctype AS \"Ctype\",\n"
                      "  d.datlocale AS \"Locale\",\n  d.daticurules AS \"ICU Rules\",\n"
                      "  pg_catalog.array_to_string(d.datacl, E'\\n') AS \"Access privileges\"%1\n"
                      "FROM pg_catalog.pg_database d%2\nORDER BY 1;")
                      .arg(m_plus ? QStringLiteral(",\n  CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT') "
                                                   "THEN pg_catalog.pg_size_pretty(pg_catalog.pg_database_size(d.datname)) "
                                                   "ELSE 'No Access' END AS \"Size\",\n"
                                                   "  t.spcname AS \"Tablespace\",\n"
                                                   "  pg_catalog.shobj_description(d.oid, 'pg_database') AS \"Description\"")
                                  : QString(),
                           (m_plus ? QStringLiteral("\n  JOIN pg_catalog.pg_tablespace t ON d.dattablespace = t.oid") : QString())
                               + (pattern.isEmpty() ? QString() : QStringLiteral("\nWHERE ") + pattern));
        }
        break;
    case Kind::ListExtensions:
        if (m_step == Step::Start) {
            const QString pattern = NamePattern::parse(m_argument).condition(QString(), QStringLiteral("e.extname"), QString());
            sql = QStringLiteral("SELECT e.extname AS \"Name\", e.extversion AS \"Version\", n.nspname AS \"Schema\",\n"
                                 "  c.description AS \"Description\"\n"
                                 "FROM pg_catalog.pg_extension e\n"
                                 "  LEFT JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace\n"
                                 "  LEFT JOIN pg_catalog.pg_description c ON c.objoid = e.oid "
                                 "AND c.classoid = 'pg_catalog.pg_extension'::pg_catalog.regclass%1\n"
                                 "ORDER BY 1;")
                      .arg(pattern.isEmpty() ? QString() : QStringLiteral("\nWHERE ") + pattern);
        }
        break;
    case Kind::ListFunctions:
        if (m_step == Step::Start) {
            QStringList where;
            if (!m_system && m_argument.isEmpty())
                where << SystemSchemas;
            const QString pattern = NamePattern::parse(m_argument).condition(
                QStringLiteral("n.nspname"), QStringLiteral("p.proname"), QStringLiteral("pg_catalog.pg_function_is_visible(p.oid)"));
            if (!pattern.isEmpty())
                where << pattern;
            sql = QStringLiteral("SELECT n.nspname AS \"Schema\", p.proname AS \"Name\",\n"
                                 "  pg_catalog.pg_get_function_result(p.oid) AS \"Result data type\",\n"
                                 "  pg_catalog.pg_get_function_arguments(p.oid) AS \"Argument data types\",\n"
                                 "  CASE p.prokind WHEN 'a' THEN 'agg' WHEN 'w' THEN 'window' WHEN 'p' THEN 'proc' "
                                 "ELSE 'func' END AS \"Type\"\n"
                                 "FROM pg_catalog.pg_proc p\n"
                                 "  LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace%1\n"
                                 "ORDER BY 1, 2, 4;")
                      .arg(where.isEmpty() ? QString() : QStringLiteral("\nWHERE ") + where.join(QStringLiteral(" AND ")));
        }
        break;
    case Kind::Privileges:
        if (m_step == Step::Start) {
            QStringList where = {QStringLiteral("c.relkind IN ('r', 'v', 'm', 'S', 'f', 'p')")};
            if (!m_system && m_argument.isEmpty())
                where << QStringLiteral("n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'");
            const QString pattern = NamePattern::parse(m_argument).condition(QStringLiteral("n.nspname"), QStringLiteral("c.relname"),
                                                                             QStringLiteral("pg_catalog.pg_table_is_visible(c.oid)"));
            if (!pattern.isEmpty())
                where << pattern;
            sql = QStringLiteral(
                      "SELECT n.nspname AS \"Schema\", c.relname AS \"Name\",\n  %1 AS \"Type\",\n"
                      "  pg_catalog.array_to_string(c.relacl, E'\\n') AS \"Access privileges\",\n"
                      "  pg_catalog.array_to_string(ARRAY(\n"
                      "    SELECT attname || E':\\n  ' || pg_catalog.array_to_string(attacl, E'\\n  ')\n"
                      "    FROM pg_catalog.pg_attribute a\n"
                      "    WHERE attrelid = c.oid AND NOT attisdropped AND attacl IS NOT NULL), E'\\n') AS \"Column privileges\",\n"
                      "  pg_catalog.array_to_string(ARRAY(\n"
                      "    SELECT polname || CASE WHEN NOT polpermissive THEN E' (RESTRICTIVE)' ELSE '' END\n"
                      "      || CASE WHEN polcmd <> '*' THEN E' (' || polcmd::pg_catalog.text || E'):' ELSE E':' END\n"
                      "      || CASE WHEN polqual IS NOT NULL THEN E'\\n  (u): ' || pg_catalog.pg_get_expr(polqual, polrelid) ELSE '' END\n"
                      "      || CASE WHEN polwithcheck IS NOT NULL THEN E'\\n  (c): ' || pg_catalog.pg_get_expr(polwithcheck, polrelid) ELSE '' END\n"
                      "      || CASE WHEN polroles <> '{0}' THEN E'\\n  to: ' || pg_catalog.array_to_string(ARRAY(\n"
                      "           SELECT rolname FROM pg_catalog.pg_roles WHERE oid = ANY (polroles) ORDER BY 1), E', ') ELSE '' END\n"
                      "    FROM pg_catalog.pg_policy pol WHERE polrelid = c.oid), E'\\n') AS \"Policies\"\n"
                      "FROM pg_catalog.pg_class c\n  LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                      "WHERE %2\nORDER BY 1, 2;")
                      .arg(relationTypeName(), where.join(QStringLiteral("\n  AND ")));
        }
        break;
    case Kind::Describe:
        if (m_step == Step::Start) {
            const QString pattern = NamePattern::parse(m_argument).condition(QStringLiteral("n.nspname"), QStringLiteral("c.relname"),
                                                                             QStringLiteral("pg_catalog.pg_table_is_visible(c.oid)"));
            sql = QStringLiteral("SELECT c.oid, n.nspname, c.relname, c.relkind, c.relpersistence, coalesce(am.amname, '')\n"
                                 "FROM pg_catalog.pg_class c\n"
                                 "  LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                                 "  LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam\n"
                                 "WHERE %1\nORDER BY 2, 3;")
                      .arg(pattern.isEmpty() ? QStringLiteral("true") : pattern);
        } else if (m_step == Step::Columns || m_step == Step::Footers) {
            const Found &f = m_found.at(m_describing);
            sql = m_step == Step::Columns ? describeColumnsQuery(f.oid, f.relkind) : footersQuery(f.oid, f.relkind);
        }
        break;
    default:
        break;
    }
    if (!sql.isEmpty())
        m_sent << sql;
    return sql;
}

QString MetaCommand::describeColumnsQuery(const QString &oid, QChar relkind) const
{
    const bool index = relkind == u'i' || relkind == u'I';
    if (relkind == u'S')
        return QStringLiteral("SELECT pg_catalog.format_type(s.seqtypid, NULL) AS \"Type\", s.seqstart AS \"Start\",\n"
                              "  s.seqmin AS \"Minimum\", s.seqmax AS \"Maximum\", s.seqincrement AS \"Increment\",\n"
                              "  CASE WHEN s.seqcycle THEN 'yes' ELSE 'no' END AS \"Cycles?\", s.seqcache AS \"Cache\"\n"
                              "FROM pg_catalog.pg_sequence s\nWHERE s.seqrelid = '%1';")
            .arg(oid);
    QStringList columns = {QStringLiteral("a.attname AS \"Column\""),
                           QStringLiteral("pg_catalog.format_type(a.atttypid, a.atttypmod) AS \"Type\"")};
    if (index) {
        columns << QStringLiteral("CASE WHEN a.attnum <= i.indnkeyatts THEN 'yes' ELSE 'no' END AS \"Key?\"")
                << QStringLiteral("pg_catalog.pg_get_indexdef(a.attrelid, a.attnum, true) AS \"Definition\"");
    } else {
        columns << QStringLiteral("(SELECT co.collname FROM pg_catalog.pg_collation co, pg_catalog.pg_type t\n"
                                  "    WHERE co.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation)"
                                  " AS \"Collation\"")
                << QStringLiteral("CASE WHEN a.attnotnull THEN 'not null' ELSE '' END AS \"Nullable\"")
                << QStringLiteral("CASE a.attidentity WHEN 'a' THEN 'generated always as identity'\n"
                                  "    WHEN 'd' THEN 'generated by default as identity'\n"
                                  "    ELSE CASE WHEN a.attgenerated = 's' THEN 'generated always as ('\n"
                                  "      || pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) || ') stored'\n"
                                  "    ELSE pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) END END AS \"Default\"");
    }
    if (m_plus) {
        columns << QStringLiteral("CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main' "
                                  "WHEN 'x' THEN 'extended' END AS \"Storage\"");
        if (relkind == u'r' || relkind == u'p' || relkind == u'm')
            columns << QStringLiteral("CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END AS \"Compression\"");
        if (relkind != u'v')
            columns << QStringLiteral("a.attstattarget AS \"Stats target\"");
        if (!index)
            columns << QStringLiteral("pg_catalog.col_description(a.attrelid, a.attnum) AS \"Description\"");
    }
    return QStringLiteral("SELECT %1\nFROM pg_catalog.pg_attribute a\n%2\n"
                          "WHERE a.attrelid = '%3' AND a.attnum > 0 AND NOT a.attisdropped\nORDER BY a.attnum;")
        .arg(columns.join(QStringLiteral(",\n  ")),
             index ? QStringLiteral("  JOIN pg_catalog.pg_index i ON i.indexrelid = a.attrelid")
                   : QStringLiteral("  LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"),
             oid);
}

// Every footer of the relation in one query: (section, sort key, text). Sections 10 and
// up have a header and their lines are indented; the others are lines of their own.
QString MetaCommand::footersQuery(const QString &oid, QChar relkind) const
{
    QStringList parts;
    const QString self = QStringLiteral("'%1'::pg_catalog.oid").arg(oid);
    if (relkind == u'i' || relkind == u'I') {
        parts << QStringLiteral(
                     "SELECT 1, '', pg_catalog.concat(\n"
                     "    CASE WHEN i.indisprimary THEN 'primary key, ' WHEN i.indisunique THEN 'unique'\n"
                     "      || CASE WHEN i.indnullsnotdistinct THEN ' nulls not distinct' ELSE '' END || ', ' END,\n"
                     "    am.amname, ', for table \"', tn.nspname, '.', t.relname, '\"',\n"
                     "    CASE WHEN i.indpred IS NOT NULL THEN ', predicate (' || pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) || ')' END,\n"
                     "    CASE WHEN i.indisclustered THEN ', clustered' END,\n"
                     "    CASE WHEN NOT i.indisvalid THEN ', invalid' END,\n"
                     "    CASE WHEN con.condeferrable THEN ', deferrable' END,\n"
                     "    CASE WHEN con.condeferred THEN ', initially deferred' END,\n"
                     "    CASE WHEN i.indisreplident THEN ', replica identity' END)\n"
                     "FROM pg_catalog.pg_index i\n"
                     "  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid\n"
                     "  JOIN pg_catalog.pg_am am ON am.oid = ic.relam\n"
                     "  JOIN pg_catalog.pg_class t ON t.oid = i.indrelid\n"
                     "  JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace\n"
                     "  LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x')\n"
                     "WHERE i.indexrelid = %1")
                     .arg(self);
    } else if (relkind == u'S') {
        parts << QStringLiteral("SELECT 1, '', CASE d.deptype WHEN 'i' THEN 'Sequence for identity column: ' ELSE 'Owned by: ' END\n"
                                "    || pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(t.relname) || '.'\n"
                                "    || pg_catalog.quote_ident(a.attname)\n"
                                "FROM pg_catalog.pg_depend d\n"
                                "  JOIN pg_catalog.pg_class t ON t.oid = d.refobjid\n"
                                "  JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace\n"
                                "  JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid\n"
                                "WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = %1\n"
                                "  AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')")
                     .arg(self);
    } else {
        parts << QStringLiteral("SELECT 1, '', 'Partition of: ' || inhparent::pg_catalog.regclass || ' '\n"
                                "    || pg_catalog.pg_get_expr(c.relpartbound, c.oid)\n"
                                "FROM pg_catalog.pg_inherits JOIN pg_catalog.pg_class c ON c.oid = inhrelid\n"
                                "WHERE inhrelid = %1 AND c.relispartition")
                     .arg(self)
              << QStringLiteral("SELECT 2, '', 'Partition key: ' || pg_catalog.pg_get_partkeydef(%1)\n"
                                "WHERE pg_catalog.pg_get_partkeydef(%1) IS NOT NULL")
                     .arg(self)
              << QStringLiteral(
                     "SELECT 10, CASE WHEN i.indisprimary THEN '0' ELSE '1' END || c2.relname,\n"
                     "  '\"' || c2.relname || '\"' || CASE\n"
                     "    WHEN con.contype = 'x' THEN ' ' || pg_catalog.pg_get_constraintdef(con.oid, true)\n"
                     "    ELSE CASE WHEN i.indisprimary THEN ' PRIMARY KEY,'\n"
                     "      WHEN i.indisunique AND con.contype = 'u' THEN ' UNIQUE CONSTRAINT,'\n"
                     "      WHEN i.indisunique THEN ' UNIQUE,' ELSE '' END\n"
                     "      || ' ' || pg_catalog.substring(pg_catalog.pg_get_indexdef(i.indexrelid, 0, true), ' USING (.*)$')\n"
                     "      || CASE WHEN con.condeferrable THEN ' DEFERRABLE' ELSE '' END\n"
                     "      || CASE WHEN con.condeferred THEN ' INITIALLY DEFERRED' ELSE '' END END\n"
                     "    || CASE WHEN i.indisclustered THEN ' CLUSTER' ELSE '' END\n"
                     "    || CASE WHEN NOT i.indisvalid THEN ' INVALID' ELSE '' END\n"
                     "    || CASE WHEN i.indisreplident THEN ' REPLICA IDENTITY' ELSE '' END\n"
                     "FROM pg_catalog.pg_index i\n"
                     "  JOIN pg_catalog.pg_class c2 ON c2.oid = i.indexrelid\n"
                     "  LEFT JOIN pg_catalog.pg_constraint con ON con.conrelid = i.indrelid AND con.conindid = i.indexrelid\n"
                     "    AND con.contype IN ('p', 'u', 'x')\n"
                     "WHERE i.indrelid = %1")
                     .arg(self)
              << QStringLiteral("SELECT 11, conname, '\"' || conname || '\" ' || pg_catalog.pg_get_constraintdef(oid, true)\n"
                                "FROM pg_catalog.pg_constraint WHERE conrelid = %1 AND contype = 'c'")
                     .arg(self)
              << QStringLiteral("SELECT 12, conname, '\"' || conname || '\" ' || pg_catalog.pg_get_constraintdef(oid, true)\n"
                                "FROM pg_catalog.pg_constraint WHERE conrelid = %1 AND contype = 'f' AND conparentid = 0")
                     .arg(self)
              << QStringLiteral("SELECT 13, conname, 'TABLE \"' || conrelid::pg_catalog.regclass || '\" CONSTRAINT \"' || conname\n"
                                "    || '\" ' || pg_catalog.pg_get_constraintdef(oid, true)\n"
                                "FROM pg_catalog.pg_constraint WHERE confrelid = %1 AND contype = 'f' AND conparentid = 0")
                     .arg(self)
              // Row security: a header saying whether it is on, then each policy over several lines.
              << QStringLiteral("SELECT 14, '', CASE WHEN EXISTS (SELECT FROM pg_catalog.pg_policy WHERE polrelid = c.oid) THEN\n"
                                "      CASE WHEN c.relforcerowsecurity THEN 'Policies (forced row security enabled):'\n"
                                "        WHEN c.relrowsecurity THEN 'Policies:' ELSE 'Policies (row security disabled):' END\n"
                                "    ELSE CASE WHEN c.relforcerowsecurity THEN 'Policies (forced row security enabled): (none)'\n"
                                "      ELSE 'Policies (row security enabled): (none)' END END\n"
                                "FROM pg_catalog.pg_class c WHERE c.oid = %1\n"
                                "  AND (c.relrowsecurity OR EXISTS (SELECT FROM pg_catalog.pg_policy WHERE polrelid = c.oid))")
                     .arg(self)
              << QStringLiteral("SELECT 14, 'p' || polname, '    POLICY \"' || polname || '\"'\n"
                                "    || CASE WHEN NOT polpermissive THEN ' AS RESTRICTIVE' ELSE '' END\n"
                                "    || CASE polcmd WHEN 'r' THEN ' FOR SELECT' WHEN 'a' THEN ' FOR INSERT' WHEN 'w' THEN ' FOR UPDATE'\n"
                                "         WHEN 'd' THEN ' FOR DELETE' ELSE '' END\n"
                                "    || CASE WHEN polroles <> '{0}' THEN E'\\n      TO ' || pg_catalog.array_to_string(ARRAY(\n"
                                "         SELECT rolname FROM pg_catalog.pg_roles WHERE oid = ANY (polroles) ORDER BY 1), ',') ELSE '' END\n"
                                "    || CASE WHEN polqual IS NOT NULL THEN E'\\n      USING (' || pg_catalog.pg_get_expr(polqual, polrelid) || ')' ELSE '' END\n"
                                "    || CASE WHEN polwithcheck IS NOT NULL THEN E'\\n      WITH CHECK (' || pg_catalog.pg_get_expr(polwithcheck, polrelid) || ')'\n"
                                "         ELSE '' END\n"
                                "FROM pg_catalog.pg_policy WHERE polrelid = %1")
                     .arg(self)
              << QStringLiteral("SELECT CASE WHEN tgenabled = 'D' THEN 16 ELSE 15 END, tgname,\n"
                                "    pg_catalog.substring(pg_catalog.pg_get_triggerdef(oid, true), ' TRIGGER (.*)$')\n"
                                "FROM pg_catalog.pg_trigger WHERE tgrelid = %1 AND NOT tgisinternal")
                     .arg(self);
        if (m_plus && (relkind == u'v' || relkind == u'm'))
            parts << QStringLiteral("SELECT 20, '', 'View definition:' || E'\\n' || pg_catalog.pg_get_viewdef(%1, true)").arg(self);
        if (relkind == u'p') {
            parts << (m_plus ? QStringLiteral("SELECT 21, '', 'Partitions: ' || pg_catalog.string_agg(\n"
                                              "    c.oid::pg_catalog.regclass || ' ' || pg_catalog.pg_get_expr(c.relpartbound, c.oid),\n"
                                              "    E',\\n            ' ORDER BY c.oid::pg_catalog.regclass::pg_catalog.text)\n"
                                              "FROM pg_catalog.pg_inherits JOIN pg_catalog.pg_class c ON c.oid = inhrelid\n"
                                              "WHERE inhparent = %1 HAVING count(*) > 0")
                             : QStringLiteral("SELECT 21, '', 'Number of partitions: ' || count(*) || ' (Use \\d+ to list them.)'\n"
                                              "FROM pg_catalog.pg_inherits WHERE inhparent = %1 HAVING count(*) > 0"))
                         .arg(self);
        }
        if (m_plus && (relkind == u'r' || relkind == u'm'))
            parts << QStringLiteral("SELECT 22, '', 'Access method: ' || am.amname\n"
                                    "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_am am ON am.oid = c.relam WHERE c.oid = %1")
                         .arg(self);
    }
    return QStringLiteral("SELECT * FROM (\n%1\n) AS footer (section, sort, line)\nORDER BY 1, 2;")
        .arg(parts.join(QStringLiteral("\nUNION ALL\n")));
}

void MetaCommand::take(const ResultSet &result)
{
    switch (m_kind) {
    case Kind::Describe:
        if (m_step == Step::Start) {
            const auto letter = [&](qsizetype r, int c) { return result.text(r, c).isEmpty() ? QChar() : result.text(r, c).front(); };
            for (qsizetype r = 0; r < result.rowCount(); ++r)
                m_found << Found{result.text(r, 0), result.text(r, 1), result.text(r, 2), letter(r, 3), letter(r, 4),
                                 result.text(r, 5)};
            if (m_found.isEmpty()) {
                m_outputs << MetaOutput{{}, {}, {}, false, notFound(), true};
                m_step = Step::Done;
                return;
            }
            m_describing = 0;
            m_step = Step::Columns;
        } else if (m_step == Step::Columns) {
            const Found &f = m_found.at(m_describing);
            const QString name = QStringLiteral("\"%1.%2\"").arg(f.schema, f.name);
            const bool unlogged = f.persistence == u'u'; // psql names no temporary kind
            QString kind;
            switch (f.relkind.unicode()) {
            case 'r': kind = unlogged ? tr("Unlogged table %1") : tr("Table %1"); break;
            case 'p': kind = unlogged ? tr("Unlogged partitioned table %1") : tr("Partitioned table %1"); break;
            case 'v': kind = tr("View %1"); break;
            case 'm': kind = unlogged ? tr("Unlogged materialized view %1") : tr("Materialized view %1"); break;
            case 'i': kind = unlogged ? tr("Unlogged index %1") : tr("Index %1"); break;
            case 'I': kind = tr("Partitioned index %1"); break;
            case 'S': kind = unlogged ? tr("Unlogged sequence %1") : tr("Sequence %1"); break;
            case 't': kind = tr("TOAST table %1"); break;
            case 'f': kind = tr("Foreign table %1"); break;
            default: kind = tr("Relation %1"); break;
            }
            m_current = MetaOutput{kind.arg(name), result, {}, false, {}, false};
            m_step = Step::Footers;
        } else if (m_step == Step::Footers) {
            finishDescribed(result);
        }
        break;
    default:
        if (m_step == Step::Start) {
            MetaOutput out;
            out.table = result;
            switch (m_kind) {
            case Kind::ListRelations:
                if (result.rowCount() == 0) {
                    out = MetaOutput{{}, {}, {}, false, notFound(), true};
                    break;
                }
                out.title = tr("List of relations");
                break;
            case Kind::ListSchemas: out.title = tr("List of schemas"); break;
            case Kind::ListRoles:
                out.title = tr("List of roles");
                out.rowCount = false;
                break;
            case Kind::ListDatabases: out.title = tr("List of databases"); break;
            case Kind::ListExtensions: out.title = tr("List of installed extensions"); break;
            case Kind::ListFunctions: out.title = tr("List of functions"); break;
            case Kind::Privileges: out.title = tr("Access privileges"); break;
            default: break;
            }
            m_outputs << out;
        }
        m_step = Step::Done;
        break;
    }
}

void MetaCommand::finishDescribed(const ResultSet &footers)
{
    int section = -1;
    for (qsizetype r = 0; r < footers.rowCount(); ++r) {
        const int s = footers.text(r, 0).toInt();
        const QString header = sectionHeader(s);
        if (s != section && !header.isEmpty())
            m_current.footers << header;
        section = s;
        for (const QString &line : footers.text(r, 2).split(u'\n'))
            m_current.footers << (header.isEmpty() ? line : QStringLiteral("    ") + line);
    }
    m_outputs << m_current;
    m_current = MetaOutput();
    if (++m_describing < m_found.size()) {
        m_step = Step::Columns;
    } else {
        m_step = Step::Done;
    }
}

QString MetaCommand::setting(const QString &current, QString *message) const
{
    const QString arg = m_argument.toLower();
    QString next;
    if (arg.isEmpty())
        next = current == u"on" ? QStringLiteral("off") : QStringLiteral("on");
    else if (arg == u"on" || arg == u"off" || (arg == u"auto" && m_kind == Kind::Expanded))
        next = arg;
    else if (arg == u"true" || arg == u"yes" || arg == u"1")
        next = QStringLiteral("on");
    else if (arg == u"false" || arg == u"no" || arg == u"0")
        next = QStringLiteral("off");
    if (next.isEmpty()) {
        *message = tr("unrecognized value \"%1\" for \"%2\": Boolean expected").arg(m_argument, m_name);
        return {};
    }
    if (m_kind == Kind::Timing)
        *message = next == u"on" ? tr("Timing is on.") : tr("Timing is off.");
    else
        *message = next == u"on" ? tr("Expanded display is on.")
                 : next == u"off" ? tr("Expanded display is off.")
                                  : tr("Expanded display is used automatically.");
    return next;
}

QString MetaCommand::connectionText(const QString &database, const QString &user, const QString &host, const QString &port)
{
    if (host.startsWith(u'/'))
        return tr("You are connected to database \"%1\" as user \"%2\" via socket in \"%3\" at port \"%4\".")
            .arg(database, user, host, port);
    return tr("You are connected to database \"%1\" as user \"%2\" on host \"%3\" at port \"%4\".").arg(database, user, host, port);
}

QString MetaCommand::formatted(const MetaOutput &output)
{
    if (!output.hasTable())
        return output.text + u'\n';
    QString table = ResultFormatter::aligned(output.table, output.rowCount);
    // Centred over the table as psql does: half the space left over goes before the title.
    const int width = ResultFormatter::displayWidth(QStringView(table).left(std::max<qsizetype>(0, table.indexOf(u'\n'))));
    const int titleWidth = ResultFormatter::displayWidth(output.title);
    QString out;
    if (!output.title.isEmpty())
        out += QString(std::max(0, (width - titleWidth) / 2), u' ') + output.title + u'\n';
    if (table.endsWith(QStringLiteral("\n\n")))
        table.chop(1); // the blank line comes after the footers
    out += table;
    for (const QString &footer : output.footers)
        out += footer + u'\n';
    return out + u'\n';
}
