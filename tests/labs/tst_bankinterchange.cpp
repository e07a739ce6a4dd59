#include "bankinterchange.h"
#include "coursepackloader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Banks = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/banks");
const QString GoodPack = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware/good");
const QString RoundTripPack = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/banks/roundtrip");

struct Imported
{
    std::optional<QuestionBank> bank;
    QList<PackProblem> problems;
};

// The fixture's format follows its name: .gift, .xml (Moodle XML), anything else Aiken.
Imported importFixture(const QString &name, const QString &language = QStringLiteral("en"))
{
    Imported result;
    const QString path = Banks + u'/' + name;
    if (name.endsWith(u".gift"))
        result.bank = BankInterchange::importGift(path, language, &result.problems);
    else if (name.endsWith(u".xml"))
        result.bank = BankInterchange::importMoodleXml(path, language, &result.problems);
    else
        result.bank = BankInterchange::importAiken(path, language, &result.problems);
    return result;
}

const Question *findQuestion(const QuestionBank &bank, const QString &id)
{
    for (const Question &q : bank.questions) {
        if (q.id == id)
            return &q;
    }
    return nullptr;
}

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// One field of a question as text, so that a test row can say what it expects.
QString field(const Question &q, const QString &name)
{
    const QString en = QStringLiteral("en");
    QStringList parts;
    if (name == u"type")
        return Question::typeName(q.type);
    if (name == u"domain")
        return q.domain;
    if (name == u"topics")
        return q.topics.join(u',');
    if (name == u"difficulty")
        return QString::number(q.difficulty);
    if (name == u"reference")
        return q.reference;
    if (name == u"line")
        return QString::number(q.line);
    if (name == u"stem")
        return q.stem.value(en);
    if (name == u"explanation")
        return q.explanation.value(en);
    if (name == u"explanation.zh_CN")
        return q.explanation.value(QStringLiteral("zh_CN"));
    if (name == u"options") {
        for (const QuestionOption &o : q.options)
            parts << QChar(o.correct ? u'+' : u'-') + o.text.value(en);
    } else if (name == u"scoring") {
        return q.partialCredit ? QStringLiteral("partial") : QStringLiteral("all-or-nothing");
    } else if (name == u"truth") {
        return q.truth ? QStringLiteral("true") : QStringLiteral("false");
    } else if (name == u"accepted") {
        parts = q.accepted;
    } else if (name == u"regex") {
        return q.regex;
    } else if (name == u"case") {
        return q.caseSensitive ? QStringLiteral("sensitive") : QStringLiteral("insensitive");
    } else if (name == u"number") {
        return QStringLiteral("%1 ± %2").arg(number(q.value), number(q.tolerance));
    } else if (name == u"pairs") {
        for (const QuestionPair &p : q.pairs)
            parts << p.left.value(en) + QStringLiteral(" -> ") + p.right.value(en);
    } else if (name == u"items") {
        for (const LocalizedText &item : q.items)
            parts << item.value(en);
    } else {
        return QStringLiteral("<unknown field %1>").arg(name);
    }
    return parts.join(u'\n');
}

// Everything a question says, one line a field, in the languages given. Moodle keeps all of
// it but a fill-in's regex and whitespace rule, and an sql question's task.
QString render(const Question &q, const QStringList &languages, bool onlyWhatMoodleKeeps)
{
    QStringList lines = {QStringLiteral("id: ") + q.id,
                         QStringLiteral("type: ") + Question::typeName(q.type),
                         QStringLiteral("domain: ") + q.domain,
                         QStringLiteral("topics: ") + q.topics.join(QStringLiteral(" | ")),
                         QStringLiteral("difficulty: %1").arg(q.difficulty),
                         QStringLiteral("reference: ") + q.reference};
    for (const QString &l : languages)
        lines << QStringLiteral("stem.%1: %2").arg(l, q.stem.value(l))
              << QStringLiteral("explanation.%1: %2").arg(l, q.explanation.value(l));
    switch (q.type) {
    case Question::Type::Single:
    case Question::Type::Multiple:
        for (const QuestionOption &o : q.options) {
            for (const QString &l : languages)
                lines << QStringLiteral("option.%1: %2%3")
                             .arg(l, o.correct ? QStringLiteral("[x] ") : QStringLiteral("[ ] "),
                                  o.text.value(l));
        }
        if (q.type == Question::Type::Multiple)
            lines << QStringLiteral("partial: %1").arg(q.partialCredit);
        break;
    case Question::Type::TrueFalse:
        lines << QStringLiteral("truth: %1").arg(q.truth);
        break;
    case Question::Type::FillIn:
        lines << QStringLiteral("accepted: ") + q.accepted.join(QStringLiteral(" | "))
              << QStringLiteral("case sensitive: %1").arg(q.caseSensitive);
        if (!onlyWhatMoodleKeeps)
            lines << QStringLiteral("regex: ") + q.regex
                  << QStringLiteral("whitespace: %1").arg(int(q.whitespace));
        break;
    case Question::Type::Numerical:
        lines << QStringLiteral("value: ") + number(q.value)
              << QStringLiteral("tolerance: ") + number(q.tolerance);
        break;
    case Question::Type::Ordering:
        for (const LocalizedText &item : q.items) {
            for (const QString &l : languages)
                lines << QStringLiteral("item.%1: %2").arg(l, item.value(l));
        }
        break;
    case Question::Type::Matching:
        for (const QuestionPair &p : q.pairs) {
            for (const QString &l : languages)
                lines << QStringLiteral("pair.%1: %2 -> %3").arg(l, p.left.value(l), p.right.value(l));
        }
        break;
    case Question::Type::Sql: {
        const LabStep step = q.task.steps.value(0);
        lines << QStringLiteral("setup: ") + q.task.setup << QStringLiteral("solution: ") + step.solution;
        for (const LabCheck &c : step.checks) {
            for (auto it = c.fields.cbegin(); it != c.fields.cend(); ++it)
                lines << QStringLiteral("check.%1: %2").arg(it.key(), it.value().toString());
        }
        for (const LabDecoy &d : step.decoys)
            lines << QStringLiteral("decoy: %1 (%2)").arg(d.sql, d.note);
        break;
    }
    }
    return lines.join(u'\n');
}

