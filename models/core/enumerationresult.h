// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "openfileinfo.h"
#include "sessioninfo.h"

#include <cstdint>

namespace sc {

/// What an enumeration answers besides its rows, the same for sessions and open files.
/// @p kFirstLevel is the level an answer reports until it says otherwise.
template<typename Level, Level kFirstLevel>
struct EnumerationFacts
{
    std::uint32_t totalEntries = 0; ///< TotalEntries as the server reported it (before filtering)
    Level level = kFirstLevel; ///< level actually used (relevant for "auto")
    /// "auto" had to step down because the server refused richer levels.
    bool levelFellBack = false;
};

/// The answer of SessionApi::enumerate(): rows after client-side filtering, plus what the server
/// said.
struct SessionEnumResult : EnumerationFacts<InfoLevel, InfoLevel::Level0>
{
    SessionList sessions;
};

/// The answer of SessionApi::enumerateFiles(), the same for open files; "auto" steps down from
/// level 3 to level 2.
struct OpenFileEnumResult : EnumerationFacts<FileInfoLevel, FileInfoLevel::Level3>
{
    OpenFileList files;
};

} // namespace sc
