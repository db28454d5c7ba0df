#!/bin/bash
# On a 1024x768 screen (GUI_TEST_SCREEN, set by CMake) the window opens within the screen, so
# the countdown and the notes are not cut off at the right edge; a run by keyboard and clicker
# alone (Page Down through the stages, an idea and its department typed, participants added
# with F2) loses nothing.
# Usage (under with_xvfb.sh): test_small_screen.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"
require sqlite3 python3

file="$GUI_TEST_WORK/small.pilotdeck"
new_workshop "$file"
start_app open "$file"
screen=$(xdpyinfo 2>/dev/null | sed -n 's/.*dimensions: *\([0-9]*x[0-9]*\).*/\1/p')
read -r sw sh <<<"$(echo "${screen:-1024x768}" | tr x ' ')"
geometry=$(xdotool getwindowgeometry "$APP_WIN" | sed -n 's/.*Geometry: //p')
read -r ww wh <<<"$(echo "$geometry" | tr x ' ')"
[ "$ww" -le "$sw" ] && [ "$wh" -le "$sh" ] || fail "the window ($geometry) is larger than the screen (${sw}x${sh})"
echo "ok: the window ($geometry) fits the screen (${sw}x${sh})"

xdotool key F2
xdotool type --delay 20 "Ann"
xdotool key Return
xdotool type --delay 20 "Bart"
xdotool key F2
xdotool key Next
wait_until "Page Down moves to stage 1" stage_is 1
xdotool key --clearmodifiers ctrl+n
xdotool type --delay 20 "Lieferscheine"
xdotool key Next
wait_until "Page Down moves on from the ideas stage" stage_is 3
for n in 4 5 6; do
    xdotool key Next
    wait_until "Page Down moves to stage $n" stage_is "$n"
done
kill -9 "$APP_PID"
wait_exit "$APP_PID"
exported "$file" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
names = [p["name"] for p in doc["participants"]]
titles = [i["title"] for i in doc["ideas"]]
assert names == ["Ann", "Bart"], names
assert titles == ["Lieferscheine"], titles' || fail "something typed was lost"
echo "PASS: small screen"