QString renderDomains(const QuestionBank &bank, const QStringList &languages)
{
    QStringList lines;
    for (const QuestionDomain &d : bank.domains) {
        for (const QString &l : languages)
            lines << QStringLiteral("%1 %2: %3").arg(d.id, l, d.title.value(l));
    }
    return lines.join(u'\n');
}

// Every file under the directory, by relative path, with its bytes.
QMap<QString, QByteArray> snapshot(const QString &directory)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(directory, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        files.insert(QDir(directory).relativeFilePath(path),
                     file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<dir>"));
    }
    return files;
}

bool copyDirectory(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(path);
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(path, target))
            return false;
    }
    return true;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

QString problemsText(const QList<PackProblem> &problems)
{
    QStringList lines;
    for (const PackProblem &p : problems)
        lines << p.toText();
    return lines.join(u'\n');
}
} // namespace

class tst_BankInterchange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importedFields_data();
    void importedFields();
    void importedIds_data();
    void importedIds();
    void problemsNameFileAndLine_data();
    void problemsNameFileAndLine();
    void domainsFromCategories_data();
    void domainsFromCategories();
    void textGoesIntoBothLanguages_data();
    void textGoesIntoBothLanguages();
    void nothingImportable_data();
    void nothingImportable();
    void writtenBankIsLoadedBack_data();
    void writtenBankIsLoadedBack();
    void packYamlChangesMinimally_data();
    void packYamlChangesMinimally();
    void failedWriteLeavesPackUntouched_data();
    void failedWriteLeavesPackUntouched();
    void roundTrip_data();
    void roundTrip();
    void exportedXml_data();
    void exportedXml();

private:
    QHash<QString, Imported> m_imported;
    const Imported &imported(const QString &file)
    {
        if (!m_imported.contains(file))
            m_imported.insert(file, importFixture(file));
        return *m_imported.find(file);
    }
};

