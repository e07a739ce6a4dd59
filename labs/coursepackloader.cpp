#include "coursepackloader.h"

#include "examdraw.h"
#include "labcheck.h"
#include "learnersessions.h"
#include "packschema.h"
#include "packtext.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#include <yaml-cpp/yaml.h>

const QStringList CoursePackLoader::Languages = {QStringLiteral("zh_CN"), QStringLiteral("en")};
const QStringList CoursePackLoader::CheckKinds = {QStringLiteral("result"),        QStringLiteral("state"),
                                                  QStringLiteral("plan"),          QStringLiteral("error"),
                                                  QStringLiteral("multi-session"), QStringLiteral("cluster")};

QString PackProblem::toText() const
{
    return line > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)
                    : QStringLiteral("%1: %2").arg(file, message);
}

namespace {
const QRegularExpression IdPattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));

int lineOf(const YAML::Node &node)
{
    return node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
}

// The file's line a text's first line is on: a block scalar ("|", ">") starts on the line
// after its indicator; 0 when there is no such text.
int firstTextLine(const YAML::Node &node)
{
    if (!node || !node.IsScalar() || node.Mark().line < 0)
        return 0;
    const bool block = node.Tag() == "!" && (node.Scalar().find('\n') != std::string::npos);
    return lineOf(node) + (block ? 1 : 0);
}

// Reads one YAML file of the pack and reports into the pack's problem list.
class PackReader
{
public:
    PackReader(const QString &directory, QList<PackProblem> *problems)
        : m_dir(directory)
        , m_problems(problems)
    {
    }

    // A YAML file of the pack, its bytes checked first (PackText) and its fields against
    // the schema when one is given; nothing when it cannot be used.
    std::optional<YAML::Node> parse(const QString &file, const PackSchema::ObjectSchema *schema = nullptr)
    {
        m_file = file;
        m_named.insert(file);
        const QString path = m_dir.filePath(file);
        if (!QFileInfo::exists(path)) {
            report(0, CoursePackLoader::tr("the file is missing"));
            return std::nullopt;
        }
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            report(0, CoursePackLoader::tr("cannot be read: %1").arg(in.errorString()));
            return std::nullopt;
        }
        m_bytes = in.readAll();
        const QList<PackText::Problem> refused = PackText::encodingProblems(m_bytes) + PackText::yamlProblems(m_bytes);
        for (const PackText::Problem &p : refused)
            report(p.line, p.message);
        if (!refused.isEmpty())
            return std::nullopt; // an alias bomb is never built
        try {
            const YAML::Node root = YAML::Load(m_bytes.toStdString());
            if (schema)
                schemaProblems(PackSchema::problems(root, *schema));
            return root;
        } catch (const YAML::Exception &e) {
            report(e.mark.line + 1, CoursePackLoader::tr("not valid YAML: %1").arg(QString::fromStdString(e.msg)));
        }
        return std::nullopt;
    }

    // A problem once: the schema and the loader may both see a text that is not text.
    void report(int line, const QString &message)
    {
        const bool seen = std::any_of(m_problems->cbegin(), m_problems->cend(), [&](const PackProblem &p) {
            return p.file == m_file && p.line == line && p.message == message;
        });
        if (!seen)
            m_problems->append({m_file, line, message});
    }
    void schemaProblems(const QList<PackSchema::FieldProblem> &found)
    {
        for (const PackSchema::FieldProblem &p : found)
            report(p.line, p.message);
    }

    // The line a scalar's text starts on: a block scalar (| or >) starts on the next.
    int contentLine(const YAML::Node &node) const
    {
        const int pos = node.Mark().pos;
        const bool block = pos >= 0 && pos < m_bytes.size() && (m_bytes.at(pos) == '|' || m_bytes.at(pos) == '>');
        return lineOf(node) + (block ? 1 : 0);
    }

    // The files parse() was asked for: what the manifest names.
    const QSet<QString> &named() const { return m_named; }

    QString text(const YAML::Node &map, const char *key, const YAML::Node &owner, bool required = true)
    {
        const YAML::Node node = map[key];
        if (node && node.IsScalar())
            return QString::fromStdString(node.as<std::string>());
        if (required || (node && !node.IsNull()))
            report(lineOf(node ? node : owner), CoursePackLoader::tr("\"%1\" must be given as text").arg(QLatin1StringView(key)));
        return {};
    }

    QString id(const YAML::Node &map, const char *key, const YAML::Node &owner)
    {
        const QString value = text(map, key, owner);
        if (!value.isEmpty() && !IdPattern.match(value).hasMatch())
            report(lineOf(map[key]), CoursePackLoader::tr("the id \"%1\" may hold only a-z, 0-9 and '-'").arg(value));
        return value;
    }

    LocalizedText localized(const YAML::Node &map, const char *key, const YAML::Node &owner)
    {
        const YAML::Node node = map[key];
        LocalizedText result;
        if (!node || !node.IsMap()) {
            report(lineOf(node ? node : owner),
                   CoursePackLoader::tr("\"%1\" needs a text for each language (zh_CN, en)").arg(QLatin1StringView(key)));
            return result;
        }
        for (const QString &language : CoursePackLoader::Languages) {
            const QString value = text(node, language.toLatin1().constData(), node, false);
            if (value.trimmed().isEmpty())
                report(lineOf(node), CoursePackLoader::tr("\"%1\" has no %2 text").arg(QLatin1StringView(key), language));
            else
                result.insert(language, value);
        }
        return result;
    }

    bool fileExists(const QString &relative) const { return QFileInfo::exists(m_dir.filePath(relative)); }
    QString currentFile() const { return m_file; }
    void setCurrentFile(const QString &file) { m_file = file; }
    // A Markdown file of the pack, with a NUL or a byte that is not UTF-8 reported.
    QString readText(const QString &relative)
    {
        QFile f(m_dir.filePath(relative));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray bytes = f.readAll();
        m_file = relative;
        for (const PackText::Problem &p : PackText::encodingProblems(bytes))
            report(p.line, p.message);
        return QString::fromUtf8(bytes);
    }

