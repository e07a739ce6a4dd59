#include "labenvironment.h"

#include "disposablecluster.h"
#include "graderconnection.h"
#include "labsandbox.h"
#include "connectioninfo.h"
#include "learnersessions.h"
#include "stepgrader.h"

LabEnvironment::LabEnvironment(const Lab &lab, const Options &options)
    : m_lab(lab)
    , m_options(options)
{
    if (lab.cluster) {
        DisposableCluster::Options cluster;
        cluster.settings = lab.clusterSettings;
        cluster.archive = lab.archive;
        cluster.standby = lab.standby;
        cluster.setupSql = lab.setup;
        cluster.throwaway = options.throwaway;
        m_cluster = std::make_unique<DisposableCluster>(options.clusterDirectory, cluster);
    } else {
        m_sandbox = std::make_unique<LabSandbox>(options.adminConninfo, lab.id, options.learnerKey);
        m_sandbox->setLabRoles(lab.roles);
        m_sandbox->setSharedServer(options.sharedServer);
    }
}

LabEnvironment::~LabEnvironment() = default;

QString LabEnvironment::versionText(int serverVersionNum)
{
    if (serverVersionNum >= 100000)
        return QStringLiteral("PostgreSQL %1.%2").arg(serverVersionNum / 10000).arg(serverVersionNum % 10000);
    return QStringLiteral("PostgreSQL %1.%2.%3")
        .arg(serverVersionNum / 10000)
        .arg(serverVersionNum / 100 % 100)
        .arg(serverVersionNum % 100);
}

bool LabEnvironment::serverIsNewEnough(const QString &conninfo, QString *error) const
{
    if (m_lab.minServerVersion <= 0)
        return true;
    GraderConnection c;
    if (!c.open(conninfo, m_options.statementTimeoutMs, error))
        return false;
    const int version = c.value(QStringLiteral("SELECT current_setting('server_version_num')"), {}, error).toInt();
    if (!error->isEmpty())
        return false;
    if (version >= m_lab.minServerVersion)
        return true;
    *error = tr("This lab needs %1 or newer; the server runs %2.")
                 .arg(versionText(m_lab.minServerVersion), versionText(version));
    return false;
}

bool LabEnvironment::prepare(bool rebuild, QString *error)
{
    if (m_cluster) {
        const bool made = rebuild ? m_cluster->reset(error) : m_cluster->prepare(error);
        return made && serverIsNewEnough(m_cluster->conninfo(), error);
    }
    if (!serverIsNewEnough(m_options.adminConninfo, error))
        return false;
    if (m_options.classMember) {
        if (ConnectionInfo(m_options.adminConninfo).value(QStringLiteral("user")) != m_sandbox->learnerRole()) {
            *error = tr("This sandbox belongs to another student of the class (ask your trainer).");
            return false;
        }
        GraderConnection c;
        if (c.open(m_sandbox->learnerConninfo(), m_options.statementTimeoutMs, error))
            return true;
        *error = tr("Your sandbox of this lab is not on the class's server, or you may not open it (ask your trainer): %1")
                     .arg(*error);
        return false;
    }
    if (!m_sandbox->buildTemplate(m_lab.setup, rebuild, error))
        return false;
    if (!m_options.sharedServer && !m_lab.variantSetup.trimmed().isEmpty() && !m_sandbox->buildVariant(m_lab.variantSetup, rebuild, error))
        return false;
    if (!m_options.sharedServer && !prepareStates(rebuild, error))
        return false;
    return rebuild ? m_sandbox->reset(error) : m_sandbox->create(error);
}

bool LabEnvironment::prepareStates(bool rebuild, QString *error)
{
    QList<LabSandbox::StateStep> steps;
    const QString firstSession = m_lab.sessions.value(0, QStringLiteral("primary"));
    for (const LabStep &step : m_lab.steps) {
        LabSandbox::StateStep s;
        s.solution = expand(step.solution);
        s.sessions = LearnerSessions::isSessionScript(s.solution);
        // What sessions a check observes did is rolled back when they close; a script a
        // check plays itself is not run as the answer.
        s.skip = StepGrader::observesSessions(step) || (!s.sessions && !StepGrader::runsAnswerFirst(step));
        s.firstSession = firstSession;
        s.mayFail = StepGrader::answerMustFail(step);
        steps << s;
    }
    if (!m_sandbox->buildStates(steps, rebuild, error))
        return false;
    const std::optional<LabSandbox::States> states = m_sandbox->states(error);
    if (!states)
        return false;
    m_states = states->afterStep;
    m_failedStep = states->failedStep;
    m_stateFailure = states->failure;
    return true;
}

