// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedsessionpoller.h"

SessionSnapshot ScriptedSessionPoller::poll(
    qint64 pollTime, const QList<sc::SessionInfo> &infos, sc::InfoLevel level)
{
    SessionSnapshot s;
    s.epoch = 1;
    s.pollTimeMs = pollTime;
    s.level = level;
    s.hasRows = true;
    s.delta = m_differ.update(sc::SessionList(infos.begin(), infos.end()), pollTime);
    return s;
}

SessionSnapshot ScriptedSessionPoller::fail(qint64 pollTime, sc::ErrorKind kind)
{
    SessionSnapshot s;
    s.epoch = 1;
    s.pollTimeMs = pollTime;
    s.error = sc::SessionError::local(kind);
    return s;
}
