#!/bin/bash
# Partial redraw (the window redraws only what changed: a countdown tick redraws the digits)
# must leave exactly the picture a whole redraw gives: on the concerns stage, a running
# countdown's tick is compared with the picture after B and B again (the blank screen changes the
# clear colour, so both of those frames are drawn whole).
# Usage (under with_xvfb.sh): test_partial_redraw.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"

file="$GUI_TEST_WORK/redraw.pilotdeck"
new_workshop "$file"
start_app open "$file"
mouse_x=400
settled_snapshot() {
    mouse_x=$((801 - mouse_x))   # a real move each time; the status line reacts to nothing
    xdotool mousemove --window "$APP_WIN" "$mouse_x" 700
    sleep 0.5
    snapshot "$1"
}

xdotool key Next   # the concerns stage: tiles, bars and notes around the countdown
wait_until "PageDown moves to the concerns stage" stage_is 1

# Right after a tick (drawn partially: only the digits changed), B and B again redraw the whole
# window; within the same second both pictures must be the same. A tick can fall between the
# two, so up to 10 tries; stale pixels of a partial redraw would make every try differ.
settled_snapshot before_ticks
xdotool key t
ticked() { snapshot probe && ! same_image "$1" probe; }
wait_until "the countdown runs" ticked before_ticks
blank() { snapshot probe && [ "$(colours probe)" -le 2 ]; }
back() { snapshot probe && [ "$(colours probe)" -gt 10 ]; }
ok=""
for attempt in $(seq 1 10); do
    snapshot t0
    wait_until "the countdown ticks" ticked t0
    snapshot partial
    xdotool key b
    wait_until "B blanks the screen" blank
    xdotool key b
    wait_until "B again brings the picture back" back
    # The frames right after the blank screen still settle (ImGui shows child windows from
    # their second frame on): a few looks before the next tick.
    for _ in 1 2 3 4 5; do
        snapshot whole
        if same_image partial whole; then ok=$attempt; break; fi
    done
    [ -n "$ok" ] && break
done
[ -n "$ok" ] || fail "after a partially redrawn tick the picture differs from the whole redraw (10 tries; GUI_TEST_KEEP=1 keeps partial.png and whole.png)"
echo "ok: a partially redrawn tick left the picture a whole redraw gives (try $ok)"

quit_app "$file"
echo "PASS: partial redraw"
