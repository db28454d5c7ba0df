#!/bin/bash
# Nothing typed is ever lost (issue 14 §1), on the real window: whatever ends a field editing
# session commits what was typed first, as one undo step. Each PART types and then, within the
# second before typing would be saved by its pause, does one thing that ends the session; the
# app is then killed with SIGKILL (or quits) and `pilotdeck export` must show the text.
#   stage         Department typed, PageDown at once; Ctrl+Z (stage) and Ctrl+Z (the whole field
#                 session, also the part saved by a pause) undo it; Ctrl+Y twice brings it back
#   stepper       Department typed, a click on another stage of the stepper
#   quit          Department typed, Ctrl+Q; a new idea's title typed without Enter, Ctrl+Q
#   title         a new idea's title without Enter, PageDown: it is an idea; Esc clears a title,
#                 Ctrl+Z brings it back (Enter then saves it)
#   open          Department typed, Ctrl+O (the start screen)
#   focus         Department typed, the window loses the keyboard focus
#   participants  F2: the name field has the focus, Enter adds and keeps it there, Enter in the
#                 department field adds too; typing "Bart" neither blanks (B) nor starts the
#                 countdown (T)
# Usage (under with_xvfb.sh): test_keep_typed.sh PILOTDECK PART
PILOTDECK=$1
part=$2
source "$(dirname "$0")/lib.sh"
require sqlite3 python3

file="$GUI_TEST_WORK/typed.pilotdeck"
new_workshop "$file"
q() { sqlite3 "$file" "$1"; }
department_is() { [ "$(q "select department from idea where title='Lieferscheine'")" = "$1" ]; }
ideas_titled() { q "select count(*) from idea where title='$1'"; }
has_idea() { [ "$(ideas_titled "$1")" = 1 ]; }
# export_has PYTHON-EXPRESSION: true for the workshop document `doc` exported after the end.
export_has() {
    exported "$file" | python3 -c "import json, sys; doc = json.load(sys.stdin); sys.exit(0 if ($1) else 1)" ||
        fail "the exported workshop lacks: $1"
}
killed() {
    kill -9 "$APP_PID"
    wait_exit "$APP_PID"
    "$PILOTDECK" check "$file" >/dev/null || fail "the file is not sound after SIGKILL"
}

# An idea "Lieferscheine", selected, on the ideas stage (stage 2 of the template).
start_with_idea() {
    start_app open "$file"
    xdotool key --clearmodifiers ctrl+n
    xdotool type --delay 20 "Lieferscheine"
    xdotool key Return
    wait_until "the idea is saved" has_idea Lieferscheine
    xdotool key Escape
}
# Where the 1280x720 window lays out the idea's Department field (details column, fourth field).
click_department() { xdotool mousemove --window "$APP_WIN" 700 503 click 1; }

case "$part" in
stage)
    start_with_idea
    click_department
    xdotool type --delay 20 "Ink"
    wait_until "a pause in typing saves \"Ink\"" department_is Ink
    xdotool type --delay 20 "oop"
    xdotool key Next
    wait_until "PageDown moves on" stage_is 3
    department_is Inkoop || fail "PageDown lost the typing: department is '$(q "select department from idea")'"
    xdotool key ctrl+z
    wait_until "Ctrl+Z undoes the stage change" stage_is 2
    xdotool key ctrl+z
    wait_until "one more Ctrl+Z undoes the whole field session (Ink and oop)" department_is ""
    xdotool key ctrl+y
    wait_until "Ctrl+Y brings the department back" department_is Inkoop
    killed
    export_has 'any(i["department"] == "Inkoop" for i in doc["ideas"])'
    ;;
stepper)
    start_with_idea
    click_department
    xdotool type --delay 20 "Inkoop"
    xdotool mousemove --window "$APP_WIN" 640 56 click 1
    wait_until "the stepper click moves to stage 4" stage_is 3
    killed
    export_has 'any(i["department"] == "Inkoop" for i in doc["ideas"])'
    ;;
