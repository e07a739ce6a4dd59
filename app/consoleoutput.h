#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <optional>

// Writes text as UTF-8 to stdout or stderr, whatever the locale says (subcommands).
inline void writeTo(FILE *stream, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stream);
}

// Parses a subcommand's arguments (they start with its name, "courseware", "class"…); the
// exit code when that already ends the command: 2 for a parse error, 0 after --help.
inline std::optional<int> parseSubcommand(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(QStringList{QCoreApplication::applicationFilePath()} + arguments.mid(1))) {
        writeTo(stderr, QStringLiteral("pgcampus %1: %2\n").arg(arguments.value(0), parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        writeTo(stdout, parser.helpText());
        return 0;
    }
    return std::nullopt;
}
