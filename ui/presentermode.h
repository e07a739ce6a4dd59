#pragma once

#include <QFont>
#include <QObject>
#include <QPalette>
#include <QPointer>

class QAction;
class QActionGroup;
class QLabel;
class QMainWindow;
class QMenu;
class QTimer;

// Presenter mode, for a trainer's projector: everything larger (150–250 %), a high-contrast
// palette, nothing on screen but the lesson, the lab and the editor, and every command shown
// as it runs (its name and shortcut, large, at the foot of the window), so the room sees
// what was done without watching the keyboard. Leaving it puts back fonts, colours and docks.
class PresenterMode : public QObject
{
    Q_OBJECT
public:
    explicit PresenterMode(QMainWindow *window);

    QAction *toggleAction() const { return m_toggle; }
    // View → Presenter Zoom: 150 %, 175 %, 200 %, 250 %.
    QMenu *zoomMenu() const { return m_zoomMenu; }
    bool isOn() const { return m_on; }
    int zoom() const { return m_zoom; }
    void setOn(bool on);
    void setZoom(int percent);
    // The command shown at the foot of the window (empty when none is).
    QString shownCommand() const;
    // Shows an action as run: its text and shortcut.
    void showCommand(const QAction *action);

    static QPalette highContrastPalette();

private:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void applyZoom();
    void placeKeycast();
    void watchActions();

    QMainWindow *m_window;
    QAction *m_toggle;
    QMenu *m_zoomMenu;
    QActionGroup *m_zoomGroup;
    QLabel *m_keycast;
    QTimer *m_keycastTimer;
    bool m_on = false;
    int m_zoom = 175;
    // What leaving puts back.
    QFont m_font;
    QPalette m_palette;
    QString m_style;
    QByteArray m_state;
    QList<QPointer<QObject>> m_watched;
};
