#include "presentermode.h"

#include "sqleditor.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QRegularExpression>
#include <QStyle>
#include <QTimer>
#include <QToolBar>

namespace {
// Docks that stay: what the trainer presents. Activity, history and the schema browser go.
const QStringList PresentedDocks = {QStringLiteral("lessonDock"), QStringLiteral("labDock")};
constexpr int KeycastMs = 2500;
} // namespace

PresenterMode::PresenterMode(QMainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_toggle(new QAction(tr("&Presenter Mode"), this))
    , m_zoomMenu(new QMenu(tr("Presenter &Zoom"), window))
    , m_zoomGroup(new QActionGroup(this))
    , m_keycast(new QLabel(window))
    , m_keycastTimer(new QTimer(this))
{
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
    m_toggle->setToolTip(tr("Large fonts, high contrast, only the lesson and the editor, and each command shown as it runs"));
    connect(m_toggle, &QAction::toggled, this, &PresenterMode::setOn);
    for (const int percent : {150, 175, 200, 250}) {
        QAction *zoom = m_zoomGroup->addAction(tr("%1 %").arg(percent));
        zoom->setCheckable(true);
        zoom->setChecked(percent == m_zoom);
        zoom->setData(percent);
        connect(zoom, &QAction::triggered, this, [this, percent] { setZoom(percent); });
        m_zoomMenu->addAction(zoom);
    }
    m_keycast->setObjectName(QStringLiteral("presenterKeycast"));
    m_keycast->setAlignment(Qt::AlignCenter);
    m_keycast->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_keycast->setStyleSheet(QStringLiteral("QLabel { background: rgba(20, 20, 20, 220); color: #ffffff; border: 2px solid #ffd400;"
                                            " border-radius: 10px; padding: 10px 24px; }"));
    m_keycast->hide();
    m_keycastTimer->setSingleShot(true);
    m_keycastTimer->setInterval(KeycastMs);
    connect(m_keycastTimer, &QTimer::timeout, m_keycast, &QLabel::hide);
    window->installEventFilter(this);
}

QPalette PresenterMode::highContrastPalette()
{
    QPalette p;
    const QColor black(0, 0, 0), white(255, 255, 255), yellow(0xff, 0xd4, 0x00), grey(0x1c, 0x1c, 0x1c);
    for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::ToolTipBase})
        p.setColor(role, role == QPalette::AlternateBase ? grey : black);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
                                           QPalette::BrightText, QPalette::PlaceholderText})
        p.setColor(role, white);
    p.setColor(QPalette::Button, grey);
    p.setColor(QPalette::Highlight, yellow);
    p.setColor(QPalette::HighlightedText, black);
    p.setColor(QPalette::Link, QColor(0x66, 0xd9, 0xff));
    p.setColor(QPalette::Mid, white);
    p.setColor(QPalette::Dark, white);
    for (const QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xa0, 0xa0, 0xa0));
    return p;
}

void PresenterMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    m_toggle->setChecked(on);
    if (on) {
        m_font = QApplication::font();
        m_palette = QApplication::palette();
        m_style = QApplication::style()->name();
        m_state = m_window->saveState();
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(highContrastPalette());
        for (QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
            if (!PresentedDocks.contains(dock->objectName()))
                dock->hide();
        }
        for (QToolBar *bar : m_window->findChildren<QToolBar *>())
            bar->setToolButtonStyle(Qt::ToolButtonTextOnly); // words the room can read, not icons
        watchActions();
        applyZoom();
    } else {
        QApplication::setStyle(m_style);
        QApplication::setPalette(m_palette);
        QApplication::setFont(m_font);
        for (QToolBar *bar : m_window->findChildren<QToolBar *>())
            bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_window->restoreState(m_state);
        for (SqlEditor *editor : m_window->findChildren<SqlEditor *>())
            editor->zoomTo(0);
        m_keycast->hide();
    }
}

void PresenterMode::setZoom(int percent)
{
    m_zoom = std::clamp(percent, 150, 250);
    for (QAction *a : m_zoomGroup->actions())
        a->setChecked(a->data().toInt() == m_zoom);
    if (m_on)
        applyZoom();
}

void PresenterMode::applyZoom()
{
    QFont font = m_font;
    const qreal base = m_font.pointSizeF() > 0 ? m_font.pointSizeF() : 10;
    font.setPointSizeF(base * m_zoom / 100.0);
    QApplication::setFont(font);
    QFont cast = font;
    cast.setPointSizeF(base * m_zoom / 100.0 * 1.3);
    cast.setBold(true);
    m_keycast->setFont(cast);
    for (SqlEditor *editor : m_window->findChildren<SqlEditor *>()) // its theme follows the palette by itself
        editor->zoomTo(int(base * (m_zoom - 100) / 100.0));
}

void PresenterMode::watchActions()
{
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action == m_toggle || action->shortcut().isEmpty() || m_watched.contains(action))
            continue;
        m_watched << action;
        connect(action, &QAction::triggered, this, [this, action] {
            if (m_on)
                showCommand(action);
        });
    }
}

void PresenterMode::showCommand(const QAction *action)
{
    // Without the mnemonic: "&Run Script" and "运行脚本(&R)" read as "Run Script", "运行脚本".
    static const QRegularExpression mnemonic(QStringLiteral("\\(&\\w\\)|&|…"));
    const QString name = QString(action->text()).remove(mnemonic).trimmed();
    m_keycast->setText(QStringLiteral("%1   <span style='color:#ffd400'>%2</span>")
                           .arg(name.toHtmlEscaped(), action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped()));
    m_keycast->adjustSize();
    placeKeycast();
    m_keycast->show();
    m_keycast->raise();
    m_keycastTimer->start();
}

QString PresenterMode::shownCommand() const
{
    return m_keycast->isVisible() ? m_keycast->text() : QString();
}

void PresenterMode::placeKeycast()
{
    const QSize size = m_keycast->sizeHint();
    m_keycast->setGeometry((m_window->width() - size.width()) / 2, m_window->height() - size.height() - 60, size.width(),
                           size.height());
}

bool PresenterMode::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Resize && m_keycast->isVisible())
        placeKeycast();
    return QObject::eventFilter(watched, event);
}
