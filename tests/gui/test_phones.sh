#!/bin/bash
# The GUI's "Phones" switch end to end: on the scoring stage F4 starts the phone server (the
# app prints `phones: url: ... code: ...`), a phone joins with the code and scores idea i12
# (200 {"saved": true}), F4 again stops the server (connection refused), F4 on a port in use
# reports it without ending the app, F4 once more starts it, Ctrl+Q stops it and quits; the
# phone's score is in the file.
# The QR code on screen is decoded with zbarimg and must read the address with the join code.
# Usage (under with_xvfb.sh): test_phones.sh PILOTDECK DEMO_JSON
PILOTDECK=$1
demo=$2
source "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 is not installed"; exit 77; }

file="$GUI_TEST_WORK/phones.pilotdeck"
"$PILOTDECK" import "$file" --from "$demo" >/dev/null || fail "cannot import the demo workshop"
port=$(free_port)
out="$GUI_TEST_WORK/app.out"
export PILOTDECK_PHONE_BIND=127.0.0.1 PILOTDECK_PHONE_PORT=$port
start_app open "$file" >"$out"

for n in 1 2 3 4; do
    xdotool key Next
    wait_until "PageDown moves to stage $n" stage_is "$n"
done
echo "ok: on the scoring stage"

# phone_scorer.py score|refused: talks to the server like a phone (contracts.md section 5).
phone_py="$(dirname "$0")/phone_scorer.py"

# score_in_file: `pilotdeck export` holds the phone's score for i12, given by "Phone tester".
score_in_file() {
    "$PILOTDECK" export "$file" --out "$GUI_TEST_WORK/export.json" || return 1
    python3 - "$GUI_TEST_WORK/export.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
names = {p["id"]: p["name"] for p in d["participants"]}
hits = [s for s in d["scores"] if s["idea"] == "i12" and s["criterion"] == "time_saved" and s["value"] == 4
        and names.get(s["rater"]) == "Phone tester"]
sys.exit(0 if len(hits) == 1 else 1)
PY
}

phones_line() { grep -c '^phones: url: http://127.0.0.1:'"$port"'/ code: [0-9]\{6\}$' "$out"; }
has_lines() { [ "$(phones_line)" -ge "$1" ]; }
code_of() { grep '^phones: url: ' "$out" | sed -n "$1"'s/.* code: //p'; }

wait_until "the window settles" window_has_content
snapshot phones_off
xdotool key F4
wait_until "F4 starts the phone server (a line on stdout)" has_lines 1
# The phones box (address, code, QR code) and the blind-round banner change the picture.
shows_phones() { snapshot phones_on && ! same_image phones_off phones_on; }
wait_until "the window shows the phones box" shows_phones
code=$(code_of 1)
# The QR code on screen scans (zbarimg, as a phone's camera would) to the address with the code.
command -v zbarimg >/dev/null || fail "zbarimg is not installed (Debian package zbar-tools, see scripts/packages.txt)"
scanned() { zbarimg --quiet --raw "$GUI_TEST_WORK/phones_on.png" 2>/dev/null; }
qr=$(scanned) || fail "no QR code could be read from the window"
[ "$qr" = "http://127.0.0.1:$port/#$code" ] || fail "the QR code reads '$qr', expected http://127.0.0.1:$port/#$code"
echo "ok: the QR code on screen reads $qr"
result=$(python3 "$phone_py" "$port" score "$code" 2>&1) || fail "phone: $result"
[ "$result" = saved ] || fail "phone: $result"
score_in_file || fail "the phone's score is not in the file after 200 {\"saved\": true}"
echo "ok: a phone joined with the code and scored i12"

# F4 again: the server stops and the port is closed.
xdotool key F4
refused() { python3 "$phone_py" "$port" refused 2>/dev/null; }
wait_until "F4 again stops the phone server" refused
echo "ok: F4 stops the phones"

# The port taken by another program: F4 reports it (banner, and one line on stderr) and the
# app keeps running; once the port is free, F4 starts the phones again.
python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen()
print("ready", flush=True); time.sleep(60)' "$port" >"$GUI_TEST_WORK/holder.out" &
holder=$!
holder_ready() { grep -q ready "$GUI_TEST_WORK/holder.out"; }
wait_until "another program holds port $port" holder_ready
xdotool key F4
busy_reported() { grep -q "^pilotdeck: phones: cannot listen on 127.0.0.1:$port: " "$GUI_TEST_WORK/app.err"; }
wait_until "F4 on a port in use reports it" busy_reported
kill -0 "$APP_PID" 2>/dev/null || fail "pilotdeck ended when the port was in use"
[ "$(phones_line)" = 1 ] || fail "a phones line was printed although the port was in use"
kill "$holder"
wait "$holder" 2>/dev/null
echo "ok: a port in use is reported, not fatal"

# F4 once more starts it again with a new code; Ctrl+Q stops it and quits cleanly.
xdotool key F4
wait_until "F4 starts the phone server again" has_lines 2
xdotool key ctrl+q
wait_exit "$APP_PID"
[ "$APP_STATUS" -eq 0 ] || fail "Ctrl+Q with phones on should exit with 0, got $APP_STATUS"
refused || fail "the phone server still answers after quitting"

score_in_file || fail "the phone's score is not in the file after quitting"
"$PILOTDECK" check "$file" >/dev/null || fail "the file is not sound after the session"
echo "ok: the score is in the file"

echo "PASS: phones"
