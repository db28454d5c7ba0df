// ui_frame.STAGE: thread CPU time to build one frame of the real presenter window (NewFrame to
// Render) for each stage, with the GL draw switched off; baseline: the ImGui demo window built the
// same way in the same run. And language_switch.next_frame (below). Needs an X display (Xvfb is fine); skipped with a note without one.
#include <time.h>

#include <GL/gl.h>
#include <imgui.h>

#include <array>
#include <iostream>
#include <memory>

#include "base/i18n.hpp"
#include "bench_util.hpp"
#include "platform/window.hpp"
#include "ui/app.hpp"

namespace pilotdeck::bench {

namespace {

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

constexpr int kWidth = 1920, kHeight = 1080, kWarmUp = 5;

// language_switch: View > Language from English to German and back (the same as the menu: the
// choice overrides, the next frame speaks it), wall time from the switch to the next frame drawn
// and finished by OpenGL (glFinish), on the concerns stage. The font atlas must stay as it is
// (same texture, same size, same glyphs): a switch that rebuilt it would say so on stderr.
void report_language_switch(platform::Window& window, const std::string& file, int runs) {
    ui::OpenWorkshop w = ui::open_workshop(file, true);
    int stage = 0;
    const auto& stages = w.session->workshop().stages;
    for (std::size_t i = 0; i < stages.size(); ++i)
        if (stages[i].kind == core::StageKind::Concerns) stage = static_cast<int>(i);
    w.session = std::make_unique<core::Session>(w.session->workshop(), stage, nullptr);
    window.set_gl_draw(true);
    ui::App app(window, false, {});
    app.show(std::move(w));
    for (int i = 0; i < kWarmUp; ++i) app.frame(kWidth, kHeight);
    const auto atlas = [] {
        const ImFontAtlas* a = ImGui::GetIO().Fonts;
        int glyphs = 0;
        for (const ImFont* f : a->Fonts) glyphs += f->Glyphs.Size;
        return std::array<long long, 4>{reinterpret_cast<long long>(a->TexID), a->TexWidth, a->TexHeight, glyphs};
    };
    const auto before = atlas();
    bool german = false;
    const auto switch_and_frame = [&] {
        german = !german;
        i18n::set_override(german ? i18n::Language::De : i18n::Language::En);
        app.frame(kWidth, kHeight);
    };
    // Wall time to the next frame on screen, the switch and a whole frame drawn (every text
    // changed); beside it the same whole frame drawn without a switch (the renderer's share:
    // with Mesa's software rasteriser on a busy machine nearly all of it).
    const Stats s = measure(runs * 2, [&] {
        switch_and_frame();
        glFinish();
    });
    const Stats same = measure(runs * 2, [&] {
        window.invalidate();
        app.frame(kWidth, kHeight);
        glFinish();
    });
    // The switch's own work: thread CPU time of switching and building the frame, no GL draw.
    window.set_gl_draw(false);
    const Stats built = measure(runs * 2, switch_and_frame, thread_cpu_ms);
    i18n::set_override(std::nullopt);
    if (atlas() != before) std::cerr << "pilotdeck-bench: language_switch: the font atlas changed\n";
    report("language_switch.build_cpu", built);
    report("language_switch.next_frame", s, same);
}

}  // namespace

void report_ui_frames(const std::string& file, int runs) {
    std::string why;
    if (!platform::display_available(&why)) {
        std::cerr << "pilotdeck-bench: ui_frame skipped: " << why << "\n";
        return;
    }
    std::string error;
    auto window = platform::Window::create({"pilotdeck-bench", kWidth, kHeight, false, {}}, error);
    if (!window) {
        std::cerr << "pilotdeck-bench: ui_frame skipped: " << error << "\n";
        return;
    }
    window->set_gl_draw(false);

    // The baseline: the ImGui demo window, all its sections open as far as a first look goes.
    const float clear[3] = {1, 1, 1};
    const Stats demo = measure(runs + kWarmUp, [&] {
        window->begin_frame(kWidth, kHeight);
        ImGui::ShowDemoWindow();
        window->render(clear);
    }, thread_cpu_ms);

    constexpr std::array<core::StageKind, 6> kinds{core::StageKind::Intro,   core::StageKind::Concerns,
                                                  core::StageKind::Ideas,   core::StageKind::Scoring,
                                                  core::StageKind::Matrix,  core::StageKind::Shortlist};
    for (core::StageKind kind : kinds) {
        ui::OpenWorkshop w = ui::open_workshop(file, true);
        int stage = -1;
        const auto& stages = w.session->workshop().stages;
        for (std::size_t i = 0; i < stages.size() && stage < 0; ++i)
            if (stages[i].kind == kind) stage = static_cast<int>(i);
        if (stage < 0) continue;
        w.session = std::make_unique<core::Session>(w.session->workshop(), stage, nullptr);
        ui::App app(*window, false, {});
        app.show(std::move(w));
        for (int i = 0; i < kWarmUp; ++i) app.frame(kWidth, kHeight);
        report("ui_frame." + std::string(core::to_string(kind)),
               measure(runs, [&] { app.frame(kWidth, kHeight); }, thread_cpu_ms), demo);
    }
    report_language_switch(*window, file, runs);
}

}  // namespace pilotdeck::bench