void tst_BankInterchange::importedFields_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *file, const char *id, const char *field,
                        const QString &expected) {
        QTest::newRow(name) << QString::fromUtf8(file) << QString::fromUtf8(id) << QString::fromUtf8(field)
                            << expected;
    };
    const QString castsReference =
        QStringLiteral("https://www.postgresql.org/docs/17/sql-expressions.html#SQL-SYNTAX-TYPE-CASTS");

    row("gift: a ::title:: names the question", "nasty.gift", "cast-shorthand", "type",
        QStringLiteral("single"));
    row("gift: a cast in the stem survives a title", "nasty.gift", "cast-shorthand", "stem",
        QStringLiteral("What does SELECT '1'::int + 1 return?"));
    row("gift: = is right, ~ is wrong", "nasty.gift", "cast-shorthand", "options",
        QStringLiteral("+2\n-11\n-An error"));
    row("gift: general and per-answer feedback explain", "nasty.gift", "cast-shorthand", "explanation",
        QStringLiteral("The :: operator is PostgreSQL's cast shorthand.\n\n- 2: '1'::int is the integer "
                       "1.\n- 11: That would be text concatenation.\n"));
    row("gift: [tag:] comments are topics", "nasty.gift", "cast-shorthand", "topics",
        QStringLiteral("casts"));
    row("gift: a documentation tag is the reference", "nasty.gift", "cast-shorthand", "reference",
        castsReference);
    row("gift: a difficulty tag", "nasty.gift", "cast-shorthand", "difficulty", QStringLiteral("1"));
    row("gift: $CATEGORY is the domain", "nasty.gift", "cast-shorthand", "domain",
        QStringLiteral("sql-queries"));
    row("gift: the line is the question's first", "nasty.gift", "cast-shorthand", "line",
        QStringLiteral("8"));
    row("gift: casts without a title are no title", "nasty.gift", "nasty-2", "stem",
        QStringLiteral("Is SELECT '42'::text::int valid?"));
    row("gift: {T}", "nasty.gift", "nasty-2", "truth", QStringLiteral("true"));
    row("gift: without feedback the answer explains", "nasty.gift", "nasty-2", "explanation",
        QStringLiteral("Answer: true"));
    row("gift: ... in both languages", "nasty.gift", "nasty-2", "explanation.zh_CN",
        QStringLiteral("答案：正确"));
    row("gift: the default reference", "nasty.gift", "nasty-2", "reference",
        BankInterchange::DefaultReference);
    row("gift: the default difficulty", "nasty.gift", "nasty-2", "difficulty", QStringLiteral("2"));
    row("gift: every escape in the stem", "nasty.gift", "nasty-3", "stem",
        QStringLiteral("Escapes: a = b, c ~ d, # e, { f }, g \\ h"));
    row("gift: escapes in answers", "nasty.gift", "nasty-3", "options", QStringLiteral("+x = 1\n-y"));
    row("gift: escapes in feedback", "nasty.gift", "nasty-3", "explanation",
        QStringLiteral("- x = 1: it is {1}"));
    row("gift: escaped braces and a cast", "nasty.gift", "nasty-4", "stem",
        QStringLiteral("What does SELECT '{1,2}'::int[] return?"));
    row("gift: escaped braces in answers", "nasty.gift", "nasty-4", "options",
        QStringLiteral("+{1,2}\n-(1,2)"));
    row("gift: a multi-line [markdown] stem keeps its code", "nasty.gift", "rows", "stem",
        QStringLiteral("Which rows does this return?\n```sql\nSELECT x\n  FROM t WHERE x = 1;\n```\n"));
    row("gift: the line of a multi-line question", "nasty.gift", "rows", "line", QStringLiteral("24"));
    row("gift: weights make a multiple choice", "nasty.gift", "isolation-levels", "type",
        QStringLiteral("multiple"));
    row("gift: positive weights are right", "nasty.gift", "isolation-levels", "options",
        QStringLiteral("+REPEATABLE READ\n+SERIALIZABLE\n-READ COMMITTED\n-READ UNCOMMITTED"));
    row("gift: partial negative weights are partial scoring", "nasty.gift", "isolation-levels", "scoring",
        QStringLiteral("partial"));
    row("gift: -100% on every wrong answer is all-or-nothing", "nasty.gift", "plain-vacuum", "scoring",
        QStringLiteral("all-or-nothing"));
    row("gift: {TRUE#wrong#right}", "nasty.gift", "mvcc-reads", "truth", QStringLiteral("true"));
    row("gift: true/false feedback", "nasty.gift", "mvcc-reads", "explanation",
        QStringLiteral("- false: Readers take no row locks.\n- true: Right, that is MVCC.\n"));
    row("gift: {F}", "nasty.gift", "truncate", "truth", QStringLiteral("false"));
    row("gift: {F} explained", "nasty.gift", "truncate", "explanation", QStringLiteral("Answer: false"));
    row("gift: short answers are fill-ins", "nasty.gift", "vacuum-word", "type", QStringLiteral("fillin"));
    row("gift: answers worth full marks are accepted", "nasty.gift", "vacuum-word", "accepted",
        QStringLiteral("VACUUM\nvacuum full"));
    row("gift: short answers ignore case", "nasty.gift", "vacuum-word", "case",
        QStringLiteral("insensitive"));
    row("gift: short-answer feedback", "nasty.gift", "vacuum-word", "explanation",
        QStringLiteral("- vacuum full: Also right, but it locks the table."));
    row("gift: \\* is a star", "nasty.gift", "count-stars", "accepted",
        QStringLiteral("SELECT count(*) FROM t;"));
    row("gift: * is Moodle's wildcard", "nasty.gift", "count-stars", "regex",
        QStringLiteral("SELECT count\\(.*\\) FROM t WHERE .*;"));
    row("gift: {#8192:0}", "nasty.gift", "block-size", "number", QStringLiteral("8192 ± 0"));
    row("gift: [id:] names a question without a title, {#5..10} is a range", "nasty.gift", "pg-port",
        "number", QStringLiteral("7.5 ± 2.5"));
    row("gift: a reference to another version points at 17", "nasty.gift", "pg-port", "reference",
        QStringLiteral("https://www.postgresql.org/docs/17/runtime-config-connection.html#GUC-PORT"));
    row("gift: a negative range", "nasty.gift", "below-zero", "number", QStringLiteral("-7.5 ± 2.5"));
    row("gift: the full-marks answer of several", "nasty.gift", "fraction", "number",
        QStringLiteral("0.5 ± 0.01"));
    row("gift: matching, without the distractor", "nasty.gift", "locks", "pairs",
        QStringLiteral("SELECT -> ACCESS SHARE\nUPDATE -> ROW EXCLUSIVE\nVACUUM FULL -> ACCESS EXCLUSIVE"));
    row("gift: the missing-word format", "nasty.gift", "nasty-17", "stem",
        QStringLiteral("The _____ command reclaims space."));
    row("gift: [html] becomes Markdown", "nasty.gift", "nasty-18", "stem",
        QStringLiteral("Which is **faster** for `x < 5` on a big table?"));
    row("gift: [html] answers", "nasty.gift", "nasty-18", "options",
        QStringLiteral("+An index scan\n-A sequential scan"));
    row("gift: [plain] is kept as it is", "nasty.gift", "nasty-19", "stem", QStringLiteral("Is 1 < 2 ?"));
    row("gift: \\n is a line break", "nasty.gift", "nasty-20", "stem",
        QStringLiteral("Line one\nline two\n"));
    row("gift: a second $CATEGORY", "nasty.gift", "cast-shorthand-2", "domain",
        QStringLiteral("server-administration"));
    row("gift: a repeated title gets a unique id", "nasty.gift", "cast-shorthand-2", "stem",
        QStringLiteral("Is '1'::int the same as CAST('1' AS int)?"));

    row("aiken: A. and C) options", "aiken.txt", "aiken-1", "options",
        QStringLiteral("+SELECT version();\n-SHOW server_encoding;\n-\\conninfo"));
    row("aiken: one answer is a single choice", "aiken.txt", "aiken-1", "type", QStringLiteral("single"));
    row("aiken: the answer explains", "aiken.txt", "aiken-1", "explanation",
        QStringLiteral("Answer: SELECT version();"));
    row("aiken: no category, the default domain", "aiken.txt", "aiken-1", "domain",
        BankInterchange::DefaultDomain);
    row("aiken: a stem of two lines", "aiken.txt", "aiken-2", "stem",
        QStringLiteral("What is the default port\nof a PostgreSQL server?\n"));
    row("aiken: answer: a in lower case", "aiken.txt", "aiken-4", "options",
        QStringLiteral("+pg_class\n-pg_index"));
    row("aiken: a cast in the stem", "aiken.txt", "aiken-6", "stem",
        QStringLiteral("Does SELECT '1'::int + 1 return 2?"));

    row("xml: <name> is the id, HTML and CDATA become Markdown", "moodle.xml", "less-than-in-a-name", "stem",
        QStringLiteral("What does `SELECT 1 < 2` return?\n\n```sql\nSELECT 1 < 2;\n  -- indented & "
                       "kept\n```\n\n- one **bold** item\n- two\n"));
    row("xml: general and answer feedback explain", "moodle.xml", "less-than-in-a-name", "explanation",
        QStringLiteral("Comparisons return *boolean*.\n\n- true: Right: `1 < 2`.\n"));
    row("xml: fraction 100 is the single answer", "moodle.xml", "less-than-in-a-name", "options",
        QStringLiteral("+true\n-1\n-an error"));
    row("xml: <tags> are topics", "moodle.xml", "less-than-in-a-name", "topics", QStringLiteral("operators"));
    row("xml: a documentation tag is the reference", "moodle.xml", "less-than-in-a-name", "reference",
        QStringLiteral("https://www.postgresql.org/docs/17/functions-comparison.html"));
    row("xml: a difficulty tag", "moodle.xml", "less-than-in-a-name", "difficulty", QStringLiteral("3"));
    row("xml: the category path is the domain", "moodle.xml", "less-than-in-a-name", "domain",
        QStringLiteral("default-for-pg-101-queries"));
    row("xml: the line of <question>", "moodle.xml", "less-than-in-a-name", "line", QStringLiteral("15"));
    row("xml: <single>false</single>", "moodle.xml", "snapshot-levels", "type", QStringLiteral("multiple"));
    row("xml: -100 for the wrong answer is all-or-nothing", "moodle.xml", "snapshot-levels", "scoring",
        QStringLiteral("all-or-nothing"));
    row("xml: a markdown stem is kept", "moodle.xml", "snapshot-levels", "stem",
        QStringLiteral("Which levels take **one snapshot** per transaction?"));
    row("xml: thirds are partial scoring", "moodle.xml", "index-types", "scoring", QStringLiteral("partial"));
    row("xml: thirds are right", "moodle.xml", "index-types", "options",
        QStringLiteral("+B-tree\n+GIN\n+BRIN\n-BITMAP"));
    row("xml: truefalse", "moodle.xml", "checkpoints", "truth", QStringLiteral("true"));
    row("xml: truefalse feedback", "moodle.xml", "checkpoints", "explanation",
        QStringLiteral("- true: Yes, all of them.\n- false: It does.\n"));
    row("xml: a category's idnumber is the domain", "moodle.xml", "checkpoints", "domain",
        QStringLiteral("admin"));
    row("xml: shortanswer, full marks only", "moodle.xml", "setting", "accepted",
        QStringLiteral("wal_level"));
    row("xml: usecase", "moodle.xml", "setting", "case", QStringLiteral("sensitive"));
    row("xml: numerical tolerance", "moodle.xml", "shared-buffers", "number", QStringLiteral("128 ± 0.5"));
    row("xml: feedback for any other number", "moodle.xml", "shared-buffers", "explanation",
        QStringLiteral("- It is 128MB."));
    row("xml: matching, without the distractor", "moodle.xml", "processes", "pairs",
        QStringLiteral("checkpointer -> writes checkpoints\nwalwriter -> flushes WAL"));
    row("xml: ordering by fraction", "moodle.xml", "clause-order", "items",
        QStringLiteral("SELECT\nFROM\nWHERE"));
    row("xml: a name without Latin letters, an id from the file", "moodle.xml", "moodle-12", "stem",
        QStringLiteral("视图不存储数据。"));
    row("xml: questions before a well-formedness error", "broken.xml", "readers-block-writers", "truth",
        QStringLiteral("false"));
    row("xml: and the next one", "broken.xml", "block-size", "number", QStringLiteral("8192 ± 0"));
}

