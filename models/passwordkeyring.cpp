// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordkeyring.h"

#include <QMetaObject>
#include <QMutex>

#include <utility>

#if defined(SC_HAVE_KEYCHAIN)
#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
#define SC_KEYRING_ON_DBUS 1
#include <QAtomicInteger>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QFileInfo>
#include <QLibrary>
#include <QThreadPool>
#endif
#endif

namespace {

#if defined(SC_KEYRING_ON_DBUS)
constexpr int kBusTimeoutMs = 3000;
const QString kSecretService = QStringLiteral("org.freedesktop.secrets");

// The session bus address as libdbus finds it, or empty without one. X11 autolaunch (which
// would start a bus) is deliberately left out: no keyring would run on such a bus.
QString sessionBusAddress()
{
    const QString address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    if (!address.isEmpty())
        return address;
    // The systemd user bus, which libdbus also finds without the variable.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    const QString socket = runtime + QStringLiteral("/bus");
    if (!runtime.isEmpty() && QFileInfo::exists(socket))
        return QStringLiteral("unix:path=") + socket;
    return {};
}

// Runs on a pool thread: blocking D-Bus calls with a timeout, never on the GUI thread.
bool keyringOnBus(const QStringList &names)
{
    static QAtomicInteger<int> counter;
    const QString connectionName
        = QStringLiteral("session-console-keyring-probe-%1").arg(counter.fetchAndAddRelaxed(1));
    bool found = false;
    {
        // By bus type, not by address: libdbus then cleans up after a bus that fails to
        // register us (Qt 6.4's connect-by-address path aborts the process in that case).
        QDBusConnection bus
            = QDBusConnection::connectToBus(QDBusConnection::SessionBus, connectionName);
        // Running services and those the bus would start on first use (gnome-keyring is
        // usually activatable rather than running).
        for (const QString &method :
            {QStringLiteral("ListNames"), QStringLiteral("ListActivatableNames")}) {
            if (found || !bus.isConnected())
                break;
            const QDBusMessage call = QDBusMessage::createMethodCall(
                QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                QStringLiteral("org.freedesktop.DBus"), method);
            const QDBusMessage reply = bus.call(call, QDBus::Block, kBusTimeoutMs);
            if (reply.type() != QDBusMessage::ReplyMessage)
                continue;
            const QStringList present = reply.arguments().value(0).toStringList();
            for (const QString &name : names)
                found = found || present.contains(name);
        }
    }
    QDBusConnection::disconnectFromBus(connectionName);
    return found;
}
#endif

#if defined(SC_HAVE_KEYCHAIN)
// A job on the console's entry for @p account. Never with QtKeychain's fallback to a
// plain-text file where no keyring runs: there the password is simply not remembered.
template<typename Job>
Job *newJob(const QString &account, QObject *parent)
{
    auto *job = new Job(PasswordKeyring::serviceName(), parent);
    job->setInsecureFallback(false);
    job->setKey(account);
    return job;
}
#endif

} // namespace

// The keyring object clears owner when it goes, under the lock the probe holds while it
// posts its answer, so the answer never reaches a deleted object.
struct PasswordKeyring::ProbeState
{
    QMutex mutex;
    PasswordKeyring *owner = nullptr;
};

PasswordKeyring::PasswordKeyring(QObject *parent)
    : QObject(parent)
{
}

PasswordKeyring::~PasswordKeyring()
{
    if (m_probeState) {
        QMutexLocker lock(&m_probeState->mutex);
        m_probeState->owner = nullptr;
    }
}

bool PasswordKeyring::isCompiledIn()
{
#if defined(SC_HAVE_KEYCHAIN)
    return true;
#else
    return false;
#endif
}

QString PasswordKeyring::serviceName()
{
    return QStringLiteral("session-console");
}

