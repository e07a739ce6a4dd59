#include "sqlcompletion.h"

#include "statementrisk.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace {
using Candidate = SqlCompletion::Candidate;

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// The tables the statement names after FROM, JOIN, UPDATE or INTO, by alias (and by name).
QHash<QString, const CatalogMetadata::Relation *> tablesInScope(const CatalogMetadata &catalog, const QString &statement)
{
    QHash<QString, const CatalogMetadata::Relation *> scope;
    static const QRegularExpression named(
        QStringLiteral("\\b(?:FROM|JOIN|UPDATE|INTO|,)\\s+(?:ONLY\\s+)?((?:\"[^\"]+\"|\\w+)(?:\\.(?:\"[^\"]+\"|\\w+))?)"
                       "(?:\\s+(?:AS\\s+)?(?!(?:WHERE|JOIN|ON|USING|LEFT|RIGHT|INNER|FULL|CROSS|NATURAL|GROUP|ORDER|LIMIT|SET|"
                       "VALUES|RETURNING|UNION|EXCEPT|INTERSECT|WINDOW|HAVING|FOR|OFFSET|FETCH|LATERAL)\\b)(\"[^\"]+\"|\\w+))?"),
        QRegularExpression::CaseInsensitiveOption);
    const auto unquote = [](const QString &part) {
        return part.startsWith(u'"') ? part.mid(1, part.size() - 2) : part.toLower();
    };
    QRegularExpressionMatchIterator it = named.globalMatch(statement);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(1);
        static const QRegularExpression dot(QStringLiteral("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
        const QStringList parts = name.split(dot);
        const QString schema = parts.size() > 1 ? unquote(parts.first()) : QString();
        const QString table = unquote(parts.last());
        const CatalogMetadata::Relation *relation = catalog.relation(schema, table);
        if (!relation)
            continue;
        scope.insert(table, relation);
        if (!m.captured(2).isEmpty())
            scope.insert(unquote(m.captured(2)), relation);
    }
    return scope;
}

// The last keyword before position, skipping names, numbers and punctuation other than
// the ones that decide (",", "(", "::").
QString previousKeyword(const QString &text, int position)
{
    static const QSet<QString> deciding = {
        QStringLiteral("SELECT"), QStringLiteral("FROM"), QStringLiteral("JOIN"), QStringLiteral("WHERE"),
        QStringLiteral("AND"), QStringLiteral("OR"), QStringLiteral("ON"), QStringLiteral("BY"), QStringLiteral("SET"),
        QStringLiteral("SHOW"), QStringLiteral("RESET"), QStringLiteral("UPDATE"), QStringLiteral("INTO"),
        QStringLiteral("TABLE"), QStringLiteral("HAVING"), QStringLiteral("RETURNING"), QStringLiteral("VALUES"),
        QStringLiteral("NOT"), QStringLiteral("WHEN"), QStringLiteral("THEN"), QStringLiteral("ELSE"), QStringLiteral("AS"),
        QStringLiteral("USING"), QStringLiteral("DELETE")};
    int i = position;
    while (i > 0) {
        --i;
        const QChar c = text.at(i);
        if (c == u':' && i > 0 && text.at(i - 1) == u':')
            return QStringLiteral("::");
        if (c == u',' || c == u'(' || c == u'=' || c == u'<' || c == u'>')
            return QString(c);
        if (isWordChar(c)) {
            int start = i;
            while (start > 0 && isWordChar(text.at(start - 1)))
                --start;
            const QString word = text.mid(start, i - start + 1).toUpper();
            if (deciding.contains(word))
                return word;
            i = start;
        }
    }
    return {};
}
} // namespace

