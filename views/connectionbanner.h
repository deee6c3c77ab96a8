// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstatus.h"

#include <QKeySequence>
#include <QWidget>

class QLabel;
class QPushButton;
class MainWindowTestAccess;

/// Shown above a server's list while the server cannot be reached: why, whether the list is
/// out of date, and when the console tries again (or how to make it). Offers "Connect As…"
/// when the account is the problem.
///
/// Hidden unless the connection is failing; it takes everything it shows from a
/// ConnectionStatus and rebuilds its text on a language change.
class ConnectionBanner : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBanner(QWidget *parent = nullptr);

    /// @p listHasRows: the page still shows rows of an earlier answer.
    void setConnectionStatus(const ConnectionStatus &status, bool listHasRows);
    /// The shortcut that polls again, named when automatic refresh is off.
    void setRetryShortcut(const QKeySequence &shortcut);

Q_SIGNALS:
    void connectAsClicked();

private:
    void updateText();

    friend class MainWindowTestAccess;

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_connectAs = nullptr;
    ConnectionStatus m_status;
    bool m_listHasRows = false;
    QKeySequence m_retryShortcut;
};
