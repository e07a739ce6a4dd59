#include "classlink.h"

#include "connectioninfo.h"
#include "graderconnection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>
#include <QUuid>

namespace {
constexpr int ReconnectMs = 1000;
} // namespace

std::optional<ClassLink::Joined> ClassLink::join(const ClassFile &file, const QString &login, const QString &password, QString *error)
{
    const QRegularExpressionMatch own =
        QRegularExpression(QStringLiteral("^learner_(%1_s(\\d+))$").arg(QRegularExpression::escape(file.classId))).match(login);
    if (!own.hasMatch()) {
        *error = tr("%1 is not a login of class %2: it is on your card as learner_%2_s and your number.").arg(login, file.classId);
        return std::nullopt;
    }
    GraderConnection c;
    if (!c.open(file.conninfo(login, password), 10000, error))
        return std::nullopt;
    const Classroom room(QString(), file.classId);
    const SqlOutcome items = c.exec(QStringLiteral("SELECT id, kind FROM %1.item ORDER BY id").arg(room.schema()));
    if (!items.ok) {
        *error = items.sqlstate == u"42P01" || items.sqlstate == u"3F000" || items.sqlstate == u"42501"
            ? tr("There is no class %1 on this server for %2.").arg(file.classId, login)
            : items.message;
        return std::nullopt;
    }
    Joined joined;
    joined.number = own.captured(2).toInt();
    joined.learnerKey = own.captured(1);
    for (qsizetype r = 0; r < items.result.rowCount(); ++r)
        (items.result.text(r, 1) == u"exam" ? joined.exams : joined.labs) << items.result.text(r, 0);
    return joined;
}

ClassLink::ClassLink(const ClassFile &file, const QString &login, const QString &password, const QString &pendingFile,
                     QObject *parent)
    : QObject(parent)
    , m_file(file)
    , m_login(login)
    , m_password(password)
    , m_pendingFile(pendingFile)
{
    qRegisterMetaType<QHash<QString, QString>>();
    load();
}

ClassLink::~ClassLink()
{
    stop();
}

QString ClassLink::conninfo(const QString &database) const
{
    ClassFile file = m_file;
    if (!database.isEmpty())
        file.database = database;
    return file.conninfo(m_login, m_password);
}

void ClassLink::load()
{
    QFile file(m_pendingFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("class")).toString() != m_file.classId || root.value(QStringLiteral("login")).toString() != m_login)
        return; // another class's leftovers: not ours to send
    for (const QJsonValue &v : root.value(QStringLiteral("pending")).toArray()) {
        const QJsonObject o = v.toObject();
        m_pending.append({o.value(QStringLiteral("token")).toString(), o.value(QStringLiteral("item")).toString(),
                          o.value(QStringLiteral("step")).toString(), o.value(QStringLiteral("passed")).toBool(),
                          o.value(QStringLiteral("feedback")).toString()});
    }
}

bool ClassLink::save()
{
    QJsonArray pending;
    for (const Pending &p : std::as_const(m_pending))
        pending.append(QJsonObject{{QStringLiteral("token"), p.token},
                                   {QStringLiteral("item"), p.item},
                                   {QStringLiteral("step"), p.step},
                                   {QStringLiteral("passed"), p.passed},
                                   {QStringLiteral("feedback"), p.feedback}});
    const QJsonObject root{{QStringLiteral("class"), m_file.classId}, {QStringLiteral("login"), m_login},
                           {QStringLiteral("pending"), pending}};
    QSaveFile file(m_pendingFile);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) >= 0 && file.commit();
}

void ClassLink::record(const QString &item, const QString &step, bool passed, const QString &feedback)
{
    QMutexLocker locker(&m_lock);
    m_pending.append({QUuid::createUuid().toString(QUuid::WithoutBraces), item, step, passed, feedback});
    save();
}

int ClassLink::pending() const
{
    QMutexLocker locker(&m_lock);
    return int(m_pending.size());
}

