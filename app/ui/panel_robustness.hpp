// "Is the choice robust?" on the shortlist stage (contracts 8): core::robustness runs in a
// thread of its own on a copy of the workshop, with a progress bar and Cancel, and never blocks
// a frame; it runs again (after a short pause) whenever the workshop changes — rules, pins,
// weights or scores. Each pilot shows its verdict, and one that is not robust what it depends on.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/robustness.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

class RobustnessPanel {
public:
    RobustnessPanel() = default;
    RobustnessPanel(const RobustnessPanel&) = delete;
    RobustnessPanel& operator=(const RobustnessPanel&) = delete;
    ~RobustnessPanel();

    // The section: progress and Cancel while it runs, else each pilot's verdict.
    void draw(UiContext& ctx);
    // The pilot's verdict line (and what it depends on), for its card; nothing before a result.
    void verdict(UiContext& ctx, const std::string& idea_id);
    // Stops the running computation (Cancel); it starts again on the next change or "Check again".
    void cancel();
    bool running() const { return job_ != nullptr; }
    void set_samples(int samples) { samples_ = samples; }  // 10,000 unless a test says otherwise

private:
    struct Job {
        std::thread thread;
        std::atomic<int> done{0}, total{0};
        std::atomic<bool> cancel{false}, finished{false};
        core::RobustnessResult result;
        std::string error;
        std::uint64_t revision = 0;
        std::vector<std::string> idea_ids;  // the snapshot's ideas, in order
    };
    void poll();
    void start(const UiContext& ctx);

    std::unique_ptr<Job> job_;
    std::optional<core::RobustnessResult> result_;
    std::vector<std::string> result_ids_;  // the ideas the result's indices refer to
    std::uint64_t result_revision_ = 0;
    std::uint64_t seen_revision_ = 0;      // the revision the pause is counted from
    double seen_at_ = 0;
    bool stopped_ = false;                 // cancelled by hand: waits for "Check again" or a change
    std::string error_;
    int samples_ = 10000;
};

}  // namespace pilotdeck::ui