void tst_BankInterchange::importedFields()
{
    QFETCH(QString, file);
    QFETCH(QString, id);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const Imported &result = imported(file);
    QVERIFY2(result.bank, qPrintable(problemsText(result.problems)));
    const Question *q = findQuestion(*result.bank, id);
    QVERIFY2(q, qPrintable(QStringLiteral("no question %1").arg(id)));
    QCOMPARE(::field(*q, field), expected);
}

void tst_BankInterchange::importedIds_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("bankId");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("gift") << QStringLiteral("nasty.gift") << QStringLiteral("nasty")
                          << QStringList{QStringLiteral("cast-shorthand"),
                                         QStringLiteral("nasty-2"),
                                         QStringLiteral("nasty-3"),
                                         QStringLiteral("nasty-4"),
                                         QStringLiteral("rows"),
                                         QStringLiteral("isolation-levels"),
                                         QStringLiteral("plain-vacuum"),
                                         QStringLiteral("mvcc-reads"),
                                         QStringLiteral("truncate"),
                                         QStringLiteral("vacuum-word"),
                                         QStringLiteral("count-stars"),
                                         QStringLiteral("block-size"),
                                         QStringLiteral("pg-port"),
                                         QStringLiteral("below-zero"),
                                         QStringLiteral("fraction"),
                                         QStringLiteral("locks"),
                                         QStringLiteral("nasty-17"),
                                         QStringLiteral("nasty-18"),
                                         QStringLiteral("nasty-19"),
                                         QStringLiteral("nasty-20"),
                                         QStringLiteral("cast-shorthand-2")};
    QTest::newRow("aiken") << QStringLiteral("aiken.txt") << QStringLiteral("aiken")
                           << QStringList{QStringLiteral("aiken-1"), QStringLiteral("aiken-2"),
                                          QStringLiteral("aiken-4"), QStringLiteral("aiken-6")};
    QTest::newRow("moodle xml") << QStringLiteral("moodle.xml") << QStringLiteral("moodle")
                                << QStringList{QStringLiteral("less-than-in-a-name"),
                                               QStringLiteral("snapshot-levels"),
                                               QStringLiteral("index-types"),
                                               QStringLiteral("checkpoints"),
                                               QStringLiteral("setting"),
                                               QStringLiteral("shared-buffers"),
                                               QStringLiteral("processes"),
                                               QStringLiteral("clause-order"),
                                               QStringLiteral("moodle-12")};
    QTest::newRow("moodle xml cut short")
        << QStringLiteral("broken.xml") << QStringLiteral("broken")
        << QStringList{QStringLiteral("readers-block-writers"), QStringLiteral("block-size")};
}

