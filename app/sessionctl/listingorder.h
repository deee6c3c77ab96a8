// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessioninfo.h"

/// The order of `sessionctl list`: by user, then client (both case-insensitive, as Windows
/// compares names), then by every other field, so that the output is the same on every run
/// whatever order the server answers in.
void sortForListing(sc::SessionList &sessions);
