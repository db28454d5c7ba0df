#!/bin/bash
# A full disk while the room types ideas: the window runs with a file-size limit (ulimit -f) just
# above the workshop's size, so after a few ideas the commit fails. The app must say so (one
# "pilotdeck:" line, a banner), keep running, quit normally, and the file must be sound and hold
# exactly the ideas saved before the failure.
# Usage (under with_xvfb.sh): test_full_disk.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"

file="$GUI_TEST_WORK/full.pilotdeck"
new_workshop "$file"
limit_kb=$(( $(stat -c %s "$file") / 1024 + 48 ))
( ulimit -f "$limit_kb"; exec "$PILOTDECK" open "$file" ) 2>"$GUI_TEST_WORK/app.err" &
APP_PID=$!
APP_WIN=$(timeout 20 xdotool search --sync --onlyvisible --name '^pilotdeck' | head -1)
[ -n "$APP_WIN" ] || fail "the pilotdeck window did not appear: $(cat "$GUI_TEST_WORK/app.err")"
wait_until "the window shows content" window_has_content

typed=0
for i in $(seq 1 60); do
    xdotool key --clearmodifiers ctrl+n
    xdotool type --delay 15 "Idea $i"
    xdotool key Return
    typed=$i
    sleep 0.3
    grep -q "^pilotdeck: " "$GUI_TEST_WORK/app.err" && break
done
grep -q "^pilotdeck: .*full.pilotdeck" "$GUI_TEST_WORK/app.err" ||
    fail "no save failed after $typed ideas: $(cat "$GUI_TEST_WORK/app.err")"
kill -0 "$APP_PID" 2>/dev/null || fail "pilotdeck died when the disk was full"
snapshot after_failure
[ "$(colours after_failure)" -gt 10 ] || fail "the window is blank after the failure"

xdotool key --clearmodifiers ctrl+q
wait_exit "$APP_PID"
[ "$APP_STATUS" -eq 0 ] || fail "Ctrl+Q should exit with 0 after a failed save, got $APP_STATUS"

"$PILOTDECK" check "$file" >/dev/null || fail "the workshop file is not sound after the full disk"
saved=$(sqlite3 "$file" "select count(*) from idea")
[ "$saved" -ge 1 ] && [ "$saved" -lt "$typed" ] || fail "expected some but not all $typed ideas saved, found $saved"
for n in $(seq 1 "$saved"); do
    [ "$(sqlite3 "$file" "select count(*) from idea where title='Idea $n'")" = 1 ] || fail "Idea $n is missing"
done
echo "ok: $saved of $typed ideas saved before the disk was full; the app said so and kept running"
