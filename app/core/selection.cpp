#include "core/selection.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>

namespace pilotdeck::core {

namespace {

std::string fmt2(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", round2(v));
    return buf;
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Compares optional scores for the ranking: any score beats no score. Returns <0, 0, >0
// where negative means `a` ranks first.
int compare_axis(const std::optional<double>& a, const std::optional<double>& b, bool high_first) {
    if (a.has_value() != b.has_value()) return a.has_value() ? -1 : 1;
    if (!a || *a == *b) return 0;
    const bool a_first = high_first ? *a > *b : *a < *b;
    return a_first ? -1 : 1;
}

std::string quadrant_phrase(const std::optional<Quadrant>& q) {
    if (!q) return "Chosen";
    switch (*q) {
        case Quadrant::QuickWin: return "A quick win";
        case Quadrant::Strategic: return "A strategic bet";
        case Quadrant::FillIn: return "A fill-in";
        case Quadrant::Avoid: return "A risky idea with modest benefit";
    }
    return "Chosen";
}

std::string why_chosen(const Idea& idea, const IdeaResult& r, const SelectionRules& rules) {
    if (idea.decision && idea.decision->pin == Pin::Include) {
        return idea.decision->reason.empty() ? "Pinned as a pilot by the facilitator."
                                             : "Pinned as a pilot by the facilitator: " + idea.decision->reason;
    }
    const std::string benefit = r.benefit ? fmt2(*r.benefit) : std::string("not scored");
    return quadrant_phrase(r.quadrant) + ": benefit " + benefit + ", risk " + fmt2(*r.risk) +
           " (limit " + fmt2(rules.max_risk) + "), visibility " + fmt2(*r.visibility) + ", scored by " +
           plural(r.raters, "rater.", "raters.");
}

}  // namespace

std::string_view to_string(Quadrant q) {
    switch (q) {
        case Quadrant::QuickWin: return "quick-win";
        case Quadrant::Strategic: return "strategic";
        case Quadrant::FillIn: return "fill-in";
        case Quadrant::Avoid: return "avoid";
    }
    return {};
}

std::string_view to_string(Exclusion e) {
    switch (e) {
        case Exclusion::Prohibited: return "prohibited";
        case Exclusion::Excluded: return "excluded";
        case Exclusion::HighRisk: return "high-risk";
        case Exclusion::Unassessed: return "unassessed";
        case Exclusion::Raters: return "raters";
        case Exclusion::Risk: return "risk";
        case Exclusion::Visibility: return "visibility";
        case Exclusion::Size: return "size";
        case Exclusion::Department: return "department";
    }
    return {};
}

double axis_mid(const std::vector<Criterion>& criteria, Axis axis) {
    int lo = std::numeric_limits<int>::max();
    int hi = std::numeric_limits<int>::min();
    for (const auto& c : criteria) {
        if (c.axis != axis) continue;
        lo = std::min(lo, c.min);
        hi = std::max(hi, c.max);
    }
    if (lo > hi) return 3.0;
    return (lo + hi) / 2.0;
}

IdeaResult summarize_idea(std::size_t index, const std::vector<Criterion>& criteria, const IdeaStats* stats) {
    IdeaResult r;
    r.idea = index;
    if (!stats) return r;
    r.raters = stats->raters;

    struct Acc { double weighted = 0, weights = 0; };
    Acc acc[3];
    bool axis_consensus[3] = {false, false, false};
    for (const auto& c : criteria) {
        auto it = stats->by_criterion.find(c.id);
        const bool has_values = it != stats->by_criterion.end() && it->second.n > 0;
        const auto agreed = stats->consensus.find(c.id);
        double mean = 0;
        if (agreed != stats->consensus.end()) {
            // contracts 5b: the room's value replaces the individual ones.
            mean = agreed->second;
            r.criteria.push_back({c.id, round2(mean), 0.0, has_values ? static_cast<int>(it->second.n) : 0, true});
            axis_consensus[static_cast<int>(c.axis)] = true;
        } else if (has_values) {
            const CriterionStats& st = it->second;
            mean = st.mean();
            CriterionSummary cs{c.id, round2(mean), round2(st.sd()), static_cast<int>(st.n), false};
            if (cs.sd >= 1.0) r.contested = true;
            r.criteria.push_back(cs);
        } else {
            continue;
        }
        Acc& a = acc[static_cast<int>(c.axis)];
        a.weighted += c.weight * mean;
        a.weights += c.weight;
    }
    if (!stats->consensus.empty()) {
        r.consensus = true;
        for (int axis = 0; axis < 3; ++axis)
            if (acc[axis].weights > 0 && !axis_consensus[axis]) r.consensus = false;
    }
    auto axis_score = [&](Axis axis) -> std::optional<double> {
        const Acc& a = acc[static_cast<int>(axis)];
        if (a.weights <= 0) return std::nullopt;
        return round2(a.weighted / a.weights);
    };
    r.benefit = axis_score(Axis::Benefit);
    r.risk = axis_score(Axis::Risk);
    r.visibility = axis_score(Axis::Visibility);
    if (r.benefit && r.risk) {
        const bool high_benefit = *r.benefit >= axis_mid(criteria, Axis::Benefit);
        const bool low_risk = *r.risk <= axis_mid(criteria, Axis::Risk);
        r.quadrant = high_benefit ? (low_risk ? Quadrant::QuickWin : Quadrant::Strategic)
                                  : (low_risk ? Quadrant::FillIn : Quadrant::Avoid);
    }
    return r;
}

std::vector<IdeaResult> summarize(const std::vector<Idea>& ideas, const std::vector<Criterion>& criteria,
                                  const Aggregates& agg) {
    std::vector<IdeaResult> out;
    out.reserve(ideas.size());
    for (std::size_t i = 0; i < ideas.size(); ++i) out.push_back(summarize_idea(i, criteria, agg.find(ideas[i].id)));
    return out;
}

std::vector<std::size_t> rank(const std::vector<Idea>& ideas, const std::vector<IdeaResult>& results) {
    std::vector<std::size_t> order(results.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const IdeaResult& a = results[x];
        const IdeaResult& b = results[y];
        if (int c = compare_axis(a.benefit, b.benefit, true)) return c < 0;
        if (int c = compare_axis(a.visibility, b.visibility, true)) return c < 0;
        if (int c = compare_axis(a.risk, b.risk, false)) return c < 0;
        const Idea& ia = ideas[a.idea];
        const Idea& ib = ideas[b.idea];
        if (ia.title != ib.title) return ia.title < ib.title;
        return ia.id < ib.id;
    });
    return order;
}

std::vector<AiActClass> classify_ideas(const std::vector<Idea>& ideas) {
    std::vector<AiActClass> out;
    out.reserve(ideas.size());
    for (const Idea& i : ideas) out.push_back(classify_ai_act(i.assessment));
    return out;
}

Selection select_pilots(const std::vector<Idea>& ideas, const std::vector<IdeaResult>& results,
                        const SelectionRules& rules) {
    return select_pilots(ideas, results, rules, classify_ideas(ideas));
}

Selection select_pilots(const std::vector<Idea>& ideas, const std::vector<IdeaResult>& results,
                        const SelectionRules& rules, const std::vector<AiActClass>& classes) {
    const std::vector<std::size_t> order = rank(ideas, results);
    Selection sel;
    std::vector<bool> chosen(results.size(), false);
    std::map<std::string, int> per_department;

    auto choose = [&](std::size_t ri, bool pinned) {
        const IdeaResult& r = results[ri];
        const Idea& idea = ideas[r.idea];
        chosen[ri] = true;
        if (!idea.department.empty()) per_department[idea.department] += 1;
        sel.pilots.push_back({static_cast<int>(sel.pilots.size()) + 1, ri, pinned, why_chosen(idea, r, rules)});
    };

    const auto class_of = [&](std::size_t ri) {
        const std::size_t i = results[ri].idea;
        return i < classes.size() ? classes[i] : AiActClass::Unassessed;
    };
    // Rule 2: pinned includes first, whatever their scores and gates (never a prohibited one);
    // they are never dropped.
    for (std::size_t ri : order) {
        const Idea& idea = ideas[results[ri].idea];
        if (idea.decision && idea.decision->pin == Pin::Include && class_of(ri) != AiActClass::Prohibited)
            choose(ri, true);
    }

    // Rules 3-5: down the ranking; the first rule that keeps an idea out is its reason.
    for (std::size_t ri : order) {
        if (chosen[ri]) continue;
        const IdeaResult& r = results[ri];
        const Idea& idea = ideas[r.idea];
        auto reject = [&](Exclusion code, std::string reason) { sel.not_selected.push_back({ri, code, std::move(reason)}); };

        const AiActClass ai_act = class_of(ri);
        if (ai_act == AiActClass::Prohibited) {
            reject(Exclusion::Prohibited, "a screening answer describes a practice the EU AI Act prohibits (Art. 5); "
                                          "it is never chosen");
        } else if (idea.decision && idea.decision->pin == Pin::Exclude) {
            reject(Exclusion::Excluded, idea.decision->reason.empty()
                                            ? "excluded by the facilitator"
                                            : "excluded by the facilitator: " + idea.decision->reason);
        } else if (ai_act == AiActClass::HighRisk && !rules.allow_high_risk) {
            reject(Exclusion::HighRisk, "high-risk under the EU AI Act (Annex III); the rules take high-risk ideas "
                                        "only when pinned as a pilot");
        } else if (ai_act == AiActClass::Unassessed && !rules.allow_unassessed) {
            reject(Exclusion::Unassessed, "the AI Act questions of its screening are not all answered, and the rules "
                                          "take only screened ideas");
        } else if (r.raters < rules.min_raters && !r.consensus) {
            reject(Exclusion::Raters, r.raters == 0 ? "not scored yet; at least " +
                                                          plural(rules.min_raters, "rater is", "raters are") + " needed"
                                                    : "scored by " + plural(r.raters, "rater", "raters") +
                                                          "; at least " + std::to_string(rules.min_raters) + " needed");
        } else if (!r.risk) {
            reject(Exclusion::Risk, "no risk scores yet");
        } else if (*r.risk > rules.max_risk) {
            reject(Exclusion::Risk, "risk " + fmt2(*r.risk) + " is above the limit " + fmt2(rules.max_risk));
        } else if (!r.visibility) {
            reject(Exclusion::Visibility, "no visibility scores yet");
        } else if (*r.visibility < rules.min_visibility) {
            reject(Exclusion::Visibility,
                   "visibility " + fmt2(*r.visibility) + " is below the minimum " + fmt2(rules.min_visibility));
        } else if (static_cast<int>(sel.pilots.size()) >= rules.size) {
            reject(Exclusion::Size, "all " + plural(rules.size, "pilot place was", "pilot places were") +
                                        " taken by higher-ranked ideas");
        } else if (!idea.department.empty() && per_department[idea.department] >= rules.max_per_department) {
            reject(Exclusion::Department, idea.department + " already has " +
                                              plural(per_department[idea.department], "pilot", "pilots") +
                                              " (at most " + std::to_string(rules.max_per_department) +
                                              " per department)");
        } else {
            choose(ri, false);
        }
    }
    return sel;
}

}  // namespace pilotdeck::core
