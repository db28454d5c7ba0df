// The presenter window: a GLFW window with an OpenGL 3.3 core context and the Dear ImGui
// backends set up. It knows nothing about workshops.
#pragma once

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <string>

struct GLFWwindow;
struct ImFontAtlas;
struct ImGuiContext;

namespace pilotdeck::platform {

class Window;

// True when a graphical session is reachable; otherwise `why` says what is missing.
bool display_available(std::string* why);

struct WindowOptions {
    std::string title = "pilotdeck";
    int width = 1280;
    int height = 720;
    bool visible = true;  // false: a hidden window, for off-screen screenshots
    // Called on this thread once the window and its GL context exist, just before the ImGui
    // context is created: returns a font atlas for the context to use (it must outlive the
    // window), or null for ImGui's own. The start uses it to wait for the fonts a loader thread
    // built while GLFW and GL started (no ImGui context may exist while that thread builds).
    std::function<ImFontAtlas*()> shared_fonts;
    // A second window (the presenter's beside the room's): its GL context shares textures with
    // this one's (the font atlas's texture, the room's picture for the preview), and with
    // shared_fonts its ImGui context uses the same atlas.
    const Window* share = nullptr;
};

class Window {
public:
    // Creates the window, the GL context and the ImGui context with its GLFW and OpenGL3
    // backends. Returns null and sets `error` (one line) on failure.
    static std::unique_ptr<Window> create(const WindowOptions& o, std::string& error);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    bool should_close() const;
    void request_close();

    void set_title(const std::string& title);
    bool fullscreen() const { return fullscreen_; }
    void set_fullscreen(bool on);

    // Framebuffer size in pixels.
    int width() const;
    int height() const;

    // Blocks until an input event arrives or `timeout_seconds` passed (<= 0: no wait).
    // Returns true when some input or window event happened since the last call.
    // Key events are handed to ImGui one change per key per frame, releases after presses,
    // so a key pressed and released between two frames is still seen down, with its
    // modifiers, by one frame (ImGui 1.86 has no input queue); characters keep their order
    // with keys and clicks (see wait_events). While events are pending it does not wait.
    bool wait_events(double timeout_seconds);
    // With two windows (screens.hpp): one wait for both (GLFW has one event queue), then each
    // window hands its own input to its own ImGui context. wait_any does not wait while either
    // window has input queued.
    static void wait_any(double timeout_seconds, bool input_pending);
    bool take_input();
    // Makes this window's GL and ImGui contexts current (a frame, a font upload, the end).
    void make_current();

    // Places the window on a screen (its position and size in the desktop's pixels): full
    // screen (no decoration, covering it; on `monitor` when GLFW knows it) or a window filling
    // its work area. F11 then toggles full screen on this screen.
    void place(int x, int y, int width, int height, void* monitor, bool fullscreen);

    // Keeps a copy of each frame drawn in a texture shared with windows made with `share`
    // (the presenter's preview of the room). Only the part a frame drew is copied.
    void keep_copy(bool on) { keep_copy_ = on; }
    unsigned copy_texture() const { return copy_texture_; }
    int copy_width() const { return copy_w_; }
    int copy_height() const { return copy_h_; }
    // Counts the copies: a window showing the texture draws itself again when it changes.
    unsigned long copy_generation() const { return copy_generation_; }
    // The next frame is drawn whole (its picture changed in a way the draw lists do not show).
    void invalidate();
    // The next frame draws this part again (display coordinates), whatever its draw lists say: a
    // texture that changed under the same id (the presenter's picture of the room).
    void damage(float x0, float y0, float x1, float y1);

    // Starts an ImGui frame. When display_w/h are > 0 the frame is laid out for that size
    // (off-screen rendering) instead of the window's.
    void begin_frame(int display_w = 0, int display_h = 0);
    // Renders the ImGui frame into the bound framebuffer, cleared to `clear` (RGB).
    // With partial redraw on, only the part of the window whose drawing changed since the last
    // frame is cleared and drawn again (nothing, when nothing changed).
    void render(const float clear[3]);

