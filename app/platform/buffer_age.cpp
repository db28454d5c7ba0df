// GLX_EXT_buffer_age, apart from window.cpp: the X11 and GLX headers define macros (None, Bool,
// Status, ...) that other code should not see.
#include "platform/buffer_age.hpp"

#define GLFW_EXPOSE_NATIVE_X11
#define GLFW_EXPOSE_NATIVE_GLX
#include <GLFW/glfw3.h>
#include <GLFW/glfw3native.h>

#ifndef GLX_BACK_BUFFER_AGE_EXT
#define GLX_BACK_BUFFER_AGE_EXT 0x20F4
#endif

namespace pilotdeck::platform {

int back_buffer_age(GLFWwindow* window) {
    // Asked once, with the first window's context current; the answer is the driver's.
    static const bool supported = glfwExtensionSupported("GLX_EXT_buffer_age") == GLFW_TRUE;
    if (!supported) return -1;
    using QueryDrawable = void (*)(Display*, GLXDrawable, int, unsigned int*);
    static const auto query = reinterpret_cast<QueryDrawable>(glfwGetProcAddress("glXQueryDrawable"));
    Display* display = glfwGetX11Display();
    const GLXWindow drawable = glfwGetGLXWindow(window);
    if (!query || !display || !drawable) return -1;
    unsigned int age = 0;
    query(display, drawable, GLX_BACK_BUFFER_AGE_EXT, &age);
    return static_cast<int>(age);
}

}  // namespace pilotdeck::platform
