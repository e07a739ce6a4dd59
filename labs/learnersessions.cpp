#include "learnersessions.h"

#include "statementsplitter.h"

#include <QRegularExpression>

QString LearnerSessions::applicationName(const QString &session)
{
    return QStringLiteral("pgcampus session ") + session;
}

namespace {
const QRegularExpression &sessionMarker()
{
    static const QRegularExpression marker(QStringLiteral("^\\s*--\\s*session\\s+(\\S+)\\s*$"),
                                           QRegularExpression::CaseInsensitiveOption | QRegularExpression::MultilineOption);
    return marker;
}
} // namespace

bool LearnerSessions::isSessionScript(const QString &script)
{
    return sessionMarker().match(script).hasMatch();
}

QList<LearnerSessions::Marker> LearnerSessions::markers(const QString &script)
{
    QList<Marker> found;
    for (const QRegularExpressionMatch &m : sessionMarker().globalMatch(script))
        found.append({m.captured(1), int(QStringView(script).left(m.capturedStart(1)).count(u'\n')) + 1});
    return found;
}

QList<LearnerSessions::Line> LearnerSessions::parse(const QString &script, const QString &firstSession)
{
    const QRegularExpression &marker = sessionMarker();
    QList<Line> lines;
    QString session = firstSession;
    qsizetype from = 0;
    const auto take = [&](qsizetype to) {
        for (const ScriptUnit &unit : StatementSplitter::split(script.mid(from, to - from))) {
            if (unit.kind == ScriptUnit::Kind::Query && !unit.text.trimmed().isEmpty())
                lines.append({session, unit.text});
        }
    };
    for (const QRegularExpressionMatch &m : marker.globalMatch(script)) {
        take(m.capturedStart());
        session = m.captured(1);
        from = m.capturedEnd();
    }
    take(script.size());
    return lines;
}

bool LearnerSessions::play(const std::function<QString(const QString &)> &sessionConninfo, const QString &script,
                           const QString &firstSession, QString *error)
{
    m_failures.clear();
    for (const Line &line : parse(script, firstSession)) {
        GraderConnection &session = m_sessions[line.session];
        if (!session.isOpen() && !session.open(sessionConninfo(line.session), 0, error))
            return false;
        if (session.isBusy()) {
            *error = tr("Session %1 is still waiting, so it cannot run: %2").arg(line.session, line.sql.simplified());
            return false;
        }
        if (!session.send(line.sql)) {
            *error = tr("Session %1 could not send: %2").arg(line.session, line.sql.simplified());
            return false;
        }
        // A statement that fails is part of the story (a deadlock victim, a lock timeout):
        // as in psql, the script goes on; what failed is in failures().
        SqlOutcome outcome;
        if (session.wait(WaitMs, &outcome) && !outcome.ok)
            m_failures << tr("Session %1: %2").arg(line.session, outcome.message);
    }
    error->clear();
    return true;
}

void LearnerSessions::closeAll()
{
    for (auto &[name, session] : m_sessions) {
        if (!session.isOpen())
            continue;
        session.cancel();
        session.exec(QStringLiteral("ROLLBACK"));
        session.close();
    }
    m_sessions.clear();
}
