#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package the project needs to build, test and run its lab.
# Idempotent: when all of them are installed already it only says so (--force updates anyway).
set -euo pipefail

PACKAGES=(
    # build
    build-essential cmake ninja-build pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-svg-dev libqt6svg6 libgl-dev qtkeychain-qt6-dev
    samba-dev libsmbclient-dev nettle-dev
    # the test lab: smbd and its tools, run as fake root under uid/nss wrappers
    samba smbclient libuid-wrapper libnss-wrapper python3 python3-impacket procps iproute2
    util-linux jq
    # the AD lab (tests/lab/adlab.sh): a Samba domain controller, Kerberos tools, and the
    # MIT Kerberos headers the core reads the ticket cache with; faketime for clock skew.
    # libnss-winbind: the DC's smbd names the user of an open file through NSS (NetFileEnum),
    # and without winbind there it reports a domain user by uid ("3000015"); the package
    # adds winbind to /etc/nsswitch.conf, as on any Samba DC.
    samba-ad-dc samba-ad-provision samba-dsdb-modules winbind libnss-winbind krb5-user
    libkrb5-dev faketime
    # GUI tests and screenshots without a display
    xvfb xauth
    # a private session bus for the keyring tests (tst_passwordkeyring, tst_rememberpassword)
    dbus-daemon
    # Windows cross-build of the core, fuzzing, the leak check (leak_cycle)
    g++-mingw-w64-x86-64 clang libclang-rt-14-dev valgrind
    # benchmarks: whole-command timings (bench_e2e.sh --hyperfine)
    hyperfine
)

force=0
[[ ${1:-} == --force ]] && force=1

missing=()
for p in "${PACKAGES[@]}"; do
    if [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) != "install ok installed" ]]; then
        missing+=("$p")
    fi
done
if [[ ${#missing[@]} -eq 0 && $force -eq 0 ]]; then
    echo "install-deps: all ${#PACKAGES[@]} packages are installed"
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: must run as root (sudo $0); missing: ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]:-(forced)}"
apt-get update
apt-get install -y --no-install-recommends "${PACKAGES[@]}"
echo "install-deps: done"
