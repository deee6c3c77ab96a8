// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolestatusbar.h"

#include "icons.h"
#include "languagechangefilter.h"
#include "sessionerrortext.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QStyle>

#include <algorithm>
#include <climits>

ConsoleStatusBar::ConsoleStatusBar(QWidget *parent)
    : QStatusBar(parent)
{
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("message"));
    m_messageLabel->setTextFormat(Qt::PlainText);
    // Long messages must not push the permanent fields off the bar, nor be cut off ("Check
    // the server na…"): they wrap, and the bar grows a line while they are there.
    m_messageLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("count"));
    m_levelLabel = new QLabel(this);
    m_levelLabel->setObjectName(QStringLiteral("level"));
    m_securityIcon = new QLabel(this);
    m_securityLabel = new QLabel(this);
    m_securityLabel->setObjectName(QStringLiteral("security"));
    m_refreshLabel = new QLabel(this);
    m_refreshLabel->setObjectName(QStringLiteral("lastRefresh"));
    for (QLabel *label : {m_countLabel, m_levelLabel, m_securityLabel, m_refreshLabel})
        label->setTextFormat(Qt::PlainText);

    addWidget(m_messageLabel, 1);
    addPermanentWidget(m_countLabel);
    addPermanentWidget(m_levelLabel);
    addPermanentWidget(m_securityIcon);
    addPermanentWidget(m_securityLabel);
    addPermanentWidget(m_refreshLabel);
    LanguageChangeFilter::install(this, [this] { retranslateUi(); });
    retranslateUi();
}

void ConsoleStatusBar::setConnectionStatus(const ConnectionStatus &status)
{
    // "Connecting to …" is answered either way: rows, or the connection's error.
    const bool answered = m_status.isConnecting() && !status.isConnecting();
    // An error (e.g. a disconnect that failed on a broken connection) is history once the
    // server answers again, or once another server is chosen.
    const bool resolved = (m_status.isStale() && status.state == ConnectionStatus::State::Online)
        || (status.isConnecting() && !m_status.isConnecting());
    m_status = status;
    if ((answered && !m_messageIsError) || (resolved && m_messageIsError))
        m_message = {};
    updateTexts();
}

void ConsoleStatusBar::setServerSummary(int servers, int online, int failed)
{
    m_summaryServers = servers;
    m_summaryOnline = online;
    m_summaryFailed = failed;
    updateTexts();
}

void ConsoleStatusBar::setSessionCounts(
    int total, int shown, bool filtered, const QStringList &missingColumns)
{
    m_fileCounts = false;
    m_total = total;
    m_shown = shown;
    m_filtered = filtered;
    m_missingColumns = missingColumns;
    updateTexts();
}

void ConsoleStatusBar::setOpenFileCounts(bool known, int total, int shown, bool filtered)
{
    m_fileCounts = true;
    m_filesKnown = known;
    m_total = total;
    m_shown = shown;
    m_filtered = filtered;
    m_missingColumns.clear(); // the page says itself what a file listing leaves out
    updateTexts();
}

void ConsoleStatusBar::setMessage(MessageText text, bool error)
{
    m_message = std::move(text);
    m_messageIsError = error;
    updateTexts();
}

void ConsoleStatusBar::retranslateUi()
{
    m_messageLabel->setAccessibleName(tr("Last message"));
    m_levelLabel->setAccessibleName(tr("Details reported"));
    m_securityLabel->setAccessibleName(tr("Connection security"));
    m_refreshLabel->setAccessibleName(tr("Last refresh"));
    updateTexts();
}

