#!/usr/bin/env bash
# Measures the presenter window's start and CPU use under its own Xvfb (1920x1080): the first
# frame (from PILOTDECK_TRACE_STARTUP's line: process start to the first swapped frame), then
# SECONDS with no input, then SECONDS with the stage countdown running (started with the T key)
# in the 1280x720 window, then the same full screen (F11, 1920x1080, as projected). Prints one
# JSON object per measure: the share of one core used by pilotdeck (all its threads, from
# /proc/PID/stat) and, for comparison, by the Xvfb server that receives the frames.
# Targets: first frame < 300 ms, under 1% idle, under 2% with a countdown.
# With `two` (issue 12): one 2944x1080 Xvfb split into a 1024x768 laptop and a 1920x1080 projector
# (--screens), the presenter's and the room's windows: idle, then with the countdown running
# (T in the presenter's window). Target: under 1% of a core.
# Usage: scripts/idle_cpu.sh [SECONDS] [two]   (PILOTDECK_BIN overrides the binary)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${PILOTDECK_BIN:-$root/build/release/app/cli/pilotdeck}"
seconds="${1:-10}"
two="${2:-}"
work="$(mktemp -d)"
cleanup() {
    [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
for n in $(seq 150 190); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 "$([ "$two" = two ] && echo 2944x1080 || echo 1920x1080)x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=":$n"
    break
done
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X${DISPLAY#:}" ] && break; sleep 0.1; done
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$HOME"
"$bin" import "$work/demo.pilotdeck" --from "$root/assets/demo-workshop.json" 2>/dev/null
if [ "$two" = two ]; then
    "$bin" --screens 1024x768+0+0,1920x1080+1024+0 open "$work/demo.pilotdeck" 2>"$work/app.err" &
    app_pid=$!
    timeout 20 xdotool search --sync --onlyvisible --name 'presenter' >/dev/null
    sleep 3  # both windows mapped and placed, the backup on open done
    win=$(xdotool search --onlyvisible --name 'presenter' | head -1)
    ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
    hz=$(getconf CLK_TCK)
    measure() {
        local before after
        before=$(ticks "$app_pid")
        sleep "$seconds"
        after=$(ticks "$app_pid")
        awk -v n="$1" -v d="$((after - before))" -v hz="$hz" -v s="$seconds" \
            'BEGIN { printf "{\"name\":\"%s\",\"percent_of_one_core\":%.2f,\"seconds\":%d}\n", n, 100 * d / hz / s, s }'
    }
    measure two_windows_idle_cpu
    xdotool windowfocus --sync "$win"
    xdotool key t
    sleep 1
    measure two_windows_countdown_cpu
    xdotool key ctrl+q
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
    exit 0
fi
PILOTDECK_TRACE_STARTUP=1 "$bin" open "$work/demo.pilotdeck" 2>"$work/app.err" &
app_pid=$!
win=$(timeout 20 xdotool search --sync --onlyvisible --name '^pilotdeck' | head -1)
for _ in $(seq 1 100); do grep -q '^startup:' "$work/app.err" && break; sleep 0.1; done
sleep 2  # let the follow-up frames after mapping and the backup on open finish

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
measure() {
    local name=$1 before after xb xa
    before=$(ticks "$app_pid")
    xb=$(ticks "$xvfb_pid")
    sleep "$seconds"
    after=$(ticks "$app_pid")
    xa=$(ticks "$xvfb_pid")
    awk -v n="$name" -v d="$((after - before))" -v x="$((xa - xb))" -v hz="$hz" -v s="$seconds" \
        'BEGIN { printf "{\"name\":\"%s\",\"percent_of_one_core\":%.2f,\"xvfb_percent_of_one_core\":%.2f,\"seconds\":%d}\n", n, 100 * d / hz / s, 100 * x / hz / s, s }'
}
first=$(sed -n 's/^startup: first frame \([0-9]*\) ms.*/\1/p' "$work/app.err" | head -1)
echo "{\"name\":\"first_frame\",\"ms_after_start\":${first:-null}}"
grep '^startup:' "$work/app.err" >&2 || true
measure idle_cpu
xdotool key --window "$win" t
sleep 1
measure countdown_cpu
xdotool key --window "$win" F11
sleep 1
measure countdown_cpu_fullscreen
xdotool key --window "$win" ctrl+q
wait "$app_pid" 2>/dev/null || true
app_pid=""
