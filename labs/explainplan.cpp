#include "explainplan.h"

#include "statementrisk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <functional>

namespace {
QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

// The node's name as PostgreSQL's text format writes it.
QString labelOf(const QJsonObject &o)
{
    const QString type = o.value(QStringLiteral("Node Type")).toString();
    QString label = type;
    if (type == u"Aggregate") {
        const QString strategy = o.value(QStringLiteral("Strategy")).toString();
        label = strategy == u"Sorted" ? QStringLiteral("GroupAggregate")
              : strategy == u"Hashed" ? QStringLiteral("HashAggregate")
              : strategy == u"Mixed"  ? QStringLiteral("MixedAggregate")
                                      : QStringLiteral("Aggregate");
        const QString partial = o.value(QStringLiteral("Partial Mode")).toString();
        if (partial == u"Partial" || partial == u"Finalize")
            label = partial + u' ' + label;
    } else if (type == u"ModifyTable") {
        label = o.value(QStringLiteral("Operation")).toString();
    }
    const QString join = o.value(QStringLiteral("Join Type")).toString();
    if (!join.isEmpty() && join != u"Inner") {
        if (label.endsWith(QStringLiteral(" Join")))
            label.insert(label.size() - 5, u' ' + join);
        else
            label += u' ' + join + QStringLiteral(" Join");
    }
    if (o.value(QStringLiteral("Parallel Aware")).toBool())
        label.prepend(QStringLiteral("Parallel "));
    if (o.value(QStringLiteral("Scan Direction")).toString() == u"Backward")
        label += QStringLiteral(" Backward");
    const QString index = o.value(QStringLiteral("Index Name")).toString();
    if (!index.isEmpty())
        label += (type == u"Bitmap Index Scan" ? QStringLiteral(" on ") : QStringLiteral(" using ")) + index;
    QString target = o.value(QStringLiteral("Relation Name")).toString();
    if (target.isEmpty())
        target = o.value(QStringLiteral("CTE Name")).toString();
    if (target.isEmpty())
        target = o.value(QStringLiteral("Function Name")).toString();
    const QString alias = o.value(QStringLiteral("Alias")).toString();
    if (!target.isEmpty()) {
        label += QStringLiteral(" on ") + target;
        if (!alias.isEmpty() && alias != target)
            label += u' ' + alias;
    } else if (!alias.isEmpty()) {
        label += QStringLiteral(" on ") + alias;
    }
    return label;
}

// The lines under the node, in the order PostgreSQL's text format gives them.
QStringList detailsOf(const QJsonObject &o)
{
    QStringList lines;
    const auto list = [&](const char *key) {
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (v.isArray()) {
            QStringList items;
            for (const QJsonValue &item : v.toArray())
                items << item.toString();
            lines << QStringLiteral("%1: %2").arg(QLatin1StringView(key), items.join(QStringLiteral(", ")));
        }
    };
    const auto text = [&](const char *key) {
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (v.isString())
            lines << QStringLiteral("%1: %2").arg(QLatin1StringView(key), v.toString());
        else if (v.isDouble())
            lines << QStringLiteral("%1: %2").arg(QLatin1StringView(key)).arg(v.toDouble());
    };
    list("Output");
    list("Sort Key");
    list("Group Key");
    for (const char *key : {"Hash Cond", "Merge Cond", "Join Filter", "Rows Removed by Join Filter", "Index Cond",
                            "Recheck Cond", "Rows Removed by Index Recheck", "Filter", "Rows Removed by Filter",
                            "Heap Fetches", "Subplans Removed"})
        text(key);
    if (o.contains(QStringLiteral("Sort Method")))
        lines << QStringLiteral("Sort Method: %1  %2: %3kB")
                     .arg(o.value(QStringLiteral("Sort Method")).toString(), o.value(QStringLiteral("Sort Space Type")).toString())
                     .arg(o.value(QStringLiteral("Sort Space Used")).toInteger());
    if (o.contains(QStringLiteral("Hash Buckets")))
        lines << QStringLiteral("Buckets: %1  Batches: %2  Memory Usage: %3kB")
                     .arg(o.value(QStringLiteral("Hash Buckets")).toInteger())
                     .arg(o.value(QStringLiteral("Hash Batches")).toInteger())
                     .arg(o.value(QStringLiteral("Peak Memory Usage")).toInteger());
    for (const char *key : {"Workers Planned", "Workers Launched"})
        text(key);
    QStringList shared;
    for (const auto &[key, word] : {std::pair{"Shared Hit Blocks", "hit"}, std::pair{"Shared Read Blocks", "read"},
                                    std::pair{"Shared Dirtied Blocks", "dirtied"}, std::pair{"Shared Written Blocks", "written"}}) {
        if (const qint64 n = o.value(QLatin1StringView(key)).toInteger(); n > 0)
            shared << QStringLiteral("%1=%2").arg(QLatin1StringView(word)).arg(n);
    }
    QStringList local;
    for (const auto &[key, word] : {std::pair{"Local Hit Blocks", "hit"}, std::pair{"Local Read Blocks", "read"},
                                    std::pair{"Local Dirtied Blocks", "dirtied"}, std::pair{"Local Written Blocks", "written"}}) {
        if (const qint64 n = o.value(QLatin1StringView(key)).toInteger(); n > 0)
            local << QStringLiteral("%1=%2").arg(QLatin1StringView(word)).arg(n);
    }
    QStringList temp;
    for (const auto &[key, word] : {std::pair{"Temp Read Blocks", "read"}, std::pair{"Temp Written Blocks", "written"}}) {
        if (const qint64 n = o.value(QLatin1StringView(key)).toInteger(); n > 0)
            temp << QStringLiteral("%1=%2").arg(QLatin1StringView(word)).arg(n);
    }
    if (!shared.isEmpty() || !local.isEmpty() || !temp.isEmpty())
        lines << QStringLiteral("Buffers: %1").arg(QStringList{shared.isEmpty() ? QString() : QStringLiteral("shared ") + shared.join(u' '),
                                                               local.isEmpty() ? QString() : QStringLiteral("local ") + local.join(u' '),
                                                               temp.isEmpty() ? QString() : QStringLiteral("temp ") + temp.join(u' ')}
                                                       .filter(QRegularExpression(QStringLiteral(".")))
                                                       .join(QStringLiteral(", ")));
    if (o.value(QStringLiteral("WAL Records")).toInteger() > 0)
        lines << QStringLiteral("WAL: records=%1 fpi=%2 bytes=%3")
                     .arg(o.value(QStringLiteral("WAL Records")).toInteger())
                     .arg(o.value(QStringLiteral("WAL FPI")).toInteger())
                     .arg(o.value(QStringLiteral("WAL Bytes")).toInteger());
    return lines;
}

PlanNode nodeFrom(const QJsonObject &o, bool analyzed)
{
    PlanNode n;
    n.nodeType = o.value(QStringLiteral("Node Type")).toString();
    n.label = labelOf(o);
    n.parentRelationship = o.value(QStringLiteral("Parent Relationship")).toString();
    n.subplanName = o.value(QStringLiteral("Subplan Name")).toString();
    n.relation = o.value(QStringLiteral("Relation Name")).toString();
    n.alias = o.value(QStringLiteral("Alias")).toString();
    n.indexName = o.value(QStringLiteral("Index Name")).toString();
    n.details = detailsOf(o);
    n.startupCost = o.value(QStringLiteral("Startup Cost")).toDouble();
    n.totalCost = o.value(QStringLiteral("Total Cost")).toDouble();
    n.planRows = o.value(QStringLiteral("Plan Rows")).toDouble();
    n.planWidth = o.value(QStringLiteral("Plan Width")).toInt();
    n.loops = o.value(QStringLiteral("Actual Loops")).toDouble();
    n.executed = analyzed && n.loops > 0;
    n.actualStartupMs = o.value(QStringLiteral("Actual Startup Time")).toDouble();
    n.actualTotalMs = o.value(QStringLiteral("Actual Total Time")).toDouble();
    n.actualRows = o.value(QStringLiteral("Actual Rows")).toDouble();
    n.sharedHit = o.value(QStringLiteral("Shared Hit Blocks")).toInteger();
    n.sharedRead = o.value(QStringLiteral("Shared Read Blocks")).toInteger();
    n.sharedDirtied = o.value(QStringLiteral("Shared Dirtied Blocks")).toInteger();
    n.sharedWritten = o.value(QStringLiteral("Shared Written Blocks")).toInteger();
    n.tempRead = o.value(QStringLiteral("Temp Read Blocks")).toInteger();
    n.localHit = o.value(QStringLiteral("Local Hit Blocks")).toInteger();
    n.localRead = o.value(QStringLiteral("Local Read Blocks")).toInteger();
    n.tempWritten = o.value(QStringLiteral("Temp Written Blocks")).toInteger();
    n.workersPlanned = o.value(QStringLiteral("Workers Planned")).toInt(-1);
    n.workersLaunched = o.value(QStringLiteral("Workers Launched")).toInt(-1);
    double below = 0;
    for (const QJsonValue &child : o.value(QStringLiteral("Plans")).toArray()) {
        n.children << nodeFrom(child.toObject(), analyzed);
        below += n.children.last().inclusiveMs;
    }
    if (analyzed) {
        n.inclusiveMs = n.actualTotalMs * n.loops;
        n.exclusiveMs = std::max(0.0, n.inclusiveMs - below);
    }
    return n;
}

void visit(const PlanNode &node, QList<int> &path, const std::function<void(const PlanNode &, const QList<int> &)> &f)
{
    f(node, path);
    for (int i = 0; i < node.children.size(); ++i) {
        path << i;
        visit(node.children.at(i), path, f);
        path.removeLast();
    }
}

void writeNode(const PlanNode &n, int depth, bool analyzed, QString &out)
{
    const int arrowIndent = depth == 0 ? 0 : 6 * depth - 4;
    if (!n.subplanName.isEmpty() && depth > 0)
        out += QString(arrowIndent, u' ') + n.subplanName + u'\n';
    const int indent = !n.subplanName.isEmpty() && depth > 0 ? arrowIndent + 2 : arrowIndent;
    out += QString(indent, u' ') + (depth > 0 ? QStringLiteral("->  ") : QString()) + n.label;
    out += QStringLiteral("  (cost=%1..%2 rows=%3 width=%4)")
               .arg(number(n.startupCost, 2), number(n.totalCost, 2), number(n.planRows, 0))
               .arg(n.planWidth);
    if (analyzed)
        out += n.executed ? QStringLiteral(" (actual time=%1..%2 rows=%3 loops=%4)")
                                .arg(number(n.actualStartupMs, 3), number(n.actualTotalMs, 3), number(n.actualRows, 0),
                                     number(n.loops, 0))
                          : QStringLiteral(" (never executed)");
    out += u'\n';
    const QString detailIndent(depth == 0 ? 2 : indent + 6, u' ');
    for (const QString &line : n.details)
        out += detailIndent + line + u'\n';
    for (const PlanNode &child : n.children)
        writeNode(child, depth + 1, analyzed, out);
}
} // namespace

