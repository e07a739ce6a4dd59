#include "classmonitor.h"

#include "graderconnection.h"

#include <QSet>
#include <QTimeZone>
#include <QThread>

namespace {
// Rows are numbered as they are inserted but become visible as their transactions commit,
// so a later number can arrive first; each read looks back this far for earlier ones.
constexpr qint64 InFlightWindow = 1000;
constexpr int ReconnectMs = 1000;
} // namespace

ClassMonitor::ClassMonitor(const QString &trainerConninfo, const QString &classId, QObject *parent)
    : QObject(parent)
    , m_trainer(trainerConninfo)
    , m_classId(classId)
{
    qRegisterMetaType<ClassResult>();
    qRegisterMetaType<QList<ClassResult>>();
    qRegisterMetaType<QList<ClassStudent>>();
}

ClassMonitor::~ClassMonitor()
{
    stop();
}

void ClassMonitor::start()
{
    if (m_thread)
        return;
    m_stop = false;
    m_thread = QThread::create([this] { work(); });
    m_thread->start();
}

void ClassMonitor::stop()
{
    if (!m_thread)
        return;
    m_stop = true;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void ClassMonitor::setState(State state, const QString &detail)
{
    QMetaObject::invokeMethod(
        this,
        [this, state, detail] {
            m_state = state;
            Q_EMIT stateChanged(state, detail);
        },
        Qt::QueuedConnection);
}

void ClassMonitor::work()
{
    const Classroom room(m_trainer, m_classId);
    QSet<qint64> seen;
    qint64 newest = 0;
    GraderConnection c;
    bool reconnecting = false;
    const auto pause = [this](int ms) {
        for (int waited = 0; waited < ms && !m_stop; waited += 50)
            QThread::msleep(50);
    };
    while (!m_stop) {
        if (!c.isOpen()) {
            QString error;
            const SqlOutcome listening = c.open(m_trainer, 10000, &error)
                ? c.exec(QStringLiteral("LISTEN %1").arg(GraderConnection::identifier(room.channel())))
                : SqlOutcome{};
            const SqlOutcome roster = listening.ok
                ? c.exec(QStringLiteral("SELECT s.number, s.display_name, s.login, "
                                        "(SELECT coalesce(string_agg(id, ',' ORDER BY id), '') FROM %1.item) "
                                        "FROM %1.student s ORDER BY s.number")
                             .arg(room.schema()))
                : SqlOutcome{};
            if (!roster.ok) {
                c.close();
                const QString why = !error.isEmpty() ? error
                    : roster.sqlstate == u"42P01" || roster.sqlstate == u"3F000" ? tr("There is no class %1 on this server.").arg(m_classId)
                    : !listening.ok ? listening.message
                                    : roster.message;
                setState(reconnecting ? State::Reconnecting : State::Connecting, why);
                reconnecting = true;
                pause(ReconnectMs);
                continue;
            }
            QList<ClassStudent> students;
            QStringList items;
            for (qsizetype r = 0; r < roster.result.rowCount(); ++r) {
                students.append({roster.result.text(r, 0).toInt(), roster.result.text(r, 1), roster.result.text(r, 2), QString()});
                items = roster.result.text(r, 3).split(u',', Qt::SkipEmptyParts);
            }
            QMetaObject::invokeMethod(
                this, [this, students, items] { Q_EMIT rosterLoaded(students, items); }, Qt::QueuedConnection);
            setState(State::Live, QString());
            reconnecting = true;
        }
        // Read what is new: at first everything, then whatever a notification announced.
        const SqlOutcome rows = c.exec(QStringLiteral("SELECT id, login, item, step, passed, feedback, "
                                                      "(extract(epoch FROM recorded_at) * 1000)::bigint "
                                                      "FROM %1.result WHERE id > $1 ORDER BY id")
                                           .arg(room.schema()),
                                       {QString::number(std::max<qint64>(0, newest - InFlightWindow))});
        if (!rows.ok) {
            c.close();
            setState(State::Reconnecting, rows.message);
            continue;
        }
        QList<ClassResult> fresh;
        for (qsizetype r = 0; r < rows.result.rowCount(); ++r) {
            const qint64 id = rows.result.text(r, 0).toLongLong();
            if (seen.contains(id))
                continue;
            seen.insert(id);
            newest = std::max(newest, id);
            fresh.append({id, rows.result.text(r, 1), rows.result.text(r, 2), rows.result.text(r, 3), rows.result.text(r, 4) == u"t",
                          rows.result.text(r, 5), QDateTime::fromMSecsSinceEpoch(rows.result.text(r, 6).toLongLong(), QTimeZone::UTC)});
        }
        if (!fresh.isEmpty())
            QMetaObject::invokeMethod(this, [this, fresh] { Q_EMIT resultsArrived(fresh); }, Qt::QueuedConnection);
        // Sleep until a result is recorded (a few at once are read together).
        QStringList payloads;
        while (!m_stop && payloads.isEmpty()) {
            if (!c.waitForNotifications(200, &payloads)) {
                c.close();
                setState(State::Reconnecting, tr("The connection to the class's server was lost."));
                break;
            }
        }
    }
}
