#include "resultcheck.h"

#include "graderconnection.h"
#include "resultcomparison.h"
#include "statementrisk.h"

#include <QRegularExpression>

namespace {
struct Pair
{
    SqlOutcome learner;
    SqlOutcome reference;
    QStringList dataDifferences; // where the learner's data is not the lab's at this step
};

// The relations a query reads, from its plan on c (a learner's side); none when it cannot be
// explained. In a savepoint, so a failure leaves the transaction as it was.
QList<std::pair<QString, QString>> relationsRead(GraderConnection &c, const QString &query, bool learnerText)
{
    c.exec(QStringLiteral("SAVEPOINT pgcampus_explain"));
    const QString explain = QStringLiteral("EXPLAIN (VERBOSE, FORMAT JSON) ") + query;
    const SqlOutcome plan = learnerText ? c.execOne(explain) : c.exec(explain);
    c.exec(plan.ok ? QStringLiteral("RELEASE SAVEPOINT pgcampus_explain") : QStringLiteral("ROLLBACK TO SAVEPOINT pgcampus_explain"));
    return plan.ok ? StateDigest::relationsOfPlan(plan.value()) : QList<std::pair<QString, QString>>();
}

// The reference and the learner's query in one snapshot, each on a connection of its own:
// the reference's never sees the learner's text, and the learner's query runs alone (one
// statement), read-only, and is rolled back. A query that ends the transaction fails. With
// the lab's data at this step known (context), the tables either query reads are compared
// with it in the same snapshot.
Pair runApart(GraderConnection &learner, GraderConnection &reference, const QString &query, const QString &referenceSql,
              const GradingContext *context = nullptr)
{
    Pair pair;
    const QString begin = QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    learner.exec(begin);
    const QString snapshot = learner.exec(QStringLiteral("SELECT pg_catalog.pg_export_snapshot()")).value();
    QList<std::pair<QString, QString>> read;
    if (context && context->hasExpectedState)
        read = relationsRead(learner, query, true);
    reference.exec(begin);
    if (!snapshot.isEmpty())
        reference.exec(QStringLiteral("SET TRANSACTION SNAPSHOT ") + GraderConnection::literal(snapshot));
    if (context && context->hasExpectedState) {
        for (const auto &relation : relationsRead(reference, referenceSql, false)) {
            if (!read.contains(relation))
                read << relation;
        }
    }
    pair.reference = reference.exec(referenceSql);
    if (context && context->hasExpectedState) {
        if (!pair.reference.ok) { // the failed transaction reads nothing more: the same snapshot anew
            reference.exec(QStringLiteral("ROLLBACK"));
            reference.exec(begin);
            reference.exec(QStringLiteral("SET TRANSACTION SNAPSHOT ") + GraderConnection::literal(snapshot));
        }
        pair.dataDifferences = context->dataDifferences(reference, read);
    }
    reference.exec(QStringLiteral("ROLLBACK"));
    pair.learner = learner.execOne(query);
    if (pair.learner.ok && !learner.inTransaction()) {
        pair.learner.ok = false;
        pair.learner.message = ResultCheck::tr("it ends the check's transaction (%1): write only the query")
                                   .arg(pair.learner.result.commandTag());
    }
    learner.exec(QStringLiteral("ROLLBACK"));
    return pair;
}
// Type names instead of OIDs in what the learner reads ("character varying", not 1043), from
// the built-in format_type on a connection the learner's text never touched.
void nameTypes(GraderConnection &c, ResultSet *result)
{
    QStringList oids;
    for (const ResultColumn &column : result->columns())
        oids << QString::number(column.typeOid);
    const SqlOutcome names = c.exec(QStringLiteral("SELECT pg_catalog.format_type(t::pg_catalog.oid, NULL) "
                                                   "FROM pg_catalog.unnest($1::pg_catalog.text[]) WITH ORDINALITY AS u(t, n) ORDER BY n"),
                                    {GraderConnection::textArray(oids)});
    for (int i = 0; names.ok && i < names.result.rowCount() && i < result->columnCount(); ++i)
        result->setColumnTypeName(i, names.value(i));
}
// The keys of a query's own ORDER BY (not one in a subquery, a window or an aggregate), as
// written, without ASC/DESC, NULLS, USING or COLLATE; empty when it has none.
QStringList topLevelOrderBy(const QString &sql)
{
    const QString text = StatementRisk::withoutLiterals(sql, true);
    static const QRegularExpression word(QStringLiteral("\"(?:[^\"]|\"\")*\"|\\w+|[(),;]"));
    struct Token
    {
        QString text;
        qsizetype start;
        int depth;
    };
    QList<Token> tokens;
    int depth = 0;
    for (QRegularExpressionMatchIterator it = word.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString t = m.captured();
        if (t == u")")
            --depth;
        tokens.append({t.toUpper(), m.capturedStart(), depth});
        if (t == u"(")
            ++depth;
    }
    qsizetype from = -1;
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        if (tokens.at(i).depth == 0 && tokens.at(i).text == u"ORDER" && tokens.at(i + 1).text == u"BY")
            from = i + 2;
    }
    if (from < 0)
        return {};
    static const QStringList ends = {QStringLiteral("LIMIT"), QStringLiteral("OFFSET"), QStringLiteral("FETCH"),
                                     QStringLiteral("FOR"), QStringLiteral(";")};
    QStringList keys;
    qsizetype keyStart = from < tokens.size() ? tokens.at(from).start : text.size();
    for (qsizetype i = from; i <= tokens.size(); ++i) {
        const bool end = i == tokens.size() || (tokens.at(i).depth == 0 && ends.contains(tokens.at(i).text));
        if (end || (tokens.at(i).depth == 0 && tokens.at(i).text == u",")) {
            keys << text.mid(keyStart, (i == tokens.size() ? text.size() : tokens.at(i).start) - keyStart).trimmed();
            if (end)
                break;
            keyStart = i + 1 < tokens.size() ? tokens.at(i + 1).start : text.size();
        }
    }
    static const QRegularExpression modifiers(
        QStringLiteral("(\\s+(ASC|DESC|NULLS\\s+(FIRST|LAST)|USING\\s+\\S+|COLLATE\\s+(\"(?:[^\"]|\"\")*\"|[\\w.]+)))+$"),
        QRegularExpression::CaseInsensitiveOption);
    for (QString &key : keys)
        key.remove(modifiers);
    return keys;
}

