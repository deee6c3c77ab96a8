// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionbanner.h"

#include "icons.h"
#include "languagechangefilter.h"
#include "sessionerrortext.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("banner"));
    setAutoFillBackground(true);
    m_icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(Icons::icon(Icons::Warning).pixmap(iconSize * 3 / 2));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectAs = new QPushButton(this);
    m_connectAs->setText(tr("Connect As…"));
    LanguageChangeFilter::install(this, [this] {
        m_connectAs->setText(tr("Connect As…"));
        updateText();
    });
    connect(m_connectAs, &QPushButton::clicked, this, &ConnectionBanner::connectAsClicked);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_connectAs, 0, Qt::AlignVCenter);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, palette.color(QPalette::ToolTipBase));
    palette.setColor(QPalette::WindowText, palette.color(QPalette::ToolTipText));
    setPalette(palette);
    hide();
}

void ConnectionBanner::setConnectionStatus(const ConnectionStatus &status, bool listHasRows)
{
    m_status = status;
    m_listHasRows = listHasRows;
    updateText();
}

void ConnectionBanner::setRetryShortcut(const QKeySequence &shortcut)
{
    m_retryShortcut = shortcut;
    updateText();
}

void ConnectionBanner::updateText()
{
    if (!m_status.isStale() || !m_status.lastError) {
        hide();
        return;
    }
    const sc::SessionError &error = *m_status.lastError;
    const QString reason = SessionErrorText::text(error);
    QString text;
    if (m_status.answered && m_listHasRows) {
        text = tr("Connection to %1 lost: %2").arg(m_status.server, reason);
        text += QLatin1Char('\n')
            + tr("The list shows the sessions as they were at the last "
                 "refresh and may be out of date.");
    } else {
        text = tr("Cannot list the sessions of %1: %2").arg(m_status.server, reason);
    }
    if (m_status.busy) {
        text += QLatin1Char(' ') + tr("Trying again…");
    } else if (m_status.nextPollMs > 0) {
        const QTime at = QDateTime::fromMSecsSinceEpoch(m_status.nextPollMs).time();
        text += QLatin1Char(' ')
            + tr("Next attempt at %1.").arg(QLocale().toString(at, QStringLiteral("HH:mm:ss")));
    } else {
        // Automatic refresh is off: nothing will retry unless the operator does.
        text += QLatin1Char(' ')
            + tr("Press %1 to try again.").arg(m_retryShortcut.toString(QKeySequence::NativeText));
    }
    m_text->setText(text);
    const sc::ErrorKind kind = error.kind();
    m_connectAs->setVisible(kind == sc::ErrorKind::LogonFailure
        || kind == sc::ErrorKind::AccessDenied || sc::isCredentialProblem(kind));
    show();
}
