#include "sqlcommand.h"

#include "connectioninfo.h"
#include "practiceserver.h"
#include "querysession.h"
#include "resultformatter.h"
#include "statementsplitter.h"

#include "consoleoutput.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <optional>

namespace {
// psql's pointer under the failing spot: "LINE 2: SELECT nope FROM t;" and a caret.
QString positionPointer(const QString &query, int position)
{
    int index = 0;
    for (int n = 1; n < position && index < query.size(); ++n)
        index += query.at(index).isHighSurrogate() ? 2 : 1;
    const int lineStart = int(query.lastIndexOf(u'\n', index - 1)) + 1;
    int lineEnd = int(query.indexOf(u'\n', index));
    if (lineEnd < 0)
        lineEnd = int(query.size());
    const int lineNumber = int(query.left(lineStart).count(u'\n')) + 1;
    const QString prefix = QStringLiteral("LINE %1: ").arg(lineNumber);
    const QString line = query.mid(lineStart, lineEnd - lineStart);
    const int column = ResultFormatter::displayWidth(QStringView(line).left(index - lineStart));
    return prefix + line + u'\n' + QString(ResultFormatter::displayWidth(prefix) + column, u' ') + QStringLiteral("^\n");
}

// A message as psql prints it with VERBOSITY verbose: every field the server sent.
QString diagnostic(const ServerMessage &m, const QString &query)
{
    QString text = m.severity + QStringLiteral(":  ");
    if (!m.sqlState.isEmpty() && m.sqlState != u"00000")
        text += m.sqlState + QStringLiteral(": ");
    text += m.message + u'\n';
    if (m.position > 0 && !query.isEmpty())
        text += positionPointer(query, m.position);
    const std::pair<const char *, QString> fields[] = {
        {"DETAIL:  ", m.detail},           {"HINT:  ", m.hint},
        {"QUERY:  ", m.internalQuery},     {"CONTEXT:  ", m.context},
        {"SCHEMA NAME:  ", m.schemaName},  {"TABLE NAME:  ", m.tableName},
        {"COLUMN NAME:  ", m.columnName},  {"DATATYPE NAME:  ", m.dataTypeName},
        {"CONSTRAINT NAME:  ", m.constraintName}};
    for (const auto &[label, value] : fields) {
        if (!value.isEmpty())
            text += QLatin1StringView(label) + value + u'\n';
    }
    if (!m.sourceFile.isEmpty())
        text += QStringLiteral("LOCATION:  %1, %2:%3\n").arg(m.sourceFunction, m.sourceFile).arg(m.sourceLine);
    return text;
}

bool printsStatusAfterRows(const QString &tag)
{
    for (const char *command : {"INSERT", "UPDATE", "DELETE", "MERGE"}) {
        if (tag.startsWith(QLatin1StringView(command)))
            return true;
    }
    return false;
}

// Waits for the session to connect; the error text when it cannot.
std::optional<QString> connectSession(QuerySession &session, const QString &conninfo)
{
    QEventLoop loop;
    std::optional<QString> failure;
    QObject::connect(&session, &QuerySession::opened, &loop, &QEventLoop::quit);
    QObject::connect(&session, &QuerySession::openFailed, &loop, [&](const QString &message) {
        failure = message;
        loop.quit();
    });
    session.open(conninfo);
    if (session.state() == QuerySession::State::Connecting)
        loop.exec();
    else if (!failure && session.state() != QuerySession::State::Idle)
        failure = SqlCommand::tr("could not connect");
    return failure;
}
} // namespace

