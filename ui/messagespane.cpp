#include "messagespane.h"

#include "servermessage.h"

#include <QFontDatabase>
#include <QTextCharFormat>

MessagesPane::MessagesPane(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("Notices, errors and command results appear here."));
}

void MessagesPane::addServerMessage(const ServerMessage &message)
{
    QTextCharFormat format;
    if (message.isError())
        format.setForeground(QColor(0xd0, 0x30, 0x30));
    else if (message.severityNonLocalized == u"WARNING")
        format.setForeground(QColor(0xc0, 0x80, 0x00));
    QString text = message.toText();
    if (!message.sqlState.isEmpty())
        text += QStringLiteral("\n") + tr("SQL state: %1").arg(message.sqlState);
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (!document()->isEmpty())
        cursor.insertBlock();
    cursor.insertText(text, format);
    ensureCursorVisible();
}

void MessagesPane::addInfo(const QString &text)
{
    appendPlainText(text);
}
