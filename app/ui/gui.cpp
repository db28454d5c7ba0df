#include "ui/gui.hpp"

#include <chrono>
#include <exception>
#include <filesystem>
#include <future>
#include <iostream>
#include <optional>

#include <imgui.h>

#include "base/i18n.hpp"
#include "core/model.hpp"
#include "documents/documents.hpp"
#include "platform/offscreen.hpp"
#include "platform/paths.hpp"
#include "platform/screens.hpp"
#include "platform/startup_trace.hpp"
#include "platform/window.hpp"
#include "storage/workshop_file.hpp"
#include "ui/app.hpp"
#include "ui/panels.hpp"
#include "ui/fonts.hpp"
#include "ui/settings.hpp"
#include "ui/workshop_controller.hpp"

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
    fail(i18n::format(i18n::tr("{0}; the GUI needs a graphical session \u2014 try `pilotdeck --help` for the command line"), {why}));
    return false;
}

// The demo workshop, created from the demo document when missing.
std::string demo_file(const std::string& demo_document) {
    const std::string path = demo_workshop_path();
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return path;
    std::filesystem::create_directories(platform::data_dir());
    storage::WorkshopFile::create(path, documents::load_workshop(demo_document)).reset();
    return path;
}

// What the loader thread prepares (the workshop through the controller's open_workshop) while the main thread starts GLFW and opens the window.
struct Prepared {
    Settings settings;
    Fonts fonts;              // in the shared atlas, built for font_px
    float font_px = 0;
    OpenWorkshop workshop;    // no session: none could be opened; the start screen says why
    std::string error;
    bool report = false;      // the file named on the command line failed: say so on stderr too
};

void open_first(const GuiOptions& o, Prepared& p) {
    auto try_open = [&p](const std::string& path) {
        try {
            p.workshop = open_workshop(path, false);
            p.error.clear();
            return true;
        } catch (const std::exception& e) {
            p.error = e.what();
            return false;
        }
    };
    if (!o.file.empty()) {
        p.report = !try_open(o.file);  // the file is not touched on failure
        return;
    }
    std::error_code ec;
    const auto& recent = p.settings.recent;
    if (!recent.empty() && std::filesystem::exists(recent.front(), ec) && try_open(recent.front())) return;
    try {
        try_open(demo_file(o.demo_document));
    } catch (const std::exception& e) {
        p.error = e.what();
    }
}

}  // namespace

int run_gui(const GuiOptions& o) {
    namespace startup = platform::startup;
    if (!check_display()) return 1;
    // The settings, the fonts and the workshop are made ready on a loader thread while this one
    // starts GLFW and creates the window and GL context (most of the start). The atlas is
    // declared first: the ImGui context shares it, and the loader fills it before the context
    // exists (Window::create waits for it just before creating the context).
    ImFontAtlas atlas;
    Prepared prepared;
    std::promise<void> fonts_built;
    std::future<void> fonts_ready = fonts_built.get_future();
    std::future<void> loaded = std::async(std::launch::async, [&] {
        {
            startup::Step step("settings", true);
            prepared.settings = load_settings();
        }
        try {
            startup::Step step("fonts", true);
            prepared.font_px = body_font_px(kWindowHeight, prepared.settings.zoom);
            build_fonts(atlas, prepared.fonts, prepared.font_px);
        } catch (...) {
            fonts_built.set_value();  // the window goes on; loaded.get() below rethrows this
            throw;
        }
        fonts_built.set_value();
        startup::Step step("workshop", true);
        open_first(o, prepared);
    });
    std::string error;
    platform::WindowOptions wo{"pilotdeck", kWindowWidth, kWindowHeight, true, {}};
    wo.shared_fonts = [&] {
        fonts_ready.wait();
        return &atlas;
    };
    auto window = platform::Window::create(wo, error);
    if (!window) {
        loaded.wait();
        return fail(error);
    }
    std::optional<std::vector<platform::Screen>> forced;
    if (!o.screens.empty() && o.screens != "one") {
        forced = platform::parse_screens(o.screens);
        if (!forced) {
            loaded.wait();
            return fail("--screens \"" + o.screens + "\" is not \"one\" nor screens like 1366x768+0+0,1920x1080+1366+0");
        }
    }
    App app(*window, true, o.templates_dir, prepared.settings);
    app.use_prebuilt_fonts(prepared.fonts, prepared.font_px);
    {
        startup::Step step("gl objects");
        app.prepare_gl();  // shaders and the font texture while the loader may still be opening the file
    }
    {
        std::optional<startup::Step> step(std::in_place, "wait for workshop");
        loaded.get();
        step.emplace("show");
        if (prepared.workshop.session) {
            app.workshop().show(std::move(prepared.workshop));
        } else {
            app.show_start(prepared.error);
            if (prepared.report) std::cerr << "pilotdeck: " << prepared.error << "\n";
        }
    }
    if (o.screens != "one") app.use_two_screens(forced ? *forced : platform::desktop_screens());
    app.run();
    return 0;
}

int take_screenshot(const ScreenshotOptions& o) {
    const auto kind = core::stage_kind_from(o.stage);
    if (!kind) return fail(i18n::format(i18n::tr("unknown stage \"{0}\" (intro, concerns, ideas, scoring, matrix, shortlist)"), {o.stage}));
    if (o.width <= 0 || o.height <= 0) return fail(i18n::tr("the screenshot size must be positive"));
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
    if (stage < 0) return fail(i18n::format(i18n::tr("{0}: the workshop has no {1} stage"), {o.file, o.stage}));
    // The stage is chosen in memory only: the session has no store, the file is read-only.
    w.session = std::make_unique<core::Session>(w.session->workshop(), stage, nullptr);

    if (!check_display()) return 1;
    std::string error;
    auto window = platform::Window::create({"pilotdeck screenshot", o.width, o.height, false, {}}, error);
    if (!window) return fail(error);
    App app(*window, false, {});
    app.show(std::move(w));
    app.page_within_stage(o.steps);
    platform::OffscreenTarget target(o.width, o.height);
    if (!target.ok()) return fail(i18n::format(i18n::tr("cannot create an off-screen image of {0}x{1}"),
                                              {std::to_string(o.width), std::to_string(o.height)}));
    target.bind();
    for (int i = 0; i < kSettleFrames; ++i) {
        window->wait_events(0);
        app.frame(o.width, o.height);
    }
    // What the screen shows once the background check is done (the same picture every time),
    // within a minute; then the frames that draw its result.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (app.background_busy() && std::chrono::steady_clock::now() < give_up) {
        window->wait_events(0.001);
        app.frame(o.width, o.height);
    }
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
