#pragma once

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>

class QPalette;

namespace KSyntaxHighlighting {
class Repository;
}

// The application's one KSyntaxHighlighting repository, with PG Campus's own
// definitions (from its resources) on the search path.
namespace SyntaxRepository {
KSyntaxHighlighting::Repository &instance();
// The project's PostgreSQL definition; see ui/syntax/syntax/postgresql-pgcampus.xml.
KSyntaxHighlighting::Definition postgresqlDefinition();
KSyntaxHighlighting::Theme themeFor(const QPalette &palette);
} // namespace SyntaxRepository
