#!/bin/bash
# Merging duplicates by keyboard on the real window: on the ideas stage Down selects ideas, M
# opens "Merge into…", Enter merges the selected idea into the highlighted one. The file then
# holds the scores as the core defines a merge (the kept idea's own scores win, the dropped
# idea's other scores come along, the dropped idea is gone); Ctrl+Z brings both ideas back with
# exactly their scores from before.
# Usage (under with_xvfb.sh): test_merge_ideas.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"
require python3 sqlite3

work=$GUI_TEST_WORK
file="$work/merge.pilotdeck"
new_workshop "$work/base.pilotdeck"
# Two raters, three ideas; i2 duplicates i1. Both scored p1/time_saved: i1's 4 must stay.
exported "$work/base.pilotdeck" | python3 -c '
import json, sys
d = json.load(sys.stdin)
d["participants"] = [{"id": "p1", "name": "Anna", "department": "Einkauf", "role": "user"},
                     {"id": "p2", "name": "Bernd", "department": "IT", "role": "user"}]
idea = lambda i, t: {"id": i, "title": t, "problem": "", "solution": "", "department": "", "owner": "",
                     "success_criteria": "", "decision": None}
d["ideas"] = [idea("i1", "Rechnungen prüfen"), idea("i2", "Rechnungsprüfung (doppelt)"), idea("i3", "Touren planen")]
s = lambda i, r, c, v: {"idea": i, "rater": r, "criterion": c, "value": v}
d["scores"] = [s("i1", "p1", "time_saved", 4), s("i1", "p1", "personal_data", 2),
               s("i2", "p1", "time_saved", 2), s("i2", "p2", "time_saved", 5), s("i2", "p2", "reach", 3),
               s("i3", "p1", "reach", 1)]
json.dump(d, open(sys.argv[1], "w"), ensure_ascii=False)' "$work/doc.json" || fail "cannot write the document"
"$PILOTDECK" import "$file" --from "$work/doc.json" >/dev/null || fail "import failed"

# The scores in the file as sorted "idea rater criterion value" lines; the ideas' ids.
scores() { exported "$file" | python3 -c '
import json, sys
for s in sorted(json.load(sys.stdin)["scores"], key=lambda s: (s["idea"], s["rater"], s["criterion"])):
    print(s["idea"], s["rater"], s["criterion"], s["value"])'; }
idea_ids() { exported "$file" | python3 -c 'import json, sys; print(" ".join(i["id"] for i in json.load(sys.stdin)["ideas"]))'; }
ideas_are() { [ "$(idea_ids)" = "$1" ]; }
before=$(scores)

start_app open "$file"
xdotool key Next
xdotool key Next
wait_until "PageDown twice reaches the ideas stage" stage_is 2
wait_until "the ideas stage is drawn" window_has_content
press Down   # the first idea
press Down   # the second: the duplicate
press m      # "Merge into…" with the first other idea (i1) highlighted
xdotool key Return
wait_until "the merge is saved (i2 gone)" ideas_are "i1 i3"
expected="i1 p1 personal_data 2
i1 p1 time_saved 4
i1 p2 reach 3
i1 p2 time_saved 5
i3 p1 reach 1"
[ "$(scores)" = "$expected" ] || fail "scores after the merge:
$(scores)
expected:
$expected"
echo "ok: merged by keyboard, scores kept as the core defines it"

xdotool key ctrl+z
wait_until "Ctrl+Z brings the duplicate back" ideas_are "i1 i2 i3"
[ "$(scores)" = "$before" ] || fail "scores after undo:
$(scores)
expected:
$before"
echo "ok: Ctrl+Z undoes the merge"

quit_app "$file"
echo "PASS: merge duplicates"
