#!/usr/bin/env bash
# Set-up command 2: installs what is missing, builds everything and runs every test:
#  1. the release build with all tests, warnings as errors (the GUI tests start their own Xvfb);
#  2. the core, storage, documents, CLI, reliability and server tests again under
#     AddressSanitizer and UndefinedBehaviorSanitizer (PILOTDECK_SKIP_SANITIZERS=1 skips);
#  3. each libFuzzer target for PILOTDECK_FUZZ_SECONDS (default 60; PILOTDECK_SKIP_FUZZ=1 skips).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/deps.sh"
pilotdeck_install_deps test
jobs="$(nproc)"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

run_ctest() {  # run_ctest PRESET LOG: fails when ctest fails (pipefail)
    (cd "$root" && ctest --preset "$1" -j"$jobs" 2>&1) | tee "$2"
}

echo "== release build (warnings are errors) and every test"
(cd "$root" && cmake --preset werror >/dev/null && cmake --build --preset werror -j"$jobs")
failed=0
run_ctest werror "$logs/release.log" || failed=1

if [ "${PILOTDECK_SKIP_SANITIZERS:-0}" != "1" ]; then
    echo "== the same tests (without the GUI) under ASan + UBSan"
    (cd "$root" && cmake --preset sanitize >/dev/null && cmake --build --preset sanitize -j"$jobs")
    run_ctest sanitize "$logs/sanitize.log" || failed=1
fi

if [ "${PILOTDECK_SKIP_FUZZ:-0}" != "1" ]; then
    echo "== fuzzing, ${PILOTDECK_FUZZ_SECONDS:-60} s per target"
    bash "$root/scripts/fuzz.sh" "${PILOTDECK_FUZZ_SECONDS:-60}" || failed=1
fi

# One closing line over all ctest runs.
total=0
bad=0
for f in "$logs"/*.log; do
    line=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$f" | tail -1) || continue
    bad=$((bad + $(sed -E 's/.* ([0-9]+) tests failed out of .*/\1/' <<<"$line")))
    total=$((total + $(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")))
done
echo "tests: $((total - bad)) passed, $bad failed"
exit $failed
