#include "core/aggregate.hpp"

#include <cmath>

namespace pilotdeck::core {

double round2(double x) {
    // Values are means of small integers, so a product that lies within a hair of .5 is a true
    // half that binary floating point could not represent (2.675 is stored as 2.67499999...).
    const double scaled = x * 100.0;
    const double floor_v = std::floor(scaled);
    const double frac = scaled - floor_v;
    constexpr double kTolerance = 1e-9;
    double rounded;
    if (std::fabs(frac - 0.5) < kTolerance)
        rounded = scaled >= 0 ? floor_v + 1.0 : floor_v;  // half away from zero
    else
        rounded = std::round(scaled);
    const double result = rounded / 100.0;
    return result == 0.0 ? 0.0 : result;  // no "-0"
}

double CriterionStats::mean() const {
    return n == 0 ? 0.0 : static_cast<double>(sum) / static_cast<double>(n);
}

double CriterionStats::sd() const {
    if (n < 2) return 0.0;
    // Exact integer numerator: n*sumsq - sum^2 = n * sum((x - mean)^2).
    const std::int64_t numerator = n * sumsq - sum * sum;
    if (numerator <= 0) return 0.0;
    return std::sqrt(static_cast<double>(numerator) / static_cast<double>(n * (n - 1)));
}

Aggregates Aggregates::from_scores(const std::vector<Score>& scores) {
    // add() for each score, but consecutive scores of the same idea (and rater) find its entry
    // once: a loaded workshop lists its scores by idea, then rater, then criterion.
    Aggregates agg;
    const std::string *idea_id = nullptr, *rater_id = nullptr;
    IdeaStats* idea = nullptr;
    int* rater_scores = nullptr;
    for (const auto& s : scores) {
        if (s.consensus) {
            agg.ideas_[s.idea].consensus[s.criterion] = s.value;
            idea_id = nullptr;  // the next individual score looks its idea up again
            continue;
        }
        if (!idea_id || s.idea != *idea_id) {
            idea = &agg.ideas_[s.idea];
            idea_id = &s.idea;
            rater_id = nullptr;
        }
        if (!rater_id || s.rater != *rater_id) {
            rater_scores = &idea->scores_by_rater[s.rater];
            rater_id = &s.rater;
        }
        CriterionStats& st = idea->by_criterion[s.criterion];
        st.n += 1;
        st.sum += s.value;
        st.sumsq += static_cast<std::int64_t>(s.value) * s.value;
        if ((*rater_scores)++ == 0) idea->raters += 1;
    }
    return agg;
}

void Aggregates::add(const Score& s) {
    if (s.consensus) {
        ideas_[s.idea].consensus[s.criterion] = s.value;
        return;
    }
    IdeaStats& idea = ideas_[s.idea];
    CriterionStats& st = idea.by_criterion[s.criterion];
    st.n += 1;
    st.sum += s.value;
    st.sumsq += static_cast<std::int64_t>(s.value) * s.value;
    if (idea.scores_by_rater[s.rater]++ == 0) idea.raters += 1;
}

void Aggregates::remove(const Score& s) {
    auto it = ideas_.find(s.idea);
    if (it == ideas_.end()) return;
    IdeaStats& idea = it->second;
    if (s.consensus) {
        idea.consensus.erase(s.criterion);
        if (idea.by_criterion.empty() && idea.raters <= 0 && idea.consensus.empty()) ideas_.erase(it);
        return;
    }
    auto c = idea.by_criterion.find(s.criterion);
    if (c != idea.by_criterion.end()) {
        c->second.n -= 1;
        c->second.sum -= s.value;
        c->second.sumsq -= static_cast<std::int64_t>(s.value) * s.value;
        if (c->second.n <= 0) idea.by_criterion.erase(c);
    }
    auto r = idea.scores_by_rater.find(s.rater);
    if (r != idea.scores_by_rater.end() && --r->second <= 0) {
        idea.scores_by_rater.erase(r);
        idea.raters -= 1;
    }
    if (idea.by_criterion.empty() && idea.raters <= 0 && idea.consensus.empty()) ideas_.erase(it);
}

void Aggregates::change(const Score& before, int new_value) {
    auto it = ideas_.find(before.idea);
    if (it == ideas_.end()) return;
    if (before.consensus) {
        it->second.consensus[before.criterion] = new_value;
        return;
    }
    auto c = it->second.by_criterion.find(before.criterion);
    if (c == it->second.by_criterion.end()) return;
    c->second.sum += new_value - before.value;
    c->second.sumsq += static_cast<std::int64_t>(new_value) * new_value -
                       static_cast<std::int64_t>(before.value) * before.value;
}

void Aggregates::set_stats(const std::string& idea, const std::string& criterion, CriterionStats st) {
    if (st.n <= 0) return;
    ideas_[idea].by_criterion[criterion] = st;
}

void Aggregates::set_raters(const std::string& idea, int raters) {
    if (raters <= 0 && ideas_.find(idea) == ideas_.end()) return;
    ideas_[idea].raters = raters;
}

void Aggregates::set_consensus(const std::string& idea, const std::string& criterion, int value) {
    ideas_[idea].consensus[criterion] = value;
}

void Aggregates::erase_idea(const std::string& idea) { ideas_.erase(idea); }

const IdeaStats* Aggregates::find(const std::string& idea) const {
    auto it = ideas_.find(idea);
    return it == ideas_.end() ? nullptr : &it->second;
}

}  // namespace pilotdeck::core
