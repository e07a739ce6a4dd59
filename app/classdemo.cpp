#include "classdemo.h"

#include "classroom.h"
#include "courselibrary.h"
#include "connectioninfo.h"
#include "graderconnection.h"

#include <QUuid>

namespace {
// What a student has done with an item: each attempt's step (-1: every step in turn),
// whether it passed, and how many minutes ago.
struct Attempt
{
    int step;
    bool passed;
    int minutesAgo;
};
using Story = QList<Attempt>;

const Story Passed = {{-1, true, 25}};
const Story HalfWay = {{0, false, 9}, {0, true, 6}, {1, true, 2}};
const Story Failing = {{0, false, 4}, {0, false, 2}, {0, false, 1}};
const Story Stuck = {{0, false, 19}, {0, false, 13}, {0, false, 6}, {0, false, 2}};
const Story None = {};
const Story ExamPassed = {{0, true, 3}};
const Story ExamFailed = {{0, false, 5}};

// A row per student, a story per item (three labs, then the exams).
const QList<QList<Story>> Stories = {
    {Passed, Passed, HalfWay, ExamPassed}, {Passed, HalfWay, None, None},        {Passed, Failing, None, ExamFailed},
    {Passed, Stuck, None, None},           {Passed, Passed, Passed, ExamPassed}, {HalfWay, None, None, None},
    {Stuck, None, None, None},             {Passed, Passed, Failing, None},
};
} // namespace

QStringList ClassDemo::names(const QString &language)
{
    if (language == u"zh_CN")
        return {QStringLiteral("张伟"), QStringLiteral("王芳"), QStringLiteral("李娜"), QStringLiteral("刘洋"),
                QStringLiteral("陈静"), QStringLiteral("杨磊"), QStringLiteral("赵敏"), QStringLiteral("黄涛")};
    return {QStringLiteral("Alice Chen"), QStringLiteral("Bo Wang"), QStringLiteral("Carmen Li"), QStringLiteral("David Liu"),
            QStringLiteral("Emma Zhao"), QStringLiteral("Feng Yang"), QStringLiteral("Grace Huang"), QStringLiteral("Hao Zhou")};
}

QStringList ClassDemo::labIds()
{
    return {QStringLiteral("first-queries"), QStringLiteral("types-and-constraints-lab"), QStringLiteral("indexes-and-explain-lab")};
}

int ClassDemo::make(const QString &trainerConninfo, const QString &classId, const CourseLibrary &library, const QString &language,
                    QString *error)
{
    QList<Lab> labs;
    for (const QString &id : labIds()) {
        if (const Lab *lab = library.find(id).lab)
            labs << *lab;
    }
    const CourseLibrary::FoundExam exam = library.findExam(QString(), QStringLiteral("quick-quiz"));
    if (labs.size() != labIds().size() || !exam.blueprint) {
        *error = tr("The demo class needs the shipped course pack.");
        return -1;
    }
    Classroom room(trainerConninfo, classId);
    if (!room.provision(names(language), labs, error) || !room.addExams({exam.blueprint->id}, error))
        return -1;
    const std::optional<QList<ClassStudent>> students = room.students(error);
    if (!students)
        return -1;
    GraderConnection trainer;
    if (!trainer.open(trainerConninfo, 0, error))
        return -1;
    int recorded = 0;
    for (const ClassStudent &student : *students) {
        GraderConnection own;
        if (!own.open(ConnectionInfo(ConnectionInfo(trainerConninfo).with(QStringLiteral("user"), student.login))
                          .with(QStringLiteral("password"), student.password),
                      0, error))
            return -1;
        const QList<Story> &row = Stories.at((student.number - 1) % Stories.size());
        for (qsizetype item = 0; item < row.size(); ++item) {
            const bool isExam = item == labs.size();
            const QString itemId = isExam ? exam.blueprint->id : labs.at(item).id;
            QList<Attempt> attempts;
            for (const Attempt &a : row.at(item)) {
                if (a.step >= 0 || isExam) {
                    attempts << a;
                    continue;
                }
                for (int s = 0; s < labs.at(item).steps.size(); ++s) // every step in turn, a minute apart
                    attempts << Attempt{s, true, a.minutesAgo - s};
            }
            for (const Attempt &a : attempts) {
                const QString step = isExam ? QString() : labs.at(item).steps.at(a.step).id;
                const QString feedback = a.passed ? QString()
                    : isExam                      ? tr("Score 55 %: below the pass mark of 70 %.")
                                                  : tr("Expected 4 rows, got 3: one customer is missing (check the join).");
                const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
                const SqlOutcome o = own.exec(room.recordStatement(),
                                              {itemId, step, a.passed ? QStringLiteral("true") : QStringLiteral("false"), feedback, token});
                const SqlOutcome dated = o.ok ? trainer.exec(QStringLiteral("UPDATE %1.result SET recorded_at = now() - make_interval(mins => $2) "
                                                                            "WHERE token = $1::uuid")
                                                                 .arg(room.schema()),
                                                             {token, QString::number(a.minutesAgo)})
                                              : o;
                if (!dated.ok) {
                    *error = dated.message;
                    return -1;
                }
                ++recorded;
            }
        }
    }
    return recorded;
}
