#include "messagespane.h"

#include "servermessage.h"

#include <QFontDatabase>
#include <QTime>

namespace {
constexpr int PositionRole = Qt::UserRole + 1;

QString stamp(const QDateTime &at)
{
    return at.time().toString(QStringLiteral("HH:mm:ss"));
}
} // namespace

MessagesPane::MessagesPane(QWidget *parent)
    : QListWidget(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setUniformItemSizes(false);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int position = item->data(PositionRole).toInt();
        if (position >= 0)
            Q_EMIT jumpRequested(position);
    });
    connect(this, &QListWidget::itemClicked, this, &QListWidget::itemActivated);
}

void MessagesPane::append(const QString &text, const QColor &color, int position)
{
    auto *item = new QListWidgetItem(text, this);
    if (color.isValid())
        item->setForeground(color);
    item->setData(PositionRole, position);
    if (position >= 0)
        item->setToolTip(tr("Click to show this place in the editor"));
    scrollToItem(item);
}

void MessagesPane::addServerMessage(const ServerMessage &message, int line, int position)
{
    QColor color;
    if (message.isError())
        color = QColor(0xd0, 0x30, 0x30);
    else if (message.severityNonLocalized == u"WARNING")
        color = QColor(0xb0, 0x70, 0x00);
    QString head = stamp(message.receivedAt) + QStringLiteral("  ") + message.severity;
    if (!message.sqlState.isEmpty() && message.sqlState != u"00000")
        head += u' ' + message.sqlState;
    if (line >= 0)
        head += QStringLiteral("  ") + tr("(line %1)").arg(line + 1);
    QString text = head + QStringLiteral("\n") + message.message;
    if (!message.detail.isEmpty())
        text += QStringLiteral("\n") + tr("DETAIL: %1").arg(message.detail);
    if (!message.hint.isEmpty())
        text += QStringLiteral("\n") + tr("HINT: %1").arg(message.hint);
    if (!message.context.isEmpty())
        text += QStringLiteral("\n") + tr("CONTEXT: %1").arg(message.context);
    if (message.sqlState == u"25P02")
        text += QStringLiteral("\n") + tr("The transaction failed earlier, so the server ignores every statement until it ends. "
                           "Roll back (or COMMIT, which rolls back) to go on.");
    append(text, color, position);
}

void MessagesPane::addInfo(const QString &text, int line, int position)
{
    QString head = stamp(QDateTime::currentDateTime());
    if (line >= 0)
        head += QStringLiteral("  ") + tr("(line %1)").arg(line + 1);
    append(head + QStringLiteral("  ") + text, QColor(), position);
}

QString MessagesPane::toPlainText() const
{
    QStringList lines;
    for (int i = 0; i < count(); ++i)
        lines << item(i)->text();
    return lines.join(u'\n');
}
