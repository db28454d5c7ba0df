#!/usr/bin/env bash
# Renders the same workshop with two pilotdeck binaries and compares the pictures pixel by pixel:
# the check that a change meant to keep behaviour (a refactoring, new warnings) left every screen
# as it was. Each stage of the demo workshop at 1920x1080, 1280x720 and 1024x768; prints the number
# of differing pixels per picture and exits 1 when any differs (the diff images stay in OUT).
# Needs X (run under xvfb-run) and ImageMagick's `compare`.
# Usage: scripts/compare-screenshots.sh OLD_BINARY NEW_BINARY [OUT]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY [OUT]" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
old="$(realpath "$1")"; new="$(realpath "$2")"
out="${3:-$(mktemp -d)}"
mkdir -p "$out/old" "$out/new" "$out/home"
"$new" import "$out/demo.pilotdeck" --from "$root/assets/demo-workshop.json" --force >/dev/null
differ=0
for size in 1920x1080 1280x720 1024x768; do
    for stage in intro concerns ideas scoring matrix shortlist; do
        for side in old new; do
            bin="$old"; [ "$side" = new ] && bin="$new"
            cp "$out/demo.pilotdeck" "$out/$side/w.pilotdeck"  # same name: the title bar shows it
            (cd "$out/$side" && HOME="$out/home" "$bin" screenshot w.pilotdeck --stage "$stage" --size "$size" \
                --out "$stage-$size.png" >/dev/null)
        done
        n=$(compare -metric AE "$out/old/$stage-$size.png" "$out/new/$stage-$size.png" "$out/diff-$stage-$size.png" 2>&1 || true)
        echo "$stage $size: $n differing pixels"
        [ "$n" = 0 ] || differ=1
    done
done
echo "pictures in $out"
exit "$differ"