private:
    QDir m_dir;
    QList<PackProblem> *m_problems;
    QString m_file;
    QByteArray m_bytes; // of the YAML file parsed last
    QSet<QString> m_named;
};

// A check's fields as Qt values: scalars as text, sequences as lists, maps as maps.
QVariant toVariant(const YAML::Node &node)
{
    if (node.IsScalar())
        return QString::fromStdString(node.as<std::string>());
    if (node.IsSequence()) {
        QVariantList list;
        for (const YAML::Node &item : node)
            list << toVariant(item);
        return list;
    }
    if (node.IsMap()) {
        QVariantMap map;
        for (const auto &entry : node)
            map.insert(QString::fromStdString(entry.first.as<std::string>()), toVariant(entry.second));
        return map;
    }
    return {};
}

// "min_server_version": a server_version_num (170000) or a major version (17); 0 when not given.
int serverVersion(PackReader &reader, const YAML::Node &map)
{
    const YAML::Node node = map["min_server_version"];
    if (!node)
        return 0;
    bool ok = false;
    const int value = node.IsScalar() ? QString::fromStdString(node.as<std::string>()).toInt(&ok) : 0;
    if (!ok || value <= 0 || (value >= 100 && value < 90000)) {
        reader.report(lineOf(node), CoursePackLoader::tr("\"min_server_version\" must be a server_version_num such as "
                                                         "170000, or a major version such as 17"));
        return 0;
    }
    return value < 100 ? value * 10000 : value;
}

// An item's own file (labs/ID.yaml, banks/ID.yaml, exams/ID.yaml): parsed, its id read
// and checked against the id the pack gives it.
std::optional<YAML::Node> readItemFile(PackReader &reader, const QString &file, const QString &expectedId, QString *id,
                                       const char *mismatch, const PackSchema::ObjectSchema &schema)
{
    std::optional<YAML::Node> root = reader.parse(file, &schema);
    if (!root)
        return std::nullopt;
    *id = reader.id(*root, "id", *root);
    if (!id->isEmpty() && *id != expectedId)
        reader.report(lineOf((*root)["id"]), CoursePackLoader::tr(mismatch).arg(*id, expectedId));
    return root;
}

// A multi-session script runs in the lab's sessions (and the grader's own).
void checkScriptSessions(PackReader &reader, const YAML::Node &script, const Lab &lab)
{
    if (!script || !script.IsSequence())
        return;
    if (lab.sessions.isEmpty()) {
        reader.report(lineOf(script), CoursePackLoader::tr("a script runs in the lab's sessions: list them under \"sessions\""));
        return;
    }
    for (const YAML::Node &entry : script) {
        const YAML::Node session = entry.IsMap() ? entry["session"] : YAML::Node();
        const QString name = session && session.IsScalar() ? QString::fromStdString(session.Scalar()) : QString();
        if (!name.isEmpty() && name != u"grader" && !lab.sessions.contains(name))
            reader.report(lineOf(session), CoursePackLoader::tr("the script names the session \"%1\", which is not in the lab's sessions (%2)")
                                               .arg(name, lab.sessions.join(QStringLiteral(", "))));
    }
}

// The "-- session X" lines of a solution or decoy name the lab's sessions (a cluster lab's
// are primary and, with a standby, standby).
void checkSessionLines(PackReader &reader, const YAML::Node &script, const Lab &lab)
{
    if (!script || !script.IsScalar())
        return;
    QStringList sessions = lab.sessions;
    if (lab.cluster)
        sessions << QStringLiteral("primary");
    if (lab.cluster && lab.standby)
        sessions << QStringLiteral("standby");
    for (const LearnerSessions::Marker &marker : LearnerSessions::markers(QString::fromStdString(script.Scalar()))) {
        if (sessions.contains(marker.session))
            continue;
        const int line = reader.contentLine(script) + marker.line - 1;
        if (sessions.isEmpty())
            reader.report(line, CoursePackLoader::tr("\"-- session %1\" switches session, but the lab lists no \"sessions\"").arg(marker.session));
        else
            reader.report(line, CoursePackLoader::tr("\"-- session %1\" names a session the lab does not list (%2)")
                                    .arg(marker.session, sessions.join(QStringLiteral(", "))));
    }
}

