#!/bin/bash
# View > Language on the real window, by keyboard: Deutsch changes the picture at once (no
# restart), is written to the settings file and is still there after a restart; `--lang en` beats
# it for one run; "Workshop's language" brings back exactly the English picture of the start.
# Usage (under with_xvfb.sh): test_language_menu.sh PILOTDECK
PILOTDECK=$1
source "$(dirname "$0")/lib.sh"

file="$GUI_TEST_WORK/language.pilotdeck"
new_workshop "$file"  # an English workshop ("language": "en")
settings="$XDG_CONFIG_HOME/pilotdeck/settings.json"
still() { snapshot still_a && sleep 0.3 && snapshot still_b && same_image still_a still_b; }
# The pointer moved onto the status line: the keyboard's highlight (and the tooltip it shows on
# the stepper after a menu) goes, and nothing under the pointer reacts to it.
settle() {
    xdotool mousemove --window "$APP_WIN" 760 712 && sleep 0.1 && xdotool mousemove --window "$APP_WIN" 770 713
    wait_until "the window settles" still
}

# View > Language > the entry $1 places below "Workshop's language" (0: that one).
# View's items with one screen: Full screen, Blank the screen, Facilitator notes, Countdown chime,
# Zoom in, Zoom out, Actual size, Dark theme, Language (the 9th), ...
choose_language() {
    menu_bar
    press Right   # Edit
    press Right   # View
    press space   # open it: Full screen highlighted
    for _ in 1 2 3 4 5 6 7 8; do press Down; done
    press Right   # the Language submenu: "Workshop's language" highlighted
    local i
    for ((i = 0; i < $1; i++)); do press Down; done
    press space
    settle
}

start_app open "$file"
settle
snapshot english

choose_language 3   # Deutsch
snapshot german
same_image english german && fail "choosing Deutsch did not change the window"
grep -q '"language": "de"' "$settings" || fail "the choice is not in $settings: $(cat "$settings")"
echo "ok: View > Language > Deutsch switches at once and is remembered"
quit_app "$file"

start_app open "$file"
settle
snapshot german_again
same_image german german_again || fail "after a restart the window is not the German one"
echo "ok: still German after a restart"
quit_app "$file"

start_app open "$file" --lang en
settle
snapshot lang_en
same_image english lang_en || fail "--lang en should beat the remembered Deutsch for this run"
quit_app "$file"
grep -q '"language": "de"' "$settings" || fail "--lang must not change the remembered choice"
echo "ok: --lang en beats it for one run"

start_app open "$file"
settle
choose_language 0   # Workshop's language
snapshot back
same_image english back || fail "\"Workshop's language\" should bring back the English picture"
grep -q '"language"' "$settings" && fail "\"Workshop's language\" should clear the remembered choice"
quit_app "$file"
echo "ok: Workshop's language"

# A German workshop opens in German (its "language"), whatever the system's; --lang beats it.
# (`screenshot` never reads the settings: the remembered choice does not count there.)
de_file="$GUI_TEST_WORK/deutsch.pilotdeck"
"$PILOTDECK" new "$de_file" --template use-case-workshop-de --title "Werkstatt" >/dev/null || fail "pilotdeck new failed"
shot() { "$PILOTDECK" screenshot "$de_file" --stage intro --size 1280x720 --out "$GUI_TEST_WORK/$1.png" "${@:2}" || fail "screenshot $1 failed"; }
LANG=en_GB.UTF-8 LC_ALL= shot de_own
shot de_de --lang de
shot de_en --lang en
same_image de_own de_de || fail "a German workshop should open in German"
same_image de_own de_en && fail "--lang en should show the German workshop in English"
echo "PASS: View > Language"