double PlanNode::misestimate() const
{
    if (!executed)
        return 0;
    const double estimated = std::max(planRows, 1.0), actual = std::max(actualRows, 1.0);
    return std::max(estimated / actual, actual / estimated);
}

std::optional<ExplainPlan> ExplainPlan::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        *error = tr("The plan is not JSON: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject top = doc.isArray() ? doc.array().first().toObject() : doc.object();
    if (!top.value(QStringLiteral("Plan")).isObject()) {
        *error = tr("The JSON holds no plan: EXPLAIN (FORMAT JSON) gives an object with \"Plan\".");
        return std::nullopt;
    }
    ExplainPlan plan;
    const QJsonObject root = top.value(QStringLiteral("Plan")).toObject();
    plan.m_analyzed = root.contains(QStringLiteral("Actual Loops"));
    plan.m_root = nodeFrom(root, plan.m_analyzed);
    plan.m_planningMs = top.value(QStringLiteral("Planning Time")).toDouble(-1);
    plan.m_executionMs = top.value(QStringLiteral("Execution Time")).toDouble(-1);
    const QJsonObject settings = top.value(QStringLiteral("Settings")).toObject();
    for (auto it = settings.begin(); it != settings.end(); ++it)
        plan.m_settings << QStringLiteral("%1 = '%2'").arg(it.key(), it.value().toString());
    for (const QJsonValue &t : top.value(QStringLiteral("Triggers")).toArray()) {
        const QJsonObject trigger = t.toObject();
        plan.m_triggers << tr("Trigger %1: time=%2 calls=%3")
                               .arg(trigger.value(QStringLiteral("Trigger Name")).toString(),
                                    number(trigger.value(QStringLiteral("Time")).toDouble(), 3))
                               .arg(trigger.value(QStringLiteral("Calls")).toInteger());
    }
    return plan;
}

