#include "platform/window.hpp"

#include "platform/mip_update.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include <GL/gl.h>
#include <GL/glext.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "platform/buffer_age.hpp"
#include "platform/startup_trace.hpp"

namespace pilotdeck::platform {

namespace {

constexpr int kKeyCount = static_cast<int>(sizeof(ImGuiIO::KeysDown) / sizeof(bool));
constexpr int kMouseButtons = 5;  // ImGuiIO::MouseDown

Window* owner(GLFWwindow* w) { return static_cast<Window*>(glfwGetWindowUserPointer(w)); }

// Installed before ImGui's own callbacks, which chain to them: any input wakes the loop.
void on_key(GLFWwindow* w, int key, int, int action, int) {
    owner(w)->mark_activity();
    if (action != GLFW_REPEAT && key >= 0 && key < kKeyCount) owner(w)->queue_key(key, action == GLFW_PRESS);
}
// Replaces ImGui's character callback (see create): text joins the ordered input queue.
void on_char(GLFWwindow* w, unsigned int c) {
    owner(w)->mark_activity();
    owner(w)->queue_char(c);
}
// Replaces ImGui's mouse button callback (see create): clicks join the ordered input queue.
void on_button(GLFWwindow* w, int button, int action, int) {
    owner(w)->mark_activity();
    if (button >= 0 && button < kMouseButtons && action != GLFW_REPEAT)
        owner(w)->queue_button(button, action == GLFW_PRESS);
}

// Keys that type text (letters, digits, punctuation, space) and Shift: their changes may share a
// frame with the characters they produce. Any other key (Enter, Tab, arrows, Ctrl...) changing
// in a frame holds the characters after it for the next frame, and the other way round.
bool text_key(int key) {
    return (key >= GLFW_KEY_SPACE && key <= GLFW_KEY_GRAVE_ACCENT) || key == GLFW_KEY_WORLD_1 ||
           key == GLFW_KEY_WORLD_2 || key == GLFW_KEY_LEFT_SHIFT || key == GLFW_KEY_RIGHT_SHIFT;
}
void on_scroll(GLFWwindow* w, double, double) { owner(w)->mark_activity(); }
void on_cursor(GLFWwindow* w, double, double) { owner(w)->mark_activity(); }
void on_focus(GLFWwindow* w, int focused) {
    owner(w)->mark_activity();
    owner(w)->note_focus(focused == GLFW_TRUE);
}
void on_enter(GLFWwindow* w, int) { owner(w)->mark_activity(); }
void on_size(GLFWwindow* w, int, int) { owner(w)->mark_activity(); }
void on_refresh(GLFWwindow* w) { owner(w)->mark_activity(); }

// ImGui's GLFW callbacks work on the current ImGui context; with two windows (two contexts) an
// event of one window must reach its own: these switch to the window's context around them.
class InContext {
public:
    explicit InContext(GLFWwindow* w) : previous_(ImGui::GetCurrentContext()) {
        ImGui::SetCurrentContext(owner(w)->imgui_context());
    }
    ~InContext() { ImGui::SetCurrentContext(previous_); }
    InContext(const InContext&) = delete;
    InContext& operator=(const InContext&) = delete;

private:
    ImGuiContext* previous_;
};
void key_in_context(GLFWwindow* w, int key, int scancode, int action, int mods) {
    InContext c(w);
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);  // chains to on_key
}
void scroll_in_context(GLFWwindow* w, double dx, double dy) {
    InContext c(w);
    ImGui_ImplGlfw_ScrollCallback(w, dx, dy);
}
void focus_in_context(GLFWwindow* w, int focused) {
    InContext c(w);
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
}
void enter_in_context(GLFWwindow* w, int entered) {
    InContext c(w);
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
}

// As the GLFW backend of ImGui 1.86 derives the modifiers in its key callback.
void update_modifiers(ImGuiIO& io) {
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

// A window never opens larger than the screen it opens on (the primary monitor's work area,
// less room for a title bar): on a 1024x768 projector the countdown and the notes stay in view.
constexpr int kTitleBarAllowance = 32;

void fit_to_screen(int& width, int& height) {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    if (!monitor) return;
    int x = 0, y = 0, w = 0, h = 0;
    glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
    if (w <= 0 || h <= 0) return;
    width = std::min(width, w);
    if (height > h - kTitleBarAllowance) height = std::max(h - kTitleBarAllowance, h / 2);
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
    int width = o.width, height = o.height;
    if (o.visible) fit_to_screen(width, height);
    GLFWwindow* w = glfwCreateWindow(width, height, o.title.c_str(), nullptr, o.share ? o.share->window_ : nullptr);
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
    // One window waits for the display's refresh; a second one does not (two waits per frame
    // would halve the frame rate).
    glfwSwapInterval(o.share ? 0 : 1);
    glfwSetKeyCallback(w, on_key);
    glfwSetCharCallback(w, on_char);
    glfwSetScrollCallback(w, on_scroll);
    glfwSetCursorPosCallback(w, on_cursor);
    glfwSetWindowFocusCallback(w, on_focus);
    glfwSetCursorEnterCallback(w, on_enter);
    glfwSetFramebufferSizeCallback(w, on_size);
    glfwSetWindowRefreshCallback(w, on_refresh);

    ImFontAtlas* fonts = nullptr;
    if (o.shared_fonts) {
        step.emplace("wait for loader");
        fonts = o.shared_fonts();
    }
    step.emplace("imgui init");
    IMGUI_CHECKVERSION();
    win->imgui_ = ImGui::CreateContext(fonts);
    ImGui::SetCurrentContext(win->imgui_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code, not a file in the working folder
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(w, true);
    // ImGui's backend would add every character to the frame at once; ours queues it in order
    // with the keys (its Shutdown puts ours back, which is the same).
    glfwSetCharCallback(w, on_char);
    glfwSetMouseButtonCallback(w, on_button);  // likewise mouse buttons: a click after Esc comes after it
    // ImGui's own callbacks, each run in this window's ImGui context (see InContext).
    glfwSetKeyCallback(w, key_in_context);
    glfwSetScrollCallback(w, scroll_in_context);
    glfwSetWindowFocusCallback(w, focus_in_context);
    glfwSetCursorEnterCallback(w, enter_in_context);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    const char* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    win->keeps_back_buffer_ = renderer && (std::strstr(renderer, "llvmpipe") || std::strstr(renderer, "softpipe"));
    return win;
}

Window::Window(GLFWwindow* w) : window_(w) {}

Window::~Window() {
    make_current();
    if (copy_texture_) glDeleteTextures(1, &copy_texture_);
    release_mip_fbos(mip_fbos_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(imgui_);
    glfwDestroyWindow(window_);
    glfw_release();
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }
void Window::request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void Window::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

void Window::set_fullscreen(bool on) {
    if (on == fullscreen_) return;
    if (on) {
        glfwGetWindowPos(window_, &saved_x_, &saved_y_);
        glfwGetWindowSize(window_, &saved_w_, &saved_h_);
        if (placed_ && !monitor_) {
            // A screen GLFW does not know as a monitor: a window without decoration covering it.
            glfwSetWindowAttrib(window_, GLFW_DECORATED, GLFW_FALSE);
            glfwSetWindowPos(window_, place_x_, place_y_);
            glfwSetWindowSize(window_, place_w_, place_h_);
        } else {
            GLFWmonitor* monitor = monitor_ ? static_cast<GLFWmonitor*>(monitor_) : glfwGetPrimaryMonitor();
            if (!monitor) return;
            const GLFWvidmode* mode = glfwGetVideoMode(monitor);
            glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
        }
    } else if (placed_ && !monitor_) {
        glfwSetWindowAttrib(window_, GLFW_DECORATED, GLFW_TRUE);
        glfwSetWindowPos(window_, saved_x_, saved_y_);
        glfwSetWindowSize(window_, saved_w_, saved_h_);
    } else {
        glfwSetWindowMonitor(window_, nullptr, saved_x_, saved_y_, saved_w_, saved_h_, GLFW_DONT_CARE);
    }
    fullscreen_ = on;
    last_frame_.reset();
    activity_ = true;
}

void Window::place(int x, int y, int width, int height, void* monitor, bool fullscreen) {
    if (fullscreen_) set_fullscreen(false);
    placed_ = true;
    place_x_ = x;
    place_y_ = y;
    place_w_ = width;
    place_h_ = height;
    monitor_ = monitor;
    if (fullscreen) {
        // Where it returns to when full screen ends (Esc): a window on the same screen.
        glfwSetWindowPos(window_, x + width / 8, y + height / 8);
        glfwSetWindowSize(window_, width * 3 / 4, height * 3 / 4);
        set_fullscreen(true);
        return;
    }
    int wx = x, wy = y, ww = width, wh = height;
    if (monitor) glfwGetMonitorWorkarea(static_cast<GLFWmonitor*>(monitor), &wx, &wy, &ww, &wh);
    glfwSetWindowPos(window_, wx, wy + (monitor ? kTitleBarAllowance : 0));
    glfwSetWindowSize(window_, ww, wh - (monitor ? kTitleBarAllowance : 0));
    last_frame_.reset();
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

void Window::wait_any(double timeout_seconds, bool input_pending) {
    if (timeout_seconds <= 0 || input_pending)
        glfwPollEvents();
    else
        glfwWaitEventsTimeout(timeout_seconds);
}

void Window::make_current() {
    if (glfwGetCurrentContext() != window_) glfwMakeContextCurrent(window_);
    ImGui::SetCurrentContext(imgui_);
}

bool Window::wait_events(double timeout_seconds) {
    wait_any(timeout_seconds, !pending_.empty());
    return take_input();
}

bool Window::take_input() {
    make_current();
    // The callbacks queued every change in order; replay them, one change per key per frame,
    // releases only in a frame after the presses before them (xdotool's ctrl+q arrives as ctrl
    // down, q down, ctrl up, q up: the frame must see q with ctrl still down), and characters
    // never in the frame of a click or of a non-text key before them, nor such a key in the frame
    // of characters before it: Ctrl+N and the title typed straight after it, or a title and its
    // Enter, reach the app in their order, so no letter lands in the wrong field or is lost.
    // Mouse buttons likewise: a button changes in a frame of its own after any key or text
    // before it (Esc, then a click into another field: the click is not undone by the Esc), and
    // once per frame, so a quick click is still seen down by one frame.
    std::array<bool, kKeyCount> touched{};
    bool pressed = false, control_changed = false, clicked = false, typed = false, keyed = false;
    ImGuiIO& io = ImGui::GetIO();
    while (!pending_.empty()) {
        const InputEvent e = pending_.front();
        if (e.kind == InputEvent::FocusLost) {
            // A frame of its own, after the input before it (the app commits what was typed).
            if (typed || keyed || clicked) break;
            focus_lost_ = true;
            pending_.pop_front();
            break;
        }
        if (e.kind == InputEvent::Button) {
            if (typed || keyed || clicked) break;
            clicked = true;
            mouse_down_[e.value] = e.down;
        } else if (e.kind == InputEvent::Char) {
            if (control_changed || clicked) break;
            io.AddInputCharacter(e.value);
            typed = true;
        } else {
            const auto k = static_cast<std::size_t>(e.value);
            const bool text = text_key(static_cast<int>(e.value));
            if (touched[k] || (!e.down && pressed) || (typed && !text) || clicked) break;  // next frame
            keyed = true;
            pressed |= e.down;
            touched[k] = true;
            control_changed |= !text;
            keys_down_[k] = e.down;
        }
        pending_.pop_front();
    }
    for (int k = 0; k < kKeyCount; ++k) io.KeysDown[k] = keys_down_[static_cast<std::size_t>(k)];
    update_modifiers(io);
    if (!pending_.empty()) activity_ = true;
    const bool had = activity_;
    activity_ = false;
    return had;
}

void Window::begin_frame(int display_w, int display_h) {
    ImGui_ImplOpenGL3_NewFrame();  // creates the renderer's objects when still missing
    gl_objects_ = true;
    ImGui_ImplGlfw_NewFrame();
    // The backend read the buttons' live state; the frame sees them as replayed (wait_events).
    ImGuiIO& mouse_io = ImGui::GetIO();
    for (int b = 0; b < kMouseButtons; ++b) mouse_io.MouseDown[b] = mouse_down_[static_cast<std::size_t>(b)];
    if (display_w > 0 && display_h > 0) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(display_w), static_cast<float>(display_h));
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    ImGui::NewFrame();
}

// ---- partial redraw --------------------------------------------------------------------

bool Window::DrawnCmd::operator==(const DrawnCmd& o) const {
    return std::memcmp(clip, o.clip, sizeof clip) == 0 && texture == o.texture && vtx_offset == o.vtx_offset &&
           idx_offset == o.idx_offset && elem_count == o.elem_count && callback == o.callback;
}

struct Window::DrawnList {
    std::vector<ImDrawVert> vtx;
    std::vector<ImDrawIdx> idx;
    std::vector<DrawnCmd> cmds;
};

struct Window::DrawnFrame {
    float display[6];  // pos, size, framebuffer scale
    float clear[3];
    std::vector<DrawnList> lists;
};

namespace {

struct Box {
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    void add(const ImVec2& p) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    void add(const Box& b) {
        if (b.empty()) return;
        x0 = std::min(x0, b.x0);
        y0 = std::min(y0, b.y0);
        x1 = std::max(x1, b.x1);
        y1 = std::max(y1, b.y1);
    }
    Box clipped(const ImVec4& c) const {
        return {std::max(x0, c.x), std::max(y0, c.y), std::min(x1, c.z), std::min(y1, c.w)};
    }
};

bool same_vertex(const ImDrawVert& a, const ImDrawVert& b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

void Window::set_partial_redraw(bool on) {
    const char* off = std::getenv("PILOTDECK_FULL_REDRAW");
    partial_redraw_ = on && !(off && *off && std::strcmp(off, "0") != 0);
    last_frame_.reset();
}

void Window::render(const float clear[3]) {
    ImGui::Render();
    if (!gl_draw_) {
        last_frame_.reset();
        return;
    }
    ImDrawData* dd = ImGui::GetDrawData();
    const int fb_w = static_cast<int>(dd->DisplaySize.x * dd->FramebufferScale.x);
    const int fb_h = static_cast<int>(dd->DisplaySize.y * dd->FramebufferScale.y);

    // What this frame draws, to compare with the last one (and to keep for the next).
    auto frame = std::make_unique<DrawnFrame>();
    const float display[6] = {dd->DisplayPos.x, dd->DisplayPos.y, dd->DisplaySize.x, dd->DisplaySize.y,
                              dd->FramebufferScale.x, dd->FramebufferScale.y};
    std::memcpy(frame->display, display, sizeof display);
    std::memcpy(frame->clear, clear, sizeof frame->clear);
    if (partial_redraw_) {
        frame->lists.resize(static_cast<std::size_t>(dd->CmdListsCount));
        for (int n = 0; n < dd->CmdListsCount; ++n) {
            const ImDrawList* l = dd->CmdLists[n];
            DrawnList& d = frame->lists[static_cast<std::size_t>(n)];
            d.vtx.assign(l->VtxBuffer.begin(), l->VtxBuffer.end());
            d.idx.assign(l->IdxBuffer.begin(), l->IdxBuffer.end());
            for (const ImDrawCmd& c : l->CmdBuffer)
                d.cmds.push_back({{c.ClipRect.x, c.ClipRect.y, c.ClipRect.z, c.ClipRect.w}, c.TextureId, c.VtxOffset,
                                  c.IdxOffset, c.ElemCount, c.UserCallback != nullptr});
        }
    }

    // The part that changed: the triangles with a changed vertex (where they were and where they
    // are now), within their clip rectangles. Anything else that differs redraws everything.
    bool whole = true;
    Box damage;
    const DrawnFrame* last = last_frame_.get();
    const int age = partial_redraw_ && last ? back_buffer_age(window_) : 0;
    if (last && (age == 1 || (age < 0 && keeps_back_buffer_)) &&
        std::memcmp(last->display, frame->display, sizeof display) == 0 &&
        std::memcmp(last->clear, frame->clear, sizeof frame->clear) == 0 && last->lists.size() == frame->lists.size()) {
        whole = false;
        for (std::size_t n = 0; n < frame->lists.size() && !whole; ++n) {
            const DrawnList& a = last->lists[n];
            const DrawnList& b = frame->lists[n];
            if (a.vtx.size() != b.vtx.size() || a.idx != b.idx || a.cmds != b.cmds) {
                whole = true;
                break;
            }
            for (const DrawnCmd& c : b.cmds) {
                if (c.callback) {
                    whole = true;
                    break;
                }
                Box changed;
                for (unsigned i = c.idx_offset; i + 2 < c.idx_offset + c.elem_count; i += 3) {
                    const std::size_t v[3] = {c.vtx_offset + b.idx[i], c.vtx_offset + b.idx[i + 1],
                                              c.vtx_offset + b.idx[i + 2]};
                    if (same_vertex(a.vtx[v[0]], b.vtx[v[0]]) && same_vertex(a.vtx[v[1]], b.vtx[v[1]]) &&
                        same_vertex(a.vtx[v[2]], b.vtx[v[2]]))
                        continue;
                    for (std::size_t k : v) {
                        changed.add(a.vtx[k].pos);
                        changed.add(b.vtx[k].pos);
                    }
                }
                damage.add(changed.clipped(ImVec4(c.clip[0], c.clip[1], c.clip[2], c.clip[3])));
            }
        }
    }
    if (partial_redraw_) last_frame_ = std::move(frame);
    if (!whole && extra_damage_[2] > extra_damage_[0] && extra_damage_[3] > extra_damage_[1]) {
        damage.add(ImVec2(extra_damage_[0], extra_damage_[1]));
        damage.add(ImVec2(extra_damage_[2], extra_damage_[3]));
    }
    extra_damage_ = {};

    glViewport(0, 0, fb_w, fb_h);
    glClearColor(clear[0], clear[1], clear[2], 1.0f);
    if (whole) {
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(dd);
        last_drawn_pixels_ = static_cast<long long>(fb_w) * fb_h;
        if (keep_copy_) copy_frame(0, 0, fb_w, fb_h, fb_w, fb_h);
        return;
    }
    last_drawn_pixels_ = 0;
    if (damage.empty()) return;  // the back buffer already shows this frame
    // Whole pixels, a pixel more on each side for anti-aliased edges, within the framebuffer.
    const ImVec2 scale = dd->FramebufferScale;
    const ImVec2 origin = dd->DisplayPos;
    const int x0 = std::max(0, static_cast<int>(std::floor((damage.x0 - origin.x) * scale.x)) - 1);
    const int y0 = std::max(0, static_cast<int>(std::floor((damage.y0 - origin.y) * scale.y)) - 1);
    const int x1 = std::min(fb_w, static_cast<int>(std::ceil((damage.x1 - origin.x) * scale.x)) + 1);
    const int y1 = std::min(fb_h, static_cast<int>(std::ceil((damage.y1 - origin.y) * scale.y)) + 1);
    if (x1 <= x0 || y1 <= y0) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0, fb_h - y1, x1 - x0, y1 - y0);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    // The backend scissors every command to its clip rectangle: narrow those to the damage.
    const ImVec4 only(origin.x + static_cast<float>(x0) / scale.x, origin.y + static_cast<float>(y0) / scale.y,
                      origin.x + static_cast<float>(x1) / scale.x, origin.y + static_cast<float>(y1) / scale.y);
    for (int n = 0; n < dd->CmdListsCount; ++n)
        for (ImDrawCmd& c : dd->CmdLists[n]->CmdBuffer) {
            c.ClipRect = ImVec4(std::max(c.ClipRect.x, only.x), std::max(c.ClipRect.y, only.y),
                                std::min(c.ClipRect.z, only.z), std::min(c.ClipRect.w, only.w));
        }
    ImGui_ImplOpenGL3_RenderDrawData(dd);
    last_drawn_pixels_ = static_cast<long long>(x1 - x0) * (y1 - y0);
    if (keep_copy_) copy_frame(x0, y0, x1, y1, fb_w, fb_h);
}

// The part of the back buffer just drawn (x0, y0 from the top left) into the shared texture, with
// its smaller sizes for a sharp small preview; flushed so another context sees it.
void Window::copy_frame(int x0, int y0, int x1, int y1, int fb_w, int fb_h) {
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    if (!copy_texture_) glGenTextures(1, &copy_texture_);
    glBindTexture(GL_TEXTURE_2D, copy_texture_);
    if (copy_w_ != fb_w || copy_h_ != fb_h) {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, fb_w, fb_h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        copy_w_ = fb_w;
        copy_h_ = fb_h;
        x0 = y0 = 0;
        x1 = fb_w;
        y1 = fb_h;
    }
    glCopyTexSubImage2D(GL_TEXTURE_2D, 0, x0, fb_h - y1, x0, fb_h - y1, x1 - x0, y1 - y0);
    if (x1 - x0 == fb_w && y1 - y0 == fb_h)
        glGenerateMipmap(GL_TEXTURE_2D);
    else  // a countdown's tick: only its digits' part of each smaller size (mip_update.hpp)
        update_mips(copy_texture_, fb_w, fb_h, x0, fb_h - y1, x1, fb_h - y0, mip_fbos_);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    glFlush();
    ++copy_generation_;
}

void Window::invalidate() { last_frame_.reset(); }

void Window::damage(float x0, float y0, float x1, float y1) {
    if (extra_damage_[2] > extra_damage_[0] && extra_damage_[3] > extra_damage_[1]) {
        x0 = std::min(x0, extra_damage_[0]);
        y0 = std::min(y0, extra_damage_[1]);
        x1 = std::max(x1, extra_damage_[2]);
        y1 = std::max(y1, extra_damage_[3]);
    }
    extra_damage_ = {x0, y0, x1, y1};
}

void Window::swap() {
    if (glfwGetCurrentContext() != window_) glfwMakeContextCurrent(window_);
    glfwSwapBuffers(window_);
}


void Window::reload_font_texture() {
    last_frame_.reset();  // the same texture name with other glyphs: draw everything again
    if (!gl_objects_) {
        gl_objects_ = true;
        ImGui_ImplOpenGL3_CreateDeviceObjects();  // compiles the shaders, uploads the font texture
        return;
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace pilotdeck::platform
