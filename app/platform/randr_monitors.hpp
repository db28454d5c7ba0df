// The monitors RandR 1.5 reports on X11 (XRRGetMonitors): besides one per active output, the
// monitors a user defined with `xrandr --setmonitor` (one wide output split into a laptop's and a
// projector's part, a video wall, a virtual screen). GLFW 3.3 reads only the outputs.
#pragma once

#include <vector>

#include "platform/screens.hpp"

namespace pilotdeck::platform {

// RandR's monitors of the display GLFW uses, the primary first; empty when GLFW does not run on
// X11, the server has no RandR 1.5 or libXrandr cannot be opened. Screen::monitor stays null
// (screens.cpp matches them with GLFW's monitors). Needs GLFW started.
std::vector<Screen> randr_monitors();

}  // namespace pilotdeck::platform
