// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

/// A dbus-daemon of the test's own, as the process's session bus: started by start(), which
/// also sets DBUS_SESSION_BUS_ADDRESS, and ended (by its own process handle) on destruction.
/// Its only activatable services are the .service files put into servicesDir().
///
/// libdbus reads the session bus address once per process, so a test uses one of these for
/// the whole run, started before anything asks for the session bus.
class PrivateSessionBus
{
public:
    PrivateSessionBus() = default;
    ~PrivateSessionBus();
    PrivateSessionBus(const PrivateSessionBus &) = delete;
    PrivateSessionBus &operator=(const PrivateSessionBus &) = delete;

    bool start();
    bool isRunning() const { return m_daemon != nullptr; }
    QString address() const { return m_address; }
    QString servicesDir() const { return m_services; }
    QString errorString() const { return m_error; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_daemon;
    QString m_address;
    QString m_services;
    QString m_error;
};
