#!/usr/bin/env bash
# The house rules that a reader can check without building (issue 9): every part of app/ says
# what it is in its README.md, the architecture and the formats are written down in docs/, the
# README links nothing outside the repository, no source file in app/ is over 600 lines, and the
# build lists its sources and folders (no GLOB, no if(EXISTS) that drops a folder silently).
set -uo pipefail
src="$1"
cd "$src" || exit 1
bad=0
fail() { echo "FAIL: $*" >&2; bad=1; }

for d in app/*/; do
    [ -f "$d/README.md" ] || fail "${d%/} has no README.md"
done
for f in docs/architecture.md docs/formats.md; do
    [ -s "$f" ] || fail "$f is missing"
done
# Links in the README: none outside the repository, and every local one points at a file here.
while IFS= read -r target; do
    case "$target" in
        http://* | https://* | mailto:* | \#*) continue ;;
        ../*) fail "README.md links outside the repository: $target" ;;
        *) [ -e "${target%%#*}" ] || fail "README.md links to a missing file: $target" ;;
    esac
done < <(grep -o '\](\([^)]*\))' README.md | sed 's/^](//; s/)$//')
while IFS= read -r line; do
    n="${line%% *}"; f="${line#* }"
    [ "$n" -le 600 ] || fail "$f has $n lines (at most 600)"
done < <(find app -name '*.cpp' -o -name '*.hpp' | xargs wc -l | grep -v ' total$' | awk '{print $1, $2}')
if grep -rn --include=CMakeLists.txt -E 'file\((GLOB|GLOB_RECURSE)' app tests CMakeLists.txt; then
    fail "a CMake list uses GLOB instead of listing its sources"
fi
if grep -rn --include=CMakeLists.txt -E 'if\(EXISTS' app tests CMakeLists.txt; then
    fail "a CMake list drops a folder silently with if(EXISTS)"
fi
[ "$bad" -eq 0 ] && echo "house rules ok"
exit "$bad"