    // Partial redraw (for the window's own loop; off by default, so off-screen renders are
    // always whole). It is used only where the back buffer still holds the last frame after a
    // swap: when GLX_EXT_buffer_age says so (age 1), or, where the driver does not report the
    // age, with Mesa's software rasterisers (llvmpipe, softpipe), which present by copying the
    // back buffer to the window (XPutImage) and keep it.
    // PILOTDECK_FULL_REDRAW=1 turns it off. Textures are compared by id: one whose pixels change
    // under the same id must come with reload_font_texture() or set_partial_redraw() (both start
    // again from a whole frame); today the font atlas is the only texture.
    void set_partial_redraw(bool on);
    // Pixels cleared and drawn by the last render() (the whole framebuffer for a full frame).
    long long last_drawn_pixels() const { return last_drawn_pixels_; }
    void swap();

    // After the font atlas changed (between frames): re-uploads its texture. The first call
    // also creates the renderer's shaders and buffers (otherwise made, with a second upload of
    // the texture, by the first frame).
    void reload_font_texture();

    // Benchmarks measure building a frame (NewFrame to Render) without the GL draw: with drawing
    // off, render() ends the ImGui frame and submits nothing to OpenGL.
    void set_gl_draw(bool on) { gl_draw_ = on; }

    GLFWwindow* handle() const { return window_; }
    ImGuiContext* imgui_context() const { return imgui_; }
    void mark_activity() { activity_ = true; }
    // Input queued and not yet handed to ImGui (the loop drains it before it ends: letters typed
    // just before the window was closed still reach their field and are saved).
    bool has_pending_input() const { return !pending_.empty(); }
    // The window lost the keyboard focus since the last call (the app then commits what is typed).
    bool take_focus_lost() {
        const bool lost = focus_lost_;
        focus_lost_ = false;
        return lost;
    }
    // In order with the input: letters typed before the focus went are handed to ImGui first.
    void note_focus(bool focused) {
        if (!focused) pending_.push_back({InputEvent::FocusLost, 0, false});
    }
    // Input as it arrives, for wait_events to hand to ImGui in order.
    void queue_key(int key, bool down) { pending_.push_back({InputEvent::Key, static_cast<unsigned>(key), down}); }
    void queue_char(unsigned codepoint) { pending_.push_back({InputEvent::Char, codepoint, false}); }
    void queue_button(int button, bool down) { pending_.push_back({InputEvent::Button, static_cast<unsigned>(button), down}); }

private:
    bool gl_draw_ = true;
    bool gl_objects_ = false;  // the renderer's shaders, buffers and font texture exist
    // Partial redraw: the last frame as drawn (what the back buffer holds), to compare with.
    struct DrawnCmd {
        float clip[4];
        void* texture;
        unsigned vtx_offset, idx_offset, elem_count;
        bool callback;
        bool operator==(const DrawnCmd& o) const;
    };
    struct DrawnList;
    struct DrawnFrame;
    bool partial_redraw_ = false;
    bool keeps_back_buffer_ = false;  // known from the renderer (Mesa's software rasterisers)
    std::unique_ptr<DrawnFrame> last_frame_;  // null: the next frame is drawn whole
    std::array<float, 4> extra_damage_{};       // damage(): x0, y0, x1, y1 (empty: none)
    long long last_drawn_pixels_ = 0;
    explicit Window(GLFWwindow* w);
    void copy_frame(int x0, int y0, int x1, int y1, int fb_w, int fb_h);
    GLFWwindow* window_ = nullptr;
    ImGuiContext* imgui_ = nullptr;
    bool keep_copy_ = false;
    unsigned copy_texture_ = 0;
    int copy_w_ = 0, copy_h_ = 0;
    unsigned long copy_generation_ = 0;
    unsigned mip_fbos_[2] = {};  // update_mips()
    // place(): the screen F11 makes full screen (monitor_ null: the primary monitor, or when
    // GLFW does not know the screen, an undecorated window covering it).
    bool placed_ = false;
    int place_x_ = 0, place_y_ = 0, place_w_ = 0, place_h_ = 0;
    void* monitor_ = nullptr;
    bool fullscreen_ = false;
    bool activity_ = true;
    bool focus_lost_ = false;
    struct InputEvent {
        enum Kind { Key, Char, Button, FocusLost } kind;
        unsigned value;  // the GLFW key or mouse button, or the character's code point
        bool down;
    };
    std::deque<InputEvent> pending_;
    std::array<bool, 5> mouse_down_{};  // ImGuiIO::MouseDown, as the frames have seen them
    std::array<bool, 512> keys_down_{};  // ImGuiIO::KeysDown has 512  // as the frames have seen them
    int saved_x_ = 0, saved_y_ = 0, saved_w_ = 0, saved_h_ = 0;
};

}  // namespace pilotdeck::platform
