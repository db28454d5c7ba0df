// Score aggregates per idea and criterion, kept as exact integer sums so that one
// changed score updates them in O(log n) without recomputing everything.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>

#include "core/model.hpp"

namespace pilotdeck::core {

// Round half away from zero to 2 decimals, robust against binary representation
// (2.675 -> 2.68, as a person rounding the shown value would).
double round2(double x);

struct CriterionStats {
    std::int64_t n = 0;
    std::int64_t sum = 0;
    std::int64_t sumsq = 0;
    double mean() const;  // unrounded; 0 when n == 0
    double sd() const;    // sample standard deviation (n-1), 0 when n < 2
    bool operator==(const CriterionStats&) const = default;
};

struct IdeaStats {
    std::map<std::string, CriterionStats> by_criterion;  // criterion id -> stats (n > 0 only)
    int raters = 0;                                      // distinct raters with >= 1 score
    std::map<std::string, int> scores_by_rater;          // rater id -> number of scores (when built from scores)
    std::map<std::string, int> consensus;                // criterion id -> the room's agreed value (contracts 5b)
};

class Aggregates {
public:
    Aggregates() = default;
    static Aggregates from_scores(const std::vector<Score>& scores);

    void add(const Score& s);     // a new score
    void remove(const Score& s);  // a score that existed
    void change(const Score& before, int new_value);

    // Loading pre-computed sums (storage keeps them in the file).
    void set_stats(const std::string& idea, const std::string& criterion, CriterionStats st);
    void set_raters(const std::string& idea, int raters);
    void set_consensus(const std::string& idea, const std::string& criterion, int value);

    void erase_idea(const std::string& idea);
    const IdeaStats* find(const std::string& idea) const;
    const std::unordered_map<std::string, IdeaStats>& all() const { return ideas_; }

private:
    std::unordered_map<std::string, IdeaStats> ideas_;
};

}  // namespace pilotdeck::core
