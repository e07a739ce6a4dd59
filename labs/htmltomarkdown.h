#pragma once

#include <QString>

// Moodle keeps question text as HTML; our stems are Markdown. Paragraphs, line breaks, lists,
// bold, italics and `code` become their Markdown; a <pre> block becomes fenced code whose text
// is kept as it is (a class naming sql makes it ```sql); every other tag goes and its text
// stays. Entities are decoded. Not a general converter: enough for question text.
namespace HtmlToMarkdown {
QString convert(const QString &html);
}
