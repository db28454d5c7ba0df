#!/bin/bash
# The idea's owner by keyboard alone (issue 14): Tab from the department reaches the owner; a
# name nobody has, taken with Enter, adds that participant and makes them the owner in one undo
# step (Ctrl+Z takes both back, Ctrl+Y brings both); Esc leaves the owner as it was and adds
# nobody; an emptied field left with Tab clears the owner. Then SIGKILL: the file holds it.
# Usage (under with_xvfb.sh): test_owner_field.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"
require sqlite3 python3

file="$GUI_TEST_WORK/owner.pilotdeck"
"$PILOTDECK" new "$file" --template use-case-workshop-de --title "Owner" >/dev/null || fail "pilotdeck new failed"
q() { sqlite3 "$file" "$1"; }
is() { [ "$(q "$1")" = "$2" ]; }
owner="select coalesce(p.name, '') from idea i left join participant p on p.rid = i.owner where i.title = 'Lieferscheine'"
people="select count(*) from participant"
start_app open "$file" --lang de

xdotool key F2
xdotool type --delay 25 "Anna Groß"
xdotool key Return
wait_until "Anna is added" is "$people" 1
xdotool key F2 Next Next
wait_until "the ideas stage" stage_is 2
xdotool key --clearmodifiers ctrl+n
xdotool type --delay 25 "Lieferscheine"
xdotool key Return
wait_until "the idea is saved" is "select count(*) from idea" 1

# Enter on the selected idea: its title; Tab walks to the owner. A new name, Enter: added.
# (press: the keyboard is in the title before the Tabs come.)
xdotool key Escape
press Return
xdotool key Tab Tab Tab Tab
xdotool type --delay 25 "Dora Neu"
snapshot owner_offer
xdotool key Return
wait_until "Dora is added and owns the idea" is "$owner" "Dora Neu"
is "$people" 2 || fail "Dora is not a participant"
xdotool key Escape
xdotool key --clearmodifiers ctrl+z
wait_until "one Ctrl+Z takes back the owner and the participant" is "$people" 1
is "$owner" "" || fail "Ctrl+Z left an owner: $(q "$owner")"
xdotool key --clearmodifiers ctrl+y
wait_until "Ctrl+Y brings both back" is "$owner" "Dora Neu"

# Esc while typing another name: nothing changes, nobody is added.
press Return
xdotool key Tab Tab Tab Tab
xdotool type --delay 25 "Xaver"
xdotool key Escape
xdotool key --clearmodifiers ctrl+n
xdotool type --delay 25 "Zweite Idee"
xdotool key Return
wait_until "the second idea is saved" is "select count(*) from idea" 2
is "$people" 2 || fail "Esc added Xaver"
is "$owner" "Dora Neu" || fail "Esc changed the owner: $(q "$owner")"

# The emptied field left with Tab: the owner is cleared.
xdotool key Escape Up
press Return
xdotool key Tab Tab Tab Tab
xdotool key --clearmodifiers ctrl+a
xdotool key BackSpace Tab
wait_until "the emptied owner field clears the owner" is "$owner" ""

kill -9 "$APP_PID"
wait_exit "$APP_PID"
"$PILOTDECK" check "$file" >/dev/null || fail "the file is not sound after SIGKILL"
exported "$file" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
assert sorted(p["name"] for p in doc["participants"]) == ["Anna Groß", "Dora Neu"], doc["participants"]
idea = [i for i in doc["ideas"] if i["title"] == "Lieferscheine"][0]
assert not idea.get("owner"), idea
' || fail "the exported workshop is not as typed"
echo "PASS: the owner by keyboard: completed, added, undone, kept on Esc, cleared"
