// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakekwallet.h"

#include <QThread>

namespace {

constexpr int kHandle = 42;
// KWallet::Wallet::EntryType
constexpr int kUnknownEntry = 0;
constexpr int kStreamEntry = 2;

QString entryKey(const QString &folder, const QString &key)
{
    return folder + QLatin1Char('/') + key;
}

} // namespace

FakeKWallet::FakeKWallet()
    : m_thread(new QThread)
{
    m_thread->setObjectName(QStringLiteral("FakeKWallet"));
    m_thread->start();
    moveToThread(m_thread);
}

FakeKWallet::~FakeKWallet()
{
    if (!m_connectionName.isEmpty())
        QDBusConnection::disconnectFromBus(m_connectionName);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

bool FakeKWallet::start(const QString &address)
{
    m_connectionName = QStringLiteral("fake-kwallet");
    QDBusConnection bus = QDBusConnection::connectToBus(address, m_connectionName);
    if (!bus.isConnected())
        return false;
    if (!bus.registerObject(
            QStringLiteral("/modules/kwalletd5"), this, QDBusConnection::ExportScriptableSlots))
        return false;
    if (!bus.registerService(QStringLiteral("org.kde.kwalletd5")))
        return false;
    qputenv("XDG_CURRENT_DESKTOP", "KDE");
    qputenv("KDE_SESSION_VERSION", "5");
    return true;
}

QByteArray FakeKWallet::entry(const QString &folder, const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.value(entryKey(folder, key));
}

int FakeKWallet::entryCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

QString FakeKWallet::networkWallet()
{
    return QStringLiteral("kdewallet");
}

int FakeKWallet::open(const QString &, qlonglong, const QString &)
{
    return kHandle;
}

int FakeKWallet::close(int, bool, const QString &)
{
    return 0;
}

int FakeKWallet::entryType(int, const QString &folder, const QString &key, const QString &)
{
    QMutexLocker lock(&m_mutex);
    return m_entries.contains(entryKey(folder, key)) ? kStreamEntry : kUnknownEntry;
}

bool FakeKWallet::hasEntry(int, const QString &folder, const QString &key, const QString &)
{
    QMutexLocker lock(&m_mutex);
    return m_entries.contains(entryKey(folder, key));
}

QByteArray FakeKWallet::readEntry(int, const QString &folder, const QString &key, const QString &)
{
    QMutexLocker lock(&m_mutex);
    return m_entries.value(entryKey(folder, key));
}

QString FakeKWallet::readPassword(int, const QString &folder, const QString &key, const QString &)
{
    QMutexLocker lock(&m_mutex);
    return QString::fromUtf8(m_entries.value(entryKey(folder, key)));
}

int FakeKWallet::writeEntry(
    int, const QString &folder, const QString &key, const QByteArray &value, const QString &)
{
    QMutexLocker lock(&m_mutex);
    m_entries.insert(entryKey(folder, key), value);
    return 0;
}

int FakeKWallet::writePassword(
    int, const QString &folder, const QString &key, const QString &value, const QString &)
{
    QMutexLocker lock(&m_mutex);
    m_entries.insert(entryKey(folder, key), value.toUtf8());
    return 0;
}

int FakeKWallet::removeEntry(int, const QString &folder, const QString &key, const QString &)
{
    QMutexLocker lock(&m_mutex);
    return m_entries.remove(entryKey(folder, key)) ? 0 : -1;
}
