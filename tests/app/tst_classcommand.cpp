#include "classroom.h"
#include "throwawayserver.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// pgcampus class on a real server with the shipped course packs: provision a class of two,
// read its status, reset a lab for one student, tear it down; and the usage errors.
class tst_ClassCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void provisionStatusResetTeardown();
    void simulateOnAPracticeServerOfItsOwn();
    void usageErrors_data();
    void usageErrors();

private:
    ProgramOutput pgcampus(const QStringList &arguments) const
    {
        return runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE), QStringList{QStringLiteral("class")} + arguments
                              + QStringList{QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--lang"), QStringLiteral("en")},
                          {QStringLiteral("LC_ALL=C.UTF-8")}, 300000);
    }
    ThrowawayServer m_server;
    QTemporaryDir m_dir;
};

void tst_ClassCommand::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void tst_ClassCommand::provisionStatusResetTeardown()
{
    const QString conn = m_server.connectionString();
    const QString sheet = m_dir.filePath(QStringLiteral("credentials.csv"));
    const ProgramOutput made = pgcampus({QStringLiteral("provision"), QStringLiteral("--conn"), conn, QStringLiteral("--students"),
                                         QStringLiteral("2"), QStringLiteral("--credentials"), sheet});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const QRegularExpressionMatch id = QRegularExpression(QStringLiteral("class (c[a-z0-9]{7}): 2 students provisioned"))
                                           .match(QString::fromUtf8(made.out));
    QVERIFY2(id.hasMatch(), made.out.constData());
    QFile file(sheet);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(1).startsWith(id.captured(1) + u','));
    QVERIFY(lines.at(1).contains(QStringLiteral(",1,Student 01,learner_") + id.captured(1) + QStringLiteral("_s01,")));

    // Run again for the same class: nothing new is made, and the sheet to print (PDF) and
    // the class file to hand out carry the same logins and passwords.
    const QString pdf = m_dir.filePath(QStringLiteral("sheet.pdf")), classFile = m_dir.filePath(QStringLiteral("class.pgclass"));
    const ProgramOutput again = pgcampus({QStringLiteral("provision"), QStringLiteral("--conn"), conn, QStringLiteral("--students"),
                                          QStringLiteral("2"), QStringLiteral("--class"), id.captured(1), QStringLiteral("--credentials"),
                                          pdf, QStringLiteral("--class-file"), classFile, QStringLiteral("--title"),
                                          QStringLiteral("数据库管理 1 班")});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const ProgramOutput text = runProgram(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QCOMPARE(text.exitCode, 0);
    for (const QString &line : lines.mid(1)) {
        const QStringList fields = line.split(u',');
        QVERIFY2(text.out.contains(fields.at(6).toUtf8()) && text.out.contains(fields.at(7).toUtf8()), text.out.constData());
    }
    QVERIFY(QString::fromUtf8(text.out).contains(QStringLiteral("数据库管理 1 班")));
    QFile handout(classFile);
    QVERIFY(handout.open(QIODevice::ReadOnly));
    QString error;
    const std::optional<ClassFile> parsed = ClassFile::fromJson(handout.readAll(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->classId, id.captured(1));
    QCOMPARE(parsed->database, QStringLiteral("postgres"));
    QVERIFY(!handout.fileName().isEmpty());
    handout.seek(0);
    QVERIFY(!handout.readAll().contains(lines.at(1).split(u',').at(7).toUtf8())); // no password in it

    const QStringList classArgs = {QStringLiteral("--conn"), conn, QStringLiteral("--class"), id.captured(1)};
    const ProgramOutput status = pgcampus(QStringList{QStringLiteral("status")} + classArgs);
    QCOMPARE(status.exitCode, 0);
    const QRegularExpressionMatch counts = QRegularExpression(QStringLiteral(": 2 students, (\\d+) sandboxes, 0 results; labs: ([^,\\n]+)"))
                                               .match(QString::fromUtf8(status.out));
    QVERIFY2(counts.hasMatch(), status.out.constData());
    QVERIFY(counts.captured(1).toInt() >= 2); // each sandbox lab of the shipped packs, for both
    QCOMPARE(counts.captured(1).toInt() % 2, 0);

    const ProgramOutput reset = pgcampus(QStringList{QStringLiteral("reset"), QStringLiteral("--lab"), counts.captured(2),
                                                     QStringLiteral("--student"), QStringLiteral("2")} + classArgs);
    QVERIFY2(reset.exitCode == 0, reset.err.constData());
    QVERIFY(reset.out.contains("_s02"));
    QVERIFY(!reset.out.contains("_s01"));

    const ProgramOutput gone = pgcampus(QStringList{QStringLiteral("teardown")} + classArgs);
    QVERIFY2(gone.exitCode == 0, gone.err.constData());
    const ProgramOutput after = pgcampus(QStringList{QStringLiteral("status")} + classArgs);
    QCOMPARE(after.exitCode, 1);
    QVERIFY(after.err.contains(id.captured(1).toUtf8()));
    QCOMPARE(queryScalar(conn, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname LIKE '%%1%'").arg(id.captured(1))),
             QStringLiteral("0"));
}

// No --conn: the command starts a practice server of its own, provisions, runs, and
// reports the figures; every recorded result is in the table exactly once.
void tst_ClassCommand::simulateOnAPracticeServerOfItsOwn()
{
    const ProgramOutput out = pgcampus({QStringLiteral("simulate"), QStringLiteral("--students"), QStringLiteral("3"),
                                        QStringLiteral("--minutes"), QStringLiteral("0.1")});
    QVERIFY2(out.exitCode == 0, out.err.constData());
    const QString text = QString::fromUtf8(out.out);
    const QRegularExpressionMatch summary = QRegularExpression(QStringLiteral("class simulation: 3 students, (\\d+) s: \\d+ statements, (\\d+) checks"))
                                                .match(text);
    QVERIFY2(summary.hasMatch(), out.out.constData());
    QVERIFY(summary.captured(1).toInt() >= 6);
    QVERIFY(summary.captured(2).toInt() > 0); // three students, six seconds, 1–4 s each: some checks
    for (const char *figure : {"class_check_p99_ms", "class_reset_p99_ms", "class_provision_ms"})
        QVERIFY2(QRegularExpression(QStringLiteral("^%1 -?[0-9.]+$").arg(QLatin1String(figure)), QRegularExpression::MultilineOption)
                     .match(text)
                     .hasMatch(),
                 figure);
    QVERIFY(text.contains(QStringLiteral("\nclass_results_lost 0\n")));
    QVERIFY(text.contains(QStringLiteral("\nclass_results_duplicated 0\n")));
}

void tst_ClassCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString conn = QStringLiteral("host=/nonexistent");
    QTest::newRow("no action") << QStringList{} << QStringLiteral("usage:");
    QTest::newRow("no conn") << QStringList{QStringLiteral("status"), QStringLiteral("--class"), QStringLiteral("cabcdefg")}
                             << QStringLiteral("--conn");
    QTest::newRow("no class") << QStringList{QStringLiteral("status"), QStringLiteral("--conn"), conn} << QStringLiteral("--class");
    QTest::newRow("bad class") << QStringList{QStringLiteral("teardown"), QStringLiteral("--conn"), conn, QStringLiteral("--class"),
                                              QStringLiteral("x; DROP")}
                               << QStringLiteral("not a class id");
    QTest::newRow("students and roster") << QStringList{QStringLiteral("provision"), QStringLiteral("--conn"), conn,
                                                        QStringLiteral("--students"), QStringLiteral("2"), QStringLiteral("--roster"),
                                                        QStringLiteral("r.csv"), QStringLiteral("--credentials"), QStringLiteral("c.csv")}
                                         << QStringLiteral("either --students");
    QTest::newRow("no credentials") << QStringList{QStringLiteral("provision"), QStringLiteral("--conn"), conn,
                                                   QStringLiteral("--students"), QStringLiteral("2")}
                                    << QStringLiteral("--credentials");
    QTest::newRow("simulate without minutes") << QStringList{QStringLiteral("simulate"), QStringLiteral("--students"), QStringLiteral("60")}
                                              << QStringLiteral("--minutes");
    QTest::newRow("simulate without students") << QStringList{QStringLiteral("simulate"), QStringLiteral("--minutes"), QStringLiteral("1")}
                                               << QStringLiteral("--students");
}

void tst_ClassCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const ProgramOutput out = pgcampus(arguments);
    QCOMPARE(out.exitCode, 2);
    QVERIFY2(QString::fromUtf8(out.err).contains(message), out.err.constData());
}

QTEST_GUILESS_MAIN(tst_ClassCommand)
#include "tst_classcommand.moc"
