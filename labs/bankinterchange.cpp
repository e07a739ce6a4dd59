#include "bankinterchange.h"

#include "htmltomarkdown.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <tuple>

#include <yaml-cpp/yaml.h>

const QString BankInterchange::DefaultReference =
    QStringLiteral("https://www.postgresql.org/docs/17/index.html");
const QString BankInterchange::DefaultDomain = QStringLiteral("imported");

namespace {
const QRegularExpression IdPattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
// A page of the documentation as a tag: its URL, or "pgdocs:VERSION/PAGE" (what the export
// writes when the URL is longer than Moodle's 50-character tags).
const QRegularExpression
    DocumentationTag(QStringLiteral("^(?:https?://(?:www\\.)?postgresql\\.org/docs/|pgdocs:)([0-9a-z.]+)/"
                                    "([a-z0-9-]+\\.html(?:#[A-Za-z0-9_.-]+)?)$"));
const QRegularExpression DifficultyTag(QStringLiteral("^difficulty:([123])$"));
// Moodle writes a third as 33.33333: fractions are compared with some slack.
constexpr double FullMarks = 99.999;

LocalizedText both(const QString &text)
{
    LocalizedText result;
    for (const QString &language : CoursePackLoader::Languages)
        result.insert(language, text);
    return result;
}

// Words an import or export adds to the bank's own text: in the bank's language, not the UI's,
// so they are not tr() messages.
QString phrase(const QString &language, const QString &en, const QString &zhCn)
{
    return language == u"zh_CN" ? zhCn : en;
}

// "Server configuration: WAL" -> "server-configuration-wal": accents go, anything else is a '-'.
QString slug(const QString &text)
{
    QString id;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        if (c.isMark())
            continue;
        const QChar lower = c.toLower();
        if ((lower >= u'a' && lower <= u'z') || (lower >= u'0' && lower <= u'9'))
            id += lower;
        else if (!id.isEmpty() && !id.endsWith(u'-'))
            id += u'-';
    }
    id.truncate(60);
    while (id.endsWith(u'-'))
        id.chop(1);
    return id;
}

// A text as the loader gives a block scalar: trimmed, and ending in a line break when it has several lines.
QString finished(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.contains(u'\n') ? trimmed + u'\n' : trimmed;
}

QString numberText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// ---------------------------------------------------------------------------------------------
// What every import shares: ids, categories as domains, tags, explanations.

struct Choice
{
    QString text;
    double percent = 0; // Moodle's fraction, in percent: 100 full marks, negative takes marks away
    QString feedback;
};

// One question as read from a file, before it gets its id and domain.
struct Draft
{
    Question question; // type and the type's own fields
    QString stem;
    QString name;     // Moodle's question name
    QString idNumber; // Moodle's ID number: the id of a question without a name
    QStringList tags;
    QString generalFeedback;
    QList<std::pair<QString, QString>> feedback; // an answer and what the source says about it
};

// Options from Moodle's fractions. A single choice takes the one answer worth full marks; a
// multiple choice takes every answer worth marks, all-or-nothing when each wrong answer takes
// every mark away (how the export writes it) and partial otherwise.
QString toChoice(Draft *draft, const QList<Choice> &choices, bool single)
{
    Question &q = draft->question;
    q.type = single ? Question::Type::Single : Question::Type::Multiple;
    if (choices.size() < 2)
        return BankInterchange::tr("a choice question needs at least two answers");
    bool anyWrong = false;
    bool everyWrongZeroes = true;
    for (const Choice &c : choices) {
        const bool correct = single ? c.percent >= FullMarks : c.percent > 0;
        q.options.append({both(c.text), correct});
        if (!correct) {
            anyWrong = true;
            everyWrongZeroes = everyWrongZeroes && c.percent <= -FullMarks;
        }
        if (!c.feedback.isEmpty())
            draft->feedback.append({c.text, c.feedback});
    }
    const auto correct = std::count_if(q.options.cbegin(), q.options.cend(),
                                       [](const QuestionOption &o) { return o.correct; });
    if (single && correct != 1)
        return BankInterchange::tr(
                   "a single-choice question needs exactly one answer worth full marks; this one has %1")
            .arg(correct);
    if (!single && correct == 0)
        return BankInterchange::tr("a multiple-answer question needs at least one answer worth marks");
    q.partialCredit = !single && !(anyWrong && everyWrongZeroes);
    return {};
}

// Moodle's short answers: "*" matches anything and "\*" is a star. Answers with a wildcard
// become the question's regex.
void addShortAnswers(Question *q, const QStringList &answers)
{
    QStringList patterns;
    for (const QString &answer : answers) {
        QString pattern;
        bool wildcard = false;
        for (qsizetype i = 0; i < answer.size(); ++i) {
            if (answer.at(i) == u'\\' && i + 1 < answer.size() && answer.at(i + 1) == u'*') {
                pattern += QStringLiteral("\\*");
                ++i;
            } else if (answer.at(i) == u'*') {
                pattern += QStringLiteral(".*");
                wildcard = true;
            } else {
                if (QStringView(u"\\^$.|?+()[]{}").contains(answer.at(i)))
                    pattern += u'\\';
                pattern += answer.at(i);
            }
        }
        if (wildcard)
            patterns << pattern;
        else
            q->accepted << QString(answer).replace(QStringLiteral("\\*"), QStringLiteral("*"));
    }
    if (patterns.size() == 1)
        q->regex = patterns.first();
    else if (!patterns.isEmpty())
        q->regex = QStringLiteral("(?:%1)").arg(patterns.join(QStringLiteral(")|(?:")));
}

// "8192", "8192:0.5" (a value and its tolerance) or "5..10" (a range).
std::optional<std::pair<double, double>> numericalAnswer(const QString &text)
{
    bool ok = false, ok2 = false;
    const QString t = text.trimmed();
    if (const qsizetype range = t.indexOf(u"..", 1); range > 0) {
        const double low = t.left(range).trimmed().toDouble(&ok);
        const double high = t.mid(range + 2).trimmed().toDouble(&ok2);
        if (ok && ok2 && high >= low)
            return std::pair{(low + high) / 2, (high - low) / 2};
    } else if (const qsizetype colon = t.indexOf(u':', 1); colon > 0) {
        const double value = t.left(colon).trimmed().toDouble(&ok);
        const double tolerance = t.mid(colon + 1).trimmed().toDouble(&ok2);
        if (ok && ok2 && tolerance >= 0)
            return std::pair{value, tolerance};
    } else {
        const double value = t.toDouble(&ok);
        if (ok)
            return std::pair{value, 0.0};
    }
    return std::nullopt;
}

// What the right answer is, for a question whose source explains nothing.
QString answerSummary(const Question &q, const QString &language)
{
    const auto textOf = [&](const LocalizedText &t) { return t.value(language); };
    QStringList parts;
    switch (q.type) {
    case Question::Type::Single:
    case Question::Type::Multiple:
        for (const QuestionOption &o : q.options) {
            if (o.correct)
                parts << textOf(o.text);
        }
        break;
    case Question::Type::TrueFalse:
        parts << (q.truth ? phrase(language, QStringLiteral("true"), QStringLiteral("正确"))
                          : phrase(language, QStringLiteral("false"), QStringLiteral("错误")));
        break;
    case Question::Type::FillIn:
        parts << (q.accepted.isEmpty() ? q.regex : q.accepted.first());
        break;
    case Question::Type::Numerical:
        parts << (q.tolerance > 0
                      ? QStringLiteral("%1 ± %2").arg(numberText(q.value), numberText(q.tolerance))
                      : numberText(q.value));
        break;
    case Question::Type::Ordering:
        for (const LocalizedText &item : q.items)
            parts << textOf(item);
        return phrase(language, QStringLiteral("Answer: %1"), QStringLiteral("答案：%1"))
            .arg(parts.join(QStringLiteral(" → ")));
    case Question::Type::Matching:
        for (const QuestionPair &p : q.pairs)
            parts << QStringLiteral("%1 → %2").arg(textOf(p.left), textOf(p.right));
        break;
    case Question::Type::Sql:
        break;
    }
    return phrase(language, QStringLiteral("Answer: %1"), QStringLiteral("答案：%1"))
        .arg(parts.join(QStringLiteral("; ")));
}

// Moodle's category path: "$course$/top/SQL/Joins" names the category "SQL / Joins"; the
// context and "top" are Moodle's own, and "//" is a slash inside a name.
QStringList categoryNames(QString path)
{
    const QChar slash(0xE02F);
    path.replace(QStringLiteral("//"), QString(slash));
    QStringList names;
    for (QString name : path.split(u'/')) {
        name = name.replace(slash, u'/').trimmed();
        if (!name.isEmpty())
            names << name;
    }
    static const QRegularExpression context(QStringLiteral("^\\$[a-z0-9]+\\$$"));
    if (!names.isEmpty() && context.match(names.first()).hasMatch())
        names.removeFirst();
    if (!names.isEmpty() && names.first() == u"top")
        names.removeFirst();
    return names;
}

