// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

class QAbstractItemModel;

/// File > Export: the rows a page shows, as sessionctl writes them (SessionRecord,
/// OpenFileRecord), UTF-8. Reads the rows' values (the models' RowRole), never the shown
/// texts: numbers stay numbers and nothing depends on the language.
class TableExport
{
public:
    enum class Format { Csv, Json };

    /// The sessions @p rows shows (a SessionTableModel or a proxy of it), in its order: CSV as
    /// `sessionctl list --csv` over several servers writes it (a "server" column first), or
    /// {"server", "level", "sessions": [{... "server"}]} with the objects of `list --json`.
    /// Durations are counted up to @p nowMs (ms since the epoch); idleSeconds is null (CSV:
    /// empty) with @p idleTimeUnreported.
    static QByteArray sessions(const QAbstractItemModel &rows, const QString &server,
        bool idleTimeUnreported, Format format, qint64 nowMs);

    /// The open files @p rows shows (an OpenFileTableModel or a proxy of it), in its order: CSV
    /// as `sessionctl files --csv` writes it, or {"server", "level", "files": [...]} with the
    /// objects of `files --json`. "path" is the server's own path, as sessionctl gives it.
    /// Without a @p server (the files of several servers) each row carries its own: a "server"
    /// column first, a "server" in each file's object.
    static QByteArray openFiles(
        const QAbstractItemModel &rows, const QString &server, Format format);
};
