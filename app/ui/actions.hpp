// The presenter's actions in one table: what each is called, its keys, when it can be used and
// what it runs. The table feeds the menus, the key handling, the help overlay (F1 or ?) and the
// README's keys table (keys_markdown; a test compares them).
#pragma once

#include <string>
#include <vector>

namespace pilotdeck::ui {

class App;

// When a key may act while text is being typed.
enum class Gate {
    Always,       // function keys, Page Up / Down, Ctrl+Q...: never text
    NoTextField,  // Ctrl shortcuts a text field has its own use for (Ctrl+arrows)
    NoTextFieldUnlessEmpty,  // Ctrl+Z / Ctrl+Y: also in an empty field (it has nothing to undo)
    NoTextInput,  // single letters: never while a field or a panel for typing is active
};

struct Chord {
    int key = 0;          // GLFW_KEY_*
    bool ctrl = false;
    int shift = 0;        // 0 without Shift, 1 with, -1 either
    Gate gate = Gate::Always;
    bool listed = true;   // false: an alternative not named in menus or tables (the keypad's +)
};

struct Action {
    const char* id = "";
    const char* menu = nullptr;  // "File", "Edit", "View", "Go", "Help", or nullptr: keys only
    const char* submenu = nullptr;  // a submenu of `menu` ("Language"), marked N_(); translated where drawn
    const char* label = "";      // the menu's words, marked N_() (English; translated where drawn)
    const char* what = "";       // the help overlay's and README's words, marked N_()
    std::vector<Chord> chords{};
    // Only for actions a panel handles itself (run is null): how the help names its keys.
    const char* keys_text = nullptr;
    bool repeat = false;           // held down, the key repeats (stage steps, undo)
    bool needs_workshop = true;    // only while a workshop is shown (not on the start screen)
    bool separator_before = false; // in its menu
    bool (*shown)(const App&) = nullptr;     // null: always (with needs_workshop)
    bool (*enabled)(const App&) = nullptr;   // menus grey it out when false
    bool (*checked)(const App&) = nullptr;   // a menu tick
    std::string (*dynamic_label)(const App&) = nullptr;  // e.g. "Undo Delete idea"
    void (*run)(App&) = nullptr;  // null: its panel handles the keys (listed for help and README)
};

// Page Up / Page Down are the stage keys (clickers send them): ImGui is told not to use them
// too (it would move the keyboard focus to a button of the new stage, or scroll). Called once
// after the ImGui context has its key map.
void reserve_stage_keys();

// The keys of an action as people read them: "Page Down or Ctrl+→". `translated`: in the
// current language ("Bild ab oder Strg+→"); else English (the README).
std::string keys_text(const Action& a, bool translated = false);
// The first listed chord, for a menu ("Ctrl+Z"), or "".
std::string menu_shortcut(const Action& a, bool translated = false);
// The README's keys table (header, separator and one row per action that has keys).
std::string keys_markdown(const std::vector<Action>& actions);

}  // namespace pilotdeck::ui
