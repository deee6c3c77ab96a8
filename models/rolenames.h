// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>

class QMetaEnum;

/// Role names that follow a model's Role enum, so that a role added to the enum cannot be left
/// without a name (QML and model inspectors such as GammaRay show roles by name).
namespace RoleNames {

/// Adds one name per key of @p roles to @p names: the key without its "Role" suffix, starting
/// in lower case (StateTextRole: "stateText").
void add(QHash<int, QByteArray> &names, const QMetaEnum &roles);

} // namespace RoleNames
