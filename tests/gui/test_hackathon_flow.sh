#!/bin/bash
# A hackathon from start to awards on the real window (issue 10), with simulated phones over real
# HTTP against the GUI's phone server (hackathon_phones.py): a hackathon workshop (the shipped
# template with one-minute pitches and Q&A, pairwise judging, the overall and audience awards);
# PageDown to the teams stage; F4 turns the phones on (the join code and the jury code read from
# the app's stdout); eight phones register four teams (create, join by team code) and two guests
# join; PageDown through the build sprint to the pitches, where the first pitch countdown runs
# past zero, the Q&A countdown ticks, and every team pitches; judging: three jury phones compare
# until nothing is left (one skip, one undo); the room votes (not for its own team); F12 closes
# the audience vote (a later vote gets 409); the awards are revealed one by one with PageDown in
# the order the results give; SIGKILL; then `pilotdeck export` and `pilotdeck results` must hold
# every acknowledged comparison once, the votes, and the awards the screen revealed.
# The jury code shows in the phones box only while the facilitator notes do (N hides it).
# Screenshots of every stage in $SCREENSHOT_DIR (else the test's folder).
# Usage (under with_xvfb.sh): test_hackathon_flow.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"
require jq sqlite3 python3
phones_py="$(dirname "$0")/hackathon_phones.py"

file="$GUI_TEST_WORK/flow.pilotdeck"
"$PILOTDECK" new "$GUI_TEST_WORK/template.pilotdeck" --template hackathon --title "Hackathon flow" >/dev/null ||
    fail "pilotdeck new --template hackathon failed"
exported "$GUI_TEST_WORK/template.pilotdeck" |
    jq '.pitching = {"pitch_minutes": 1, "qa_minutes": 1} | .judging.method = "pairwise"
        | .awards = [.awards[] | select(.rule == "overall" or .rule == "audience")]' >"$GUI_TEST_WORK/flow.json"
"$PILOTDECK" import "$file" --from "$GUI_TEST_WORK/flow.json" >/dev/null || fail "import failed"
stage_index() { sqlite3 "$file" "select count(*) from stage where position < (select position from stage where kind = '$1')"; }
teams_stage=$(stage_index teams)
pitches_stage=$(stage_index pitches)
judging_stage=$(stage_index judging)
awards_stage=$(stage_index awards)

port=$(free_port)
trace="$GUI_TEST_WORK/trace"
shots="${SCREENSHOT_DIR:-$GUI_TEST_WORK/shots}"
state="$GUI_TEST_WORK/phones.json"
out="$GUI_TEST_WORK/app.out"
mkdir -p "$trace" "$shots"
export PILOTDECK_PHONE_BIND=127.0.0.1 PILOTDECK_PHONE_PORT=$port PILOTDECK_TRACE_TEXT=$trace
start_app open "$file" >"$out"

shows() { [ -f "$trace/room.txt" ] && grep -qF -- "$1" "$trace/room.txt"; }
lacks() { [ -f "$trace/room.txt" ] && ! grep -qF -- "$1" "$trace/room.txt"; }
shot() { sleep 0.3; import -window "$APP_WIN" "$shots/hackathon-flow-$1.png" || fail "cannot capture the window"; }
# next_key WHAT CHECK...: PageDown (as a clicker sends it), then waits until CHECK holds.
next_key() {
    local what=$1
    shift
    xdotool key Next
    wait_until "$what" "$@"
}

# To the teams stage, phones on.
for ((i = 1; i <= teams_stage; i++)); do next_key "PageDown moves to stage $i" stage_is "$i"; done
xdotool key F4
phones_up() { grep -q '^phones: jury: [0-9]\{6\}$' "$out"; }
wait_until "F4 starts the phones (the url and jury lines on stdout)" phones_up
code=$(sed -n 's/^phones: url: .* code: \([0-9]\{6\}\)$/\1/p' "$out" | head -1)
jury=$(sed -n 's/^phones: jury: //p' "$out" | head -1)
[ -n "$code" ] && [ "$code" != "$jury" ] || fail "no join code, or the same as the jury code ($code, $jury)"
spaced_jury="${jury:0:3} ${jury:3}"

# The jury code: in the phones box while the notes show, gone with N (as on the room's screen).
wait_until "the phones box shows the jury code beside the notes" shows "$spaced_jury"
xdotool key n
wait_until "N hides the notes and the jury code" lacks "$spaced_jury"
shows "${code:0:3} ${code:3}" || fail "the room's join code is no longer shown"
xdotool key n
wait_until "N shows the notes and the jury code again" shows "$spaced_jury"
echo "ok: the jury code only while the facilitator notes show"

result=$(python3 "$phones_py" teams "$port" "$code" "$state" 2>&1) || fail "phones: $result"
echo "ok: $result"
wait_until "the teams stage lists the four teams" bash -c "grep -qF '4 teams' '$trace/room.txt' && grep -qF 'Ticket Triage' '$trace/room.txt'"
[ "$(sqlite3 "$file" "select count(*) from team")" = 4 ] || fail "expected 4 teams in the file"
[ "$(sqlite3 "$file" "select count(*) from team_member")" = 8 ] || fail "expected 8 team members in the file"
shot teams

next_key "PageDown: the build sprint" stage_is $((teams_stage + 1))
shot work
next_key "PageDown: the pitches" stage_is "$pitches_stage"
wait_until "the pitches wait for the first team" shows "Ready for the first pitch"
shot pitches-waiting