void tst_BankInterchange::importedIds()
{
    QFETCH(QString, file);
    QFETCH(QString, bankId);
    QFETCH(QStringList, ids);
    const Imported &result = imported(file);
    QVERIFY2(result.bank, qPrintable(problemsText(result.problems)));
    QCOMPARE(result.bank->id, bankId);
    QCOMPARE(result.bank->file, QStringLiteral("banks/%1.yaml").arg(bankId));
    QStringList got;
    for (const Question &q : result.bank->questions)
        got << q.id;
    QCOMPARE(got, ids);
}

void tst_BankInterchange::problemsNameFileAndLine_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected"); // "LINE: words the message holds"
    QTest::newRow("gift") << QStringLiteral("nasty.gift")
                          << QStringList{
                                 QStringLiteral("84: essay"),
                                 QStringLiteral("86: not closed"),
                                 QStringLiteral("88: brace"),
                                 QStringLiteral("90: description"),
                                 QStringLiteral("92: exactly one answer worth full marks; this one has 2"),
                                 QStringLiteral("94: \"abc\" is not a number")};
    QTest::newRow("aiken") << QStringLiteral("aiken.txt")
                           << QStringList{QStringLiteral("13: no \"ANSWER:\" line"),
                                          QStringLiteral("22: \"ANSWER: C\" names no option")};
    QTest::newRow("moodle xml")
        << QStringLiteral("moodle.xml")
        << QStringList{QStringLiteral("147: essay"), QStringLiteral("152: description"),
                       QStringLiteral("157: \"multianswer\" is not supported"),
                       QStringLiteral("169: exactly one answer worth full marks; this one has 2")};
    QTest::newRow("moodle xml cut short")
        << QStringLiteral("broken.xml") << QStringList{QStringLiteral("16: not well-formed XML")};
}

void tst_BankInterchange::problemsNameFileAndLine()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const Imported &result = imported(file);
    QVERIFY(result.bank); // the other questions still come in
    QStringList got;
    for (const PackProblem &p : result.problems) {
        QCOMPARE(p.file, Banks + u'/' + file);
        got << QStringLiteral("%1: %2").arg(p.line).arg(p.message);
    }
    QCOMPARE(got.size(), expected.size());
    for (qsizetype i = 0; i < got.size(); ++i) {
        const qsizetype colon = expected.at(i).indexOf(u':');
        QVERIFY2(got.at(i).startsWith(expected.at(i).left(colon + 1)) &&
                     got.at(i).contains(expected.at(i).mid(colon + 2)),
                 qPrintable(got.at(i) + QStringLiteral(" does not match ") + expected.at(i)));
    }
}

void tst_BankInterchange::domainsFromCategories_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("gift $CATEGORY") << QStringLiteral("nasty.gift")
                                    << QStringLiteral(
                                           "sql-queries zh_CN: SQL queries\nsql-queries en: SQL queries\n"
                                           "server-administration zh_CN: Server "
                                           "administration\nserver-administration en: Server administration");
    QTest::newRow("aiken, without categories")
        << QStringLiteral("aiken.txt")
        << QStringLiteral("imported zh_CN: 导入的题目\nimported en: Imported questions");
    QTest::newRow("xml categories") << QStringLiteral("moodle.xml")
                                    << QStringLiteral(
                                           "default-for-pg-101-queries zh_CN: Default for PG 101 / Queries\n"
                                           "default-for-pg-101-queries en: Default for PG 101 / Queries\n"
                                           "admin zh_CN: Default for PG 101 / Administration\n"
                                           "admin en: Default for PG 101 / Administration");
}

void tst_BankInterchange::domainsFromCategories()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const Imported &result = imported(file);
    QVERIFY(result.bank);
    QCOMPARE(renderDomains(*result.bank, CoursePackLoader::Languages), expected);
}

void tst_BankInterchange::textGoesIntoBothLanguages_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("language");
    QTest::newRow("gift, written in English") << QStringLiteral("nasty.gift") << QStringLiteral("en");
    QTest::newRow("gift, written in Chinese") << QStringLiteral("nasty.gift") << QStringLiteral("zh_CN");
    QTest::newRow("aiken") << QStringLiteral("aiken.txt") << QStringLiteral("en");
    QTest::newRow("moodle xml") << QStringLiteral("moodle.xml") << QStringLiteral("zh_CN");
}

void tst_BankInterchange::textGoesIntoBothLanguages()
{
    QFETCH(QString, file);
    QFETCH(QString, language);
    const Imported result = importFixture(file, language);
    QVERIFY(result.bank);
    const QString zh = QStringLiteral("zh_CN"), en = QStringLiteral("en");
    QCOMPARE(result.bank->title.value(zh), result.bank->title.value(en));
    for (const Question &q : result.bank->questions) {
        QVERIFY2(!q.stem.value(en).isEmpty(), qPrintable(q.id));
        QCOMPARE(q.stem.value(zh), q.stem.value(en));
        QVERIFY(!q.explanation.value(zh).isEmpty() && !q.explanation.value(en).isEmpty());
        for (const QuestionOption &o : q.options)
            QCOMPARE(o.text.value(zh), o.text.value(en));
        for (const QuestionPair &p : q.pairs)
            QVERIFY(p.left.value(zh) == p.left.value(en) && p.right.value(zh) == p.right.value(en));
        for (const LocalizedText &item : q.items)
            QCOMPARE(item.value(zh), item.value(en));
    }
}

