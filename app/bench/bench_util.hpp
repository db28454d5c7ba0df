// Timing and reporting shared by the measures of pilotdeck-bench.
#pragma once

#include <algorithm>
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace pilotdeck::bench {

struct Stats {
    double median = 0, p95 = 0;
    int runs = 0;
};

// Median and 95th percentile of samples in milliseconds.
inline Stats summarize(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    Stats s;
    s.runs = static_cast<int>(ms.size());
    s.median = ms[ms.size() / 2];
    s.p95 = ms[std::min(ms.size() - 1, static_cast<std::size_t>(static_cast<double>(ms.size()) * 0.95))];
    return s;
}

// Runs `body` `runs` times and returns the median and 95th percentile in milliseconds.
// `clock` defaults to wall time; the UI frames pass thread CPU time.
inline Stats measure(int runs, const std::function<void()>& body,
                     const std::function<double()>& clock_ms = [] {
                         return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
                     }) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const double t0 = clock_ms();
        body();
        ms.push_back(clock_ms() - t0);
    }
    return summarize(std::move(ms));
}

inline double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

// CPU seconds (user + system) of the whole process so far: every thread, the server's and the
// simulated phones' alike. The phone measures divide a run's share by its requests.
inline double process_cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const auto sec = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return sec(u.ru_utime) + sec(u.ru_stime);
}

inline void report(const std::string& name, const Stats& s, std::optional<Stats> baseline = std::nullopt) {
    nlohmann::ordered_json j;
    j["name"] = name;
    j["median_ms"] = round3(s.median);
    j["p95_ms"] = round3(s.p95);
    j["runs"] = s.runs;
    if (baseline) {
        j["baseline_median_ms"] = round3(baseline->median);
        j["ratio"] = baseline->median > 0 ? round3(s.median / baseline->median) : 0.0;
    }
    std::cout << j.dump() << std::endl;
}

// robustness.cpp: robustness.demo and robustness (10,000 samples) beside the plain shortlist;
// selection.screened: selection with screening classes against the same without.
void report_robustness(const core::Workshop& ws, const std::string& demo_path, int runs);
void report_screening(const core::Workshop& ws, int runs);

// ui_frames.cpp (only when the GUI is built): one ui_frame.STAGE line per stage kind.
void report_ui_frames(const std::string& workshop_file, int runs);
// first_frame.cpp (likewise): starts `pilotdeck open` `runs` times, one first_frame line.
void report_first_frame(const std::string& workshop_file, const std::string& dir, int runs);

// phones.cpp (when the phone server is built): phones.serve.saved, phones.gui.saved and
// phones.gui.visible, each over `rounds` rounds of 60 phones voting at once.
void report_phones(const std::filesystem::path& dir, int rounds);
// phones.cpp: phones.scale.60/300/500 and phones.scale.500.tokens8000 (one round each).
void report_phones_scale(const std::filesystem::path& dir);
// phones_judging.cpp: 300 jury phones judging pairwise at once (phones.judging.300): request to
// saved, and every acknowledged comparison in the file exactly once.
void report_phones_judging(const std::filesystem::path& dir);
// portfolio.cpp: `pilotdeck portfolio` over 50 workshop files of 100 ideas (portfolio.50x100).
void report_portfolio(const std::filesystem::path& dir, int runs);

// crowd_bt.cpp: crowd_bt.next_pair (300 teams), crowd_bt.update and crowd_bt.replay (10,000
// comparisons after undoing an early one).
void report_crowd_bt(int runs);

}  // namespace pilotdeck::bench
