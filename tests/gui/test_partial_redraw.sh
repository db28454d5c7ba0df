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
# window; within the same second both pictures must be the same. The countdown ticks on, so the
# tick, its picture, B, the blank frame, B and the whole picture must all fall within one second:
# these captures are raw (xwd, about half the time of ImageMagick's import) and are compared byte
# for byte with cmp at once (ImageMagick's compare took another 0.5 s on a loaded machine). A tick can still fall between the two pictures on a loaded machine, so up
# to 20 tries; stale pixels of a partial redraw would make every try differ.
raw() { xwd -id "$APP_WIN" -silent -out "$GUI_TEST_WORK/$1.xwd" || fail "cannot capture the window"; }
same_raw() { cmp -s "$GUI_TEST_WORK/$1.xwd" "$GUI_TEST_WORK/$2.xwd"; }
# poll_raw NAME TEST...: captures NAME until TEST succeeds (up to 10 s); 1 when it never did.
poll_raw() {
    local name=$1
    shift
    for _ in $(seq 1 100); do
        raw "$name"
        "$@" && return 0
        sleep 0.02
    done
    return 1
}
blank() { snapshot probe && [ "$(colours probe)" -le 2 ]; }
back() { snapshot probe && [ "$(colours probe)" -gt 10 ]; }

# The blank screen, once, as the reference the loop below waits for.
settled_snapshot before_ticks
xdotool key b
wait_until "B blanks the screen" blank
raw blank_screen
xdotool key b
wait_until "B again brings the picture back" back

xdotool key t
ticked() { snapshot probe && ! same_image before_ticks probe; }
wait_until "the countdown runs" ticked
ok=""
for attempt in $(seq 1 20); do
    raw t0
    poll_raw partial eval '! same_raw t0 partial' || fail "the running countdown stopped changing"
    xdotool key b
    poll_raw probe same_raw probe blank_screen || fail "B did not blank the screen"
    xdotool key b
    poll_raw probe eval '! same_raw probe blank_screen' || fail "B again did not bring the picture back"
    # The frames right after the blank screen still settle (ImGui shows child windows from
    # their second frame on): a few looks before the next tick.
    for _ in 1 2 3 4 5; do
        raw whole
        if same_raw partial whole; then ok=$attempt; break; fi
    done
    [ -n "$ok" ] && break
done
if [ -z "$ok" ]; then
    convert "xwd:$GUI_TEST_WORK/partial.xwd" "$GUI_TEST_WORK/partial.png" 2>/dev/null
    convert "xwd:$GUI_TEST_WORK/whole.xwd" "$GUI_TEST_WORK/whole.png" 2>/dev/null
    fail "after a partially redrawn tick the picture differs from the whole redraw (20 tries; GUI_TEST_KEEP=1 keeps partial.png and whole.png)"
fi
echo "ok: a partially redrawn tick left the picture a whole redraw gives (try $ok)"

quit_app "$file"
echo "PASS: partial redraw"
