#include "campusapplication.h"
#include "classcommand.h"
#include "coursewarecommand.h"
#include "progresscommand.h"
#include "progressstore.h"
#include "sqlcommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {
// Value of "--name VALUE" or "--name=VALUE" before QApplication exists.
QString earlyOption(int argc, char **argv, const char *name)
{
    const QByteArray flag = QByteArray("--") + name;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == flag && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith(flag + '='))
            return QString::fromLocal8Bit(arg.mid(flag.size() + 1));
    }
    return {};
}

// A screenshot needs no screen: without a display it renders offscreen.
void chooseOffscreenForScreenshots(int argc, char **argv)
{
    if (earlyOption(argc, argv, "screenshot").isEmpty() || qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return;
    if (!qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

// --help and --version print and exit: they need no display, so no QApplication.
bool onlyPrints(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

void installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    // zh_CN or English: any other language (and the C locale of a bare terminal) gets the
    // English file, which holds the plural forms the source texts only sketch ("%n row(s)").
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("pgcampus"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || own->load(QStringLiteral("pgcampus_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}
} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && (qstrcmp(argv[1], "sql") == 0 || qstrcmp(argv[1], "courseware") == 0
                     || qstrcmp(argv[1], "progress") == 0 || qstrcmp(argv[1], "class") == 0)) { // no display needed
        // A class's credentials sheet is a PDF laid out with fonts: that needs a GUI
        // application, which renders offscreen without a display.
        const bool classCommand = qstrcmp(argv[1], "class") == 0;
        if (classCommand && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        const std::unique_ptr<QCoreApplication> console = classCommand ? std::make_unique<QGuiApplication>(argc, argv)
                                                                       : std::make_unique<QCoreApplication>(argc, argv);
        QCoreApplication &app = *console;
        QCoreApplication::setApplicationName(QStringLiteral("pgcampus"));
        QCoreApplication::setApplicationVersion(QStringLiteral(PGCAMPUS_VERSION));
        installTranslations(app, earlyOption(argc, argv, "lang"));
        if (qstrcmp(argv[1], "courseware") == 0)
            return CoursewareCommand::run(QCoreApplication::arguments().mid(1));
        if (qstrcmp(argv[1], "class") == 0)
            return ClassCommand::run(QCoreApplication::arguments().mid(1),
                                     QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        if (qstrcmp(argv[1], "progress") == 0)
            return ProgressCommand::run(QCoreApplication::arguments().mid(1),
                                        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        return SqlCommand::run(QCoreApplication::arguments().mid(1),
                               QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    }
    chooseOffscreenForScreenshots(argc, argv);
    const std::unique_ptr<QCoreApplication> application =
        onlyPrints(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv)
                               : std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("pgcampus"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PGCAMPUS_VERSION));
    if (qobject_cast<QApplication *>(&app)) {
        QGuiApplication::setApplicationDisplayName(QStringLiteral("PG Campus"));
        QGuiApplication::setDesktopFileName(QStringLiteral("org.pgcampus.PGCampus"));
        QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/pgcampus/icons/pgcampus.svg")));
    }

    const QString language = earlyOption(argc, argv, "lang");
    if (!language.isEmpty() && language != u"zh_CN" && language != u"en") {
        std::fprintf(stderr, "pgcampus: --lang takes zh_CN or en, not %s\n", qPrintable(language));
        return 2;
    }
    installTranslations(app, language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "PG Campus: learn PostgreSQL administration."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QCoreApplication::translate("main", "Keep progress and the practice server in DIR."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("main", "User interface language: zh_CN or en."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the view offscreen once data is loaded, save it as a PNG and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption view(QStringLiteral("view"),
                                  QCoreApplication::translate("main", "The view to show: workbench, workbench:SAMPLE with SAMPLE one of "
                                                                       "result, error, transaction; courses; lesson:ID; lab:ID; exam:ID; "
                                                                       "exam-submit:ID; exam-result:LAST; exam-resume; review; dashboard."),
                                  QStringLiteral("VIEW"), QStringLiteral("workbench"));
    const QCommandLineOption palette(QStringLiteral("palette"),
                                     QCoreApplication::translate("main", "Colours: dark or light (default: the desktop's)."),
                                     QStringLiteral("PALETTE"));
    parser.addOptions({dataDir, lang, screenshot, view, palette});
    parser.process(app);
    if (parser.isSet(palette) && parser.value(palette) != u"dark" && parser.value(palette) != u"light") {
        std::fprintf(stderr, "pgcampus: --palette takes dark or light, not %s\n", qPrintable(parser.value(palette)));
        return 2;
    }

    CampusApplication::Options options;
    options.dataDirectory = parser.isSet(dataDir)
                                ? QDir(parser.value(dataDir)).absolutePath()
                                : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    options.screenshotFile = parser.value(screenshot);
    options.view = parser.value(view);
    options.palette = parser.value(palette);
    // Without --lang, the profile opening speaks its own language when it has chosen one.
    if (language.isEmpty()) {
        const QString chosen = ProgressStore::lastUsedLanguage(QDir(options.dataDirectory).filePath(QStringLiteral("progress.sqlite")));
        if (chosen == u"zh_CN" || chosen == u"en")
            installTranslations(app, chosen);
    }

    CampusApplication campus(options);
    if (!campus.start())
        return 2;
    const int code = QApplication::exec();
    return code != 0 ? code : campus.exitCode();
}