const QStringList &SqlCompletion::keywords()
{
    static const QStringList words = {
        QStringLiteral("SELECT"), QStringLiteral("FROM"), QStringLiteral("WHERE"), QStringLiteral("GROUP BY"),
        QStringLiteral("ORDER BY"), QStringLiteral("HAVING"), QStringLiteral("LIMIT"), QStringLiteral("OFFSET"),
        QStringLiteral("JOIN"), QStringLiteral("LEFT JOIN"), QStringLiteral("INNER JOIN"), QStringLiteral("ON"),
        QStringLiteral("USING"), QStringLiteral("AND"), QStringLiteral("OR"), QStringLiteral("NOT"), QStringLiteral("IN"),
        QStringLiteral("EXISTS"), QStringLiteral("BETWEEN"), QStringLiteral("LIKE"), QStringLiteral("IS NULL"),
        QStringLiteral("IS NOT NULL"), QStringLiteral("CASE"), QStringLiteral("WHEN"), QStringLiteral("THEN"),
        QStringLiteral("ELSE"), QStringLiteral("END"), QStringLiteral("AS"), QStringLiteral("DISTINCT"),
        QStringLiteral("INSERT INTO"), QStringLiteral("VALUES"), QStringLiteral("UPDATE"), QStringLiteral("SET"),
        QStringLiteral("DELETE FROM"), QStringLiteral("RETURNING"), QStringLiteral("CREATE TABLE"),
        QStringLiteral("CREATE INDEX"), QStringLiteral("ALTER TABLE"), QStringLiteral("DROP TABLE"),
        QStringLiteral("BEGIN"), QStringLiteral("COMMIT"), QStringLiteral("ROLLBACK"), QStringLiteral("EXPLAIN"),
        QStringLiteral("ANALYZE"), QStringLiteral("VACUUM"), QStringLiteral("WITH"), QStringLiteral("UNION ALL"),
        QStringLiteral("SHOW"), QStringLiteral("GRANT"), QStringLiteral("REVOKE")};
    return words;
}

