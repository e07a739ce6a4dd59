#include "question.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QList<std::pair<Question::Type, QString>> &typeNames()
{
    static const QList<std::pair<Question::Type, QString>> names = {
        {Question::Type::Single, QStringLiteral("single")},       {Question::Type::Multiple, QStringLiteral("multiple")},
        {Question::Type::TrueFalse, QStringLiteral("truefalse")}, {Question::Type::FillIn, QStringLiteral("fillin")},
        {Question::Type::Numerical, QStringLiteral("numerical")}, {Question::Type::Ordering, QStringLiteral("ordering")},
        {Question::Type::Matching, QStringLiteral("matching")},   {Question::Type::Sql, QStringLiteral("sql")}};
    return names;
}

QJsonArray toArray(const QList<int> &values)
{
    QJsonArray array;
    for (int v : values)
        array.append(v);
    return array;
}

QList<int> fromArray(const QJsonValue &value)
{
    QList<int> values;
    for (const QJsonValue &v : value.toArray())
        values << v.toInt(-1);
    return values;
}
} // namespace

QString Question::typeName(Type type)
{
    for (const auto &[t, name] : typeNames()) {
        if (t == type)
            return name;
    }
    return {};
}

std::optional<Question::Type> Question::typeFromName(const QString &name)
{
    for (const auto &[t, n] : typeNames()) {
        if (n == name)
            return t;
    }
    return std::nullopt;
}

bool CandidateAnswer::isEmpty() const
{
    return chosen.isEmpty() && !truth && text.trimmed().isEmpty() && order.isEmpty()
        && std::all_of(matches.cbegin(), matches.cend(), [](int m) { return m < 0; });
}

QString CandidateAnswer::toJson() const
{
    QJsonObject o;
    if (!chosen.isEmpty())
        o.insert(QStringLiteral("chosen"), toArray(chosen));
    if (truth)
        o.insert(QStringLiteral("truth"), *truth);
    if (!text.isEmpty())
        o.insert(QStringLiteral("text"), text);
    if (!order.isEmpty())
        o.insert(QStringLiteral("order"), toArray(order));
    if (!matches.isEmpty())
        o.insert(QStringLiteral("matches"), toArray(matches));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

CandidateAnswer CandidateAnswer::fromJson(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    CandidateAnswer a;
    a.chosen = fromArray(o.value(QStringLiteral("chosen")));
    if (o.contains(QStringLiteral("truth")))
        a.truth = o.value(QStringLiteral("truth")).toBool();
    a.text = o.value(QStringLiteral("text")).toString();
    a.order = fromArray(o.value(QStringLiteral("order")));
    a.matches = fromArray(o.value(QStringLiteral("matches")));
    return a;
}
