// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;

/// Confirmation before NetSessionDel. NetSessionDel cannot end one session: it ends every
/// session of that user from that computer, so the dialog lists (computer, user) pairs and
/// says so. Cancel is the default button; the console's own connection gets its own warning.
class DisconnectDialog : public QDialog
{
    Q_OBJECT
public:
    /// One NetSessionDel call: all sessions of @c user from @c client.
    struct Target
    {
        QString client;
        QString user;
        quint32 openFiles = 0; ///< summed over the sessions of the pair
        bool ownSession = false; ///< the console's own connection is among them
        quint32 sessions = 1; ///< sessions of the pair that end (after merging)
        /// The server the sessions are on, when the console watches several; the pairs of
        /// different servers are different calls.
        QString server;
    };

    explicit DisconnectDialog(const QList<Target> &targets, QWidget *parent = nullptr);

    QList<Target> targets() const { return m_targets; }
    bool includesOwnSession() const;

    /// For tests and accessibility tools that drive the dialog.
    QPushButton *disconnectButton() const { return m_disconnectButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    /// "This ends 5 sessions and closes 15 open files."
    QLabel *impactLabel() const { return m_impact; }
    /// The extra warning shown when the console's own connection would end.
    QLabel *ownSessionWarning() const { return m_ownWarning; }

    /// Merges selected rows into NetSessionDel targets, case-insensitively as Windows
    /// compares names, in first-seen order.
    static QList<Target> mergeTargets(const QList<Target> &rows);

    /// What really ends: NetSessionDel ends every session of a user from a computer, so
    /// every row of @p allRows that belongs to a (computer, user) pair of @p selected. Pass
    /// the result to the constructor, which counts sessions and open files from it.
    static QList<Target> affectedRows(const QList<Target> &selected, const QList<Target> &allRows);

    /// The counts the dialog states (tests).
    quint32 sessionCount() const;
    quint32 openFileCount() const;
    int userCount() const;
    int computerCount() const;
    /// The servers of the targets, in first-seen order (one empty name for one server).
    QStringList servers() const;
    /// Sessions that end on @p server.
    quint32 sessionCount(const QString &server) const;

private:
    void retranslateUi();

    QList<Target> m_targets;
    QLabel *m_icon = nullptr;
    QLabel *m_question = nullptr;
    QLabel *m_impact = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_ownWarning = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_disconnectButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};
