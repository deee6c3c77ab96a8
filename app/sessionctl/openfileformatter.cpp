// SPDX-License-Identifier: GPL-3.0-or-later
#include "openfileformatter.h"

#include "openfilerecord.h"
#include "outputtext.h"

#include <QJsonArray>

#include <algorithm>

namespace {

using OutputText::csvField;
using OutputText::printable;

template<typename Text>
QString qs(const Text &s)
{
    return OutputText::fromUtf16(s);
}

} // namespace

QString OpenFileFormatter::accessText(std::uint32_t permissions)
{
    const bool read = permissions & sc::kPermFileRead;
    const bool write = permissions & (sc::kPermFileWrite | sc::kPermFileCreate);
    if (read && write)
        //: Access column of an open file: opened for reading and writing
        return tr("Read+Write");
    if (write)
        //: Access column of an open file
        return tr("Write");
    if (read)
        //: Access column of an open file
        return tr("Read");
    return {};
}

QStringList OpenFileFormatter::permissionIds(std::uint32_t permissions)
{
    return OpenFileRecord::permissionIds(permissions);
}

QJsonObject OpenFileFormatter::toJson(const sc::OpenFileInfo &file)
{
    return OpenFileRecord::toJson(file);
}

QString OpenFileFormatter::outcomeId(sc::FileCloseOutcome outcome)
{
    switch (outcome) {
    case sc::FileCloseOutcome::Closed:
        return QStringLiteral("closed");
    case sc::FileCloseOutcome::WasNotOpen:
        return QStringLiteral("not-open");
    case sc::FileCloseOutcome::StillOpen:
        return QStringLiteral("still-open");
    case sc::FileCloseOutcome::Failed:
        break;
    }
    return QStringLiteral("failed");
}

QString OpenFileFormatter::list(const sc::OpenFileEnumResult &result) const
{
    switch (m_format) {
    case Format::Json: {
        QJsonArray files;
        for (const sc::OpenFileInfo &f : result.files)
            files.append(toJson(f));
        QJsonObject o;
        o.insert(QLatin1String("level"), static_cast<int>(result.level));
        o.insert(QLatin1String("totalEntries"), static_cast<qint64>(result.totalEntries));
        o.insert(QLatin1String("files"), files);
        return SessionFormatter::jsonText(o);
    }
    case Format::Csv: {
        QString out = OpenFileRecord::csvHeader();
        for (const sc::OpenFileInfo &f : result.files)
            out += OpenFileRecord::csvLine(f);
        return out;
    }
    case Format::Table:
        break;
    }
    QString out = table(result.files);
    //: Below the open-files table. %1 is the number listed, %2 the server's total, %3 the level.
    out += tr("%1 of %2 open file(s) shown (information level %3).")
               .arg(result.files.size())
               .arg(result.totalEntries)
               .arg(static_cast<int>(result.level))
        + QLatin1Char('\n');
    return out;
}

QString OpenFileFormatter::table(const sc::OpenFileList &files) const
{
    if (files.empty())
        return tr("No open files.") + QLatin1Char('\n');
    const bool rich = files.front().level == sc::FileInfoLevel::Level3;
    //: Column headers of the open-files table (Windows' Open Files node: ID, Accessed By,
    //: # Locks, Open Mode, Open File)
    QList<QString> cells {tr("ID")};
    if (rich)
        cells << tr("User") << tr("Locks") << tr("Access") << tr("Path");
    for (const sc::OpenFileInfo &f : files) {
        cells << QString::number(f.id);
        if (rich)
            cells << printable(qs(f.userName)) << QString::number(f.lockCount)
                  << accessText(f.permissions) << printable(qs(f.path));
    }
    // Numbers right-aligned (id, locks), text left-aligned.
    if (rich)
        return OutputText::alignedColumns(cells, {true, false, true, false, false});
    return OutputText::alignedColumns(cells, {true});
}

QString OpenFileFormatter::closePreview(const sc::OpenFileList &files) const
{
    //: Shown before the confirmation question of close-file
    return tr("These open files will be closed; changes not yet saved in them can be lost:")
        + QLatin1Char('\n') + table(files);
}

QString OpenFileFormatter::closeResult(const std::vector<sc::FileCloseResult> &results) const
{
    if (m_format == Format::Json) {
        QJsonArray files;
        for (const sc::FileCloseResult &r : results) {
            QJsonObject o = r.file ? toJson(*r.file) : QJsonObject();
            o.insert(QLatin1String("id"), static_cast<qint64>(r.id));
            o.insert(QLatin1String("result"), outcomeId(r.outcome));
            if (r.error) {
                o.insert(
                    QLatin1String("error"), QString::fromLatin1(sc::errorKindId(r.error->kind())));
            }
            files.append(o);
        }
        QJsonObject o;
        o.insert(QLatin1String("closed"),
            static_cast<qint64>(
                std::count_if(results.begin(), results.end(), [](const sc::FileCloseResult &r) {
                    return r.outcome == sc::FileCloseOutcome::Closed;
                })));
        o.insert(QLatin1String("files"), files);
        return SessionFormatter::jsonText(o);
    }
    if (m_format == Format::Csv) {
        QString out = QStringLiteral("id,result,path,user\r\n");
        for (const sc::FileCloseResult &r : results) {
            out += QString::number(r.id) + QLatin1Char(',') + outcomeId(r.outcome)
                + QLatin1Char(',') + (r.file ? csvField(qs(r.file->path)) : QString())
                + QLatin1Char(',') + (r.file ? csvField(qs(r.file->userName)) : QString())
                + QStringLiteral("\r\n");
        }
        return out;
    }
    QString out;
    for (const sc::FileCloseResult &r : results) {
        const QString what = r.file && !r.file->path.empty()
            ? QStringLiteral("%1 (%2, %3)")
                  .arg(r.id)
                  .arg(printable(qs(r.file->path)), printable(qs(r.file->userName)))
            : QString::number(r.id);
        switch (r.outcome) {
        case sc::FileCloseOutcome::Closed:
            //: %1 is a file id, possibly followed by the path and user in parentheses
            out += tr("Closed open file %1.").arg(what);
            break;
        case sc::FileCloseOutcome::WasNotOpen:
            out += tr("File %1 was no longer open; nothing was closed.").arg(what);
            break;
        case sc::FileCloseOutcome::StillOpen:
            out += tr("The server accepted closing file %1, but it is still open.").arg(what);
            break;
        case sc::FileCloseOutcome::Failed:
            out += tr("File %1 was not closed.").arg(what);
            break;
        }
        out += QLatin1Char('\n');
    }
    return out;
}
