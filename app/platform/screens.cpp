#include "platform/screens.hpp"

#include <charconv>

#include <GLFW/glfw3.h>

#include "platform/randr_monitors.hpp"

namespace pilotdeck::platform {

namespace {

// Adds a screen to the list, the primary first; mirrored screens (the projector showing the
// laptop's picture) start at the same place: one screen, not two, the primary's entry kept.
void add_screen(std::vector<Screen>& out, const Screen& s, bool primary) {
    for (Screen& o : out)
        if (o.x == s.x && o.y == s.y) {
            if (primary) o = s;
            return;
        }
    if (primary)
        out.insert(out.begin(), s);
    else
        out.push_back(s);
}

}  // namespace

std::vector<Screen> desktop_screens() {
    std::vector<Screen> out;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* primary = glfwGetPrimaryMonitor();
    for (int i = 0; i < count; ++i) {
        GLFWmonitor* m = monitors[i];
        const GLFWvidmode* mode = glfwGetVideoMode(m);
        if (!mode) continue;
        Screen s;
        glfwGetMonitorPos(m, &s.x, &s.y);
        s.width = mode->width;
        s.height = mode->height;
        s.monitor = m;
        const char* name = glfwGetMonitorName(m);
        s.name = name ? name : "";
        add_screen(out, s, m == primary);
    }
    // RandR 1.5 may know more (monitors defined with xrandr --setmonitor, one output split in
    // two): then its list, each screen that is also one of GLFW's monitors with that monitor
    // (real full screen there), the others covered by an undecorated window.
    std::vector<Screen> randr;
    for (const Screen& s : randr_monitors()) add_screen(randr, s, randr.empty());
    if (randr.size() > out.size()) {
        for (Screen& r : randr)
            for (const Screen& g : out)
                if (g.x == r.x && g.y == r.y && g.width == r.width && g.height == r.height) r.monitor = g.monitor;
        return randr;
    }
    return out;
}

namespace {

// Reads a non-negative number up to one of `ends` (or the end); advances `at`.
bool number(std::string_view text, std::size_t& at, int& value) {
    const char* begin = text.data() + at;
    const char* end = text.data() + text.size();
    const auto [next, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || next == begin || value < 0) return false;
    at += static_cast<std::size_t>(next - begin);
    return true;
}

bool expect(std::string_view text, std::size_t& at, char c) {
    if (at >= text.size() || text[at] != c) return false;
    ++at;
    return true;
}

}  // namespace

std::optional<std::vector<Screen>> parse_screens(std::string_view text) {
    std::vector<Screen> out;
    std::size_t at = 0;
    while (at < text.size()) {
        Screen s;
        if (!number(text, at, s.width) || !expect(text, at, 'x') || !number(text, at, s.height) ||
            !expect(text, at, '+') || !number(text, at, s.x) || !expect(text, at, '+') || !number(text, at, s.y))
            return std::nullopt;
        if (s.width < 320 || s.height < 240) return std::nullopt;
        s.name = "screen " + std::to_string(out.size() + 1);
        out.push_back(s);
        if (at < text.size() && (!expect(text, at, ',') || at == text.size())) return std::nullopt;  // "a," or "a;b"
    }
    if (out.empty()) return std::nullopt;
    return out;
}

}  // namespace pilotdeck::platform
