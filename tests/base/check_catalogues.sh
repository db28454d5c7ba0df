#!/bin/sh
# Every catalogue compiles with `msgfmt --check` and has no untranslated and no fuzzy message.
set -u
po_dir=$1
status=0
for lang in nl de; do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po_dir/$lang.po" 2>&1) || {
    echo "$lang.po: msgfmt --check failed: $stats"; status=1; continue; }
  echo "$lang.po: $stats"
  case $stats in
    *untranslated*|*fuzzy*) echo "$lang.po is not complete"; status=1 ;;
  esac
done
python3 "$(dirname "$0")/check_placeholders.py" "$po_dir/nl.po" "$po_dir/de.po" || status=1
exit $status
