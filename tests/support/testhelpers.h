#pragma once

// Small helpers the tests share.

#include "question.h"

#include <QFile>
#include <QTest>

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Writes the file whole; a file that cannot be written fails the calling test.
inline void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// A choice answer: the options picked, by their index in the bank.
inline CandidateAnswer chose(const QList<int> &options)
{
    CandidateAnswer a;
    a.chosen = options;
    return a;
}
