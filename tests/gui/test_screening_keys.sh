#!/bin/bash
# The screening questionnaire (issue 11) answered by keyboard alone on the real window: an idea
# is captured, F7 opens its questionnaire, N and Y answer; Ctrl+Q; `pilotdeck export` and
# `pilotdeck shortlist` find the answers and the class (high-risk). Reopened, the idea picked by
# Down, F7 opens it at its first open question; answering the exception (E yes, F no) makes it
# minimal, and after SIGKILL the file says so.
# Usage (under with_xvfb.sh): test_screening_keys.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"
require sqlite3 python3

file="$GUI_TEST_WORK/screening.pilotdeck"
new_workshop "$file"
has_idea() { [ "$(sqlite3 "$file" "select count(*) from idea where title='$1'")" = 1 ]; }
# class_is CLASS: the shortlist document gives the idea that AI Act class.
class_is() {
    "$PILOTDECK" shortlist "$file" | python3 -c "
import json, sys
doc = json.load(sys.stdin)
rows = doc.get('pilots', []) + doc.get('not_selected', [])
sys.exit(0 if any(r.get('title') == 'Bewerbungen' and r.get('ai_act') == '$1' for r in rows) else 1)"
}
export_has() {
    exported "$file" | python3 -c "import json, sys; doc = json.load(sys.stdin); a = doc['ideas'][0].get('assessment', {}); sys.exit(0 if ($1) else 1)" ||
        fail "the exported workshop lacks: $1"
}

start_app open "$file"
xdotool key --clearmodifiers ctrl+n
xdotool type --delay 20 "Bewerbungen"
xdotool key Return
wait_until "the idea is saved" has_idea Bewerbungen
xdotool key Escape
press F7
# P1..P8 no, H1..H3 no, H4 (judges applicants) yes.
for _ in $(seq 1 11); do press n; done
press y
quit_app "$file"
export_has "a.get('H4') is True and all(a.get('P%d' % i) is False for i in range(1, 9)) and a.get('H3') is False and a.get('H5') is None"
class_is high-risk || fail "the shortlist does not say high-risk"

# Reopened: Down picks the idea, F7 opens at H5; H5..H8 no, E (a narrow preparatory task) yes,
# F (profiling) no: no longer high-risk, and with nothing else open of P and H, minimal.
start_app open "$file"
press Down
press F7
for _ in $(seq 1 4); do press n; done
press y
press n
kill -9 "$APP_PID"
wait_exit "$APP_PID"
"$PILOTDECK" check "$file" >/dev/null || fail "the file is not sound after SIGKILL"
export_has "a.get('E') is True and a.get('F') is False and a.get('H8') is False"
class_is minimal || fail "the shortlist does not say minimal after the exception"
echo "PASS"
