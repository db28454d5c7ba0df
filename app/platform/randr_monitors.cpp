#include "platform/randr_monitors.hpp"

#include <dlfcn.h>

namespace pilotdeck::platform {

namespace {

// libXrandr is opened at run time, as GLFW opens it (no build dependency on its headers); the
// record below is XRRMonitorInfo of <X11/extensions/Xrandr.h> (RandR 1.5), whose layout is ABI.
struct MonitorInfo {
    unsigned long name;  // Atom
    int primary;         // Bool
    int automatic;       // Bool
    int noutput;
    int x, y, width, height;
    int mwidth, mheight;
    unsigned long* outputs;  // RROutput*
};

using GetDisplay = void* (*)();
using RootWindow = unsigned long (*)(void*);
using GetMonitors = MonitorInfo* (*)(void*, unsigned long, int, int*);
using FreeMonitors = void (*)(MonitorInfo*);
using GetAtomName = char* (*)(void*, unsigned long);
using Free = int (*)(void*);

template <typename F>
F symbol(void* library, const char* name) {
    return reinterpret_cast<F>(dlsym(library, name));
}

}  // namespace

std::vector<Screen> randr_monitors() {
    std::vector<Screen> out;
    // GLFW's X11 build has glfwGetX11Display; libX11 is loaded with GLFW.
    const auto get_display = symbol<GetDisplay>(RTLD_DEFAULT, "glfwGetX11Display");
    const auto root_window = symbol<RootWindow>(RTLD_DEFAULT, "XDefaultRootWindow");
    const auto atom_name = symbol<GetAtomName>(RTLD_DEFAULT, "XGetAtomName");
    const auto x_free = symbol<Free>(RTLD_DEFAULT, "XFree");
    if (!get_display || !root_window) return out;
    void* display = get_display();
    if (!display) return out;
    void* xrandr = dlopen("libXrandr.so.2", RTLD_LAZY | RTLD_LOCAL);
    if (!xrandr) return out;
    const auto get_monitors = symbol<GetMonitors>(xrandr, "XRRGetMonitors");
    const auto free_monitors = symbol<FreeMonitors>(xrandr, "XRRFreeMonitors");
    int count = 0;
    MonitorInfo* monitors = get_monitors && free_monitors ? get_monitors(display, root_window(display), 1, &count) : nullptr;
    for (int i = 0; monitors && i < count; ++i) {
        const MonitorInfo& m = monitors[i];
        if (m.width <= 0 || m.height <= 0) continue;
        Screen s;
        s.x = m.x;
        s.y = m.y;
        s.width = m.width;
        s.height = m.height;
        if (atom_name && x_free) {
            if (char* name = atom_name(display, m.name)) {
                s.name = name;
                x_free(name);
            }
        }
        if (m.primary)
            out.insert(out.begin(), s);
        else
            out.push_back(s);
    }
    if (monitors) free_monitors(monitors);
    dlclose(xrandr);
    return out;
}

}  // namespace pilotdeck::platform
