// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openfilerow.h"
#include "sessionapi.h"
#include "sessionerror.h"
#include "tabledelta.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

/// The delta of the open files table (see TableDelta).
using OpenFileDelta = TableDelta<OpenFileRow>;

/// The answer to one poll of the open files, a value copied from the worker thread to the GUI
/// thread (see SessionSnapshot).
struct OpenFilesSnapshot
{
    quint64 epoch = 0; ///< as SessionSnapshot::epoch
    qint64 pollTimeMs = 0;
    /// Set when the enumeration failed; then @c delta is empty and the rows shown stay,
    /// marked stale.
    std::optional<sc::SessionError> error;
    bool hasRows = false;

    sc::FileInfoLevel level = sc::FileInfoLevel::Level3;
    bool levelFellBack = false;
    quint32 totalEntries = 0;
    /// The shares could not be listed (NetShareEnum needs administrator rights on Samba), so
    /// paths are the server's local ones.
    bool sharesUnknown = false;

    OpenFileDelta delta;

    bool ok() const { return !error.has_value(); }
};

/// What became of one file the operator asked to close, judged by the enumeration after the
/// call (sc::FileCloseOutcome).
struct FileCloseReport
{
    quint32 id = 0;
    sc::FileCloseOutcome outcome = sc::FileCloseOutcome::Failed;
    QString path; ///< as the server reported it before the call; empty if it was not open
    QString user;
    std::optional<sc::SessionError> error; ///< why, for Failed
    /// Why the audit log could not record this; empty when it did (or none is kept).
    QString auditError;
};

Q_DECLARE_METATYPE(OpenFilesSnapshot)
Q_DECLARE_METATYPE(FileCloseReport)
