// Is the choice robust? (contracts 8.) Many plausible variations of the workshop's weights and
// of who was in the room, each run through the same selection rules: how often is each idea
// chosen? Deterministic: the same workshop, samples, seed and concentration give the same
// result, whatever the number of threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace pilotdeck::core {

enum class RobustnessVerdict { Robust, Uncertain, Fragile, Out };
std::string_view to_string(RobustnessVerdict v);  // robust, uncertain, fragile, out

struct RobustnessOptions {
    int samples = 10000;       // K > 0
    std::uint64_t seed = 1;
    double concentration = 50;  // C > 0: higher keeps the sampled weights closer to the workshop's
    int threads = 0;           // 0: as many as the machine has (at most 2 are used on a 2-core laptop)
    // Called now and then from the calling thread with (samples done, samples in all).
    std::function<void(int, int)> progress;
    // Set (by any thread) to stop early; the result then says cancelled.
    const std::atomic<bool>* cancel = nullptr;
};

// What a chosen idea that is not robust depends on: among the sampled criterion weights (of
// axes with more than one criterion), the one whose mean differs most between the samples that
// chose it and those that did not; among the raters, the one whose presence in the drawn room
// changes its chance the most. Means are of the weight's share within its axis.
struct RobustnessDependence {
    std::optional<std::size_t> criterion;     // index into the workshop's criteria
    double weight_when_chosen = 0, weight_otherwise = 0;
    std::optional<std::size_t> rater;         // index into the workshop's participants
    double share_with_rater = 0, share_without_rater = 0;  // chosen share when drawn / not drawn
};

struct IdeaRobustness {
    std::size_t idea = 0;  // index into the workshop's ideas
    int selected = 0;      // samples in which it was chosen
    int top = 0;           // samples in which it ranked first (rule 1 of contracts 4)
    double selected_share = 0, top_share = 0;  // rounded to 3 decimals
    bool chosen = false;   // by the plain shortlist
    RobustnessVerdict verdict = RobustnessVerdict::Out;
    std::optional<RobustnessDependence> depends_on;  // chosen and uncertain or fragile
};

struct RobustnessResult {
    int samples = 0;
    bool cancelled = false;
    std::vector<IdeaRobustness> ideas;  // in the plain ranking's order
};

// Throws std::invalid_argument for samples < 1 or a concentration that is not a positive number.
RobustnessResult robustness(const Workshop& ws, const RobustnessOptions& options);

}  // namespace pilotdeck::core
