#include "courselibrary.h"
#include "coursepackloader.h"
#include "packarchive.h"
#include "throwawayserver.h"

#include <KZip>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Fixtures = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware");

// Zips a pack directory's files, under prefix inside the archive ("" for the top).
bool zipDirectory(const QString &directory, const QString &zipPath, const QString &prefix)
{
    KZip zip(zipPath);
    if (!zip.open(QIODevice::WriteOnly))
        return false;
    QDirIterator it(directory, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            return false;
        const QString name = prefix + QDir(directory).relativeFilePath(file);
        if (!zip.writeFile(name, in.readAll()))
            return false;
    }
    return zip.close();
}
}

class tst_CoursePack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsAGoodPack();
    void shippedPacksLoadClean();
    void brokenPacksNameFileAndLine_data();
    void brokenPacksNameFileAndLine();
    void checkCommand();
    void zippedPacks();
    void importAndExportCommands();
    void brokenArchivesAreReportedAndSkipped();
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
    QCOMPARE(lab.setupLine, 6); // "setup: |" is on line 5: a failure in the setup is reported by the file's line
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

    // The question bank: one question of each type.
    QCOMPARE(pack->banks.size(), 1);
    const QuestionBank &bank = pack->banks.first();
    QCOMPARE(bank.domains.size(), 2);
    QCOMPARE(bank.questions.size(), 8);
    const Question &single = bank.questions.at(0);
    QCOMPARE(single.type, Question::Type::Single);
    QCOMPARE(single.options.size(), 3);
    QCOMPARE(single.options.at(0).text.value(QStringLiteral("zh_CN")), QStringLiteral("2")); // a plain value serves both
    QVERIFY(single.options.at(0).correct && !single.options.at(1).correct);
    QCOMPARE(single.options.at(2).text.value(QStringLiteral("en")), QStringLiteral("An error"));
    QCOMPARE(single.reference, QStringLiteral("https://www.postgresql.org/docs/17/functions-aggregate.html"));
    QVERIFY(bank.questions.at(1).partialCredit);
    QCOMPARE(bank.questions.at(2).type, Question::Type::TrueFalse);
    QVERIFY(bank.questions.at(2).truth);
    QCOMPARE(bank.questions.at(3).accepted, QStringList{QStringLiteral("VACUUM")});
    QCOMPARE(bank.questions.at(4).value, 8192.0);
    QCOMPARE(bank.questions.at(5).items.size(), 4);
    QCOMPARE(bank.questions.at(6).pairs.at(2).right.value(QStringLiteral("en")), QStringLiteral("ACCESS EXCLUSIVE"));
    const Question &task = bank.questions.at(7);
    QCOMPARE(task.type, Question::Type::Sql);
    QCOMPARE(task.task.steps.size(), 1);
    QCOMPARE(task.task.steps.first().checks.first().kind, QStringLiteral("result"));
    QCOMPARE(task.task.steps.first().decoys.size(), 2);
    QVERIFY(task.task.setup.contains(QStringLiteral("CREATE TABLE orders")));
}

// The packs the application ships keep to the strict format: every field known, every value typed.
void tst_CoursePack::shippedPacksLoadClean()
{
    const QDir shipped(QStringLiteral(PGCAMPUS_SOURCE_DIR "/courseware"));
    const QStringList packs = shipped.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(!packs.isEmpty());
    for (const QString &name : packs) {
        QList<PackProblem> problems;
        const std::optional<CoursePack> pack = CoursePackLoader::load(shipped.filePath(name), &problems);
        QVERIFY2(pack && problems.isEmpty(), problems.isEmpty() ? qPrintable(name) : qPrintable(problems.first().toText()));
    }
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
                                                        "8 questions, in zh_CN and en; 0 packs with problems\n"));
    out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE), {QStringLiteral("courseware"), QStringLiteral("check"), Fixtures});
    QCOMPARE(out.exitCode, 1);
    const QString err = QString::fromUtf8(out.err);
    QVERIFY2(err.contains(QStringLiteral("broken-duplicate-id/pack.yaml:11: the id \"basics\" is used twice")), qPrintable(err));
    QVERIFY(QString::fromUtf8(out.out).contains(QStringLiteral("19 packs with problems")));
    out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE), {QStringLiteral("courseware"), QStringLiteral("check")});
    QCOMPARE(out.exitCode, 2);
}

