#include "benchsupport.h"

#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <cstdlib>

void mergeBenchFigures(const QString &path, const QJsonObject &figures)
{
    QJsonObject all;
    QFile in(path);
    if (in.open(QIODevice::ReadOnly))
        all = QJsonDocument::fromJson(in.readAll()).object();
    in.close();
    for (auto it = figures.begin(); it != figures.end(); ++it)
        all.insert(it.key(), it.value());
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        std::exit(1);
    }
    out.write(QJsonDocument(all).toJson());
}
