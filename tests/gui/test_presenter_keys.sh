#!/bin/bash
# The presenter keys on the real window: PageDown/PageUp and Ctrl+Right/Left move the stage
# (persisted in the file), B blanks and restores, N hides and shows the notes, letters typed
# in a text field are text (not commands), Ctrl+= and F9 are remembered, Ctrl+Q exits with 0.
# Usage (under with_xvfb.sh): test_presenter_keys.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 is not installed"; exit 77; }

file="$GUI_TEST_WORK/keys.pilotdeck"
new_workshop "$file"
stage_is 0 || fail "a new workshop should start at stage 0"

start_app open "$file"

xdotool key Next
wait_until "PageDown moves to stage 1" stage_is 1
xdotool key Next
wait_until "PageDown moves to stage 2" stage_is 2
xdotool key Prior
wait_until "PageUp moves back to stage 1" stage_is 1
xdotool key ctrl+Right
wait_until "Ctrl+Right moves to stage 2" stage_is 2
xdotool key ctrl+Left
wait_until "Ctrl+Left moves back to stage 1" stage_is 1
echo "ok: stage keys"

# B blanks the screen (one colour), B again brings everything back.
wait_until "the window settles" window_has_content
snapshot shown
xdotool key b
is_blank() { snapshot probe_blank && [ "$(colours probe_blank)" -eq 1 ]; }
wait_until "B blanks the window" is_blank
xdotool key b
restored() { snapshot probe_back && same_image shown probe_back; }
wait_until "B again restores the same picture" restored
echo "ok: blank"

# N hides the facilitator notes (the picture changes) and N again shows them as before.
xdotool key n
changed() { snapshot probe_notes && ! same_image shown probe_notes; }
wait_until "N hides the notes" changed
xdotool key n
wait_until "N again shows the notes" restored
echo "ok: notes"

# Ctrl+N jumps to the ideas stage; letters typed into the title are text, not presenter keys.
xdotool key ctrl+n
wait_until "Ctrl+N goes to the ideas stage" stage_is 2
xdotool type --delay 20 "bn"
xdotool key Return
has_idea() { [ "$(sqlite3 "$file" "select count(*) from idea where title='bn'")" = 1 ]; }
wait_until "the idea \"bn\" is saved" has_idea
snapshot typed
[ "$(colours typed)" -gt 10 ] || fail "typing b in a text field blanked the screen"
echo "ok: letters in a text field stay text"

# Delete removes the selected idea (the one just saved); Ctrl+Z brings it back; Ctrl+Y and
# Ctrl+Shift+Z redo the removal.
xdotool key Escape
xdotool key Delete
no_idea() { [ "$(sqlite3 "$file" "select count(*) from idea where title='bn'")" = 0 ]; }
wait_until "Delete removes the idea" no_idea
xdotool key ctrl+z
wait_until "Ctrl+Z restores the idea" has_idea
xdotool key ctrl+y
wait_until "Ctrl+Y removes it again" no_idea
xdotool key ctrl+z
wait_until "Ctrl+Z restores the idea again" has_idea
xdotool key ctrl+shift+z
wait_until "Ctrl+Shift+Z redoes the removal" no_idea
xdotool key ctrl+z
wait_until "Ctrl+Z restores the idea once more" has_idea
echo "ok: delete, undo, redo"

# Zoom and theme are remembered in the settings file.
xdotool key ctrl+equal
xdotool key F9
settings="$XDG_CONFIG_HOME/pilotdeck/settings.json"
remembered() {
    [ -f "$settings" ] && python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
sys.exit(0 if abs(s["zoom"] - 1.1) < 1e-6 and s["theme"] == "dark" else 1)' "$settings"
}
wait_until "zoom 1.1 and the dark theme are in $settings" remembered
echo "ok: zoom and theme remembered"

# T starts the countdown; with no further input the window keeps changing (the loop wakes
# for every second), and T again pauses it.
xdotool key t
snapshot ticking
ticks() { snapshot probe_tick && ! same_image ticking probe_tick; }
wait_until "the running countdown redraws without input" ticks
xdotool key t
echo "ok: countdown runs and redraws by itself"

# F11 fills the screen, Esc brings the window back.
geometry() { xdotool getwindowgeometry "$APP_WIN" | sed -n 's/.*Geometry: //p'; }
windowed=$(geometry)
xdotool key F11
fullscreen() { [ "$(geometry)" = "1920x1080" ]; }
wait_until "F11 fills the 1920x1080 screen" fullscreen
xdotool key Escape
back() { [ "$(geometry)" = "$windowed" ]; }
wait_until "Esc leaves full screen ($windowed)" back
echo "ok: full screen"

xdotool key ctrl+q
wait_exit "$APP_PID"
[ "$APP_STATUS" -eq 0 ] || fail "Ctrl+Q should exit with status 0, got $APP_STATUS"
"$PILOTDECK" check "$file" >/dev/null || fail "the file is not sound after the session"

# A file that cannot be opened: the start screen comes up, stderr says why, the file is untouched.
printf 'not a workshop' >"$GUI_TEST_WORK/junk.pilotdeck"
start_app open "$GUI_TEST_WORK/junk.pilotdeck"
grep -q "^pilotdeck: .*junk.pilotdeck: " "$GUI_TEST_WORK/app.err" || fail "no error line for the junk file: $(cat "$GUI_TEST_WORK/app.err")"
xdotool key ctrl+q
wait_exit "$APP_PID"
[ "$APP_STATUS" -eq 0 ] || fail "Ctrl+Q on the start screen should exit with 0, got $APP_STATUS"
[ "$(cat "$GUI_TEST_WORK/junk.pilotdeck")" = "not a workshop" ] || fail "the junk file was changed"
echo "ok: a file that cannot be opened is explained and left alone"
# With no file and no recent one, `pilotdeck` creates and opens the demo workshop; the next
# start opens the most recent file again.
rm -f "$XDG_CONFIG_HOME/pilotdeck/settings.json"
start_app
demo_file="$XDG_DATA_HOME/pilotdeck/demo.pilotdeck"
[ -f "$demo_file" ] || fail "no demo workshop at $demo_file"
"$PILOTDECK" check "$demo_file" >/dev/null || fail "the demo workshop is not sound"
xdotool key ctrl+q
wait_exit "$APP_PID"
grep -qF "$demo_file" "$XDG_CONFIG_HOME/pilotdeck/settings.json" || fail "the demo is not in the recent files"
echo "ok: demo workshop on first start"

echo "PASS: presenter keys"
