// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessiondiffer.h"
#include "sessionsnapshot.h"

#include <QList>

/// Plays one server's poller worker for the model tests: diffs each poll's sessions as the
/// worker does and answers with the snapshot the model applies, or with a failed poll.
class ScriptedSessionPoller
{
public:
    SessionSnapshot poll(qint64 pollTime, const QList<sc::SessionInfo> &infos,
        sc::InfoLevel level = sc::InfoLevel::Level1);
    static SessionSnapshot fail(qint64 pollTime, sc::ErrorKind kind = sc::ErrorKind::Unreachable);

    /// The worker's differ, for tests that check or break its bookkeeping.
    SessionDiffer &differ() { return m_differ; }

private:
    SessionDiffer m_differ;
};