// A step's checks, each validated by the grader of its kind, as FILE:LINE problems.
QList<LabCheck> readChecks(PackReader &reader, const YAML::Node &checks, const Lab &lab, const QString &file)
{
    QList<LabCheck> read;
    for (const YAML::Node &c : checks) {
        LabCheck check;
        check.line = lineOf(c);
        check.kind = reader.text(c, "kind", c);
        if (!check.kind.isEmpty() && !CoursePackLoader::CheckKinds.contains(check.kind))
            reader.report(check.line, CoursePackLoader::tr("unknown check kind \"%1\" (known: %2)")
                                          .arg(check.kind, CoursePackLoader::CheckKinds.join(QStringLiteral(", "))));
        check.file = file;
        check.fields = toVariant(c).toMap();
        const QList<PackSchema::FieldProblem> fieldProblems = PackSchema::checkProblems(c);
        reader.schemaProblems(fieldProblems);
        // The grader reads the fields as the schema types them: only a check that keeps to it.
        const CheckGrader *grader = CheckGrader::forKind(check.kind);
        if (grader && fieldProblems.isEmpty()) {
            for (const QString &problem : grader->validate(check))
                reader.report(check.line, problem);
        }
        if (check.kind == u"multi-session")
            checkScriptSessions(reader, c["script"], lab);
        const QString as = check.fields.value(QStringLiteral("as")).toString();
        if (!as.isEmpty() && !lab.roles.contains(as))
            reader.report(check.line, CoursePackLoader::tr("\"as\" names the role \"%1\", which is not in the lab's roles").arg(as));
        if (check.kind == u"multi-session" && check.fields.contains(QStringLiteral("observe"))) {
            for (const QVariant &entry : check.fields.value(QStringLiteral("observe")).toList()) {
                for (const char *key : {"session", "waits_for"}) {
                    const QString named = entry.toMap().value(QLatin1StringView(key)).toString();
                    if (!named.isEmpty() && !lab.sessions.contains(named))
                        reader.report(check.line, CoursePackLoader::tr("\"observe\" names the session \"%1\", which is not in the lab's sessions").arg(named));
                }
            }
        }
        if (check.kind == u"cluster" && !lab.cluster)
            reader.report(check.line, CoursePackLoader::tr("a cluster check needs a lab with a \"cluster\" section"));
        if (check.fields.value(QStringLiteral("variant")).toString() == u"true" && lab.variantSetup.trimmed().isEmpty())
            reader.report(check.line, CoursePackLoader::tr("\"variant: true\" needs the lab's \"variant_setup\""));
        read.append(check);
    }
    return read;
}

