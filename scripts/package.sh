#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from a built tree and, with --install, installs it on this machine
# (as root) and runs both programs from the installed paths.
#   scripts/package.sh [--install] [BUILD_DIR]     (default: build next to the sources)
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
install=0
if [[ ${1:-} == --install ]]; then
    install=1
    shift
fi
build=${1:-${BUILD_DIR:-$src/build}}

rm -f "$build"/session-console_*.deb
(cd "$build" && cpack -G DEB)
deb=$(cd "$build" && ls "$PWD"/session-console_*.deb) # apt needs a path, not a name
echo "package: built $deb"
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/session-console ./usr/bin/sessionctl ./usr/libexec/sessionconsole-rpcworker \
    ./usr/share/applications/session-console.desktop \
    ./usr/share/icons/hicolor/scalable/apps/session-console.svg; do
    if ! grep -q " $path\$" <<<"$contents"; then
        echo "package: $deb lacks $path" >&2
        exit 1
    fi
done
depends=$(dpkg-deb --field "$deb" Depends)
echo "package: depends on $depends"
# An exact Samba version would make the package uninstallable after any Samba update: it
# comes from linking one of Samba's private libraries directly (cmake/scsymbollookuporder.cmake).
if grep -Eq 'samba-libs \(= ' <<<"$depends"; then
    echo "package: $deb pins one exact samba-libs version" >&2
    exit 1
fi

[[ $install -eq 1 ]] || exit 0
if [[ $(id -u) -ne 0 ]]; then
    echo "package: installing needs root (sudo $0 --install)" >&2
    exit 1
fi
# apt resolves the package's dependencies; dpkg -i alone would not.
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$deb"
# Headless on purpose: --version must not need a display.
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/session-console --version
/usr/bin/sessionctl --version
version=$(/usr/bin/sessionctl --version)
if [[ $version != "sessionctl $(dpkg-deb --field "$deb" Version)" ]]; then
    echo "package: installed sessionctl says \"$version\"" >&2
    exit 1
fi
# The Samba worker, where the installed programs look for it (../libexec from /usr/bin).
# Started by hand it only checks its arguments: exit status 2 proves it loads and runs.
rc=0
/usr/libexec/sessionconsole-rpcworker || rc=$?
if [[ $rc -ne 2 ]]; then
    echo "package: /usr/libexec/sessionconsole-rpcworker exited with $rc, not 2" >&2
    exit 1
fi
echo "package: installed and ran both programs from /usr/bin and the worker from /usr/libexec"
