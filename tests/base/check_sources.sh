#!/bin/sh
# Re-extracts the strings of the sources and fails when one is missing from po/pilotdeck.pot or
# has no translation in po/nl.po or po/de.po (a tr() added without its translations).
set -u
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$root/po/extract.sh" "$tmp/fresh.pot" || { echo "extraction failed"; exit 1; }
status=0
msgcmp --use-untranslated "$root/po/pilotdeck.pot" "$tmp/fresh.pot" ||
  { echo "po/pilotdeck.pot is out of date: build the pilotdeck_pot target"; status=1; }
for lang in nl de; do
  msgcmp "$root/po/$lang.po" "$tmp/fresh.pot" ||
    { echo "po/$lang.po lacks translations of strings in the sources"; status=1; }
done
exit $status
