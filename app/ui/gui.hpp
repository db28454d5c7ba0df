// The presenter GUI and its off-screen screenshots; the CLI calls these.
#pragma once

#include <string>

namespace pilotdeck::ui {

struct GuiOptions {
    std::string file;            // empty: the most recent workshop, else the demo
    std::string demo_document;   // path of assets/demo-workshop.json
    std::string templates_dir;
    // The screens (`--screens`): "" finds them (two or more: the presenter's view on the primary,
    // the room's view full screen on the next); "one": one window whatever is connected;
    // "WxH+X+Y,WxH+X+Y": these two screens, the laptop's first (tests, and desktops whose second
    // screen GLFW does not report).
    std::string screens;
};

// Runs the GUI until the presenter quits. Returns the exit code; with no display it prints
// one line to stderr and returns 1.
int run_gui(const GuiOptions& o);

struct ScreenshotOptions {
    std::string file;
    std::string stage;  // intro|concerns|ideas|scoring|matrix|shortlist
    std::string out_png;
    int width = 1920, height = 1080;
    int steps = 0;  // PageDown presses within the stage first (the pitches' phases, the awards' reveals)
};

// contracts.md §1 `screenshot`: the real GUI for that stage rendered in a hidden window into
// a PNG. The workshop is opened read-only and never changed. Exit 1 with one error line.
int take_screenshot(const ScreenshotOptions& o);

}  // namespace pilotdeck::ui
