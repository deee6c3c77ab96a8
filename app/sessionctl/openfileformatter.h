// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessionapi.h"
#include "sessionformatter.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

/// Renders open files for `sessionctl files` and `close-file`: a human table (ID, user, locks,
/// access, path), JSON ({"level", "totalEntries", "files": [{"id", "path", "user", "locks",
/// "permissions"}]}, null where level 2 carries nothing) or CSV (RFC 4180).
class OpenFileFormatter
{
    Q_DECLARE_TR_FUNCTIONS(OpenFileFormatter)

public:
    using Format = SessionFormatter::Format;

    explicit OpenFileFormatter(Format format)
        : m_format(format)
    {
    }

    /// `files`: the open files and the level that was used.
    QString list(const sc::OpenFileEnumResult &result) const;
    /// `close-file`, before asking: always a human table.
    QString closePreview(const sc::OpenFileList &files) const;
    /// `close-file`, afterwards: one line (table) or one entry (JSON, CSV) per file asked for.
    QString closeResult(const std::vector<sc::FileCloseResult> &results) const;

    /// "Read", "Write", "Read+Write" (translated), or "" for no bits.
    static QString accessText(std::uint32_t permissions);
    /// ["read", "write", "create"] as far as the bits say.
    static QStringList permissionIds(std::uint32_t permissions);
    static QJsonObject toJson(const sc::OpenFileInfo &file);
    /// "closed", "not-open", "still-open", "failed".
    static QString outcomeId(sc::FileCloseOutcome outcome);

private:
    QString table(const sc::OpenFileList &files) const;

    Format m_format;
};
