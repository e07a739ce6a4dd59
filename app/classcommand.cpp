#include "classcommand.h"

#include "classroom.h"
#include "classsheets.h"
#include "classsimulation.h"
#include "graderconnection.h"
#include "practiceserver.h"
#include "connectioninfo.h"
#include "consoleoutput.h"
#include "courselibrary.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>

#include <cmath>

namespace {
int fail(const QString &text)
{
    writeTo(stderr, QStringLiteral("pgcampus class: %1\n").arg(text));
    return 1;
}

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && file.commit())
        return true;
    *error = ClassCommand::tr("cannot write %1: %2").arg(path, file.errorString());
    return false;
}

// A simulated class on the trainer's server, or on a practice server of its own in a
// temporary directory (fsync on, max_connections raised for the class) when none is given.
int simulate(const QString &conninfo, int students, int seconds)
{
    const auto say = [](const QString &text) { writeTo(stderr, text + u'\n'); };
    QTemporaryDir directory;
    std::unique_ptr<PracticeServer> server;
    QString trainer = conninfo;
    if (trainer.isEmpty()) {
        if (!directory.isValid())
            return fail(ClassCommand::tr("cannot make a temporary directory: %1").arg(directory.errorString()));
        server = std::make_unique<PracticeServer>(directory.path());
        QString error;
        GraderConnection c;
        say(ClassCommand::tr("Starting a practice server for the class in %1…").arg(directory.path()));
        if (!server->start() || !c.open(server->connectionString(), 0, &error)
            || !c.exec(QStringLiteral("ALTER SYSTEM SET max_connections = %1").arg(Classroom::connectionsNeeded(students) + 3)).ok
            || !server->restart())
            return fail(ClassCommand::tr("cannot start the practice server: %1").arg(error + server->errorString()));
        trainer = server->connectionString();
    }
    const ClassSimulationReport report = ClassSimulation::simulate(trainer, students, seconds, say);
    if (server)
        server->stop();
    for (const QString &e : report.errors)
        say(e);
    if (!report.errors.isEmpty() || report.checkMs.isEmpty())
        return fail(ClassCommand::tr("the simulation did not run through"));
    writeTo(stdout, ClassCommand::tr("class simulation: %1 students, %2 s: %3 statements, %4 checks, %5 resets, %6 answers sent twice\n")
                        .arg(report.students)
                        .arg(std::lround(report.seconds))
                        .arg(report.statements)
                        .arg(report.checkMs.size())
                        .arg(report.resetMs.size())
                        .arg(report.retried));
    const auto figure = [](const char *name, double value) {
        writeTo(stdout, QStringLiteral("%1 %2\n").arg(QLatin1String(name)).arg(value, 0, 'f', value == std::floor(value) ? 0 : 1));
    };
    figure("class_provision_ms", report.provisionMs);
    figure("class_check_p50_ms", ClassSimulationReport::percentile(report.checkMs, 50));
    figure("class_check_p99_ms", ClassSimulationReport::percentile(report.checkMs, 99));
    figure("class_reset_p50_ms", ClassSimulationReport::percentile(report.resetMs, 50));
    figure("class_reset_p99_ms", ClassSimulationReport::percentile(report.resetMs, 99));
    figure("class_results_lost", double(report.lost()));
    figure("class_results_duplicated", double(report.duplicated() + report.retriesStored));
    return report.lost() == 0 && report.duplicated() == 0 && report.retriesStored == 0 ? 0 : 1;
}
} // namespace

