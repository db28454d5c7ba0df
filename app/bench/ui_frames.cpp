// ui_frame.STAGE: thread CPU time to build one frame of the real presenter window (NewFrame to
// Render) for each stage, with the GL draw switched off; baseline: the ImGui demo window built the
// same way in the same run. Needs an X display (Xvfb is fine); skipped with a note without one.
#include <time.h>

#include <imgui.h>

#include <array>
#include <iostream>
#include <memory>

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
}

}  // namespace pilotdeck::bench