// A pack handed out as a .zip loads like its directory, with its files at the top of the
// archive or in one top-level directory, and the same archive is unpacked only once.
void tst_CoursePack::zippedPacks()
{
    QTemporaryDir work;
    PackArchive::setCacheDirectory(work.filePath(QStringLiteral("cache")));
    const QString flat = work.filePath(QStringLiteral("flat.zip"));
    const QString nested = work.filePath(QStringLiteral("shelf/nested.zip"));
    QVERIFY(QDir().mkpath(work.filePath(QStringLiteral("shelf"))));
    QVERIFY(zipDirectory(Fixtures + QStringLiteral("/good"), flat, QString()));
    QVERIFY(zipDirectory(Fixtures + QStringLiteral("/good"), nested, QStringLiteral("fixture-good/")));

    for (const QString &archive : {flat, nested}) {
        QString error;
        const QString directory = PackArchive::unpack(archive, &error);
        QVERIFY2(!directory.isEmpty(), qPrintable(error));
        QList<PackProblem> problems;
        const std::optional<CoursePack> pack = CoursePackLoader::load(directory, &problems);
        QVERIFY2(pack, problems.isEmpty() ? "" : qPrintable(problems.first().toText()));
        QCOMPARE(pack->id, QStringLiteral("fixture-good"));
        QCOMPARE(pack->labs.size(), 1);
        QVERIFY(QFile::exists(QDir(directory).filePath(QStringLiteral("lessons/images/server.svg"))));
        // Unpacked once: a second call finds the same directory and leaves its files alone.
        QFile marker(QDir(directory).filePath(QStringLiteral("touched")));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();
        QCOMPARE(PackArchive::unpack(archive, &error), directory);
        QVERIFY(marker.exists());
    }
    // A directory of packs picks up .zip files beside pack directories.
    CourseLibrary library;
    library.load({work.filePath(QStringLiteral("shelf"))});
    QCOMPARE(library.packs().size(), 1);
    QVERIFY(library.problems().isEmpty());

    // The command line takes a .zip as well.
    const ProgramOutput out = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                                         {QStringLiteral("courseware"), QStringLiteral("check"), nested},
                                         {QStringLiteral("XDG_CACHE_HOME=") + work.filePath(QStringLiteral("xdg"))});
    QCOMPARE(out.exitCode, 0);
    QVERIFY2(QString::fromUtf8(out.out).startsWith(QStringLiteral("checked 1 packs: 1 tracks")), out.out.constData());
    PackArchive::setCacheDirectory(QString());
}

// pgcampus courseware import / export on the command line.
void tst_CoursePack::importAndExportCommands()
{
    QTemporaryDir work;
    const QString pack = work.filePath(QStringLiteral("pack"));
    QVERIFY(QDir().mkpath(pack + QStringLiteral("/lessons/images")) && QDir().mkpath(pack + QStringLiteral("/labs"))
            && QDir().mkpath(pack + QStringLiteral("/banks")) && QDir().mkpath(pack + QStringLiteral("/exams")));
    QDirIterator files(Fixtures + QStringLiteral("/good"), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString file = files.next();
        QVERIFY(QFile::copy(file, pack + u'/' + QDir(Fixtures + QStringLiteral("/good")).relativeFilePath(file)));
        QFile::setPermissions(pack + u'/' + QDir(Fixtures + QStringLiteral("/good")).relativeFilePath(file),
                              QFile::ReadOwner | QFile::WriteOwner);
    }
    const QString exe = QStringLiteral(PGCAMPUS_EXECUTABLE);
    ProgramOutput out = runProgram(exe, {QStringLiteral("courseware"), QStringLiteral("import"), QStringLiteral("aiken"),
                                         QStringLiteral(PGCAMPUS_TEST_DATA "/labs/banks/aiken.txt"), QStringLiteral("--into"), pack});
    QVERIFY2(out.exitCode == 0 || out.exitCode == 1, out.err.constData());
    QVERIFY2(QString::fromUtf8(out.out).startsWith(QStringLiteral("imported ")), out.out.constData());
    QList<PackProblem> problems;
    const std::optional<CoursePack> loaded = CoursePackLoader::load(pack, &problems);
    QVERIFY2(loaded, problems.isEmpty() ? "" : qPrintable(problems.first().toText()));
    QCOMPARE(loaded->banks.size(), 2);
    QCOMPARE(loaded->banks.last().id, QStringLiteral("aiken"));

    const QString xml = work.filePath(QStringLiteral("basics.xml"));
    out = runProgram(exe, {QStringLiteral("courseware"), QStringLiteral("export"), QStringLiteral("moodlexml"), pack,
                           QStringLiteral("basics"), xml});
    QCOMPARE(out.exitCode, 0);
    QFile written(xml);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().contains("<quiz>"));
    out = runProgram(exe, {QStringLiteral("courseware"), QStringLiteral("export"), QStringLiteral("moodlexml"), pack,
                           QStringLiteral("nope"), xml});
    QCOMPARE(out.exitCode, 1);
    QVERIFY(QString::fromUtf8(out.err).contains(QStringLiteral("no bank \"nope\"")));
    out = runProgram(exe, {QStringLiteral("courseware"), QStringLiteral("import"), QStringLiteral("csv"), xml,
                           QStringLiteral("--into"), pack});
    QCOMPARE(out.exitCode, 2);
}