int ExplainPlan::nodeCount() const
{
    return int(paths().size());
}

QList<QList<int>> ExplainPlan::paths() const
{
    QList<QList<int>> all;
    QList<int> path;
    visit(m_root, path, [&](const PlanNode &, const QList<int> &p) { all << p; });
    return all;
}

const PlanNode *ExplainPlan::node(const QList<int> &path) const
{
    const PlanNode *n = &m_root;
    for (int i : path) {
        if (i < 0 || i >= n->children.size())
            return nullptr;
        n = &n->children.at(i);
    }
    return n;
}

QList<int> ExplainPlan::slowest() const
{
    QList<int> best;
    double most = -1;
    QList<int> path;
    visit(m_root, path, [&](const PlanNode &n, const QList<int> &p) {
        if (n.exclusiveMs > most) {
            most = n.exclusiveMs;
            best = p;
        }
    });
    return best;
}

QString ExplainPlan::text() const
{
    QString out;
    writeNode(m_root, 0, m_analyzed, out);
    for (const QString &s : m_settings.isEmpty() ? QStringList() : QStringList{QStringLiteral("Settings: ") + m_settings.join(QStringLiteral(", "))})
        out += s + u'\n';
    if (m_planningMs >= 0)
        out += QStringLiteral("Planning Time: %1 ms\n").arg(number(m_planningMs, 3));
    for (const QString &t : m_triggers)
        out += t + u'\n';
    if (m_executionMs >= 0)
        out += QStringLiteral("Execution Time: %1 ms\n").arg(number(m_executionMs, 3));
    return out;
}

