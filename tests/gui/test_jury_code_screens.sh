#!/bin/bash
# The jury's join code with two screens (issue 10): a hackathon with the phones on (F4) on every
# stage. The presenter's window (the laptop) shows "Jury code: NNN NNN"; the room's window (the
# projector) shows the room's join code but never the jury code, with the notes on or off (N in
# either window). Both windows' drawn text is traced (PILOTDECK_TRACE_TEXT).
# Usage (under with_xvfb.sh, GUI_TEST_SCREEN=2944x1080): test_jury_code_screens.sh PILOTDECK HACKATHON.json
PILOTDECK=$1
DOC=$2
source "$(dirname "$0")/lib.sh"
require sqlite3 python3

file="$GUI_TEST_WORK/jury.pilotdeck"
"$PILOTDECK" import "$file" --from "$DOC" >/dev/null 2>&1 || fail "import failed"
stages=$(sqlite3 "$file" "select count(*) from stage")
trace="$GUI_TEST_WORK/trace"
mkdir -p "$trace"
port=$(free_port)
export PILOTDECK_TRACE_TEXT="$trace" PILOTDECK_PHONE_BIND=127.0.0.1 PILOTDECK_PHONE_PORT=$port
out="$GUI_TEST_WORK/app.out"
"$PILOTDECK" --screens 1024x768+0+0,1920x1080+1024+0 open "$file" >"$out" 2>"$GUI_TEST_WORK/app.err" &
APP_PID=$!
wait_until "both windows appear" find_windows
has() { [ -f "$trace/$1.txt" ] && grep -qF -- "$2" "$trace/$1.txt"; }

xdotool windowfocus --sync "$PRESENTER_WIN"
xdotool key F4
wait_until "F4 starts the phones" grep -q '^phones: jury: [0-9]\{6\}$' "$out"
code=$(sed -n 's/^phones: url: .* code: \([0-9]\{6\}\)$/\1/p' "$out" | head -1)
jury=$(sed -n 's/^phones: jury: //p' "$out" | head -1)
spaced_jury="${jury:0:3} ${jury:3}"
wait_until "the room's window shows the join code" has room "${code:0:3} ${code:3}"
wait_until "the presenter's window shows the jury code" has presenter "Jury code: $spaced_jury"
room_clean() {
    ! grep -qF -- "$spaced_jury" "$trace/room.txt" && ! grep -qF -- "$jury" "$trace/room.txt" &&
        ! grep -qF -- "Jury code" "$trace/room.txt"
}
for ((i = 0; i < stages; i++)); do
    wait_until "stage $((i + 1)) in both windows" stage_is "$i"
    sleep 0.3  # the frames of the new stage
    wait_until "the presenter keeps the jury code on stage $((i + 1))" has presenter "Jury code: $spaced_jury"
    room_clean || fail "the room's window drew the jury code on stage $((i + 1))"
    # N in the room's window, then in the presenter's: the room still never shows it.
    xdotool windowfocus --sync "$ROOM_WIN"
    xdotool key n
    sleep 0.3
    room_clean || fail "N in the room's window put the jury code on the projector (stage $((i + 1)))"
    xdotool windowfocus --sync "$PRESENTER_WIN"
    xdotool key n
    sleep 0.3
    room_clean || fail "N in the presenter's window put the jury code on the projector (stage $((i + 1)))"
    # PageDown until the next stage (the pitches and the awards take some presses themselves).
    if ((i + 1 < stages)); then
        for _ in $(seq 1 30); do
            xdotool key Next
            sleep 0.2
            stage_is $((i + 1)) && break
        done
    fi
done
echo "ok: the jury code on the laptop, never on the projector ($stages stages)"
APP_WIN=$PRESENTER_WIN
quit_app "$file"
echo "PASS: jury code on two screens"
