#include "question.h"
#include "questiongrader.h"
#include "testhelpers.h"

#include <QTest>

namespace {
LocalizedText plain(const QString &text)
{
    return {{QStringLiteral("zh_CN"), text}, {QStringLiteral("en"), text}};
}

Question choice(Question::Type type, const QList<bool> &correct, bool partial = false)
{
    Question q;
    q.type = type;
    q.partialCredit = partial;
    for (qsizetype i = 0; i < correct.size(); ++i)
        q.options.append({plain(QString::number(i)), correct.at(i)});
    return q;
}


CandidateAnswer typed(const QString &text)
{
    CandidateAnswer a;
    a.text = text;
    return a;
}

Question fillIn(const QStringList &accepted, bool caseSensitive = false,
                Question::Whitespace whitespace = Question::Whitespace::Collapse, const QString &regex = {})
{
    Question q;
    q.type = Question::Type::FillIn;
    q.accepted = accepted;
    q.caseSensitive = caseSensitive;
    q.whitespace = whitespace;
    q.regex = regex;
    return q;
}
} // namespace

Q_DECLARE_METATYPE(Question)
Q_DECLARE_METATYPE(CandidateAnswer)

// Every question type graded from the stored answer alone.
class tst_QuestionGrader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void grade_data();
    void grade();
    void answersSurviveStorage();
};

void tst_QuestionGrader::grade_data()
{
    QTest::addColumn<Question>("question");
    QTest::addColumn<CandidateAnswer>("answer");
    QTest::addColumn<double>("score");
    QTest::addColumn<bool>("correct");

    const Question single = choice(Question::Type::Single, {false, true, false});
    QTest::newRow("single: the right option") << single << chose({1}) << 1.0 << true;
    QTest::newRow("single: a wrong option") << single << chose({0}) << 0.0 << false;
    QTest::newRow("single: nothing chosen") << single << CandidateAnswer() << 0.0 << false;
    QTest::newRow("single: two chosen is never right") << single << chose({1, 0}) << 0.0 << false;
    QTest::newRow("single: an index out of range") << single << chose({7}) << 0.0 << false;

    const Question allOrNothing = choice(Question::Type::Multiple, {true, true, false, false});
    QTest::newRow("multiple: exactly the right set") << allOrNothing << chose({1, 0}) << 1.0 << true;
    QTest::newRow("multiple: one of two right options") << allOrNothing << chose({0}) << 0.0 << false;
    QTest::newRow("multiple: the right set and one more") << allOrNothing << chose({0, 1, 2}) << 0.0 << false;
    QTest::newRow("multiple: a choice twice counts once") << allOrNothing << chose({0, 1, 1}) << 1.0 << true;

    const Question partial = choice(Question::Type::Multiple, {true, true, false, false}, true);
    QTest::newRow("partial: all right") << partial << chose({0, 1}) << 1.0 << true;
    QTest::newRow("partial: half of the right ones") << partial << chose({0}) << 0.5 << false;
    QTest::newRow("partial: one right, one wrong cancel out") << partial << chose({0, 2}) << 0.0 << false;
    QTest::newRow("partial: never below zero") << partial << chose({2, 3}) << 0.0 << false;
    QTest::newRow("partial: everything chosen") << partial << chose({0, 1, 2, 3}) << 0.0 << false;
    const Question partialOfThree = choice(Question::Type::Multiple, {true, true, true, false}, true);
    QTest::newRow("partial: two of three") << partialOfThree << chose({0, 2}) << 2.0 / 3.0 << false;

    Question truth;
    truth.type = Question::Type::TrueFalse;
    truth.truth = false;
    CandidateAnswer saidFalse, saidTrue;
    saidFalse.truth = false;
    saidTrue.truth = true;
    QTest::newRow("true/false: right") << truth << saidFalse << 1.0 << true;
    QTest::newRow("true/false: wrong") << truth << saidTrue << 0.0 << false;
    QTest::newRow("true/false: unanswered is not false") << truth << CandidateAnswer() << 0.0 << false;

    const Question vacuum = fillIn({QStringLiteral("VACUUM FULL")});
    QTest::newRow("fill-in: as written") << vacuum << typed(QStringLiteral("VACUUM FULL")) << 1.0 << true;
    QTest::newRow("fill-in: case folded") << vacuum << typed(QStringLiteral("vacuum full")) << 1.0 << true;
    QTest::newRow("fill-in: spaces collapsed and trimmed") << vacuum << typed(QStringLiteral("  vacuum \t full ")) << 1.0 << true;
    QTest::newRow("fill-in: another word") << vacuum << typed(QStringLiteral("VACUUM")) << 0.0 << false;
    QTest::newRow("fill-in: empty") << vacuum << typed(QString()) << 0.0 << false;
    const Question exactCase = fillIn({QStringLiteral("pg_hba.conf")}, true, Question::Whitespace::Exact);
    QTest::newRow("fill-in: case-sensitive") << exactCase << typed(QStringLiteral("PG_HBA.CONF")) << 0.0 << false;
    QTest::newRow("fill-in: exact spaces") << exactCase << typed(QStringLiteral(" pg_hba.conf")) << 0.0 << false;
    const Question noSpaces = fillIn({QStringLiteral("now()")}, false, Question::Whitespace::Ignore);
    QTest::newRow("fill-in: spaces ignored") << noSpaces << typed(QStringLiteral("now ( )")) << 1.0 << true;
    const Question pattern = fillIn({}, false, Question::Whitespace::Collapse, QStringLiteral("vacuum( full)?"));
    QTest::newRow("fill-in: regex, whole answer") << pattern << typed(QStringLiteral("Vacuum  Full")) << 1.0 << true;
    QTest::newRow("fill-in: regex does not match a part") << pattern << typed(QStringLiteral("run vacuum")) << 0.0 << false;
    const Question cast = fillIn({QStringLiteral("'1'::int")});
    QTest::newRow("fill-in: a :: cast") << cast << typed(QStringLiteral("'1'::INT")) << 1.0 << true;

    Question blocks;
    blocks.type = Question::Type::Numerical;
    blocks.value = 8192;
    QTest::newRow("numerical: exact") << blocks << typed(QStringLiteral("8192")) << 1.0 << true;
    QTest::newRow("numerical: thousands separator") << blocks << typed(QStringLiteral("8,192")) << 1.0 << true;
    QTest::newRow("numerical: off by one without tolerance") << blocks << typed(QStringLiteral("8191")) << 0.0 << false;
    QTest::newRow("numerical: not a number") << blocks << typed(QStringLiteral("8 kB")) << 0.0 << false;
    Question ratio;
    ratio.type = Question::Type::Numerical;
    ratio.value = 0.2;
    ratio.tolerance = 0.05;
    QTest::newRow("numerical: within the tolerance") << ratio << typed(QStringLiteral("0.24")) << 1.0 << true;
    QTest::newRow("numerical: at the tolerance") << ratio << typed(QStringLiteral("0.15")) << 1.0 << true;
    QTest::newRow("numerical: beyond it") << ratio << typed(QStringLiteral("0.26")) << 0.0 << false;
    QTest::newRow("numerical: a decimal comma") << ratio << typed(QStringLiteral("0,2")) << 1.0 << true;

    Question order;
    order.type = Question::Type::Ordering;
    order.items = {plain(QStringLiteral("SELECT")), plain(QStringLiteral("FROM")), plain(QStringLiteral("WHERE"))};
    CandidateAnswer rightOrder, swapped, shortOrder;
    rightOrder.order = {0, 1, 2};
    swapped.order = {0, 2, 1};
    shortOrder.order = {0, 1};
    QTest::newRow("ordering: right") << order << rightOrder << 1.0 << true;
    QTest::newRow("ordering: two swapped") << order << swapped << 0.0 << false;
    QTest::newRow("ordering: an item left out") << order << shortOrder << 0.0 << false;

    Question match;
    match.type = Question::Type::Matching;
    match.pairs = {{plain(QStringLiteral("SELECT")), plain(QStringLiteral("ACCESS SHARE"))},
                   {plain(QStringLiteral("UPDATE")), plain(QStringLiteral("ROW EXCLUSIVE"))}};
    CandidateAnswer matched, crossed, half;
    matched.matches = {0, 1};
    crossed.matches = {1, 0};
    half.matches = {0, -1};
    QTest::newRow("matching: all right") << match << matched << 1.0 << true;
    QTest::newRow("matching: crossed") << match << crossed << 0.0 << false;
    QTest::newRow("matching: one left open") << match << half << 0.0 << false;
}

