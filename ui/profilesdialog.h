#pragma once

#include "progressstore.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

// The learners of this installation: create, rename, delete (the deletion can be undone
// for a while: a bar with Undo, and the profile is purged only when it is gone), a PIN for
// shared laptops, each profile's interface language, and "Open" to switch to one. The
// profile in use cannot be deleted from here.
class ProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int UndoSeconds = 15;

    ProfilesDialog(ProgressStore &store, qint64 currentLearnerId, QWidget *parent = nullptr);
    ~ProfilesDialog() override;

    QListWidget *list() const { return m_list; }
    qint64 selectedLearnerId() const;
    void select(qint64 learnerId);
    QString undoText() const;

    // Each acts on the selected profile; the ones that ask take their answer as arguments
    // when given (tests, scripts), and ask otherwise.
    bool createProfile(const QString &name = {}, const QString &language = {});
    bool renameProfile(const QString &name = {});
    bool deleteProfile(bool confirmed = false);
    bool undoDelete();
    bool setPin(const QString &pin, bool ask = true);
    bool setLanguage(const QString &language);

Q_SIGNALS:
    // "Open" pressed: switch to this profile.
    void openRequested(qint64 learnerId);

private:
    void refresh();
    void purgeNow();
    void warn(const QString &text);

    ProgressStore &m_store;
    qint64 m_current;
    qint64 m_deleted = 0;
    QListWidget *m_list;
    QComboBox *m_language;
    QPushButton *m_open;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QPushButton *m_pin;
    QWidget *m_undoBar;
    QLabel *m_undoLabel;
    QTimer *m_undoTimer;
};
