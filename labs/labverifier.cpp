#include "labverifier.h"

#include "graderconnection.h"
#include "labenvironment.h"
#include "labsandbox.h"
#include "learnersessions.h"
#include "stepgrader.h"

#include <QDir>

LabVerifier::LabVerifier(const QString &adminConninfo, const QString &workDirectory)
    : m_admin(adminConninfo)
    , m_work(workDirectory)
{
}

LabVerifier::Report LabVerifier::verify(const Lab &lab, const QString &language)
{
    Report report;
    LabEnvironment::Options options;
    options.adminConninfo = m_admin;
    options.learnerKey = QStringLiteral("courseware_check");
    options.clusterDirectory = QDir(m_work).filePath(QStringLiteral("cluster-") + lab.id);
    options.throwaway = true;
    LabEnvironment environment(lab, options);
    QString error;
    if (!environment.prepare(true, &error)) {
        report.problems.append({lab.file, environment.setupFailureLine(), tr("the lab cannot be built: %1").arg(error)});
        return report;
    }
    // Nothing a solution or a decoy runs may change who the learner is.
    const QString role = LabSandbox::roleFor(options.learnerKey);
    const QString before = lab.cluster ? QString() : roleSnapshot(role);
    for (int s = 0; s < lab.steps.size(); ++s) {
        const LabStep &step = lab.steps.at(s);
        const int line = step.checks.isEmpty() ? 0 : step.checks.first().line;
        const auto conninfo = [&](const QString &session) {
            return session == u"primary" ? environment.learnerConninfo() : environment.sessionConninfo(session);
        };
        const QString firstSession = lab.sessions.value(0, QStringLiteral("primary"));
        // Puts the sandbox where a learner would be when answering this step with candidate.
        auto attempt = [&](const QString &candidate, QString *failure) -> std::optional<StepVerdict> {
            if (!environment.reset(&error)) {
                *failure = tr("the sandbox cannot be reset: %1").arg(error);
                return std::nullopt;
            }
            for (int earlier = 0; earlier < s; ++earlier) {
                const LabStep &before = lab.steps.at(earlier);
                if (StepGrader::observesSessions(before))
                    continue; // what sessions did is rolled back when they close
                const QString solution = environment.expand(before.solution);
                if (LearnerSessions::isSessionScript(solution)) {
                    LearnerSessions earlierSessions; // what it committed stays, the rest ends with it
                    if (!earlierSessions.play(conninfo, solution, firstSession, &error)
                        || !earlierSessions.failures().isEmpty()) {
                        *failure = tr("the solution of step \"%1\" fails when step \"%2\" is checked: %3")
                                       .arg(before.id, step.id, error.isEmpty() ? earlierSessions.failures().join(u' ') : error);
                        return std::nullopt;
                    }
                } else if (StepGrader::runsAnswerFirst(before) && !environment.runAsLearner(solution, &error)
                           && !StepGrader::answerMustFail(before)) {
                    *failure = tr("the solution of step \"%1\" fails when step \"%2\" is checked: %3").arg(before.id, step.id, error);
                    return std::nullopt;
                }
                if (before.restart && !environment.restart(&error)) {
                    *failure = tr("the lab's cluster does not restart: %1").arg(error);
                    return std::nullopt;
                }
                if (before.recover && !environment.recover(&error)) {
                    *failure = tr("the lab's cluster does not recover after step \"%1\": %2").arg(before.id, error);
                    return std::nullopt;
                }
            }
            QString ranWith;
            const QString answer = environment.expand(candidate);
            LearnerSessions sessions; // open while the checks look at them
            if (StepGrader::observesSessions(step) || LearnerSessions::isSessionScript(answer)) {
                if (!sessions.play(conninfo, answer, firstSession, &ranWith)) {
                    *failure = tr("step \"%1\": the sessions cannot play the script: %2").arg(step.id, ranWith);
                    return std::nullopt;
                }
                if (!StepGrader::observesSessions(step)) // there, a failing statement may be the point
                    failure->append(sessions.failures().join(u' '));
            } else if (StepGrader::runsAnswerFirst(step) && !environment.runAsLearner(answer, &ranWith)
                       && !StepGrader::answerMustFail(step)) {
                failure->append(ranWith); // where the answer must fail, its error check says whether it failed rightly
            }
            if (step.restart && !environment.restart(&error)) {
                *failure = tr("the lab's cluster does not restart: %1").arg(error);
                return std::nullopt;
            }
            // A recovery that fails is the answer's doing (no restore_command, a target never
            // reached): the checks then see the cluster as it was put back.
            if (step.recover && !environment.recover(&ranWith))
                failure->append(ranWith);
            return StepGrader::grade(step, environment.context(answer, language, s));
        };

        QString failure;
        const std::optional<StepVerdict> solved = attempt(step.solution, &failure);
        if (!solved) {
            report.problems.append({lab.file, line, failure});
            continue;
        }
        if (!failure.isEmpty()) {
            report.problems.append({lab.file, line, tr("step \"%1\": the reference solution fails: %2").arg(step.id, failure)});
            continue;
        }
        if (!solved->passed) {
            report.problems.append({lab.file, line,
                                    tr("step \"%1\": the reference solution does not pass: %2")
                                        .arg(step.id, solved->feedback().join(u' '))});
            continue;
        }
        ++report.steps;
        for (qsizetype c = 0; c < solved->checks.size() && c < step.checks.size(); ++c) {
            for (const QString &warning : solved->checks.at(c).authorWarnings)
                report.warnings.append({lab.file, step.checks.at(c).line, tr("step \"%1\": %2").arg(step.id, warning)});
        }
        for (int d = 0; d < step.decoys.size(); ++d) {
            QString ignored;
            const std::optional<StepVerdict> decoy = attempt(step.decoys.at(d).sql, &ignored);
            if (!decoy) {
                report.problems.append({lab.file, line, ignored});
                continue;
            }
            if (decoy->passed)
                report.problems.append({lab.file, line, tr("step \"%1\": decoy %2 (%3) passes the checks; they must reject it")
                                                            .arg(step.id).arg(d + 1).arg(step.decoys.at(d).note)});
            else
                ++report.decoys;
        }
    }
    // The lab's data at each step comes from its solutions run in order as the lab owner: one
    // that fails there leaves later steps without data to compare a learner's with.
    if (environment.stateFailedStep() >= 0) {
        const LabStep &failed = lab.steps.at(environment.stateFailedStep());
        report.problems.append({lab.file, failed.checks.isEmpty() ? 0 : failed.checks.first().line,
                                tr("step \"%1\": the reference solution fails when the lab's data after each step is "
                                   "built (run in order as the owner of the lab's tables): %2")
                                    .arg(failed.id, environment.stateFailure())});
    }
    const QString after = lab.cluster ? QString() : roleSnapshot(role);
    if (before != after)
        report.problems.append({lab.file, 0, tr("the learner's role changed while the lab was checked: %1 became %2")
                                                 .arg(before, after)});
    return report;
}

QString LabVerifier::roleSnapshot(const QString &role) const
{
    GraderConnection c;
    QString error;
    if (!c.open(m_admin, 0, &error))
        return error;
    const QString snapshot = c.value(
        QStringLiteral("SELECT concat_ws(', ', CASE WHEN r.rolsuper THEN 'SUPERUSER' END, CASE WHEN r.rolcreaterole THEN 'CREATEROLE' END, "
                       "CASE WHEN r.rolcreatedb THEN 'CREATEDB' END, CASE WHEN r.rolreplication THEN 'REPLICATION' END, "
                       "CASE WHEN r.rolbypassrls THEN 'BYPASSRLS' END, CASE WHEN NOT r.rolinherit THEN 'NOINHERIT' END, "
                       "CASE WHEN NOT r.rolcanlogin THEN 'NOLOGIN' END, "
                       "(SELECT 'member of ' || string_agg(g.rolname, ' and ' ORDER BY g.rolname) "
                       " FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid)) "
                       "FROM pg_catalog.pg_roles r WHERE r.rolname = $1"),
        {role}, &error);
    return error.isEmpty() ? (snapshot.isEmpty() ? tr("an ordinary role") : snapshot) : error;
}
