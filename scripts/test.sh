#!/usr/bin/env bash
# Set-up command 2: installs what is missing, builds everything and runs every test:
# the release build with all tests (GUI tests start their own Xvfb), then the core, storage,
# documents, CLI and server tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
# PILOTDECK_SKIP_SANITIZERS=1 skips the second pass.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/deps.sh"
pilotdeck_install_deps
jobs="$(nproc)"

cmake --preset release -S "$root" >/dev/null
cmake --build "$root/build/release" -j"$jobs"
ctest --test-dir "$root/build/release" --output-on-failure -j"$jobs"

if [ "${PILOTDECK_SKIP_SANITIZERS:-0}" != "1" ]; then
    echo "== the same tests (without the GUI) under ASan + UBSan"
    cmake --preset debug -S "$root" -DPILOTDECK_BUILD_GUI=OFF >/dev/null
    cmake --build "$root/build/debug" -j"$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir "$root/build/debug" --output-on-failure -j"$jobs"
fi