// Builds the bank from drafts: ids from names or the file and position, domains from categories.
class BankBuilder
{
public:
    BankBuilder(const QString &path, QList<PackProblem> *problems)
        : m_path(path)
        , m_problems(problems)
    {
        const QString base = QFileInfo(path).completeBaseName();
        m_fileSlug = slug(base).isEmpty() ? BankInterchange::DefaultDomain : slug(base);
        m_bank.id = m_fileSlug;
        m_bank.file = QStringLiteral("banks/%1.yaml").arg(m_bank.id);
        m_bank.title = both(base);
        m_domainTitles.insert(BankInterchange::DefaultDomain, QString());
    }

    void report(int line, const QString &message) { m_problems->append({m_path, line, message}); }
    int nextPosition() { return ++m_position; }

    void setCategory(const QString &moodlePath, const QString &idNumber)
    {
        const QStringList names = categoryNames(moodlePath);
        if (names.isEmpty()) {
            m_domain = BankInterchange::DefaultDomain;
            return;
        }
        const QString title = names.join(QStringLiteral(" / "));
        QString base = IdPattern.match(idNumber).hasMatch() ? idNumber : slug(names.join(u'-'));
        if (base.isEmpty())
            base = QStringLiteral("category");
        QString id = base;
        for (int n = 2; m_domainTitles.contains(id) && m_domainTitles.value(id) != title; ++n)
            id = QStringLiteral("%1-%2").arg(base).arg(n);
        m_domainTitles.insert(id, title);
        m_domain = id;
    }

    void add(Draft draft, int position, int line)
    {
        Question &q = draft.question;
        q.file = m_path;
        q.line = line;
        q.domain = m_domain;
        q.reference = BankInterchange::DefaultReference;
        for (const QString &raw : std::as_const(draft.tags)) {
            const QString tag = raw.trimmed();
            if (const QRegularExpressionMatch m = DocumentationTag.match(tag); m.hasMatch())
                q.reference = QStringLiteral("https://www.postgresql.org/docs/%1/%2")
                                  .arg(m.captured(1) == u"current" ? m.captured(1) : QStringLiteral("17"),
                                       m.captured(2));
            else if (const QRegularExpressionMatch m = DifficultyTag.match(tag); m.hasMatch())
                q.difficulty = m.captured(1).toInt();
            else if (!tag.isEmpty() && !q.topics.contains(tag))
                q.topics << tag;
        }
        QString id = slug(draft.name);
        if (id.isEmpty() && IdPattern.match(draft.idNumber).hasMatch())
            id = draft.idNumber;
        if (id.isEmpty())
            id = QStringLiteral("%1-%2").arg(m_fileSlug).arg(position);
        q.id = id;
        for (int n = 2; m_ids.contains(q.id); ++n)
            q.id = QStringLiteral("%1-%2").arg(id).arg(n);
        m_ids.insert(q.id);
        q.stem = both(finished(draft.stem));
        q.explanation = explanation(draft);
        addDomain(q.domain);
        m_bank.questions.append(q);
    }

    std::optional<QuestionBank> finish()
    {
        if (m_bank.questions.isEmpty()) {
            report(0, BankInterchange::tr("no question could be imported"));
            return std::nullopt;
        }
        return m_bank;
    }

private:
    // The general feedback, then what each answer's feedback says; a summary of the answer when
    // the source explains nothing (the bank needs an explanation).
    static LocalizedText explanation(const Draft &draft)
    {
        QStringList parts;
        if (!draft.generalFeedback.trimmed().isEmpty())
            parts << draft.generalFeedback.trimmed();
        QStringList answers;
        for (const auto &[answer, feedback] : draft.feedback) {
            if (!feedback.trimmed().isEmpty())
                answers << (answer.isEmpty() ? QStringLiteral("- %1").arg(feedback.trimmed())
                                             : QStringLiteral("- %1: %2").arg(answer, feedback.trimmed()));
        }
        if (!answers.isEmpty())
            parts << answers.join(u'\n');
        if (!parts.isEmpty())
            return both(finished(parts.join(QStringLiteral("\n\n"))));
        LocalizedText summary;
        for (const QString &language : CoursePackLoader::Languages)
            summary.insert(language, finished(answerSummary(draft.question, language)));
        return summary;
    }

    void addDomain(const QString &id)
    {
        for (const QuestionDomain &d : std::as_const(m_bank.domains)) {
            if (d.id == id)
                return;
        }
        const QString title = m_domainTitles.value(id);
        m_bank.domains.append(
            {id, title.isEmpty() ? LocalizedText{{QStringLiteral("zh_CN"), QStringLiteral("导入的题目")},
                                                 {QStringLiteral("en"), QStringLiteral("Imported questions")}}
                                 : both(title)});
    }

    QString m_path;
    QList<PackProblem> *m_problems;
    QString m_fileSlug;
    QuestionBank m_bank;
    QSet<QString> m_ids;
    QHash<QString, QString> m_domainTitles; // domain id -> category name ("" for the default)
    QString m_domain = BankInterchange::DefaultDomain;
    int m_position = 0;
};

// The file's bytes, or nothing (with a problem) when it cannot be read or the language is not one of ours.
std::optional<QByteArray> readSource(const QString &path, const QString &language,
                                     QList<PackProblem> *problems)
{
    if (!CoursePackLoader::Languages.contains(language)) {
        problems->append(
            {path, 0, BankInterchange::tr("the language is zh_CN or en, not \"%1\"").arg(language)});
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append({path, 0, BankInterchange::tr("cannot be read: %1").arg(file.errorString())});
        return std::nullopt;
    }
    return file.readAll();
}

QString utf8Text(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

// ---------------------------------------------------------------------------------------------
// GIFT

// While the syntax is read, GIFT's escapes (\: \# \= \{ \} \~ \\ and \n) are private-use
// characters, so an escaped character is never syntax; they become what they stand for at the end.
constexpr char16_t EscapeBase = 0xE000;

QString protectEscapes(const QString &text)
{
    static const QString escapable = QStringLiteral(":#={}~\\n");
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\\' && i + 1 < text.size() && escapable.contains(text.at(i + 1))) {
            out += QChar(char16_t(EscapeBase + text.at(i + 1).unicode()));
            ++i;
        } else {
            out += text.at(i);
        }
    }
    return out;
}

QString restoreEscapes(QString text)
{
    for (QChar &c : text) {
        if (c.unicode() >= EscapeBase && c.unicode() < EscapeBase + 0x80)
            c = c.unicode() == EscapeBase + u'n' ? QChar(u'\n') : QChar(char16_t(c.unicode() - EscapeBase));
    }
    return text;
}

// How GIFT marks a piece of text: [html], or [moodle], [plain] and [markdown], which we keep as written.
enum class TextFormat
{
    AsWritten,
    Html
};

// A piece of GIFT text: its format marker (or the fallback) applied, escapes restored.
QString giftText(const QString &raw, TextFormat fallback, TextFormat *used = nullptr)
{
    static const QRegularExpression marker(QStringLiteral("^\\[(html|moodle|plain|markdown)\\]"));
    QString text = raw.trimmed();
    TextFormat format = fallback;
    if (const QRegularExpressionMatch m = marker.match(text); m.hasMatch()) {
        format = m.captured(1) == u"html" ? TextFormat::Html : TextFormat::AsWritten;
        text = text.mid(m.capturedLength());
    }
    if (used)
        *used = format;
    text = restoreEscapes(text);
    return format == TextFormat::Html ? HtmlToMarkdown::convert(text) : text.trimmed();
}

// GIFT answers split at unescaped separators; a leading empty part (before the first separator) goes.
QStringList giftParts(const QString &answers, QChar separator)
{
    QStringList parts = answers.split(separator);
    if (!parts.isEmpty() && parts.first().trimmed().isEmpty())
        parts.removeFirst();
    return parts;
}

// "%50%text": the weight in percent, taken off the text.
std::optional<double> takeWeight(QString *text)
{
    static const QRegularExpression weight(QStringLiteral("^%(-?[0-9]+(?:\\.[0-9]*)?)%"));
    const QRegularExpressionMatch m = weight.match(*text);
    if (!m.hasMatch())
        return std::nullopt;
    *text = text->mid(m.capturedLength()).trimmed();
    return m.captured(1).toDouble();
}