quit)
    start_with_idea
    click_department
    xdotool type --delay 20 "Inkoop"
    quit_app "$file"
    export_has 'any(i["department"] == "Inkoop" for i in doc["ideas"])'
    start_app open "$file"
    xdotool key --clearmodifiers ctrl+n
    xdotool type --delay 20 "Ohne Enter"
    quit_app "$file"
    export_has 'any(i["title"] == "Ohne Enter" for i in doc["ideas"])'
    ;;
title)
    start_app open "$file"
    xdotool key --clearmodifiers ctrl+n
    xdotool type --delay 20 "Ohne Enter"
    xdotool key Next
    wait_until "PageDown moves on" stage_is 3
    has_idea "Ohne Enter" || fail "PageDown lost the new idea's title"
    xdotool key Prior
    wait_until "PageUp goes back" stage_is 2
    xdotool key --clearmodifiers ctrl+n
    xdotool type --delay 20 "Weg damit"
    press Escape
    [ "$(ideas_titled "Weg damit")" = 0 ] || fail "Esc saved the title instead of clearing it"
    xdotool key ctrl+z
    has_idea "Ohne Enter" || fail "Ctrl+Z after Esc undid an edit instead of bringing the title back"
    xdotool key Return
    wait_until "the title brought back by Ctrl+Z is saved with Enter" has_idea "Weg damit"
    killed
    export_has 'sorted(i["title"] for i in doc["ideas"]) == ["Ohne Enter", "Weg damit"]'
    ;;
open)
    start_with_idea
    click_department
    xdotool type --delay 20 "Inkoop"
    xdotool key --clearmodifiers ctrl+o
    wait_until "Ctrl+O commits the department" department_is Inkoop
    killed
    export_has 'any(i["department"] == "Inkoop" for i in doc["ideas"])'
    ;;
focus)
    start_with_idea
    click_department
    xdotool type --delay 20 "Inkoop"
    # The keyboard focus goes to a window of its own (no window manager: the test sets it).
    xmessage -geometry +900+500 "other window" &
    other_pid=$!
    other=$(timeout 10 xdotool search --sync --onlyvisible --name '^xmessage') || fail "no other window"
    xdotool windowfocus "$other"
    wait_until "losing the focus commits the department (it is '$(q "select department from idea")')" department_is Inkoop
    kill "$other_pid"
    killed
    export_has 'any(i["department"] == "Inkoop" for i in doc["ideas"])'
    ;;
participants)
    start_app open "$file"
    xdotool key Next Next
    wait_until "on the ideas stage" stage_is 2
    press F2
    snapshot open_panel
    xdotool type --delay 20 "Ann"
    xdotool key Return
    xdotool type --delay 20 "Bart"
    xdotool key Return
    xdotool type --delay 20 "Cees"
    xdotool key Tab
    xdotool type --delay 20 "Inkoop"
    xdotool key Return
    people() { q "select group_concat(name || '/' || department, ',') from (select * from participant order by position)"; }
    three() { [ "$(people)" = "Ann/,Bart/,Cees/Inkoop" ]; }
    wait_until "Ann, Bart and Cees (Inkoop) are added (got '$(people)')" three
    snapshot after_names
    [ "$(colours after_names)" -gt 10 ] || fail "typing Bart blanked the projector"
    # The countdown did not start: with no input the window comes to rest (a running countdown
    # changes it every second).
    still() { snapshot still_a && sleep 1.2 && snapshot still_b && same_image still_a still_b; }
    wait_until "the window is still (typing Bart must not start the countdown)" still
    killed
    export_has '[p["name"] for p in doc["participants"]] == ["Ann", "Bart", "Cees"]'
    ;;
*)
    fail "unknown part $part"
    ;;
esac
echo "PASS: nothing typed is lost ($part)"
