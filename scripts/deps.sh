#!/usr/bin/env bash
# Installs the Debian packages that are missing, with apt-get (through sudo when not root).
# Sourced by run.sh and test.sh:
#   pilotdeck_install_deps        building and running: scripts/packages.txt and app/*/PACKAGES
#   pilotdeck_install_deps test   the same and what only the tests need (scripts/packages-test.txt)
set -euo pipefail

pilotdeck_install_deps() {
    local here root wanted missing=() lists
    here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    root="$(dirname "$here")"
    lists=("$here/packages.txt" "$root"/app/*/PACKAGES)
    [ "${1:-}" = "test" ] && lists+=("$here/packages-test.txt")
    wanted=$(cat "${lists[@]}" 2>/dev/null | sed 's/#.*//' | tr -s ' \t' '\n' | sed '/^$/d' | sort -u)
    for p in $wanted; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "pilotdeck: installing missing packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