QStringList PasswordKeyring::serviceNames()
{
    QStringList names;
#if defined(SC_KEYRING_ON_DBUS)
    // QtKeychain reaches the Secret Service through libsecret, which it loads at run time.
    if (QLibrary(QStringLiteral("secret-1"), 0).load())
        names.append(kSecretService);
    names.append({QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd6")});
#endif
    return names;
}

void PasswordKeyring::probe()
{
    if (m_probing || m_availability != Availability::Unknown)
        return;
#if !defined(SC_HAVE_KEYCHAIN)
    setAvailability(Availability::Unavailable);
#elif !defined(SC_KEYRING_ON_DBUS)
    // Windows' Credential Manager and macOS' Keychain are always there.
    setAvailability(Availability::Available);
#else
    if (sessionBusAddress().isEmpty()) {
        setAvailability(Availability::Unavailable);
        return;
    }
    m_probing = true;
    m_probeState = std::make_shared<ProbeState>();
    m_probeState->owner = this;
    QThreadPool::globalInstance()->start([state = m_probeState] {
        const bool found = keyringOnBus(serviceNames());
        QMutexLocker lock(&state->mutex);
        if (PasswordKeyring *owner = state->owner) {
            QMetaObject::invokeMethod(
                owner,
                [owner, found] {
                    owner->m_probing = false;
                    owner->setAvailability(
                        found ? Availability::Available : Availability::Unavailable);
                },
                Qt::QueuedConnection);
        }
    });
#endif
}

void PasswordKeyring::setAvailability(Availability availability)
{
    const bool changed = availability != m_availability;
    m_availability = availability;
    if (availability != Availability::Unknown) {
        const QList<PendingRead> pending = std::exchange(m_pending, {});
        for (const PendingRead &p : pending)
            startRead(p.account, p.context, p.done);
    }
    if (changed && availability != Availability::Unknown)
        Q_EMIT availabilityChanged(availability == Availability::Available);
}

void PasswordKeyring::read(const QString &account, QObject *context, ReadCallback done)
{
    if (m_availability == Availability::Unknown) {
        m_pending.append({account, context, std::move(done)});
        probe();
        return;
    }
    startRead(account, context, std::move(done));
}

void PasswordKeyring::startRead(
    const QString &account, QPointer<QObject> context, ReadCallback done)
{
#if defined(SC_HAVE_KEYCHAIN)
    if (m_availability == Availability::Available) {
        auto *job = newJob<QKeychain::ReadPasswordJob>(account, this);
        connect(job, &QKeychain::Job::finished, this, [this, job, context, done] {
            std::optional<sc::SecretString> password;
            if (job->error() == QKeychain::NoError) {
                const QByteArray data = job->binaryData();
                password
                    = sc::SecretString(std::string(data.constData(), std::size_t(data.size())));
            } else if (job->error() == QKeychain::NoBackendAvailable) {
                setAvailability(Availability::Unavailable);
            }
            if (context)
                done(std::move(password));
        });
        job->start();
        return;
    }
#else
    Q_UNUSED(account)
#endif
    // Answered later, as a job would be: the caller may rely on it not running re-entrantly.
    QMetaObject::invokeMethod(
        this,
        [context, done] {
            if (context)
                done(std::nullopt);
        },
        Qt::QueuedConnection);
}

void PasswordKeyring::write(const QString &account, const sc::SecretString &password)
{
#if defined(SC_HAVE_KEYCHAIN)
    if (!isAvailable())
        return;
    auto *job = newJob<QKeychain::WritePasswordJob>(account, this);
    job->setBinaryData(QByteArray(password.reveal().data(), qsizetype(password.reveal().size())));
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::NoBackendAvailable)
            setAvailability(Availability::Unavailable);
    });
    job->start();
#else
    Q_UNUSED(account)
    Q_UNUSED(password)
#endif
}

void PasswordKeyring::remove(const QString &account)
{
#if defined(SC_HAVE_KEYCHAIN)
    if (!isAvailable())
        return;
    auto *job = newJob<QKeychain::DeletePasswordJob>(account, this);
    job->start();
#else
    Q_UNUSED(account)
#endif
}
