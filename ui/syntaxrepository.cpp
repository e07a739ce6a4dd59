#include "syntaxrepository.h"

#include <KSyntaxHighlighting/Repository>

#include <QPalette>

namespace SyntaxRepository {

KSyntaxHighlighting::Repository &instance()
{
    static KSyntaxHighlighting::Repository *repository = [] {
        auto *r = new KSyntaxHighlighting::Repository;
        r->addCustomSearchPath(QStringLiteral(":/pgcampus"));
        return r;
    }();
    return *repository;
}

KSyntaxHighlighting::Definition postgresqlDefinition()
{
    return instance().definitionForName(QStringLiteral("PostgreSQL (PG Campus)"));
}

KSyntaxHighlighting::Theme themeFor(const QPalette &palette)
{
    return instance().themeForPalette(palette);
}

} // namespace SyntaxRepository