QString ExplainPlan::explainPrefix(bool analyze)
{
    return analyze ? QStringLiteral("EXPLAIN (ANALYZE, BUFFERS, SETTINGS, WAL, FORMAT JSON) ")
                   : QStringLiteral("EXPLAIN (SETTINGS, FORMAT JSON) ");
}

QString ExplainPlan::explainStatement(const QString &statement, bool analyze)
{
    QString body = statement.trimmed();
    while (body.endsWith(u';'))
        body.chop(1);
    return explainPrefix(analyze) + body;
}

bool ExplainPlan::changesData(const QString &statement)
{
    // Words only: comments, string literals and quoted names cannot say INSERT.
    const QString words = StatementRisk::withoutLiterals(statement);
    static const QRegularExpression writes(
        QStringLiteral("\\b(INSERT|UPDATE|DELETE|MERGE|INTO|CREATE|TRUNCATE|COPY|ALTER|DROP|GRANT|REVOKE|CALL)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    QRegularExpressionMatchIterator it = writes.globalMatch(words);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString before = words.left(m.capturedStart()).trimmed().toUpper();
        if (m.captured(1).compare(QStringLiteral("UPDATE"), Qt::CaseInsensitive) == 0
            && (before.endsWith(QStringLiteral("FOR")) || before.endsWith(QStringLiteral("NO KEY"))))
            continue; // SELECT ... FOR UPDATE locks rows, it does not change them
        return true;
    }
    return false;
}