// "text#feedback"
std::pair<QString, QString> splitFeedback(const QString &answer, TextFormat format)
{
    const qsizetype hash = answer.indexOf(u'#');
    if (hash < 0)
        return {giftText(answer, format), {}};
    return {giftText(answer.left(hash), format), giftText(answer.mid(hash + 1), format)};
}

QString giftChoice(QString answers, TextFormat format, Draft *draft)
{
    const bool single = answers.contains(u'=');
    answers.replace(u'=', QStringLiteral("~="));
    QList<Choice> choices;
    for (QString part : giftParts(answers, u'~')) {
        part = part.trimmed();
        double percent = 0;
        if (part.startsWith(u'=')) {
            part = part.mid(1).trimmed();
            percent = takeWeight(&part).value_or(100);
        } else {
            percent = takeWeight(&part).value_or(0);
        }
        const auto [text, feedback] = splitFeedback(part, format);
        choices.append({text, percent, feedback});
    }
    return toChoice(draft, choices, single);
}

QString giftShortAnswer(const QString &answers, TextFormat format, Draft *draft)
{
    Question &q = draft->question;
    q.type = Question::Type::FillIn;
    QStringList accepted;
    for (QString part : giftParts(answers, u'=')) {
        part = part.trimmed();
        const double percent = takeWeight(&part).value_or(100);
        const auto [text, feedback] = splitFeedback(part, format);
        if (percent >= FullMarks && !text.isEmpty())
            accepted << text;
        if (!feedback.isEmpty())
            draft->feedback.append({text, feedback});
    }
    if (accepted.isEmpty())
        return BankInterchange::tr("a short-answer question needs an answer worth full marks");
    addShortAnswers(&q, accepted);
    return {};
}

QString giftNumerical(QString answers, TextFormat format, Draft *draft)
{
    Question &q = draft->question;
    q.type = Question::Type::Numerical;
    answers = answers.mid(1); // the leading '#'
    if (const qsizetype wrong = answers.indexOf(u'~'); wrong >= 0) {
        draft->feedback.append({QString(), splitFeedback(answers.mid(wrong + 1), format).second});
        answers = answers.left(wrong);
    }
    bool found = false;
    for (QString part : giftParts(answers, u'=')) {
        part = part.trimmed();
        const double percent = takeWeight(&part).value_or(100);
        const auto [text, feedback] = splitFeedback(part, format);
        const std::optional<std::pair<double, double>> number = numericalAnswer(text);
        if (!number)
            return BankInterchange::tr("\"%1\" is not a number, value:tolerance or low..high").arg(text);
        if (!feedback.isEmpty())
            draft->feedback.append({text, feedback});
        if (percent >= FullMarks && !found) {
            std::tie(q.value, q.tolerance) = *number;
            found = true;
        }
    }
    return found ? QString() : BankInterchange::tr("a numerical question needs an answer worth full marks");
}

QString giftMatching(const QString &answers, TextFormat format, Draft *draft)
{
    Question &q = draft->question;
    q.type = Question::Type::Matching;
    for (const QString &part : giftParts(answers, u'=')) {
        const qsizetype arrow = part.indexOf(u"->");
        if (arrow < 0)
            return BankInterchange::tr("a matching pair is written \"=left -> right\", not \"%1\"")
                .arg(restoreEscapes(part.trimmed()));
        const QString left = giftText(part.left(arrow), format);
        const QString right = giftText(part.mid(arrow + 2), format);
        if (!left.isEmpty()) // a right side alone is a distractor, which our matching questions do not have
            q.pairs.append({both(left), both(right)});
    }
    return q.pairs.size() < 2 ? BankInterchange::tr("a matching question needs at least two pairs")
                              : QString();
}

// The question's text, with "_____" where the answers stood inside a sentence (the missing-word format).
QString parseGift(QString text, Draft *draft)
{
    if (text.startsWith(u"::")) {
        const qsizetype end = text.indexOf(u"::", 2);
        if (end < 0)
            return BankInterchange::tr("the title opened by \"::\" is not closed");
        draft->name = restoreEscapes(text.mid(2, end - 2)).trimmed();
        text = text.mid(end + 2).trimmed();
    }
    const qsizetype open = text.indexOf(u'{');
    const qsizetype close = text.indexOf(u'}', std::max<qsizetype>(open, 0));
    if (open < 0 && close < 0)
        return BankInterchange::tr("no answers in braces: a description, not a question");
    if (open < 0 || close < 0)
        return BankInterchange::tr("a brace is not matched (write \\{ and \\} for braces in the text)");
    QString answers = text.mid(open + 1, close - open - 1).trimmed();
    const QString after = text.mid(close + 1);
    TextFormat format = TextFormat::AsWritten;
    draft->stem = giftText(after.trimmed().isEmpty() ? text.left(open)
                                                     : text.left(open) + QStringLiteral("_____") + after,
                           TextFormat::AsWritten, &format);
    if (const qsizetype general = answers.lastIndexOf(u"####"); general >= 0) {
        draft->generalFeedback = giftText(answers.mid(general + 4), format);
        answers = answers.left(general).trimmed();
    }
    if (draft->stem.isEmpty())
        return BankInterchange::tr("the question has no text");
    if (answers.isEmpty())
        return BankInterchange::tr("essay questions are graded by hand: skipped");
    if (answers.startsWith(u'#'))
        return giftNumerical(answers, format, draft);
    if (answers.contains(u'~'))
        return giftChoice(answers, format, draft);
    if (answers.contains(u'=') && answers.contains(u"->"))
        return giftMatching(answers, format, draft);
    const QStringList truth = answers.split(u'#');
    static const QStringList truths = {QStringLiteral("T"), QStringLiteral("TRUE"), QStringLiteral("F"),
                                       QStringLiteral("FALSE")};
    if (truths.contains(truth.first().trimmed())) {
        Question &q = draft->question;
        q.type = Question::Type::TrueFalse;
        q.truth = truth.first().trimmed().startsWith(u'T');
        const QString right = q.truth ? QStringLiteral("true") : QStringLiteral("false");
        const QString wrong = q.truth ? QStringLiteral("false") : QStringLiteral("true");
        if (truth.size() > 1) // {T#what a wrong answer is told#what a right one is told}
            draft->feedback.append({wrong, giftText(truth.at(1), format)});
        if (truth.size() > 2)
            draft->feedback.append({right, giftText(truth.mid(2).join(u'#'), format)});
        return {};
    }
    return giftShortAnswer(answers, format, draft);
}

// Questions are separated by blank lines; "//" lines are comments, where Moodle keeps a
// question's "[id:…]" and "[tag:…]".
struct GiftBlock
{
    QStringList lines;
    QList<int> lineNumbers;
    QStringList comments;
};

QList<GiftBlock> giftBlocks(const QString &content)
{
    QList<GiftBlock> blocks;
    GiftBlock current;
    const QStringList lines = content.split(u'\n');
    for (qsizetype i = 0; i <= lines.size(); ++i) {
        QString line = i < lines.size() ? lines.at(i) : QString();
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            if (!current.lines.isEmpty())
                blocks.append(current);
            current = {};
        } else if (trimmed.startsWith(u"//")) {
            current.comments << trimmed.mid(2);
        } else {
            current.lines << line;
            current.lineNumbers << int(i) + 1;
        }
    }
    return blocks;
}

void readGiftBlock(BankBuilder &builder, GiftBlock block)
{
    if (block.lines.first().trimmed().startsWith(u"$CATEGORY:")) {
        builder.setCategory(restoreEscapes(protectEscapes(block.lines.first().trimmed().mid(10)).trimmed()),
                            {});
        block.lines.removeFirst();
        block.lineNumbers.removeFirst();
        if (block.lines.isEmpty())
            return;
    }
    const int position = builder.nextPosition();
    Draft draft;
    static const QRegularExpression idComment(QStringLiteral("\\[id:([^\\]]*)\\]"));
    static const QRegularExpression tagComment(QStringLiteral("\\[tag:([^\\]]*)\\]"));
    for (const QString &comment : std::as_const(block.comments)) {
        if (const QRegularExpressionMatch m = idComment.match(comment); m.hasMatch())
            draft.idNumber = m.captured(1).trimmed();
        for (const QRegularExpressionMatch &m : tagComment.globalMatch(comment))
            draft.tags << m.captured(1).trimmed();
    }
    const QString error = parseGift(protectEscapes(block.lines.join(u'\n')).trimmed(), &draft);
    if (error.isEmpty())
        builder.add(draft, position, block.lineNumbers.first());
    else
        builder.report(block.lineNumbers.first(), error);
}

// ---------------------------------------------------------------------------------------------
// Aiken