std::optional<Lab> readLab(PackReader &reader, const QString &id, int packMinServerVersion)
{
    Lab lab;
    lab.file = QStringLiteral("labs/%1.yaml").arg(id);
    const QString file = lab.file;
    const std::optional<YAML::Node> root =
        readItemFile(reader, file, id, &lab.id, QT_TRANSLATE_NOOP("CoursePackLoader", "the lab's id is \"%1\", but the pack calls it \"%2\""),
                     PackSchema::lab());
    if (!root)
        return std::nullopt;
    lab.objectives = reader.localized(*root, "objectives", *root);
    lab.minServerVersion = std::max(packMinServerVersion, serverVersion(reader, *root));
    lab.setup = reader.text(*root, "setup", *root, false);
    lab.variantSetup = reader.text(*root, "variant_setup", *root, false);
    lab.setupLine = firstTextLine((*root)["setup"]);
    lab.variantSetupLine = firstTextLine((*root)["variant_setup"]);
    for (const YAML::Node &role : (*root)["roles"]) {
        const QString name = QString::fromStdString(role.as<std::string>());
        if (!QRegularExpression(QStringLiteral("^[a-z_][a-z0-9_]*$")).match(name).hasMatch())
            reader.report(lineOf(role), CoursePackLoader::tr("the role name \"%1\" may hold only a-z, 0-9 and '_'").arg(name));
        lab.roles << name;
    }
    for (const YAML::Node &session : (*root)["sessions"]) {
        const QString name = QString::fromStdString(session.as<std::string>());
        if (!QRegularExpression(QStringLiteral("^[A-Za-z0-9]{1,8}$")).match(name).hasMatch() || lab.sessions.contains(name))
            reader.report(lineOf(session), CoursePackLoader::tr("a session is named by up to 8 letters or digits, once: \"%1\"").arg(name));
        lab.sessions << name;
    }
    if (const YAML::Node cluster = (*root)["cluster"]) {
        lab.cluster = true;
        if (const YAML::Node settings = cluster["settings"])
            lab.clusterSettings = toVariant(settings).toMap();
        lab.archive = cluster["archive"] && cluster["archive"].as<bool>(false);
        lab.standby = cluster["standby"] && cluster["standby"].as<bool>(false);
    }
    const YAML::Node steps = (*root)["steps"];
    if (!steps || !steps.IsSequence() || steps.size() == 0) {
        reader.report(lineOf(steps ? steps : *root), CoursePackLoader::tr("a lab needs at least one step"));
        return lab;
    }
    QSet<QString> stepIds;
    for (const YAML::Node &node : steps) {
        LabStep step;
        step.id = reader.id(node, "id", node);
        if (stepIds.contains(step.id))
            reader.report(lineOf(node["id"]), CoursePackLoader::tr("the step id \"%1\" is used twice").arg(step.id));
        stepIds.insert(step.id);
        step.points = node["points"] && node["points"].IsScalar() ? node["points"].as<int>(0) : 0;
        step.instructions = reader.localized(node, "instructions", node);
        for (const YAML::Node &hint : node["hints"]) {
            YAML::Node wrapper;
            wrapper["hint"] = hint;
            step.hints.append(reader.localized(wrapper, "hint", hint));
        }
        const YAML::Node checks = node["checks"];
        if (!checks || !checks.IsSequence() || checks.size() == 0)
            reader.report(lineOf(checks ? checks : node), CoursePackLoader::tr("the step \"%1\" has no checks").arg(step.id));
        step.checks = readChecks(reader, checks, lab, file);
        step.solution = reader.text(node, "solution", node);
        step.restart = node["restart"] && node["restart"].as<bool>(false);
        step.recover = node["recover"] && node["recover"].as<bool>(false);
        if (step.restart && !lab.cluster)
            reader.report(lineOf(node["restart"]), CoursePackLoader::tr("\"restart\" needs a lab with a \"cluster\" section"));
        if (step.recover && !(lab.cluster && lab.archive))
            reader.report(lineOf(node["recover"]),
                          CoursePackLoader::tr("\"recover\" needs a lab whose cluster archives its WAL (\"archive: true\")"));
        for (const YAML::Node &d : node["decoys"]) {
            step.decoys.append({reader.text(d, "sql", d), reader.text(d, "note", d, false)});
            checkSessionLines(reader, d["sql"], lab);
        }
        checkSessionLines(reader, node["solution"], lab);
        lab.steps.append(step);
    }
    return lab;
}

// A plain value ("SELECT 1", 42) is the same text in both languages; a map gives each.
LocalizedText localizedOrPlain(PackReader &reader, const YAML::Node &node, const char *what)
{
    if (node && node.IsScalar()) {
        const QString value = QString::fromStdString(node.as<std::string>());
        LocalizedText both;
        for (const QString &language : CoursePackLoader::Languages)
            both.insert(language, value);
        return both;
    }
    YAML::Node wrapper;
    wrapper[what] = node;
    return reader.localized(wrapper, what, node);
}

