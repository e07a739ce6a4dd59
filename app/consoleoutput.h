#pragma once

#include <QString>

#include <cstdio>

// Writes text as UTF-8 to stdout or stderr, whatever the locale says (subcommands).
inline void writeTo(FILE *stream, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stream);
}
