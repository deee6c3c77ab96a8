// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcontroller.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

// File formats are not translated: "CSV" and "JSON" are their names in every language.
QString csvFilter()
{
    return QStringLiteral("CSV (*.csv)");
}

QString jsonFilter()
{
    return QStringLiteral("JSON (*.json)");
}

// A server name as part of a file name: "fs01:1445" and "[fd00::5]" hold characters that
// some file systems (and Windows shares the operator may save to) refuse.
QString fileNamePart(const QString &server)
{
    QString part = server;
    for (QChar &c : part) {
        if (c.isSpace() || QStringLiteral("\\/:*?\"<>|[]").contains(c))
            c = QLatin1Char('_');
    }
    return part;
}

} // namespace

ExportController::ExportController(QWidget *window)
    : QObject(window)
    , m_window(window)
{
}

bool ExportController::exportRows(
    const QString &kind, const QString &server, const Contents &contents)
{
    if (m_directory.isEmpty())
        m_directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString name = kind;
    if (!server.isEmpty())
        name += QLatin1Char('-') + fileNamePart(server);
    name += QLatin1Char('-')
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))
        + QLatin1String(".csv");

    QString filter = csvFilter();
    const QString path = choosePath(QDir(m_directory).filePath(name), &filter);
    if (path.isEmpty())
        return false;
    // The name's own suffix decides; without one, the chosen filter does.
    const QString suffix = QFileInfo(path).suffix().toLower();
    const TableExport::Format format = suffix == QLatin1String("json") ? TableExport::Format::Json
        : suffix == QLatin1String("csv")                               ? TableExport::Format::Csv
        : filter == jsonFilter()                                       ? TableExport::Format::Json
                                                                       : TableExport::Format::Csv;

    // The rows as they are now: a refresh while the dialog was open is in the file.
    int rowCount = 0;
    const QByteArray data = contents(format, &rowCount);
    // QSaveFile writes beside the target and renames at commit: a full disk or a refused
    // write leaves an existing file as it was, never half written.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        showError(path, file.errorString());
        return false;
    }
    m_directory = QFileInfo(path).absolutePath();
    Q_EMIT exported(path, rowCount);
    return true;
}

QString ExportController::choosePath(const QString &suggested, QString *filter)
{
    if (m_pathChooser)
        return m_pathChooser(suggested, filter);
    QFileDialog dialog(m_window, tr("Export"), suggested);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilters({csvFilter(), jsonFilter()});
    dialog.selectNameFilter(*filter);
    // A name typed without a suffix gets the chosen format's, before the dialog asks
    // whether to replace an existing file of that name.
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog](const QString &chosen) {
        dialog.setDefaultSuffix(
            chosen == jsonFilter() ? QStringLiteral("json") : QStringLiteral("csv"));
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    *filter = dialog.selectedNameFilter();
    return dialog.selectedFiles().constFirst();
}

void ExportController::showError(const QString &path, const QString &reason)
{
    if (m_errorBox)
        m_errorBox->close();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Failed"),
        //: %1 is a file path.
        tr("The rows were not saved to %1.").arg(QDir::toNativeSeparators(path)), QMessageBox::Ok,
        m_window);
    // The system's reason (QSaveFile's, e.g. "Permission denied"), then what it means here.
    box->setInformativeText(
        reason + QLatin1String("\n\n") + tr("Nothing was changed; the list is as it was."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
    m_errorBox = box;
}