std::optional<QuestionBank> readBank(PackReader &reader, const QString &id, QSet<QString> *questionIds)
{
    QuestionBank bank;
    bank.file = QStringLiteral("banks/%1.yaml").arg(id);
    const QString file = bank.file;
    const std::optional<YAML::Node> root =
        readItemFile(reader, file, id, &bank.id, QT_TRANSLATE_NOOP("CoursePackLoader", "the bank's id is \"%1\", but the pack calls it \"%2\""),
                     PackSchema::bank());
    if (!root)
        return std::nullopt;
    bank.title = reader.localized(*root, "title", *root);
    QSet<QString> domains;
    for (const YAML::Node &d : (*root)["domains"]) {
        QuestionDomain domain{reader.id(d, "id", d), reader.localized(d, "title", d)};
        if (domains.contains(domain.id))
            reader.report(lineOf(d), CoursePackLoader::tr("the domain \"%1\" is declared twice").arg(domain.id));
        domains.insert(domain.id);
        bank.domains.append(domain);
    }
    if (bank.domains.isEmpty())
        reader.report(lineOf(*root), CoursePackLoader::tr("a bank needs at least one domain"));
    const YAML::Node questions = (*root)["questions"];
    if (!questions || !questions.IsSequence() || questions.size() == 0)
        reader.report(lineOf(questions ? questions : *root), CoursePackLoader::tr("a bank needs at least one question"));
    static const QRegularExpression documentation(QStringLiteral("^https://www\\.postgresql\\.org/docs/(17|current)/[a-z0-9-]+\\.html(#[A-Za-z0-9_.-]+)?$"));
    for (const YAML::Node &node : questions) {
        Question q;
        q.file = file;
        q.line = lineOf(node);
        const auto problem = [&](const QString &message) { reader.report(q.line, message); };
        q.id = reader.id(node, "id", node);
        if (!q.id.isEmpty() && questionIds->contains(q.id))
            problem(CoursePackLoader::tr("the question id \"%1\" is used twice").arg(q.id));
        questionIds->insert(q.id);
        const QString type = reader.text(node, "type", node);
        const std::optional<Question::Type> knownType = Question::typeFromName(type);
        if (knownType)
            q.type = *knownType;
        else if (!type.isEmpty())
            problem(CoursePackLoader::tr("unknown question type \"%1\" (known: single, multiple, truefalse, fillin, "
                                         "numerical, ordering, matching, sql)").arg(type));
        if (const PackSchema::ObjectSchema *schema = PackSchema::question(type))
            reader.schemaProblems(PackSchema::problems(node, *schema));
        q.domain = reader.text(node, "domain", node);
        if (!q.domain.isEmpty() && !domains.contains(q.domain))
            problem(CoursePackLoader::tr("the domain \"%1\" is not declared in the bank").arg(q.domain));
        for (const YAML::Node &t : node["topics"])
            q.topics << QString::fromStdString(t.as<std::string>());
        q.difficulty = node["difficulty"] ? node["difficulty"].as<int>(0) : 2;
        if (q.difficulty < 1 || q.difficulty > 3)
            problem(CoursePackLoader::tr("\"difficulty\" is 1, 2 or 3"));
        q.stem = reader.localized(node, "stem", node);
        q.explanation = reader.localized(node, "explanation", node);
        q.reference = reader.text(node, "reference", node);
        if (!q.reference.isEmpty() && !documentation.match(q.reference).hasMatch())
            problem(CoursePackLoader::tr("\"reference\" must be a page of the PostgreSQL 17 documentation "
                                         "(https://www.postgresql.org/docs/17/….html), not \"%1\"").arg(q.reference));
        switch (knownType.value_or(Question::Type::Sql)) {
        case Question::Type::Single:
        case Question::Type::Multiple: {
            for (const YAML::Node &o : node["options"])
                q.options.append({localizedOrPlain(reader, o["text"], "text"), o["correct"] && o["correct"].as<bool>(false)});
            const auto correct = std::count_if(q.options.cbegin(), q.options.cend(), [](const QuestionOption &o) { return o.correct; });
            if (q.options.size() < 2)
                problem(CoursePackLoader::tr("a choice question needs at least two options"));
            if (q.type == Question::Type::Single && correct != 1)
                problem(CoursePackLoader::tr("a single-choice question needs exactly one correct option; it has %1").arg(correct));
            if (q.type == Question::Type::Multiple && correct < 1)
                problem(CoursePackLoader::tr("a multiple-choice question needs at least one correct option"));
            const QString scoring = reader.text(node, "scoring", node, false);
            if (!scoring.isEmpty() && scoring != u"partial" && scoring != u"all-or-nothing")
                problem(CoursePackLoader::tr("\"scoring\" is all-or-nothing or partial"));
            q.partialCredit = scoring == u"partial";
            break;
        }
        case Question::Type::TrueFalse:
            if (!node["answer"] || !node["answer"].IsScalar())
                problem(CoursePackLoader::tr("a true/false question needs \"answer: true\" or \"answer: false\""));
            else
                q.truth = node["answer"].as<bool>(false);
            break;
        case Question::Type::FillIn: {
            for (const YAML::Node &a : node["accepted"])
                q.accepted << QString::fromStdString(a.as<std::string>());
            q.regex = reader.text(node, "regex", node, false);
            if (q.accepted.isEmpty() && q.regex.isEmpty())
                problem(CoursePackLoader::tr("a fill-in question needs \"accepted\" answers or a \"regex\""));
            if (!q.regex.isEmpty() && !QRegularExpression(q.regex).isValid())
                problem(CoursePackLoader::tr("the regex does not compile: %1").arg(QRegularExpression(q.regex).errorString()));
            q.caseSensitive = node["case_sensitive"] && node["case_sensitive"].as<bool>(false);
            const QString whitespace = reader.text(node, "whitespace", node, false);
            if (whitespace == u"exact")
                q.whitespace = Question::Whitespace::Exact;
            else if (whitespace == u"ignore")
                q.whitespace = Question::Whitespace::Ignore;
            else if (!whitespace.isEmpty() && whitespace != u"collapse")
                problem(CoursePackLoader::tr("\"whitespace\" is exact, collapse or ignore"));
            break;
        }
        case Question::Type::Numerical: {
            bool ok = false;
            q.value = reader.text(node, "value", node).toDouble(&ok);
            if (!ok)
                problem(CoursePackLoader::tr("a numerical question needs a number as \"value\""));
            if (node["tolerance"]) {
                q.tolerance = reader.text(node, "tolerance", node).toDouble(&ok);
                if (!ok || q.tolerance < 0)
                    problem(CoursePackLoader::tr("\"tolerance\" is a number, 0 or more"));
            }
            break;
        }
        case Question::Type::Ordering:
            for (const YAML::Node &i : node["items"])
                q.items.append(localizedOrPlain(reader, i, "item"));
            if (q.items.size() < 2)
                problem(CoursePackLoader::tr("an ordering question needs at least two items"));
            break;
        case Question::Type::Matching:
            for (const YAML::Node &p : node["pairs"])
                q.pairs.append({localizedOrPlain(reader, p["left"], "left"), localizedOrPlain(reader, p["right"], "right")});
            if (q.pairs.size() < 2)
                problem(CoursePackLoader::tr("a matching question needs at least two pairs"));
            break;
        case Question::Type::Sql: {
            if (!knownType)
                break; // nothing more to say about a type nobody knows
            Lab &lab = q.task;
            lab.id = QStringLiteral("q-") + q.id;
            lab.file = file;
            lab.setup = reader.text(node, "setup", node);
            lab.variantSetup = reader.text(node, "variant_setup", node, false);
            lab.setupLine = firstTextLine(node["setup"]);
            lab.variantSetupLine = firstTextLine(node["variant_setup"]);
            for (const YAML::Node &role : node["roles"])
                lab.roles << QString::fromStdString(role.as<std::string>());
            LabStep step;
            step.id = q.id;
            step.points = 1;
            step.instructions = q.stem;
            const YAML::Node checks = node["checks"];
            if (!checks || !checks.IsSequence() || checks.size() == 0)
                problem(CoursePackLoader::tr("an sql question needs \"checks\""));
            else
                step.checks = readChecks(reader, checks, lab, file);
            step.solution = reader.text(node, "solution", node);
            checkSessionLines(reader, node["solution"], lab);
            for (const YAML::Node &d : node["decoys"]) {
                step.decoys.append({reader.text(d, "sql", d), reader.text(d, "note", d, false)});
                checkSessionLines(reader, d["sql"], lab);
            }
            lab.steps.append(step);
            break;
        }
        }
        bank.questions.append(q);
    }
    return bank;
}

