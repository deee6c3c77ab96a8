// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openfileinfo.h"

#include <QMetaType>
#include <QString>

/// One open file as the console keeps it: the OpenFileInfo of the core converted once into
/// QString, with the server's local path also named through the shares (\\server\share\...).
///
/// FILE_INFO_3 names the user who holds the file, not the session or the client computer, so
/// a row cannot say which of a user's sessions holds it.
///
/// Rows are shared between the poller's worker thread and the model, so a row is never
/// modified after it was handed over, like SessionRow.
struct OpenFileRow
{
    /// The fields a refresh can change, as flags; the model maps them to its columns.
    enum Change : quint32 {
        NoChange = 0,
        PathChange = 1u << 0, ///< the shown path (the shares were learnt later)
        UserChange = 1u << 1,
        AccessChange = 1u << 2,
        LocksChange = 1u << 3,
        LevelChange = 1u << 4, ///< which fields the server fills
    };

    /// As shown: "\\\\server\\share\\relative", or the server's local path when no share
    /// covers it (or the shares could not be listed).
    QString path;
    QString localPath; ///< fi3_path_name as the server reported it
    QString user;
    quint32 id = 0; ///< fi3_id: the server's handle for NetFileClose, unique while open
    quint32 permissions = 0; ///< sc::kPermFile* bits
    quint32 lockCount = 0;
    sc::FileInfoLevel level = sc::FileInfoLevel::Level3;

    bool canRead() const { return permissions & sc::kPermFileRead; }
    bool canWrite() const { return permissions & sc::kPermFileWrite; }
    /// The row's stable key, the sort tie-break: the file id.
    quint64 key() const { return id; }

    /// The fields in which this row differs from @p before (a union of Change flags).
    quint32 changesFrom(const OpenFileRow &before) const
    {
        quint32 changes = level != before.level ? LevelChange : NoChange;
        changes |= path != before.path ? PathChange : NoChange;
        changes |= user != before.user ? UserChange : NoChange;
        changes |= (permissions & (sc::kPermFileRead | sc::kPermFileWrite))
                != (before.permissions & (sc::kPermFileRead | sc::kPermFileWrite))
            ? AccessChange
            : NoChange;
        return changes | (lockCount != before.lockCount ? LocksChange : NoChange);
    }
};
Q_DECLARE_TYPEINFO(OpenFileRow, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(OpenFileRow)
