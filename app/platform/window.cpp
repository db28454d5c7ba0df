#include "platform/window.hpp"

#include <cstdlib>
#include <optional>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "platform/startup_trace.hpp"

namespace pilotdeck::platform {

namespace {

constexpr int kKeyCount = static_cast<int>(sizeof(ImGuiIO::KeysDown) / sizeof(bool));

Window* owner(GLFWwindow* w) { return static_cast<Window*>(glfwGetWindowUserPointer(w)); }

// Installed before ImGui's own callbacks, which chain to them: any input wakes the loop.
void on_key(GLFWwindow* w, int key, int, int action, int) {
    owner(w)->mark_activity();
    if (action != GLFW_REPEAT && key >= 0 && key < kKeyCount) owner(w)->queue_key(key, action == GLFW_PRESS);
}
void on_char(GLFWwindow* w, unsigned int) { owner(w)->mark_activity(); }
void on_button(GLFWwindow* w, int, int, int) { owner(w)->mark_activity(); }
void on_scroll(GLFWwindow* w, double, double) { owner(w)->mark_activity(); }
void on_cursor(GLFWwindow* w, double, double) { owner(w)->mark_activity(); }
void on_focus(GLFWwindow* w, int) { owner(w)->mark_activity(); }
void on_enter(GLFWwindow* w, int) { owner(w)->mark_activity(); }
void on_size(GLFWwindow* w, int, int) { owner(w)->mark_activity(); }
void on_refresh(GLFWwindow* w) { owner(w)->mark_activity(); }

// As the GLFW backend of ImGui 1.86 derives the modifiers in its key callback.
void update_modifiers(ImGuiIO& io) {
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

int g_glfw_users = 0;

bool glfw_acquire(std::string& error) {
    if (g_glfw_users == 0) {
        glfwSetErrorCallback(nullptr);
        if (!glfwInit()) {
            const char* desc = nullptr;
            glfwGetError(&desc);
            error = std::string("cannot start the graphics system (") + (desc ? desc : "glfwInit failed") + ")";
            return false;
        }
    }
    ++g_glfw_users;
    return true;
}

void glfw_release() {
    if (--g_glfw_users == 0) glfwTerminate();
}

}  // namespace

bool display_available(std::string* why) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display && *display) || (wayland && *wayland)) return true;
    if (why) *why = "no display found (DISPLAY is not set)";
    return false;
}

std::unique_ptr<Window> Window::create(const WindowOptions& o, std::string& error) {
    std::optional<startup::Step> step(std::in_place, "glfw init");
    if (!glfw_acquire(error)) return nullptr;
    step.emplace("window");
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, o.visible ? GLFW_TRUE : GLFW_FALSE);
    GLFWwindow* w = glfwCreateWindow(o.width, o.height, o.title.c_str(), nullptr, nullptr);
    if (!w) {
        const char* desc = nullptr;
        glfwGetError(&desc);
        error = std::string("cannot open a window with OpenGL 3.3 (") + (desc ? desc : "unknown reason") + ")";
        glfw_release();
        return nullptr;
    }
    std::unique_ptr<Window> win(new Window(w));
    glfwSetWindowUserPointer(w, win.get());
    glfwMakeContextCurrent(w);
    glfwSwapInterval(1);
    glfwSetKeyCallback(w, on_key);
    glfwSetCharCallback(w, on_char);
    glfwSetMouseButtonCallback(w, on_button);
    glfwSetScrollCallback(w, on_scroll);
    glfwSetCursorPosCallback(w, on_cursor);
    glfwSetWindowFocusCallback(w, on_focus);
    glfwSetCursorEnterCallback(w, on_enter);
    glfwSetFramebufferSizeCallback(w, on_size);
    glfwSetWindowRefreshCallback(w, on_refresh);

    step.emplace("imgui init");
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code, not a file in the working folder
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(w, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    return win;
}

Window::~Window() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfw_release();
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }
void Window::request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void Window::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

void Window::set_fullscreen(bool on) {
    if (on == fullscreen_) return;
    if (on) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        if (!monitor) return;
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        glfwGetWindowPos(window_, &saved_x_, &saved_y_);
        glfwGetWindowSize(window_, &saved_w_, &saved_h_);
        glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window_, nullptr, saved_x_, saved_y_, saved_w_, saved_h_, GLFW_DONT_CARE);
    }
    fullscreen_ = on;
    activity_ = true;
}

int Window::width() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return w;
}

int Window::height() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return h;
}

bool Window::wait_events(double timeout_seconds) {
    if (timeout_seconds <= 0 || !pending_keys_.empty())
        glfwPollEvents();
    else
        glfwWaitEventsTimeout(timeout_seconds);
    // ImGui's callback wrote every change at once; replay them, one change per key per frame,
    // and releases only in a frame after the presses before them (xdotool's ctrl+q arrives as
    // ctrl down, q down, ctrl up, q up: the frame must see q with ctrl still down).
    std::array<bool, kKeyCount> touched{};
    bool pressed = false;
    while (!pending_keys_.empty()) {
        const KeyEvent e = pending_keys_.front();
        if (touched[static_cast<std::size_t>(e.key)] || (!e.down && pressed)) break;  // next frame
        pressed |= e.down;
        touched[static_cast<std::size_t>(e.key)] = true;
        keys_down_[static_cast<std::size_t>(e.key)] = e.down;
        pending_keys_.pop_front();
    }
    ImGuiIO& io = ImGui::GetIO();
    for (int k = 0; k < kKeyCount; ++k) io.KeysDown[k] = keys_down_[static_cast<std::size_t>(k)];
    update_modifiers(io);
    if (!pending_keys_.empty()) activity_ = true;
    const bool had = activity_;
    activity_ = false;
    return had;
}

void Window::begin_frame(int display_w, int display_h) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (display_w > 0 && display_h > 0) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(display_w), static_cast<float>(display_h));
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    ImGui::NewFrame();
}

void Window::render(const float clear[3]) {
    ImGui::Render();
    if (!gl_draw_) return;
    ImDrawData* dd = ImGui::GetDrawData();
    const int fb_w = static_cast<int>(dd->DisplaySize.x * dd->FramebufferScale.x);
    const int fb_h = static_cast<int>(dd->DisplaySize.y * dd->FramebufferScale.y);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(clear[0], clear[1], clear[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(dd);
}

void Window::swap() { glfwSwapBuffers(window_); }


void Window::reload_font_texture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace pilotdeck::platform
