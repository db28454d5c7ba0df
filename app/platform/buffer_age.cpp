// GLX_EXT_buffer_age, apart from window.cpp.
//
// The two native functions of GLFW it needs are declared here with opaque types instead of
// through <GLFW/glfw3native.h>: that header pulls in Xlib, Xrandr and GLX headers (and their
// macros None, Bool, Status...), which libglfw3-dev does not bring, so a fresh Debian 12 machine
// could not build it (seen in a debootstrap chroot: X11/extensions/Xrandr.h missing).
#include "platform/buffer_age.hpp"

#include <GLFW/glfw3.h>

extern "C" {
struct _XDisplay;
_XDisplay* glfwGetX11Display(void);
unsigned long glfwGetGLXWindow(GLFWwindow* window);  // a GLXWindow, which is an XID
}

#ifndef GLX_BACK_BUFFER_AGE_EXT
#define GLX_BACK_BUFFER_AGE_EXT 0x20F4
#endif

namespace pilotdeck::platform {

int back_buffer_age(GLFWwindow* window) {
    // Asked once, with the first window's context current; the answer is the driver's.
    static const bool supported = glfwExtensionSupported("GLX_EXT_buffer_age") == GLFW_TRUE;
    if (!supported) return -1;
    using QueryDrawable = void (*)(_XDisplay*, unsigned long, int, unsigned int*);
    static const auto query = reinterpret_cast<QueryDrawable>(glfwGetProcAddress("glXQueryDrawable"));
    _XDisplay* display = glfwGetX11Display();
    const unsigned long drawable = glfwGetGLXWindow(window);
    if (!query || !display || !drawable) return -1;
    unsigned int age = 0;
    query(display, drawable, GLX_BACK_BUFFER_AGE_EXT, &age);
    return static_cast<int>(age);
}

}  // namespace pilotdeck::platform
