#!/bin/bash
# The review stage end to end (contracts 12): a follow-up workshop started from an earlier one
# (pilotdeck new --from), the review stage reached by Page Down, V and a value typed with Enter
# adds a dated value to the pilot's first measure, S and a reason with Enter records "scale";
# Ctrl+Q, reopen: the value, the status and the reason are there, and the panel shows them.
# Screenshots go to $PILOTDECK_GUI_SHOTS when it is set (for the README and for looking at).
# Usage (under with_xvfb.sh): test_review_stage.sh PILOTDECK FOLLOWUP_DOCUMENT
PILOTDECK=$1
doc=$2
source "$(dirname "$0")/lib.sh"
require python3 sqlite3

work=$GUI_TEST_WORK
earlier="$work/november.pilotdeck"
file="$work/review.pilotdeck"
"$PILOTDECK" import "$earlier" --from "$doc" >/dev/null || fail "import failed"
"$PILOTDECK" new "$file" --from "$earlier" --title "Pilot review" 2>/dev/null || fail "new --from failed"
review_stage=$(exported "$file" | python3 -c '
import json, sys
print([s["kind"] for s in json.load(sys.stdin)["stages"]].index("review"))')

shots() { [ -n "${PILOTDECK_GUI_SHOTS:-}" ] && mkdir -p "$PILOTDECK_GUI_SHOTS" && cp "$work/$1.png" "$PILOTDECK_GUI_SHOTS/$2.png"; true; }
pilot() { exported "$file" | python3 -c '
import json, sys
i1 = json.load(sys.stdin)["ideas"][0]
m = i1["measures"][0]
print(i1["status"], "|", i1["status_history"][-1]["reason"], "|", " ".join(str(v["value"]) for v in m["values"]))'; }
pilot_is() { [ "$(pilot)" = "$1" ]; }

[ "$(pilot)" = "pilot | Chosen at the workshop | 20 24.5" ] || fail "unexpected start: $(pilot)"

start_app open "$file"
for _ in $(seq 1 "$review_stage"); do xdotool key Next; done
wait_until "Page Down reaches the review stage" stage_is "$review_stage"
wait_until "the review stage is drawn" window_has_content
sleep 0.5
snapshot review_before
shots review_before review-stage-before

press v
sleep 0.3
xdotool type --delay 30 "18"
xdotool key Return
wait_until "the value is saved" pilot_is "pilot | Chosen at the workshop | 20 24.5 18"

press s
sleep 0.3
xdotool type --delay 20 "Every account manager uses it"
xdotool key Return
wait_until "the decision is saved" pilot_is "scaled | Every account manager uses it | 20 24.5 18"
sleep 0.5
snapshot review_after
shots review_after review-stage-decided
quit_app "$file" "$earlier"

# Reopened: the file has it, and the stage shows it (the window draws the new state, not the old).
[ "$(pilot)" = "scaled | Every account manager uses it | 20 24.5 18" ] || fail "after reopening: $(pilot)"
[ "$(exported "$file" | python3 -c '
import json, sys
h = json.load(sys.stdin)["ideas"][0]["status_history"][-1]
print(h["status"], h["date"] >= "2026-01-01")')" = "scaled True" ] || fail "the history entry is not a dated scale"
start_app open "$file"
wait_until "it reopens on the review stage" stage_is "$review_stage"
sleep 0.5
snapshot reopened
shots reopened review-stage-reopened
same_image reopened review_before && fail "the reopened review stage looks as before the edits"
quit_app "$file"
echo "PASS: review stage: value entered, scale decided, there after reopening"
