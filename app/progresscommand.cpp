#include "progresscommand.h"

#include "consoleoutput.h"
#include "progressfile.h"
#include "progressstore.h"

#include <QCommandLineParser>
#include <QDir>

int ProgressCommand::run(const QStringList &arguments, const QString &defaultDataDirectory)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Carry a learner's progress between installations:\n"
                                        "  pgcampus progress export --profile NAME FILE\n"
                                        "  pgcampus progress import FILE"));
    parser.addHelpOption();
    const QCommandLineOption profile(QStringLiteral("profile"), tr("The profile to export."), QStringLiteral("NAME"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), tr("The data directory holding the progress store."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Message language: zh_CN or en."), QStringLiteral("LANG"));
    parser.addOptions({profile, dataDir, lang});
    const auto usage = [](const QString &text) {
        writeTo(stderr, QStringLiteral("pgcampus progress: %1\n").arg(text));
        return 2;
    };
    if (const std::optional<int> done = parseSubcommand(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool exporting = action == u"export" && positional.size() == 2 && parser.isSet(profile);
    const bool importing = action == u"import" && positional.size() == 2 && !parser.isSet(profile);
    if (!exporting && !importing)
        return usage(tr("usage: pgcampus progress export --profile NAME FILE | pgcampus progress import FILE"));

    const QString directory = parser.isSet(dataDir) ? QDir(parser.value(dataDir)).absolutePath() : defaultDataDirectory;
    if (!QDir().mkpath(directory))
        return usage(tr("cannot create the data directory %1").arg(directory));
    ProgressStore store;
    if (!store.open(QDir(directory).filePath(QStringLiteral("progress.sqlite")))) {
        writeTo(stderr, QStringLiteral("pgcampus progress: %1\n").arg(store.errorString()));
        return 1;
    }
    QString error;
    if (exporting) {
        const std::optional<Learner> learner = store.learnerByName(parser.value(profile));
        if (!learner) {
            QStringList names;
            for (const Learner &l : store.learners())
                names << l.name;
            writeTo(stderr, tr("pgcampus progress: no profile \"%1\" in %2 (profiles: %3)\n")
                                .arg(parser.value(profile), store.path(), names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))));
            return 1;
        }
        if (!ProgressFile::exportProfile(store, learner->id, positional.at(1), &error)) {
            writeTo(stderr, QStringLiteral("pgcampus progress: %1\n").arg(error));
            return 1;
        }
        writeTo(stdout, tr("exported profile \"%1\" to %2\n").arg(learner->name, positional.at(1)));
        return 0;
    }
    const std::optional<ProgressFile::ImportReport> report = ProgressFile::importFile(store, positional.at(1), &error);
    if (!report) {
        writeTo(stderr, QStringLiteral("pgcampus progress: %1\n").arg(error));
        return 1;
    }
    QStringList parts;
    for (auto it = report->added.cbegin(); it != report->added.cend(); ++it) {
        if (it.value() > 0)
            parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    }
    writeTo(stdout, tr("imported profile \"%1\" (%2): %3 new records%4\n")
                        .arg(report->profileName,
                             report->createdProfile ? tr("a new profile here") : tr("merged into the profile here"))
                        .arg(report->addedTotal())
                        .arg(parts.isEmpty() ? QString() : QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + u')'));
    return 0;
}
