#!/bin/bash
# The stage countdown on the real window, by keyboard only: Go > One more minute (Alt, Right to
# "Go", Space, Down to the item, Space) changes the digits; T starts it (the window redraws by
# itself each second) and T pauses it (no more change); Go > Reset the countdown brings back
# exactly the picture of the full, paused countdown from after the extra minute.
# Usage (under with_xvfb.sh): test_countdown_keys.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"

file="$GUI_TEST_WORK/countdown.pilotdeck"
new_workshop "$file"
start_app open "$file"
# mouse_snapshot NAME: moves the mouse onto the status line (hovering there changes nothing; a
# mouse move also ends keyboard navigation's highlight and its tooltip), lets the window redraw
# and takes the snapshot.
mouse_x=400
mouse_snapshot() {
    mouse_x=$((801 - mouse_x))   # 400 and 401 in turn: always a real move
    xdotool mousemove --window "$APP_WIN" "$mouse_x" 700
    sleep 0.5
    wait_until "the window shows content" window_has_content
    snapshot "$1"
}
mouse_snapshot full

# go_menu ITEM: the Go menu's item number ITEM (0: Next stage, 1: Previous stage, 2: Start or
# pause, 3: Reset, 4: One more minute) by keyboard.
go_menu() {
    menu_bar
    press Right   # Edit
    press Right   # View
    press Right   # Go
    press space   # open it: its first item is highlighted
    for _ in $(seq 1 "$1"); do press Down; done
    press space
}

go_menu 4
mouse_snapshot extended
same_image full extended && fail "one more minute did not change the countdown"

xdotool key t
ticks() { snapshot probe_tick && ! same_image extended probe_tick; }
wait_until "T starts the countdown: it redraws by itself" ticks
snapshot running
ticks_again() { snapshot probe_tick2 && ! same_image running probe_tick2; }
wait_until "the running countdown keeps changing" ticks_again
echo "ok: T starts the countdown"

xdotool key t
# Paused: the picture stays, even when the window is made to redraw two seconds later.
mouse_snapshot paused
sleep 2
mouse_snapshot paused_later
same_image paused paused_later || fail "the countdown kept running after T paused it"
same_image paused extended && fail "the countdown never ran"
echo "ok: T pauses it"

go_menu 3
back_to_full() { mouse_snapshot probe_reset && same_image extended probe_reset; }
wait_until "Reset brings back the full (extended) time, paused" back_to_full
echo "ok: one more minute and reset"

quit_app "$file"
echo "PASS: countdown keys"
