#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark and prints ONE markdown table: figure, goal, met or not.
#
#   scripts/bench.sh [--build-dir DIR] [--sizes 100,1000,4000] [--out FILE] [--no-build]
#                    [--quick]
#
# Builds Release into DIR (default ./build-bench), starts its own Samba lab (tests/lab/lab.sh,
# stopped again on exit), runs the codec and model benchmarks, then for each size holds that
# many sessions with the load generator and compares sessionctl, rpcclient, impacket and
# smbstatus, and the console's kept-open refresh with a raw call; the console's start to its
# first painted row is measured at 1,000 sessions. A size whose sessions would not fit in
# the free memory (about 2.5 MB per session for smbd and the load generator) is skipped and
# says so. The table goes to DIR/bench-results.md (and FILE), the raw figures to
# DIR/bench-results.tsv. --quick: small sizes and few repeats, to try the script.
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BENCH_BUILD_DIR:-$src/build-bench}
sizes=100,1000,4000
out=
do_build=1
quick=0

die() {
    echo "bench: $*" >&2
    exit 1
}
note() { echo "bench: $*" >&2; }

while [[ $# -gt 0 ]]; do
    case $1 in
    --build-dir) build=${2:?}; shift 2 ;;
    --sizes) sizes=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --no-build) do_build=0; shift ;;
    --quick) quick=1; shift ;;
    *) sed -n '3,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
done
IFS=, read -r -a size_list <<<"$sizes"
for n in "${size_list[@]}"; do
    [[ $n =~ ^[0-9]+$ && $n -ge 1 && $n -le 10000 ]] || die "sizes must be 1..10000, got '$n'"
done
mapfile -t size_list < <(printf '%s\n' "${size_list[@]}" | sort -n -u)

if [[ $quick -eq 1 ]]; then
    codec_args=(--sizes 1000,10000 --min-time-ms 50)
    model_args=(--sizes 1000,10000 --refreshes 3)
    e2e_args=(--runs 3 --warmup 1 --refresh-repeats 5)
    startup_runs=2
else
    codec_args=(--sizes 1000,10000,100000 --min-time-ms 500 --min-repeats 11)
    model_args=(--sizes 1000,10000,100000 --refreshes 10)
    e2e_args=(--runs 10 --warmup 2 --refresh-repeats 20)
    startup_runs=7
fi

# ---------------------------------------------------------------- build
mkdir -p "$build"
build=$(cd "$build" && pwd)
# The build tree's Samba worker (installed programs find theirs in libexec).
export SC_RPCWORKER_PATH=${SC_RPCWORKER_PATH:-$build/app/sessionconsole-rpcworker}
if [[ $do_build -eq 1 ]]; then
    generator=()
    [[ ! -f $build/CMakeCache.txt ]] && command -v ninja >/dev/null && generator=(-G Ninja)
    cmake -S "$src" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" -j "$(nproc)" --target bench_codec bench_model bench_refresh \
        bench_startup sessionctl sessionconsole-rpcworker sc-loadgen
fi
grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$build/CMakeCache.txt" ||
    note "warning: $build is not a Release build; figures will be pessimistic"

results=$build/bench-results.tsv
table=$build/bench-results.md
work=$(mktemp -d)
lab_dir=$build/bench-lab
lab_started=0
cleanup() {
    if [[ $lab_started -eq 1 ]]; then
        # Stops the load generators first, then smbd and its helpers, all by their pids. A
        # lab left running is a failure, not a footnote.
        if ! bash "$src/tests/lab/lab.sh" stop --dir "$lab_dir" >&2; then
            note "the lab in $lab_dir did not stop; stop it with: tests/lab/lab.sh stop --dir $lab_dir"
            rm -rf "$work"
            exit 1
        fi
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# Qt wants a private runtime directory; without one it warns on every start.
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$work/runtime}
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8
export XDG_CONFIG_HOME=$work/config
: >"$results"

# Keeps the RESULT lines, shows the rest.
collect() {
    local line
    while IFS= read -r line; do
        if [[ $line == RESULT$'\t'* ]]; then
            echo "$line" >>"$results"
        else
            echo "$line" >&2
        fi
    done
}

mem_available_kb() { awk '/^MemAvailable:/ { print $2 }' /proc/meminfo; }