QHash<QString, QString> ClassLink::controls() const
{
    QMutexLocker locker(&m_lock);
    return m_controls;
}

void ClassLink::start()
{
    if (m_thread)
        return;
    m_stop = false;
    m_thread = QThread::create([this] { work(); });
    m_thread->start();
}

void ClassLink::stop()
{
    if (!m_thread)
        return;
    m_stop = true;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void ClassLink::setState(State state, const QString &detail)
{
    QMetaObject::invokeMethod(
        this,
        [this, state, detail] {
            if (m_state == state && state != State::Reconnecting)
                return;
            m_state = state;
            Q_EMIT stateChanged(state, detail);
        },
        Qt::QueuedConnection);
}

void ClassLink::work()
{
    const Classroom room(QString(), m_file.classId);
    GraderConnection c;
    bool reconnecting = false;
    bool readControls = true;
    const auto pause = [this](int ms) {
        for (int waited = 0; waited < ms && !m_stop; waited += 50)
            QThread::msleep(50);
    };
    while (!m_stop) {
        if (!c.isOpen()) {
            QString error;
            if (!c.open(conninfo(), 10000, &error)
                || !c.exec(QStringLiteral("LISTEN %1").arg(GraderConnection::identifier(room.controlChannel()))).ok) {
                c.close();
                setState(reconnecting ? State::Reconnecting : State::Connecting, error);
                reconnecting = true;
                pause(ReconnectMs);
                continue;
            }
            setState(State::Live, QString());
            reconnecting = true;
            readControls = true;
        }
        if (readControls) {
            const SqlOutcome rows = c.exec(QStringLiteral("SELECT key, value FROM %1.control").arg(room.schema()));
            if (!rows.ok) {
                c.close();
                setState(State::Reconnecting, rows.message);
                continue;
            }
            QHash<QString, QString> controls;
            for (qsizetype r = 0; r < rows.result.rowCount(); ++r)
                controls.insert(rows.result.text(r, 0), rows.result.text(r, 1));
            bool changed = false;
            {
                QMutexLocker locker(&m_lock);
                changed = controls != m_controls;
                m_controls = controls;
            }
            if (changed)
                QMetaObject::invokeMethod(this, [this, controls] { Q_EMIT controlsChanged(controls); }, Qt::QueuedConnection);
            readControls = false;
        }
        // Send what is pending, oldest first; a result leaves the file only once the server
        // answered (true: stored now, false: stored before, by an answer that got lost).
        bool sent = false;
        while (!m_stop) {
            Pending next;
            {
                QMutexLocker locker(&m_lock);
                if (m_pending.isEmpty())
                    break;
                next = m_pending.first();
            }
            const SqlOutcome o = c.exec(room.recordStatement(),
                                        {next.item, next.step, next.passed ? QStringLiteral("true") : QStringLiteral("false"),
                                         next.feedback, next.token});
            if (!o.ok) {
                if (o.sqlstate.startsWith(u"08") || !c.isOpen() || o.sqlstate.isEmpty() || o.sqlstate == u"57P01") {
                    c.close();
                    setState(State::Reconnecting, o.message);
                } else { // refused for good (not a member any more): kept, and said
                    setState(State::Reconnecting, o.message);
                    pause(ReconnectMs * 5);
                }
                break;
            }
            QMutexLocker locker(&m_lock);
            if (!m_pending.isEmpty() && m_pending.first().token == next.token)
                m_pending.removeFirst();
            save();
            sent = true;
        }
        if (!c.isOpen())
            continue;
        if (sent && pending() == 0)
            QMetaObject::invokeMethod(this, [this] { Q_EMIT allRecorded(); }, Qt::QueuedConnection);
        QStringList payloads;
        if (!c.waitForNotifications(200, &payloads)) {
            c.close();
            setState(State::Reconnecting, tr("The connection to the class's server was lost."));
            continue;
        }
        readControls = !payloads.isEmpty();
    }
}
