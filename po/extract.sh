#!/bin/sh
# Extracts every translatable string of app/ into a .pot file (default: po/pilotdeck.pot).
# Usage: po/extract.sh [OUTPUT.pot]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${1:-$here/pilotdeck.pot}
cd "$root"
find app -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort > "$out.files"
xgettext --from-code=UTF-8 --language=C++ --add-location=file --sort-by-file \
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
