#include "examdraw.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace {
struct Candidate
{
    const QuestionBank *bank;
    const Question *question;
};

template<typename T>
void shuffle(QList<T> &list, std::mt19937_64 &random)
{
    for (qsizetype i = list.size() - 1; i > 0; --i)
        list.swapItemsAt(i, qsizetype(random() % quint64(i + 1)));
}

QList<int> identity(qsizetype n)
{
    QList<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    return order;
}

qsizetype choiceCount(const Question &q)
{
    switch (q.type) {
    case Question::Type::Single:
    case Question::Type::Multiple:
        return q.options.size();
    case Question::Type::Ordering:
        return q.items.size();
    case Question::Type::Matching:
        return q.pairs.size();
    default:
        return 0;
    }
}

ExamDraw::Result assemble(const QList<Candidate> &chosen, bool shuffleQuestions, bool shuffleOptions, std::mt19937_64 &random)
{
    ExamDraw::Result result;
    QList<Candidate> order = chosen;
    if (shuffleQuestions)
        shuffle(order, random);
    for (const Candidate &c : std::as_const(order))
        result.questions.append({c.bank->id, c.question->id, ExamDraw::shownOrder(*c.question, shuffleOptions, random())});
    return result;
}
} // namespace

QList<int> ExamDraw::apportion(int total, const QList<int> &weights)
{
    QList<int> shares(weights.size(), 0);
    const long long sum = std::accumulate(weights.cbegin(), weights.cend(), 0LL);
    if (sum <= 0 || total <= 0)
        return shares;
    QList<std::pair<long long, int>> remainders; // (remainder, index)
    int given = 0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const long long exact = (long long)total * weights.at(i);
        shares[i] = int(exact / sum);
        given += shares.at(i);
        remainders.append({exact % sum, int(i)});
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (qsizetype k = 0; given < total && k < remainders.size(); ++k, ++given)
        shares[remainders.at(k).second] += 1;
    return shares;
}

QList<int> ExamDraw::shownOrder(const Question &question, bool shuffleOptions, quint64 seed)
{
    const qsizetype n = choiceCount(question);
    QList<int> order = identity(n);
    // Ordering and matching are always shuffled: shown as written, they would be answered.
    const bool shuffled = question.type == Question::Type::Ordering || question.type == Question::Type::Matching
        || shuffleOptions;
    if (!shuffled || n < 2)
        return order;
    std::mt19937_64 random(seed);
    shuffle(order, random);
    if ((question.type == Question::Type::Ordering || question.type == Question::Type::Matching) && order == identity(n))
        order.swapItemsAt(0, 1);
    return order;
}

ExamDraw::Result ExamDraw::draw(const CoursePack &pack, const ExamBlueprint &blueprint, quint64 seed)
{
    std::mt19937_64 random(seed);
    QList<int> weights;
    for (const auto &[domain, weight] : blueprint.domainWeights)
        weights << std::max(weight, 0);
    const QList<int> quotas = apportion(blueprint.questionCount, weights);
    QList<Candidate> chosen;
    for (qsizetype d = 0; d < blueprint.domainWeights.size(); ++d) {
        const QString &domain = blueprint.domainWeights.at(d).first;
        QList<Candidate> pool;
        for (const QuestionBank &bank : pack.banks) {
            if (!blueprint.banks.isEmpty() && !blueprint.banks.contains(bank.id))
                continue;
            for (const Question &q : bank.questions) {
                if (q.domain == domain)
                    pool.append({&bank, &q});
            }
        }
        const int quota = quotas.at(d);
        if (pool.size() < quota)
            return {{}, tr("The domain \"%1\" needs %2 questions; the banks have %3.").arg(domain).arg(quota).arg(pool.size())};
        shuffle(pool, random);
        QList<Candidate> taken;
        if (!blueprint.difficultyMix.isEmpty()) {
            QList<int> percents;
            for (const auto &[level, percent] : blueprint.difficultyMix)
                percents << percent;
            const QList<int> perLevel = apportion(quota, percents);
            for (qsizetype l = 0; l < blueprint.difficultyMix.size(); ++l) {
                int want = perLevel.at(l);
                for (qsizetype i = 0; i < pool.size() && want > 0; ++i) {
                    if (pool.at(i).question->difficulty == blueprint.difficultyMix.at(l).first) {
                        taken.append(pool.takeAt(i--));
                        --want;
                    }
                }
            }
        }
        // What the mix could not fill (or all of it, without a mix) from the rest, in shuffled order.
        while (taken.size() < quota)
            taken.append(pool.takeFirst());
        chosen += taken;
    }
    return assemble(chosen, blueprint.shuffleQuestions, blueprint.shuffleOptions, random);
}

ExamDraw::Result ExamDraw::drill(const CoursePack &pack, const QStringList &domains, int count, quint64 seed)
{
    std::mt19937_64 random(seed);
    QList<Candidate> pool;
    for (const QuestionBank &bank : pack.banks) {
        for (const Question &q : bank.questions) {
            if (domains.isEmpty() || domains.contains(q.domain))
                pool.append({&bank, &q});
        }
    }
    if (pool.isEmpty())
        return {{}, tr("No questions in %1.").arg(domains.join(QStringLiteral(", ")))};
    shuffle(pool, random);
    return assemble(pool.mid(0, count), false, true, random);
}

const Question *ExamDraw::find(const CoursePack &pack, const DrawnQuestion &drawn)
{
    for (const QuestionBank &bank : pack.banks) {
        if (bank.id != drawn.bankId)
            continue;
        for (const Question &q : bank.questions) {
            if (q.id == drawn.questionId)
                return &q;
        }
    }
    return nullptr;
}
