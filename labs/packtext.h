#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The bytes of a pack's text files, checked before they are read: YAML and Markdown must
// be UTF-8 without NUL (QString would otherwise replace a bad byte without a word), and
// YAML must keep to what the loader reads the same way an author does: one document, keys
// given once, no merge keys, anchors, aliases or tags, at most 16 levels deep. yaml-cpp
// keeps the first of two equal keys where a reader sees the last, ignores "<<", and
// expands aliases (a few lines can grow to gigabytes), so these are refused by line.
namespace PackText {

struct Problem
{
    int line = 0; // 1-based
    QString message;
};

// Deeper than this, a pack's YAML is refused (a step's script entry is 8 levels down).
constexpr int MaxDepth = 16;

// The first NUL or byte that is not UTF-8, with its line; nothing when the text is clean.
QList<Problem> encodingProblems(const QByteArray &bytes);

// The YAML features the loader refuses, each at its line, or the syntax error that ends
// the reading ("not valid YAML: …").
QList<Problem> yamlProblems(const QByteArray &bytes);

} // namespace PackText
