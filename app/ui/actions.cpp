#include "ui/actions.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace pilotdeck::ui {

namespace {

std::string key_name(int key) {
    if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) return std::string(1, static_cast<char>('A' + (key - GLFW_KEY_A)));
    if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) return std::string(1, static_cast<char>('0' + (key - GLFW_KEY_0)));
    if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F12) return "F" + std::to_string(key - GLFW_KEY_F1 + 1);
    switch (key) {
    case GLFW_KEY_PAGE_DOWN: return "Page Down";
    case GLFW_KEY_PAGE_UP: return "Page Up";
    case GLFW_KEY_RIGHT: return "\u2192";
    case GLFW_KEY_LEFT: return "\u2190";
    case GLFW_KEY_UP: return "Up";
    case GLFW_KEY_DOWN: return "Down";
    case GLFW_KEY_ESCAPE: return "Esc";
    case GLFW_KEY_ENTER: return "Enter";
    case GLFW_KEY_TAB: return "Tab";
    case GLFW_KEY_DELETE: return "Delete";
    case GLFW_KEY_EQUAL: return "=";
    case GLFW_KEY_MINUS: return "\u2212";
    case GLFW_KEY_SLASH: return "/";
    case GLFW_KEY_KP_ADD: return "Keypad +";
    case GLFW_KEY_KP_SUBTRACT: return "Keypad \u2212";
    case GLFW_KEY_KP_0: return "Keypad 0";
    default: return "?";
    }
}

std::string chord_text(const Chord& c) {
    if (c.key == GLFW_KEY_SLASH && c.shift == 1 && !c.ctrl) return "?";  // Shift+/ types ? (US layout)
    std::string s;
    if (c.ctrl) s += "Ctrl+";
    if (c.shift == 1) s += "Shift+";
    return s + key_name(c.key);
}

}  // namespace

void reserve_stage_keys() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_PageUp] = -1;
    io.KeyMap[ImGuiKey_PageDown] = -1;
}

std::string keys_text(const Action& a) {
    if (a.keys_text) return a.keys_text;
    std::string s;
    for (const Chord& c : a.chords) {
        if (!c.listed) continue;
        if (!s.empty()) s += " or ";
        s += chord_text(c);
    }
    return s;
}

std::string menu_shortcut(const Action& a) {
    for (const Chord& c : a.chords)
        if (c.listed) return chord_text(c);
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
