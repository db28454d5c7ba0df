#!/usr/bin/env bash
# Checks the two set-up commands on a fresh Debian 12: debootstraps a minimal bookworm into DIR
# (default build/fresh-debian), clones this repository's HEAD into it and runs `.ci/run` there as
# root, which installs every package it needs with apt-get and runs all tests. Delete DIR first
# for a machine without any of the packages. Needs root and a Debian mirror (DEBIAN_MIRROR).
#
# With --deb it checks the Debian package instead: builds it here (`cpack -G DEB` from the release
# preset), debootstraps a second, separate bookworm into DIR (default build/fresh-debian-deb) without
# /proc mounted, installs the package there with `apt install ./pilotdeck_*.deb` and uses the
# installed app: `pilotdeck templates`, a new German workshop, `check`, `export`, a German report
# (fonts embedded), and, with xvfb from the mirror, a screenshot of the window.
# Usage: scripts/fresh-debian.sh [DIR]
#        scripts/fresh-debian.sh --deb [DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deb_mode=0
if [ "${1:-}" = "--deb" ]; then deb_mode=1; shift; fi
dir="${1:-$root/build/fresh-debian}"
[ "$deb_mode" -eq 0 ] || dir="${1:-$root/build/fresh-debian-deb}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
[ "$(id -u)" -eq 0 ] || { echo "fresh-debian.sh: needs root (debootstrap, mount, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
[ -x "$dir/bin/bash" ] || debootstrap --variant=minbase bookworm "$dir" "$mirror"
cp /etc/resolv.conf "$dir/etc/resolv.conf"

if [ "$deb_mode" -eq 1 ]; then
    (cd "$root" && cmake --preset release >/dev/null && cmake --build build/release -j"$(nproc)" --target pilotdeck >/dev/null)
    (cd "$root/build/release" && rm -f pilotdeck_*.deb && cpack -G DEB >/dev/null)
    deb="$(ls "$root"/build/release/pilotdeck_*.deb)"
    cp "$deb" "$dir/tmp/"
    echo "fresh-debian.sh: installing $(basename "$deb") in $dir"
    # No /proc in the chroot: the installed app must find its files without /proc/self/exe too.
    chroot "$dir" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb /bin/bash -c '
        set -euo pipefail
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/'"$(basename "$deb")"' >/dev/null
        cd "$(mktemp -d)"
        pilotdeck templates
        pilotdeck new --template use-case-workshop-de w.pilotdeck
        pilotdeck check w.pilotdeck
        pilotdeck export w.pilotdeck --out w.json && grep -q "\"language\": *\"de\"" w.json
        pilotdeck report w.pilotdeck --out r.pdf
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils xvfb xauth >/dev/null
        pdffonts r.pdf | awk "NR>2 && \$(NF-4) != \"yes\" {bad=1} END {exit bad}"
        pdftotext r.pdf - | grep -q "Workshop"
        mount -t proc proc /proc
        trap "umount /proc" EXIT
        xvfb-run -a -s "-screen 0 1280x720x24" pilotdeck screenshot w.pilotdeck --stage ideas --size 1280x720 --out s.png
        test -s s.png
        echo "fresh-debian.sh: the installed package works (templates, new, check, export, report, window)"'
    exit 0
fi
mounted=()
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}"; done
}
trap cleanup EXIT
for d in proc sys dev dev/pts dev/shm; do
    if ! mountpoint -q "$dir/$d"; then
        mount --bind "/$d" "$dir/$d"
        mounted+=("$dir/$d")
    fi
done
rm -rf "$dir/root/pilotdeck"
git clone -q "$root" "$dir/root/pilotdeck"
echo "fresh-debian.sh: running .ci/run of $(git -C "$root" rev-parse --short HEAD) in $dir"
chroot "$dir" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb \
    /bin/bash -c 'cd /root/pilotdeck && .ci/run'
