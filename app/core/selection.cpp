#include "core/selection.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "base/i18n.hpp"

namespace pilotdeck::core {

namespace {

// Scores in sentences people read: 2 decimals, a decimal comma in Dutch and German.
std::string fmt2(double v) { return i18n::number(round2(v), 2); }

std::string count(int n) { return std::to_string(n); }

unsigned long plural_n(int n) { return n < 0 ? 0UL : static_cast<unsigned long>(n); }

// Compares optional scores for the ranking: any score beats no score. Returns <0, 0, >0
// where negative means `a` ranks first.
int compare_axis(const std::optional<double>& a, const std::optional<double>& b, bool high_first) {
    if (a.has_value() != b.has_value()) return a.has_value() ? -1 : 1;
    if (!a || *a == *b) return 0;
    const bool a_first = high_first ? *a > *b : *a < *b;
    return a_first ? -1 : 1;
}

const char* quadrant_phrase(const std::optional<Quadrant>& q) {
    if (!q) return i18n::tr("Chosen");
    switch (*q) {
        case Quadrant::QuickWin: return i18n::tr("A quick win");
        case Quadrant::Strategic: return i18n::tr("A strategic bet");
        case Quadrant::FillIn: return i18n::tr("A fill-in");
        case Quadrant::Avoid: return i18n::tr("A risky idea with modest benefit");
    }
    return i18n::tr("Chosen");
}

std::string why_chosen(const Idea& idea, const IdeaResult& r, const SelectionRules& rules) {
    if (idea.decision && idea.decision->pin == Pin::Include) {
        return idea.decision->reason.empty()
                   ? std::string(i18n::tr("Pinned as a pilot by the facilitator."))
                   : i18n::format(i18n::tr("Pinned as a pilot by the facilitator: {0}"), {idea.decision->reason});
    }
    const std::string benefit = r.benefit ? fmt2(*r.benefit) : std::string(i18n::tr("not scored"));
    // TRANSLATORS: {0} is a phrase such as "A quick win"; {1}..{4} are scores; {5} counts the raters.
    return i18n::format(i18n::ntr("{0}: benefit {1}, risk {2} (limit {3}), visibility {4}, scored by {5} rater.",
                                  "{0}: benefit {1}, risk {2} (limit {3}), visibility {4}, scored by {5} raters.",
                                  plural_n(r.raters)),
                        {quadrant_phrase(r.quadrant), benefit, fmt2(*r.risk), fmt2(rules.max_risk),
                         fmt2(*r.visibility), count(r.raters)});
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
        case Exclusion::Excluded: return "excluded";
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
    for (const auto& c : criteria) {
        auto it = stats->by_criterion.find(c.id);
        if (it == stats->by_criterion.end() || it->second.n <= 0) continue;
        const CriterionStats& st = it->second;
        CriterionSummary cs{c.id, round2(st.mean()), round2(st.sd()), static_cast<int>(st.n)};
        if (cs.sd >= 1.0) r.contested = true;
        r.criteria.push_back(cs);
        Acc& a = acc[static_cast<int>(c.axis)];
        a.weighted += c.weight * st.mean();
        a.weights += c.weight;
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

Selection select_pilots(const std::vector<Idea>& ideas, const std::vector<IdeaResult>& results,
                        const SelectionRules& rules) {
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

    // Rule 2: pinned includes first, whatever their scores; they are never dropped.
    for (std::size_t ri : order) {
        const Idea& idea = ideas[results[ri].idea];
        if (idea.decision && idea.decision->pin == Pin::Include) choose(ri, true);
    }

    // Rules 3-5: down the ranking; the first rule that keeps an idea out is its reason.
    for (std::size_t ri : order) {
        if (chosen[ri]) continue;
        const IdeaResult& r = results[ri];
        const Idea& idea = ideas[r.idea];
        auto reject = [&](Exclusion code, std::string reason) { sel.not_selected.push_back({ri, code, std::move(reason)}); };

        if (idea.decision && idea.decision->pin == Pin::Exclude) {
            reject(Exclusion::Excluded,
                   idea.decision->reason.empty()
                       ? std::string(i18n::tr("excluded by the facilitator"))
                       : i18n::format(i18n::tr("excluded by the facilitator: {0}"), {idea.decision->reason}));
        } else if (r.raters < rules.min_raters) {
            reject(Exclusion::Raters,
                   r.raters == 0
                       ? i18n::format(i18n::ntr("not scored yet; at least {0} rater is needed",
                                                "not scored yet; at least {0} raters are needed",
                                                plural_n(rules.min_raters)),
                                      {count(rules.min_raters)})
                       // TRANSLATORS: {0} raters scored the idea; {1} is the fewest raters an idea needs.
                       : i18n::format(i18n::ntr("scored by {0} rater; at least {1} needed",
                                                "scored by {0} raters; at least {1} needed", plural_n(r.raters)),
                                      {count(r.raters), count(rules.min_raters)}));
        } else if (!r.risk) {
            reject(Exclusion::Risk, i18n::tr("no risk scores yet"));
        } else if (*r.risk > rules.max_risk) {
            reject(Exclusion::Risk,
                   i18n::format(i18n::tr("risk {0} is above the limit {1}"), {fmt2(*r.risk), fmt2(rules.max_risk)}));
        } else if (!r.visibility) {
            reject(Exclusion::Visibility, i18n::tr("no visibility scores yet"));
        } else if (*r.visibility < rules.min_visibility) {
            reject(Exclusion::Visibility, i18n::format(i18n::tr("visibility {0} is below the minimum {1}"),
                                                       {fmt2(*r.visibility), fmt2(rules.min_visibility)}));
        } else if (static_cast<int>(sel.pilots.size()) >= rules.size) {
            reject(Exclusion::Size, i18n::format(i18n::ntr("all {0} pilot place was taken by higher-ranked ideas",
                                                           "all {0} pilot places were taken by higher-ranked ideas",
                                                           plural_n(rules.size)),
                                                 {count(rules.size)}));
        } else if (!idea.department.empty() && per_department[idea.department] >= rules.max_per_department) {
            const int has = per_department[idea.department];
            // TRANSLATORS: {0} is a department; {1} counts its pilots; {2} is the most one department may have.
            reject(Exclusion::Department,
                   i18n::format(i18n::ntr("{0} already has {1} pilot (at most {2} per department)",
                                          "{0} already has {1} pilots (at most {2} per department)", plural_n(has)),
                                {idea.department, count(has), count(rules.max_per_department)}));
        } else {
            choose(ri, false);
        }
    }
    return sel;
}

}  // namespace pilotdeck::core
