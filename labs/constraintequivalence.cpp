#include "constraintequivalence.h"

#include "catalognames.h"
#include "graderconnection.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <random>

namespace {
struct Column
{
    QString name;
    QString type;
};

struct LearnerConstraint
{
    QString name;
    QString type; // c, u, p, f
    QString definition;
    QStringList columns;
    QString target; // the referenced table's oid
    QStringList targetColumns;
    QString onDelete; // confdeltype
    QString onUpdate;
};

QStringList names(const QString &list)
{
    QStringList result;
    for (const QString &n : list.split(u',', Qt::SkipEmptyParts))
        result << ConstraintEquivalence::normalizedName(n);
    return result;
}

// "CHECK ((a > 0)) NOT VALID" -> "(a > 0)"
QString checkExpression(QString definition)
{
    definition = definition.trimmed();
    definition.remove(QRegularExpression(QStringLiteral("\\s+NOT\\s+VALID\\s*$"), QRegularExpression::CaseInsensitiveOption));
    definition.remove(QRegularExpression(QStringLiteral("\\s+NO\\s+INHERIT\\s*$"), QRegularExpression::CaseInsensitiveOption));
    return definition.remove(QRegularExpression(QStringLiteral("^CHECK\\s*"), QRegularExpression::CaseInsensitiveOption));
}

// The action letter pg_constraint keeps for "ON DELETE CASCADE" and the like.
QString actionCode(const QString &definition, const QString &event)
{
    static const QList<std::pair<QString, QString>> actions = {{QStringLiteral("CASCADE"), QStringLiteral("c")},
                                                               {QStringLiteral("SET NULL"), QStringLiteral("n")},
                                                               {QStringLiteral("SET DEFAULT"), QStringLiteral("d")},
                                                               {QStringLiteral("RESTRICT"), QStringLiteral("r")},
                                                               {QStringLiteral("NO ACTION"), QStringLiteral("a")}};
    const QRegularExpression on(QStringLiteral("ON\\s+%1\\s+(CASCADE|SET\\s+NULL|SET\\s+DEFAULT|RESTRICT|NO\\s+ACTION)").arg(event),
                                QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = on.match(definition);
    if (!m.hasMatch())
        return QStringLiteral("a");
    const QString action = m.captured(1).toUpper().simplified();
    for (const auto &[words, code] : actions) {
        if (action == words)
            return code;
    }
    return QStringLiteral("a");
}

QList<LearnerConstraint> constraintsOf(GraderConnection &catalog, const QString &relation, QString *error)
{
    const SqlOutcome found = catalog.exec(
        QStringLiteral("SELECT c.conname, c.contype, pg_get_constraintdef(c.oid), "
                       "array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) k JOIN pg_attribute a "
                       "ON a.attrelid = c.conrelid AND a.attnum = k ORDER BY array_position(c.conkey, k)), ','), "
                       "CASE WHEN c.confrelid <> 0 THEN c.confrelid::text ELSE '' END, "
                       "array_to_string(ARRAY(SELECT a.attname FROM unnest(c.confkey) k JOIN pg_attribute a "
                       "ON a.attrelid = c.confrelid AND a.attnum = k ORDER BY array_position(c.confkey, k)), ','), "
                       "c.confdeltype, c.confupdtype "
                       "FROM pg_constraint c WHERE c.conrelid = $1::oid ORDER BY c.conname"),
        {relation});
    if (!found.ok) {
        *error = found.message;
        return {};
    }
    QList<LearnerConstraint> constraints;
    for (int r = 0; r < found.result.rowCount(); ++r) {
        constraints.append({found.value(r, 0), found.value(r, 1), found.value(r, 2),
                            found.value(r, 3).split(u',', Qt::SkipEmptyParts), found.value(r, 4),
                            found.value(r, 5).split(u',', Qt::SkipEmptyParts), found.value(r, 6), found.value(r, 7)});
    }
    return constraints;
}

QList<Column> columnsOf(GraderConnection &catalog, const QString &relation)
{
    const SqlOutcome found = catalog.exec(QStringLiteral("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                                                         "WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped "
                                                         "ORDER BY attnum"),
                                          {relation});
    QList<Column> columns;
    for (int r = 0; found.ok && r < found.result.rowCount(); ++r)
        columns.append({found.value(r, 0), found.value(r, 1)});
    return columns;
}

// Values worth trying for a column, so that two CHECKs that differ anywhere a learner could
// plausibly reach are told apart: the constants of both expressions and their neighbours,
// the results of constant arithmetic in them (10*10), case variants of strings, powers of
// ten, the integer types' extremes, a fixed set of pseudo-random numbers (the same every
// time, so a verdict never depends on luck), the empty string and zero. NULL is added
// apart; values the column's type refuses are dropped later. With several columns in the
// CHECK every combination is tried, so the wide sweep (powers, extremes, random) is kept
// for one column, where it costs a few hundred rows.
QStringList candidates(const QString &expressions, bool wide)
{
    QSet<QString> values{QString(), QStringLiteral("0")};
    const auto addNumber = [&values](double n) {
        for (const double d : {-1.0, -0.5, -0.001, 0.0, 0.001, 0.5, 1.0})
            values.insert(QString::number(n + d, 'g', 17));
    };
    static const QRegularExpression quoted(QStringLiteral("'((?:[^']|'')*)'"));
    for (const QRegularExpressionMatch &m : quoted.globalMatch(expressions)) {
        const QString text = m.captured(1).replace(QStringLiteral("''"), QStringLiteral("'"));
        values << text << text.toUpper() << text.toLower() << (text.left(1).toUpper() + text.mid(1).toLower())
               << (u' ' + text) << (text + u' ');
    }
    static const QRegularExpression number(QStringLiteral("(?<![\\w.])-?\\d+(?:\\.\\d+)?"));
    const QString unquoted = QString(expressions).remove(quoted);
    for (const QRegularExpressionMatch &m : number.globalMatch(unquoted))
        addNumber(m.captured(0).toDouble());
    static const QRegularExpression arithmetic(
        QStringLiteral("(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*([-+*/%])\\s*(\\d+(?:\\.\\d+)?)(?![\\w.])"));
    for (const QRegularExpressionMatch &m : arithmetic.globalMatch(unquoted)) {
        const double a = m.captured(1).toDouble();
        const double b = m.captured(3).toDouble();
        const QChar op = m.captured(2).at(0);
        if ((op == u'/' || op == u'%') && b == 0)
            continue;
        addNumber(op == u'+' ? a + b : op == u'-' ? a - b : op == u'*' ? a * b : op == u'/' ? a / b : std::fmod(a, b));
    }
    for (double p = 1; wide && p <= 1e12; p *= 10) {
        addNumber(p);
        addNumber(-p);
    }
    if (!wide) {
        QStringList list(values.begin(), values.end());
        list.sort();
        return list;
    }
    for (const char *extreme : {"32767", "-32768", "2147483647", "-2147483648", "9223372036854775807", "-9223372036854775808"})
        values.insert(QString::fromLatin1(extreme));
    std::mt19937 random(20261207); // a fixed seed: the same candidates for every learner and every run
    std::uniform_int_distribution<int> small(-1000, 1000);
    std::uniform_int_distribution<int> large(-2000000000, 2000000000);
    for (int i = 0; i < 16; ++i) {
        values.insert(QString::number(small(random)));
        values.insert(QString::number(large(random)));
        values.insert(QString::number(small(random) / 8.0, 'g', 17));
    }
    QStringList list(values.begin(), values.end());
    list.sort();
    return list;
}

// Does the learner's CHECK accept exactly the rows the author's does? The probe rows are
// made and judged on the learner's connection: a domain's CHECK or a function in either
// expression is the learner's code. Any statement that fails means "not the same".
bool compareRows(GraderConnection &learner, const QString &table, const QList<Column> &columns, const QString &mine,
                 const QString &theirs)
{
    const QString both = mine + u' ' + theirs;
    QList<Column> used;
    for (const Column &c : columns) {
        if (QRegularExpression(QStringLiteral("(?<![\\w$])\"?%1\"?(?![\\w$])").arg(QRegularExpression::escape(c.name)))
                .match(both).hasMatch())
            used << c;
    }
    if (used.isEmpty())
        return learner.exec(QStringLiteral("SELECT coalesce((%1), true) = coalesce((%2), true)").arg(mine, theirs)).value() == u"t";

    QList<QStringList> valuesPerColumn;
    const QStringList constants = candidates(both, used.size() == 1);
    for (const Column &c : used) {
        const SqlOutcome present = learner.exec(
            QStringLiteral("SELECT DISTINCT %1::text FROM %2 WHERE %1 IS NOT NULL LIMIT 20").arg(GraderConnection::identifier(c.name), table));
        if (!present.ok)
            return false;
        QStringList tries = constants;
        for (int r = 0; r < present.result.rowCount(); ++r)
            tries << present.value(r);
        // Only values the column's type accepts.
        const SqlOutcome valid = learner.exec(QStringLiteral("SELECT v FROM unnest($1::text[]) v WHERE pg_input_is_valid(v, $2)"),
                                              {GraderConnection::textArray(tries), c.type});
        if (!valid.ok)
            return false;
        QStringList values{QStringLiteral("NULL")};
        for (int r = 0; r < valid.result.rowCount(); ++r) {
            const QString v = GraderConnection::literal(valid.value(r)) + QStringLiteral("::") + c.type;
            if (!values.contains(v))
                values << v;
        }
        valuesPerColumn << values;
    }
    // Every combination, as far as MaxProbeRows allows.
    QStringList rows{QString()};
    for (const QStringList &values : std::as_const(valuesPerColumn)) {
        QStringList next;
        for (const QString &row : std::as_const(rows)) {
            for (const QString &v : values) {
                if (next.size() >= ConstraintEquivalence::MaxProbeRows)
                    break;
                next << (row.isEmpty() ? v : row + QStringLiteral(", ") + v);
            }
        }
        rows = next;
    }
    QStringList header;
    for (const Column &c : std::as_const(used))
        header << GraderConnection::identifier(c.name);
    const QString probe = QStringLiteral("SELECT count(*) FROM (VALUES (%1)) AS probe(%2) "
                                         "WHERE coalesce((%3), true) IS DISTINCT FROM coalesce((%4), true)")
                              .arg(rows.join(QStringLiteral("), (")), header.join(QStringLiteral(", ")), mine, theirs);
    const SqlOutcome differing = learner.exec(probe);
    return differing.ok && differing.value() == u"0";
}

// compareRows() in a read-only transaction of the learner's that is rolled back, whatever it does.
bool sameRows(GraderConnection &learner, const QString &table, const QList<Column> &columns, const QString &mine,
              const QString &theirs)
{
    if (!learner.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")).ok)
        return false;
    const bool same = compareRows(learner, table, columns, mine, theirs);
    learner.exec(QStringLiteral("ROLLBACK"));
    return same;
}
} // namespace

QString ConstraintEquivalence::normalizedName(const QString &identifier)
{
    const QString t = identifier.trimmed();
    if (t.size() >= 2 && t.startsWith(u'"') && t.endsWith(u'"'))
        return t.mid(1, t.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return t.toLower();
}

ConstraintEquivalence::Match ConstraintEquivalence::find(GraderConnection &catalog, GraderConnection &learner,
                                                         const QString &table, const QStringList &schemas,
                                                         const QString &definition)
{
    QString error;
    const QString relation = CatalogNames::relation(catalog, table, schemas, &error);
    const QList<LearnerConstraint> constraints = relation.isEmpty() ? QList<LearnerConstraint>()
                                                                    : constraintsOf(catalog, relation, &error);
    if (relation.isEmpty() || !error.isEmpty())
        return {false, {}, tr("There is no table named %1.").arg(table)};
    // The table as the learner's connection must name it: qualified, never found along a path.
    const QString qualified = catalog.value(QStringLiteral("SELECT $1::oid::regclass::text"), {relation}, &error);
    static const QRegularExpression keyed(QStringLiteral("^\\s*(UNIQUE|PRIMARY\\s+KEY)\\s*\\(([^)]*)\\)"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression foreign(
        QStringLiteral("^\\s*FOREIGN\\s+KEY\\s*\\(([^)]*)\\)\\s*REFERENCES\\s+([^\\s(]+)\\s*(?:\\(([^)]*)\\))?"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch k = keyed.match(definition);
    const QRegularExpressionMatch f = foreign.match(definition);
    const QList<Column> columns = columnsOf(catalog, relation);
    for (const LearnerConstraint &c : constraints) {
        bool same = false;
        if (k.hasMatch()) {
            const QString type = k.captured(1).toUpper().startsWith(u'P') ? QStringLiteral("p") : QStringLiteral("u");
            const QStringList wanted = names(k.captured(2));
            same = c.type == type && QSet<QString>(wanted.begin(), wanted.end()) == QSet<QString>(c.columns.begin(), c.columns.end());
        } else if (f.hasMatch()) {
            const QString target = CatalogNames::relation(catalog, f.captured(2), schemas, &error);
            same = c.type == u"f" && c.columns == names(f.captured(1)) && c.target == target
                && (f.captured(3).isEmpty() || c.targetColumns == names(f.captured(3)))
                && c.onDelete == actionCode(definition, QStringLiteral("DELETE"))
                && c.onUpdate == actionCode(definition, QStringLiteral("UPDATE"));
        } else if (c.type == u"c") {
            same = sameRows(learner, qualified, columns, checkExpression(c.definition), checkExpression(definition));
        }
        if (same)
            return {true, c.name, {}};
    }
    QStringList existing;
    for (const LearnerConstraint &c : constraints)
        existing << QStringLiteral("%1: %2").arg(c.name, c.definition);
    return {false, {},
            existing.isEmpty() ? tr("The table %1 has no constraints yet.").arg(table)
                               : tr("No constraint of %1 does what this step asks. It has:").arg(table)
                                     + QStringLiteral("\n  ") + existing.join(QStringLiteral("\n  "))};
}
