#pragma once

#include <QPlainTextEdit>

struct ServerMessage;

// What the server said while a script ran: notices, errors, command tags, timing.
class MessagesPane : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit MessagesPane(QWidget *parent = nullptr);

    void addServerMessage(const ServerMessage &message);
    void addInfo(const QString &text);
};
