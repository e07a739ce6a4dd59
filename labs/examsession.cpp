#include "examsession.h"

#include "fsrs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

ExamSession::ExamSession(ProgressStore &store, const CoursePack &pack, const ExamAttemptRecord &record)
    : m_store(&store)
    , m_pack(&pack)
    , m_record(record)
    , m_questions(questionsFromJson(record.questionsJson))
    , m_states(m_questions.size())
{
}

QString ExamSession::questionsToJson(const QList<DrawnQuestion> &questions)
{
    QJsonArray array;
    for (const DrawnQuestion &q : questions) {
        QJsonArray shown;
        for (int i : q.shownOrder)
            shown.append(i);
        array.append(QJsonObject{{QStringLiteral("bank"), q.bankId}, {QStringLiteral("question"), q.questionId},
                                 {QStringLiteral("shown"), shown}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<DrawnQuestion> ExamSession::questionsFromJson(const QString &json)
{
    QList<DrawnQuestion> questions;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        DrawnQuestion q{o.value(QStringLiteral("bank")).toString(), o.value(QStringLiteral("question")).toString(), {}};
        for (const QJsonValue &i : o.value(QStringLiteral("shown")).toArray())
            q.shownOrder << i.toInt();
        questions << q;
    }
    return questions;
}

std::optional<ExamSession> ExamSession::begin(ProgressStore &store, const CoursePack &pack, ExamAttemptRecord record,
                                              const ExamDraw::Result &drawn, QString *error)
{
    if (!drawn.error.isEmpty()) {
        *error = drawn.error;
        return std::nullopt;
    }
    record.attemptId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.packId = pack.id;
    record.questionsJson = questionsToJson(drawn.questions);
    if (!store.startExamAttempt(record)) {
        *error = store.errorString();
        return std::nullopt;
    }
    return ExamSession(store, pack, record);
}

std::optional<ExamSession> ExamSession::start(ProgressStore &store, const CoursePack &pack, const ExamBlueprint &blueprint,
                                              qint64 learnerId, quint64 seed, const QDateTime &now, QString *error)
{
    ExamAttemptRecord record;
    record.learnerId = learnerId;
    record.blueprintId = blueprint.id;
    record.mode = blueprint.review == ExamBlueprint::Review::Immediate ? QStringLiteral("practice") : QStringLiteral("exam");
    record.seed = seed;
    record.startedAt = now.toUTC();
    record.durationSeconds = blueprint.durationMinutes * 60;
    return begin(store, pack, record, ExamDraw::draw(pack, blueprint, seed), error);
}

std::optional<ExamSession> ExamSession::startDrill(ProgressStore &store, const CoursePack &pack, const QStringList &domains,
                                                   int count, qint64 learnerId, quint64 seed, const QDateTime &now,
                                                   QString *error)
{
    ExamAttemptRecord record;
    record.learnerId = learnerId;
    record.mode = QStringLiteral("drill");
    record.seed = seed;
    record.startedAt = now.toUTC();
    return begin(store, pack, record, ExamDraw::drill(pack, domains, count, seed), error);
}

std::optional<ExamSession> ExamSession::startReview(ProgressStore &store, const CoursePack &pack,
                                                    const QList<ReviewCardRecord> &cards, qint64 learnerId, quint64 seed,
                                                    const QDateTime &now, QString *error)
{
    ExamAttemptRecord record;
    record.learnerId = learnerId;
    record.mode = QStringLiteral("review");
    record.seed = seed;
    record.startedAt = now.toUTC();
    ExamDraw::Result drawn;
    for (const ReviewCardRecord &card : cards) {
        const DrawnQuestion d{card.bankId, card.questionId, {}};
        if (card.packId != pack.id || !ExamDraw::find(pack, d))
            continue;
        drawn.questions.append({card.bankId, card.questionId,
                                ExamDraw::shownOrder(*ExamDraw::find(pack, d), true, seed + quint64(drawn.questions.size()))});
    }
    if (drawn.questions.isEmpty())
        drawn.error = tr("Nothing is due for review.");
    return begin(store, pack, record, drawn, error);
}

std::optional<ExamSession> ExamSession::resume(ProgressStore &store, const CoursePack &pack, const QString &attemptId,
                                               QString *error)
{
    const std::optional<ExamAttemptRecord> record = store.examAttempt(attemptId);
    if (!record) {
        *error = tr("There is no attempt %1.").arg(attemptId);
        return std::nullopt;
    }
    if (record->packId != pack.id) {
        *error = tr("The attempt belongs to the pack \"%1\".").arg(record->packId);
        return std::nullopt;
    }
    ExamSession session(store, pack, *record);
    for (int i = 0; i < session.count(); ++i) {
        if (!session.question(i)) {
            *error = tr("The question \"%1\" of this attempt is no longer in its bank.").arg(session.drawn(i).questionId);
            return std::nullopt;
        }
    }
    session.m_states = replay(session.count(), store.examEvents(attemptId));
    return session;
}

const Question *ExamSession::question(int position) const
{
    return position >= 0 && position < m_questions.size() ? ExamDraw::find(*m_pack, m_questions.at(position)) : nullptr;
}

int ExamSession::unansweredCount() const
{
    return int(std::count_if(m_states.cbegin(), m_states.cend(), [](const QuestionState &s) { return !s.answered; }));
}

int ExamSession::flaggedCount() const
{
    return int(std::count_if(m_states.cbegin(), m_states.cend(), [](const QuestionState &s) { return s.flagged; }));
}

int ExamSession::remainingSeconds(const QDateTime &now) const
{
    if (m_record.durationSeconds <= 0)
        return -1;
    const QDateTime deadline = m_record.startedAt.addSecs(m_record.durationSeconds);
    const qint64 left = (now.msecsTo(deadline) + 999) / 1000; // a started second counts
    return int(std::clamp<qint64>(left, 0, m_record.durationSeconds));
}

QList<ExamSession::QuestionState> ExamSession::replay(qsizetype count, const QList<ExamEventRecord> &events)
{
    QList<QuestionState> states(count);
    for (const ExamEventRecord &event : events)
        apply(states, event);
    return states;
}

void ExamSession::apply(QList<QuestionState> &states, const ExamEventRecord &event)
{
    if (event.position < 0 || event.position >= states.size())
        return;
    QuestionState &s = states[event.position];
    if (event.kind == u"answer") {
        s.answer = CandidateAnswer::fromJson(event.answerJson);
        s.answered = !s.answer.isEmpty();
        if (s.graded && s.answer.text != s.gradedText)
            s.graded.reset(); // the verdict was for another answer
    } else if (event.kind == u"graded") {
        QString text;
        const QuestionScore verdict = QuestionScore::fromJson(event.answerJson, &text);
        if (text == s.answer.text) {
            s.graded = verdict;
            s.gradedText = text;
        }
    } else if (event.kind == u"flag" || event.kind == u"unflag") {
        s.flagged = event.kind == u"flag";
    } else if (event.kind == u"unsure" || event.kind == u"sure") {
        s.unsure = event.kind == u"unsure";
    } else if (event.kind == u"visit") {
        s.visited = true;
    }
}

bool ExamSession::store(int position, const QString &kind, const QString &answerJson, const QDateTime &now)
{
    if (position < 0 || position >= m_states.size() || isSubmitted() || timeIsUp(now))
        return false; // after the end nothing more is taken
    const ExamEventRecord event{now.toUTC(), position, kind, answerJson};
    if (!m_store->recordExamEvent(m_record.attemptId, event))
        return false;
    apply(m_states, event);
    return true;
}

bool ExamSession::answer(int position, const CandidateAnswer &answer, const QDateTime &now)
{
    return store(position, QStringLiteral("answer"), answer.toJson(), now);
}

bool ExamSession::setFlagged(int position, bool flagged, const QDateTime &now)
{
    return store(position, flagged ? QStringLiteral("flag") : QStringLiteral("unflag"), QString(), now);
}

bool ExamSession::setUnsure(int position, bool unsure, const QDateTime &now)
{
    return store(position, unsure ? QStringLiteral("unsure") : QStringLiteral("sure"), QString(), now);
}

bool ExamSession::visit(int position, const QDateTime &now)
{
    return store(position, QStringLiteral("visit"), QString(), now);
}

bool ExamSession::recordGraded(int position, const QuestionScore &verdict, const QDateTime &now)
{
    if (position < 0 || position >= m_states.size())
        return false;
    const QString text = m_states.at(position).answer.text;
    if (!recordGraded(*m_store, m_record, position, text, verdict, now))
        return false;
    apply(m_states, {now.toUTC(), position, QStringLiteral("graded"), verdict.toJson(text)});
    return true;
}

bool ExamSession::recordGraded(ProgressStore &store, const ExamAttemptRecord &attempt, int position,
                               const QString &answerText, const QuestionScore &verdict, const QDateTime &now)
{
    return store.recordExamEvent(attempt.attemptId,
                                 {now.toUTC(), position, QStringLiteral("graded"), verdict.toJson(answerText)});
}

QList<ExamSession::UngradedAnswer> ExamSession::ungradedSql(const CoursePack &pack, const ExamAttemptRecord &attempt,
                                                            const QList<ExamEventRecord> &events)
{
    const QList<DrawnQuestion> drawn = questionsFromJson(attempt.questionsJson);
    const QList<QuestionState> states = replay(drawn.size(), events);
    QList<UngradedAnswer> waiting;
    for (int i = 0; i < drawn.size(); ++i) {
        const Question *q = ExamDraw::find(pack, drawn.at(i));
        if (q && q->type == Question::Type::Sql && !states.at(i).answer.text.trimmed().isEmpty() && !states.at(i).graded)
            waiting.append({i, q, states.at(i).answer.text});
    }
    return waiting;
}

bool ExamSession::rate(int position, bool right, const QDateTime &now)
{
    if (position < 0 || position >= m_questions.size())
        return false;
    return ReviewQueue::rate(*m_store, m_record.learnerId, m_record.packId, m_questions.at(position), right,
                             m_states.at(position).unsure, now);
}

bool ExamSession::submit(const QDateTime &now)
{
    if (isSubmitted())
        return true;
    const bool late = timeIsUp(now);
    const QDateTime at = late ? m_record.startedAt.addSecs(m_record.durationSeconds) : now.toUTC();
    const QString by = late ? QStringLiteral("timeout") : QStringLiteral("candidate");
    if (!m_store->submitExamAttempt(m_record.attemptId, at, by))
        return false;
    m_record.submittedAt = at;
    m_record.submittedBy = by;
    return true;
}

ExamScore ExamScore::of(const CoursePack &pack, const ExamAttemptRecord &attempt, const QList<ExamEventRecord> &events,
                        int passPercent, const std::function<QuestionScore(const Question &, const CandidateAnswer &)> &sqlGrader)
{
    const QList<DrawnQuestion> drawn = ExamSession::questionsFromJson(attempt.questionsJson);
    const QList<ExamSession::QuestionState> states = ExamSession::replay(drawn.size(), events);
    ExamScore score;
    score.questions = int(drawn.size());
    for (qsizetype i = 0; i < drawn.size(); ++i) {
        const Question *q = ExamDraw::find(pack, drawn.at(i));
        QuestionScore one;
        if (q && q->type == Question::Type::Sql) {
            const ExamSession::QuestionState &state = states.at(i);
            if (state.graded)
                one = *state.graded;
            else if (state.answer.text.trimmed().isEmpty())
                one = QuestionScore();
            else if (sqlGrader)
                one = sqlGrader(*q, state.answer);
            else
                one.pending = true;
            score.pending += one.pending ? 1 : 0;
        } else if (q)
            one = QuestionGrader::grade(*q, states.at(i).answer);
        score.perQuestion << one;
        score.points += one.score;
        if (q) {
            ExamScore::Part &domain = score.byDomain[q->domain];
            domain.points += one.score;
            domain.questions += 1;
            ExamScore::Part &level = score.byDifficulty[q->difficulty];
            level.points += one.score;
            level.questions += 1;
        }
    }
    score.passed = score.questions > 0 && score.percent() + 1e-9 >= passPercent;
    return score;
}

QList<ExamHistoryEntry> ExamHistoryEntry::of(const ProgressStore &store, const CoursePack &pack,
                                             const ExamBlueprint &blueprint, qint64 learnerId)
{
    QList<ExamHistoryEntry> history;
    for (const ExamAttemptRecord &attempt : store.examAttempts(learnerId)) { // newest first
        if (attempt.packId != pack.id || attempt.blueprintId != blueprint.id || attempt.mode != u"exam"
            || !attempt.submittedAt.isValid())
            continue;
        const ExamScore score = ExamScore::of(pack, attempt, store.examEvents(attempt.attemptId), blueprint.passPercent);
        history.prepend({attempt.attemptId, attempt.submittedAt, score.percent(), score.passed, score.pending});
    }
    return history;
}

namespace {
// A card (new when record is empty) after a review now: wrong is Again, right but unsure
// Hard, right Good.
ReviewCardRecord reviewed(ReviewCardRecord record, const QString &packId, const DrawnQuestion &question, bool right,
                          bool unsure, const QDateTime &now)
{
    Fsrs::Card card{record.stability, record.difficulty, record.lastReview, record.due, record.reviews, record.lapses};
    card = Fsrs::review(card, !right ? Fsrs::Rating::Again : unsure ? Fsrs::Rating::Hard : Fsrs::Rating::Good, now);
    record.packId = packId;
    record.bankId = question.bankId;
    record.questionId = question.questionId;
    record.stability = card.stability;
    record.difficulty = card.difficulty;
    record.lastReview = card.lastReview;
    record.due = card.due;
    record.reviews = card.reviews;
    record.lapses = card.lapses;
    return record;
}
} // namespace

bool ReviewQueue::updateFromAttempt(ProgressStore &store, const CoursePack &pack, const ExamAttemptRecord &attempt,
                                    const QList<ExamEventRecord> &events, const ExamScore &score, const QDateTime &now,
                                    const QList<int> &only)
{
    const QList<DrawnQuestion> drawn = ExamSession::questionsFromJson(attempt.questionsJson);
    const QList<ExamSession::QuestionState> states = ExamSession::replay(drawn.size(), events);
    QHash<QString, ReviewCardRecord> cards;
    for (const ReviewCardRecord &c : store.reviewCards(attempt.learnerId))
        cards.insert(c.packId + u'/' + c.bankId + u'/' + c.questionId, c);
    for (qsizetype i = 0; i < drawn.size() && i < score.perQuestion.size(); ++i) {
        if (!ExamDraw::find(pack, drawn.at(i)) || score.perQuestion.at(i).pending || (!only.isEmpty() && !only.contains(int(i))))
            continue;
        const QString key = pack.id + u'/' + drawn.at(i).bankId + u'/' + drawn.at(i).questionId;
        const bool right = score.perQuestion.at(i).correct;
        const bool unsure = states.at(i).unsure;
        if (right && !unsure && !cards.contains(key))
            continue; // known, and not in the queue: nothing to review
        if (!store.saveReviewCard(attempt.learnerId, reviewed(cards.value(key), pack.id, drawn.at(i), right, unsure, now)))
            return false;
    }
    return true;
}

bool ReviewQueue::rate(ProgressStore &store, qint64 learnerId, const QString &packId, const DrawnQuestion &question,
                       bool right, bool unsure, const QDateTime &now)
{
    ReviewCardRecord record;
    for (const ReviewCardRecord &c : store.reviewCards(learnerId)) {
        if (c.packId == packId && c.bankId == question.bankId && c.questionId == question.questionId)
            record = c;
    }
    return store.saveReviewCard(learnerId, reviewed(record, packId, question, right, unsure, now));
}

QList<ReviewCardRecord> ReviewQueue::due(const ProgressStore &store, qint64 learnerId, const QDateTime &now)
{
    QList<ReviewCardRecord> due;
    for (const ReviewCardRecord &c : store.reviewCards(learnerId)) {
        if (c.due <= now)
            due << c;
    }
    return due;
}

bool ExamSession::extendTo(int durationSeconds)
{
    if (isSubmitted() || m_record.durationSeconds <= 0 || durationSeconds <= m_record.durationSeconds)
        return false;
    if (!m_store->extendExamAttempt(m_record.attemptId, durationSeconds))
        return false;
    m_record.durationSeconds = durationSeconds;
    return true;
}
