#include "packtext.h"

#include "coursepackloader.h"

#include <QHash>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace PackText {

namespace {

// The offset of the first byte that does not belong to a well-formed UTF-8 character
// (no overlong forms, surrogates or code points above U+10FFFF), or -1.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = data[i];
        int more = 0;
        unsigned char low = 0x80, high = 0xBF; // the range of the second byte
        if (lead < 0x80) {
            ++i;
            continue;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            more = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            more = 2;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            more = 3;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        for (int k = 1; k <= more; ++k) {
            if (i + k >= size)
                return i; // cut short by the end
            const unsigned char c = data[i + k];
            if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF))
                return i + k;
        }
        i += more + 1;
    }
    return -1;
}

// The 1-based line and byte column of offset.
std::pair<int, qsizetype> placeOf(const QByteArray &bytes, qsizetype offset)
{
    const qsizetype lineStart = offset == 0 ? 0 : bytes.lastIndexOf('\n', offset - 1) + 1;
    return {int(bytes.left(offset).count('\n')) + 1, offset - lineStart + 1};
}

int lineOf(const YAML::Mark &mark)
{
    return mark.line >= 0 ? mark.line + 1 : 0;
}

// Walks a document's events and notes what the loader refuses. Keys and values of a map
// alternate, so each map's frame knows whether the next node is a key.
class Refusals : public YAML::EventHandler
{
public:
    QList<Problem> found;
    int documents = 0;

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (++documents == 2)
            found.append({lineOf(mark),
                          CoursePackLoader::tr("a second YAML document starts here; a pack file holds one")});
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (isKey())
            found.append({lineOf(mark), CoursePackLoader::tr("a key must be a name, not empty")});
        taggedOrAnchored(mark, "?", anchor);
        finished();
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override
    {
        found.append({lineOf(mark), anchorsRefused()});
        finished();
    }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        if (isKey())
            key(mark, tag, QString::fromStdString(value));
        taggedOrAnchored(mark, tag, anchor);
        finished();
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, tag, anchor, false);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(mark, tag, anchor, true);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        bool map = false;
        bool expectKey = true;
        QHash<QString, int> keys; // key -> its line
    };
    QList<Frame> m_stack;
    bool m_tooDeep = false;

    static QString anchorsRefused()
    {
        return CoursePackLoader::tr(
            "anchors (&name) and aliases (*name) are not supported: write the value out");
    }

    bool isKey() const { return !m_stack.isEmpty() && m_stack.last().map && m_stack.last().expectKey; }

    void key(const YAML::Mark &mark, const std::string &tag, const QString &name)
    {
        if (name == u"<<" && tag == "?")
            found.append({lineOf(mark),
                          CoursePackLoader::tr("merge keys (<<) are not supported: write the fields out")});
        QHash<QString, int> &keys = m_stack.last().keys;
        if (const auto first = keys.constFind(name); first != keys.cend())
            found.append(
                {lineOf(mark), CoursePackLoader::tr("the key \"%1\" is given twice (first on line %2)")
                                   .arg(name)
                                   .arg(*first)});
        else
            keys.insert(name, lineOf(mark));
    }

    // "?" is an untagged plain scalar or collection, "!" an untagged quoted one: anything
    // else was written as a tag.
    void taggedOrAnchored(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor)
    {
        if (tag != "?" && tag != "!" && !tag.empty()) {
            // yaml-cpp gives !!int as its full name
            const QString written = QString::fromStdString(tag).replace(QStringLiteral("tag:yaml.org,2002:"),
                                                                        QStringLiteral("!!"));
            found.append(
                {lineOf(mark),
                 CoursePackLoader::tr("tags (%1) are not supported: quote the value instead").arg(written)});
        }
        if (anchor != YAML::NullAnchor)
            found.append({lineOf(mark), anchorsRefused()});
    }

    // A node ended: in a map, a key is followed by its value and a value by a key.
    void finished()
    {
        if (!m_stack.isEmpty() && m_stack.last().map)
            m_stack.last().expectKey = !m_stack.last().expectKey;
    }

    void open(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, bool map)
    {
        if (isKey())
            found.append({lineOf(mark), CoursePackLoader::tr("a key must be a name, not a list or a map")});
        taggedOrAnchored(mark, tag, anchor);
        m_stack.append({map, true, {}});
        if (m_stack.size() > MaxDepth && !m_tooDeep) {
            m_tooDeep = true;
            found.append({lineOf(mark),
                          CoursePackLoader::tr("nested too deeply (more than %1 levels)").arg(MaxDepth)});
        }
    }

    void close()
    {
        if (!m_stack.isEmpty())
            m_stack.removeLast();
        finished();
    }
};

} // namespace

QList<Problem> encodingProblems(const QByteArray &bytes)
{
    const qsizetype nul = bytes.indexOf('\0');
    const qsizetype bad = firstInvalidUtf8(nul >= 0 ? bytes.left(nul) : bytes);
    if (nul >= 0 && bad < 0) {
        const auto [line, column] = placeOf(bytes, nul);
        return {{line, CoursePackLoader::tr("the file holds a NUL byte (column %1)").arg(column)}};
    }
    if (bad < 0)
        return {};
    const auto [line, column] = placeOf(bytes, bad);
    const QString byte = QString::number(quint8(bytes.at(bad)), 16).toUpper().rightJustified(2, u'0');
    return {{line, CoursePackLoader::tr("not UTF-8 (the byte 0x%1 at column %2)").arg(byte).arg(column)}};
}

QList<Problem> yamlProblems(const QByteArray &bytes)
{
    std::istringstream stream(bytes.toStdString());
    Refusals refusals;
    try {
        YAML::Parser parser(stream);
        while (parser.HandleNextDocument(refusals)) {
        }
    } catch (const YAML::Exception &e) {
        refusals.found.append(
            {e.mark.line >= 0 ? e.mark.line + 1 : 0,
             CoursePackLoader::tr("not valid YAML: %1").arg(QString::fromStdString(e.msg))});
    }
    return refusals.found;
}

} // namespace PackText
