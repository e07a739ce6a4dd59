#pragma once

#include "coursepack.h"
#include "question.h"
#include "questiongrader.h"

#include <QCoreApplication>

#include <map>
#include <memory>
#include <optional>

class LabEnvironment;

// Grades the sql questions of practice exams: each question's dataset is built once on the
// server as a template (as a lab's is), each answer runs as the candidate in a fresh copy
// of it, one statement at a time, and the question's checks give the verdict. One grader
// serves one candidate; its copies are named for them, apart from their lab sandboxes.
class ExamSqlGrader
{
    Q_DECLARE_TR_FUNCTIONS(ExamSqlGrader)
public:
    // adminConninfo: a superuser connection to the server the sandboxes live on.
    // learnerKey names the candidate's sandboxes (LabSandbox::learnerKey("exam", profile id)).
    ExamSqlGrader(const QString &adminConninfo, const QString &workDirectory, const QString &learnerKey);
    ~ExamSqlGrader();

    // The verdict on an answer (a statement that fails is the answer's fault, and says so
    // in the feedback), or nothing when the sandbox itself could not be made: error says why.
    std::optional<QuestionScore> grade(const Question &question, const CandidateAnswer &answer, const QString &language,
                                       QString *error);

private:
    QString m_admin;
    QString m_work;
    QString m_learnerKey;
    std::map<QString, std::unique_ptr<LabEnvironment>> m_environments; // by question
};
