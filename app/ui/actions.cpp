#include "ui/actions.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include "base/i18n.hpp"


namespace pilotdeck::ui {

namespace {

std::string key_name(int key, bool tr) {
    // tr: keys as a German or Dutch keyboard names them (Strg, Bild ab).
    if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) return std::string(1, static_cast<char>('A' + (key - GLFW_KEY_A)));
    if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) return std::string(1, static_cast<char>('0' + (key - GLFW_KEY_0)));
    if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F12) return "F" + std::to_string(key - GLFW_KEY_F1 + 1);
    switch (key) {
    case GLFW_KEY_PAGE_DOWN: return tr ? std::string(i18n::trc("key", "Page Down")) : "Page Down";
    case GLFW_KEY_PAGE_UP: return tr ? std::string(i18n::trc("key", "Page Up")) : "Page Up";
    case GLFW_KEY_RIGHT: return "\u2192";
    case GLFW_KEY_LEFT: return "\u2190";
    case GLFW_KEY_UP: return tr ? std::string(i18n::trc("key", "Up")) : "Up";
    case GLFW_KEY_DOWN: return tr ? std::string(i18n::trc("key", "Down")) : "Down";
    case GLFW_KEY_ESCAPE: return tr ? std::string(i18n::trc("key", "Esc")) : "Esc";
    case GLFW_KEY_ENTER: return tr ? std::string(i18n::trc("key", "Enter")) : "Enter";
    case GLFW_KEY_TAB: return tr ? std::string(i18n::trc("key", "Tab")) : "Tab";
    case GLFW_KEY_DELETE: return tr ? std::string(i18n::trc("key", "Delete")) : "Delete";
    case GLFW_KEY_EQUAL: return "=";
    case GLFW_KEY_MINUS: return "\u2212";
    case GLFW_KEY_SLASH: return "/";
    case GLFW_KEY_KP_ADD: return tr ? std::string(i18n::trc("key", "Keypad +")) : "Keypad +";
    case GLFW_KEY_KP_SUBTRACT: return tr ? std::string(i18n::trc("key", "Keypad \u2212")) : "Keypad \u2212";
    case GLFW_KEY_KP_0: return tr ? std::string(i18n::trc("key", "Keypad 0")) : "Keypad 0";
    default: return "?";
    }
}

std::string chord_text(const Chord& c, bool tr) {
    if (c.key == GLFW_KEY_SLASH && c.shift == 1 && !c.ctrl) return "?";  // Shift+/ types ? (US layout)
    std::string s;
    if (c.ctrl) s += std::string(tr ? i18n::trc("key", "Ctrl") : "Ctrl") + "+";
    if (c.shift == 1) s += std::string(tr ? i18n::trc("key", "Shift") : "Shift") + "+";
    return s + key_name(c.key, tr);
}

}  // namespace

void reserve_stage_keys() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_PageUp] = -1;
    io.KeyMap[ImGuiKey_PageDown] = -1;
}

std::string keys_text(const Action& a, bool translated) {
    if (a.keys_text) return translated ? i18n::tr(a.keys_text) : a.keys_text;
    std::string s;
    for (const Chord& c : a.chords) {
        if (!c.listed) continue;
        if (!s.empty()) s += translated ? std::string(i18n::trc("keys", " or ")) : std::string(" or ");
        s += chord_text(c, translated);
    }
    return s;
}

std::string menu_shortcut(const Action& a, bool translated) {
    for (const Chord& c : a.chords)
        if (c.listed) return chord_text(c, translated);
    return {};
}

std::string keys_markdown(const std::vector<Action>& actions) {
    std::string md = "| key | what |\n|---|---|\n";
    for (const Action& a : actions) {
        const std::string keys = keys_text(a);
        if (keys.empty()) continue;
        md += "| " + keys + " | " + a.what + " |\n";
    }
    return md;
}

}  // namespace pilotdeck::ui