# ---------------------------------------------------------------- machine
machine() {
    local qt samba impacket
    qt=$(dpkg-query -W -f='${Version}' qt6-base-dev 2>/dev/null || echo unknown)
    samba=$(smbd --version 2>/dev/null || /usr/sbin/smbd --version 2>/dev/null || echo unknown)
    impacket=$(dpkg-query -W -f='${Version}' python3-impacket 2>/dev/null || echo unknown)
    echo "- Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
        "$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM," \
        "kernel $(uname -r)"
    echo "- Debian $(cat /etc/debian_version), Qt $qt, Samba ${samba#Version }," \
        "impacket $impacket, $(g++ --version | head -n 1)"
    echo "- Load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared;" \
        "figures are medians of interleaved runs)"
}
machine >"$work/machine.md"
cat "$work/machine.md" >&2

# ---------------------------------------------------------------- offline benchmarks
# A benchmark that fails is reported and the others still run; the exit code says so.
failed=()
run() {
    local name=$1
    shift
    # The offscreen platform's "does not support propagateSizeHints()" is noise.
    if ! "$@" 2> >(grep -v propagateSizeHints >&2) | collect; then
        note "$name FAILED"
        failed+=("$name")
    fi
}

note "codec"
run codec "$build/tests/bench/bench_codec" "${codec_args[@]}"
note "model, level 502 and 1"
run model "$build/tests/bench/bench_model" "${model_args[@]}" --levels 502
run model-level1 "$build/tests/bench/bench_model" --sizes 100000 --refreshes 3 --levels 1
# Where the GUI thread's time goes at 100k: the same refreshes without the view, unsorted,
# and with the view on the model directly.
run model-noview "$build/tests/bench/bench_model" --sizes 100000 --refreshes 3 --no-view \
    --tag noview
run model-nosort "$build/tests/bench/bench_model" --sizes 100000 --refreshes 3 --no-sort \
    --tag nosort
run model-noproxy "$build/tests/bench/bench_model" --sizes 100000 --refreshes 3 --no-proxy \
    --tag noproxy
# The diff when every session has the same client and user, as in the lab.
run model-oneuser "$build/tests/bench/bench_model" --sizes 1000,4000,16000 --refreshes 3 \
    --no-view --one-user --tag oneuser

# ---------------------------------------------------------------- lab benchmarks
bash "$src/tests/lab/lab.sh" start --dir "$lab_dir" >&2
lab_started=1
export SC_LAB_DIR=$lab_dir
held=0
startup_done=0
skipped=()
for n in "${size_list[@]}"; do
    need_kb=$(((n - held) * 2560 + 3 * 1048576))
    if [[ $(mem_available_kb) -lt $need_kb ]]; then
        note "skipping $n sessions: $(($(mem_available_kb) / 1024)) MiB available, need ~$((need_kb / 1024)) MiB"
        skipped+=("$n")
        continue
    fi
    # Chunks of at most 1,000: lab.sh waits two minutes for each load generator to be ready.
    while [[ $held -lt $n ]]; do
        chunk=$((n - held > 1000 ? 1000 : n - held))
        # A tenth of the sessions stay active, so each refresh has idle times to update.
        bash "$src/tests/lab/lab.sh" load start alice "$chunk" --dir "$lab_dir" \
            --loadgen "$build/tests/lab/sc-loadgen" -- --touch-ms 2000 --touch-fraction 0.1 >&2
        held=$((held + chunk))
    done
    note "end to end with $n sessions held ($(($(mem_available_kb) / 1024)) MiB still available)"
    run "e2e-$n" bash "$src/tests/bench/bench_e2e.sh" --build "$build" --lab-dir "$lab_dir" \
        --label "$n" "${e2e_args[@]}"
    if [[ $startup_done -eq 0 && ($n -ge 1000 || $n == "${size_list[-1]}") ]]; then
        note "console start with $n sessions"
        run "startup-$n" "$build/tests/bench/bench_startup" --runs "$startup_runs" --label "$n"
        startup_done=1
    fi
done
for n in "${skipped[@]}"; do
    printf 'RESULT\te2e.n%s.skipped_for_memory\t1\t\n' "$n" >>"$results"
done
echo "- Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$work/machine.md"

# ---------------------------------------------------------------- table
{
    echo "## Benchmark results ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo
    cat "$work/machine.md"
    echo
    /usr/bin/python3 "$src/tests/bench/bench_report.py" "$results" --sizes "$(IFS=,; echo "${size_list[*]}")"
    if [[ ${#skipped[@]} -gt 0 ]]; then
        echo
        echo "Skipped for lack of memory: ${skipped[*]} sessions."
    fi
    if [[ ${#failed[@]} -gt 0 ]]; then
        echo
        echo "FAILED (see the log): ${failed[*]}."
    fi
} >"$table"
[[ -n $out ]] && cp "$table" "$out"
cat "$table"
note "table in $table${out:+ and $out}, raw figures in $results"
[[ ${#failed[@]} -eq 0 ]]
