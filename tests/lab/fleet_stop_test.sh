#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The fleet fixture's cleanup, and the proof that "lab.sh fleet-stop" leaves nothing behind: a
# load generator holds sessions on the last member, then fleet-stop; afterwards no process
# whose command line names a file in the fleet directory may run (smbd of every member, their
# children, samba-dcerpcd, the hung server, load generators). fleet-stop is "lab.sh stop" of
# every member; that a load generator ignoring SIGTERM is killed there is lab_cleanup's proof,
# which takes a minute CI need not spend twice.
#   fleet_stop_test.sh LAB_SH SC_LOADGEN FLEET_DIR
set -euo pipefail
LAB_NAME=fleet_stop_test
# shellcheck source-path=SCRIPTDIR source=labcommon.sh
source "$(dirname "${BASH_SOURCE[0]}")/labcommon.sh"

lab_sh=$1
loadgen=$2
dir=$(realpath -m -- "$3")

fail() {
    echo "fleet_stop_test: FAIL: $*" >&2
    exit 1
}

[[ -s $dir/fleet.env ]] || {
    bash "$lab_sh" fleet-stop --dir "$dir" || true
    fail "no fleet running in $dir (did fleet_start fail?)"
}
size=$(sed -n 's/^FLEET_SIZE=//p' "$dir/fleet.env")
bash "$lab_sh" load start alice 3 --dir "$dir/s$size" --loadgen "$loadgen"
mapfile -t seen < <(processes_naming "$dir")
echo "fleet_stop_test: ${#seen[@]} fleet processes before stop"
# Every member's smbd, the hung server and the load generator.
[[ ${#seen[@]} -ge $((size + 2)) ]] || fail "expected at least $((size + 2)) processes, found ${#seen[@]}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
bash "$lab_sh" fleet-stop --dir "$dir" 2>&1 | tee "$log" || fail "lab.sh fleet-stop failed"
echo "fleet_stop_test: fleet-stop took $(($(date +%s) - start)) s"
grep -q "stopped (dir $dir/s$size)" "$log" || fail "fleet-stop did not stop member $size"
[[ ! -e $dir/fleet.env ]] || fail "fleet.env still there"

for ((i = 0; i < 600; i++)); do
    mapfile -t left < <(processes_naming "$dir")
    [[ ${#left[@]} -eq 0 ]] && break
    sleep 0.1
done
if [[ ${#left[@]} -gt 0 ]]; then
    ps -o pid,ppid,sid,stat,cmd -p "$(IFS=,; echo "${left[*]}")" >&2 || true
    # Nothing may outlive the test run, even when it fails.
    kill -KILL "${left[@]}" 2>/dev/null || true
    fail "still running 60 s after fleet-stop: ${left[*]}"
fi
echo "fleet_stop_test: nothing left of ${#seen[@]} processes"