void tst_BankInterchange::nothingImportable_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("lastProblem");
    QTest::newRow("only broken questions") << QStringLiteral("only-broken.gift") << QStringLiteral("en")
                                           << QStringLiteral("no question could be imported");
    QTest::newRow("an empty file") << QStringLiteral("empty.txt") << QStringLiteral("en")
                                   << QStringLiteral("no question could be imported");
    QTest::newRow("not a quiz") << QStringLiteral("not-moodle.xml") << QStringLiteral("en")
                                << QStringLiteral("no question could be imported");
    QTest::newRow("a file that is not there")
        << QStringLiteral("missing.gift") << QStringLiteral("en") << QStringLiteral("cannot be read");
    QTest::newRow("a language we do not ship")
        << QStringLiteral("nasty.gift") << QStringLiteral("fr") << QStringLiteral("zh_CN or en");
}

void tst_BankInterchange::nothingImportable()
{
    QFETCH(QString, file);
    QFETCH(QString, language);
    QFETCH(QString, lastProblem);
    const Imported result = importFixture(file, language);
    QVERIFY(!result.bank);
    QVERIFY(!result.problems.isEmpty());
    QVERIFY2(result.problems.last().message.contains(lastProblem), qPrintable(problemsText(result.problems)));
}

void tst_BankInterchange::writtenBankIsLoadedBack_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("gift") << QStringLiteral("nasty.gift");
    QTest::newRow("aiken") << QStringLiteral("aiken.txt");
    QTest::newRow("moodle xml") << QStringLiteral("moodle.xml");
    QTest::newRow("every type, sql too, from another pack") << QStringLiteral("roundtrip");
}

void tst_BankInterchange::writtenBankIsLoadedBack()
{
    QFETCH(QString, file);
    Imported result;
    if (file == u"roundtrip") {
        const std::optional<CoursePack> pack = CoursePackLoader::load(RoundTripPack, &result.problems);
        QVERIFY2(pack, qPrintable(problemsText(result.problems)));
        result.bank = pack->banks.first();
    } else {
        result = imported(file);
    }
    QVERIFY(result.bank);
    QTemporaryDir dir;
    QVERIFY(copyDirectory(GoodPack, dir.path()));
    const QString packBefore = readText(dir.filePath(QStringLiteral("pack.yaml")));

    QString error;
    QVERIFY2(BankInterchange::writeBank(*result.bank, dir.path(), &error), qPrintable(error));

    QList<PackProblem> problems;
    const std::optional<CoursePack> pack = CoursePackLoader::load(dir.path(), &problems);
    QVERIFY2(pack, qPrintable(problemsText(problems)));
    QCOMPARE(pack->banks.size(), 2);
    QCOMPARE(pack->banks.at(0).id, QStringLiteral("basics"));
    const QuestionBank &loaded = pack->banks.at(1);
    QCOMPARE(loaded.id, result.bank->id);
    QCOMPARE(loaded.file, QStringLiteral("banks/%1.yaml").arg(result.bank->id));
    QCOMPARE(loaded.title, result.bank->title);
    QCOMPARE(renderDomains(loaded, CoursePackLoader::Languages),
             renderDomains(*result.bank, CoursePackLoader::Languages));
    QCOMPARE(loaded.questions.size(), result.bank->questions.size());
    for (qsizetype i = 0; i < loaded.questions.size(); ++i)
        QCOMPARE(render(loaded.questions.at(i), CoursePackLoader::Languages, false),
                 render(result.bank->questions.at(i), CoursePackLoader::Languages, false));

    // pack.yaml: the one line listing the banks changed, nothing else.
    const QStringList before = packBefore.split(u'\n'),
                      after = readText(dir.filePath(QStringLiteral("pack.yaml"))).split(u'\n');
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        if (before.at(i).startsWith(u"banks:"))
            QCOMPARE(after.at(i), QStringLiteral("banks: [basics, %1]").arg(result.bank->id));
        else
            QCOMPARE(after.at(i), before.at(i));
    }
}

void tst_BankInterchange::packYamlChangesMinimally_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("newPack"); // nor a banks directory
    const QString good = readText(GoodPack + QStringLiteral("/pack.yaml"));
    QVERIFY(good.contains(QStringLiteral("min_server_version: 170000\nbanks: [basics]\n")));
    const auto with = [&](const QString &banks) {
        return QString(good).replace(QStringLiteral("banks: [basics]\n"), banks);
    };
    QTest::newRow("a flow list grows") << good << with(QStringLiteral("banks: [basics, nasty]\n")) << false;
    QTest::newRow("a flow list with a comment")
        << with(QStringLiteral("banks: [basics]  # exams draw from these\n"))
        << with(QStringLiteral("banks: [basics, nasty]  # exams draw from these\n")) << false;
    QTest::newRow("an empty flow list")
        << with(QStringLiteral("banks: []\n")) << with(QStringLiteral("banks: [nasty]\n")) << false;
    QTest::newRow("a block list") << with(QStringLiteral("banks:\n  - basics\n"))
                                  << with(QStringLiteral("banks:\n  - basics\n  - nasty\n")) << false;
    QTest::newRow("a block list without indentation")
        << with(QStringLiteral("banks:\n- basics\n")) << with(QStringLiteral("banks:\n- basics\n- nasty\n"))
        << false;
    QTest::newRow("a block list with a comment")
        << with(QStringLiteral("banks:\n    # the first bank\n    - basics\n"))
        << with(QStringLiteral("banks:\n    # the first bank\n    - basics\n    - nasty\n")) << false;
    QTest::newRow("no banks: after min_server_version")
        << with(QString()) << with(QStringLiteral("banks: [nasty]\n")) << false;
    const QString withoutVersion =
        QString(with(QString())).remove(QStringLiteral("min_server_version: 170000\n"));
    QTest::newRow("no banks, no min_server_version: after the title's lines")
        << withoutVersion
        << QString(withoutVersion)
               .replace(QStringLiteral("  en: Fixture pack\n"),
                        QStringLiteral("  en: Fixture pack\nbanks: [nasty]\n"))
        << false;
    QTest::newRow("CRLF line ends stay")
        << QString(good).replace(u'\n', QStringLiteral("\r\n"))
        << with(QStringLiteral("banks: [basics, nasty]\n")).replace(u'\n', QStringLiteral("\r\n")) << false;
    QTest::newRow("a new pack: no banks, no banks directory")
        << with(QString()) << with(QStringLiteral("banks: [nasty]\n")) << true;
}

