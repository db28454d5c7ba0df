#!/usr/bin/env bash
# Set-up command 1: installs what is missing, builds pilotdeck (release) and starts it.
# Arguments are passed to pilotdeck, e.g. `scripts/run.sh open my-workshop.pilotdeck`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/deps.sh"
pilotdeck_install_deps
(cd "$root" && cmake --preset app >/dev/null && cmake --build --preset app --target pilotdeck -j"$(nproc)")
if [ $# -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "pilotdeck: no display found, so the presenter window cannot open here."
    echo "pilotdeck: the command line works without one; for example, the demo workshop's shortlist:"
    demo="$(mktemp -d)/demo.pilotdeck"
    "$root/build/release/app/cli/pilotdeck" import "$demo" --from "$root/assets/demo-workshop.json"
    exec "$root/build/release/app/cli/pilotdeck" shortlist "$demo"
fi
exec "$root/build/release/app/cli/pilotdeck" "$@"