void tst_QuestionGrader::grade()
{
    QFETCH(Question, question);
    QFETCH(CandidateAnswer, answer);
    QFETCH(double, score);
    QFETCH(bool, correct);
    const QuestionScore got = QuestionGrader::grade(question, answer);
    QVERIFY2(qAbs(got.score - score) < 1e-9, qPrintable(QString::number(got.score)));
    QCOMPARE(got.correct, correct);
}

void tst_QuestionGrader::answersSurviveStorage()
{
    CandidateAnswer a;
    a.chosen = {2, 0};
    a.truth = false;
    a.text = QStringLiteral("SELECT '{1,2}'::int[]; -- “引号”");
    a.order = {1, 0, 2};
    a.matches = {0, -1};
    const CandidateAnswer back = CandidateAnswer::fromJson(a.toJson());
    QCOMPARE(back.chosen, a.chosen);
    QCOMPARE(back.truth, a.truth);
    QCOMPARE(back.text, a.text);
    QCOMPARE(back.order, a.order);
    QCOMPARE(back.matches, a.matches);
    QVERIFY(CandidateAnswer::fromJson(CandidateAnswer().toJson()).isEmpty());
    QVERIFY(!back.isEmpty());
}

QTEST_GUILESS_MAIN(tst_QuestionGrader)
#include "tst_questiongrader.moc"