// The columns of the reference's result its order is defined on: the author's order_by, or
// its ORDER BY keys where each is a column of the result (by position or by name). What
// cannot be told is said to the author in *warning.
QList<int> orderKeyOf(const QString &referenceSql, const QStringList &orderBy, const ResultSet &reference, QString *warning)
{
    const auto columnNamed = [&](const QString &name) {
        for (int c = 0; c < reference.columnCount(); ++c) {
            if (reference.columns().at(c).name == name)
                return c;
        }
        return -1;
    };
    QList<int> key;
    if (!orderBy.isEmpty()) {
        for (const QString &name : orderBy) {
            const int c = columnNamed(name);
            if (c < 0) {
                *warning = ResultCheck::tr("order_by names %1, which is not a column of the reference's result").arg(name);
                return {};
            }
            key << c;
        }
        return key;
    }
    const QStringList keys = topLevelOrderBy(referenceSql);
    if (keys.isEmpty()) {
        *warning = ResultCheck::tr("ordered: true, but the reference has no ORDER BY of its own: its order is not determined");
        return {};
    }
    static const QRegularExpression name(QStringLiteral("^(?:(?:\"(?:[^\"]|\"\")*\"|\\w+)\\.)*(\"(?:[^\"]|\"\")*\"|\\w+)$"));
    for (const QString &k : keys) {
        bool isNumber = false;
        const int position = k.toInt(&isNumber);
        int c = -1;
        if (isNumber)
            c = position >= 1 && position <= reference.columnCount() ? position - 1 : -1;
        else if (const QRegularExpressionMatch m = name.match(k); m.hasMatch()) {
            const QString last = m.captured(1);
            c = columnNamed(last.startsWith(u'"') ? last.mid(1, last.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""))
                                                  : last.toLower());
        }
        if (c < 0) {
            *warning = ResultCheck::tr("ordered: true, but the ORDER BY key %1 is not a column of the reference's result, "
                                       "so rows that tie on it cannot be told apart and a learner may fail for another "
                                       "order of tied rows: return it as a column, or name the result's columns it sorts "
                                       "on in order_by")
                           .arg(k);
            return {};
        }
        key << c;
    }
    return key;
}
} // namespace

QStringList ResultCheck::validate(const LabCheck &check) const
{
    QStringList problems;
    if (text(check, QStringLiteral("reference")).isEmpty())
        problems << missing(QStringLiteral("reference"));
    const QString tolerance = text(check, QStringLiteral("tolerance"));
    const std::optional<DecimalText> t = DecimalText::parse(tolerance.toUtf8());
    if (!tolerance.isEmpty() && (!t || !t->isFinite() || t->isNegative()))
        problems << tr("\"tolerance\" must be a decimal number, 0 or more");
    return problems;
}

