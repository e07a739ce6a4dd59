#include "valueviewer.h"

#include "resulttablemodel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace {
constexpr unsigned JsonOid = 114;
constexpr unsigned JsonbOid = 3802;
constexpr unsigned XmlOid = 142;

QString prettyXml(const QByteArray &value)
{
    QXmlStreamReader reader(value);
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isWhitespace())
            continue;
        if (reader.tokenType() != QXmlStreamReader::StartDocument && reader.tokenType() != QXmlStreamReader::EndDocument)
            writer.writeCurrentToken(reader);
    }
    return reader.hasError() ? QString() : out.trimmed();
}
} // namespace

QString ValueViewer::prettyText(const QByteArray &value, unsigned typeOid)
{
    if (typeOid == JsonOid || typeOid == JsonbOid) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(value, &error);
        if (error.error == QJsonParseError::NoError && !document.isNull())
            return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
    } else if (typeOid == XmlOid) {
        const QString xml = prettyXml(value);
        if (!xml.isEmpty())
            return xml;
    }
    return ResultTableModel::displayText(value);
}

ValueViewer::ValueViewer(const QString &title, const QByteArray &value, unsigned typeOid, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    resize(720, 520);
    auto *text = new QPlainTextEdit(prettyText(value, typeOid));
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
}
