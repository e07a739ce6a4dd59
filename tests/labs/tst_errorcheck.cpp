#include "gradingfixture.h"

#include <QTest>

namespace {
const QString Setup = QStringLiteral(
    "CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric NOT NULL);\n"
    "INSERT INTO accounts VALUES (1, 'ada', 100), (2, 'lin', 50);");
} // namespace

// kind: error: a statement must be refused with one SQLSTATE, and leaves nothing behind.
class tst_ErrorCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void grade_data();
    void grade();
    void statementIsRolledBack();

private:
    GradingFixture m_fixture;
};

void tst_ErrorCheck::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start({.setup = Setup, .roles = {QStringLiteral("auditor")}}, &error), qPrintable(error));
}

void tst_ErrorCheck::grade_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<bool>("passes");
    QTest::addColumn<QString>("feedback");

    const QString negative = QStringLiteral("kind: error\nsql: INSERT INTO accounts VALUES (3, 'mei', -1)\nsqlstate: '23514'\n");
    QTest::newRow("the constraint refuses") << negative << "ALTER TABLE accounts ADD CHECK (balance >= 0);" << true << "";
    QTest::newRow("no constraint: the insert works") << negative << "" << false << "it worked";
    QTest::newRow("refused for another reason")
        << negative << "REVOKE INSERT ON accounts FROM CURRENT_USER;" << false << "another reason";
    const QString auditorWrites =
        QStringLiteral("kind: error\nas: auditor\nsql: UPDATE accounts SET balance = 0\nsqlstate: '42501'\n");
    QTest::newRow("read-only grant: writing is refused")
        << auditorWrites << "GRANT SELECT ON accounts TO auditor;" << true << "";
    QTest::newRow("everything granted: writing works") << auditorWrites << "GRANT ALL ON accounts TO auditor;" << false
                                                       << "it worked";
    QTest::newRow("the learner's answer never runs as another role")
        << QStringLiteral("kind: error\nas: auditor\nsqlstate: '42501'\n") << "UPDATE accounts SET balance = 0;" << false
        << "never runs as another role";
    QTest::newRow("the learner's answer itself must fail")
        << QStringLiteral("kind: error\nsqlstate: '23505'\n") << "INSERT INTO accounts VALUES (1, 'again', 0);" << true << "";
}

void tst_ErrorCheck::grade()
{
    QFETCH(QString, check);
    QFETCH(QString, answer);
    QFETCH(bool, passes);
    QFETCH(QString, feedback);
    const bool answerIsTheStatement = !check.contains(QStringLiteral("sql:"));
    const CheckVerdict verdict = m_fixture.grade(check, answer, !answerIsTheStatement);
    QString why;
    QVERIFY2(GradingFixture::verdictIs(verdict, passes, feedback, &why), qPrintable(why));
}

void tst_ErrorCheck::statementIsRolledBack()
{
    const CheckVerdict verdict = m_fixture.grade(
        QStringLiteral("kind: error\nsql: \"INSERT INTO accounts VALUES (3, 'mei', 5); SELECT 1/0\"\nsqlstate: '22012'\n"), {});
    QVERIFY(verdict.passed);
    QCOMPARE(queryScalar(m_fixture.environment().learnerConninfo(), QStringLiteral("SELECT count(*) FROM accounts")),
             QStringLiteral("2"));
}

QTEST_GUILESS_MAIN(tst_ErrorCheck)
#include "tst_errorcheck.moc"
