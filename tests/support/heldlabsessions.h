// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labsupport.h"

#include <QElapsedTimer>
#include <QMap>
#include <QString>

#include <memory>

/// The sessions the lab's listing tests count: three of alice's and two of josé's, held on the
/// lab's smbd from hold() until release() (or the end of the object). The SessionApi and the
/// sessionctl tests check their lists against the same known sessions.
class HeldLabSessions
{
public:
    /// Holds the sessions on @p lab and returns once smbstatus lists every one of them; false
    /// (see errorString()) if the lab lacks the users or could not hold or list the sessions.
    bool hold(const Lab &lab);
    /// Ends the sessions.
    void release();
    QString errorString() const { return m_error; }

    QString alice() const { return m_alice; }
    QString jose() const { return m_jose; }
    /// How long the sessions have been listed, in ms: the connected time a server reports
    /// for them has grown at least this much.
    qint64 heldMs() const { return m_held.elapsed(); }

    /// Sessions per user that a listing shows while they are held: these, plus the one admin
    /// connection that the listing opens and that lists itself.
    QMap<QString, int> expectedCounts() const;

private:
    QString m_alice;
    QString m_jose;
    QString m_admin;
    QString m_error;
    std::unique_ptr<LoadGenerator> m_aliceLoad;
    std::unique_ptr<LoadGenerator> m_joseLoad;
    QElapsedTimer m_held;
};
