// How many swaps ago the back buffer's content was drawn (GLX_EXT_buffer_age): 1 means it
// still holds the last frame, so a frame may redraw only what changed; 0 means its content is
// undefined. -1 when the driver does not say (no such extension, not GLX).
#pragma once

struct GLFWwindow;

namespace pilotdeck::platform {

int back_buffer_age(GLFWwindow* window);

}  // namespace pilotdeck::platform
