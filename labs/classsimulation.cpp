#include "classsimulation.h"

#include "connectioninfo.h"
#include "coursepackloader.h"
#include "graderconnection.h"
#include "labenvironment.h"
#include "stepgrader.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>

double ClassSimulationReport::percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype at = std::min(values.size() - 1, qsizetype(p / 100.0 * double(values.size())));
    return values.at(at);
}

ClassSimulation::ClassSimulation(const QString &trainerConninfo, const QString &classId, const Lab &lab)
    : m_trainer(trainerConninfo)
    , m_classId(classId)
    , m_lab(lab)
{
}

void ClassSimulation::setWork(const QString &statement, const QString &answer)
{
    m_statement = statement;
    m_answer = answer;
}

void ClassSimulation::setThinkTime(int minMs, int maxMs)
{
    m_thinkMin = minMs;
    m_thinkMax = std::max(minMs + 1, maxMs);
}

ClassSimulationReport ClassSimulation::run(int seconds)
{
    ClassSimulationReport report;
    Classroom room(m_trainer, m_classId);
    QString error;
    const std::optional<QList<ClassStudent>> students = room.students(&error);
    if (!students || m_lab.steps.isEmpty()) {
        report.errors << (students ? tr("The lab has no step to check.") : error);
        return report;
    }
    report.students = int(students->size());
    const QString admin = room.workingConninfo(&error);
    if (admin.isEmpty()) {
        report.errors << error;
        return report;
    }
    std::mutex lock;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    const auto work = [&](const ClassStudent &student) {
        QRandomGenerator random(quint32(student.number) * 7919u);
        LabEnvironment::Options options;
        options.adminConninfo = admin;
        options.sharedServer = true;
        options.learnerKey = room.learnerKey(student.number);
        LabEnvironment environment(m_lab, options); // the trainer's side: resets and spares
        GraderConnection sandbox, bookkeeping;
        QString why;
        const QString own = ConnectionInfo(ConnectionInfo(m_trainer).with(QStringLiteral("user"), student.login))
                                .with(QStringLiteral("password"), student.password);
        // The student's side, as their app has it: their own login, checks graded as them.
        LabEnvironment::Options asStudent;
        asStudent.adminConninfo = own;
        asStudent.learnerKey = options.learnerKey;
        asStudent.classMember = true;
        const LabEnvironment studentSide(m_lab, asStudent);
        if (!bookkeeping.open(own, 0, &why) || !sandbox.open(studentSide.learnerConninfo(), 0, &why)) {
            std::lock_guard guard(lock);
            report.errors << student.login + QStringLiteral(": ") + why;
            return;
        }
        // The spare provisioning made is there (this only drops a copy a reset set aside).
        if (!environment.prepareSpare(&why)) {
            std::lock_guard guard(lock);
            report.errors << student.login + QStringLiteral(": ") + why;
            return;
        }
        ClassSimulationReport mine;
        while (std::chrono::steady_clock::now() < deadline && why.isEmpty()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(random.bounded(m_thinkMin, m_thinkMax)));
            const int action = random.bounded(100);
            QElapsedTimer timer;
            timer.start();
            if (action < 55) {
                const SqlOutcome o = sandbox.exec(m_statement);
                if (!o.ok)
                    why = o.message;
                ++mine.statements;
            } else if (action < 95) {
                const StepVerdict verdict = StepGrader::grade(m_lab.steps.first(), studentSide.context(m_answer, QStringLiteral("en")));
                const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
                const QStringList parameters = {m_lab.id, m_lab.steps.first().id, verdict.passed ? QStringLiteral("true") : QStringLiteral("false"),
                                                verdict.feedback().join(u'\n'), token};
                const SqlOutcome o = bookkeeping.exec(room.recordStatement(), parameters);
                mine.checkMs << timer.nsecsElapsed() / 1e6;
                if (!o.ok)
                    why = o.message;
                else if (o.value() == u"t")
                    ++mine.recorded;
                if (o.ok && random.bounded(10) == 0) { // the answer did not arrive: the app sends it again
                    ++mine.retried;
                    if (bookkeeping.exec(room.recordStatement(), parameters).value() == u"t")
                        ++mine.retriesStored;
                }
            } else {
                if (!environment.reset(&why))
                    break;
                mine.resetMs << timer.nsecsElapsed() / 1e6;
                // The sandbox is a new database: connect again, and make the next spare meanwhile.
                if (!sandbox.open(studentSide.learnerConninfo(), 0, &why) || !environment.prepareSpare(&why))
                    break;
            }
        }
        std::lock_guard guard(lock);
        if (!why.isEmpty())
            report.errors << student.login + QStringLiteral(": ") + why;
        report.statements += mine.statements;
        report.checkMs << mine.checkMs;
        report.resetMs << mine.resetMs;
        report.recorded += mine.recorded;
        report.retried += mine.retried;
        report.retriesStored += mine.retriesStored;
    };
    QElapsedTimer total;
    total.start();
    std::vector<std::thread> threads;
    threads.reserve(students->size());
    for (const ClassStudent &student : *students)
        threads.emplace_back(work, student);
    for (std::thread &t : threads)
        t.join();
    report.seconds = total.nsecsElapsed() / 1e9;
    GraderConnection trainer;
    if (trainer.open(m_trainer, 0, &error))
        report.stored = trainer.value(QStringLiteral("SELECT count(*) FROM %1.result").arg(room.schema()), {}, &error).toLongLong();
    if (!error.isEmpty())
        report.errors << error;
    return report;
}

