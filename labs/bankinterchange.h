#pragma once

#include "coursepack.h"
#include "coursepackloader.h"

#include <QCoreApplication>
#include <optional>

// Moves questions between a pack's banks and Moodle: GIFT, Aiken and Moodle XML in,
// banks/ID.yaml or Moodle XML out (the mappings are in courseware/README.md).
//
// Moodle banks are monolingual: imported text goes into both languages, the same, so the
// bank validates; an author translates it afterwards. A question that cannot be imported
// is reported (file, line, why) and skipped; the others come in.
class BankInterchange
{
    Q_DECLARE_TR_FUNCTIONS(BankInterchange)
public:
    // Given when the source names no page of the documentation.
    static const QString DefaultReference;
    // The domain of questions that have no Moodle category.
    static const QString DefaultDomain;

    // The bank, or nothing when no question could be imported. language is "zh_CN" or "en":
    // the language the file is written in. The bank's id comes from the file's name.
    static std::optional<QuestionBank> importGift(const QString &path, const QString &language,
                                                  QList<PackProblem> *problems);
    static std::optional<QuestionBank> importAiken(const QString &path, const QString &language,
                                                   QList<PackProblem> *problems);
    static std::optional<QuestionBank> importMoodleXml(const QString &path, const QString &language,
                                                       QList<PackProblem> *problems);

    // Adds the bank to the pack: banks/ID.yaml and its id in pack.yaml's "banks". Refuses a
    // bank the pack already has, or one the loader would not read back as given; on failure
    // neither file changes.
    static bool writeBank(const QuestionBank &bank, const QString &packDirectory, QString *error);

    // The bank's text in one language as Moodle XML. sql questions, and fill-ins graded by
    // a regex alone, become essays whose grader information holds the answer.
    static bool exportMoodleXml(const QuestionBank &bank, const QString &language, const QString &file,
                                QString *error);

    // The bank as banks/ID.yaml holds it.
    static QByteArray bankYaml(const QuestionBank &bank);
};
