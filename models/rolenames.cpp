// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolenames.h"

#include <QMetaEnum>

void RoleNames::add(QHash<int, QByteArray> &names, const QMetaEnum &roles)
{
    for (int i = 0; i < roles.keyCount(); ++i) {
        QByteArray name(roles.key(i));
        if (name.endsWith("Role"))
            name.chop(4);
        if (name.isEmpty())
            continue;
        name[0] = char(QChar::toLower(uchar(name.at(0))));
        names.insert(roles.value(i), name);
    }
}