void tst_BankInterchange::packYamlChangesMinimally()
{
    QFETCH(QString, original);
    QFETCH(QString, expected);
    QFETCH(bool, newPack);
    const Imported &result = imported(QStringLiteral("nasty.gift"));
    QVERIFY(result.bank);
    QTemporaryDir dir;
    QVERIFY(copyDirectory(GoodPack, dir.path()));
    QVERIFY(writeText(dir.filePath(QStringLiteral("pack.yaml")), original));
    if (newPack)
        QVERIFY(QDir(dir.filePath(QStringLiteral("banks"))).removeRecursively());
    QString error;
    QVERIFY2(BankInterchange::writeBank(*result.bank, dir.path(), &error), qPrintable(error));
    QCOMPARE(readText(dir.filePath(QStringLiteral("pack.yaml"))), expected);
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("banks/nasty.yaml"))));
    // Without the basics bank the pack's exam lacks questions, its lab's domain is no
    // bank's and banks/basics.yaml is a file the manifest never names; the banks line of
    // pack.yaml and the new bank are fine.
    QList<PackProblem> problems;
    CoursePackLoader::load(dir.path(), &problems);
    for (const PackProblem &p : std::as_const(problems))
        QVERIFY2(p.file.startsWith(u"exams/") || p.message.startsWith(QStringLiteral("\"domain\" names \"sql\""))
                     || (p.file == u"banks/basics.yaml" && p.line == 0),
                 qPrintable(p.toText()));
}

void tst_BankInterchange::failedWriteLeavesPackUntouched_data()
{
    QTest::addColumn<QString>("change"); // what makes the write fail
    QTest::addColumn<QString>("error");
    QTest::newRow("the pack lists the bank already")
        << QStringLiteral("bank id basics") << QStringLiteral("already has a bank \"basics\"");
    QTest::newRow("the bank's file is there already")
        << QStringLiteral("stray bank file") << QStringLiteral("already has a bank \"nasty\"");
    QTest::newRow("a question id of another bank")
        << QStringLiteral("question id q-count-null") << QStringLiteral("\"q-count-null\" is already used");
    QTest::newRow("a bank the loader would reject")
        << QStringLiteral("two correct options") << QStringLiteral("needs exactly one correct option");
    QTest::newRow("a reference outside the documentation")
        << QStringLiteral("reference elsewhere") << QStringLiteral("\"reference\" must be a page");
    QTest::newRow("a bank id that is no id")
        << QStringLiteral("bank id Nasty Bank") << QStringLiteral("may hold only");
    QTest::newRow("a banks list over several lines")
        << QStringLiteral("banks over lines") << QStringLiteral("add it by hand");
    QTest::newRow("no pack.yaml") << QStringLiteral("no pack.yaml") << QStringLiteral("cannot be read");
}

