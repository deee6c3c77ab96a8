#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-builds the Qt-free session core and the Windows smoke program with mingw-w64, then
# checks that the program exists and imports netapi32 and mpr.
#   scripts/cross-windows.sh [BUILD_DIR]    (default: build-windows next to the sources)
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$src/build-windows"}
triplet=x86_64-w64-mingw32

for tool in "$triplet-g++-posix" "$triplet-objdump"; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "cross-windows: $tool not found (install g++-mingw-w64-x86-64)" >&2
        exit 1
    }
done

generator=
command -v ninja >/dev/null 2>&1 && generator="-G Ninja"

# shellcheck disable=SC2086 # $generator is deliberately split
cmake -S "$src" -B "$build" $generator \
    -DSC_CORE_ONLY=ON \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_TOOLCHAIN_FILE="$src/cmake/mingw-w64-x86_64.cmake"
cmake --build "$build" --target sessionapi-smoke -j2

exe="$build/tests/windows/sessionapi-smoke.exe"
if [ ! -f "$exe" ]; then
    echo "cross-windows: $exe was not produced" >&2
    exit 1
fi

imports=$("$triplet-objdump" -p "$exe" | sed -n 's/^[[:space:]]*DLL Name: //p')
for dll in NETAPI32.dll MPR.dll; do
    if ! printf '%s\n' "$imports" | grep -qix "$dll"; then
        echo "cross-windows: $exe does not import $dll; imports are:" >&2
        printf '%s\n' "$imports" >&2
        exit 1
    fi
done

echo "cross-windows: built $exe"
printf '%s\n' "$imports" | sed 's/^/  imports /'
