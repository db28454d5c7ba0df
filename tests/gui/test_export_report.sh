#!/bin/bash
# File > Export report… on the real window: the report for decision makers is written next to the
# workshop file as STEM-report.pdf, and reads back (pdftotext) with the workshop, the pilots and
# their obligations and robustness verdicts; the workshop file stays sound.
# Usage (under with_xvfb.sh): test_export_report.sh PILOTDECK DEMO_DOCUMENT
PILOTDECK=$1
doc=$2
source "$(dirname "$0")/lib.sh"
require pdftotext

work=$GUI_TEST_WORK
file="$work/Acme workshop.pilotdeck"
pdf="$work/Acme workshop-report.pdf"
"$PILOTDECK" import "$file" --from "$doc" >/dev/null 2>&1 || fail "import failed"

start_app open "$file"
sleep 0.5
menu_bar
xdotool key space        # File opens
sleep 0.3
xdotool key Down         # "New or open…" -> "Portfolio…"
sleep 0.3
xdotool key Down         # -> "Export report…"
sleep 0.3
xdotool key space        # activates it
wait_until "the report is written next to the workshop file" test -s "$pdf"
text=$(pdftotext -enc UTF-8 "$pdf" - | tr -s '[:space:]' ' ') || fail "pdftotext cannot read the report"
for words in "Report for decision makers" "Draft replies to routine customer e-mails" "Obligations:" \
             "Robustness: robust" "Benefit versus risk" "The rules used"; do
    case "$text" in *"$words"*) ;; *) fail "the report lacks \"$words\"" ;; esac
done
snapshot exported
[ -n "${PILOTDECK_GUI_SHOTS:-}" ] && mkdir -p "$PILOTDECK_GUI_SHOTS" && cp "$work/exported.png" "$PILOTDECK_GUI_SHOTS/export-report.png"
quit_app "$file"
ls "$work" | grep -q '\.tmp' && fail "a temporary file was left behind"
echo "PASS: File > Export report writes the PDF next to the workshop file"
