// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstatus.h"

#include <QStatusBar>
#include <QStringList>

#include <functional>

class QLabel;
class MainWindowTestAccess;

/// The console's status bar: the last message (or the connection's error), the number of
/// sessions, the information level, the security of the console's own connection and the
/// time of the last refresh (or the loading progress).
///
/// It only shows what it is given: the connection's ConnectionStatus and the counts of the
/// page in view. Texts are rebuilt on a language change.
class ConsoleStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    /// Builds a message in the current language (called again after a language change).
    using MessageText = std::function<QString()>;

    explicit ConsoleStatusBar(QWidget *parent = nullptr);

    /// Also clears a message that is not an error once a connection that was being made
    /// has its first answer (the "Connecting to …" it answers).
    void setConnectionStatus(const ConnectionStatus &status);
    /// Several servers are shown at once: @p servers of them, @p online answered their last
    /// poll, @p failed did not, the others are connecting. Shown instead of the security and
    /// the time of the last refresh, which are each server's own. @p servers below 2 goes
    /// back to the status of setConnectionStatus().
    void setServerSummary(int servers, int online, int failed);
    /// @p total sessions of the server, @p shown of them pass the filter (@p filtered: one is
    /// set); @p missingColumns are the titles of the columns the server's level cannot fill.
    void setSessionCounts(int total, int shown, bool filtered, const QStringList &missingColumns);
    /// Shown instead of the session counts while the Open Files page is in view: @p total
    /// files listed, @p shown of them pass the filters (@p filtered: one is set); @p known is
    /// false until the server has answered a file listing.
    void setOpenFileCounts(bool known, int total, int shown, bool filtered);
    /// The result of the last action; an empty function clears it (the connection's error,
    /// if any, shows instead).
    void setMessage(MessageText text, bool error);
    bool messageIsError() const { return m_messageIsError; }

private:
    void retranslateUi();
    void updateTexts();

    friend class MainWindowTestAccess;

    QLabel *m_messageLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_levelLabel = nullptr;
    QLabel *m_securityIcon = nullptr;
    QLabel *m_securityLabel = nullptr;
    QLabel *m_refreshLabel = nullptr;

    ConnectionStatus m_status;
    int m_summaryServers = 0;
    int m_summaryOnline = 0;
    int m_summaryFailed = 0;
    // Which page's counts are in view: a count of sessions under the Open Files page would
    // answer a question the operator did not ask.
    bool m_fileCounts = false;
    bool m_filesKnown = false;
    int m_total = 0;
    int m_shown = 0;
    bool m_filtered = false;
    QStringList m_missingColumns;
    MessageText m_message; // empty: no message
    bool m_messageIsError = false;
};