// A question's lines, its options ("A", text) and the letter "ANSWER:" gives.
QString aikenQuestion(const QStringList &stem, const QList<std::pair<QString, QString>> &options,
                      const QString &answer, Draft *draft)
{
    draft->stem = stem.join(u'\n');
    QList<Choice> choices;
    for (const auto &[letter, text] : options)
        choices.append({text, letter == answer ? 100.0 : 0.0, {}});
    if (choices.size() >= 2 &&
        std::none_of(options.cbegin(), options.cend(), [&](const auto &o) { return o.first == answer; }))
        return BankInterchange::tr("\"ANSWER: %1\" names no option").arg(answer);
    return toChoice(draft, choices, true);
}

// ---------------------------------------------------------------------------------------------
// Moodle XML

// A <question> element read whole, so that its parts can be looked up in any order.
struct XmlElement
{
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
    QList<XmlElement> children;

    const XmlElement *child(QStringView childName) const
    {
        for (const XmlElement &c : children) {
            if (c.name == childName)
                return &c;
        }
        return nullptr;
    }
    QList<const XmlElement *> all(QStringView childName) const
    {
        QList<const XmlElement *> found;
        for (const XmlElement &c : children) {
            if (c.name == childName)
                found << &c;
        }
        return found;
    }
    QString value(QStringView childName) const
    {
        const XmlElement *c = child(childName);
        return c ? c->text.trimmed() : QString();
    }
    QString attribute(QStringView attributeName) const { return attributes.value(attributeName).toString(); }
};

XmlElement readElement(QXmlStreamReader &xml)
{
    XmlElement element{xml.name().toString(), xml.attributes(), {}, {}};
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement())
            element.children.append(readElement(xml));
        else if (xml.isCharacters())
            element.text += xml.text();
        else if (xml.isEndElement())
            break;
    }
    return element;
}

// A Moodle text field (<questiontext format="html"><text>…</text></questiontext>) as Markdown.
QString moodleText(const XmlElement *field)
{
    if (!field)
        return {};
    const XmlElement *text = field->child(u"text");
    const QString content = text ? text->text : field->text;
    return field->attribute(u"format") == u"html" ? HtmlToMarkdown::convert(content) : content.trimmed();
}

QList<Choice> xmlChoices(const XmlElement &question)
{
    QList<Choice> choices;
    for (const XmlElement *answer : question.all(u"answer"))
        choices.append({moodleText(answer), answer->attribute(u"fraction").toDouble(),
                        moodleText(answer->child(u"feedback"))});
    return choices;
}

QString xmlTrueFalse(const XmlElement &question, Draft *draft)
{
    Question &q = draft->question;
    q.type = Question::Type::TrueFalse;
    bool found = false;
    for (const Choice &c : xmlChoices(question)) {
        if (c.percent >= FullMarks && !found) {
            q.truth = c.text.compare(u"true", Qt::CaseInsensitive) == 0;
            found = true;
        }
        if (!c.feedback.isEmpty())
            draft->feedback.append({c.text, c.feedback});
    }
    return found ? QString() : BankInterchange::tr("a true/false question needs an answer worth full marks");
}

QString xmlShortAnswer(const XmlElement &question, Draft *draft)
{
    Question &q = draft->question;
    q.type = Question::Type::FillIn;
    q.caseSensitive = question.value(u"usecase") == u"1" || question.value(u"usecase") == u"true";
    QStringList accepted;
    for (const Choice &c : xmlChoices(question)) {
        if (c.percent >= FullMarks && !c.text.isEmpty())
            accepted << c.text;
        if (!c.feedback.isEmpty())
            draft->feedback.append({c.text, c.feedback});
    }
    if (accepted.isEmpty())
        return BankInterchange::tr("a short-answer question needs an answer worth full marks");
    addShortAnswers(&q, accepted);
    return {};
}

QString xmlNumerical(const XmlElement &question, Draft *draft)
{
    Question &q = draft->question;
    q.type = Question::Type::Numerical;
    bool found = false;
    for (const XmlElement *answer : question.all(u"answer")) {
        const QString text = moodleText(answer);
        const QString feedback = moodleText(answer->child(u"feedback"));
        if (!feedback.isEmpty())
            draft->feedback.append({text == u"*" ? QString() : text, feedback});
        if (found || text == u"*" || answer->attribute(u"fraction").toDouble() < FullMarks)
            continue;
        bool ok = false, tolerable = true;
        q.value = text.toDouble(&ok);
        if (!answer->value(u"tolerance").isEmpty())
            q.tolerance = std::abs(answer->value(u"tolerance").toDouble(&tolerable));
        if (!ok || !tolerable)
            return BankInterchange::tr("\"%1\" is not a number").arg(ok ? answer->value(u"tolerance") : text);
        found = true;
    }
    return found ? QString() : BankInterchange::tr("a numerical question needs an answer worth full marks");
}

QString xmlMatching(const XmlElement &question, Draft *draft)
{
    Question &q = draft->question;
    q.type = Question::Type::Matching;
    for (const XmlElement *sub : question.all(u"subquestion")) {
        const QString left = moodleText(sub);
        const XmlElement *answer = sub->child(u"answer");
        const QString right = answer ? moodleText(answer) : QString();
        if (!left.isEmpty()) // a right side alone is a distractor, which our matching questions do not have
            q.pairs.append({both(left), both(right)});
    }
    return q.pairs.size() < 2 ? BankInterchange::tr("a matching question needs at least two pairs")
                              : QString();
}

QString xmlOrdering(const XmlElement &question, Draft *draft)
{
    Question &q = draft->question;
    q.type = Question::Type::Ordering;
    QList<const XmlElement *> answers = question.all(u"answer");
    std::stable_sort(answers.begin(), answers.end(), [](const XmlElement *a, const XmlElement *b) {
        return a->attribute(u"fraction").toDouble() < b->attribute(u"fraction").toDouble();
    });
    for (const XmlElement *answer : std::as_const(answers))
        q.items.append(both(moodleText(answer)));
    return q.items.size() < 2 ? BankInterchange::tr("an ordering question needs at least two items")
                              : QString();
}

QString xmlQuestion(const XmlElement &question, const QString &type, Draft *draft)
{
    if (type == u"multichoice") {
        const QString single = question.value(u"single");
        return toChoice(draft, xmlChoices(question), single.isEmpty() || single == u"true" || single == u"1");
    }
    if (type == u"truefalse")
        return xmlTrueFalse(question, draft);
    if (type == u"shortanswer")
        return xmlShortAnswer(question, draft);
    if (type == u"numerical")
        return xmlNumerical(question, draft);
    if (type == u"matching")
        return xmlMatching(question, draft);
    if (type == u"ordering")
        return xmlOrdering(question, draft);
    if (type == u"essay")
        return BankInterchange::tr("essay questions are graded by hand: skipped");
    if (type == u"description")
        return BankInterchange::tr("a description holds no question: skipped");
    return BankInterchange::tr("the Moodle question type \"%1\" is not supported: skipped").arg(type);
}

void readXmlQuestion(BankBuilder &builder, const XmlElement &question, int line)
{
    const QString type = question.attribute(u"type");
    if (type == u"category") {
        const XmlElement *category = question.child(u"category");
        builder.setCategory(category ? moodleText(category) : QString(), question.value(u"idnumber"));
        return;
    }
    const int position = builder.nextPosition();
    Draft draft;
    draft.name = moodleText(question.child(u"name"));
    draft.idNumber = question.value(u"idnumber");
    draft.stem = moodleText(question.child(u"questiontext"));
    draft.generalFeedback = moodleText(question.child(u"generalfeedback"));
    if (const XmlElement *tags = question.child(u"tags")) {
        for (const XmlElement *tag : tags->all(u"tag"))
            draft.tags << moodleText(tag);
    }
    QString error = xmlQuestion(question, type, &draft);
    if (error.isEmpty() && draft.stem.isEmpty())
        error = BankInterchange::tr("the question has no text");
    if (error.isEmpty())
        builder.add(draft, position, line);
    else
        builder.report(line, error);
}

// ---------------------------------------------------------------------------------------------
// banks/ID.yaml

void put(YAML::Emitter &out, const QString &text)
{
    out << text.toStdString();
}

// Several lines as a literal block (|) when it reads back the same: one final line break (the
// block's own, so it is not written), no leading blank or indented first line.
void putText(YAML::Emitter &out, const QString &text)
{
    static const QRegularExpression unprintable(QStringLiteral("[\\x00-\\x08\\x0b-\\x1f\\x7f]"));
    const bool literal = text.contains(u'\n') && text.endsWith(u'\n') && !text.endsWith(u"\n\n") &&
                         !text.startsWith(u' ') && !text.startsWith(u'\t') && !text.startsWith(u'\n') &&
                         !text.contains(unprintable);
    if (literal)
        out << YAML::Literal << text.chopped(1).toStdString();
    else
        put(out, text);
}

