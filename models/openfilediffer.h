// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openfilesnapshot.h"
#include "textpool.h"

#include <QHash>
#include <QList>

#include <functional>

/// The keyed diff between one poll's open files and the next, run on the poller's worker
/// thread.
///
/// A file is the same from poll to poll when it has the same id (fi3_id, the server's handle
/// for it) and the same local path and user: a server may give a closed file's id to another
/// file, and that is another row, not a changed one. So only access and lock count change in
/// place; path and user never do, which keeps the filter of the proxy (path and user) from
/// having to re-check kept rows. The ranges of the delta are built by DeltaBuilder, and each
/// kept row reports its changed fields (OpenFileRow::changesFrom()); nothing here knows the
/// model's columns.
///
/// A kept row keeps the previous row's texts, so on a poll of a big server only new files
/// allocate; users come from a TextPool (a user holds many files).
class OpenFileDiffer
{
public:
    /// Names a server's local path as shown (e.g. \\\\server\\share\\relative); returns a
    /// null QString to show the local path itself.
    using PathNamer = std::function<QString(QStringView localPath)>;

    /// Computes the delta from the current rows to @p files (in server order), named by
    /// @p namer (may be empty), and makes them current.
    OpenFileDelta update(const sc::OpenFileList &files, const PathNamer &namer = {});

    /// The next update() produces a full replacement and forgets the current rows.
    void reset();
    /// Keeps the users of new rows in @p texts, with other servers' differs (TextPool::share()).
    void shareTexts(std::shared_ptr<SharedTextPool> texts) { m_pool.share(std::move(texts)); }
    /// Drops the rows of the delta before the last one (see SessionDiffer::releaseRetired()).
    void releaseRetired() { m_retired = {}; }
    quint64 generation() const { return m_generation; }

private:
    OpenFileRow rowOf(const sc::OpenFileInfo &info, const PathNamer &namer);

    TextPool m_pool;
    QList<OpenFileRow> m_rows;
    QList<OpenFileRow> m_retired;
    quint64 m_generation = 0;
    bool m_replaceNext = true;
};
