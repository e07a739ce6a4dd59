#include "progressstore.h"
#include "throwawayserver.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The real application on a real X server (Xvfb): text typed into it survives
// kill -9, and the relaunched application has it back in its editor.
class tst_CrashRecovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void typedTextSurvivesKill();

private:
    bool xdotool(const QStringList &arguments, QByteArray *out = nullptr);

    QProcess m_xvfb;
    QString m_display;
};

void tst_CrashRecovery::initTestCase()
{
    // -displayfd 1: Xvfb picks a free display and prints its number.
    m_xvfb.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_xvfb.start(QStringLiteral("Xvfb"), {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                                          QStringLiteral("0"), QStringLiteral("1280x900x24"),
                                          QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    QVERIFY2(m_xvfb.waitForStarted(10000), qPrintable(m_xvfb.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_xvfb.canReadLine(), 20000);
    m_display = u':' + QString::fromLatin1(m_xvfb.readLine()).trimmed();
    // The server answers clients before the application is started on it.
    QTRY_VERIFY_WITH_TIMEOUT(xdotool({QStringLiteral("getdisplaygeometry")}), 20000);
}

void tst_CrashRecovery::cleanupTestCase()
{
    m_xvfb.terminate();
    m_xvfb.waitForFinished(5000);
}

bool tst_CrashRecovery::xdotool(const QStringList &arguments, QByteArray *out)
{
    const ProgramOutput result =
        runProgram(QStringLiteral("xdotool"), arguments, {QStringLiteral("DISPLAY=") + m_display}, 20000);
    if (out)
        *out = result.out;
    return result.exitCode == 0;
}

void tst_CrashRecovery::typedTextSurvivesKill()
{
    QTemporaryDir data;
    const QString marker = QStringLiteral("typed_before_kill");
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), m_display);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(PGCAMPUS_EXECUTABLE), {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--lang"),
                                                     QStringLiteral("en")});
    QVERIFY(app.waitForStarted(10000));

    // The window is up once it has a title; the editor has focus once the server answered.
    QByteArray window;
    QTRY_VERIFY_WITH_TIMEOUT(app.state() != QProcess::Running ||
                                 xdotool({QStringLiteral("search"), QStringLiteral("--name"),
                                          QStringLiteral("^PG Campus$")},
                                         &window),
                             60000);
    QVERIFY2(app.state() == QProcess::Running, "the application ended before its window appeared");
    const QString id = QString::fromLatin1(window.split('\n').first());
    QVERIFY(xdotool({QStringLiteral("mousemove"), QStringLiteral("--window"), id, QStringLiteral("400"),
                     QStringLiteral("200")}));
    QTest::qWait(3000); // the practice server starts and the editor takes the focus
    QVERIFY(xdotool({QStringLiteral("click"), QStringLiteral("1")}));
    QVERIFY(xdotool({QStringLiteral("key"), QStringLiteral("ctrl+a"), QStringLiteral("BackSpace")}));
    QVERIFY(xdotool({QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("10"),
                     QStringLiteral("CREATE TABLE %1 (n int);").arg(marker)}));

    // The autosave reaches the progress store within a few seconds.
    ProgressStore store;
    QVERIFY2(store.open(data.filePath(QStringLiteral("progress.sqlite"))), qPrintable(store.errorString()));
    const qint64 learner = store.learners().first().id;
    auto saved = [&] {
        for (const EditorBuffer &b : store.buffers(learner)) {
            if (b.text.contains(marker))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(saved(), 20000);
    store.close();

    app.kill(); // SIGKILL: no chance to clean up
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitStatus(), QProcess::CrashExit);

    // Relaunched, the application shows the tab again; its screenshot run executes it.
    const ProgramOutput again = runProgram(QStringLiteral(PGCAMPUS_EXECUTABLE),
                                           {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--screenshot"),
                                            data.filePath(QStringLiteral("after.png"))},
                                           {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const ProgramOutput check = runProgram(
        QStringLiteral(PGCAMPUS_EXECUTABLE),
        {QStringLiteral("sql"), QStringLiteral("--data-dir"), data.path(), QStringLiteral("--format"),
         QStringLiteral("csv"), QStringLiteral("-c"),
         QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = '%1'").arg(marker)});
    QCOMPARE(QString::fromUtf8(check.out), QStringLiteral("count\n1\n"));
}

QTEST_GUILESS_MAIN(tst_CrashRecovery)
#include "tst_crashrecovery.moc"
