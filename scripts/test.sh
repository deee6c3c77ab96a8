#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole check, as CI runs it: dependencies, build, every ctest test (unit, lab-backed
# integration and GUI tests, benchmarks), the Debian package installed and run, the Windows
# cross-build, a short fuzzing run, the suite again under sanitizers and a one-minute soak.
# Exits non-zero if anything failed, if a step's script is missing, if an optional feature it
# is meant to test (QtKeychain's "remember password") is not built, or if any test was
# skipped: a skipped check is reported by name, and counts as a failure unless
# SC_ALLOW_SKIPS=1 (for a local run on a machine that lacks something).
set -uo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$src/build}
export BUILD_DIR=$build
cd "$src" || exit 1

if [[ $(id -u) -eq 0 ]]; then
    "$src/scripts/install-deps.sh" || { echo "test: installing dependencies failed" >&2; exit 1; }
else
    echo "test: not root, not installing packages (run sudo scripts/install-deps.sh if the build fails)" >&2
fi

# Optional at configure time for everyone else, required here: CI tests what it ships.
export SC_REQUIRE_KEYCHAIN=ON
if ! "$src/scripts/build.sh"; then
    echo "test: build failed"
    echo "summary: 0 passed, 1 failed"
    exit 1
fi

passed=0
failed=0
failures=()

# ctest prints its own summary ("N% tests passed, F tests failed out of T"); we add its
# numbers to ours so the last line counts every check.
log=$(mktemp)
junit=$(mktemp)
trap 'rm -f "$log" "$junit"' EXIT
# The JUnit report keeps every test's whole output, where Qt Test's QSKIP lines are.
ctest --test-dir "$build" --output-on-failure --no-tests=error -j "$(nproc)" \
    --output-junit "$junit" --test-output-size-passed 4194304 \
    --test-output-size-failed 4194304 2>&1 | tee "$log"
ctest_rc=${PIPESTATUS[0]}
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
if [[ -n $summary ]]; then
    total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")
    nfail=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$summary")
    passed=$((passed + total - nfail))
    failed=$((failed + nfail))
fi
if [[ $ctest_rc -ne 0 ]]; then
    failures+=("ctest")
    # A crash or configuration error with no summary line still counts as a failure.
    [[ -z $summary ]] && failed=$((failed + 1))
fi

# Skips: ctest counts a test binary whose functions QSKIP as passed; list them by name.
skip_report=$(python3 "$src/scripts/ctest-skips.py" "$junit" 2>&1) || skip_report="skipped: ? ($skip_report)"
skipped=$(sed -n -E '1s/^skipped: ([0-9?]+).*/\1/p' <<<"$skip_report")
echo "test: $skip_report"
if [[ $skipped != 0 ]]; then
    if [[ ${SC_ALLOW_SKIPS:-0} == 1 ]]; then
        echo "test: SC_ALLOW_SKIPS=1, not failing for skipped tests"
    else
        failed=$((failed + 1))
        failures+=("skipped-tests")
    fi
fi

run_step() {
    local name=$1
    shift
    echo "test: running $name"
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures+=("$name")
    fi
}

# A step whose script is missing fails: a checkout that lost it must not pass by doing less.
run_script_step() {
    local name=$1 script=$2
    shift 2
    if [[ ! -f $script ]]; then
        echo "test: $name: $script is missing" >&2
        failed=$((failed + 1))
        failures+=("$name (missing ${script#"$src"/})")
        return
    fi
    run_step "$name" bash "$script" "$@"
}

# The Debian package: built, installed (apt install ./x.deb), both programs run from /usr/bin.
run_script_step package "$src/scripts/package.sh" --install "$build"
run_script_step cross-windows "$src/scripts/cross-windows.sh"
run_script_step fuzzers "$src/tests/fuzz/run-fuzzers.sh" 60
# The whole ctest suite again, built with AddressSanitizer, LeakSanitizer and UBSan.
run_script_step sanitize "$src/scripts/sanitize.sh" "${SC_ASAN_BUILD_DIR:-$build-asan}"
# A one-minute soak: the console's poller, model and proxy against 1,000 held sessions.
run_script_step soak "$src/scripts/soak.sh" --sessions 1000 --seconds 60

if [[ ${#failures[@]} -gt 0 ]]; then
    echo "test: FAILED: ${failures[*]}"
fi
echo "test: $skip_report"
# The closing line in the form CI reads: "N passed, N failed, N skipped".
echo "summary: $passed passed, $failed failed, ${skipped:-?} skipped"
[[ ${#failures[@]} -eq 0 ]]
