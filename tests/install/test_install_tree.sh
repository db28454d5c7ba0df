#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks the tree and the installed binary.
set -euo pipefail
build="$1"
src="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/usr" >/dev/null
for f in bin/pilotdeck share/applications/pilotdeck.desktop share/icons/hicolor/scalable/apps/pilotdeck.svg \
         share/mime/packages/pilotdeck.xml share/pilotdeck/assets/demo-workshop.json \
         share/pilotdeck/assets/ai-act-obligations.json \
         share/pilotdeck/fonts/DejaVuSans.ttf share/pilotdeck/fonts/DejaVuSans-Bold.ttf; do
    [ -f "$tmp/usr/$f" ] || fail "missing $f"
done
n_src=$(ls "$src"/workshop_templates/*.json | wc -l)
n_inst=$(ls "$tmp"/usr/share/pilotdeck/workshop_templates/*.json | wc -l)
[ "$n_src" -eq "$n_inst" ] || fail "$n_inst templates installed, $n_src in the source"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$tmp/usr/share/applications/pilotdeck.desktop"; fi
grep -q '^Exec=pilotdeck' "$tmp/usr/share/applications/pilotdeck.desktop" || fail "no Exec line"

# The installed binary, with the source tree out of reach: moved copies of the tree must be found
# relative to the binary. The source's templates folder is hidden by running from a copy of the
# prefix in another place.
mv "$tmp/usr" "$tmp/elsewhere"
cd "$tmp"
out=$(env -u PILOTDECK_TEMPLATES -u PILOTDECK_ASSETS HOME="$tmp/home" "$tmp/elsewhere/bin/pilotdeck" templates)
echo "$out" | grep -q "^use-case-workshop	" || fail "installed binary did not list use-case-workshop: $out"
# Templates found are the installed ones: remove one and it must disappear from the list.
rm "$tmp/elsewhere/share/pilotdeck/workshop_templates/use-case-workshop.json"
out=$(env -u PILOTDECK_TEMPLATES HOME="$tmp/home" "$tmp/elsewhere/bin/pilotdeck" templates)
if echo "$out" | grep -q "^use-case-workshop	"; then fail "the installed binary read the source tree's templates"; fi
HOME="$tmp/home" "$tmp/elsewhere/bin/pilotdeck" new "$tmp/w.pilotdeck" --template use-case-workshop-nl --title "Proef" >/dev/null
HOME="$tmp/home" "$tmp/elsewhere/bin/pilotdeck" check "$tmp/w.pilotdeck" >/dev/null
# The shortlist and the report read the shipped AI Act obligations (assets/ai-act-obligations.json).
HOME="$tmp/home" "$tmp/elsewhere/bin/pilotdeck" shortlist "$tmp/w.pilotdeck" --out "$tmp/s.json" >/dev/null
grep -q '"format": *"pilotdeck-shortlist"' "$tmp/s.json" || fail "the installed binary wrote no shortlist"
HOME="$tmp/home" "$tmp/elsewhere/bin/pilotdeck" report "$tmp/w.pilotdeck" --out "$tmp/r.pdf" >/dev/null
[ -s "$tmp/r.pdf" ] || fail "the installed binary wrote no report"
echo "install tree ok"
