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
# A hackathon's stages before the pitches (the pitches and awards are made by the GUI test
# test_hackathon_stages.sh, which drives them with PageDown).
"$bin" import "$work/hackathon.pilotdeck" --from "$root/tests/data/hackathon-workshop.json" 2>/dev/null
for stage in teams work judging; do
    "$bin" screenshot "$work/hackathon.pilotdeck" --stage "$stage" --out "$out/hackathon-$stage.png" --size 1920x1080
    echo "docs/screenshots/hackathon-$stage.png"
done
