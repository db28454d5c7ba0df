#include "core/revote_spread.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>

namespace pilotdeck::core {
namespace {

double quantile(const std::vector<int>& sorted, double p) {
    if (sorted.empty()) return 0;
    const double at = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(at));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double frac = at - static_cast<double>(below);
    return static_cast<double>(sorted[below]) + frac * static_cast<double>(sorted[above] - sorted[below]);
}

}  // namespace

Spread spread_of(std::vector<int> values, int lo, int hi) {
    Spread s;
    s.lo = lo;
    s.counts.assign(static_cast<std::size_t>(std::max(hi - lo + 1, 0)), 0);
    std::sort(values.begin(), values.end());
    s.n = static_cast<int>(values.size());
    if (values.empty()) return s;
    s.median = quantile(values, 0.5);
    s.q1 = quantile(values, 0.25);
    s.q3 = quantile(values, 0.75);
    double sum = 0;
    for (int v : values) {
        sum += v;
        if (v >= lo && v <= hi) ++s.counts[static_cast<std::size_t>(v - lo)];
    }
    const double mean = sum / static_cast<double>(values.size());
    double sq = 0;
    for (int v : values) sq += (v - mean) * (v - mean);
    s.sd = values.size() > 1 ? std::sqrt(sq / static_cast<double>(values.size() - 1)) : 0.0;
    return s;
}

std::vector<RevoteCellSpread> revote_spreads(const Workshop& ws) {
    std::vector<RevoteCellSpread> out;
    if (!ws.revote) return out;
    const int round = ws.revote->round;
    // The last earlier value of each re-voted (idea, rater, criterion): history is in order.
    std::map<std::tuple<std::string, std::string, std::string>, int> earlier;
    for (const ScoreHistory& h : ws.score_history)
        if (h.round < round) earlier[{h.idea, h.rater, h.criterion}] = h.value;
    for (const RevoteCell& cell : ws.revote->cells) {
        const auto c = std::find_if(ws.criteria.begin(), ws.criteria.end(), [&](const Criterion& x) { return x.id == cell.criterion; });
        if (c == ws.criteria.end()) continue;
        std::vector<int> before, now;
        int revoted = 0;
        for (const Score& s : ws.scores) {
            if (s.consensus || s.idea != cell.idea || s.criterion != cell.criterion) continue;
            now.push_back(s.value);
            const auto e = earlier.find({s.idea, s.rater, s.criterion});
            if (s.round >= round && e != earlier.end()) {
                before.push_back(e->second);
                ++revoted;
            } else {
                before.push_back(s.value);
            }
        }
        out.push_back({cell, spread_of(before, c->min, c->max), spread_of(now, c->min, c->max), revoted});
    }
    return out;
}

}  // namespace pilotdeck::core
