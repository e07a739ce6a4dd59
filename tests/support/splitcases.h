#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One case of tests/labs/splitting/cases.txt: a script and the units psql makes of it.
struct SplitCase
{
    QString name;
    QString script;
    QStringList expected; // unit texts; a leading backslash marks a meta-command
    bool standardStrings = true;
};

// Reads the cases file (its header explains the format).
QList<SplitCase> readSplitCases();
