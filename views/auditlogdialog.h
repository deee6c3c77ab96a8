// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditlog.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;

/// Session ▸ Audit Log…: the local record of disconnects (the console's and sessionctl's),
/// newest first, read-only. It reads the file when opened and on Reload; it never writes.
class AuditLogDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { Time, Operator, Server, Account, Client, User, Result, ColumnCount };

    explicit AuditLogDialog(const AuditLog &log, QWidget *parent = nullptr);

    /// Reads the log again.
    void reload();

    /// For tests: the table and the line that says where the file is or what went wrong.
    QTreeWidget *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }

private:
    void retranslateUi();
    void fill();
    QString resultText(const AuditRecord &record) const;

    AuditLog m_log;
    QList<AuditRecord> m_records;
    QString m_readError;
    int m_skipped = 0;
    QLabel *m_intro = nullptr;
    QTreeWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_reload = nullptr;
};
