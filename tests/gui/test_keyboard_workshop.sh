#!/bin/bash
# A whole workshop by keyboard and clicker alone, on a 1024x768 screen, in German (issue 14):
# every stage of the German use-case template with Page Down, participants typed (F2), worries
# counted (Up / Down, Right), ideas typed (Ctrl+N, one left without Enter), one sharpened
# (department, owner and success criterion, by Tab; the owner completed from the participants
# by keys alone), scores typed into the grid (digits, F8), a pilot
# pinned (P, the reason, Enter) and the shortlist exported (E). Then SIGKILL: `pilotdeck export`
# must hold everything typed, and the exported shortlist must exist.
# Usage (under with_xvfb.sh, GUI_TEST_SCREEN=1024x768): test_keyboard_workshop.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"
require sqlite3 python3

file="$GUI_TEST_WORK/tastatur.pilotdeck"
"$PILOTDECK" new "$file" --template use-case-workshop-de --title "Tastatur" >/dev/null || fail "pilotdeck new failed"
q() { sqlite3 "$file" "$1"; }
next_stage() {
    local n=$(($(current_stage "$file") + 1))
    xdotool key Next
    wait_until "Page Down moves to stage $n" stage_is "$n"
}
is() { [ "$(q "$1")" = "$2" ]; }
start_app open "$file" --lang de
stage_is 0 || fail "the workshop does not start on its first stage"

# 1 Welcome: the participants, typed one after the other.
xdotool key F2
for name in "Anna Groß" "Bernd Köhler" "Clara Weiß"; do
    xdotool type --delay 25 "$name"
    xdotool key Return
done
wait_until "three participants are added" is "select count(*) from participant" 3
xdotool key F2
snapshot s1_welcome

# 2 Worries: Down picks the first, Right counts a hand; Down, Right for the second.
next_stage
xdotool key Down Right Right Down Right
wait_until "the worries are counted" is "select group_concat(count, ',') from (select count from concern order by position)" "2,1,0,0,0"
snapshot s2_worries

# 3 Ideas: typed with Enter; the last one without Enter, Page Down saves it.
next_stage
xdotool key --clearmodifiers ctrl+n
xdotool type --delay 25 "Lieferscheine prüfen"
xdotool key Return
wait_until "the first idea is saved" is "select count(*) from idea" 1
xdotool type --delay 25 "Angebote entwerfen"
xdotool key Return
wait_until "the second idea is saved" is "select count(*) from idea" 2
xdotool type --delay 25 "Überstunden auswerten"
snapshot s3_ideas
next_stage
is "select count(*) from idea where title='Überstunden auswerten'" 1 || fail "Page Down lost the third idea"

# 4 Sharpen: the first idea picked (Up); Enter puts the keyboard in its title, Tab walks the
# fields to the department, on to the owner (typed "a": the participants with an a, Down picks
# the second, Enter takes it) and on to the success criterion.
xdotool key Escape
xdotool key Up Up Up
xdotool key Return
snapshot s4_sharpen_a
xdotool key Tab Tab Tab
xdotool type --delay 25 "Einkauf"
xdotool key Tab
xdotool type --delay 25 "a"
snapshot s4_sharpen_owner
xdotool key Down Return
wait_until "Enter makes Clara the owner" is "select p.name from idea i join participant p on p.rid = i.owner where i.title='Lieferscheine prüfen'" "Clara Weiß"
xdotool key Tab
xdotool type --delay 25 "Prüfzeit pro Lieferschein von 20 auf 10 Minuten"
snapshot s4_sharpen_b

# 5 Scoring: the grid has the keyboard; each rater's row typed in one go (a digit moves on),
# F8 goes to the next idea nobody scored.
next_stage
is "select success_criteria from idea where title='Lieferscheine prüfen'" "Prüfzeit pro Lieferschein von 20 auf 10 Minuten" ||
    fail "Page Down lost the success criterion"
row="4 4 5 2 2 2 3 3 4 4"
for _ in 1 2 3; do
    # shellcheck disable=SC2086
    xdotool key --delay 40 $row
done
wait_until "30 scores for the first idea" is "select count(*) from score" 30
snapshot s5_scoring_a
xdotool key F8
xdotool key --delay 40 5 5 4 1 1 1 2 2 5 5
wait_until "10 scores for a second idea" is "select count(*) from score" 40
snapshot s5_scoring_b

# 6 Matrix: read together, nothing to type.
next_stage
snapshot s6_matrix

# 7 Pilots: P pins the selected idea (the reason typed, Enter pins), E exports.
next_stage
snapshot s7_shortlist_a
xdotool key p
xdotool type --delay 25 "Der Vorstand möchte das"
xdotool key Return
wait_until "the idea is pinned" is "select count(*) from idea where pin_reason = 'Der Vorstand möchte das'" 1
xdotool key e
wait_until "the shortlist is exported" test -s "$GUI_TEST_WORK/tastatur-shortlist.json"
snapshot s7_shortlist_b

# SIGKILL: everything typed is in the file.
kill -9 "$APP_PID"
wait_exit "$APP_PID"
"$PILOTDECK" check "$file" >/dev/null || fail "the file is not sound after SIGKILL"
exported "$file" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
names = [p["name"] for p in doc["participants"]]
assert names == ["Anna Groß", "Bernd Köhler", "Clara Weiß"], names
counts = [c["count"] for c in doc["concerns"]]
assert counts[:2] == [2, 1], counts
ideas = {i["title"]: i for i in doc["ideas"]}
assert sorted(ideas) == ["Angebote entwerfen", "Lieferscheine prüfen", "Überstunden auswerten"], sorted(ideas)
first = ideas["Lieferscheine prüfen"]
assert first["department"] == "Einkauf", first
assert first.get("owner") == [p["id"] for p in doc["participants"] if p["name"] == "Clara Weiß"][0], first
assert first["success_criteria"] == "Prüfzeit pro Lieferschein von 20 auf 10 Minuten", first
assert len(doc["scores"]) == 40, len(doc["scores"])
pinned = [i for i in doc["ideas"] if i.get("decision")]
assert len(pinned) == 1 and pinned[0]["decision"]["reason"] == "Der Vorstand möchte das", pinned
' || fail "the exported workshop lacks something typed"
echo "PASS: a whole workshop by keyboard at 1024x768 in German, nothing lost"
