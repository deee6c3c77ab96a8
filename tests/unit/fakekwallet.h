// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDBusConnection>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>

#include <memory>

class QThread;

/// Just enough of KWallet's D-Bus interface (org.kde.KWallet on /modules/kwalletd5) for
/// QtKeychain to store, read and delete entries, so tests can drive "remember password"
/// through the real QtKeychain without a desktop. It answers on a thread of its own: QtKeychain
/// makes one blocking call from the GUI thread.
class FakeKWallet : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.KWallet")
public:
    FakeKWallet();
    ~FakeKWallet() override;

    /// Claims org.kde.kwalletd5 on the bus at @p address. QtKeychain picks KWallet 5 when the
    /// desktop says it is Plasma 5, so this also sets XDG_CURRENT_DESKTOP and
    /// KDE_SESSION_VERSION for this process.
    bool start(const QString &address);

    /// Entry of folder @p folder and key @p key; empty QByteArray if there is none.
    QByteArray entry(const QString &folder, const QString &key) const;
    int entryCount() const;

public Q_SLOTS:
    Q_SCRIPTABLE QString networkWallet();
    Q_SCRIPTABLE int open(const QString &wallet, qlonglong windowId, const QString &appId);
    Q_SCRIPTABLE int close(int handle, bool force, const QString &appId);
    Q_SCRIPTABLE int entryType(
        int handle, const QString &folder, const QString &key, const QString &appId);
    Q_SCRIPTABLE bool hasEntry(
        int handle, const QString &folder, const QString &key, const QString &appId);
    Q_SCRIPTABLE QByteArray readEntry(
        int handle, const QString &folder, const QString &key, const QString &appId);
    Q_SCRIPTABLE QString readPassword(
        int handle, const QString &folder, const QString &key, const QString &appId);
    Q_SCRIPTABLE int writeEntry(int handle, const QString &folder, const QString &key,
        const QByteArray &value, const QString &appId);
    Q_SCRIPTABLE int writePassword(int handle, const QString &folder, const QString &key,
        const QString &value, const QString &appId);
    Q_SCRIPTABLE int removeEntry(
        int handle, const QString &folder, const QString &key, const QString &appId);

private:
    mutable QMutex m_mutex;
    QHash<QString, QByteArray> m_entries; // "folder/key"
    QThread *m_thread = nullptr;
    QString m_connectionName;
};
