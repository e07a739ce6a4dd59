#pragma once

#include <QDialog>

// Shows one value whole: JSON and XML pretty-printed, everything else as it is.
class ValueViewer : public QDialog
{
    Q_OBJECT
public:
    ValueViewer(const QString &title, const QByteArray &value, unsigned typeOid, QWidget *parent = nullptr);

    // The text the viewer shows for a value of a type: indented JSON (json, jsonb),
    // indented XML (xml), or the value unchanged when it does not parse.
    static QString prettyText(const QByteArray &value, unsigned typeOid);
};
