#include "questiongrader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace {
QuestionScore all(bool right)
{
    return {right ? 1.0 : 0.0, right};
}

// "8192", "8,192", "8192.0", "1e3", "0,5": the number a candidate typed, whatever the locale.
std::optional<double> number(const QString &text)
{
    QString t = text.trimmed();
    t.remove(u' ').remove(QChar(0x00A0));
    static const QRegularExpression thousands(QStringLiteral("^-?\\d{1,3}(,\\d{3})+(\\.\\d+)?$"));
    if (thousands.match(t).hasMatch())
        t.remove(u',');
    else if (t.count(u',') == 1 && !t.contains(u'.'))
        t.replace(u',', u'.'); // a decimal comma
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (ok && std::isfinite(v))
        return v;
    return std::nullopt;
}
} // namespace

QString QuestionGrader::normalized(const Question &question, const QString &text)
{
    QString t = text;
    switch (question.whitespace) {
    case Question::Whitespace::Exact:
        break;
    case Question::Whitespace::Collapse:
        t = t.simplified();
        break;
    case Question::Whitespace::Ignore:
        t.remove(QRegularExpression(QStringLiteral("\\s+")));
        break;
    }
    return question.caseSensitive ? t : t.toCaseFolded();
}

QuestionScore QuestionGrader::grade(const Question &question, const CandidateAnswer &answer)
{
    switch (question.type) {
    case Question::Type::Single: {
        if (answer.chosen.size() != 1)
            return all(false);
        const int c = answer.chosen.first();
        return all(c >= 0 && c < question.options.size() && question.options.at(c).correct);
    }
    case Question::Type::Multiple: {
        QSet<int> right, picked;
        for (int i = 0; i < question.options.size(); ++i) {
            if (question.options.at(i).correct)
                right.insert(i);
        }
        for (int c : answer.chosen) {
            if (c >= 0 && c < question.options.size())
                picked.insert(c);
        }
        if (right.isEmpty())
            return all(false);
        if (!question.partialCredit)
            return all(picked == right);
        int hits = 0, misses = 0;
        for (int c : std::as_const(picked))
            ++(right.contains(c) ? hits : misses);
        const double score = std::max(0.0, double(hits - misses) / double(right.size()));
        return {score, picked == right};
    }
    case Question::Type::TrueFalse:
        return all(answer.truth && *answer.truth == question.truth);
    case Question::Type::FillIn: {
        if (answer.text.trimmed().isEmpty())
            return all(false);
        const QString given = normalized(question, answer.text);
        for (const QString &accepted : question.accepted) {
            if (normalized(question, accepted) == given)
                return all(true);
        }
        if (!question.regex.isEmpty()) {
            const QRegularExpression re(QRegularExpression::anchoredPattern(question.regex),
                                        question.caseSensitive ? QRegularExpression::NoPatternOption
                                                               : QRegularExpression::CaseInsensitiveOption);
            const QString subject = question.whitespace == Question::Whitespace::Exact ? answer.text
                : question.whitespace == Question::Whitespace::Collapse              ? answer.text.simplified()
                                                                                     : QString(answer.text).remove(QRegularExpression(QStringLiteral("\\s+")));
            return all(re.isValid() && re.match(subject).hasMatch());
        }
        return all(false);
    }
    case Question::Type::Numerical: {
        const std::optional<double> v = number(answer.text);
        return all(v && std::abs(*v - question.value) <= question.tolerance + 1e-9 * std::max(1.0, std::abs(question.value)));
    }
    case Question::Type::Ordering: {
        QList<int> right;
        for (int i = 0; i < question.items.size(); ++i)
            right << i;
        return all(!right.isEmpty() && answer.order == right);
    }
    case Question::Type::Matching: {
        bool every = !question.pairs.isEmpty() && answer.matches.size() == question.pairs.size();
        for (int i = 0; every && i < answer.matches.size(); ++i)
            every = answer.matches.at(i) == i;
        return all(every);
    }
    case Question::Type::Sql:
        return {}; // graded in a sandbox
    }
    return {};
}

QString QuestionScore::toJson(const QString &answerText) const
{
    const QJsonObject o{{QStringLiteral("score"), score},
                        {QStringLiteral("correct"), correct},
                        {QStringLiteral("feedback"), QJsonArray::fromStringList(feedback)},
                        {QStringLiteral("text"), answerText}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QuestionScore QuestionScore::fromJson(const QString &json, QString *answerText)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    QuestionScore s;
    s.score = std::clamp(o.value(QStringLiteral("score")).toDouble(), 0.0, 1.0);
    s.correct = o.value(QStringLiteral("correct")).toBool();
    for (const QJsonValue &line : o.value(QStringLiteral("feedback")).toArray())
        s.feedback << line.toString();
    *answerText = o.value(QStringLiteral("text")).toString();
    return s;
}
