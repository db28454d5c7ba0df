#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/packages.txt (and app/*/PACKAGES) that are
# missing, with apt-get (through sudo when not root). Sourced by run.sh and test.sh.
set -euo pipefail

pilotdeck_install_deps() {
    local here root wanted missing=()
    here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    root="$(dirname "$here")"
    wanted=$(cat "$here/packages.txt" "$root"/app/*/PACKAGES 2>/dev/null | sed 's/#.*//' | tr -s ' \t' '\n' | sed '/^$/d' | sort -u)
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