std::optional<ExamBlueprint> readBlueprint(PackReader &reader, const QString &id, const CoursePack &pack)
{
    ExamBlueprint b;
    b.file = QStringLiteral("exams/%1.yaml").arg(id);
    const std::optional<YAML::Node> root =
        readItemFile(reader, b.file, id, &b.id, QT_TRANSLATE_NOOP("CoursePackLoader", "the exam's id is \"%1\", but the pack calls it \"%2\""),
                     PackSchema::exam());
    if (!root)
        return std::nullopt;
    b.title = reader.localized(*root, "title", *root);
    b.description = reader.localized(*root, "description", *root);
    const auto positive = [&](const char *key, bool required) {
        const QString text = reader.text(*root, key, *root, required);
        bool ok = false;
        const int value = text.toInt(&ok);
        if ((required || !text.isEmpty()) && (!ok || value < 0))
            reader.report(lineOf((*root)[key] ? (*root)[key] : *root),
                          CoursePackLoader::tr("\"%1\" must be a whole number, 0 or more").arg(QLatin1StringView(key)));
        return ok ? value : 0;
    };
    b.questionCount = positive("questions", true);
    b.durationMinutes = positive("duration_minutes", false);
    b.passPercent = positive("pass_percent", true);
    if (b.questionCount == 0 || b.passPercent > 100)
        reader.report(lineOf(*root), CoursePackLoader::tr("an exam needs at least one question and a pass mark of 0 to 100 %"));
    const QString review = reader.text(*root, "review", *root, false);
    if (review == u"never")
        b.review = ExamBlueprint::Review::Never;
    else if (review == u"immediate")
        b.review = ExamBlueprint::Review::Immediate;
    else if (!review.isEmpty() && review != u"after-submit")
        reader.report(lineOf((*root)["review"]), CoursePackLoader::tr("\"review\" is after-submit, immediate or never"));
    if (const YAML::Node shuffle = (*root)["shuffle"]) {
        b.shuffleQuestions = !shuffle["questions"] || shuffle["questions"].as<bool>(true);
        b.shuffleOptions = !shuffle["options"] || shuffle["options"].as<bool>(true);
    }
    for (const YAML::Node &bank : (*root)["banks"])
        b.banks << QString::fromStdString(bank.as<std::string>());
    // What the banks it draws from hold, per domain and per domain and difficulty.
    QHash<QString, int> available;
    for (const QuestionBank &bank : pack.banks) {
        if (!b.banks.isEmpty() && !b.banks.contains(bank.id))
            continue;
        for (const Question &q : bank.questions)
            available[q.domain] += 1;
    }
    for (const QString &bank : std::as_const(b.banks)) {
        if (std::none_of(pack.banks.cbegin(), pack.banks.cend(), [&](const QuestionBank &qb) { return qb.id == bank; }))
            reader.report(lineOf((*root)["banks"]), CoursePackLoader::tr("\"banks\" names \"%1\", which is not in the pack").arg(bank));
    }
    const YAML::Node domains = (*root)["domains"];
    if (!domains || !domains.IsMap() || domains.size() == 0)
        reader.report(lineOf(domains ? domains : *root), CoursePackLoader::tr("an exam needs \"domains\" with a weight each"));
    int total = 0;
    for (const auto &entry : domains) {
        const QString domain = QString::fromStdString(entry.first.as<std::string>());
        const int weight = entry.second.as<int>(0);
        if (weight <= 0)
            reader.report(lineOf(entry.second), CoursePackLoader::tr("the weight of \"%1\" must be a whole number above 0").arg(domain));
        b.domainWeights.append({domain, weight});
        total += std::max(weight, 0);
    }
    const QList<int> quotas = ExamDraw::apportion(b.questionCount, [&] {
        QList<int> weights;
        for (const auto &[domain, weight] : b.domainWeights)
            weights << std::max(weight, 0);
        return weights;
    }());
    for (qsizetype i = 0; i < b.domainWeights.size(); ++i) {
        const QString &domain = b.domainWeights.at(i).first;
        const YAML::Node at = domains[domain.toStdString()];
        if (!available.contains(domain))
            reader.report(lineOf(at), CoursePackLoader::tr("no bank of this exam has questions in the domain \"%1\"").arg(domain));
        else if (available.value(domain) < quotas.value(i))
            reader.report(lineOf(at), CoursePackLoader::tr("the domain \"%1\" needs %2 questions for this exam; its banks have %3")
                                          .arg(domain).arg(quotas.value(i)).arg(available.value(domain)));
    }
    if (const YAML::Node mix = (*root)["difficulty"]) {
        int percent = 0;
        for (const auto &entry : mix) {
            const int level = entry.first.as<int>(0);
            const int share = entry.second.as<int>(-1);
            if (level < 1 || level > 3 || share < 0)
                reader.report(lineOf(entry.second), CoursePackLoader::tr("\"difficulty\" maps 1, 2 and 3 to percentages"));
            b.difficultyMix.append({level, share});
            percent += share;
        }
        if (percent != 100)
            reader.report(lineOf(mix), CoursePackLoader::tr("the difficulty percentages add up to %1, not 100").arg(percent));
    }
    Q_UNUSED(total)
    return b;
}

