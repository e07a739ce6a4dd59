#include "classbar.h"

#include "courselibrary.h"

#include <QLabel>
#include <QPushButton>

ClassBar::ClassBar(ClassLink *link, const CourseLibrary &library, const QString &language, QWidget *parent)
    : QToolBar(tr("Class"), parent)
    , m_link(link)
    , m_library(library)
    , m_language(language)
    , m_state(new QLabel(this))
    , m_followLabel(new QLabel(this))
    , m_open(new QPushButton(tr("Open"), this))
{
    setObjectName(QStringLiteral("classBar"));
    setMovable(false);
    m_state->setObjectName(QStringLiteral("classBarState"));
    m_followLabel->setObjectName(QStringLiteral("classBarFollow"));
    addWidget(m_state);
    addSeparator();
    m_followGroup = addWidget(m_followLabel);
    m_openAction = addWidget(m_open);
    m_followGroup->setVisible(false);
    m_openAction->setVisible(false);
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    addWidget(spacer);
    addAction(tr("Leave Class"), this, &ClassBar::leaveRequested);
    connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openRequested(m_follow); });
    const auto state = [this](ClassLink::State s, const QString &detail) {
        const QString title = m_link->classFile().title.isEmpty() ? m_link->classFile().classId
                                                                   : QStringLiteral("%1 (%2)").arg(m_link->classFile().title, m_link->classFile().classId);
        QString said;
        switch (s) {
        case ClassLink::State::Live:
            said = QStringLiteral("<span style='color:#2e9e4f'>●</span> ") + tr("Class %1 · %2 · your results reach the trainer").arg(title, m_link->login()).toHtmlEscaped();
            break;
        case ClassLink::State::Connecting:
            said = tr("Class %1 · connecting…").arg(title).toHtmlEscaped();
            break;
        case ClassLink::State::Reconnecting:
            said = QStringLiteral("<span style='color:#c62828'>●</span> ")
                + tr("Class %1 · reconnecting… your results are kept and sent when the server is back").arg(title).toHtmlEscaped();
            break;
        }
        m_state->setText(said);
        m_state->setToolTip(detail);
    };
    connect(link, &ClassLink::stateChanged, this, state);
    connect(link, &ClassLink::controlsChanged, this, &ClassBar::showControls);
    state(link->state(), QString());
    showControls(link->controls());
}

void ClassBar::showControls(const QHash<QString, QString> &controls)
{
    m_follow = controls.value(Classroom::followKey());
    const CourseLibrary::Found found = m_library.find(m_follow);
    const bool following = !m_follow.isEmpty() && found.item;
    m_followLabel->setText(following ? tr("Your trainer presents “%1”").arg(inLanguage(found.item->title, m_language)) : QString());
    m_followGroup->setVisible(following);
    m_openAction->setVisible(following);
}

QString ClassBar::stateText() const
{
    return m_state->text();
}

QString ClassBar::followText() const
{
    return m_openAction->isVisible() ? m_followLabel->text() : QString();
}
