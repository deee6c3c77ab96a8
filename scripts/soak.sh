#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Soak test: starts a private lab, holds N sessions open, and lets the console's data path
# (tests/reliability/soak_driver.cpp: poller, table model, proxy) poll it for S seconds.
# Passes when no poll failed, every poll listed exactly N + 1 sessions (ours included), the
# lab still holds the N sessions at the end, and the driver's resident memory after the
# warm-up grew by less than 5 %. Prints the memory curve and the figures.
#
#   scripts/soak.sh [--sessions N] [--seconds S] [--interval-ms MS]
#
# Defaults: 1000 sessions, 600 s, 1000 ms. Uses the build in $BUILD_DIR (default ./build),
# building sc-soak-driver and sc-loadgen there if needed, and runs the lab in
# $SC_SOAK_LAB_DIR (default $BUILD_DIR/soak-lab). Only loopback addresses are used; every
# process started is stopped again by pid, also on Ctrl-C.
set -uo pipefail
export LC_ALL=C

sessions=1000
seconds=600
interval_ms=1000
usage() {
    sed -n '9,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
    exit 2
}
while [[ $# -gt 0 ]]; do
    case $1 in
    --sessions) sessions=${2:?}; shift 2 ;;
    --seconds) seconds=${2:?}; shift 2 ;;
    --interval-ms) interval_ms=${2:?}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "soak: unknown argument $1" >&2; usage ;;
    esac
done
for v in "$sessions" "$seconds" "$interval_ms"; do
    [[ $v =~ ^[0-9]+$ && $v -gt 0 ]] || usage
done

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$src/build}
lab_dir=${SC_SOAK_LAB_DIR:-$build/soak-lab}
lab=(bash "$src/tests/lab/lab.sh")
driver=$build/tests/reliability/sc-soak-driver
loadgen=$build/tests/lab/sc-loadgen
# The build tree's Samba worker (installed programs find theirs in libexec).
export SC_RPCWORKER_PATH=${SC_RPCWORKER_PATH:-$build/app/sessionconsole-rpcworker}
user=alice

say() { echo "soak: $*"; }

# Each held session is one smbd process of about 1.4 MB plus the load generator's share.
need_mib=$((sessions * 14 / 10 + 512))
avail_mib=$(awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo)
say "$sessions sessions need about $need_mib MiB; $avail_mib MiB available"
if ((avail_mib < need_mib)); then
    say "not enough memory; use fewer --sessions"
    exit 1
fi

if [[ ! -x $driver || ! -x $loadgen || ! -x $SC_RPCWORKER_PATH ]]; then
    [[ -f $build/CMakeCache.txt ]] || { say "no build in $build (run scripts/build.sh)"; exit 1; }
    cmake --build "$build" --target sc-soak-driver sc-loadgen sessionconsole-rpcworker || exit 1
fi

# shellcheck disable=SC2317 # called from the EXIT trap
cleanup() {
    # lab.sh stop ends the load generator and every smbd of this lab, by pid.
    "${lab[@]}" stop --dir "$lab_dir" >/dev/null 2>&1 || "${lab[@]}" stop --dir "$lab_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"${lab[@]}" start --dir "$lab_dir" || exit 1
t0=$(date +%s)
"${lab[@]}" load start "$user" "$sessions" --dir "$lab_dir" --loadgen "$loadgen" || exit 1
say "holding $sessions sessions after $(($(date +%s) - t0)) s"

held() {
    "${lab[@]}" smbstatus --dir "$lab_dir" |
        jq --arg u "$user" '[.sessions[] | select(.username | test("(^|\\\\)" + $u + "$"))] | length'
}
before=$(held)
if [[ $before != "$sessions" ]]; then
    say "smbstatus shows $before sessions of $user, expected $sessions"
    exit 1
fi

# Memory grows while the first polls fill caches; measure from there.
warmup=$((seconds / 5 < 60 ? seconds / 5 : 60))
sample=$((seconds / 6 < 60 ? seconds / 6 : 60))
((sample < 10)) && sample=10
((warmup < 1)) && warmup=1
timeout --kill-after=30 $((seconds + 120)) "$driver" --lab-dir "$lab_dir" \
    --expected-sessions $((sessions + 1)) --seconds "$seconds" --interval-ms "$interval_ms" \
    --warmup-seconds "$warmup" --sample-seconds "$sample" 2> >(grep -v XDG_RUNTIME_DIR >&2)
rc=$?

after=$(held)
if [[ $after != "$sessions" ]]; then
    say "FAIL: at the end smbstatus shows $after sessions of $user, expected $sessions"
    rc=1
fi
say "sessions held: $sessions before, $after after; driver exit $rc"
if [[ $rc -eq 0 ]]; then
    say "PASS ($sessions sessions, $seconds s, poll every $interval_ms ms)"
else
    say "FAILED"
fi
exit $rc
