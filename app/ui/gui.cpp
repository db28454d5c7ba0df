#include "ui/gui.hpp"

#include <exception>
#include <filesystem>
#include <iostream>
#include <optional>

#include "core/model.hpp"
#include "documents/documents.hpp"
#include "platform/offscreen.hpp"
#include "platform/paths.hpp"
#include "platform/startup_trace.hpp"
#include "platform/window.hpp"
#include "storage/workshop_file.hpp"
#include "ui/app.hpp"
#include "ui/settings.hpp"

namespace pilotdeck::ui {

namespace {

constexpr int kWindowWidth = 1280;
constexpr int kWindowHeight = 720;
constexpr int kSettleFrames = 3;  // frames rendered before a screenshot is taken

int fail(const std::string& line) {
    std::cerr << "pilotdeck: " << line << "\n";
    return 1;
}

bool check_display() {
    std::string why;
    if (platform::display_available(&why)) return true;
    fail(why + "; the GUI needs a graphical session \u2014 try `pilotdeck --help` for the command line");
    return false;
}

// The demo workshop, created from the demo document when missing.
std::string demo_file(const std::string& demo_document) {
    const std::string path = platform::data_dir() + "/demo.pilotdeck";
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return path;
    std::filesystem::create_directories(platform::data_dir());
    storage::WorkshopFile::create(path, documents::load_workshop(demo_document)).reset();
    return path;
}

}  // namespace

int run_gui(const GuiOptions& o) {
    if (!check_display()) return 1;
    std::string error;
    auto window = platform::Window::create({"pilotdeck", kWindowWidth, kWindowHeight, true}, error);
    if (!window) return fail(error);
    std::optional<platform::startup::Step> step(std::in_place, "settings");
    App app(*window, true, o.templates_dir);
    step.emplace("workshop");

    if (!o.file.empty()) {
        // On failure the start screen says why too; the file was not touched.
        if (const std::string err = app.open(o.file); !err.empty()) std::cerr << "pilotdeck: " << err << "\n";
    } else {
        const Settings s = load_settings();
        std::error_code ec;
        bool opened = false;
        if (!s.recent.empty() && std::filesystem::exists(s.recent.front(), ec)) opened = app.open(s.recent.front()).empty();
        if (!opened) {
            try {
                app.open(demo_file(o.demo_document));
            } catch (const std::exception& e) {
                app.show_start(e.what());
            }
        }
    }
    step.reset();
    app.run();
    return 0;
}

int take_screenshot(const ScreenshotOptions& o) {
    const auto kind = core::stage_kind_from(o.stage);
    if (!kind) return fail("unknown stage \"" + o.stage + "\" (intro, concerns, ideas, scoring, matrix, shortlist)");
    if (o.width <= 0 || o.height <= 0) return fail("the screenshot size must be positive");
    OpenWorkshop w;
    try {
        w = open_workshop(o.file, true);
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    int stage = -1;
    const auto& stages = w.session->workshop().stages;
    for (std::size_t i = 0; i < stages.size() && stage < 0; ++i)
        if (stages[i].kind == *kind) stage = static_cast<int>(i);
    if (stage < 0) return fail(o.file + ": the workshop has no " + o.stage + " stage");
    // The stage is chosen in memory only: the session has no store, the file is read-only.
    w.session = std::make_unique<core::Session>(w.session->workshop(), stage, nullptr);

    if (!check_display()) return 1;
    std::string error;
    auto window = platform::Window::create({"pilotdeck screenshot", o.width, o.height, false}, error);
    if (!window) return fail(error);
    App app(*window, false, {});
    app.show(std::move(w));
    platform::OffscreenTarget target(o.width, o.height);
    if (!target.ok()) return fail("cannot create an off-screen image of " + std::to_string(o.width) + "x" +
                                  std::to_string(o.height));
    target.bind();
    for (int i = 0; i < kSettleFrames; ++i) {
        window->wait_events(0);
        app.frame(o.width, o.height);
    }
    const auto pixels = target.read_rgba();
    target.unbind();
    if (!platform::write_png(o.out_png, o.width, o.height, pixels, error)) return fail(error);
    return 0;
}

}  // namespace pilotdeck::ui