void tst_BankInterchange::failedWriteLeavesPackUntouched()
{
    QFETCH(QString, change);
    QFETCH(QString, error);
    const Imported &result = imported(QStringLiteral("nasty.gift"));
    QVERIFY(result.bank);
    QuestionBank bank = *result.bank;
    QTemporaryDir dir;
    QVERIFY(copyDirectory(GoodPack, dir.path()));
    const QString packYaml = dir.filePath(QStringLiteral("pack.yaml"));
    if (change.startsWith(u"bank id "))
        bank.id = change.mid(8);
    else if (change == u"stray bank file")
        QVERIFY(writeText(dir.filePath(QStringLiteral("banks/nasty.yaml")), QStringLiteral("id: nasty\n")));
    else if (change.startsWith(u"question id "))
        bank.questions[3].id = change.mid(12);
    else if (change == u"two correct options")
        bank.questions[0].options[1].correct = true;
    else if (change == u"reference elsewhere")
        bank.questions[0].reference = QStringLiteral("https://example.com/casts.html");
    else if (change == u"banks over lines")
        QVERIFY(writeText(packYaml, readText(packYaml).replace(QStringLiteral("banks: [basics]"),
                                                               QStringLiteral("banks: [basics,\n  more]"))));
    else if (change == u"no pack.yaml")
        QVERIFY(QFile::remove(packYaml));
    const QMap<QString, QByteArray> before = snapshot(dir.path());

    QString message;
    QVERIFY(!BankInterchange::writeBank(bank, dir.path(), &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QCOMPARE(snapshot(dir.path()), before);
}

void tst_BankInterchange::roundTrip_data()
{
    QTest::addColumn<QString>("packDirectory");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>(
        "essay"); // Moodle cannot grade it as we do: it leaves as an essay and does not come back
    for (const QString &directory : {GoodPack, RoundTripPack}) {
        QList<PackProblem> problems;
        const std::optional<CoursePack> pack = CoursePackLoader::load(directory, &problems);
        QVERIFY2(pack, qPrintable(problemsText(problems)));
        for (const QString &language : CoursePackLoader::Languages) {
            for (const Question &q : pack->banks.first().questions) {
                const bool essay = q.type == Question::Type::Sql ||
                                   (q.type == Question::Type::FillIn && q.accepted.isEmpty());
                QTest::addRow("%s %s %s", qPrintable(pack->id), qPrintable(language), qPrintable(q.id))
                    << directory << language << q.id << essay;
            }
        }
    }
}

void tst_BankInterchange::roundTrip()
{
    QFETCH(QString, packDirectory);
    QFETCH(QString, language);
    QFETCH(QString, id);
    QFETCH(bool, essay);
    QList<PackProblem> problems;
    const std::optional<CoursePack> pack = CoursePackLoader::load(packDirectory, &problems);
    QVERIFY(pack);
    const QuestionBank &original = pack->banks.first();
    QTemporaryDir dir;
    const QString file = dir.filePath(original.id + QStringLiteral(".xml"));
    QString error;
    QVERIFY2(BankInterchange::exportMoodleXml(original, language, file, &error), qPrintable(error));

    const std::optional<QuestionBank> back = BankInterchange::importMoodleXml(file, language, &problems);
    QVERIFY2(back, qPrintable(problemsText(problems)));
    const Question *sent = findQuestion(original, id);
    const Question *received = findQuestion(*back, id);
    QVERIFY(sent);
    if (essay) {
        QVERIFY(!received);
        QVERIFY(std::any_of(problems.cbegin(), problems.cend(), [](const PackProblem &p) {
            return p.message.contains(QStringLiteral("essay"));
        }));
        return;
    }
    QVERIFY2(received, qPrintable(problemsText(problems)));
    QCOMPARE(render(*received, {language}, true), render(*sent, {language}, true));
    const auto domainTitle = [&](const QuestionBank &bank) {
        for (const QuestionDomain &d : bank.domains) {
            if (d.id == sent->domain)
                return d.title.value(language);
        }
        return QString();
    };
    QCOMPARE(domainTitle(*back), domainTitle(original));
}

void tst_BankInterchange::exportedXml_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *language, const QString &expected) {
        QTest::newRow(name) << QString::fromLatin1(language) << expected;
    };
    row("a domain is a category; a slash in its name doubles", "en",
        QStringLiteral("<text>$course$/top/Backup // Recovery</text>"));
    row("the category's idnumber is the domain id", "en", QStringLiteral("<idnumber>backup</idnumber>"));
    row("the category in Chinese", "zh_CN", QStringLiteral("<text>$course$/top/备份 // 恢复</text>"));
    row("single choice", "en", QStringLiteral("<single>true</single>"));
    row("partial: a right choice gives half", "en",
        QStringLiteral("<answer fraction=\"50\" format=\"markdown\">\n      <text>sum</text>"));
    row("partial: a wrong one takes half", "en",
        QStringLiteral("<answer fraction=\"-50\" format=\"markdown\">\n      <text>lower</text>"));
    row("all-or-nothing: a wrong one takes everything", "en",
        QStringLiteral("<answer fraction=\"-100\" format=\"markdown\">\n      <text>READ COMMITTED</text>"));
    row("the stem in Markdown, in CDATA", "en",
        QStringLiteral("<questiontext format=\"markdown\">\n      <text><![CDATA[Which rows"));
    row("a CDATA terminator in the text is split", "en", QStringLiteral("SELECT ']]]]><![CDATA[>' AS s;"));
    row("the explanation is the general feedback", "en",
        QStringLiteral("<generalfeedback format=\"markdown\">\n      <text>count and sum.</text>"));
    row("the name is the id", "en", QStringLiteral("<name>\n      <text>rt-markup</text>\n    </name>"));
    row("topics are tags", "en", QStringLiteral("<text>comparison operators</text>"));
    row("a reference that fits in 50 characters is a tag", "en",
        QStringLiteral("<text>https://www.postgresql.org/docs/17/app-pgdump.html</text>"));
    row("a longer one is shortened", "en",
        QStringLiteral("<text>pgdocs:17/sql-select.html#SQL-WHERE</text>"));
    row("... keeping current", "en", QStringLiteral("<text>pgdocs:current/functions-aggregate.html</text>"));
    row("... and losing an anchor that does not fit", "en",
        QStringLiteral("<text>pgdocs:17/functions-aggregate.html</text>"));
    row("a difficulty other than 2 is a tag", "en", QStringLiteral("<text>difficulty:1</text>"));
    row("true/false", "en",
        QStringLiteral("<answer fraction=\"100\" format=\"moodle_auto_format\">\n      <text>false</text>"));
    row("short answer: case", "en", QStringLiteral("<usecase>1</usecase>"));
    row("short answer: a star is escaped", "en", QStringLiteral("<text>SELECT count(\\*) FROM t;</text>"));
    row("numerical: value", "en", QStringLiteral("<text>-7.25</text>"));
    row("numerical: tolerance", "en", QStringLiteral("<tolerance>0.5</tolerance>"));
    row("ordering: positions as fractions", "en",
        QStringLiteral("<answer fraction=\"3\" format=\"markdown\">\n      <text>pg_backup_stop</text>"));
    row("matching", "zh_CN",
        QStringLiteral("<text>pg_dump</text>\n      <answer>\n        <text>一个数据库的 SQL 脚本</text>"));
    row("a regex alone: an essay with the regex for the grader", "en",
        QStringLiteral("Right when the whole answer matches the regular expression `vacuum\\s+full`"));
    row("sql: an essay", "en",
        QStringLiteral("<question type=\"essay\">\n    <name>\n      <text>rt-sql</text>"));
    row("sql: the dataset in the question", "en",
        QStringLiteral("The dataset:\n\n```sql\nCREATE TABLE orders"));
    row("sql: the solution for the grader", "en",
        QStringLiteral("<graderinfo format=\"markdown\">\n      <text><![CDATA[```sql\nSELECT sum(amount) "
                       "FROM orders;\n```]]></text>"));
}

void tst_BankInterchange::exportedXml()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    QList<PackProblem> problems;
    const std::optional<CoursePack> pack = CoursePackLoader::load(RoundTripPack, &problems);
    QVERIFY2(pack, qPrintable(problemsText(problems)));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("every-type.xml"));
    QString error;
    QVERIFY2(BankInterchange::exportMoodleXml(pack->banks.first(), language, file, &error),
             qPrintable(error));
    const QString xml = readText(file);
    QVERIFY2(xml.contains(expected), qPrintable(xml));
}

QTEST_GUILESS_MAIN(tst_BankInterchange)
#include "tst_bankinterchange.moc"
