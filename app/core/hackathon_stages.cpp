#include "core/hackathon_stages.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/pairwise.hpp"
#include "core/recusal.hpp"

namespace pilotdeck::core {
namespace {

constexpr std::size_t kPodium = 3;

std::string place(int rank) {
    switch (rank) {
    case 1: return "1st place";
    case 2: return "2nd place";
    case 3: return "3rd place";
    default: return std::to_string(rank) + "th place";
    }
}

}  // namespace

std::vector<std::size_t> pitch_lineup(const Workshop& ws, const std::set<std::string>& absent) {
    std::vector<std::size_t> order(ws.teams.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Team& x = ws.teams[a];
        const Team& y = ws.teams[b];
        const bool ax = absent.count(x.id) > 0, ay = absent.count(y.id) > 0;
        if (ax != ay) return ay;
        if (x.pitch_order != y.pitch_order) return x.pitch_order < y.pitch_order;
        return x.name < y.name;
    });
    return order;
}

bool PitchCursor::next(std::size_t teams) {
    if (teams == 0 || phase == PitchPhase::Done) return false;
    if (phase == PitchPhase::Waiting) {
        position = 0;
        phase = PitchPhase::Pitch;
    } else if (phase == PitchPhase::Pitch) {
        phase = PitchPhase::QandA;
    } else if (position + 1 < teams) {
        ++position;
        phase = PitchPhase::Pitch;
    } else {
        phase = PitchPhase::Done;
    }
    return true;
}

bool PitchCursor::back(std::size_t teams) {
    if (teams == 0 || phase == PitchPhase::Waiting) return false;
    if (phase == PitchPhase::Done) {
        position = teams - 1;
        phase = PitchPhase::QandA;
    } else if (phase == PitchPhase::QandA) {
        phase = PitchPhase::Pitch;
    } else if (position > 0) {
        --position;
        phase = PitchPhase::QandA;
    } else {
        phase = PitchPhase::Waiting;
    }
    return true;
}

std::vector<JudgeProgress> judging_progress(const Workshop& ws) {
    const Recusals recusals(ws);
    std::unordered_set<std::string_view> comparers;
    for (const Comparison& c : ws.comparisons) comparers.insert(c.judge);
    const bool pairwise = ws.judging.method == JudgingMethod::Pairwise;
    Pairwise state(ws);
    // criteria: (rater, idea) -> criteria scored
    std::map<std::pair<std::string_view, std::string_view>, std::size_t> scored;
    if (!pairwise)
        for (const Score& s : ws.scores) ++scored[{s.rater, s.idea}];
    std::vector<JudgeProgress> out;
    for (const Participant& p : ws.participants) {
        if (p.role != Role::Jury && !(pairwise && comparers.count(p.id))) continue;
        JudgeProgress g;
        g.judge = p.id;
        g.name = p.name;
        for (const Team& t : ws.teams) {
            if (recusals.of(p.id, t.id)) {
                ++g.recused;
                continue;
            }
            if (pairwise) continue;
            ++g.of;
            const auto it = scored.find({p.id, t.idea});
            if (it != scored.end() && it->second >= ws.criteria.size()) ++g.done;
        }
        if (pairwise) {
            g.done = state.judge(p.id).comparisons;
            g.of = g.done + state.remaining(p.id);
        }
        out.push_back(std::move(g));
    }
    return out;
}

std::vector<RevealStep> award_reveal(const Workshop& ws, const HackathonResults& results) {
    std::vector<RevealStep> steps;
    const AwardOutcome* overall = nullptr;
    for (const AwardOutcome& a : results.awards) {
        const Award& award = ws.awards[a.award];
        if (award.rule == "overall") {
            overall = &a;
            continue;
        }
        RevealStep s{award.label, {}, a.why, award.rule, 0};
        if (a.team) {
            s.teams.push_back(*a.team);
            s.teams.insert(s.teams.end(), a.tied_with.begin(), a.tied_with.end());
        }
        steps.push_back(std::move(s));
    }
    if (!overall) return steps;
    const bool judged = overall->team.has_value();
    if (judged) {
        // Places 3, 2 (as ranked; a tie for a place is one step), without the winners.
        std::map<int, std::vector<std::size_t>> by_rank;
        for (const RankedTeam& r : results.ranking)
            if (r.rank > 1 && r.rank <= static_cast<int>(kPodium)) by_rank[r.rank].push_back(r.team);
        for (auto it = by_rank.rbegin(); it != by_rank.rend(); ++it)
            steps.push_back({place(it->first), it->second, "", "overall", it->first});
    }
    RevealStep winner{"Winner: " + ws.awards[overall->award].label, {}, overall->why, "overall", 1};
    if (overall->team) {
        winner.teams.push_back(*overall->team);
        winner.teams.insert(winner.teams.end(), overall->tied_with.begin(), overall->tied_with.end());
    }
    steps.push_back(std::move(winner));
    return steps;
}

}  // namespace pilotdeck::core
