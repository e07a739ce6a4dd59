#include "coursepackloader.h"
#include "throwawayserver.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace {
const QString Fixtures = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware");
}

class tst_CoursePack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsAGoodPack();
    void brokenPacksNameFileAndLine_data();
    void brokenPacksNameFileAndLine();
    void checkCommand();
};

void tst_CoursePack::loadsAGoodPack()
{
    QList<PackProblem> problems;
    const std::optional<CoursePack> pack = CoursePackLoader::load(Fixtures + QStringLiteral("/good"), &problems);
    QVERIFY2(pack, problems.isEmpty() ? "" : qPrintable(problems.first().toText()));
    QVERIFY(problems.isEmpty());
    QCOMPARE(pack->id, QStringLiteral("fixture-good"));
    QCOMPARE(pack->title.value(QStringLiteral("zh_CN")), QStringLiteral("测试课程包"));
    QCOMPARE(pack->minServerVersion, 170000);
    QCOMPARE(pack->tracks.size(), 1);
    const CourseModule &module = pack->tracks.first().modules.first();
    QCOMPARE(module.items.size(), 2);
    QCOMPARE(module.items.at(0).kind, CourseItem::Kind::Lesson);
    QCOMPARE(module.items.at(0).lessonFiles.value(QStringLiteral("en")), QStringLiteral("lessons/hello.en.md"));
    QCOMPARE(module.items.at(1).prerequisites, QStringList{QStringLiteral("hello")});
    QCOMPARE(pack->labs.size(), 1);
    const Lab &lab = pack->labs.first();
    QVERIFY(lab.setup.contains(QStringLiteral("generate_series(1, 10)")));
    QCOMPARE(lab.steps.size(), 1);
    const LabStep &step = lab.steps.first();
    QCOMPARE(step.points, 10);
    QCOMPARE(step.hints.size(), 1);
    QCOMPARE(step.hints.first().value(QStringLiteral("en")), QStringLiteral("Try count(*)."));
    QCOMPARE(step.checks.first().kind, QStringLiteral("result"));
    QCOMPARE(step.checks.first().fields.value(QStringLiteral("reference")).toString(), QStringLiteral("SELECT count(*) FROM orders"));
    QCOMPARE(step.checks.first().fields.value(QStringLiteral("ordered")).toString(), QStringLiteral("false"));
    QCOMPARE(step.decoys.first().sql, QStringLiteral("SELECT 10;"));
    QCOMPARE(step.solution, QStringLiteral("SELECT count(*) FROM orders;\n"));
}

void tst_CoursePack::brokenPacksNameFileAndLine_data()
{
    QTest::addColumn<QString>("directory");
    const QDir dir(Fixtures);
    const QStringList broken = dir.entryList({QStringLiteral("broken-*")}, QDir::Dirs, QDir::Name);
    QVERIFY(broken.size() >= 8);
    for (const QString &name : broken)
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

// Each broken fixture lists in expected.txt the problems it must produce, as
// FILE:LINE: message beginnings.
void tst_CoursePack::brokenPacksNameFileAndLine()
{
    QFETCH(QString, directory);
    QFile expectedFile(directory + QStringLiteral("/expected.txt"));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList expected = QString::fromUtf8(expectedFile.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QList<PackProblem> problems;
    QVERIFY(!CoursePackLoader::load(directory, &problems));
    QStringList found;
    for (const PackProblem &p : std::as_const(problems))
        found << p.toText();
    for (const QString &line : expected) {
        const bool present = std::any_of(found.cbegin(), found.cend(), [&](const QString &f) { return f.startsWith(line); });
        QVERIFY2(present, qPrintable(QStringLiteral("expected \"%1\" among:\n%2").arg(line, found.join(u'\n'))));
    }
}

void tst_CoursePack::checkCommand()
{
    ProgramOutput out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                                   {QStringLiteral("courseware"), QStringLiteral("check"), Fixtures + QStringLiteral("/good")});
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(QString::fromUtf8(out.out), QStringLiteral("checked 1 packs: 1 tracks, 1 modules, 1 lessons, 1 labs, 1 steps, "
                                                        "0 questions, in zh_CN and en; 0 packs with problems\n"));
    out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE), {QStringLiteral("courseware"), QStringLiteral("check"), Fixtures});
    QCOMPARE(out.exitCode, 1);
    const QString err = QString::fromUtf8(out.err);
    QVERIFY2(err.contains(QStringLiteral("broken-duplicate-id/pack.yaml:11: the id \"basics\" is used twice")), qPrintable(err));
    QVERIFY(QString::fromUtf8(out.out).contains(QStringLiteral("9 packs with problems")));
    out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE), {QStringLiteral("courseware"), QStringLiteral("check")});
    QCOMPARE(out.exitCode, 2);
}

QTEST_GUILESS_MAIN(tst_CoursePack)
#include "tst_coursepack.moc"
