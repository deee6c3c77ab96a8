// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverliststore.h"

#include "serverlistfile.h"

#include <QSettings>

namespace {

// One string list under one key, next to the server field's history ("servers/history"):
// the order is the list's, and a hand-edited file stays readable.
const char kWatchedKey[] = "servers/watched";

} // namespace

QStringList ServerListStore::load(const QSettings &settings)
{
    // The list file's reader applies the same rules as an imported list would get.
    return ServerListFile::parse(settings.value(kWatchedKey).toStringList().join(QLatin1Char('\n')))
        .names();
}

void ServerListStore::save(QSettings &settings, const QStringList &names)
{
    settings.setValue(kWatchedKey, names);
}