int LabEnvironment::setupFailureLine() const
{
    if (!m_sandbox || m_sandbox->setupFailureLine() == 0)
        return 0;
    const int first = m_sandbox->setupFailureInVariant() ? m_lab.variantSetupLine : m_lab.setupLine;
    return first > 0 ? first + m_sandbox->setupFailureLine() - 1 : 0;
}

bool LabEnvironment::reset(QString *error)
{
    if (m_sandbox && m_options.classMember) {
        *error = tr("In a class, sandboxes are the trainer's to reset: ask your trainer (class dashboard, Reset Lab).");
        return false;
    }
    return m_cluster ? m_cluster->reset(error) : m_sandbox->reset(error);
}

bool LabEnvironment::prepareSpare(QString *error)
{
    return m_cluster || m_options.classMember || m_sandbox->prepareSpare(error);
}

bool LabEnvironment::restart(QString *error)
{
    if (!m_cluster) {
        *error = tr("Only a lab's own cluster can be restarted.");
        return false;
    }
    return m_cluster->restart(error);
}

bool LabEnvironment::recover(QString *error)
{
    if (!m_cluster) {
        *error = tr("Only a lab's own cluster can be recovered.");
        return false;
    }
    return m_cluster->recover(error);
}

QString LabEnvironment::standbyConninfo() const
{
    return m_cluster ? m_cluster->standbyConninfo() : QString();
}

QString LabEnvironment::sessionConninfo(const QString &session) const
{
    if (session == u"standby" && m_cluster && m_lab.standby)
        return m_cluster->standbyConninfo();
    return ConnectionInfo(learnerConninfo()).with(QStringLiteral("application_name"), LearnerSessions::applicationName(session));
}

QString LabEnvironment::learnerConninfo() const
{
    return m_cluster ? m_cluster->conninfo() : m_sandbox->learnerConninfo();
}

GradingContext LabEnvironment::context(const QString &answer, const QString &language, int step) const
{
    GradingContext c;
    c.answer = answer;
    c.language = language;
    c.statementTimeoutMs = m_options.statementTimeoutMs;
    if (m_cluster) {
        c.learnerConninfo = c.adminConninfo = c.clusterConninfo = m_cluster->conninfo();
        c.archiveDirectory = m_cluster->archiveDirectory();
        c.firstSegment = m_cluster->firstSegment();
        c.standbyConninfo = m_cluster->standbyConninfo();
        c.binaryDirectory = m_cluster->binaryDirectory();
        return c;
    }
    if (m_options.classMember) {
        c.learnerConninfo = c.adminConninfo = m_sandbox->learnerConninfo();
        c.learnerRole = m_sandbox->learnerRole();
        return c;
    }
    c.learnerConninfo = m_sandbox->checkerConninfo();
    c.learnerRole = m_sandbox->learnerRole();
    c.adminConninfo = m_sandbox->graderConninfo();
    if (!m_lab.variantSetup.trimmed().isEmpty())
        c.variantConninfo = m_sandbox->variantConninfo();
    c.hasExpectedState = step >= 0 && m_states.contains(step);
    c.expectedState = m_states.value(step);
    c.digestCache = m_digestCache;
    return c;
}

QString LabEnvironment::expand(const QString &sql) const
{
    if (!m_cluster)
        return sql;
    return QString(sql).replace(QStringLiteral("{{archive_directory}}"), m_cluster->archiveDirectory());
}

bool LabEnvironment::runAsLearner(const QString &sql, QString *error) const
{
    GraderConnection c;
    if (!c.open(learnerConninfo(), m_options.statementTimeoutMs, error))
        return false;
    const SqlOutcome outcome = c.execScript(sql);
    if (!outcome.ok)
        *error = outcome.message;
    return outcome.ok;
}
