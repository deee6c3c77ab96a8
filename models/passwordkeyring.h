// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstring.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

/// The desktop keyring (Secret Service, KWallet, Windows Credential Manager, macOS
/// Keychain) through QtKeychain, for the optional "remember password".
///
/// Whether a keyring is there is found out once, without blocking the calling thread:
/// probe() answers at once where the answer is cheap (built without QtKeychain, no D-Bus
/// session bus at all, as in CI) and otherwise asks the session bus on a pool thread which
/// keyring services it has or can start. Until availabilityChanged() the option is treated
/// as absent. A keyring job that fails for want of a backend also marks it unavailable.
///
/// Jobs are asynchronous; their answers arrive on the thread that owns this object. Nothing
/// is ever stored outside the keyring (QtKeychain's plain-text fallback stays off).
class PasswordKeyring : public QObject
{
    Q_OBJECT
public:
    enum class Availability { Unknown, Available, Unavailable };

    /// Called with the stored password, or nullopt when there is none or no keyring.
    using ReadCallback = std::function<void(std::optional<sc::SecretString>)>;

    explicit PasswordKeyring(QObject *parent = nullptr);
    ~PasswordKeyring() override;

    /// Built with QtKeychain at all.
    static bool isCompiledIn();
    /// Where entries are filed ("session-console").
    static QString serviceName();

    /// Starts finding out whether a keyring is there (once; later calls do nothing).
    void probe();
    Availability availability() const { return m_availability; }
    bool isAvailable() const { return m_availability == Availability::Available; }

    /// Reads the password stored for @p account. Waits for probe() if it has not answered
    /// yet. @p done runs on this object's thread, and not at all once @p context is gone.
    void read(const QString &account, QObject *context, ReadCallback done);
    /// Stores @p password for @p account (replacing an older one). Does nothing without a
    /// keyring.
    void write(const QString &account, const sc::SecretString &password);
    /// Forgets the password of @p account.
    void remove(const QString &account);

    /// For tests: the D-Bus names that count as a keyring service.
    static QStringList serviceNames();

Q_SIGNALS:
    /// probe() has an answer, or a job found the keyring gone.
    void availabilityChanged(bool available);

private:
    void setAvailability(Availability availability);
    void startRead(const QString &account, QPointer<QObject> context, ReadCallback done);

    // Shared with the probe's pool thread, which must not post to a deleted object.
    struct ProbeState;

    Availability m_availability = Availability::Unknown;
    bool m_probing = false;
    std::shared_ptr<ProbeState> m_probeState;
    // read() calls waiting for probe()'s answer.
    struct PendingRead
    {
        QString account;
        QPointer<QObject> context;
        ReadCallback done;
    };
    QList<PendingRead> m_pending;
};
