// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>
#include <QPersistentModelIndex>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPushButton;

/// Every field of one session at the level the server answered. Follows its row through
/// a QPersistentModelIndex, so it shows live values (durations tick) and says "Session
/// ended" once the row is gone instead of showing what is no longer true.
class SessionDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p index is a row of the SessionTableModel (not of a proxy, whose filter could hide a
    /// session that still exists).
    explicit SessionDetailsDialog(const QModelIndex &index, QWidget *parent = nullptr);

    /// The row followed; invalid once the session ended.
    QPersistentModelIndex index() const { return m_index; }
    bool hasEnded() const { return !m_index.isValid(); }

    /// The value shown for a model column, or an empty string if the row is hidden (tests).
    QString valueText(int column) const;
    QLabel *statusLabel() const { return m_status; }
    QPushButton *disconnectButton() const { return m_disconnectButton; }
    QPushButton *openFilesButton() const { return m_openFilesButton; }

Q_SIGNALS:
    /// The operator pressed "Disconnect…" for this session.
    void disconnectRequested(const QPersistentModelIndex &index);
    /// The operator pressed "Show Open Files" for this session's user.
    void openFilesRequested(const QString &user);

private:
    void retranslateUi();
    void refresh();

    QPersistentModelIndex m_index;
    QString m_client;
    QString m_user;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QFormLayout *m_form = nullptr;
    QList<QLabel *> m_labels; ///< one per model column
    QList<QLabel *> m_values;
    QLabel *m_levelLabel = nullptr;
    QLabel *m_levelValue = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_disconnectButton = nullptr;
    QPushButton *m_openFilesButton = nullptr;
};
