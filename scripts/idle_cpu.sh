#!/usr/bin/env bash
# Measures the presenter window's CPU use under Xvfb: 10 s with no input, then 10 s with the
# stage countdown running (started with the T key). Prints one JSON object per measure with the
# share of one core used. Targets: under 1% idle, under 2% with a countdown.
# Usage: scripts/idle_cpu.sh [SECONDS]   (PILOTDECK_BIN overrides the binary)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${PILOTDECK_BIN:-$root/build/release/app/cli/pilotdeck}"
seconds="${1:-10}"
work="$(mktemp -d)"
cleanup() {
    [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
for n in $(seq 150 190); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=":$n"
    break
done
sleep 1
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME"
"$bin" import "$work/demo.pilotdeck" --from "$root/assets/demo-workshop.json" 2>/dev/null
started=$(date +%s%N)
"$bin" open "$work/demo.pilotdeck" 2>"$work/app.err" &
app_pid=$!
win=$(timeout 20 xdotool search --sync --onlyvisible --name '^pilotdeck' | head -1)
shown=$(date +%s%N)
sleep 2  # let the follow-up frames after mapping finish

ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
hz=$(getconf CLK_TCK)
measure() {
    local name=$1 before after
    before=$(ticks)
    sleep "$seconds"
    after=$(ticks)
    awk -v n="$name" -v d="$((after - before))" -v hz="$hz" -v s="$seconds" \
        'BEGIN { printf "{\"name\":\"%s\",\"percent_of_one_core\":%.2f,\"seconds\":%d}\n", n, 100 * d / hz / s, s }'
}
echo "{\"name\":\"window_shown\",\"ms_after_start\":$(((shown - started) / 1000000))}"
measure idle_cpu
xdotool key --window "$win" t
sleep 1
measure countdown_cpu
xdotool key --window "$win" ctrl+q
wait "$app_pid" 2>/dev/null || true
app_pid=""
