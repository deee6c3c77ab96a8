// SPDX-License-Identifier: GPL-3.0-or-later
#include "smbdoutage.h"

#include "labsupport.h"

#include <QProcess>

SmbdOutage::SmbdOutage(QString labDir)
    : m_labDir(std::move(labDir))
{
}

SmbdOutage::~SmbdOutage()
{
    if (m_down && !start())
        qWarning("could not start the lab's smbd again: %s", qPrintable(m_error));
}

bool SmbdOutage::stop()
{
    if (!runLab(QStringLiteral("stop-smbd")))
        return false;
    m_down = true;
    return true;
}

bool SmbdOutage::start()
{
    if (!runLab(QStringLiteral("start-smbd")))
        return false;
    m_down = false;
    return true;
}

bool SmbdOutage::runLab(const QString &command)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("bash"), {Lab::labScript(), command, QStringLiteral("--dir"), m_labDir});
    // lab.sh gives smbd 10 s for SIGTERM before SIGKILL, and 10 s to come up.
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        m_error = QStringLiteral("lab.sh %1 did not finish within 60 s").arg(command);
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("lab.sh %1 failed (exit %2): %3")
                      .arg(command)
                      .arg(p.exitCode())
                      .arg(QString::fromUtf8(p.readAll()));
        return false;
    }
    return true;
}
