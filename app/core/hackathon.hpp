// The results of a hackathon (contracts 6): the ranking (pairwise by Crowd-BT, or criteria over
// the jury's scores), the awards with their ties, and the recusals. Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/recusal.hpp"

namespace pilotdeck::core {

struct RankedTeam {
    std::size_t team = 0;  // index into the workshop's teams
    int rank = 1;          // 1-based; teams that tie share a rank ("1, 1, 3")
    // pairwise: Crowd-BT's estimate, rounded to 5 decimals (what is written is what ranks)
    double mu = 0, sigma_sq = 1;
    // criteria: section 4's axis scores over the jury's scores, rounded to 2 decimals
    std::optional<double> benefit, risk, visibility;
    int raters = 0;
};

struct AwardOutcome {
    std::size_t award = 0;              // index into the workshop's awards
    std::optional<std::size_t> team;    // nullopt: nothing to award yet
    std::vector<std::size_t> tied_with; // the other tied teams, by name
    std::string why;                    // one sentence
};

struct HackathonResults {
    JudgingMethod method = JudgingMethod::Criteria;
    std::vector<RankedTeam> ranking;  // best first
    std::vector<AwardOutcome> awards; // in the workshop's award order
    std::vector<RecusalEntry> recusals;
};

// Rounds half away from zero to 5 decimals.
double round5(double x);

// Every comparison counts, in document order (repeats included).
HackathonResults hackathon_results(const Workshop& ws);

// The jury's scores: those given by participants with role jury (recused ones never count).
std::vector<Score> jury_scores(const Workshop& ws);

}  // namespace pilotdeck::core