void putLocalized(YAML::Emitter &out, const char *key, const LocalizedText &text)
{
    out << YAML::Key << key << YAML::Value << YAML::BeginMap;
    for (const QString &language : CoursePackLoader::Languages) {
        out << YAML::Key << language.toStdString() << YAML::Value;
        putText(out, text.value(language));
    }
    out << YAML::EndMap;
}

// Options, items and pair sides: a plain value when both languages say the same.
void putValue(YAML::Emitter &out, const LocalizedText &text)
{
    const QString first = text.value(CoursePackLoader::Languages.first());
    const bool same = std::all_of(CoursePackLoader::Languages.cbegin(), CoursePackLoader::Languages.cend(),
                                  [&](const QString &l) { return text.value(l) == first; });
    if (same) {
        putText(out, first);
        return;
    }
    out << YAML::BeginMap;
    for (const QString &language : CoursePackLoader::Languages) {
        out << YAML::Key << language.toStdString() << YAML::Value;
        putText(out, text.value(language));
    }
    out << YAML::EndMap;
}

void putList(YAML::Emitter &out, const char *key, const QStringList &values)
{
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const QString &v : values)
        put(out, v);
    out << YAML::EndSeq;
}

// A lab check's fields as the loader read them: text, lists and maps.
void putVariant(YAML::Emitter &out, const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantList) {
        out << YAML::BeginSeq;
        for (const QVariant &v : value.toList())
            putVariant(out, v);
        out << YAML::EndSeq;
    } else if (value.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = value.toMap();
        out << YAML::BeginMap;
        if (map.contains(QStringLiteral("kind")))
            out << YAML::Key << "kind" << YAML::Value
                << map.value(QStringLiteral("kind")).toString().toStdString();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (it.key() == u"kind")
                continue;
            out << YAML::Key << it.key().toStdString() << YAML::Value;
            putVariant(out, it.value());
        }
        out << YAML::EndMap;
    } else {
        putText(out, value.toString());
    }
}

