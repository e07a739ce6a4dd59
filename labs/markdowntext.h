#pragma once

#include <QString>

// Markdown turns a line break inside a paragraph into a space. Between two Chinese
// characters that space is a visible gap ("检查会新开一个连接。 只在…"), since Chinese
// puts no spaces between words; authors still wrap their lines. This joins such lines
// before rendering: a line break whose neighbours are both CJK characters (ideographs or
// CJK punctuation) goes, every other line break stays, and fenced code is left alone.
namespace MarkdownText {
QString joinCjkLineBreaks(const QString &markdown);
}
