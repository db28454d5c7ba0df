#!/bin/bash
# End-to-end: Ctrl+N, type an idea title with non-ASCII letters, Enter; then quit with Ctrl+Q
# (mode "quit") or kill the process with SIGKILL (mode "kill"). The idea must be in the file.
# Usage (under with_xvfb.sh): test_capture_idea.sh PILOTDECK quit|kill
PILOTDECK=$1
mode=$2
source "$(dirname "$0")/lib.sh"

file="$GUI_TEST_WORK/capture.pilotdeck"
title="Prüfung der Rechnungen — café ß"
new_workshop "$file"

start_app open "$file"
xdotool key --clearmodifiers ctrl+n
xdotool type --delay 20 "$title"
snapshot before_enter
xdotool key Return
# The frame that handles Enter commits the idea before it draws; a changed window proves it ran.
wait_until "the window reacts to Enter" bash -c "import -window $APP_WIN '$GUI_TEST_WORK/after.png' &&
    [ \"\$(compare -metric AE '$GUI_TEST_WORK/before_enter.png' '$GUI_TEST_WORK/after.png' null: 2>&1)\" != 0 ]"

if [ "$mode" = quit ]; then
    # Straight after saving, the capture field is empty and focused: Ctrl+Z undoes the idea,
    # Ctrl+Y brings it back.
    one_idea() { [ "$(sqlite3 "$file" "select count(*) from idea")" = "$1" ]; }
    xdotool key ctrl+z
    wait_until "Ctrl+Z in the empty capture field undoes the new idea" one_idea 0
    xdotool key ctrl+y
    wait_until "Ctrl+Y brings it back" one_idea 1
fi

if [ "$mode" = kill ]; then
    # Type in the saved idea's Problem field and never leave it: the words are committed once
    # typing pauses, so a kill loses nothing. The field is clicked where the 1280x720 window
    # lays it out (details column, second field).
    problem="Rechnungen kommen zu spät – 3 € pro Stück"
    xdotool mousemove --window "$APP_WIN" 660 340 click 1
    xdotool type --delay 20 "$problem"
    saved_problem() {
        [ "$(sqlite3 "$file" "select count(*) from idea where problem='$problem'")" = 1 ]
    }
    wait_until "the problem text is committed while the field still has focus" saved_problem
    kill -9 "$APP_PID"
    wait_exit "$APP_PID"
    [ "$APP_STATUS" -eq 137 ] || fail "expected death by SIGKILL, got status $APP_STATUS"
else
    xdotool key --clearmodifiers ctrl+q
    wait_exit "$APP_PID"
    [ "$APP_STATUS" -eq 0 ] || fail "Ctrl+Q should exit with 0, got $APP_STATUS"
fi

"$PILOTDECK" check "$file" >/dev/null || fail "the workshop file is not sound after $mode"
export_json=$("$PILOTDECK" export "$file") || fail "export failed"
count=$(printf '%s' "$export_json" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
print(sum(1 for i in doc["ideas"] if i["title"] == sys.argv[1]))' "$title")
[ "$count" = 1 ] || fail "expected the idea \"$title\" once in the export, found $count: $(printf '%s' "$export_json" | grep -A1 '"title"')"
if [ "$mode" = kill ]; then
    printf '%s' "$export_json" | grep -qF "\"problem\": \"$problem\"" || fail "the problem text was lost"
fi
echo "PASS: idea captured and kept after $mode"
