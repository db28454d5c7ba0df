#!/bin/bash
# One field editing session is one undo step, on the real window: text typed into an idea's
# Problem field in three bursts is committed three times while the field keeps the focus (each
# save is in the file at once), yet after leaving the field one Ctrl+Z restores the text from
# before the editing began (the idea stays), Ctrl+Y brings the whole text back, and a second
# session in the same field is a step of its own.
# Usage (under with_xvfb.sh): test_field_undo.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"
require sqlite3

file="$GUI_TEST_WORK/undo.pilotdeck"
new_workshop "$file"
problem() { sqlite3 "$file" "select problem from idea where title='Lieferscheine'"; }
problem_is() { [ "$(problem)" = "$1" ]; }
ideas() { sqlite3 "$file" "select count(*) from idea"; }

start_app open "$file"
xdotool key --clearmodifiers ctrl+n
xdotool type --delay 20 "Lieferscheine"
xdotool key Return
has_idea() { [ "$(ideas)" = 1 ]; }
wait_until "the idea is saved" has_idea
xdotool key Escape

# The Problem field, where the 1280x720 window lays it out (details column, second field).
xdotool mousemove --window "$APP_WIN" 660 340 click 1
text=""
for part in "Papier kommt zu spät" " – 3 € pro Stück" " – täglich"; do
    xdotool type --delay 20 "$part"
    text+=$part
    wait_until "\"$text\" is committed while the field has the focus" problem_is "$text"
done
first_session=$text
xdotool key Escape
xdotool key ctrl+z
wait_until "one Ctrl+Z restores the empty problem" problem_is ""
[ "$(ideas)" = 1 ] || fail "Ctrl+Z undid more than the field edit"
xdotool key ctrl+y
wait_until "Ctrl+Y brings all of it back" problem_is "$first_session"
echo "ok: three saves of one field session are one undo step"

# A second session in the same field is a new step.
xdotool mousemove --window "$APP_WIN" 660 340 click 1
xdotool key End
xdotool type --delay 20 " – ärgerlich"
wait_until "the second session is committed" problem_is "$first_session – ärgerlich"
xdotool key Escape
xdotool key ctrl+z
wait_until "Ctrl+Z undoes the second session only" problem_is "$first_session"
echo "ok: leaving the field ends the step"

quit_app "$file"
echo "PASS: field edit undo"
