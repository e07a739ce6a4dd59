#include <QApplication>
#include <QFontDatabase>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QRawFont>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {
const QString SourceDir = QStringLiteral(PGCAMPUS_SOURCE_DIR);

struct Message
{
    QString context;
    QString source;
    QString translationType; // "", "unfinished", "vanished", "obsolete"
    QStringList translations;
};

QList<Message> readTs(const QString &path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == u"message")
                messages.append(current);
            continue;
        }
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"message")
            current = Message{context, {}, {}, {}};
        else if (xml.name() == u"source")
            current.source = xml.readElementText();
        else if (xml.name() == u"translation") {
            current.translationType = xml.attributes().value(u"type").toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            current.translations << text;
        }
    }
    return messages;
}

// Draws one character with the label's font as the screen would show it.
QImage renderText(const QString &text, const QFont &font)
{
    QLabel label(text);
    label.setFont(font);
    label.adjustSize();
    QImage image(label.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    label.render(&image);
    return image;
}
} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void zhCnIsComplete();
    void zhCnMatchesTheSources();
    void chineseRendersAsGlyphs();
};

void tst_Translations::zhCnIsComplete()
{
    const QList<Message> messages = readTs(SourceDir + QStringLiteral("/translations/pgcampus_zh_CN.ts"));
    QVERIFY(messages.size() > 20);
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source;
        QVERIFY2(m.translationType.isEmpty(), qPrintable(m.translationType + QStringLiteral(" entry: ") + where));
        for (const QString &t : m.translations)
            QVERIFY2(!t.trimmed().isEmpty(), qPrintable(QStringLiteral("empty translation: ") + where));
    }
}

// lupdate is run on today's sources: every string the code uses must have a
// finished translation in the committed file, and the file holds nothing else.
void tst_Translations::zhCnMatchesTheSources()
{
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh_zh_CN.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE),
                  {SourceDir + QStringLiteral("/app"), SourceDir + QStringLiteral("/ui"), SourceDir + QStringLiteral("/labs"),
                   QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("-target-language"), QStringLiteral("zh_CN"),
                   QStringLiteral("-ts"), fresh});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QSet<QString> committed;
    for (const Message &m : readTs(SourceDir + QStringLiteral("/translations/pgcampus_zh_CN.ts"))) {
        if (m.translationType.isEmpty())
            committed.insert(m.context + u'\x1f' + m.source);
    }
    QSet<QString> used;
    for (const Message &m : readTs(fresh)) {
        const QString key = m.context + u'\x1f' + m.source;
        used.insert(key);
        QVERIFY2(committed.contains(key),
                 qPrintable(QStringLiteral("not translated (run lupdate and translate): ") + m.context +
                            QStringLiteral(": ") + m.source));
    }
    QVERIFY(used.size() > 20);
    for (const QString &key : std::as_const(committed))
        QVERIFY2(used.contains(key), qPrintable(QStringLiteral("obsolete entry, no longer in the sources: ") + key));
}

void tst_Translations::chineseRendersAsGlyphs()
{
    const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    QVERIFY2(!families.isEmpty(), "no font with Simplified Chinese coverage is installed");
    QFont font(families.first(), 16);
    const QRawFont raw = QRawFont::fromFont(font, QFontDatabase::SimplifiedChinese);
    const QString text = QStringLiteral("数据库运行结果");
    for (const QChar c : text)
        QVERIFY2(raw.supportsCharacter(c), qPrintable(QStringLiteral("no glyph for ") + c));

    // The default UI font must fall back to that font too: each character draws
    // differently from the others and from a character no font has (a box).
    const QFont uiFont = QApplication::font();
    const QImage missing = renderText(QString(QChar(0xE7C7)), uiFont); // private use: no glyph anywhere
    QSet<QByteArray> seen;
    for (const QChar c : QStringLiteral("数据库结果")) {
        const QImage image = renderText(QString(c), uiFont);
        QVERIFY(!image.isNull());
        QVERIFY2(image != missing, qPrintable(QStringLiteral("drawn as a box: ") + c));
        seen.insert(QByteArray(reinterpret_cast<const char *>(image.constBits()), image.sizeInBytes()));
    }
    QCOMPARE(seen.size(), 5);
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