// Images a lesson shows must come with it.
void checkLessonImages(PackReader &reader, const QString &file)
{
    static const QRegularExpression image(QStringLiteral("!\\[[^\\]]*\\]\\(([^)\\s]+)"));
    const QStringList lines = reader.readText(file).split(u'\n');
    reader.setCurrentFile(file);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        for (const QRegularExpressionMatch &m : image.globalMatch(lines.at(i))) {
            const QString target = m.captured(1);
            if (target.contains(QStringLiteral("://")))
                continue;
            const QString relative = QFileInfo(file).dir().filePath(target);
            if (!reader.fileExists(relative))
                reader.report(int(i) + 1, CoursePackLoader::tr("the image \"%1\" is missing").arg(target));
        }
    }
}
// A file in labs/, banks/ or exams/ that the manifest never names would be left out
// without a word: a lab forgotten in the manifest, or a typo in its name.
void reportUnnamedFiles(PackReader &reader, const QString &directory)
{
    const QDir pack(directory);
    QStringList unnamed;
    for (const QString &folder : {QStringLiteral("labs"), QStringLiteral("banks"), QStringLiteral("exams")}) {
        QDirIterator files(pack.filePath(folder), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString file = pack.relativeFilePath(files.next());
            if (!reader.named().contains(file))
                unnamed << file;
        }
    }
    unnamed.sort();
    for (const QString &file : std::as_const(unnamed)) {
        reader.setCurrentFile(file);
        reader.report(0, CoursePackLoader::tr("the manifest never names this file (name it in pack.yaml or remove it)"));
    }
    reader.setCurrentFile(QStringLiteral("pack.yaml"));
}