// A damaged or hostile archive is reported by name and skipped; the other packs load.
void tst_CoursePack::brokenArchivesAreReportedAndSkipped()
{
    QTemporaryDir work;
    const QString cache = work.filePath(QStringLiteral("cache"));
    PackArchive::setCacheDirectory(cache);
    const QString shelf = work.filePath(QStringLiteral("shelf"));
    QVERIFY(QDir().mkpath(shelf));
    QVERIFY(zipDirectory(Fixtures + QStringLiteral("/good"), shelf + QStringLiteral("/a-good.zip"), QString()));
    {
        QFile junk(shelf + QStringLiteral("/b-not-a-zip.zip"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
    }
    QVERIFY(zipDirectory(Fixtures + QStringLiteral("/good/lessons"), shelf + QStringLiteral("/c-no-manifest.zip"), QString()));
    {
        KZip zip(shelf + QStringLiteral("/d-broken-pack.zip"));
        QVERIFY(zip.open(QIODevice::WriteOnly));
        QVERIFY(zip.writeFile(QStringLiteral("pack.yaml"), "id: broken\ntracks: [\n"));
        QVERIFY(zip.close());
    }
    {
        KZip zip(shelf + QStringLiteral("/e-link.zip"));
        QVERIFY(zip.open(QIODevice::WriteOnly));
        QVERIFY(zip.writeFile(QStringLiteral("pack.yaml"), "id: linked\n"));
        QVERIFY(zip.writeSymLink(QStringLiteral("lessons"), QStringLiteral("/etc")));
        QVERIFY(zip.close());
    }
    {
        KZip zip(shelf + QStringLiteral("/f-escape.zip"));
        QVERIFY(zip.open(QIODevice::WriteOnly));
        QVERIFY(zip.writeFile(QStringLiteral("../../escaped.txt"), "outside"));
        QVERIFY(zip.writeFile(QStringLiteral("lessons/../../../escaped-too.txt"), "outside"));
        QVERIFY(zip.close());
    }
    CourseLibrary library;
    library.load({shelf});
    QCOMPARE(library.packs().size(), 1);
    // Whatever the archive's names say, nothing is written outside the cache.
    QDirIterator written(work.path(), {QStringLiteral("escaped*")}, QDir::Files, QDirIterator::Subdirectories);
    while (written.hasNext()) {
        const QString path = written.next();
        QVERIFY2(path.startsWith(cache + u'/'), qPrintable(path));
    }
    QStringList found;
    for (const PackProblem &p : library.problems())
        found << p.toText();
    const QString all = found.join(u'\n');
    QVERIFY2(all.contains(QStringLiteral("b-not-a-zip.zip: not a readable .zip archive")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("c-no-manifest.zip: no pack.yaml")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("d-broken-pack.zip/pack.yaml:3: not valid YAML")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("e-link.zip: the entry \"lessons\" is a link")), qPrintable(all));
    // Nothing half-unpacked is left behind.
    const QStringList left = QDir(cache).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(left.size(), 2); // the good pack and the broken-YAML one, which unpacked fine
    for (const QString &name : left)
        QVERIFY2(!name.contains(QStringLiteral("partial")), qPrintable(name));
    PackArchive::setCacheDirectory(QString());
}

QTEST_GUILESS_MAIN(tst_CoursePack)
#include "tst_coursepack.moc"
