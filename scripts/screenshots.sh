#!/usr/bin/env bash
# Renders the README's screenshots with pilotdeck itself (`pilotdeck screenshot`), from the demo
# workshop, into docs/screenshots/. Starts its own Xvfb when there is no display.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${PILOTDECK_BIN:-$root/build/release/app/cli/pilotdeck}"
out="$root/docs/screenshots"
mkdir -p "$out"
work="$(mktemp -d)"
cleanup() { [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
    # Xvfb picks a free display itself and reports it on fd 3 once it accepts connections.
    Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 200); do
        [ -s "$work/display" ] && break
        kill -0 "$xvfb_pid" 2>/dev/null || { echo "screenshots.sh: Xvfb did not start" >&2; exit 1; }
        sleep 0.1
    done
    export DISPLAY=":$(tr -dc 0-9 <"$work/display")"
fi
"$bin" import "$work/demo.pilotdeck" --from "$root/assets/demo-workshop.json" 2>/dev/null
for stage in intro concerns ideas scoring matrix shortlist; do
    "$bin" screenshot "$work/demo.pilotdeck" --stage "$stage" --out "$out/$stage.png" --size 1920x1080
    echo "docs/screenshots/$stage.png"
done
# The same workshop's screen in German, at a projector's 1280x720.
for stage in scoring shortlist; do
    "$bin" screenshot "$work/demo.pilotdeck" --stage "$stage" --out "$out/de-$stage.png" --size 1280x720 --lang de
    echo "docs/screenshots/de-$stage.png"
done
# A hackathon's stages; the pitches and the awards after PageDowns within the stage (--steps), as
# a clicker would: the second team's pitch with its countdown (the first has pitched), the reveal
# at the 3rd place (the time saver's and the audience's awards below it), then the winner.
"$bin" import "$work/hackathon.pilotdeck" --from "$root/tests/data/hackathon-workshop.json" 2>/dev/null
for stage in teams work judging; do
    "$bin" screenshot "$work/hackathon.pilotdeck" --stage "$stage" --out "$out/hackathon-$stage.png" --size 1920x1080
    echo "docs/screenshots/hackathon-$stage.png"
done
# The pitches and the awards with the template's own stages around the same teams, judges,
# comparisons and votes (the template's awards but the pilot, which needs the shortlist).
"$bin" new "$work/hackathon-template.pilotdeck" --template hackathon --title "AI hackathon" >/dev/null 2>&1
"$bin" export "$work/hackathon-template.pilotdeck" >"$work/hackathon-template.json"
jq -s '.[0] + (.[1] | {participants, ideas, teams, scores, judging, comparisons, audience_votes})
       | .awards = [.awards[] | select(.rule != "pilot")]' \
    "$work/hackathon-template.json" "$root/tests/data/hackathon-workshop.json" >"$work/hackathon-day.json"
"$bin" import "$work/hackathon-day.pilotdeck" --from "$work/hackathon-day.json" 2>/dev/null
for shot in pitches:3:hackathon-pitches awards:3:hackathon-awards-reveal awards:100:hackathon-awards-all; do
    IFS=: read -r stage steps name <<<"$shot"
    "$bin" screenshot "$work/hackathon-day.pilotdeck" --stage "$stage" --steps "$steps" --out "$out/$name.png" --size 1920x1080
    echo "docs/screenshots/$name.png"
done
