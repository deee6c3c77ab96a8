#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# "lab.sh stop", the cleanup every script that starts a lab runs, leaves nothing behind even
# when a load generator ignores SIGTERM and has to be killed: a lab of its own, sessions held
# through a load generator that ignores SIGTERM, then stop; afterwards no process this test
# started (smbd, its children, samba-dcerpcd, the hung server, the load generator and its
# child) may still run.
#   lab_cleanup_test.sh LAB_SH SC_LOADGEN LAB_DIR [SESSIONS]
set -euo pipefail
LAB_NAME=lab_cleanup_test
# shellcheck source-path=SCRIPTDIR source=labcommon.sh
source "$(dirname "${BASH_SOURCE[0]}")/labcommon.sh"

lab_sh=$1
export SC_REAL_LOADGEN=$2
dir=$3
sessions=${4:-200}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

fail() {
    echo "lab_cleanup_test: FAIL: $*" >&2
    exit 1
}

# Whatever happens, end what this test started, so a failure does not leave a lab running.
seen=()
finish() {
    local p
    bash "$lab_sh" stop --dir "$dir" >/dev/null 2>&1 || true
    for p in "${seen[@]}"; do
        kill -KILL "$p" 2>/dev/null || true
    done
}
trap finish EXIT

rm -rf "$dir"
bash "$lab_sh" start --dir "$dir"
bash "$lab_sh" load start alice "$sessions" --dir "$dir" --loadgen "$here/stubborn_loadgen.py"
mapfile -t seen < <(processes_naming "$dir")
echo "lab_cleanup_test: ${#seen[@]} lab processes before stop: ${seen[*]}"
[[ -s $dir/pid/smbd.pid ]] || fail "no smbd pid file"
[[ -s $dir/run/hung.pid ]] || fail "no hung server pid file"
# smbd, its children, the hung server, the load generator and its child.
[[ ${#seen[@]} -ge 5 ]] || fail "expected at least 5 lab processes, found ${#seen[@]}"

log=$(mktemp)
trap 'rm -f "$log"; finish' EXIT
start=$(date +%s)
bash "$lab_sh" stop --dir "$dir" 2>&1 | tee "$log" || fail "lab.sh stop failed"
echo "lab_cleanup_test: lab.sh stop took $(($(date +%s) - start)) s"
grep -q 'sending SIGKILL' "$log" ||
    fail "the load generator was not killed: this test did not test what it claims"

# The load generator's child logs its sessions off once its parent is gone; give it (and
# init reaping the killed) time, generously, then nothing may be left.
for ((i = 0; i < 600; i++)); do
    left=()
    for p in "${seen[@]}"; do
        [[ -r /proc/$p/stat ]] || continue
        stat=$(cat "/proc/$p/stat" 2>/dev/null) || continue
        stat=${stat##*) }
        [[ ${stat:0:1} == Z ]] || left+=("$p")
    done
    mapfile -t others < <(processes_naming "$dir")
    [[ ${#left[@]} -eq 0 && ${#others[@]} -eq 0 ]] && break
    sleep 0.1
done
if [[ ${#left[@]} -gt 0 || ${#others[@]} -gt 0 ]]; then
    ps -o pid,ppid,sid,stat,cmd -p "$(IFS=,; echo "${left[*]:-1}${others[*]:+,}$(IFS=,; echo "${others[*]}")")" >&2 || true
    fail "still running 60 s after lab.sh stop: ${left[*]} ${others[*]}"
fi
echo "lab_cleanup_test: nothing left of ${#seen[@]} processes"