void ConsoleStatusBar::updateTexts()
{
    const bool known = m_fileCounts ? m_filesKnown : (m_status.answered || m_total > 0);
    m_countLabel->setAccessibleName(
        m_fileCounts ? tr("Number of open files") : tr("Number of sessions"));
    if (!known)
        m_countLabel->clear();
    else if (m_fileCounts && !m_filtered)
        m_countLabel->setText(tr("%n open file(s)", "", m_total));
    else if (m_fileCounts)
        //: %1 open files shown by the filter, %n all open files listed
        m_countLabel->setText(tr("%1 of %n open file(s)", "", m_total).arg(m_shown));
    else if (!m_filtered)
        m_countLabel->setText(tr("%n session(s)", "", m_total));
    else
        //: %1 sessions shown by the filter, %n all sessions of the server
        m_countLabel->setText(tr("%1 of %n session(s)", "", m_total).arg(m_shown));

    // What the server's information level means for the operator: which details it leaves
    // out (their columns are hidden). A server that reports everything needs no word.
    if (!known || m_missingColumns.isEmpty()) {
        m_levelLabel->clear();
        m_levelLabel->setToolTip(QString());
    } else {
        m_levelLabel->setText(tr("Basic details only"));
        //: %1 lists column titles, e.g. "Client Type and Transport"
        m_levelLabel->setToolTip(tr("This server reports basic session details only (no %1).")
                                     .arg(QLocale().createSeparatedList(m_missingColumns)));
    }

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const bool summary = m_summaryServers > 1;
    if (!m_status.answered || summary) {
        m_securityIcon->clear();
        m_securityLabel->clear();
        m_securityLabel->setToolTip(QString());
    } else if (m_status.isStale()) {
        m_securityIcon->setPixmap(Icons::icon(Icons::Warning).pixmap(iconSize));
        m_securityLabel->setText(tr("Not connected"));
        m_securityLabel->setToolTip(QString());
    } else {
        QString text;
        if (m_status.sealing) {
            text = tr("Signed and encrypted");
            m_securityIcon->setPixmap(Icons::icon(Icons::Sealed).pixmap(iconSize));
        } else if (m_status.signing) {
            text = tr("Signed, not encrypted");
            m_securityIcon->setPixmap(Icons::icon(Icons::Signed).pixmap(iconSize));
        } else {
            text = tr("Not signed");
            m_securityIcon->setPixmap(Icons::icon(Icons::Unsigned).pixmap(iconSize));
        }
        if (!m_status.protocol.isEmpty())
            text = tr("%1 (%2)", "security (protocol)").arg(text, m_status.protocol);
        m_securityLabel->setText(text);
        m_securityLabel->setToolTip(tr("Protection of the console's own connection, as "
                                       "negotiated with the server"));
    }

    if (summary)
        //: Several servers shown at once: %n servers, %1 of them answered, %2 did not
        m_refreshLabel->setText(
            tr("%n server(s): %1 online, %2 failed", "", m_summaryServers)
                .arg(QLocale().toString(m_summaryOnline), QLocale().toString(m_summaryFailed)));
    else if (m_status.isLoading())
        //: A server that sends its sessions in pages: %1 received so far, %Ln in all
        m_refreshLabel->setText(tr("Loading %1 of %Ln session(s)…", "",
            int(std::min<quint32>(m_status.loadingTotal, INT_MAX)))
                                    .arg(QLocale().toString(m_status.loadedRows)));
    else if (m_status.isConnecting())
        m_refreshLabel->setText(tr("Connecting…"));
    else if (m_status.lastSuccessMs > 0)
        m_refreshLabel->setText(
            tr("Updated %1")
                .arg(QLocale().toString(
                    QDateTime::fromMSecsSinceEpoch(m_status.lastSuccessMs).time(),
                    QStringLiteral("HH:mm:ss"))));
    else
        m_refreshLabel->clear();
    for (QLabel *label :
        {m_countLabel, m_levelLabel, m_securityIcon, m_securityLabel, m_refreshLabel})
        label->setVisible(!label->text().isEmpty() || !label->pixmap().isNull());

    QString message = m_message ? m_message() : QString();
    bool error = m_messageIsError;
    if (message.isEmpty() && m_status.lastError) {
        message = SessionErrorText::message(*m_status.lastError);
        error = true;
    }
    m_messageLabel->setText(message);
    m_messageLabel->setToolTip(message);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_messageLabel->setPalette(p);
}
