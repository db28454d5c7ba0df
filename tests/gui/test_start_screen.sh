#!/bin/bash
# The start screen driven by keyboard only: a file that cannot be opened brings it up with the
# reason and stays byte-identical; a workshop is created from a chosen template (title with
# non-ASCII letters, organisation, date, facilitator, path) and checked with `pilotdeck export`;
# File > New or open (Alt, Space, Space) comes back to it, Esc leaves it; an existing workshop
# is opened through the file field (window title, and an idea typed into it lands in its file);
# Ctrl+O brings the start screen up from the focused idea field; a truncated file and a PNG
# opened there show why and stay byte-identical; Up/Down in the file field pick a recent
# workshop.
# Usage (under with_xvfb.sh): test_start_screen.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"
require python3 convert

work=$GUI_TEST_WORK
existing="$work/bestehend.pilotdeck"
existing_title="Bestehender Workshop – Köln"
"$PILOTDECK" new "$existing" --template use-case-workshop --title "$existing_title" >/dev/null || fail "pilotdeck new failed"
picture="$work/picture.png"
convert -size 64x48 xc:orange "$picture" || fail "cannot make a PNG"
truncated="$work/abgeschnitten.pilotdeck"
head -c 3000 "$existing" >"$truncated"
cp "$picture" "$work/picture.orig"
cp "$truncated" "$work/truncated.orig"
[ ! -e "$XDG_CONFIG_HOME/pilotdeck/settings.json" ] || fail "the test expects no recent workshops"

# --- helpers -------------------------------------------------------------------------------
window_name() { xdotool getwindowname "$APP_WIN"; }
name_is() { [ "$(window_name)" = "$1" ]; }
type_text() { xdotool type --delay 30 "$1"; }
# The start screen's message is drawn in the danger colour (projector theme) after a square.
shows_message() {
    snapshot probe_msg && convert "$work/probe_msg.png" -format %c histogram:info:- | grep -qi '#9E0000'
}
# File > New or open workshop, by keyboard: Alt moves to the menu bar, Space opens File, Space
# picks its first item.
start_screen_by_keyboard() {
    menu_bar
    press space
    press space
}
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# --- a PNG given on the command line: the start screen says why, the file is untouched --------
start_app open "$picture"
grep -q "^pilotdeck: .*picture.png: " "$work/app.err" || fail "no error line for the PNG: $(cat "$work/app.err")"
wait_until "the start screen shows the reason" shows_message
cmp -s "$picture" "$work/picture.orig" || fail "the PNG was changed"
echo "ok: a PNG is refused with a reason and left byte-identical"

# --- create a workshop by keyboard --------------------------------------------------------
# The title field has the focus. Shift+Tab reaches the template field, where Down steps
# through the templates in the order `pilotdeck templates` lists them: twice is the third.
template_id=$("$PILOTDECK" templates | sed -n 3p | cut -f1)
[ -n "$template_id" ] || fail "fewer than three templates"
title="Workshop Köln – Prüfung für Bäcker €"
organisation="Müller & Söhne GmbH"
facilitator="Jürgen Weiß"
new_file="$work/neu.pilotdeck"
type_text "$title"
press shift+Tab
press Down
press Down
press Tab
press Tab
type_text "$organisation"
press Tab
press ctrl+a BackSpace
type_text "2026-12-03"
press Tab
type_text "$facilitator"
press Tab
press ctrl+a BackSpace
type_text "$new_file"
xdotool key Return
wait_until "the new workshop is open (window title)" name_is "pilotdeck — $title"
doc=$(exported "$new_file")
[ "$(printf '%s' "$doc" | json_field title)" = "$title" ] || fail "title in the file: $(printf '%s' "$doc" | json_field title)"
[ "$(printf '%s' "$doc" | json_field organisation)" = "$organisation" ] || fail "organisation in the file"
[ "$(printf '%s' "$doc" | json_field date)" = "2026-12-03" ] || fail "date in the file"
[ "$(printf '%s' "$doc" | json_field facilitator)" = "$facilitator" ] || fail "facilitator in the file"
[ "$(printf '%s' "$doc" | json_field template)" = "$template_id" ] || fail "template in the file: $(printf '%s' "$doc" | json_field template), expected $template_id"
echo "ok: workshop created from template $template_id by keyboard"

# --- back to the start screen and out again with Esc --------------------------------------
wait_until "the window settles" window_has_content
snapshot workshop_view
start_screen_by_keyboard
shows_message && fail "the start screen still shows the old message"
xdotool key Escape
back_in_workshop() { snapshot probe_back && same_image workshop_view probe_back; }
wait_until "Esc returns to the open workshop" back_in_workshop
echo "ok: File > New or open by keyboard, Esc goes back"

# --- open an existing workshop through the file field -------------------------------------
start_screen_by_keyboard
press shift+Tab   # the template field
press shift+Tab   # round to the last field: the file to open
type_text "$existing"
xdotool key Return
wait_until "the existing workshop is open (window title)" name_is "pilotdeck — $existing_title"
# An edit lands in that file.
xdotool key --clearmodifiers ctrl+n
idea="Lieferscheine prüfen"
type_text "$idea"
xdotool key Return
has_idea() { exported "$existing" | grep -qF "\"title\": \"$idea\""; }
wait_until "the idea is saved in $existing" has_idea
exported "$new_file" | grep -qF "\"title\": \"$idea\"" && fail "the idea went into the other workshop"
echo "ok: an existing workshop opened from the file field is the one edited"

# --- files that cannot be opened, from the file field -------------------------------------
# Ctrl+O opens the start screen from anywhere: here the idea field has the focus again.
press ctrl+o
shows_message && fail "the start screen (by Ctrl+O) still shows an old message"
press shift+Tab
press shift+Tab
type_text "$truncated"
xdotool key Return
wait_until "the start screen shows why the truncated file cannot be opened" shows_message
name_is "pilotdeck — $existing_title" || fail "the window title changed to $(window_name)"
cmp -s "$truncated" "$work/truncated.orig" || fail "the truncated file was changed"
for suffix in -wal -shm -journal; do
    [ ! -e "$truncated$suffix" ] || fail "opening the truncated file left $truncated$suffix"
done
# The file field has the focus again: replace the path by the PNG's.
snapshot with_truncated_message
press ctrl+a BackSpace
type_text "$picture"
xdotool key Return
wait_until "the message changes for the PNG" changed_from with_truncated_message
shows_message || fail "no message for the PNG"
cmp -s "$picture" "$work/picture.orig" || fail "the PNG was changed"
echo "ok: a truncated file and a PNG are refused with a reason and left byte-identical"

# --- a recent workshop, picked with Up/Down in the file field -----------------------------
# Recent, most recent first: the existing workshop, then the new one.
press Down
press Down
xdotool key Return
wait_until "the second recent workshop opens" name_is "pilotdeck — $title"
echo "ok: Up/Down in the file field pick a recent workshop"

quit_app "$new_file" "$existing"
python3 -c '
import json, sys
recent = json.load(open(sys.argv[1]))["recent"]
assert recent[:2] == [sys.argv[2], sys.argv[3]], recent' \
    "$XDG_CONFIG_HOME/pilotdeck/settings.json" "$new_file" "$existing" || fail "recent files are not as opened"
echo "PASS: start screen"
