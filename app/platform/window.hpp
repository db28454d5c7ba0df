// The presenter window: a GLFW window with an OpenGL 3.3 core context and the Dear ImGui
// backends set up. It knows nothing about workshops.
#pragma once

#include <array>
#include <deque>
#include <memory>
#include <string>

struct GLFWwindow;

namespace pilotdeck::platform {

// True when a graphical session is reachable; otherwise `why` says what is missing.
bool display_available(std::string* why);

struct WindowOptions {
    std::string title = "pilotdeck";
    int width = 1280;
    int height = 720;
    bool visible = true;  // false: a hidden window, for off-screen screenshots
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
    // modifiers, by one frame (ImGui 1.86 has no input queue). While events are pending it
    // does not wait.
    bool wait_events(double timeout_seconds);

    // Starts an ImGui frame. When display_w/h are > 0 the frame is laid out for that size
    // (off-screen rendering) instead of the window's.
    void begin_frame(int display_w = 0, int display_h = 0);
    // Renders the ImGui frame into the bound framebuffer, cleared to `clear` (RGB).
    void render(const float clear[3]);
    void swap();

    // After the font atlas changed (between frames): re-uploads its texture.
    void reload_font_texture();

    // Benchmarks measure building a frame (NewFrame to Render) without the GL draw: with drawing
    // off, render() ends the ImGui frame and submits nothing to OpenGL.
    void set_gl_draw(bool on) { gl_draw_ = on; }

    GLFWwindow* handle() const { return window_; }
    void mark_activity() { activity_ = true; }
    void queue_key(int key, bool down) { pending_keys_.push_back({key, down}); }

private:
    bool gl_draw_ = true;
    explicit Window(GLFWwindow* w) : window_(w) {}
    GLFWwindow* window_ = nullptr;
    bool fullscreen_ = false;
    bool activity_ = true;
    struct KeyEvent { int key; bool down; };
    std::deque<KeyEvent> pending_keys_;
    std::array<bool, 512> keys_down_{};  // ImGuiIO::KeysDown has 512  // as the frames have seen them
    int saved_x_ = 0, saved_y_ = 0, saved_w_ = 0, saved_h_ = 0;
};

}  // namespace pilotdeck::platform
