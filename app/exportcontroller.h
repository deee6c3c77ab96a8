// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tableexport.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QMessageBox;
class QWidget;
class MainWindowTestAccess;

/// File > Export: asks where to save, in which format (by the chosen name filter or the
/// name's suffix), and writes the rows there atomically (QSaveFile). A failure says why in a
/// window-modal message box and changes nothing: neither an existing file nor the list.
class ExportController : public QObject
{
    Q_OBJECT
public:
    /// Builds the file's contents in the format asked for, and says how many rows it holds.
    using Contents = std::function<QByteArray(TableExport::Format, int *rowCount)>;

    /// Message boxes and the file dialog belong to @p window.
    explicit ExportController(QWidget *window);

    /// Exports the rows of a page whose rows are called @p kind in file names ("sessions",
    /// "open-files"), listed by @p server. Returns whether a file was written.
    bool exportRows(const QString &kind, const QString &server, const Contents &contents);

Q_SIGNALS:
    /// @p rowCount rows were written to @p path.
    void exported(const QString &path, int rowCount);

private:
    /// What the file dialog does: @p suggested path in, the chosen path out (empty when
    /// cancelled); @p filter holds the selected name filter, in and out.
    using PathChooser = std::function<QString(const QString &suggested, QString *filter)>;
    QString choosePath(const QString &suggested, QString *filter);
    void showError(const QString &path, const QString &reason);

    friend class MainWindowTestAccess;

    QWidget *m_window = nullptr;
    QString m_directory; // where the last export went
    PathChooser m_pathChooser; // tests answer instead of the dialog
    QPointer<QMessageBox> m_errorBox;
};
