#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the srvsvc decoder fuzzers with clang (libFuzzer + ASan + UBSan, core only, no Qt)
# and runs each for SECONDS with the seed corpus, SC_FUZZ_PARALLEL (default 2) at a time.
# Prints executions and time per target; exits non-zero if any target crashes, leaks or fails to build.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS] [BUILD_DIR]
#
# SECONDS defaults to 60, BUILD_DIR to $SC_FUZZ_BUILD_DIR or build-fuzz in the source tree
# (per checkout, so two clones never share a CMake cache).
# New inputs go to BUILD_DIR/corpus/<target>, crashes to BUILD_DIR/artifacts/; the committed
# seeds in tests/fuzz/corpus are only read. A crash input belongs in tests/fuzz/corpus/<target>/
# (tst_srvsvccodec and tst_srvsvcfilecodec decode every file there) once the bug is fixed.
set -euo pipefail
export LC_ALL=C

seconds=${1:-60}
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build=${2:-${SC_FUZZ_BUILD_DIR:-$source_dir/build-fuzz}}
seeds=$source_dir/tests/fuzz/corpus
targets=(fuzz_enum_reply fuzz_del_reply fuzz_enum_request fuzz_del_request
    fuzz_file_enum_reply fuzz_file_getinfo_reply fuzz_share_enum_reply fuzz_file_requests
    fuzz_rpcworker_reply)

if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds < 1)); then
    echo "usage: $0 [SECONDS] [BUILD_DIR]" >&2
    exit 2
fi

generator=()
if command -v ninja >/dev/null; then
    generator=(-G Ninja)
fi
CC=clang CXX=clang++ cmake -S "$source_dir" -B "$build" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSC_CORE_ONLY=ON -DSC_BUILD_FUZZERS=ON >/dev/null
cmake --build "$build" -j "${SC_FUZZ_JOBS:-2}" --target "${targets[@]}"

mkdir -p "$build/artifacts"

# Runs one target for $seconds; its summary line goes to $build/<target>.summary and its exit
# status says whether it crashed.
run_target() {
    local target=$1
    local work=$build/corpus/$target
    local log=$build/$target.log
    mkdir -p "$work"
    local start rc took_ms runs cov result line
    start=$(date +%s%N)
    set +e
    "$build/tests/fuzz/$target" "$work" "$seeds/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" >"$log" 2>&1
    rc=$?
    set -e
    took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    result=ok
    if ((rc != 0)); then
        result="CRASH (exit $rc, see $log)"
    fi
    line=$(printf '%-24s %12s execs in %6.1fs  %8s execs/s  cov %-5s %s' "$target" \
        "${runs:-?}" "$(awk "BEGIN { print $took_ms / 1000 }")" \
        "$(( ${runs:-0} * 1000 / (took_ms > 0 ? took_ms : 1) ))" "${cov:-?}" "$result")
    echo "$line" >"$build/$target.summary"
    echo "$line"
    if ((rc != 0)); then
        grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -5 || true
    fi
    return $rc
}

# SC_FUZZ_PARALLEL targets at a time (default 2, one per core of a CI machine), so adding
# targets does not lengthen the run as much as running them one after the other would.
parallel=${SC_FUZZ_PARALLEL:-2}
if ! [[ $parallel =~ ^[0-9]+$ ]] || ((parallel < 1)); then
    parallel=1
fi
echo "== ${#targets[@]} targets, ${seconds}s each, $parallel at a time"
rm -f "$build"/*.summary
for target in "${targets[@]}"; do
    while (( $(jobs -rp | wc -l) >= parallel )); do
        wait -n || true # the summaries tell the result
    done
    run_target "$target" &
done
wait || true

echo
echo "Summary (${seconds}s per target, $parallel at a time, build $build):"
status=0
for target in "${targets[@]}"; do
    if [[ -f $build/$target.summary ]]; then
        cat "$build/$target.summary"
        grep -q ' ok$' "$build/$target.summary" || status=1
    else
        echo "$target: did not finish"
        status=1
    fi
done
exit $status