CheckVerdict ResultCheck::grade(const LabCheck &check, const GradingContext &context) const
{
    QString query = text(check, QStringLiteral("query"));
    if (query.isEmpty()) {
        const ScriptUnit unit = context.learnerUnit();
        if (unit.joinsStatements)
            return fail(check, context, joinedStatements());
        query = unit.text;
    }
    if (query.isEmpty())
        return fail(check, context, tr("There is no query to check: write one in the editor."));
    const QString reference = text(check, QStringLiteral("reference"));
    ResultComparison::Options options;
    options.ordered = flag(check, QStringLiteral("ordered"), false);
    options.columns = list(check, QStringLiteral("columns"));
    options.checkNames = flag(check, QStringLiteral("check_names"), true);
    options.tolerance = DecimalText::parse(text(check, QStringLiteral("tolerance")).toUtf8()).value_or(DecimalText());

    GraderConnection learner;
    GraderConnection referee;
    QString error;
    if (!context.openAsLearner(learner, &error) || !context.openAsLearner(referee, &error))
        return unreachable(error);
    Pair mine = runApart(learner, referee, query, reference, &context);
    if (!mine.reference.ok) {
        // On the lab's own data, a reference that fails is the author's mistake, not the learner's.
        if (context.hasExpectedState && mine.dataDifferences.isEmpty())
            return labProblem(tr("its reference query fails on the lab's data: %1").arg(mine.reference.message));
        CheckVerdict failed = CheckVerdict::fail(tr("The lab's reference query failed on your database (%1). "
                                                    "Did a step drop or change what it reads? Reset the lab to start over.")
                                                     .arg(mine.reference.message));
        failed.feedback << mine.dataDifferences;
        return failed;
    }
    for (const QString &name : options.columns) {
        const QList<ResultColumn> columns = mine.reference.result.columns();
        if (std::none_of(columns.begin(), columns.end(), [&](const ResultColumn &c) { return c.name == name; }))
            return labProblem(tr("the check compares the column %1, which its reference query does not return").arg(name));
    }
    if (!mine.learner.ok)
        return fail(check, context, tr("Your query failed: %1").arg(mine.learner.message));
    nameTypes(referee, &mine.reference.result);
    nameTypes(referee, &mine.learner.result);
    QStringList warnings;
    const auto withWarnings = [&warnings](CheckVerdict verdict) {
        verdict.authorWarnings = warnings;
        return verdict;
    };
    if (options.ordered) {
        QString warning;
        options.orderKey = orderKeyOf(reference, list(check, QStringLiteral("order_by")), mine.reference.result, &warning);
        const qsizetype tie = ResultComparison::firstTie(mine.reference.result, options.orderKey);
        if (!warning.isEmpty())
            warnings << warning;
        else if (tie >= 0 && list(check, QStringLiteral("order_by")).isEmpty()) // order_by: the ties are meant
            warnings << tr("ordered: true, but rows %1 and %2 of the reference tie on the ORDER BY keys and differ "
                           "otherwise: their order is not determined (learners may give them in either order); "
                           "add a column that tells them apart to ORDER BY, an id for example")
                            .arg(tie + 1)
                            .arg(tie + 2);
    }
    const ResultComparison::Verdict verdict = ResultComparison::compare(mine.reference.result, mine.learner.result, options);
    if (!verdict.passed) {
        CheckVerdict failed = fail(check, context, verdict.feedback.value(0));
        failed.feedback << verdict.feedback.mid(1);
        if (!mine.dataDifferences.isEmpty())
            failed.feedback << dataChanged() << mine.dataDifferences;
        return withWarnings(failed);
    }
    // Right on data that is not the lab's proves nothing: the rows it was compared with may
    // be the ones the answer left.
    if (!mine.dataDifferences.isEmpty())
        return withWarnings(failOnOtherData(check, context, mine.dataDifferences));
    if (!flag(check, QStringLiteral("variant"), false) || context.variantConninfo.isEmpty())
        return withWarnings(CheckVerdict::pass());

    GraderConnection variant;
    GraderConnection variantReferee;
    if (!variant.open(context.variantConninfo, context.statementTimeoutMs, &error)
        || !variantReferee.open(context.variantConninfo, context.statementTimeoutMs, &error))
        return withWarnings(CheckVerdict::fail(tr("The grader could not reach the lab's second dataset: %1").arg(error)));
    const Pair other = runApart(variant, variantReferee, query, reference);
    if (!other.reference.ok)
        return withWarnings(labProblem(tr("its reference query fails on its second dataset: %1").arg(other.reference.message)));
    const QString second = tr("Your query gives the right rows here, but not on a second dataset with other rows: "
                              "it must compute the answer, not repeat it.");
    if (!other.learner.ok)
        return withWarnings(fail(check, context, second + u' ' + tr("There it failed: %1").arg(other.learner.message)));
    if (!ResultComparison::compare(other.reference.result, other.learner.result, options).passed)
        return withWarnings(fail(check, context, second));
    return withWarnings(CheckVerdict::pass());
}