Lab ClassSimulation::sampleLab()
{
    Lab lab;
    lab.id = QStringLiteral("class-lab");
    lab.setup = QStringLiteral(
        "CREATE TABLE orders (id int PRIMARY KEY, customer text, amount numeric);\n"
        "INSERT INTO orders SELECT g, 'customer ' || (g % 97), g * 1.5 FROM generate_series(1, 10000) g;\n"
        "CREATE INDEX ON orders (customer);\nANALYZE orders;");
    LabStep step;
    step.id = QStringLiteral("totals");
    step.checks << CoursePackLoader::checkFromYaml(QStringLiteral(
        "kind: result\nordered: true\nreference: SELECT customer, sum(amount) AS total FROM orders "
        "WHERE customer = 'customer 42' GROUP BY customer ORDER BY total DESC\n"));
    lab.steps << step;
    return lab;
}

ClassSimulationReport ClassSimulation::simulate(const QString &trainerConninfo, int students, int seconds,
                                                const Classroom::Progress &progress)
{
    ClassSimulationReport report;
    const Lab lab = sampleLab();
    const QString id = Classroom::newClassId();
    Classroom room(trainerConninfo, id);
    QString error;
    QElapsedTimer provisioning;
    provisioning.start();
    if (!room.provision(Classroom::numberedStudents(students), {lab}, &error, progress)) {
        report.errors << tr("provisioning failed: %1").arg(error);
    } else {
        const double provisionMs = provisioning.nsecsElapsed() / 1e6;
        if (progress)
            progress(tr("%1 students at work for %2 s…").arg(students).arg(seconds));
        ClassSimulation simulation(trainerConninfo, id, lab);
        simulation.setWork(QStringLiteral("SELECT customer, count(*) FROM orders WHERE amount > 100 GROUP BY customer LIMIT 20"),
                           QStringLiteral("SELECT customer, sum(amount) AS total FROM orders WHERE customer = 'customer 42' "
                                          "GROUP BY customer ORDER BY total DESC;"));
        report = simulation.run(seconds);
        report.provisionMs = provisionMs;
    }
    error.clear();
    if (!room.teardown(&error))
        report.errors << tr("teardown failed: %1").arg(error);
    return report;
}
