// SPDX-License-Identifier: GPL-3.0-or-later
#include "privatesessionbus.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace {

constexpr int kTimeoutMs = 15000;

} // namespace

PrivateSessionBus::~PrivateSessionBus()
{
    if (!m_daemon)
        return;
    m_daemon->terminate();
    if (!m_daemon->waitForFinished(5000)) {
        m_daemon->kill();
        m_daemon->waitForFinished(5000);
    }
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
}

bool PrivateSessionBus::start()
{
    if (m_daemon)
        return true;
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    m_services = m_dir.filePath(QStringLiteral("services"));
    if (!QDir().mkpath(m_services)) {
        m_error = QStringLiteral("cannot create %1").arg(m_services);
        return false;
    }
    // No standard service folders: only what the test puts in servicesDir() is activatable.
    // The policy is the one of Debian's session.conf.
    QFile config(m_dir.filePath(QStringLiteral("bus.conf")));
    if (!config.open(QIODevice::WriteOnly)) {
        m_error = config.errorString();
        return false;
    }
    config.write(QStringLiteral(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
        "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig><type>session</type><listen>unix:dir=%1</listen>"
        "<auth>EXTERNAL</auth><servicedir>%2</servicedir>"
        "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
        "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                     .arg(m_dir.path(), m_services)
                     .toUtf8());
    config.close();

    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty()) {
        m_error = QStringLiteral("dbus-daemon not found");
        return false;
    }
    auto process = std::make_unique<QProcess>();
    process->start(daemon,
        {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
            QStringLiteral("--print-address")});
    if (!process->waitForStarted(kTimeoutMs)) {
        m_error = process->errorString();
        return false;
    }
    while (!process->canReadLine()) {
        if (!process->waitForReadyRead(kTimeoutMs)) {
            m_error = QStringLiteral("dbus-daemon printed no address");
            process->kill();
            process->waitForFinished(5000);
            return false;
        }
    }
    m_address = QString::fromUtf8(process->readLine().trimmed());
    m_daemon = std::move(process);
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    return true;
}
