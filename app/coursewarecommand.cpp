#include "coursewarecommand.h"

#include "consoleoutput.h"
#include "courselibrary.h"
#include "coursepackloader.h"
#include "bankinterchange.h"
#include "labverifier.h"
#include "packarchive.h"
#include "practiceserver.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

// pgcampus courseware import gift|aiken|moodlexml FILE --into PACKDIR [--lang zh_CN|en]
int CoursewareCommand::importBank(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Import questions into a pack's bank: pgcampus courseware import gift|aiken|moodlexml "
                                        "FILE --into PACKDIR"));
    parser.addHelpOption();
    const QCommandLineOption into(QStringLiteral("into"), tr("The pack that gets the new bank."), QStringLiteral("PACKDIR"));
    const QCommandLineOption language(QStringLiteral("lang"), tr("The language the file is written in: zh_CN or en (default en)."),
                                      QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    parser.addOption(into);
    parser.addOption(language);
    const QString usage = tr("pgcampus courseware: usage: pgcampus courseware import gift|aiken|moodlexml FILE --into PACKDIR\n");
    if (const std::optional<int> done = parseSubcommand(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3 || !parser.isSet(into)) {
        writeTo(stderr, usage);
        return 2;
    }
    const QString format = positional.at(1);
    const QString file = positional.at(2);
    QList<PackProblem> problems;
    std::optional<QuestionBank> bank;
    if (format == u"gift")
        bank = BankInterchange::importGift(file, parser.value(language), &problems);
    else if (format == u"aiken")
        bank = BankInterchange::importAiken(file, parser.value(language), &problems);
    else if (format == u"moodlexml")
        bank = BankInterchange::importMoodleXml(file, parser.value(language), &problems);
    else {
        writeTo(stderr, usage);
        return 2;
    }
    for (const PackProblem &problem : std::as_const(problems))
        writeTo(stderr, problem.toText() + u'\n');
    if (!bank)
        return 1;
    QString error;
    if (!BankInterchange::writeBank(*bank, parser.value(into), &error)) {
        writeTo(stderr, QStringLiteral("pgcampus courseware: %1\n").arg(error));
        return 1;
    }
    writeTo(stdout, tr("imported %1 questions into the bank \"%2\" of %3; %4 skipped\n")
                        .arg(bank->questions.size())
                        .arg(bank->id, parser.value(into))
                        .arg(problems.size()));
    return problems.isEmpty() ? 0 : 1;
}

// pgcampus courseware export moodlexml PACKDIR BANK FILE [--lang zh_CN|en]
int CoursewareCommand::exportBank(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Export a pack's bank: pgcampus courseware export moodlexml PACKDIR BANK FILE"));
    parser.addHelpOption();
    const QCommandLineOption language(QStringLiteral("lang"), tr("The language to export: zh_CN or en (default en)."),
                                      QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    parser.addOption(language);
    if (const std::optional<int> done = parseSubcommand(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 5 || positional.at(1) != u"moodlexml") {
        writeTo(stderr, tr("pgcampus courseware: usage: pgcampus courseware export moodlexml PACKDIR BANK FILE\n"));
        return 2;
    }
    QList<PackProblem> problems;
    const std::optional<CoursePack> pack = CoursePackLoader::load(positional.at(2), &problems);
    for (const PackProblem &problem : std::as_const(problems))
        writeTo(stderr, QDir(positional.at(2)).filePath(problem.toText()) + u'\n');
    if (!pack)
        return 1;
    for (const QuestionBank &bank : pack->banks) {
        if (bank.id != positional.at(3))
            continue;
        QString error;
        if (!BankInterchange::exportMoodleXml(bank, parser.value(language), positional.at(4), &error)) {
            writeTo(stderr, QStringLiteral("pgcampus courseware: %1\n").arg(error));
            return 1;
        }
        writeTo(stdout, tr("exported %1 questions of the bank \"%2\" to %3\n")
                            .arg(bank.questions.size())
                            .arg(bank.id, positional.at(4)));
        return 0;
    }
    writeTo(stderr, tr("pgcampus courseware: the pack has no bank \"%1\"\n").arg(positional.at(3)));
    return 1;
}

int CoursewareCommand::run(const QStringList &arguments)
{
    if (arguments.value(1) == u"import")
        return importBank(arguments);
    if (arguments.value(1) == u"export")
        return exportBank(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Check courseware packs: pgcampus courseware check [--run] PATH..."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("check"), tr("Validate the packs under each PATH."));
    parser.addPositionalArgument(QStringLiteral("PATH"), tr("A pack's directory or .zip, or a directory of packs."));
    const QCommandLineOption runOption(QStringLiteral("run"),
                                       tr("Also build every lab on a throwaway practice server and prove that each step "
                                          "passes with its reference solution and fails with each of its decoys."));
    parser.addOption(runOption);
    if (const std::optional<int> done = parseSubcommand(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2 || positional.first() != u"check") {
        writeTo(stderr, tr("pgcampus courseware: usage: pgcampus courseware check [--run] PATH...\n"));
        return 2;
    }

    const bool run = parser.isSet(runOption);
    QTemporaryDir work;
    std::unique_ptr<PracticeServer> server;
    if (run) {
        PracticeServer::Options options;
        options.throwaway = true;
        server = std::make_unique<PracticeServer>(work.filePath(QStringLiteral("server")), options);
        if (!work.isValid() || !server->start()) {
            writeTo(stderr, tr("pgcampus courseware: cannot start a practice server: %1\n").arg(server->errorString()));
            return 2;
        }
    }
    int warnings = 0;
    int packs = 0, tracks = 0, modules = 0, lessons = 0, labs = 0, steps = 0, questions = 0, sqlQuestions = 0, broken = 0,
        proven = 0, decoys = 0;
    for (const QString &path : positional.mid(1)) {
        if (!QFileInfo(path).isDir() && !PackArchive::isArchive(path)) {
            writeTo(stderr, tr("pgcampus courseware: %1 is neither a directory nor a .zip pack\n").arg(path));
            return 2;
        }
        for (const CourseLibrary::PackSource &source : CourseLibrary::packSources(path)) {
            ++packs;
            if (source.directory.isEmpty()) {
                writeTo(stderr, source.error + u'\n');
                ++broken;
                continue;
            }
            QList<PackProblem> problems;
            const std::optional<CoursePack> pack = CoursePackLoader::load(source.directory, &problems);
            for (const PackProblem &problem : std::as_const(problems))
                writeTo(stderr, source.shownAs + u'/' + problem.toText() + u'\n');
            if (!pack) {
                ++broken;
                continue;
            }
            for (const CourseTrack &track : pack->tracks) {
                ++tracks;
                for (const CourseModule &module : track.modules) {
                    ++modules;
                    for (const CourseItem &item : module.items)
                        ++(item.kind == CourseItem::Kind::Lesson ? lessons : labs);
                }
            }
            // Labs, then sql questions, each proven like a lab of one step.
            QList<std::pair<const Lab *, QString>> toProve; // the lab, and the question it is for
            for (const Lab &lab : pack->labs) {
                steps += int(lab.steps.size());
                toProve.append({&lab, QString()});
            }
            for (const QuestionBank &bank : pack->banks) {
                questions += int(bank.questions.size());
                for (const Question &question : bank.questions) {
                    if (question.type == Question::Type::Sql) {
                        ++sqlQuestions;
                        toProve.append({&question.task, question.id});
                    }
                }
            }
            bool failed = false;
            for (const auto &[lab, question] : std::as_const(toProve)) {
                if (!run)
                    break;
                writeTo(stderr, question.isEmpty() ? tr("checking lab %1...\n").arg(lab->id)
                                                   : tr("checking question %1...\n").arg(question));
                LabVerifier verifier(server->connectionString(), work.path());
                const LabVerifier::Report report = verifier.verify(*lab);
                proven += report.steps;
                decoys += report.decoys;
                for (const PackProblem &problem : report.problems)
                    writeTo(stderr, source.shownAs + u'/' + problem.toText() + u'\n');
                for (PackProblem warning : report.warnings) {
                    warning.message = tr("warning: %1").arg(warning.message);
                    writeTo(stderr, source.shownAs + u'/' + warning.toText() + u'\n');
                }
                warnings += int(report.warnings.size());
                failed = failed || !report.problems.isEmpty();
            }
            broken += failed ? 1 : 0;
        }
    }
    const QString ran = run ? tr("; %1 of %2 steps and sql questions passed with their reference solutions, %3 decoys rejected")
                                  .arg(proven).arg(steps + sqlQuestions).arg(decoys)
                            : QString();
    writeTo(stdout, tr("checked %1 packs: %2 tracks, %3 modules, %4 lessons, %5 labs, %6 steps, %7 questions, "
                     "in %8%9; %10 packs with problems\n")
                      .arg(packs).arg(tracks).arg(modules).arg(lessons).arg(labs).arg(steps).arg(questions)
                      .arg(CoursePackLoader::Languages.join(QStringLiteral(" and ")), ran)
                      .arg(broken));
    if (warnings > 0)
        writeTo(stdout, tr("%1 warnings: the steps work, but look at what they say\n").arg(warnings));
    if (server)
        server->stop();
    return broken > 0 ? 1 : 0;
}
