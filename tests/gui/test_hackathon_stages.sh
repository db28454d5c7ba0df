#!/bin/bash
# A hackathon's pitches and awards on the real window, driven by PageDown as a clicker would:
# the pitches stage takes each press (pitch, then Q&A, per team) until every team has pitched,
# then PageDown moves on; the awards stage reveals one award per press, the winner last.
# Usage (under with_xvfb.sh): test_hackathon_stages.sh PILOTDECK HACKATHON.json [SCREENSHOT_DIR]
PILOTDECK=$1
DOC=$2
SHOTS=${3:-}
source "$(dirname "$0")/lib.sh"
require sqlite3

file="$GUI_TEST_WORK/hackathon.pilotdeck"
"$PILOTDECK" import "$file" --from "$DOC" 2>/dev/null || fail "import failed"
stage_index() { sqlite3 "$file" "select count(*) from stage where position < (select position from stage where kind = '$1')"; }
pitches=$(stage_index pitches)
sqlite3 "$file" "update meta set value = '$pitches' where key = 'current_stage'"
teams=$(sqlite3 "$file" "select count(*) from team")

# `pilotdeck screenshot --steps N`: N PageDowns within the stage before the picture (the README's
# pitch and awards screenshots); the file stays as it was.
before=$(sha256sum "$file" | cut -d' ' -f1)
for shot in pitches:0 pitches:1 awards:0 awards:100; do
    "$PILOTDECK" screenshot "$file" --stage "${shot%%:*}" --steps "${shot##*:}" --size 1280x720 \
        --out "$GUI_TEST_WORK/steps-${shot/:/-}.png" || fail "screenshot --steps of $shot failed"
done
same_image steps-pitches-0 steps-pitches-1 && fail "screenshot --steps 1 of the pitches shows no pitch"
same_image steps-awards-0 steps-awards-100 && fail "screenshot --steps 100 of the awards reveals nothing"
[ "$(sha256sum "$file" | cut -d' ' -f1)" = "$before" ] || fail "screenshot --steps changed the workshop file"
echo "ok: screenshot --steps pages within the stage"

start_app open "$file"
keep() { [ -z "$SHOTS" ] || cp "$GUI_TEST_WORK/$1.png" "$SHOTS/$2.png"; }
snapshot waiting
press Page_Down
snapshot first_pitch
keep first_pitch hackathon-pitch
[ "$(current_stage "$file")" = "$pitches" ] || fail "PageDown left the pitches stage at the first pitch"
press Page_Down
snapshot first_qa
same_image first_pitch first_qa && fail "Q&A looks like the pitch"
# The other teams: pitch and Q&A each; then "every team has pitched".
for _ in $(seq 2 "$teams"); do press Page_Down; press Page_Down; done
press Page_Down
[ "$(current_stage "$file")" = "$pitches" ] || fail "the pitches stage let go before every team had pitched"
echo "ok: PageDown walks the pitches ($teams teams, pitch and Q&A each)"
press Page_Up
press Page_Down
press Page_Down
wait_until "PageDown after the last pitch goes to the judging stage" \
    bash -c "[ \"\$(sqlite3 '$file' \"select value from meta where key='current_stage'\")\" = '$((pitches + 1))' ]"
echo "ok: then PageDown moves on"

awards=$(stage_index awards)
press Page_Down   # judging -> awards
[ "$(current_stage "$file")" = "$awards" ] || fail "expected the awards stage"
awards_count=$("$PILOTDECK" results "$file" | grep -c '"award":')
# One reveal per press (the overall award shows its places from the lowest first, so there are
# at least as many steps as awards); the stage stays; once all are shown PageDown changes nothing
# (the awards are the last stage here).
changed_within_3s() {
    for _ in $(seq 1 30); do changed_from "$1" && return 0; sleep 0.1; done
    return 1
}
reveals=0
for _ in $(seq 1 20); do
    snapshot before_reveal
    xdotool key Page_Down
    changed_within_3s before_reveal || break
    reveals=$((reveals + 1))
    [ "$(current_stage "$file")" = "$awards" ] || fail "the awards stage let go after $reveals reveals"
    [ "$reveals" = 1 ] && { snapshot first_award; keep first_award hackathon-awards-first; }
done
[ "$reveals" -ge "$awards_count" ] || fail "only $reveals reveals for $awards_count awards"
snapshot revealed
keep revealed hackathon-awards-winner
echo "ok: the awards are revealed one per PageDown"
quit_app "$file"
