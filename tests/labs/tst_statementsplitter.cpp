#include "statementsplitter.h"
#include "splitcases.h"
#include "throwawayserver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
QStringList unitTexts(const QList<ScriptUnit> &units)
{
    QStringList texts;
    for (const ScriptUnit &u : units)
        texts << u.text;
    return texts;
}

// What "psql -e" prints for the queries of a script: each query, then a newline.
QString echoOf(const QList<ScriptUnit> &units)
{
    QString out;
    for (const ScriptUnit &u : units) {
        if (u.kind == ScriptUnit::Kind::Query)
            out += u.text + u'\n';
    }
    return out;
}
} // namespace

class tst_StatementSplitter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void splits_data();
    void splits();
    void matchesPsql_data() { splits_data(); }
    void matchesPsql();
    void spansMapBackToTheScript();
    void unitsKnowTheirLines();
    void metaCommandParts();
    void joinedStatementsAreMarked_data();
    void joinedStatementsAreMarked();
    void unitUnderCursor_data();
    void unitUnderCursor();

private:
    ThrowawayServer m_server;
};

void tst_StatementSplitter::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY2(QFileInfo(m_server.psql()).isExecutable(), qPrintable(m_server.psql()));
}

void tst_StatementSplitter::splits_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("standardStrings");
    QTest::addColumn<QStringList>("expected");
    const QList<SplitCase> cases = readSplitCases();
    QVERIFY(cases.size() >= 60);
    for (const SplitCase &c : cases)
        QTest::newRow(qPrintable(c.name)) << c.script << c.standardStrings << c.expected;
}

void tst_StatementSplitter::splits()
{
    QFETCH(QString, script);
    QFETCH(bool, standardStrings);
    QFETCH(QStringList, expected);
    const QList<ScriptUnit> units = StatementSplitter::split(script, {standardStrings});
    QCOMPARE(unitTexts(units), expected);
    for (qsizetype i = 0; i < units.size(); ++i) {
        const bool meta = expected.at(i).startsWith(u'\\');
        QCOMPARE(units.at(i).kind, meta ? ScriptUnit::Kind::MetaCommand : ScriptUnit::Kind::Query);
        QString fromSpans;
        for (const ScriptSpan &span : units.at(i).spans)
            fromSpans += script.mid(span.start, span.length);
        if (!meta)
            QCOMPARE(fromSpans, units.at(i).text);
    }
}

// The same script through psql itself: what it sends (psql -e) is what we send.
void tst_StatementSplitter::matchesPsql()
{
    QFETCH(QString, script);
    QFETCH(bool, standardStrings);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("case.sql")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script.toUtf8());
    file.close();

    QStringList env{QStringLiteral("PGCLIENTENCODING=UTF8")};
    if (!standardStrings)
        env << QStringLiteral("PGOPTIONS=-c standard_conforming_strings=off");
    const ProgramOutput psql = runProgram(m_server.psql(), {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-e"),
                                                           QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-f"),
                                                           file.fileName(), QStringLiteral("-d"), m_server.connectionString()},
                                          env);
    QVERIFY(psql.exitCode >= 0);
    const QString sent = QString::fromUtf8(psql.out);
    QCOMPARE(echoOf(StatementSplitter::split(script, {standardStrings})), sent);
}

void tst_StatementSplitter::spansMapBackToTheScript()
{
    const QString script = QStringLiteral("-- intro\nSELECT 1, -- gone\n\n  nope FROM t;\n");
    const QList<ScriptUnit> units = StatementSplitter::split(script);
    QCOMPARE(units.size(), 1);
    const ScriptUnit &u = units.first();
    QCOMPARE(u.text, QStringLiteral("SELECT 1, -- gone\n  nope FROM t;")); // the blank line is gone
    const int inText = int(u.text.indexOf(QStringLiteral("nope")));
    QCOMPARE(u.scriptPosition(inText), int(script.indexOf(QStringLiteral("nope"))));
    QCOMPARE(u.scriptPosition(0), int(script.indexOf(QStringLiteral("SELECT"))));
    QCOMPARE(u.sourceStart(), 9);
    QCOMPARE(u.sourceEnd(), int(script.indexOf(u';')) + 1);

    const QString joined = QStringLiteral("SELECT 1 \\; SELECT x;");
    const ScriptUnit j = StatementSplitter::split(joined).first();
    QCOMPARE(j.text, QStringLiteral("SELECT 1 ; SELECT x;"));
    QCOMPARE(j.scriptPosition(int(j.text.indexOf(u'x'))), int(joined.indexOf(u'x')));
}

