#!/bin/bash
# `pilotdeck screenshot` renders every stage at 1920x1080 and 1280x720 into PNGs that are not
# blank, never changes the workshop file, and fails with one clear line on bad input.
# Usage (under with_xvfb.sh): test_screenshots.sh PILOTDECK DEMO_WORKSHOP_JSON
PILOTDECK=$1
demo=$2
source "$(dirname "$0")/lib.sh"

file="$GUI_TEST_WORK/demo.pilotdeck"
"$PILOTDECK" import "$file" --from "$demo" >/dev/null || fail "cannot import the demo workshop"
before=$(sha256sum "$file" | cut -d' ' -f1)

for size in 1920x1080 1280x720; do
    for stage in intro concerns ideas scoring matrix shortlist; do
        png="$GUI_TEST_WORK/$stage-$size.png"
        "$PILOTDECK" screenshot "$file" --stage "$stage" --out "$png" --size "$size" ||
            fail "screenshot of $stage at $size failed"
        [ "$(identify -format %wx%h "$png")" = "$size" ] || fail "$png is not $size"
        n=$(identify -format %k "$png")
        [ "$n" -gt 100 ] || fail "$png looks blank: only $n colours"
        echo "ok: $stage at $size, $n colours"
    done
done

[ "$(sha256sum "$file" | cut -d' ' -f1)" = "$before" ] || fail "a screenshot changed the workshop file"
[ ! -e "$file-wal" ] || [ ! -s "$file-wal" ] || fail "a screenshot left a write-ahead log with changes"

# The stages look different (the right panel is drawn for each).
same_image "intro-1920x1080" "ideas-1920x1080" && fail "intro and ideas screenshots are identical"

# The shortlist's robustness check runs in the background: the screenshot waits for its result,
# so a workshop big enough for the check to take a while gives the same picture every time.
python3 - "$demo" "$GUI_TEST_WORK/big.json" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
ideas, scores = list(ws["ideas"]), list(ws["scores"])
for copy in range(1, 25):
    for idea in ideas:
        twin = dict(idea, id=f"{idea['id']}-{copy}", title=f"{idea['title']} ({copy})")
        ws["ideas"].append(twin)
    for s in scores:
        ws["scores"].append(dict(s, idea=f"{s['idea']}-{copy}"))
ws.pop("score_history", None)
json.dump(ws, open(sys.argv[2], "w"))
PY
big="$GUI_TEST_WORK/big.pilotdeck"
"$PILOTDECK" import "$big" --from "$GUI_TEST_WORK/big.json" >/dev/null || fail "cannot import the big workshop"
for k in 1 2; do
    "$PILOTDECK" screenshot "$big" --stage shortlist --out "$GUI_TEST_WORK/big-$k.png" --size 1280x720 ||
        fail "screenshot of the big shortlist failed"
done
same_image big-1 big-2 || fail "two screenshots of the same shortlist differ (the robustness check not awaited)"
echo "ok: the shortlist's screenshot waits for the robustness check"

# Errors: one line starting "pilotdeck: ", the exit status (2: wrong usage, 1: failure), no PNG left.
expect_error() {
    local want=$1
    shift
    local out=$GUI_TEST_WORK/err.png
    rm -f "$out"
    local msg status
    msg=$("$@" 2>&1 >/dev/null)
    status=$?
    [ "$status" -eq "$want" ] || fail "expected exit $want from: $*, got $status"
    [ "$(printf '%s\n' "$msg" | wc -l)" -eq 1 ] || fail "expected one error line, got: $msg"
    case "$msg" in pilotdeck:*) ;; *) fail "error does not start with 'pilotdeck: ': $msg" ;; esac
    [ ! -e "$out" ] || fail "a failed screenshot left $out"
    echo "ok: $msg"
}
expect_error 2 "$PILOTDECK" screenshot "$file" --stage nonsense --out "$GUI_TEST_WORK/err.png"
expect_error 1 "$PILOTDECK" screenshot "$GUI_TEST_WORK/missing.pilotdeck" --stage intro --out "$GUI_TEST_WORK/err.png"
printf 'not a workshop' >"$GUI_TEST_WORK/junk.pilotdeck"
expect_error 1 "$PILOTDECK" screenshot "$GUI_TEST_WORK/junk.pilotdeck" --stage intro --out "$GUI_TEST_WORK/err.png"
[ "$(cat "$GUI_TEST_WORK/junk.pilotdeck")" = "not a workshop" ] || fail "the junk file was changed"
expect_error 1 env -u DISPLAY "$PILOTDECK" screenshot "$file" --stage intro --out "$GUI_TEST_WORK/err.png"
echo "PASS: screenshots"