# The first pitch: its countdown starts at one minute and runs past zero (+00:0x, over time).
next_key "PageDown: the first pitch" shows "Invoice Matchers"
wait_until "the pitch countdown runs" shows "00:5"
shot pitch
over=no
for _ in $(seq 1 900); do
    if shows "+00:0"; then over=yes; break; fi
    sleep 0.1
done
[ $over = yes ] || fail "the pitch countdown did not run past zero within 90 s"
shot pitch-over
echo "ok: the pitch countdown ran one minute and past zero"
next_key "PageDown: the Q&A" shows "Questions"
wait_until "the Q&A countdown starts again at one minute" shows "01:00"
wait_until "the Q&A countdown runs" shows "00:5"
lacks "+00:" || fail "the Q&A countdown did not start afresh"
shot qa
for team in "Quote Wizards" "Welcome Bot" "Ticket Triage"; do
    next_key "PageDown: $team pitches" bash -c "grep -qF 'On stage' '$trace/room.txt' && sed -n '/On stage/,+3p' '$trace/room.txt' | grep -qF '$team'"
    wait_until "the pitch countdown of $team runs" shows "00:5"
    next_key "PageDown: the Q&A of $team" shows "Questions"
done
next_key "PageDown: every team has pitched" shows "Every team has pitched"
stage_is "$pitches_stage" || fail "the pitches stage let go before the last team was done"
next_key "PageDown: the judging stage" stage_is "$judging_stage"
echo "ok: four pitches with their Q&A, then judging"

result=$(python3 "$phones_py" judge "$port" "$jury" "$state" 2>&1) || fail "jury phones: $result"
echo "ok: $result"
comparisons=$(jq '.acknowledged | length' "$state")
# Each judge's line "n compared, ..." on the projector; together every comparison saved.
wait_until "the judging stage shows three judges with $comparisons comparisons" \
    bash -c "[ \"\$(grep -oE '[0-9]+ compared' '$trace/room.txt' | awk '{n += \$1; j++} END {print j \"/\" n}')\" = 3/$comparisons ]"
grep -qF 'compared, none left' "$trace/room.txt" || fail "no judge is shown as done"
shot judging
result=$(python3 "$phones_py" vote "$port" "$state" 2>&1) || fail "audience phones: $result"
echo "ok: $result"

# F12 (View > Close the audience vote): phones can no longer vote.
xdotool key F12
wait_until "F12 closes the audience vote (status line)" shows "Audience vote closed"
result=$(python3 "$phones_py" refused "$port" "$state" 2>&1) || fail "a vote after closing: $result"
echo "ok: the audience vote is closed"

for ((i = judging_stage + 1; i <= awards_stage; i++)); do next_key "PageDown moves to stage $i" stage_is "$i"; done
wait_until "the awards wait for the first PageDown" shows "PageDown reveals the next award"
shot awards-waiting
# The order the results give: the audience's award, then 3rd and 2nd place, the winner last.
live=$("$PILOTDECK" results "$file") || fail "pilotdeck results on the open file failed"
name_of() { printf '%s' "$live" | jq -r ".ranking[] | select(.rank == $1) | .name"; }
audience=$(printf '%s' "$live" | jq -r '.awards[] | select(.award == "audience") | .name')
[ "$audience" = "Quote Wizards" ] || fail "the audience award goes to '$audience'"
first=$(name_of 1); second=$(name_of 2); third=$(name_of 3)
[ -n "$first" ] && [ -n "$second" ] && [ -n "$third" ] || fail "no clear podium: $live"
# Each reveal: the latest step comes first on the screen (large), the earlier ones below it.
latest() { grep -m1 -oE '^(PageDown reveals the next award\.|Audience favourite|(2nd|3rd) place|Winner: Best project)' "$trace/room.txt"; }
reveal() {  # TITLE TEAM SHOT
    next_key "PageDown reveals $1" bash -c "grep -qF '$1' '$trace/room.txt'"
    wait_until "$1 goes to $2" bash -c "grep -qxF -- '$1$2' '$trace/room.txt'"
    [ "$(latest)" = "$1" ] || fail "the reveal shows '$(latest)' first, expected '$1'"
    stage_is "$awards_stage" || fail "the awards stage let go during the reveal"
    shot "$3"
}
reveal "Audience favourite" "$audience" award-audience
reveal "3rd place" "$third" award-3rd
reveal "2nd place" "$second" award-2nd
reveal "Winner: Best project" "$first" award-winner
wait_until "every award is revealed" shows "Every award is revealed"
echo "ok: the awards revealed one per PageDown: $audience (audience), $third, $second, $first"

# SIGKILL: what the phones were told is saved must be in the file.
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null
"$PILOTDECK" check "$file" >/dev/null || fail "the file is not sound after SIGKILL"
"$PILOTDECK" export "$file" --out "$GUI_TEST_WORK/export.json" || fail "export after SIGKILL failed"
"$PILOTDECK" results "$file" --out "$GUI_TEST_WORK/results.json" || fail "results after SIGKILL failed"
summary=$(python3 "$phones_py" check "$state" "$GUI_TEST_WORK/export.json" "$GUI_TEST_WORK/results.json" 2>&1) ||
    fail "after SIGKILL: $summary"
[ "$(printf '%s' "$summary" | jq -r '.ranking | join(",")')" = "$first,$second,$third,$(printf '%s' "$summary" | jq -r '.ranking[3]')" ] ||
    fail "the ranking after SIGKILL ($summary) is not the one revealed ($first, $second, $third)"
echo "ok: after SIGKILL the file holds every acknowledged comparison and the votes; the awards match ($summary)"
echo "PASS: hackathon flow"