std::optional<CoursePack> readPack(PackReader &reader, const QString &directory, QList<PackProblem> *problems)
{
    const qsizetype before = problems->size();
    const std::optional<YAML::Node> root = reader.parse(QStringLiteral("pack.yaml"), &PackSchema::manifest());
    if (!root)
        return std::nullopt;
    CoursePack pack;
    pack.directory = QDir(directory).absolutePath();
    pack.id = reader.id(*root, "id", *root);
    pack.version = reader.text(*root, "version", *root);
    pack.title = reader.localized(*root, "title", *root);
    pack.minServerVersion = serverVersion(reader, *root);

    QSet<QString> ids;
    auto claim = [&](const QString &id, const YAML::Node &at) {
        if (!id.isEmpty() && ids.contains(id))
            reader.report(lineOf(at), CoursePackLoader::tr("the id \"%1\" is used twice").arg(id));
        ids.insert(id);
    };
    QList<std::pair<QStringList, YAML::Node>> requirements;
    QList<std::pair<QString, YAML::Node>> itemDomains;
    const YAML::Node tracks = (*root)["tracks"];
    if (!tracks || !tracks.IsSequence() || tracks.size() == 0)
        reader.report(lineOf(tracks ? tracks : *root), CoursePackLoader::tr("a pack needs at least one track"));
    for (const YAML::Node &t : tracks) {
        CourseTrack track{reader.id(t, "id", t), reader.localized(t, "title", t), {}};
        claim(track.id, t["id"]);
        for (const YAML::Node &m : t["modules"]) {
            CourseModule module{reader.id(m, "id", m), reader.localized(m, "title", m), {}};
            claim(module.id, m["id"]);
            for (const YAML::Node &i : m["items"]) {
                reader.setCurrentFile(QStringLiteral("pack.yaml"));
                CourseItem item;
                const bool lesson = bool(i["lesson"]);
                if (lesson == bool(i["lab"])) {
                    reader.report(lineOf(i), CoursePackLoader::tr("an item is either a lesson or a lab"));
                    continue;
                }
                item.kind = lesson ? CourseItem::Kind::Lesson : CourseItem::Kind::Lab;
                item.id = reader.id(i, lesson ? "lesson" : "lab", i);
                item.title = reader.localized(i, "title", i);
                claim(item.id, i);
                for (const YAML::Node &r : i["requires"])
                    item.prerequisites << QString::fromStdString(r.as<std::string>());
                requirements.append({item.prerequisites, i});
                item.domain = reader.text(i, "domain", i, false);
                if (!item.domain.isEmpty())
                    itemDomains.append({item.domain, i});
                if (lesson) {
                    for (const QString &language : CoursePackLoader::Languages) {
                        const QString file = QStringLiteral("lessons/%1.%2.md").arg(item.id, language);
                        if (!reader.fileExists(file)) {
                            reader.report(lineOf(i), CoursePackLoader::tr("the lesson file %1 is missing").arg(file));
                            continue;
                        }
                        item.lessonFiles.insert(language, file);
                        checkLessonImages(reader, file);
                        reader.setCurrentFile(QStringLiteral("pack.yaml"));
                    }
                } else if (const std::optional<Lab> lab = readLab(reader, item.id, pack.minServerVersion)) {
                    pack.labs.append(*lab);
                }
                module.items.append(item);
            }
            track.modules.append(module);
        }
        pack.tracks.append(track);
    }
    QSet<QString> questionIds;
    for (const YAML::Node &b : (*root)["banks"]) {
        reader.setCurrentFile(QStringLiteral("pack.yaml"));
        const QString bankId = QString::fromStdString(b.as<std::string>());
        if (!IdPattern.match(bankId).hasMatch()) {
            reader.report(lineOf(b), CoursePackLoader::tr("the id \"%1\" may hold only a-z, 0-9 and '-'").arg(bankId));
            continue;
        }
        if (std::optional<QuestionBank> bank = readBank(reader, bankId, &questionIds))
            pack.banks.append(*bank);
    }
    for (const YAML::Node &e : (*root)["exams"]) {
        reader.setCurrentFile(QStringLiteral("pack.yaml"));
        const QString examId = QString::fromStdString(e.as<std::string>());
        if (!IdPattern.match(examId).hasMatch()) {
            reader.report(lineOf(e), CoursePackLoader::tr("the id \"%1\" may hold only a-z, 0-9 and '-'").arg(examId));
            continue;
        }
        if (std::optional<ExamBlueprint> blueprint = readBlueprint(reader, examId, pack))
            pack.blueprints.append(*blueprint);
    }
    reader.setCurrentFile(QStringLiteral("pack.yaml"));
    QSet<QString> bankDomains;
    for (const QuestionBank &bank : std::as_const(pack.banks)) {
        for (const QuestionDomain &d : bank.domains)
            bankDomains.insert(d.id);
    }
    for (const auto &[domain, at] : itemDomains) {
        if (!bankDomains.contains(domain))
            reader.report(lineOf(at), CoursePackLoader::tr("\"domain\" names \"%1\", which no bank of the pack declares").arg(domain));
    }
    for (const auto &[required, at] : requirements) {
        for (const QString &id : required) {
            if (!ids.contains(id))
                reader.report(lineOf(at), CoursePackLoader::tr("\"requires\" names \"%1\", which is not in the pack").arg(id));
        }
    }
    reportUnnamedFiles(reader, directory);
    if (problems->size() > before)
        return std::nullopt;
    return pack;
}

} // namespace

LabCheck CoursePackLoader::checkFromYaml(const QString &yaml)
{
    LabCheck check;
    const YAML::Node node = YAML::Load(yaml.toStdString());
    check.fields = toVariant(node).toMap();
    check.kind = check.fields.value(QStringLiteral("kind")).toString();
    return check;
}

std::optional<CoursePack> CoursePackLoader::load(const QString &directory, QList<PackProblem> *problems)
{
    PackReader reader(directory, problems);
    try {
        return readPack(reader, directory, problems);
    } catch (const YAML::Exception &e) { // a value of the wrong shape: a list where a map belongs, ...
        reader.report(e.mark.line >= 0 ? e.mark.line + 1 : 0, tr("unexpected structure: %1").arg(QString::fromStdString(e.msg)));
        return std::nullopt;
    }
}

