// pilotdeck-bench crowd_bt: the costs of pairwise judging (contracts 6) at the sizes.
#include <chrono>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>

#include "bench_util.hpp"
#include "core/crowd_bt.hpp"
#include "core/pairwise.hpp"

namespace pilotdeck::bench {
namespace {

constexpr int kTeams = 300;
constexpr int kJudges = 60;
constexpr std::size_t kComparisons = 10000;

core::Workshop hackathon(int teams, int judges) {
    core::Workshop ws;
    ws.mode = core::Mode::Hackathon;
    ws.judging.method = core::JudgingMethod::Pairwise;
    for (int t = 0; t < teams; ++t) {
        const std::string n = std::to_string(t);
        ws.participants.push_back({"m" + n, "Member " + n, "Dept " + std::to_string(t % 12), core::Role::User});
        core::Idea idea;
        idea.id = "i" + n;
        idea.title = "Idea " + n;
        idea.department = "Dept " + std::to_string(t % 12);
        ws.ideas.push_back(idea);
        ws.teams.push_back({"t" + n, "Team " + n, "i" + n, {"m" + n}, "", t + 1});
    }
    for (int j = 0; j < judges; ++j)
        ws.participants.push_back({"j" + std::to_string(j), "Judge", "Jury", core::Role::Jury});
    return ws;
}

// `n` comparisons as live judging makes them: each judge in turn asks for a pair and answers it
// by hidden qualities with some noise.
std::vector<core::Comparison> judged(const core::Workshop& ws, std::size_t n, std::uint64_t seed) {
    core::Pairwise state(ws);
    std::mt19937_64 rng(seed);
    std::vector<double> quality(ws.teams.size());
    for (double& q : quality) q = 3 * core::uniform01(rng);
    std::vector<core::Comparison> out;
    while (out.size() < n) {
        bool any = false;
        for (int j = 0; j < kJudges && out.size() < n; ++j) {
            const std::string judge = "j" + std::to_string(j);
            const auto pair = state.next_pair(judge, rng);
            if (!pair) continue;
            any = true;
            const bool first = quality[pair->first] + core::uniform01(rng) > quality[pair->second] + core::uniform01(rng);
            core::Comparison c{judge, ws.teams[first ? pair->first : pair->second].id,
                               ws.teams[first ? pair->second : pair->first].id, ""};
            state.apply(c);
            out.push_back(c);
        }
        if (!any) break;
    }
    return out;
}

void report_us(const std::string& name, const Stats& s, double per) {
    nlohmann::ordered_json j;
    j["name"] = name;
    j["median_us"] = round3(s.median * 1000.0 / per);
    j["p95_us"] = round3(s.p95 * 1000.0 / per);
    j["runs"] = s.runs;
    std::cout << j.dump() << std::endl;
}

}  // namespace

void report_crowd_bt(int runs) {
    const core::Workshop ws = hackathon(kTeams, kJudges);
    std::vector<core::Comparison> all = judged(ws, kComparisons, 1);
    std::cerr << "crowd_bt: " << kTeams << " teams, " << kJudges << " judges, " << all.size() << " comparisons\n";

    // The next pair for a judge half-way through the evening: about 150 teams still to see.
    {
        core::Workshop half = ws;
        half.comparisons.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(all.size() / 2));
        core::Pairwise state(half);
        std::mt19937_64 rng(7);
        int j = 0;
        report("crowd_bt.next_pair", measure(std::max(runs, 201), [&] {
                   const auto pair = state.next_pair("j" + std::to_string(j++ % kJudges), rng);
                   if (pair && pair->first == pair->second) std::abort();
               }));
        // A fresh judge: every one of the 300 teams is a candidate.
        core::Pairwise fresh(half);
        int k = 0;
        report("crowd_bt.next_pair_fresh_judge", measure(std::max(runs, 201), [&] {
                   const auto pair = fresh.next_pair("new" + std::to_string(k++), rng);
                   if (!pair) std::abort();
               }));
    }
    // One update; timed in batches of 10,000 (one is below the clock's resolution).
    {
        constexpr int kBatch = 10000;
        double alpha = 10, beta = 1, mu_a = 0, s_a = 1, mu_b = 0.1, s_b = 1;
        report_us("crowd_bt.update", measure(std::max(runs, 21), [&] {
                      for (int i = 0; i < kBatch; ++i) {
                          const auto u = core::crowd_bt::update(alpha, beta, mu_a, s_a, mu_b, s_b);
                          alpha = u.alpha > 20 ? 10 : u.alpha;
                          beta = u.beta > 20 ? 1 : u.beta;
                          mu_a = std::fmod(u.mu_loser, 3.0);
                          s_a = u.sigma_sq_loser < 0.01 ? 1 : u.sigma_sq_loser;
                          mu_b = std::fmod(u.mu_winner, 3.0);
                          s_b = u.sigma_sq_winner < 0.01 ? 1 : u.sigma_sq_winner;
                      }
                  }),
                  kBatch);
        if (!std::isfinite(alpha + beta + mu_a + mu_b + s_a + s_b)) std::abort();
    }
    // Undo of an early comparison: the remaining 9,999 replayed from the priors.
    {
        core::Workshop full = ws;
        full.comparisons = all;
        core::Pairwise state(full);
        std::vector<core::Comparison> rest = all;
        rest.erase(rest.begin() + 10);
        report("crowd_bt.replay", measure(std::max(runs, 21), [&] { state.replay(rest); }));
    }
}

}  // namespace pilotdeck::bench
