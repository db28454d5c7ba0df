#!/bin/bash
# The keys cheat sheet on the real window: F1 shows it over the whole window and Esc brings
# back the same picture; ? shows it and ? again hides it; a ? typed into a text field is text
# (the idea "Warum?" is saved), not the cheat sheet. The menus come from the same table: Go >
# Next stage moves on.
# Usage (under with_xvfb.sh): test_help_keys.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"
require sqlite3

file="$GUI_TEST_WORK/help.pilotdeck"
new_workshop "$file"
start_app open "$file"
still() { snapshot still_a && sleep 0.3 && snapshot still_b && same_image still_a still_b; }
wait_until "the window settles" still
snapshot shown
press F1
snapshot help
restored() { snapshot probe_back && same_image shown probe_back; }
xdotool key Escape
wait_until "Esc closes the cheat sheet (the same picture as before)" restored
press question
same_image help probe_key || { snapshot probe_q; same_image help probe_q; } || fail "? should show the same cheat sheet as F1"
xdotool key question
wait_until "? again closes the cheat sheet" restored
echo "ok: F1, ? and Esc"

xdotool key --clearmodifiers ctrl+n
xdotool type --delay 20 "Warum?"
xdotool key Return
saved() { [ "$(sqlite3 "$file" "select count(*) from idea where title='Warum?'")" = 1 ]; }
wait_until "a ? typed in the title is text: the idea \"Warum?\" is saved" saved
echo "ok: ? in a text field is text"

stage=$(current_stage "$file")
xdotool key Escape
menu_bar
press Right   # Edit
press Right   # View
press Right   # Go
press space   # open it: its first item (Next stage) is highlighted
press space
moved() { [ "$(current_stage "$file")" = $((stage + 1)) ]; }
wait_until "Go > Next stage moves on" moved
echo "ok: the Go menu"

quit_app "$file"
echo "PASS: keys cheat sheet"
