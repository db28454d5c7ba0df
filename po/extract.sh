#!/bin/sh
# Extracts every translatable string of app/ into a .pot file (default: po/pilotdeck.pot).
# Usage: po/extract.sh [OUTPUT.pot]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${1:-$here/pilotdeck.pot}
cd "$root"
# The obligations' texts and sources in assets/ai-act-obligations.json (contracts 7) are data in
# English; core::obligations_for translates them through the catalogue. Each "text" and non-empty
# "source" becomes an N_() line of a C++ file that has the asset's name in a folder searched first
# (-D), so the entries point to the asset.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/assets"
sed -n -e 's/^ *"text": \(".*"\),\{0,1\}$/\/\/ TRANSLATORS: an obligation of a pilot (assets\/ai-act-obligations.json).\nN_(\1);/p' \
       -e 's/.*"source": \("[^"][^"]*"\).*/\/\/ TRANSLATORS: where an obligation comes from, e.g. an article of the AI Act.\nN_(\1);/p' \
       assets/ai-act-obligations.json > "$tmp/assets/ai-act-obligations.json"
{ find app -name '*.cpp' -o -name '*.hpp'; echo assets/ai-act-obligations.json; } | LC_ALL=C sort > "$out.files"
xgettext --from-code=UTF-8 --language=C++ --add-location=file --sort-by-file -D "$tmp" -D . \
  --keyword= --keyword=tr --keyword=ntr:1,2 --keyword=trc:1c,2 --keyword=tr_in:2 --keyword=ntr_in:2,3 --keyword=N_ --add-comments=TRANSLATORS: \
  --flag=tr:1:no-c-format --flag=ntr:1:no-c-format --flag=ntr:2:no-c-format \
  --package-name=pilotdeck --msgid-bugs-address="the pilotdeck issue tracker" \
  --copyright-holder="the pilotdeck authors" \
  --files-from="$out.files" --output="$out.new"
rm -f "$out.files"
# A fixed creation date keeps the file unchanged when the strings are unchanged.
sed -e 's/^"POT-Creation-Date: .*\\n"$/"POT-Creation-Date: 2026-01-01 00:00+0000\\n"/' \
    -e 's/^"Content-Type: text\/plain; charset=CHARSET\\n"$/"Content-Type: text\/plain; charset=UTF-8\\n"/' \
    "$out.new" > "$out"
rm -f "$out.new"
