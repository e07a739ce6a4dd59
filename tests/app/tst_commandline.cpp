#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome runApp(const QStringList &args, int timeoutMs = 180000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PGCAMPUS_EXECUTABLE), args);
    Outcome o;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return o;
    }
    o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    o.out = QString::fromUtf8(p.readAllStandardOutput());
    o.err = QString::fromUtf8(p.readAllStandardError());
    return o;
}
} // namespace

class tst_CommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionAndHelp();
    void badArgumentsAreRefused_data();
    void badArgumentsAreRefused();
    void screenshotOfWorkbench_data();
    void screenshotOfWorkbench();
};

void tst_CommandLine::versionAndHelp()
{
    Outcome o = runApp({QStringLiteral("--version")});
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.out.trimmed().startsWith(QStringLiteral("pgcampus 0.")), qPrintable(o.out));
    o = runApp({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")});
    QCOMPARE(o.exitCode, 0);
    for (const char *option : {"--data-dir", "--lang", "--screenshot", "--view", "--version"})
        QVERIFY2(o.out.contains(QLatin1StringView(option)), option);

    // The embedded translation is found: the help speaks Chinese.
    o = runApp({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.out.contains(QStringLiteral("PG 学堂：学习 PostgreSQL 数据库管理。")), qPrintable(o.out));
    QVERIFY2(o.out.contains(QStringLiteral("--data-dir")), qPrintable(o.out));
}

void tst_CommandLine::badArgumentsAreRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("language") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr")} << "zh_CN or en";
    QTest::newRow("view") << QStringList{QStringLiteral("--screenshot"), QStringLiteral("/tmp/never.png"),
                                         QStringLiteral("--view"), QStringLiteral("nowhere"),
                                         QStringLiteral("--lang"), QStringLiteral("en")}
                          << "Unknown view";
    QTest::newRow("option") << QStringList{QStringLiteral("--no-such-option")} << "no-such-option";
    QTest::newRow("sample") << QStringList{QStringLiteral("--screenshot"), QStringLiteral("/tmp/never.png"),
                                           QStringLiteral("--view"), QStringLiteral("workbench:nothing"),
                                           QStringLiteral("--lang"), QStringLiteral("en")}
                            << "workbench:transaction";
}

void tst_CommandLine::badArgumentsAreRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir data;
    const Outcome o = runApp(args + QStringList{QStringLiteral("--data-dir"), data.path()});
    QVERIFY(o.exitCode != 0);
    QVERIFY2(o.err.contains(message), qPrintable(o.err));
}

void tst_CommandLine::screenshotOfWorkbench_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("view");
    QTest::newRow("en") << "en" << "workbench";
    QTest::newRow("zh_CN") << "zh_CN" << "workbench";
    QTest::newRow("error zh_CN") << "zh_CN" << "workbench:error";
    QTest::newRow("transaction en") << "en" << "workbench:transaction";
}

// The whole app end to end: progress store, practice server, query, window.
void tst_CommandLine::screenshotOfWorkbench()
{
    QFETCH(QString, language);
    QFETCH(QString, view);
    QTemporaryDir data;
    const QString file = data.filePath(QStringLiteral("workbench.png"));
    const Outcome o = runApp({QStringLiteral("--data-dir"), data.path(), QStringLiteral("--lang"), language,
                              QStringLiteral("--screenshot"), file, QStringLiteral("--view"), view});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    const QImage image(file);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800 && image.height() >= 500);
    QVERIFY(QFileInfo::exists(data.filePath(QStringLiteral("progress.sqlite"))));
    QVERIFY(QFileInfo::exists(data.filePath(QStringLiteral("practice-server/cluster/PG_VERSION"))));
    // The app stopped its practice server on the way out.
    QVERIFY(!QFileInfo::exists(data.filePath(QStringLiteral("practice-server/cluster/postmaster.pid"))));
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
