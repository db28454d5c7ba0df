#!/usr/bin/env bash
# Checks the two set-up commands on a fresh Debian 12: debootstraps a minimal bookworm into DIR
# (default build/fresh-debian), clones this repository's HEAD into it and runs `.ci/run` there as
# root, which installs every package it needs with apt-get and runs all tests. Delete DIR first
# for a machine without any of the packages. Needs root and a Debian mirror (DEBIAN_MIRROR).
# Usage: scripts/fresh-debian.sh [DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/build/fresh-debian}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
[ "$(id -u)" -eq 0 ] || { echo "fresh-debian.sh: needs root (debootstrap, mount, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
[ -x "$dir/bin/bash" ] || debootstrap --variant=minbase bookworm "$dir" "$mirror"
cp /etc/resolv.conf "$dir/etc/resolv.conf"
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
