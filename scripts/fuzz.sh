#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 (ASan + UBSan) and runs each for SECONDS (default 60),
# seeded with the shipped templates, the test documents and a real workshop file. A crash is
# copied to fuzz/regressions/TARGET/ (the tests replay every file there) and fails this script.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
build="$root/build/fuzz"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 \
    -DCMAKE_CXX_COMPILER=clang++-14 -DPILOTDECK_FUZZ=ON -DPILOTDECK_BUILD_GUI=OFF -DPILOTDECK_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target fuzz_template fuzz_workshop_document fuzz_workshop_file pilotdeck -j"$(nproc)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/template" "$work/workshop_document" "$work/workshop_file"
cp "$root"/workshop_templates/*.json "$work/template/"
cp "$root"/tests/data/*.json "$root/assets/demo-workshop.json" "$work/workshop_document/"
"$build/app/cli/pilotdeck" import "$work/workshop_file/small.pilotdeck" --from "$root/tests/data/small-workshop.json" 2>/dev/null
for t in template workshop_document workshop_file; do cp "$root/fuzz/regressions/$t/"* "$work/$t/" 2>/dev/null || true; done

status=0
for t in template workshop_document workshop_file; do
    echo "== fuzz_$t for ${seconds}s"
    mkdir -p "$work/crashes-$t"
    if ! ASAN_OPTIONS=detect_leaks=1 "$build/fuzz/fuzz_$t" "$work/$t" -max_total_time="$seconds" -max_len=65536 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$work/crashes-$t/" -print_final_stats=1 2>"$work/$t.log"; then
        tail -40 "$work/$t.log"
        cp "$work/crashes-$t/"* "$root/fuzz/regressions/$t/" 2>/dev/null || true
        echo "fuzz_$t found a crash; the input is kept in fuzz/regressions/$t/"
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/$t.log" || true
    fi
done
exit $status
