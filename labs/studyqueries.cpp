// The progress store's questions about when a learner studied (the dashboard's).
#include "progressstore.h"

#include "sqlitesupport.h"

using namespace SqliteSupport;

namespace {
// Every moment the learner did something, as stored (UTC text); ?1 the learner.
const char Moments[] =
    "WITH moments(at) AS ("
    "  SELECT at FROM activity WHERE learner_id = ?1"
    "  UNION ALL SELECT at FROM course_event WHERE learner_id = ?1"
    "  UNION ALL SELECT started_at FROM query_history WHERE learner_id = ?1"
    "  UNION ALL SELECT e.at FROM exam_event e JOIN exam_attempt a ON a.attempt_id = e.attempt_id "
    "            WHERE a.learner_id = ?1) ";
} // namespace

QList<QDate> ProgressStore::studyDays(qint64 learnerId) const
{
    QList<QDate> days;
    Statement stmt = prepare(m_db, (QByteArray(Moments) + "SELECT DISTINCT date(at, 'localtime') AS day FROM moments "
                                                          "ORDER BY day DESC").constData());
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW)
        days << QDate::fromString(columnText(stmt.get(), 0), Qt::ISODate);
    return days;
}

QMap<QDate, qint64> ProgressStore::studySecondsByWeek(qint64 learnerId, const QDate &since) const
{
    QMap<QDate, qint64> weeks;
    // The gap to the moment before decides: within 15 minutes it is study time, otherwise a
    // new session starts and counts a minute. Weeks start on Monday, local time.
    Statement stmt = prepare(
        m_db, (QByteArray(Moments)
               + ", timed AS (SELECT at, (julianday(at) - lag(julianday(at)) OVER (ORDER BY at)) * 86400.0 AS gap "
                 "            FROM moments WHERE date(at, 'localtime') >= ?2) "
                 "SELECT date(at, 'localtime', '-6 days', 'weekday 1') AS week, "
                 "       sum(CASE WHEN gap IS NOT NULL AND gap <= 900 THEN gap ELSE 60 END) "
                 "FROM timed GROUP BY week ORDER BY week")
                  .constData());
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    bindText(stmt.get(), 2, since.toString(Qt::ISODate));
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW)
        weeks.insert(QDate::fromString(columnText(stmt.get(), 0), Qt::ISODate), qRound64(sqlite3_column_double(stmt.get(), 1)));
    return weeks;
}

QStringList ProgressStore::recentItems(qint64 learnerId, int limit) const
{
    QStringList items;
    Statement stmt = prepare(m_db, "SELECT pack_id || '/' || item_id, max(at) AS last FROM course_event "
                                   "WHERE learner_id = ?1 GROUP BY pack_id, item_id ORDER BY last DESC LIMIT ?2");
    sqlite3_bind_int64(stmt.get(), 1, learnerId);
    sqlite3_bind_int(stmt.get(), 2, limit);
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW)
        items << columnText(stmt.get(), 0);
    return items;
}
