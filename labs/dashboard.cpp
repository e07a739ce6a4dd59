#include "dashboard.h"

#include "examdraw.h"
#include "examsession.h"

bool CourseCompletion::isDone(const CourseItem &item, const Lab *lab, const ItemProgress &progress)
{
    if (item.kind == CourseItem::Kind::Lesson)
        return progress.read;
    if (!lab || lab->steps.isEmpty())
        return false;
    return std::all_of(lab->steps.cbegin(), lab->steps.cend(),
                       [&](const LabStep &s) { return progress.passedSteps.contains(s.id); });
}

DashboardData DashboardData::load(const ProgressStore &store, const CourseLibrary &library, qint64 learnerId,
                                  const QDateTime &now)
{
    DashboardData d;
    const QHash<QString, ItemProgress> progress = store.courseProgress(learnerId);
    QHash<QString, Domain> domains; // "pack/domain"
    const auto domainOf = [&](const CoursePack &pack, const QString &id) -> Domain & {
        Domain &domain = domains[pack.id + u'/' + id];
        if (domain.domain.isEmpty()) {
            domain.packId = pack.id;
            domain.domain = id;
            for (const QuestionBank &bank : pack.banks) {
                for (const QuestionDomain &qd : bank.domains) {
                    if (qd.id == id)
                        domain.title = qd.title;
                }
            }
        }
        return domain;
    };

    // Courses: tracks, labs, and the labs' steps by domain.
    for (const CoursePack &pack : library.packs()) {
        QHash<QString, const Lab *> labs;
        for (const Lab &lab : pack.labs)
            labs.insert(lab.id, &lab);
        for (const CourseTrack &track : pack.tracks) {
            Track t{pack.id, track.id, track.title, 0, 0};
            for (const CourseModule &module : track.modules) {
                for (const CourseItem &item : module.items) {
                    const ItemProgress p = progress.value(pack.id + u'/' + item.id);
                    const Lab *lab = labs.value(item.id);
                    const bool done = CourseCompletion::isDone(item, lab, p);
                    t.items += 1;
                    t.done += done ? 1 : 0;
                    if (item.kind != CourseItem::Kind::Lab)
                        continue;
                    d.labsTotal += 1;
                    d.labsAttempted += p.attempted ? 1 : 0;
                    d.labsPassed += done ? 1 : 0;
                    if (item.domain.isEmpty() || !lab)
                        continue;
                    for (const LabStep &step : lab->steps) {
                        const bool tried = p.passedSteps.contains(step.id) || p.failedAttempts.contains(step.id)
                            || p.solutionsShown.contains(step.id);
                        if (!tried)
                            continue;
                        Domain &domain = domainOf(pack, item.domain);
                        domain.points += p.passedSteps.contains(step.id) && !p.solutionsShown.contains(step.id) ? 1 : 0;
                        domain.counted += 1;
                        domain.labSteps += 1;
                    }
                }
            }
            d.tracks << t;
        }
    }

    // Exams: every submitted attempt (oldest first), and its questions by domain.
    const QList<ExamAttemptRecord> attempts = store.examAttempts(learnerId); // newest first
    for (auto it = attempts.crbegin(); it != attempts.crend(); ++it) {
        const ExamAttemptRecord &attempt = *it;
        const CoursePack *pack = library.pack(attempt.packId);
        if (!pack)
            continue;
        if (!attempt.submittedAt.isValid()) {
            if (attempt.mode == u"exam" && !d.next) {
                const ExamBlueprint *blueprint = library.findExam(pack->id, attempt.blueprintId).blueprint;
                d.next = Next{Next::Kind::Exam, pack->id, attempt.attemptId, blueprint ? blueprint->title : LocalizedText()};
            }
            continue;
        }
        const ExamBlueprint *blueprint = library.findExam(pack->id, attempt.blueprintId).blueprint;
        const ExamScore score = ExamScore::of(*pack, attempt, store.examEvents(attempt.attemptId),
                                              blueprint ? blueprint->passPercent : 0);
        if (attempt.mode == u"exam" && blueprint)
            d.exams << ExamPoint{attempt.attemptId, pack->id, blueprint->id, blueprint->title, attempt.submittedAt,
                                 score.percent(), score.passed, blueprint->passPercent};
        for (auto part = score.byDomain.cbegin(); part != score.byDomain.cend(); ++part) {
            Domain &domain = domainOf(*pack, part.key());
            domain.points += part.value().points;
            domain.counted += part.value().questions;
            domain.questions += part.value().questions;
        }
    }
    for (const Domain &domain : std::as_const(domains)) {
        if (domain.counted > 0)
            d.domains << domain;
    }
    std::sort(d.domains.begin(), d.domains.end(), [](const Domain &a, const Domain &b) {
        return a.percent() != b.percent() ? a.percent() < b.percent() : a.domain < b.domain;
    });

    // Time: the last eight weeks, and the streak of days.
    const QDate today = now.toLocalTime().date();
    const QDate thisMonday = today.addDays(1 - today.dayOfWeek());
    const QDate firstMonday = thisMonday.addDays(-7 * 7);
    const QMap<QDate, qint64> seconds = store.studySecondsByWeek(learnerId, firstMonday);
    for (int w = 0; w < 8; ++w) {
        const QDate monday = firstMonday.addDays(7 * w);
        d.weeks << Week{monday, seconds.value(monday)};
    }
    const QList<QDate> days = store.studyDays(learnerId); // newest first
    QDate expected = !days.isEmpty() && days.first() == today ? today : today.addDays(-1);
    for (const QDate &day : days) {
        if (day > expected)
            continue;
        if (day != expected)
            break;
        d.streakDays += 1;
        expected = expected.addDays(-1);
    }

    d.reviewsDue = int(ReviewQueue::due(store, learnerId, now).size());

    // Where to go on: an exam still open, else the item opened last that is not finished,
    // else the first unfinished item of the first pack.
    if (!d.next) {
        for (const QString &key : store.recentItems(learnerId, 20)) {
            const CourseLibrary::Found found = library.find(key.section(u'/', 0, 0), key.section(u'/', 1));
            if (found.item && !CourseCompletion::isDone(*found.item, found.lab, progress.value(key))) {
                d.next = Next{Next::Kind::Item, found.pack->id, found.item->id, found.item->title};
                break;
            }
        }
    }
    for (const CoursePack &pack : library.packs()) {
        if (d.next)
            break;
        for (const CourseItem *item : library.itemsInOrder(pack.id)) {
            const CourseLibrary::Found found = library.find(pack.id, item->id);
            if (!CourseCompletion::isDone(*item, found.lab, progress.value(pack.id + u'/' + item->id))) {
                d.next = Next{Next::Kind::Item, pack.id, item->id, item->title};
                break;
            }
        }
    }
    return d;
}