QString SqlCompletion::quoted(const QString &name)
{
    static const QRegularExpression simple(QStringLiteral("^[a-z_][a-z0-9_$]*$"));
    static const QSet<QString> reserved = {QStringLiteral("user"), QStringLiteral("order"), QStringLiteral("group"),
                                           QStringLiteral("select"), QStringLiteral("from"), QStringLiteral("where"),
                                           QStringLiteral("table"), QStringLiteral("check"), QStringLiteral("default"),
                                           QStringLiteral("limit"), QStringLiteral("to"), QStringLiteral("end")};
    if (simple.match(name).hasMatch() && !reserved.contains(name))
        return name;
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

SqlCompletion::Result SqlCompletion::at(const CatalogMetadata &catalog, const QString &text, int cursor)
{
    Result result;
    cursor = std::clamp(cursor, 0, int(text.size()));
    int start = cursor;
    while (start > 0 && isWordChar(text.at(start - 1)))
        --start;
    if (start > 0 && text.at(start - 1) == u'"') // a quoted name being typed
        --start;
    result.start = start;
    result.prefix = text.mid(start, cursor - start);
    const QString typed = result.prefix.startsWith(u'"') ? result.prefix.mid(1) : result.prefix.toLower();
    const auto add = [&](const QString &name, Candidate::Kind kind, const QString &detail, bool quote = true) {
        const QString written = quote ? quoted(name) : name;
        const QString plain = kind == Candidate::Kind::Keyword ? name.toLower() : name;
        if (!plain.startsWith(typed, result.prefix.startsWith(u'"') ? Qt::CaseSensitive : Qt::CaseInsensitive))
            return;
        result.candidates.append({written, kind, detail});
    };
    // The statement around the cursor: back to the last ';' and on to the next.
    const int from = int(text.lastIndexOf(u';', std::max(0, start - 1))) + 1;
    int to = int(text.indexOf(u';', cursor));
    if (to < 0)
        to = int(text.size());
    const QString statement = StatementRisk::withoutLiterals(text.mid(from, to - from), true);
    const QString before = text.mid(from, start - from);

    // "qualifier." before the word: a schema's tables, or the columns of an alias or table.
    if (start > 0 && text.at(start - 1) == u'.') {
        int q = start - 1;
        int qs = q;
        if (qs > 0 && text.at(qs - 1) == u'"') {
            qs = int(text.lastIndexOf(u'"', qs - 2));
            qs = std::max(qs, 0);
        } else {
            while (qs > 0 && isWordChar(text.at(qs - 1)))
                --qs;
        }
        QString qualifier = text.mid(qs, q - qs);
        qualifier = qualifier.startsWith(u'"') ? qualifier.mid(1, qualifier.size() - 2) : qualifier.toLower();
        const QHash<QString, const CatalogMetadata::Relation *> scope = tablesInScope(catalog, statement);
        const CatalogMetadata::Relation *relation = scope.value(qualifier, catalog.relation(QString(), qualifier));
        if (relation) {
            for (const CatalogMetadata::Column &c : relation->columns)
                add(c.name, Candidate::Kind::Column, c.type);
        }
        if (catalog.schemas.contains(qualifier)) {
            for (const CatalogMetadata::Relation &r : catalog.relations) {
                if (r.schema == qualifier)
                    add(r.name, r.kind == u'v' || r.kind == u'm' ? Candidate::Kind::View : Candidate::Kind::Table, QString());
            }
            for (const CatalogMetadata::Function &f : catalog.functions) {
                if (f.schema == qualifier)
                    add(f.name, Candidate::Kind::Function, QStringLiteral("(%1) → %2").arg(f.arguments, f.result));
            }
        }
        return result;
    }

    const QString keyword = previousKeyword(text, start);
    const QString first = before.trimmed().section(QRegularExpression(QStringLiteral("\\s+")), 0, 0).toUpper();
    if ((first == u"SET" || first == u"SHOW" || first == u"RESET") && (keyword == first)) {
        for (const QString &s : catalog.settings)
            add(s, Candidate::Kind::Setting, QString(), false);
        return result;
    }
    if (keyword == u"::") {
        for (const QString &t : catalog.types)
            add(t, Candidate::Kind::Type, QString(), false);
        return result;
    }
    if (keyword == u"FROM" || keyword == u"JOIN" || keyword == u"UPDATE" || keyword == u"INTO" || keyword == u"TABLE"
        || (keyword == u"," && previousKeyword(text, int(before.lastIndexOf(u',')) + from) == u"FROM")) {
        const QSet<QString> visible(catalog.searchPath.cbegin(), catalog.searchPath.cend());
        for (const CatalogMetadata::Relation &r : catalog.relations) {
            if (visible.contains(r.schema) && r.schema != u"pg_catalog")
                add(r.name, r.kind == u'v' || r.kind == u'm' ? Candidate::Kind::View : Candidate::Kind::Table, r.schema);
        }
        for (const QString &s : catalog.schemas) {
            if (!s.startsWith(QStringLiteral("pg_")) && s != u"information_schema")
                add(s, Candidate::Kind::Schema, QString());
        }
        return result;
    }
    // Expressions: the columns of the tables in scope, functions, keywords.
    const QHash<QString, const CatalogMetadata::Relation *> scope = tablesInScope(catalog, statement);
    QSet<const CatalogMetadata::Relation *> seen;
    QSet<QString> columns;
    for (const CatalogMetadata::Relation *r : scope) {
        if (seen.contains(r))
            continue;
        seen.insert(r);
        for (const CatalogMetadata::Column &c : r->columns) {
            if (!columns.contains(c.name)) {
                columns.insert(c.name);
                add(c.name, Candidate::Kind::Column, QStringLiteral("%1 · %2").arg(c.type, r->name));
            }
        }
    }
    if (!typed.isEmpty()) {
        QSet<QString> functions;
        for (const CatalogMetadata::Function &f : catalog.functions) {
            if ((f.schema == u"pg_catalog" || catalog.searchPath.contains(f.schema)) && !functions.contains(f.name)
                && f.kind != u'p') {
                functions.insert(f.name);
                add(f.name, Candidate::Kind::Function, QStringLiteral("(%1) → %2").arg(f.arguments, f.result));
            }
        }
    }
    for (const QString &k : keywords())
        add(k, Candidate::Kind::Keyword, QString(), false);
    return result;
}
