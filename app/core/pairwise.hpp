// Pairwise judging (contracts 6): the Crowd-BT state of every team and judge, built by replaying
// the comparisons in order, and the choice of a judge's next pair as Gavel makes it.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/crowd_bt.hpp"
#include "core/model.hpp"

namespace pilotdeck::core {

struct TeamRating {
    double mu = crowd_bt::kMuPrior;
    double sigma_sq = crowd_bt::kSigmaSqPrior;
    int views = 0;  // judges who have compared this team at least once
    bool operator==(const TeamRating&) const = default;
};

struct JudgeRating {
    double alpha = crowd_bt::kAlphaPrior;
    double beta = crowd_bt::kBetaPrior;
    int comparisons = 0;
    bool operator==(const JudgeRating&) const = default;
};

class Pairwise {
public:
    // Teams, people and recusal rules copied from `ws`; then ws.comparisons replayed and the
    // judges' skips (ws.skips) applied.
    explicit Pairwise(const Workshop& ws);

    // One comparison, after the ones before it. False (and nothing changes) when a team or the
    // judge is unknown, the two teams are one, or the judge is recused from either.
    bool apply(const Comparison& c);
    // Starts again from the priors and applies `comparisons` in order (undo: the list without
    // the undone comparison). Skips and inactive teams are kept.
    void replay(const std::vector<Comparison>& comparisons);

    // The judge's next pair: (the judge's current team, the candidate), team indices. The
    // candidate: active, not yet seen or skipped by this judge, not recused, teams with fewer than
    // kMinViews views first; with probability kEpsilon a random one, else the one with the
    // highest expected information gain (ties: the first after a seeded shuffle, as Gavel). A
    // judge without a current team gets a random one first. nullopt: nothing left to compare.
    std::optional<std::pair<std::size_t, std::size_t>> next_pair(const std::string& judge, std::mt19937_64& rng);
    // The judge does not want to compare `team` (never offered again to this judge).
    void skip(const std::string& judge, std::size_t team);
    void set_active(std::size_t team, bool active);

    const std::vector<TeamRating>& teams() const { return ratings_; }
    JudgeRating judge(std::string_view judge) const;
    bool recused(const std::string& judge, std::size_t team);
    // Teams the judge may still be shown (not seen, skipped or recused; active): "about m to go".
    int remaining(const std::string& judge);
    std::optional<std::size_t> team_index(std::string_view id) const;
    std::size_t team_count() const { return ratings_.size(); }

private:
    struct Judge {
        JudgeRating rating;
        std::ptrdiff_t current = -1;
        std::vector<char> seen, skipped, recused;  // per team
    };
    Judge& judge_state(const std::string& id);
    std::vector<std::size_t> candidates(const Judge& j) const;

    std::vector<Team> teams_;
    std::vector<std::string> team_department_;  // the department of each team's idea
    std::unordered_map<std::string, std::size_t> team_index_;
    std::unordered_map<std::string, std::string> person_department_;
    bool recuse_same_department_ = false;
    std::vector<TeamRating> ratings_;
    std::vector<char> active_;
    std::unordered_map<std::string, Judge> judges_;
};

// A uniform double in [0, 1) and a uniform index below n from the generator, the same on every
// platform (the standard distributions are not).
double uniform01(std::mt19937_64& rng);
std::size_t uniform_index(std::mt19937_64& rng, std::size_t n);

}  // namespace pilotdeck::core
