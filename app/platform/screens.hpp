// The screens of the desktop, for the two-screen mode: the presenter's view on the laptop, the
// room's view full screen on the projector. GLFW's monitors (RandR outputs on X11) or RandR 1.5's monitors, the primary
// (the laptop's, as a rule) first; or a layout given by hand (`pilotdeck --screens`, for tests
// and for desktops whose second screen GLFW does not report).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pilotdeck::platform {

struct Screen {
    int x = 0, y = 0;          // in the desktop's pixels
    int width = 0, height = 0;
    void* monitor = nullptr;   // the GLFWmonitor, or null for a screen given by hand
    std::string name;
};

// GLFW's monitors, the primary first; mirrored ones (same position) count once. On X11, when
// RandR 1.5 reports more monitors (randr_monitors.hpp: one output split with xrandr
// --setmonitor), those. Needs GLFW started (a Window exists).
std::vector<Screen> desktop_screens();

// "WxH+X+Y,WxH+X+Y" (the laptop's screen first, then the projector's) as screens; nullopt when
// the text is not such a list of at least one screen.
std::optional<std::vector<Screen>> parse_screens(std::string_view text);

}  // namespace pilotdeck::platform
