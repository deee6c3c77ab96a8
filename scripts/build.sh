#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures and builds everything into ./build (or $BUILD_DIR), optimised with debug info.
#   scripts/build.sh [extra cmake -D options]
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$src/build}
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)

# An existing build directory keeps its generator; only pass one for a new directory.
if [[ -f $build/CMakeCache.txt ]]; then
    generator=()
fi
# SC_REQUIRE_KEYCHAIN=ON (set by scripts/test.sh): fail unless "remember password" is built.
features=()
[[ -n ${SC_REQUIRE_KEYCHAIN:-} ]] && features+=(-DSC_REQUIRE_KEYCHAIN="$SC_REQUIRE_KEYCHAIN")
cmake -S "$src" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${features[@]}" "$@"
cmake --build "$build" -j "$(nproc)"
echo "build: done in $build"
