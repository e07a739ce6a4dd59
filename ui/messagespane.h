#pragma once

#include <QListWidget>

struct ServerMessage;

// What the server said while a script ran, in order: notices and RAISE output,
// errors with every detail, command tags, row counts and timing. Each entry that
// points into the script jumps there when clicked.
class MessagesPane : public QListWidget
{
    Q_OBJECT
public:
    explicit MessagesPane(QWidget *parent = nullptr);

    // line is 0-based in the editor, -1 when unknown; position is where to jump (-1: nowhere).
    void addServerMessage(const ServerMessage &message, int line = -1, int position = -1);
    void addInfo(const QString &text, int line = -1, int position = -1);
    QString toPlainText() const;

Q_SIGNALS:
    // The learner picked a message that points at this position of the editor text.
    void jumpRequested(int position);

private:
    void append(const QString &text, const QColor &color, int position);
};
