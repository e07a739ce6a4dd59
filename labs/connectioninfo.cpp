#include "connectioninfo.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QStandardPaths>

#include <libpq-fe.h>

#include <memory>

namespace {
struct OptionsDeleter
{
    void operator()(PQconninfoOption *options) const { PQconninfoFree(options); }
};
} // namespace

ConnectionInfo::ConnectionInfo(const QString &conninfo)
{
    char *error = nullptr;
    const std::unique_ptr<PQconninfoOption, OptionsDeleter> parsed(
        PQconninfoParse(conninfo.toUtf8().constData(), &error));
    if (!parsed) {
        m_error = error ? QString::fromUtf8(error).trimmed() : tr("out of memory");
        PQfreemem(error);
        return;
    }
    m_valid = true;
    for (const PQconninfoOption *o = parsed.get(); o->keyword; ++o) {
        if (o->val)
            m_options.append({QString::fromUtf8(o->keyword), QString::fromUtf8(o->val)});
    }
}

QString ConnectionInfo::value(const QString &keyword) const
{
    for (const auto &[key, value] : m_options) {
        if (key == keyword)
            return value;
    }
    return {};
}

QString ConnectionInfo::quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}

QString ConnectionInfo::toConninfo() const
{
    QStringList parts;
    for (const auto &[key, value] : m_options)
        parts << key + u'=' + quoted(value);
    return parts.join(u' ');
}

QString ConnectionInfo::without(const QStringList &keywords) const
{
    ConnectionInfo copy = *this;
    copy.m_options.removeIf([&](const auto &option) { return keywords.contains(option.first); });
    return copy.toConninfo();
}

QString ConnectionInfo::with(const QString &keyword, const QString &value) const
{
    ConnectionInfo copy = *this;
    copy.m_options.removeIf([&](const auto &option) { return option.first == keyword; });
    copy.m_options.append({keyword, value});
    return copy.toConninfo();
}

QStringList ConnectionInfo::servicesIn(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QStringList names;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(u'[') && line.endsWith(u']') && line.size() > 2)
            names << line.mid(1, line.size() - 2).trimmed();
    }
    return names;
}

QStringList ConnectionInfo::services()
{
    QStringList files;
    const QString userFile = qEnvironmentVariable("PGSERVICEFILE");
    files << (userFile.isEmpty() ? QDir::home().filePath(QStringLiteral(".pg_service.conf")) : userFile);
    QString sysconf = qEnvironmentVariable("PGSYSCONFDIR");
    if (sysconf.isEmpty())
        sysconf = QStringLiteral("/etc/postgresql-common"); // where Debian's libpq looks
    files << QDir(sysconf).filePath(QStringLiteral("pg_service.conf"));
    QStringList names;
    QSet<QString> seen;
    for (const QString &file : std::as_const(files)) {
        for (const QString &name : servicesIn(file)) {
            if (!seen.contains(name)) {
                seen.insert(name);
                names << name;
            }
        }
    }
    return names;
}