int SqlCommand::run(const QStringList &arguments, const QString &defaultDataDirectory)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run SQL through PG Campus's statement splitter and session, printing results like psql."));
    parser.addHelpOption();
    const QCommandLineOption conn(QStringLiteral("conn"), tr("Connect with this conninfo string or URI."),
                                  QStringLiteral("CONNINFO"));
    const QCommandLineOption service(QStringLiteral("service"), tr("Connect to this service of pg_service.conf."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption command(QStringList{QStringLiteral("c"), QStringLiteral("command")},
                                     tr("Run these statements."), QStringLiteral("SQL"));
    const QCommandLineOption file(QStringList{QStringLiteral("f"), QStringLiteral("file")},
                                  tr("Run the statements in FILE (- reads standard input)."), QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"), tr("Print results as table, csv, json or none."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption echo(QStringLiteral("echo"), tr("Print each statement as it is sent, like psql -e."));
    const QCommandLineOption echoHidden(QStringList{QStringLiteral("E"), QStringLiteral("echo-hidden")},
                                        tr("Print the catalog queries behind meta-commands such as \\d, like psql -E."));
    const QCommandLineOption stopOnError(QStringLiteral("stop-on-error"), tr("Stop at the first failing statement."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), tr("The practice server's data directory."),
                                     QStringLiteral("DIR"));
    parser.addOptions({conn, service, command, file, format, echo, echoHidden, stopOnError, dataDir});
    parser.addPositionalArgument(QStringLiteral("sql"), tr("The sql subcommand."));

    auto usageError = [](const QString &text) {
        writeTo(stderr, QStringLiteral("pgcampus sql: %1\n").arg(text));
        return 2;
    };
    if (!parser.parse(QStringList{QCoreApplication::applicationFilePath()} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        writeTo(stdout, parser.helpText());
        return 0;
    }
    if (parser.isSet(command) == parser.isSet(file))
        return usageError(tr("give exactly one of -c SQL and -f FILE"));
    if (parser.isSet(conn) && parser.isSet(service))
        return usageError(tr("give --conn or --service, not both"));
    const QString outputFormat = parser.value(format);
    if (!QStringList{QStringLiteral("table"), QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("none")}
             .contains(outputFormat))
        return usageError(tr("--format takes table, csv, json or none, not \"%1\"").arg(outputFormat));

    QString script = parser.value(command);
    QString where;
    if (parser.isSet(file)) {
        QFile in;
        const QString path = parser.value(file);
        const bool opened = path == u"-" ? in.open(stdin, QIODevice::ReadOnly) : (in.setFileName(path), in.open(QIODevice::ReadOnly));
        if (!opened)
            return usageError(tr("cannot read %1: %2").arg(path, in.errorString()));
        script = QString::fromUtf8(in.readAll());
        where = path == u"-" ? QStringLiteral("<stdin>") : path;
    }

    // The practice server, unless another connection is named.
    std::unique_ptr<PracticeServer> server;
    bool stopServer = false;
    QString conninfo = parser.value(conn);
    if (parser.isSet(service)) {
        conninfo = QStringLiteral("service=") + ConnectionInfo::quoted(parser.value(service));
    } else if (!parser.isSet(conn)) {
        const QString dir = parser.isSet(dataDir) ? QDir(parser.value(dataDir)).absolutePath() : defaultDataDirectory;
        server = std::make_unique<PracticeServer>(QDir(dir).filePath(QStringLiteral("practice-server")));
        stopServer = server->status() != PracticeServer::Status::Running;
        if (!server->start())
            return usageError(server->errorString());
        conninfo = server->connectionString();
    }

    QuerySession session;
    if (const auto failure = connectSession(session, conninfo)) {
        if (stopServer)
            server->stop();
        return usageError(tr("could not connect: %1").arg(*failure));
    }

    const QList<ScriptUnit> units = StatementSplitter::split(script, {session.standardConformingStrings()});
    const QString prefix = where.isEmpty() ? QStringLiteral("pgcampus: ") : QStringLiteral("pgcampus:%1:").arg(where);
    bool failed = false;
    bool hadRows = false;
    QJsonArray json;
    QJsonObject statement;
    QEventLoop loop;
    QObject::connect(&session, &QuerySession::statementStarted, &loop, [&](int i) {
        hadRows = false;
        statement = QJsonObject{{QStringLiteral("line"), units.at(i).line + 1},
                                {QStringLiteral("query"), units.at(i).text},
                                {QStringLiteral("results"), QJsonArray()}};
        if (parser.isSet(echo) && units.at(i).kind == ScriptUnit::Kind::Query) // psql -e echoes what it sends
            writeTo(stdout, units.at(i).text + u'\n');
    });
    QObject::connect(&session, &QuerySession::hiddenQuery, &loop, [&](int, const QString &sql) {
        if (parser.isSet(echoHidden))
            writeTo(stdout, QStringLiteral("/******** QUERY *********/\n%1\n/************************/\n\n").arg(sql));
    });
    QObject::connect(&session, &QuerySession::metaOutput, &loop, [&](int, const MetaOutput &output) {
        if (outputFormat == u"none" && !output.isError)
            return; // like psql -o /dev/null
        if (!output.hasTable()) {
            writeTo(output.isError ? stderr : stdout, output.text + u'\n');
            return;
        }
        if (outputFormat == u"table")
            writeTo(stdout, MetaCommand::formatted(output));
        else if (outputFormat == u"csv")
            writeTo(stdout, ResultFormatter::csv(output.table) + output.footers.join(u'\n')
                                + (output.footers.isEmpty() ? QString() : QStringLiteral("\n")));
        else if (outputFormat == u"json") {
            QJsonObject table = ResultFormatter::json(output.table);
            table.insert(QStringLiteral("title"), output.title);
            table.insert(QStringLiteral("footers"), QJsonArray::fromStringList(output.footers));
            QJsonArray results = statement.value(QStringLiteral("results")).toArray();
            results.append(table);
            statement.insert(QStringLiteral("results"), results);
        }
    });
    QObject::connect(&session, &QuerySession::resultReady, &loop, [&](int, const ResultSet &result) {
        hadRows = true;
        if (outputFormat == u"table") // \x on: psql's expanded display; "auto" is aligned off a terminal, as in psql
            writeTo(stdout, session.expandedDisplay() == u"on" ? ResultFormatter::expanded(result)
                                                               : ResultFormatter::aligned(result));
        else if (outputFormat == u"csv")
            writeTo(stdout, ResultFormatter::csv(result));
        else if (outputFormat == u"json") {
            QJsonArray results = statement.value(QStringLiteral("results")).toArray();
            results.append(ResultFormatter::json(result));
            statement.insert(QStringLiteral("results"), results);
        }
    });
    QObject::connect(&session, &QuerySession::statementFinished, &loop, [&](const StatementOutcome &o) {
        failed = failed || o.failed;
        statement.insert(QStringLiteral("command"), o.commandTag);
        statement.insert(QStringLiteral("failed"), o.failed);
        statement.insert(QStringLiteral("elapsedMs"), o.elapsedMs);
        json.append(statement);
        const bool status = !o.failed && !o.commandTag.isEmpty() &&
                            (!hadRows || printsStatusAfterRows(o.commandTag));
        if (status && (outputFormat == u"table" || outputFormat == u"csv"))
            writeTo(stdout, o.commandTag + u'\n');
    });
    QObject::connect(&session, &QuerySession::messageReceived, &loop, [&](const ServerMessage &m) {
        const bool known = m.statement >= 0 && m.statement < units.size();
        const QString at = known && !where.isEmpty() ? QStringLiteral("%1:").arg(units.at(m.statement).line + 1)
                                                     : QString();
        failed = failed || m.isError();
        writeTo(stderr, prefix + at + (at.isEmpty() && where.isEmpty() ? QString() : QStringLiteral(" ")) +
                          diagnostic(m, known ? units.at(m.statement).text : QString()));
    });
    bool done = false;
    QObject::connect(&session, &QuerySession::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    if (session.run(units, {parser.isSet(stopOnError)}) && !done) // a script of meta-commands ends at once
        loop.exec();
    if (outputFormat == u"json")
        writeTo(stdout, QString::fromUtf8(QJsonDocument(json).toJson()));
    std::fflush(stdout);
    session.close();
    if (stopServer)
        server->stop();
    return failed ? 1 : 0;
}
