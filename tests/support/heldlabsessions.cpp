// SPDX-License-Identifier: GPL-3.0-or-later
#include "heldlabsessions.h"

#include <QLatin1Char>

bool HeldLabSessions::hold(const Lab &lab)
{
    m_alice = lab.plainUser(QStringLiteral("alice"));
    m_jose = lab.plainUser(QString::fromUtf8("josé"));
    m_admin = lab.adminUser();
    if (m_alice.isEmpty() || m_jose.isEmpty()) {
        m_error = QStringLiteral("no alice or josé among the lab's users: ")
            + lab.plainUsers().join(QLatin1Char(' '));
        return false;
    }
    m_aliceLoad = lab.hold(m_alice, 3);
    if (m_aliceLoad)
        m_joseLoad = lab.hold(m_jose, 2);
    if (!m_aliceLoad || !m_joseLoad) {
        m_error = lab.errorString();
        return false;
    }
    if (!lab.waitForSessionCount(m_alice, 3) || !lab.waitForSessionCount(m_jose, 2)) {
        m_error = QStringLiteral("smbstatus does not list the sessions held: ") + lab.errorString();
        return false;
    }
    m_held.start();
    return true;
}

void HeldLabSessions::release()
{
    m_aliceLoad.reset();
    m_joseLoad.reset();
}

QMap<QString, int> HeldLabSessions::expectedCounts() const
{
    QMap<QString, int> expected;
    expected[m_alice] = 3;
    expected[m_jose] = 2;
    expected[m_admin] = 1;
    return expected;
}
