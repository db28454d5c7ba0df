#!/bin/bash
# Esc closes the screening questionnaire (F7) and the re-vote view (F3) on the real window, keeps
# what was typed, and does nothing else: the window stays in full screen. (issue 11)
# Questionnaire: an idea is captured, F11 full screen, F7, P1 answered no, Down to the notes,
# notes typed, Esc: still full screen, the questionnaire closed (N no longer answers), and after
# Ctrl+Q the notes are in the file. Re-vote: the demo workshop in its scoring stage, full screen,
# F3, Enter opens a round, a digit, Tab to the reason, typed, Esc: still full screen; F3 again and
# Enter saves that value with the reason typed before Esc.
# Usage (under with_xvfb.sh): test_esc_closes.sh PILOTDECK DEMO.json
PILOTDECK=$1
DEMO=$2
source "$(dirname "$0")/lib.sh"
require sqlite3 python3

width() { xdotool getwindowgeometry "$APP_WIN" | sed -n 's/.*Geometry: \([0-9]*\)x.*/\1/p'; }
fullscreen() { [ "$(width)" = 1920 ]; }
windowed() { [ "$(width)" != 1920 ]; }

file="$GUI_TEST_WORK/esc.pilotdeck"
new_workshop "$file"
has_idea() { [ "$(sqlite3 "$file" "select count(*) from idea where title='$1'")" = 1 ]; }
export_check() {
    exported "$1" | python3 -c "import json, sys; doc = json.load(sys.stdin); sys.exit(0 if ($2) else 1)" ||
        fail "the exported workshop lacks: $2"
}

start_app open "$file"
wait_until "the window is not in full screen" windowed
xdotool key --clearmodifiers ctrl+n
xdotool type --delay 20 "Bewerbungen sichten"
xdotool key Return
wait_until "the idea is saved" has_idea "Bewerbungen sichten"
xdotool key Escape
press F11
wait_until "the window is in full screen" fullscreen
press F7
press n  # P1: no
for _ in $(seq 1 40); do xdotool key Down; done  # past the last question: into the notes
sleep 1
xdotool type --delay 30 "Ask legal about H4"
xdotool key Escape
sleep 1
fullscreen || fail "Esc in the questionnaire also left full screen"
snapshot closed
xdotool key n  # with the questionnaire closed, N is not an answer (it toggles the notes)
wait_until "N acts on the window" changed_from closed
quit_app "$file"
a="doc['ideas'][0]['assessment']"
export_check "$file" "$a.get('notes') == 'Ask legal about H4' and $a.get('P1') is False and $a.get('P2') is None"

# The re-vote view.
demo="$GUI_TEST_WORK/demo.pilotdeck"
"$PILOTDECK" import "$demo" --from "$DEMO" >/dev/null || fail "import of the demo failed"
sqlite3 "$demo" "update meta set value = '4' where key = 'current_stage'"
start_app open "$demo"
press F11
wait_until "the window is in full screen" fullscreen
press F3
press Return  # opens the re-vote round on the contested scores
press 5
xdotool key Tab
sleep 1
xdotool type --delay 30 "heard the others"
xdotool key Escape
sleep 1
fullscreen || fail "Esc in the re-vote view also left full screen"
history() { sqlite3 "$demo" "select count(*) from score_history"; }
[ "$(history)" = 0 ] || fail "Esc saved a re-vote"
press F3
xdotool key Return  # saves the value and reason kept from before Esc
wait_until "the re-vote is saved" test "$(history)" = 1
quit_app "$demo"
export_check "$demo" "len(doc['score_history']) == 1 and doc['score_history'][0]['reason'] == 'heard the others' and any(s.get('round') == 2 and s['value'] == 5 for s in doc['scores'])"
echo "PASS"
