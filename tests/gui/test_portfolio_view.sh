#!/bin/bash
# File > Portfolio on the real window: three workshops in one folder (a workshop file and two
# pulse-check documents) are read when the view opens; the view shows the worries' trend and the
# pilots, Esc closes it, and no workshop file changes. Screenshots to $PILOTDECK_GUI_SHOTS.
# Usage (under with_xvfb.sh): test_portfolio_view.sh PILOTDECK FOLLOWUP_DOCUMENT
PILOTDECK=$1
doc=$2
source "$(dirname "$0")/lib.sh"
require python3 sha256sum convert

work=$GUI_TEST_WORK
folder="$work/acme"
mkdir -p "$folder"
file="$folder/2026-11 workshop.pilotdeck"
"$PILOTDECK" import "$file" --from "$doc" >/dev/null 2>&1 || fail "import failed"
python3 - "$doc" "$folder" <<'PY' || fail "cannot write the pulse-checks"
import json, sys
base = json.load(open(sys.argv[1]))
def pulse(date, people, counts):
    d = json.loads(json.dumps(base))
    d["title"] = "Pulse-check " + date
    d["date"] = date
    d["participants"] = [{"id": "p%d" % i, "name": "P%d" % i, "department": "Sales", "role": "user"} for i in range(1, people + 1)]
    for c in d["concerns"]:
        c["count"] = counts.get(c["id"], 0)
    d["scores"] = []
    d["ideas"] = [{"id": "i1", "title": "Summarise complaint letters", "department": "Service"}]
    json.dump(d, open("%s/%s pulse-check.json" % (sys.argv[2], date), "w"))
pulse("2027-02-01", 8, {"jobs": 3, "understanding": 2, "blame": 4, "complexity": 1})
pulse("2027-05-03", 10, {"jobs": 2, "understanding": 1, "blame": 2, "complexity": 1, "culture": 1})
PY
before=$(sha256sum "$folder"/* | sha256sum)

start_app open "$file"
sleep 0.5
snapshot stage
menu_bar
xdotool key space        # File opens
sleep 0.3
xdotool key Down         # from "New or open…" to "Portfolio…"
sleep 0.3
xdotool key space        # activates it
# The chart draws the worries in the palette's chart colours: the first worry (jobs) in orange.
orange_pixels() {
    import -window "$APP_WIN" "$work/portfolio.png" &&
        [ "$(convert "$work/portfolio.png" -fill black +opaque "rgb(230,159,0)" -fill white -opaque "rgb(230,159,0)" \
            -format "%[fx:int(mean*w*h)]" info:)" -gt 200 ]
}
wait_until "the portfolio view draws the worries' trend" orange_pixels
sleep 0.5
snapshot portfolio
orange_pixels || fail "the trend line went away"
[ -n "${PILOTDECK_GUI_SHOTS:-}" ] && mkdir -p "$PILOTDECK_GUI_SHOTS" && cp "$work/portfolio.png" "$PILOTDECK_GUI_SHOTS/portfolio-view.png"
xdotool key Escape
wait_until "Esc closes the view" bash -c "import -window $APP_WIN '$work/closed.png' && [ \"\$(compare -metric AE '$work/stage.png' '$work/closed.png' null: 2>&1)\" = 0 ]"
quit_app "$file"
[ "$(sha256sum "$folder"/* | sha256sum)" = "$before" ] || fail "the portfolio view changed a workshop file"
echo "PASS: portfolio view: trend and pilots shown, Esc closes, files unchanged"
