# Helpers for the GUI tests (sourced). Needs $PILOTDECK (the binary) and $GUI_TEST_WORK.
set -u

fail() {
    echo "FAIL: $*"
    exit 1
}

# start_app ARGS...: starts pilotdeck with ARGS in the background; sets APP_PID and APP_WIN.
start_app() {
    "$PILOTDECK" "$@" 2>"$GUI_TEST_WORK/app.err" &
    APP_PID=$!
    APP_WIN=$(timeout 20 xdotool search --sync --onlyvisible --name '^pilotdeck' | head -1)
    [ -n "$APP_WIN" ] || fail "the pilotdeck window did not appear: $(cat "$GUI_TEST_WORK/app.err")"
    # The first frames are drawn once the window is mapped; wait until it shows content.
    wait_until "the window shows content" window_has_content
}

window_has_content() {
    import -window "$APP_WIN" "$GUI_TEST_WORK/probe.png" 2>/dev/null &&
        [ "$(identify -format %k "$GUI_TEST_WORK/probe.png")" -gt 10 ]
}

# wait_until DESCRIPTION COMMAND...: retries COMMAND for up to 15 s (no fixed sleeps as proof).
wait_until() {
    local what=$1
    shift
    for _ in $(seq 1 150); do
        "$@" && return 0
        sleep 0.1
    done
    fail "timed out waiting until $what"
}

# wait_exit PID: waits up to 10 s for the process to end; sets APP_STATUS.
wait_exit() {
    local pid=$1
    for _ in $(seq 1 100); do
        if ! kill -0 "$pid" 2>/dev/null; then
            wait "$pid"
            APP_STATUS=$?
            return 0
        fi
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null
    fail "pilotdeck did not exit"
}

# snapshot NAME: the window's pixels as $GUI_TEST_WORK/NAME.png
snapshot() {
    import -window "$APP_WIN" "$GUI_TEST_WORK/$1.png" || fail "cannot capture the window"
}

colours() { identify -format %k "$GUI_TEST_WORK/$1.png"; }

same_image() { [ "$(compare -metric AE "$GUI_TEST_WORK/$1.png" "$GUI_TEST_WORK/$2.png" null: 2>&1)" = "0" ]; }

current_stage() { sqlite3 "$1" "select value from meta where key='current_stage'"; }
# stage_is KIND: the current stage of the test's workshop file ($file, set by the script) is KIND.
stage_is() { [ "$(current_stage "$file")" = "$1" ]; }

# new_workshop FILE: a fresh workshop from the shipped template.
new_workshop() {
    "$PILOTDECK" new "$1" --template use-case-workshop --title "GUI test" >/dev/null || fail "pilotdeck new failed"
}

# changed_from NAME: the window's pixels differ from snapshot NAME now.
changed_from() { snapshot probe_key && ! same_image "$1" probe_key; }

# press KEYS...: presses the keys and waits until the window shows their effect (a field that
# takes the focus drops letters typed in the same frame, so typing after a focus change waits
# for this). The platform layer hands ImGui one change per key and frame, in order, so
# "ctrl+a BackSpace" selects all, then deletes.
press() {
    snapshot before_key
    xdotool key "$@"
    wait_until "the window reacts to $*" changed_from before_key
}

# exported FILE: `pilotdeck export FILE` (the workshop document on stdout).
exported() { "$PILOTDECK" export "$1" || fail "export of $1 failed"; }

# free_port: a TCP port on 127.0.0.1 that is free now (for PILOTDECK_PHONE_PORT).
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
# The tests' python phones (phone_http.py beside this file) leave no __pycache__ in the sources.
export PYTHONDONTWRITEBYTECODE=1

# find_windows: with two screens, sets PRESENTER_WIN (the presenter's window) and ROOM_WIN (the
# room's); fails until both are visible (wait_until "both windows appear" find_windows).
find_windows() {
    PRESENTER_WIN=$(xdotool search --onlyvisible --name 'presenter' 2>/dev/null | head -1)
    ROOM_WIN=""
    local w
    for w in $(xdotool search --onlyvisible --name '^pilotdeck' 2>/dev/null); do
        [ "$w" != "$PRESENTER_WIN" ] && ROOM_WIN=$w
    done
    [ -n "$PRESENTER_WIN" ] && [ -n "$ROOM_WIN" ]
}

# require TOOL...: skips the test (exit 77) when a tool is missing.
require() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
    done
}

# menu_bar: Alt moves keyboard navigation to the menu bar ("File" highlighted; Right moves on,
# Space opens). Alt is held a moment so the window sees it go down and up.
menu_bar() {
    snapshot before_alt
    xdotool keydown alt
    sleep 0.3
    xdotool keyup alt
    wait_until "Alt highlights the menu bar" changed_from before_alt
}

# quit_app [FILE...]: Ctrl+Q must end pilotdeck with status 0, and each FILE pass `pilotdeck check`.
quit_app() {
    xdotool key --clearmodifiers ctrl+q
    wait_exit "$APP_PID"
    [ "$APP_STATUS" -eq 0 ] || fail "Ctrl+Q should exit with 0, got $APP_STATUS"
    local f
    for f in "$@"; do
        "$PILOTDECK" check "$f" >/dev/null || fail "$f is not sound"
    done
}
