#!/bin/bash
# Runs a GUI test under its own Xvfb: with_xvfb.sh TEST_SCRIPT PILOTDECK_BINARY [ARGS...]
# Starts `Xvfb -screen 0 1920x1080x24` (GUI_TEST_SCREEN=WxH for another size) on a free display number (-noreset, so the key
# mapping below survives clients coming and going), gives the test private HOME/XDG folders so
# no real settings are touched, and stops Xvfb afterwards.
# Exit 77 (skipped) when Xvfb or xdotool is missing or PILOTDECK_SKIP_GUI_TESTS is set.
set -u
test_script=$1
shift

if [ -n "${PILOTDECK_SKIP_GUI_TESTS:-}" ]; then
    echo "SKIP: PILOTDECK_SKIP_GUI_TESTS is set"
    exit 77
fi
for tool in Xvfb xdotool xmodmap identify import; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool is not installed (apt-get install xvfb xdotool x11-xserver-utils imagemagick)"
        exit 77
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/pilotdeck-gui-test.XXXXXX")
# -displayfd: Xvfb takes the first display number it can really listen on and writes it to fd 3
# once it accepts connections. (Checking /tmp/.X11-unix ourselves races with parallel tests and
# misses servers in other file-system views that share the abstract socket namespace.)
Xvfb -displayfd 3 -screen 0 "${GUI_TEST_SCREEN:-1920x1080}x24" -nolisten tcp -noreset 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
cleanup() {
    kill "$xvfb_pid" 2>/dev/null
    wait "$xvfb_pid" 2>/dev/null
    [ -n "${GUI_TEST_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

display=""
for _ in $(seq 1 200); do
    display=$(tr -dc 0-9 <"$work/display")
    [ -n "$display" ] && break
    if ! kill -0 "$xvfb_pid" 2>/dev/null; then
        echo "FAIL: Xvfb did not start"; cat "$work/xvfb.log"; exit 1
    fi
    sleep 0.1
done
[ -n "$display" ] || { echo "FAIL: Xvfb did not report its display within 20 s"; cat "$work/xvfb.log"; exit 1; }

export DISPLAY=":$display"
# xdotool reads the text to type in the locale's encoding: in the C locale (a bare CI or chroot
# environment) it stops at the first non-ASCII letter. C.UTF-8 is always there on Debian.
export LC_ALL=C.UTF-8
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"
export GUI_TEST_WORK="$work"
# Keys for the non-ASCII letters the tests type, mapped before the app starts (xdotool's own
# on-the-fly remapping races with the application reading the keymap). Retried until the
# server has its keyboard set up and the mapping holds.
keymap_ok() { xmodmap -pke 2>/dev/null | grep -q "^keycode 254 = adiaeresis"; }
for _ in $(seq 1 50); do
    xmodmap -e "keycode 247 = udiaeresis Udiaeresis" -e "keycode 248 = eacute Eacute" \
            -e "keycode 249 = ssharp" -e "keycode 250 = emdash" -e "keycode 251 = EuroSign" \
            -e "keycode 252 = odiaeresis Odiaeresis" -e "keycode 253 = endash" \
            -e "keycode 254 = adiaeresis Adiaeresis" 2>/dev/null
    keymap_ok && break
    sleep 0.1
done
keymap_ok || { echo "FAIL: could not map the test keys with xmodmap"; exit 1; }

bash "$test_script" "$@"