void putSqlTask(YAML::Emitter &out, const Question &q)
{
    const Lab &lab = q.task;
    out << YAML::Key << "setup" << YAML::Value;
    putText(out, lab.setup);
    if (!lab.variantSetup.isEmpty()) {
        out << YAML::Key << "variant_setup" << YAML::Value;
        putText(out, lab.variantSetup);
    }
    if (!lab.roles.isEmpty())
        putList(out, "roles", lab.roles);
    const LabStep step = lab.steps.value(0);
    out << YAML::Key << "checks" << YAML::Value << YAML::BeginSeq;
    for (const LabCheck &check : step.checks) {
        QVariantMap fields = check.fields;
        fields.insert(QStringLiteral("kind"), check.kind);
        putVariant(out, fields);
    }
    out << YAML::EndSeq;
    out << YAML::Key << "solution" << YAML::Value;
    putText(out, step.solution);
    if (!step.decoys.isEmpty()) {
        out << YAML::Key << "decoys" << YAML::Value << YAML::BeginSeq;
        for (const LabDecoy &d : step.decoys) {
            out << YAML::BeginMap << YAML::Key << "sql" << YAML::Value;
            putText(out, d.sql);
            if (!d.note.isEmpty()) {
                out << YAML::Key << "note" << YAML::Value;
                putText(out, d.note);
            }
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
}

void putTypeFields(YAML::Emitter &out, const Question &q)
{
    switch (q.type) {
    case Question::Type::Single:
    case Question::Type::Multiple:
        if (q.type == Question::Type::Multiple && q.partialCredit)
            out << YAML::Key << "scoring" << YAML::Value << "partial";
        out << YAML::Key << "options" << YAML::Value << YAML::BeginSeq;
        for (const QuestionOption &o : q.options) {
            out << YAML::BeginMap << YAML::Key << "text" << YAML::Value;
            putValue(out, o.text);
            if (o.correct)
                out << YAML::Key << "correct" << YAML::Value << true;
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        break;
    case Question::Type::TrueFalse:
        out << YAML::Key << "answer" << YAML::Value << q.truth;
        break;
    case Question::Type::FillIn:
        if (!q.accepted.isEmpty())
            putList(out, "accepted", q.accepted);
        if (!q.regex.isEmpty()) {
            out << YAML::Key << "regex" << YAML::Value;
            put(out, q.regex);
        }
        if (q.caseSensitive)
            out << YAML::Key << "case_sensitive" << YAML::Value << true;
        if (q.whitespace != Question::Whitespace::Collapse)
            out << YAML::Key << "whitespace" << YAML::Value
                << (q.whitespace == Question::Whitespace::Exact ? "exact" : "ignore");
        break;
    case Question::Type::Numerical:
        out << YAML::Key << "value" << YAML::Value;
        put(out, numberText(q.value));
        if (q.tolerance != 0) {
            out << YAML::Key << "tolerance" << YAML::Value;
            put(out, numberText(q.tolerance));
        }
        break;
    case Question::Type::Ordering:
        out << YAML::Key << "items" << YAML::Value << YAML::BeginSeq;
        for (const LocalizedText &item : q.items)
            putValue(out, item);
        out << YAML::EndSeq;
        break;
    case Question::Type::Matching:
        out << YAML::Key << "pairs" << YAML::Value << YAML::BeginSeq;
        for (const QuestionPair &p : q.pairs) {
            out << YAML::BeginMap << YAML::Key << "left" << YAML::Value;
            putValue(out, p.left);
            out << YAML::Key << "right" << YAML::Value;
            putValue(out, p.right);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        break;
    case Question::Type::Sql:
        putSqlTask(out, q);
        break;
    }
}

void putQuestion(YAML::Emitter &out, const Question &q)
{
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value;
    put(out, q.id);
    out << YAML::Key << "type" << YAML::Value;
    put(out, Question::typeName(q.type));
    out << YAML::Key << "domain" << YAML::Value;
    put(out, q.domain);
    if (!q.topics.isEmpty())
        putList(out, "topics", q.topics);
    out << YAML::Key << "difficulty" << YAML::Value << q.difficulty;
    putLocalized(out, "stem", q.stem);
    putTypeFields(out, q);
    putLocalized(out, "explanation", q.explanation);
    out << YAML::Key << "reference" << YAML::Value;
    put(out, q.reference);
    out << YAML::EndMap;
}

// Everything the loader reads for the question's type, which is everything a bank file says
// (not where it said it).
bool sameTask(const Lab &x, const Lab &y)
{
    const LabStep s = x.steps.value(0), t = y.steps.value(0);
    const bool sameChecks = std::equal(
        s.checks.cbegin(), s.checks.cend(), t.checks.cbegin(), t.checks.cend(),
        [](const LabCheck &c, const LabCheck &d) { return c.kind == d.kind && c.fields == d.fields; });
    const bool sameDecoys =
        std::equal(s.decoys.cbegin(), s.decoys.cend(), t.decoys.cbegin(), t.decoys.cend(),
                   [](const LabDecoy &c, const LabDecoy &d) { return c.sql == d.sql && c.note == d.note; });
    return x.setup == y.setup && x.variantSetup == y.variantSetup && x.roles == y.roles && sameChecks &&
           s.solution == t.solution && sameDecoys;
}

bool sameQuestion(const Question &a, const Question &b)
{
    if (a.id != b.id || a.type != b.type || a.domain != b.domain || a.topics != b.topics ||
        a.difficulty != b.difficulty || a.stem != b.stem || a.explanation != b.explanation ||
        a.reference != b.reference)
        return false;
    switch (a.type) {
    case Question::Type::Single:
    case Question::Type::Multiple:
        return std::equal(a.options.cbegin(), a.options.cend(), b.options.cbegin(), b.options.cend(),
                          [](const QuestionOption &o, const QuestionOption &p) {
                              return o.text == p.text && o.correct == p.correct;
                          }) &&
               (a.type == Question::Type::Single || a.partialCredit == b.partialCredit);
    case Question::Type::TrueFalse:
        return a.truth == b.truth;
    case Question::Type::FillIn:
        return a.accepted == b.accepted && a.regex == b.regex && a.caseSensitive == b.caseSensitive &&
               a.whitespace == b.whitespace;
    case Question::Type::Numerical:
        return a.value == b.value && a.tolerance == b.tolerance;
    case Question::Type::Ordering:
        return a.items == b.items;
    case Question::Type::Matching:
        return std::equal(a.pairs.cbegin(), a.pairs.cend(), b.pairs.cbegin(), b.pairs.cend(),
                          [](const QuestionPair &o, const QuestionPair &p) {
                              return o.left == p.left && o.right == p.right;
                          });
    case Question::Type::Sql:
        return sameTask(a.task, b.task);
    }
    return false;
}

bool sameBank(const QuestionBank &a, const QuestionBank &b)
{
    return a.id == b.id && a.title == b.title &&
           std::equal(a.domains.cbegin(), a.domains.cend(), b.domains.cbegin(), b.domains.cend(),
                      [](const QuestionDomain &x, const QuestionDomain &y) {
                          return x.id == y.id && x.title == y.title;
                      }) &&
           std::equal(a.questions.cbegin(), a.questions.cend(), b.questions.cbegin(), b.questions.cend(),
                      sameQuestion);
}

// ---------------------------------------------------------------------------------------------
// pack.yaml

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// The bank read back by the loader from a pack of its own: the first problem, or an empty text
// when it comes back exactly as given.
QString checkReadsBack(const QuestionBank &bank, const QByteArray &yaml)
{
    QTemporaryDir dir;
    const QByteArray pack = "id: bank-check\nversion: 0.0.0\ntitle: {zh_CN: x, en: x}\nbanks: [" +
                            bank.id.toUtf8() + "]\ntracks:\n  - id: t\n    title: {zh_CN: x, en: x}\n";
    if (!dir.isValid() || !QDir(dir.path()).mkdir(QStringLiteral("banks")) ||
        !writeFile(dir.filePath(QStringLiteral("pack.yaml")), pack) ||
        !writeFile(dir.filePath(bank.file), yaml))
        return BankInterchange::tr("cannot write a temporary copy to check the bank");
    QList<PackProblem> problems;
    const std::optional<CoursePack> loaded = CoursePackLoader::load(dir.path(), &problems);
    if (!problems.isEmpty())
        return problems.first().toText();
    if (!loaded || loaded->banks.size() != 1 || !sameBank(loaded->banks.first(), bank))
        return BankInterchange::tr("the bank would not read back as given");
    return {};
}

// The question ids of the pack's other banks, which the bank's may not repeat.
QSet<QString> questionIdsOf(const QDir &pack, const QStringList &banks)
{
    QSet<QString> ids;
    for (const QString &bank : banks) {
        try {
            const YAML::Node root = YAML::LoadFile(
                QFile::encodeName(pack.filePath(QStringLiteral("banks/%1.yaml").arg(bank))).toStdString());
            for (const YAML::Node &q : root["questions"]) {
                if (q["id"] && q["id"].IsScalar())
                    ids.insert(QString::fromStdString(q["id"].as<std::string>()));
            }
        } catch (const YAML::Exception &) { // a bank the loader will report itself
        }
    }
    return ids;
}

// The top-level key's line and the indented lines that belong to it.
qsizetype blockEnd(const QStringList &lines, qsizetype start)
{
    qsizetype end = start;
    for (qsizetype i = start + 1; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        if (!lines.at(i).front().isSpace())
            break;
        end = i;
    }
    return end;
}

// pack.yaml's text with the id added to "banks", changed as little as can be: a flow list grows,
// a block list gets an item, and a pack without banks gets a line after min_server_version or
// title. Empty when "banks" is written in a way this does not extend.
QString withBankListed(const QString &packYaml, const QString &id)
{
    const bool crlf = packYaml.contains(QStringLiteral("\r\n"));
    QStringList lines = QString(packYaml).remove(u'\r').split(u'\n');
    static const QRegularExpression banksKey(QStringLiteral("^banks\\s*:(.*)$"));
    static const QRegularExpression flowList(QStringLiteral("^\\s*\\[([^\\]#]*)\\]\\s*(#.*)?$"));
    static const QRegularExpression nothing(QStringLiteral("^\\s*(#.*)?$"));
    static const QRegularExpression item(QStringLiteral("^(\\s*)-\\s"));
    const auto joined = [&] { return lines.join(crlf ? QStringLiteral("\r\n") : QStringLiteral("\n")); };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch key = banksKey.match(lines.at(i));
        if (!key.hasMatch())
            continue;
        const QString rest = key.captured(1);
        if (const QRegularExpressionMatch flow = flowList.match(rest); flow.hasMatch()) {
            const QString listed = flow.captured(1).trimmed();
            const qsizetype from = key.capturedStart(1) + flow.capturedStart(1);
            lines[i].replace(from, flow.capturedLength(1),
                             listed.isEmpty() ? id : listed + QStringLiteral(", ") + id);
            return joined();
        }
        if (!nothing.match(rest).hasMatch())
            return {};
        qsizetype last = i;
        QString indent = QStringLiteral("  ");
        for (qsizetype j = i + 1; j < lines.size(); ++j) {
            if (const QRegularExpressionMatch m = item.match(lines.at(j)); m.hasMatch()) {
                last = j;
                indent = m.captured(1);
            } else if (!lines.at(j).trimmed().isEmpty() && !lines.at(j).trimmed().startsWith(u'#')) {
                break;
            }
        }
        if (last == i)
            lines[i] = QStringLiteral("banks: [%1]").arg(id) + rest;
        else
            lines.insert(last + 1, indent + QStringLiteral("- ") + id);
        return joined();
    }
    for (const QString &anchor : {QStringLiteral("min_server_version"), QStringLiteral("title"),
                                  QStringLiteral("version"), QStringLiteral("id")}) {
        const QRegularExpression keyLine(QStringLiteral("^%1\\s*:").arg(anchor));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (keyLine.match(lines.at(i)).hasMatch()) {
                lines.insert(blockEnd(lines, i) + 1, QStringLiteral("banks: [%1]").arg(id));
                return joined();
            }
        }
    }
    return {};
}

QStringList bankList(const YAML::Node &root)
{
    QStringList banks;
    for (const YAML::Node &b : root["banks"])
        banks << QString::fromStdString(b.as<std::string>());
    return banks;
}

// The edited pack.yaml says what the old one did, plus the bank.
bool listsOnlyTheNewBank(const YAML::Node &before, const YAML::Node &after, const QString &id)
{
    if (bankList(after) != bankList(before) + QStringList{id})
        return false;
    const auto rest = [](YAML::Node node) {
        YAML::Node copy = YAML::Clone(node);
        copy.remove("banks");
        return YAML::Dump(copy);
    };
    return rest(before) == rest(after);
}

// Why the pack cannot take the bank: an id that is none, a bank it has, a question id it uses.
QString refusal(const QuestionBank &bank, const QDir &pack, const YAML::Node &packYaml)
{
    if (!IdPattern.match(bank.id).hasMatch())
        return BankInterchange::tr("the bank id \"%1\" may hold only a-z, 0-9 and '-'").arg(bank.id);
    const QStringList banks = packYaml.IsMap() ? bankList(packYaml) : QStringList();
    if (banks.contains(bank.id) || pack.exists(QStringLiteral("banks/%1.yaml").arg(bank.id)))
        return BankInterchange::tr("the pack already has a bank \"%1\"").arg(bank.id);
    const QSet<QString> taken = questionIdsOf(pack, banks);
    for (const Question &q : bank.questions) {
        if (taken.contains(q.id))
            return BankInterchange::tr("the question id \"%1\" is already used in the pack's other banks")
                .arg(q.id);
    }
    return {};
}

// The bank file and pack.yaml, both or neither: each is written aside and put in place only
// when both are ready; a pack.yaml that cannot be put in place takes the bank file back.
bool writeBoth(const QDir &pack, const QString &bankRelative, const QByteArray &bankYaml,
               const QByteArray &packYaml, QString *error)
{
    const bool madeBanksDirectory = !pack.exists(QStringLiteral("banks"));
    if (madeBanksDirectory && !pack.mkdir(QStringLiteral("banks"))) {
        *error = BankInterchange::tr("cannot create %1").arg(pack.filePath(QStringLiteral("banks")));
        return false;
    }
    QSaveFile bankFile(pack.filePath(bankRelative));
    QSaveFile packFile(pack.filePath(QStringLiteral("pack.yaml")));
    const auto write = [](QSaveFile &file, const QByteArray &content) {
        return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
    };
    const auto undo = [&](const QSaveFile &failed) {
        *error = BankInterchange::tr("cannot write %1: %2").arg(failed.fileName(), failed.errorString());
        if (madeBanksDirectory)
            QDir(pack.filePath(QStringLiteral("banks"))).removeRecursively();
        return false;
    };
    if (!write(bankFile, bankYaml))
        return undo(bankFile);
    if (!write(packFile, packYaml))
        return undo(packFile);
    if (!bankFile.commit())
        return undo(bankFile);
    if (!packFile.commit()) {
        QFile::remove(bankFile.fileName());
        return undo(packFile);
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Moodle XML out

QString fractionText(double percent)
{
    QString text = QString::number(percent, 'f', 5);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text == u"-0" ? QStringLiteral("0") : text;
}

// Moodle keeps 50 characters of a tag: a longer reference goes as "pgdocs:17/PAGE#ANCHOR", or
// without its anchor when that is still too long. The import reads both forms.
QString referenceTag(const QString &reference)
{
    constexpr qsizetype MoodleTagLength = 50;
    const qsizetype docs = reference.indexOf(QStringLiteral("/docs/"));
    if (reference.size() <= MoodleTagLength || docs < 0)
        return reference;
    const QString tag = QStringLiteral("pgdocs:") + reference.mid(docs + 6);
    return tag.size() <= MoodleTagLength || !tag.contains(u'#') ? tag : tag.left(tag.indexOf(u'#'));
}

class MoodleXmlWriter
{
public:
    MoodleXmlWriter(QXmlStreamWriter &xml, const QString &language)
        : m_xml(xml)
        , m_language(language)
    {}

    void category(const QuestionDomain &domain)
    {
        m_xml.writeStartElement(QStringLiteral("question"));
        m_xml.writeAttribute(QStringLiteral("type"), QStringLiteral("category"));
        m_xml.writeStartElement(QStringLiteral("category"));
        text(QStringLiteral("$course$/top/") + textOf(domain.title).replace(u'/', QStringLiteral("//")));
        m_xml.writeEndElement();
        field(QStringLiteral("info"), QString());
        m_xml.writeTextElement(QStringLiteral("idnumber"), domain.id);
        m_xml.writeEndElement();
    }

    void question(const Question &q)
    {
        m_xml.writeStartElement(QStringLiteral("question"));
        m_xml.writeAttribute(QStringLiteral("type"), moodleType(q));
        m_xml.writeStartElement(QStringLiteral("name"));
        text(q.id);
        m_xml.writeEndElement();
        field(QStringLiteral("questiontext"), stemOf(q));
        field(QStringLiteral("generalfeedback"), textOf(q.explanation));
        m_xml.writeTextElement(QStringLiteral("defaultgrade"), QStringLiteral("1"));
        m_xml.writeTextElement(QStringLiteral("penalty"), QStringLiteral("0.3333333"));
        m_xml.writeTextElement(QStringLiteral("hidden"), QStringLiteral("0"));
        m_xml.writeTextElement(QStringLiteral("idnumber"), q.id);
        typeFields(q);
        tags(q);
        m_xml.writeEndElement();
    }

private:
    static bool asEssay(const Question &q)
    {
        return q.type == Question::Type::Sql || (q.type == Question::Type::FillIn && q.accepted.isEmpty());
    }

    static QString moodleType(const Question &q)
    {
        if (asEssay(q))
            return QStringLiteral("essay");
        switch (q.type) {
        case Question::Type::Single:
        case Question::Type::Multiple:
            return QStringLiteral("multichoice");
        case Question::Type::TrueFalse:
            return QStringLiteral("truefalse");
        case Question::Type::FillIn:
            return QStringLiteral("shortanswer");
        case Question::Type::Numerical:
            return QStringLiteral("numerical");
        case Question::Type::Ordering:
            return QStringLiteral("ordering");
        case Question::Type::Matching:
            return QStringLiteral("matching");
        case Question::Type::Sql:
            break;
        }
        return QStringLiteral("essay");
    }

    QString textOf(const LocalizedText &t) const
    {
        const QString text = t.value(m_language);
        return text.isEmpty() ? t.value(m_language == u"en" ? QStringLiteral("zh_CN") : QStringLiteral("en"))
                              : text;
    }

    // An sql question's candidate needs the dataset, which the stem leaves to the sandbox.
    QString stemOf(const Question &q) const
    {
        if (q.type != Question::Type::Sql)
            return textOf(q.stem);
        return textOf(q.stem).trimmed() + QStringLiteral("\n\n") +
               phrase(m_language, QStringLiteral("The dataset:"), QStringLiteral("数据集：")) +
               QStringLiteral("\n\n```sql\n") + q.task.setup.trimmed() + QStringLiteral("\n```\n");
    }

    void text(const QString &content)
    {
        m_xml.writeStartElement(QStringLiteral("text"));
        if (content.contains(u'<') || content.contains(u'&') || content.contains(u'\n'))
            m_xml.writeCDATA(content);
        else
            m_xml.writeCharacters(content);
        m_xml.writeEndElement();
    }

    void field(const QString &name, const QString &content,
               const QString &format = QStringLiteral("markdown"))
    {
        m_xml.writeStartElement(name);
        m_xml.writeAttribute(QStringLiteral("format"), format);
        text(content);
        m_xml.writeEndElement();
    }

    void answer(const QString &fraction, const QString &content,
                const QString &format = QStringLiteral("markdown"))
    {
        m_xml.writeStartElement(QStringLiteral("answer"));
        m_xml.writeAttribute(QStringLiteral("fraction"), fraction);
        m_xml.writeAttribute(QStringLiteral("format"), format);
        text(content);
        field(QStringLiteral("feedback"), QString());
    }

    void choices(const Question &q)
    {
        const bool single = q.type == Question::Type::Single;
        const auto correct = std::count_if(q.options.cbegin(), q.options.cend(),
                                           [](const QuestionOption &o) { return o.correct; });
        const double share = 100.0 / double(std::max<qsizetype>(correct, 1));
        m_xml.writeTextElement(QStringLiteral("single"),
                               single ? QStringLiteral("true") : QStringLiteral("false"));
        m_xml.writeTextElement(QStringLiteral("shuffleanswers"), QStringLiteral("true"));
        m_xml.writeTextElement(QStringLiteral("answernumbering"), QStringLiteral("abc"));
        for (const QuestionOption &o : q.options) {
            // Partial: each wrong choice takes away what a right one gives; all-or-nothing: everything.
            const double wrong = single ? 0 : q.partialCredit ? -share : -100;
            answer(fractionText(o.correct ? (single ? 100 : share) : wrong), textOf(o.text));
            m_xml.writeEndElement();
        }
    }

    void essay(const Question &q)
    {
        m_xml.writeTextElement(QStringLiteral("responseformat"), QStringLiteral("monospaced"));
        m_xml.writeTextElement(QStringLiteral("responserequired"), QStringLiteral("1"));
        m_xml.writeTextElement(QStringLiteral("responsefieldlines"), QStringLiteral("10"));
        m_xml.writeTextElement(QStringLiteral("attachments"), QStringLiteral("0"));
        m_xml.writeTextElement(QStringLiteral("attachmentsrequired"), QStringLiteral("0"));
        const QString info =
            q.type == Question::Type::Sql
                ? QStringLiteral("```sql\n") + q.task.steps.value(0).solution.trimmed() +
                      QStringLiteral("\n```")
                : phrase(m_language,
                         QStringLiteral("Right when the whole answer matches the regular expression `%1`"),
                         QStringLiteral("整个答案匹配正则表达式 `%1` 即为正确"))
                      .arg(q.regex);
        field(QStringLiteral("graderinfo"), info);
        field(QStringLiteral("responsetemplate"), QString());
    }

    void typeFields(const Question &q)
    {
        if (asEssay(q)) {
            essay(q);
            return;
        }
        switch (q.type) {
        case Question::Type::Single:
        case Question::Type::Multiple:
            choices(q);
            break;
        case Question::Type::TrueFalse:
            answer(q.truth ? QStringLiteral("100") : QStringLiteral("0"), QStringLiteral("true"),
                   QStringLiteral("moodle_auto_format"));
            m_xml.writeEndElement();
            answer(q.truth ? QStringLiteral("0") : QStringLiteral("100"), QStringLiteral("false"),
                   QStringLiteral("moodle_auto_format"));
            m_xml.writeEndElement();
            break;
        case Question::Type::FillIn:
            m_xml.writeTextElement(QStringLiteral("usecase"),
                                   q.caseSensitive ? QStringLiteral("1") : QStringLiteral("0"));
            for (const QString &accepted : q.accepted) {
                // A star is a wildcard in Moodle's short answers.
                answer(QStringLiteral("100"), QString(accepted).replace(u'*', QStringLiteral("\\*")),
                       QStringLiteral("moodle_auto_format"));
                m_xml.writeEndElement();
            }
            break;
        case Question::Type::Numerical:
            answer(QStringLiteral("100"), numberText(q.value), QStringLiteral("moodle_auto_format"));
            m_xml.writeTextElement(QStringLiteral("tolerance"), numberText(q.tolerance));
            m_xml.writeEndElement();
            break;
        case Question::Type::Ordering:
            m_xml.writeTextElement(QStringLiteral("layouttype"), QStringLiteral("VERTICAL"));
            m_xml.writeTextElement(QStringLiteral("selecttype"), QStringLiteral("ALL"));
            m_xml.writeTextElement(QStringLiteral("selectcount"), QStringLiteral("0"));
            m_xml.writeTextElement(QStringLiteral("gradingtype"), QStringLiteral("ALL_OR_NOTHING"));
            for (qsizetype i = 0; i < q.items.size(); ++i) {
                answer(QString::number(i + 1), textOf(q.items.at(i)));
                m_xml.writeEndElement();
            }
            break;
        case Question::Type::Matching:
            m_xml.writeTextElement(QStringLiteral("shuffleanswers"), QStringLiteral("true"));
            for (const QuestionPair &p : q.pairs) {
                m_xml.writeStartElement(QStringLiteral("subquestion"));
                m_xml.writeAttribute(QStringLiteral("format"), QStringLiteral("markdown"));
                text(textOf(p.left));
                m_xml.writeStartElement(QStringLiteral("answer"));
                text(textOf(p.right));
                m_xml.writeEndElement();
                m_xml.writeEndElement();
            }
            break;
        case Question::Type::Sql:
            break;
        }
    }

    // Topics, the reference and a difficulty other than the usual 2 travel as tags.
    void tags(const Question &q)
    {
        QStringList tags = q.topics;
        if (!q.reference.isEmpty())
            tags << referenceTag(q.reference);
        if (q.difficulty != 2)
            tags << QStringLiteral("difficulty:%1").arg(q.difficulty);
        if (tags.isEmpty())
            return;
        m_xml.writeStartElement(QStringLiteral("tags"));
        for (const QString &tag : std::as_const(tags)) {
            m_xml.writeStartElement(QStringLiteral("tag"));
            text(tag);
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    QXmlStreamWriter &m_xml;
    QString m_language;
};
} // namespace

std::optional<QuestionBank> BankInterchange::importGift(const QString &path, const QString &language,
                                                        QList<PackProblem> *problems)
{
    const std::optional<QByteArray> content = readSource(path, language, problems);
    if (!content)
        return std::nullopt;
    BankBuilder builder(path, problems);
    for (const GiftBlock &block : giftBlocks(utf8Text(*content)))
        readGiftBlock(builder, block);
    return builder.finish();
}

std::optional<QuestionBank> BankInterchange::importAiken(const QString &path, const QString &language,
                                                         QList<PackProblem> *problems)
{
    const std::optional<QByteArray> content = readSource(path, language, problems);
    if (!content)
        return std::nullopt;
    static const QRegularExpression option(QStringLiteral("^([A-Z])[.)]\\s+(.*)$"));
    static const QRegularExpression answer(QStringLiteral("^ANSWER\\s*:\\s*([A-Z]?)\\s*$"),
                                           QRegularExpression::CaseInsensitiveOption);
    BankBuilder builder(path, problems);
    int line = 0;
    QStringList stem;
    QList<std::pair<QString, QString>> options; // letter, text
    const auto missingAnswer = [&] {
        builder.nextPosition();
        builder.report(line, tr("no \"ANSWER:\" line after the options"));
        stem.clear();
        options.clear();
    };
    const QStringList lines = utf8Text(*content).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString text = lines.at(i).trimmed();
        if (text.isEmpty())
            continue;
        if (const QRegularExpressionMatch m = answer.match(text); m.hasMatch()) {
            if (stem.isEmpty()) {
                builder.report(int(i) + 1, tr("\"ANSWER:\" without a question before it"));
                continue;
            }
            const int position = builder.nextPosition();
            Draft draft;
            if (const QString error = aikenQuestion(stem, options, m.captured(1).toUpper(), &draft);
                error.isEmpty())
                builder.add(draft, position, line);
            else
                builder.report(line, error);
            stem.clear();
            options.clear();
        } else if (const QRegularExpressionMatch o = option.match(text); o.hasMatch() && !stem.isEmpty()) {
            options.append({o.captured(1), o.captured(2).trimmed()});
        } else {
            if (!options.isEmpty())
                missingAnswer();
            if (stem.isEmpty())
                line = int(i) + 1;
            stem << text;
        }
    }
    if (!stem.isEmpty())
        missingAnswer();
    return builder.finish();
}

std::optional<QuestionBank> BankInterchange::importMoodleXml(const QString &path, const QString &language,
                                                             QList<PackProblem> *problems)
{
    const std::optional<QByteArray> content = readSource(path, language, problems);
    if (!content)
        return std::nullopt;
    BankBuilder builder(path, problems);
    QXmlStreamReader xml(*content);
    if (!xml.readNextStartElement() || xml.name() != u"quiz") {
        if (!xml.hasError())
            problems->append(
                {path, int(xml.lineNumber()), tr("not Moodle XML: the document is not a <quiz>")});
    } else {
        while (xml.readNextStartElement()) {
            if (xml.name() != u"question") {
                xml.skipCurrentElement();
                continue;
            }
            const int line = int(xml.lineNumber());
            const XmlElement question = readElement(xml);
            if (xml.hasError())
                break;
            readXmlQuestion(builder, question, line);
        }
    }
    if (xml.hasError())
        problems->append({path, int(xml.lineNumber()), tr("not well-formed XML: %1").arg(xml.errorString())});
    return builder.finish();
}

QByteArray BankInterchange::bankYaml(const QuestionBank &bank)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value;
    put(out, bank.id);
    out << YAML::Key << "title" << YAML::Value << YAML::Flow << YAML::BeginMap;
    for (const QString &language : CoursePackLoader::Languages) {
        out << YAML::Key << language.toStdString() << YAML::Value;
        put(out, bank.title.value(language));
    }
    out << YAML::EndMap;
    out << YAML::Key << "domains" << YAML::Value << YAML::BeginSeq;
    for (const QuestionDomain &d : bank.domains) {
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
        put(out, d.id);
        out << YAML::Key << "title" << YAML::Value << YAML::Flow << YAML::BeginMap;
        for (const QString &language : CoursePackLoader::Languages) {
            out << YAML::Key << language.toStdString() << YAML::Value;
            put(out, d.title.value(language));
        }
        out << YAML::EndMap << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "questions" << YAML::Value << YAML::BeginSeq;
    for (const Question &q : bank.questions)
        putQuestion(out, q);
    out << YAML::EndSeq << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

bool BankInterchange::writeBank(const QuestionBank &bank, const QString &packDirectory, QString *error)
{
    const QDir pack(packDirectory);
    const QString packFile = pack.filePath(QStringLiteral("pack.yaml"));
    QFile original(packFile);
    if (!original.open(QIODevice::ReadOnly)) {
        *error = tr("%1 cannot be read: %2").arg(packFile, original.errorString());
        return false;
    }
    const QString packText = QString::fromUtf8(original.readAll());
    YAML::Node before;
    try {
        before = YAML::Load(packText.toStdString());
    } catch (const YAML::Exception &e) {
        *error = tr("%1 is not valid YAML: %2").arg(packFile, QString::fromStdString(e.msg));
        return false;
    }
    if (const QString refused = refusal(bank, pack, before); !refused.isEmpty()) {
        *error = refused;
        return false;
    }
    QuestionBank expected = bank;
    expected.file = QStringLiteral("banks/%1.yaml").arg(bank.id);
    const QByteArray yaml = bankYaml(expected);
    if (const QString problem = checkReadsBack(expected, yaml); !problem.isEmpty()) {
        *error = tr("the bank is not valid: %1").arg(problem);
        return false;
    }
    const QString edited = withBankListed(packText, bank.id);
    bool listed = false;
    try {
        listed = !edited.isEmpty() && listsOnlyTheNewBank(before, YAML::Load(edited.toStdString()), bank.id);
    } catch (const YAML::Exception &) {
    }
    if (!listed) {
        *error = tr("cannot add \"%1\" to the banks list of %2: add it by hand").arg(bank.id, packFile);
        return false;
    }
    return writeBoth(pack, expected.file, yaml, edited.toUtf8(), error);
}

bool BankInterchange::exportMoodleXml(const QuestionBank &bank, const QString &language, const QString &file,
                                      QString *error)
{
    if (!CoursePackLoader::Languages.contains(language)) {
        *error = tr("the language is zh_CN or en, not \"%1\"").arg(language);
        return false;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("quiz"));
    MoodleXmlWriter writer(xml, language);
    QString domain;
    for (const Question &q : bank.questions) {
        if (q.domain != domain) { // a category applies to the questions after it, until the next
            domain = q.domain;
            const auto declared = std::find_if(bank.domains.cbegin(), bank.domains.cend(),
                                               [&](const QuestionDomain &d) { return d.id == domain; });
            writer.category(declared != bank.domains.cend() ? *declared
                                                            : QuestionDomain{domain, both(domain)});
        }
        writer.question(q);
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    if (xml.hasError() || !out.commit()) {
        *error = tr("cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}
