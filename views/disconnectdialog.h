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
        quint32 openFiles = 0; ///< summed over the selected sessions of the pair
        bool ownSession = false; ///< the console's own connection is among them
    };

    explicit DisconnectDialog(const QList<Target> &targets, QWidget *parent = nullptr);

    QList<Target> targets() const { return m_targets; }
    bool includesOwnSession() const;

    /// For tests and accessibility tools that drive the dialog.
    QPushButton *disconnectButton() const { return m_disconnectButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    /// The extra warning shown when the console's own connection would end.
    QLabel *ownSessionWarning() const { return m_ownWarning; }

    /// Merges selected rows into NetSessionDel targets, case-insensitively as Windows
    /// compares names, in first-seen order.
    static QList<Target> mergeTargets(const QList<Target> &rows);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QList<Target> m_targets;
    QLabel *m_icon = nullptr;
    QLabel *m_question = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_ownWarning = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_disconnectButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};