void tst_StatementSplitter::unitsKnowTheirLines()
{
    const QList<ScriptUnit> units = StatementSplitter::split(
        QStringLiteral("SELECT 1;\n\n-- two\nSELECT\n 2;\n\\x\nSELECT 3; SELECT 4;"));
    QCOMPARE(units.size(), 5);
    QCOMPARE(units.at(0).line, 0);
    QCOMPARE(units.at(1).line, 3);
    QCOMPARE(units.at(2).line, 5);
    QCOMPARE(units.at(3).line, 6);
    QCOMPARE(units.at(4).line, 6);
    QCOMPARE(units.at(3).terminator, ScriptUnit::Terminator::Semicolon);
    QCOMPARE(units.at(4).terminator, ScriptUnit::Terminator::Semicolon);
    QCOMPARE(StatementSplitter::split(QStringLiteral("SELECT 5")).first().terminator,
             ScriptUnit::Terminator::EndOfScript);
}

void tst_StatementSplitter::metaCommandParts()
{
    const QList<ScriptUnit> units = StatementSplitter::split(
        QStringLiteral("\\d+ \"my table\" \\\\ SELECT 1 \\gx (format=csv)\n\\copy t to 'a\\\\b' \\\\ x\n"));
    QCOMPARE(units.size(), 3);
    QCOMPARE(units.at(0).kind, ScriptUnit::Kind::MetaCommand);
    QCOMPARE(units.at(0).command, QStringLiteral("d+"));
    QCOMPARE(units.at(0).arguments, QStringLiteral("\"my table\""));
    QCOMPARE(units.at(1).kind, ScriptUnit::Kind::Query);
    QCOMPARE(units.at(1).text, QStringLiteral("SELECT 1 "));
    QCOMPARE(units.at(1).terminator, ScriptUnit::Terminator::MetaCommand);
    QCOMPARE(units.at(1).command, QStringLiteral("gx"));
    QCOMPARE(units.at(1).arguments, QStringLiteral("(format=csv)"));
    QCOMPARE(units.at(2).command, QStringLiteral("copy")); // takes the whole line
    QCOMPARE(units.at(2).arguments, QStringLiteral("t to 'a\\\\b' \\\\ x"));
}

void tst_StatementSplitter::joinedStatementsAreMarked_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QList<bool>>("joined");
    QTest::newRow("joined") << "SELECT 1 \\; SELECT 2;" << QList<bool>{true};
    QTest::newRow("one unit joined, the next not") << "SELECT 1 \\; SELECT 2; SELECT 3;" << QList<bool>{true, false};
    QTest::newRow("inside a string") << "SELECT '\\;';" << QList<bool>{false};
    QTest::newRow("inside a comment") << "SELECT 1 /* \\; */;" << QList<bool>{false};
    QTest::newRow("\\r forgets it") << "SELECT 1 \\;\n\\r\nSELECT 2;" << QList<bool>{false};
    QTest::newRow("\\g sends it joined") << "SELECT 1 \\; SELECT 2 \\g" << QList<bool>{true};
}

// "\;" joins statements into one query: checks that grade one statement must know.
void tst_StatementSplitter::joinedStatementsAreMarked()
{
    QFETCH(QString, script);
    QFETCH(QList<bool>, joined);
    QList<bool> marks;
    for (const ScriptUnit &unit : StatementSplitter::split(script)) {
        if (unit.kind == ScriptUnit::Kind::Query)
            marks << unit.joinsStatements;
    }
    QCOMPARE(marks, joined);
}

void tst_StatementSplitter::unitUnderCursor_data()
{
    QTest::addColumn<QString>("marked"); // '|' marks the cursor
    QTest::addColumn<QString>("expected");
    QTest::newRow("inside first") << "SEL|ECT 1;\nSELECT 2;\n" << "SELECT 1;";
    QTest::newRow("inside second") << "SELECT 1;\nSELECT| 2;\n" << "SELECT 2;";
    QTest::newRow("right after semicolon") << "SELECT 1;|\nSELECT 2;\n" << "SELECT 1;";
    QTest::newRow("blank line after") << "SELECT 1;\n\n|\nSELECT 2;\n" << "SELECT 1;";
    QTest::newRow("before everything") << "|\n\nSELECT 1;\nSELECT 2;\n" << "SELECT 1;";
    QTest::newRow("second on same line") << "SELECT 1; SEL|ECT 2;" << "SELECT 2;";
    QTest::newRow("inside a body") << "DO $$ BEGIN PERFORM| 1; END $$;\nSELECT 2;" << "DO $$ BEGIN PERFORM 1; END $$;";
    QTest::newRow("meta line inside a query") << "SELECT 1\n\\x|\n+ 1;" << "\\x";
}

void tst_StatementSplitter::unitUnderCursor()
{
    QFETCH(QString, marked);
    QFETCH(QString, expected);
    const int cursor = int(marked.indexOf(u'|'));
    const QString script = QString(marked).remove(cursor, 1);
    const QList<ScriptUnit> units = StatementSplitter::split(script);
    const qsizetype at = StatementSplitter::unitAt(units, cursor);
    QVERIFY(at >= 0);
    QCOMPARE(units.at(at).text, expected);
    QCOMPARE(StatementSplitter::unitAt({}, 0), qsizetype(-1));
}

QTEST_GUILESS_MAIN(tst_StatementSplitter)
#include "tst_statementsplitter.moc"
