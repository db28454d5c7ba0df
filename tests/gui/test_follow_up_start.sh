#!/bin/bash
# A follow-up meeting started from the start screen (issue 13, "carry over"; as
# `pilotdeck new FILE --from EARLIER`), by keyboard: Ctrl+O, a title, the pilot-review template,
# the new file's path and the earlier workshop's file in "Follow-up of", Enter. The new workshop
# opens with the earlier one's participants, its pilots and its open ideas; the earlier file stays
# byte-identical. An earlier file that is not there is refused with the reason on the start
# screen, and no new file is made.
# Usage (under with_xvfb.sh): test_follow_up_start.sh PILOTDECK FOLLOWUP_DOCUMENT
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"
require python3 convert

work=$GUI_TEST_WORK
earlier="$work/frueher.pilotdeck"
"$PILOTDECK" import "$earlier" --from "$2" >/dev/null 2>&1 || fail "import of the earlier workshop failed"
cp "$earlier" "$work/earlier.orig"
current="$work/jetzt.pilotdeck"
new_workshop "$current"
type_text() { xdotool type --delay 30 "$1"; }
shows_message() {
    snapshot probe_msg && convert "$work/probe_msg.png" -format %c histogram:info:- | grep -qi '#9E0000'
}
name_is() { [ "$(xdotool getwindowname "$APP_WIN")" = "$1" ]; }
# The template field's Down steps through the templates in the order `pilotdeck templates` lists them.
downs=$(( $("$PILOTDECK" templates | cut -f1 | grep -n '^pilot-review$' | cut -d: -f1) - 1 ))
[ "$downs" -ge 0 ] || fail "no pilot-review template"

start_app open "$current"
# fill_form TITLE PATH EARLIER [DOWNS]: from the start screen's title field (it has the focus);
# DOWNS presses of Down in the template field (the form keeps its template between attempts).
fill_form() {
    type_text "$1"
    press shift+Tab
    for _ in $(seq 1 "${4:-0}"); do xdotool key Down; sleep 0.1; done
    sleep 0.3
    xdotool key Tab          # title
    xdotool key Tab Tab Tab Tab   # organisation, date, facilitator, save as
    sleep 0.3
    press ctrl+a BackSpace
    type_text "$2"
    xdotool key Tab          # follow-up of
    sleep 0.3
    type_text "$3"
    xdotool key Return
}

# --- an earlier file that is not there: refused with the reason, nothing made --------------
press ctrl+o
fill_form "Review Q1" "$work/nicht-da-review.pilotdeck" "$work/gibt-es-nicht.pilotdeck" "$downs"
wait_until "the start screen says why" shows_message
[ ! -e "$work/nicht-da-review.pilotdeck" ] || fail "a workshop was made without its earlier file"
echo "ok: a missing earlier workshop is refused on the start screen, no file made"

# --- the follow-up meeting -------------------------------------------------------------------
press Escape
wait_until "Esc leaves the start screen" name_is "pilotdeck — GUI test"
press ctrl+o
new_file="$work/review-q1.pilotdeck"
fill_form "Pilot review Q1" "$new_file" "$earlier"
wait_until "the follow-up workshop is open (window title)" name_is "pilotdeck — Pilot review Q1"
cmp -s "$earlier" "$work/earlier.orig" || fail "the earlier workshop file was changed"
exported "$earlier" >"$work/earlier.json"
exported "$new_file" >"$work/new.json"
python3 - "$work/earlier.json" "$work/new.json" <<'PY' || fail "the follow-up did not carry the earlier workshop over"
import json, sys
earlier = json.load(open(sys.argv[1]))
new = json.load(open(sys.argv[2]))
assert new["title"] == "Pilot review Q1", new["title"]
names = lambda d: sorted(p["name"] for p in d["participants"])
assert names(new) == names(earlier), (names(new), names(earlier))
pilots = [i["title"] for i in earlier["ideas"] if i.get("status") == "pilot"]
carried = {i["title"]: i.get("status", "proposed") for i in new["ideas"]}
assert pilots, "the fixture has no pilot"
for t in pilots:
    assert carried.get(t) == "pilot", (t, carried.get(t))
assert any(s == "proposed" for s in carried.values()), carried
assert not new.get("scores"), "scores are not carried"
stages = [s.get("kind") for s in new["stages"]]
assert "review" in stages, stages
print("carried:", len(new["participants"]), "participants,", len(pilots), "pilots,", len(carried) - len(pilots), "open ideas")
PY
echo "ok: the follow-up meeting carries the participants, pilots and open ideas; the earlier file is untouched"
quit_app "$new_file" "$earlier"
echo "PASS: follow-up from the start screen"
