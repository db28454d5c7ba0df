// Robustness (contracts 8) beside the plain shortlist computation of the same workshop, and the
// cost of the screening classes and gates in selection (contracts 7).
#include <atomic>
#include <chrono>
#include <ctime>
#include <thread>

#include "bench_util.hpp"
#include "core/aggregate.hpp"
#include "core/robustness.hpp"
#include "core/selection.hpp"
#include "documents/documents.hpp"

namespace pilotdeck::bench {

namespace {

Stats plain_shortlist(const core::Workshop& ws, int runs) {
    const core::Aggregates agg = core::Aggregates::from_scores(ws.scores);
    return measure(runs, [&] {
        const auto results = core::summarize(ws.ideas, ws.criteria, agg);
        const auto sel = core::select_pilots(ws.ideas, results, ws.selection);
        if (sel.pilots.size() > ws.ideas.size()) std::abort();
    });
}

// Wall time, or (cpu) the process's CPU time over all threads: on a shared machine the wall
// time says little, the CPU time divided by the cores says what a quiet laptop would take.
Stats samples(const core::Workshop& ws, int runs, bool cpu = false) {
    core::RobustnessOptions options;  // 10,000 samples, the default concentration, all cores
    const auto body = [&] {
        if (core::robustness(ws, options).ideas.size() != ws.ideas.size()) std::abort();
    };
    if (!cpu) return measure(runs, body);
    return measure(runs, body, [] { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; });
}

// What the GUI's robustness panel relies on (issue 11: "with progress and cancel"): the gaps
// between progress reports while the samples run, and the time from asking to cancel to the
// return. Each run cancels after `after_ms`.
void progress_and_cancel(const core::Workshop& ws, int runs, double after_ms) {
    using clock = std::chrono::steady_clock;
    const auto ms = [](clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
    std::vector<double> gaps, cancels;
    for (int run = 0; run < runs; ++run) {
        std::atomic<bool> cancel{false};
        core::RobustnessOptions options;
        options.threads = 1;  // as the panel runs it: one thread, the frames keep the other core
        options.cancel = &cancel;
        clock::time_point last = clock::now();
        options.progress = [&](int, int) {
            const clock::time_point now = clock::now();
            gaps.push_back(ms(now - last));
            last = now;
        };
        clock::time_point asked{};
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(after_ms));
            asked = clock::now();
            cancel = true;
        });
        const core::RobustnessResult r = core::robustness(ws, options);
        const clock::time_point returned = clock::now();
        canceller.join();
        if (!r.cancelled) std::abort();  // finished before the cancel: the workshop is too small for this measure
        cancels.push_back(ms(returned - asked));
    }
    report("robustness.progress_gap", summarize(gaps));
    report("robustness.cancel", summarize(cancels));
}

}  // namespace

void report_robustness(const core::Workshop& ws, const std::string& demo_path, int runs) {
    const core::Workshop demo = documents::load_workshop(demo_path);
    const Stats demo_plain = plain_shortlist(demo, runs), plain = plain_shortlist(ws, runs);
    report("robustness.demo", samples(demo, std::min(runs, 11)), demo_plain);
    report("robustness.demo.cpu", samples(demo, std::min(runs, 11), true), demo_plain);
    report("robustness", samples(ws, 3), plain);
    report("robustness.cpu", samples(ws, 3, true), plain);
    if (ws.ideas.size() >= 500) progress_and_cancel(ws, 5, 500);
}

void report_screening(const core::Workshop& ws, int runs) {
    // Every idea screened (a tenth high-risk, a tenth with open questions): the classes are
    // computed in every selection, against the same selection with the classes given.
    core::Workshop screened = ws;
    std::size_t k = 0;
    for (core::Idea& idea : screened.ideas) {
        core::Assessment a;
        for (std::string_view q : core::screening_questions()) a.answers.set(q, false);
        if (k % 10 == 3) a.answers.set("H4", true);
        if (k % 10 == 7) a.answers.set("P2", std::nullopt);
        idea.assessment = a;
        ++k;
    }
    const core::Aggregates agg = core::Aggregates::from_scores(screened.scores);
    const auto classes = core::classify_ideas(screened.ideas);
    std::vector<core::AiActClass> all_minimal(screened.ideas.size(), core::AiActClass::Minimal);
    const auto with = measure(runs, [&] {
        const auto results = core::summarize(screened.ideas, screened.criteria, agg);
        const auto sel = core::select_pilots(screened.ideas, results, screened.selection);
        if (sel.pilots.size() + sel.not_selected.size() != screened.ideas.size()) std::abort();
    });
    const auto without = measure(runs, [&] {
        const auto results = core::summarize(screened.ideas, screened.criteria, agg);
        const auto sel = core::select_pilots(screened.ideas, results, screened.selection, all_minimal);
        if (sel.pilots.size() + sel.not_selected.size() != screened.ideas.size()) std::abort();
    });
    report("selection.screened", with, without);
    // The classes alone, for every idea (what the line above adds to a selection).
    report("selection.classify", measure(runs, [&] {
               if (core::classify_ideas(screened.ideas).size() != screened.ideas.size()) std::abort();
           }));
}

}  // namespace pilotdeck::bench