int ClassCommand::run(const QStringList &arguments, const QString &defaultDataDirectory)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run a class on a shared PostgreSQL server:\n"
           "  pgcampus class provision --conn CONNINFO (--students N | --roster FILE.csv) [--pack ID...]\n"
           "                           --credentials OUT.csv|OUT.pdf [--class-file OUT.pgclass] [--class ID]\n"
           "  pgcampus class status|teardown --conn CONNINFO --class ID\n"
           "  pgcampus class reset --conn CONNINFO --class ID --lab ID [--student N...]\n"
           "  pgcampus class simulate --students N --minutes M [--conn CONNINFO]"));
    parser.addHelpOption();
    const QCommandLineOption conn(QStringLiteral("conn"),
                                  tr("The trainer's connection (a superuser, or CREATEROLE and CREATEDB), in the database "
                                     "that keeps the class."),
                                  QStringLiteral("CONNINFO"));
    const QCommandLineOption classId(QStringLiteral("class"), tr("The class id (provision makes one when not given)."),
                                     QStringLiteral("ID"));
    const QCommandLineOption count(QStringLiteral("students"), tr("How many students (named Student 01…)."), QStringLiteral("N"));
    const QCommandLineOption roster(QStringLiteral("roster"), tr("A CSV file with one student's name per line."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption pack(QStringLiteral("pack"), tr("A course pack whose labs the class does (all packs when not given)."),
                                  QStringLiteral("ID"));
    const QCommandLineOption credentials(QStringLiteral("credentials"),
                                         tr("Where to write the students' logins and passwords: a CSV file, or a sheet of "
                                            "cards to print when the name ends in .pdf."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption classFile(QStringLiteral("class-file"),
                                       tr("Where to write the class file students open to join (server, database, class; no passwords)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption title(QStringLiteral("title"), tr("The class's title, on the sheet and in the class file."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption lab(QStringLiteral("lab"), tr("The lab to reset."), QStringLiteral("ID"));
    const QCommandLineOption student(QStringLiteral("student"), tr("The student (by number) to reset; everyone when not given."),
                                     QStringLiteral("N"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), tr("The data directory whose installed packs count too."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Message language: zh_CN or en."), QStringLiteral("LANG"));
    const QCommandLineOption minutes(QStringLiteral("minutes"), tr("How long the simulated class works (simulate; 0.5 is half a minute)."),
                                     QStringLiteral("M"));
    parser.addOptions({conn, classId, count, roster, pack, credentials, classFile, title, lab, student, minutes, dataDir, lang});
    const auto usage = [](const QString &text) {
        writeTo(stderr, QStringLiteral("pgcampus class: %1\n").arg(text));
        return 2;
    };
    if (const std::optional<int> done = parseSubcommand(parser, arguments))
        return *done;
    const QString action = parser.positionalArguments().value(0);
    if (parser.positionalArguments().size() != 1
        || !QStringList{QStringLiteral("provision"), QStringLiteral("status"), QStringLiteral("reset"), QStringLiteral("teardown"),
                        QStringLiteral("simulate")}
                .contains(action))
        return usage(tr("usage: pgcampus class provision|status|reset|teardown|simulate … (see --help)"));
    if (action == u"simulate") {
        bool countOk = false, minutesOk = false;
        const int n = parser.value(count).toInt(&countOk);
        const double m = parser.value(minutes).toDouble(&minutesOk);
        if (!countOk || n < 1 || n > 999)
            return usage(tr("--students takes a number from 1 to 999"));
        if (!minutesOk || m <= 0 || m > 600)
            return usage(tr("--minutes takes a number of minutes above 0 (up to 600)"));
        return simulate(parser.value(conn), n, std::max(1, int(std::lround(m * 60))));
    }
    if (!parser.isSet(conn))
        return usage(tr("--conn is required"));
    if (action != u"provision" && !parser.isSet(classId))
        return usage(tr("--class is required"));
    const QString id = parser.isSet(classId) ? parser.value(classId) : Classroom::newClassId();
    if (!Classroom::isClassId(id))
        return usage(tr("\"%1\" is not a class id (c and seven letters or digits)").arg(id));
    Classroom room(parser.value(conn), id);
    const auto say = [](const QString &text) { writeTo(stdout, text + u'\n'); };
    QString error;

    if (action == u"status") {
        const std::optional<Classroom::Status> s = room.status(&error);
        if (!s)
            return fail(error);
        writeTo(stdout, tr("class %1: %2 students, %3 sandboxes, %4 results; labs: %5\n")
                            .arg(id)
                            .arg(s->students)
                            .arg(s->sandboxes)
                            .arg(s->results)
                            .arg(s->labs.isEmpty() ? tr("none") : s->labs.join(QStringLiteral(", "))));
        return 0;
    }
    if (action == u"teardown") {
        if (!room.teardown(&error, say))
            return fail(error);
        writeTo(stdout, tr("class %1 torn down: its roles, sandboxes and schema are gone\n").arg(id));
        return 0;
    }

    CourseLibrary library;
    const QString directory = parser.isSet(dataDir) ? QDir(parser.value(dataDir)).absolutePath() : defaultDataDirectory;
    library.load(CourseLibrary::defaultDirectories(directory));
    if (action == u"reset") {
        if (!parser.isSet(lab))
            return usage(tr("--lab is required"));
        const Lab *found = library.find(parser.value(lab)).lab;
        if (!found)
            return usage(tr("no lab \"%1\" in the course packs").arg(parser.value(lab)));
        QList<int> numbers;
        for (const QString &n : parser.values(student)) {
            bool ok = false;
            numbers << n.toInt(&ok);
            if (!ok || numbers.last() < 1)
                return usage(tr("--student takes a student's number: %1").arg(n));
        }
        if (!room.reset(*found, numbers, &error, say))
            return fail(error);
        return 0;
    }

    // provision
    if (parser.isSet(count) == parser.isSet(roster))
        return usage(tr("give either --students N or --roster FILE.csv"));
    if (!parser.isSet(credentials))
        return usage(tr("--credentials is required: the students' passwords are written there"));
    QStringList names;
    if (parser.isSet(count)) {
        bool ok = false;
        const int n = parser.value(count).toInt(&ok);
        if (!ok || n < 1 || n > 999)
            return usage(tr("--students takes a number from 1 to 999"));
        names = Classroom::numberedStudents(n);
    } else {
        QFile file(parser.value(roster));
        if (!file.open(QIODevice::ReadOnly))
            return usage(tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        names = Classroom::rosterFromCsv(QString::fromUtf8(file.readAll()));
        if (names.isEmpty())
            return usage(tr("%1 names no students").arg(file.fileName()));
    }
    QList<Lab> labs;
    const QStringList packs = parser.values(pack);
    for (const QString &p : packs) {
        if (!library.pack(p))
            return usage(tr("no course pack \"%1\"").arg(p));
    }
    for (const CoursePack &p : library.packs()) {
        if (packs.isEmpty() || packs.contains(p.id))
            labs << p.labs;
    }
    if (!room.provision(names, labs, &error, say))
        return fail(tr("%1 (run the same command again to finish: nothing is made twice)").arg(error));
    const std::optional<QList<ClassStudent>> students = room.students(&error);
    if (!students)
        return fail(error);
    const ClassFile sheet = ClassFile::forServer(parser.value(conn), id, parser.value(title));
    const QString path = parser.value(credentials);
    if (path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive)) {
        if (!ClassSheets::writeCredentialsPdf(path, sheet, *students, &error))
            return fail(error);
    } else if (!writeFile(path, Classroom::credentialsCsv(*students, sheet.host, sheet.port, sheet.database, id).toUtf8(), &error)) {
        return fail(error);
    }
    if (parser.isSet(classFile) && !writeFile(parser.value(classFile), sheet.toJson(), &error))
        return fail(error);
    writeTo(stdout, tr("class %1: %2 students provisioned; credentials in %3\n").arg(id).arg(students->size()).arg(path));
    return 0;
}
