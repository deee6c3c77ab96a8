// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Takes the lab's smbd down (tests/lab/lab.sh stop-smbd) and brings it back on the same port
/// with the same users (start-smbd). The destructor starts it again if the test did not, so a
/// failing test never leaves the shared lab fixture without a server for the next test.
class SmbdOutage
{
public:
    /// @p labDir is the lab's directory ($SC_LAB_DIR).
    explicit SmbdOutage(QString labDir);
    ~SmbdOutage();
    SmbdOutage(const SmbdOutage &) = delete;
    SmbdOutage &operator=(const SmbdOutage &) = delete;

    /// Stops smbd and its RPC helpers; false (see errorString()) if lab.sh failed.
    bool stop();
    /// Starts smbd again on the same port; false (see errorString()) if lab.sh failed.
    bool start();
    bool isDown() const { return m_down; }
    QString errorString() const { return m_error; }

private:
    bool runLab(const QString &command);

    QString m_labDir;
    QString m_error;
    bool m_down = false;
};
