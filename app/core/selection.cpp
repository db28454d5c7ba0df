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

// The sentence for a rejection, read aloud by the facilitator.
std::string reason_for(const Idea& idea, const IdeaResult& r, const SelectionRules& rules, Exclusion code,
                       int department_count) {
    switch (code) {
        case Exclusion::Prohibited:
            return i18n::tr("a screening answer describes a practice the EU AI Act prohibits (Art. 5); it is never chosen");
        case Exclusion::Excluded:
            return idea.decision && !idea.decision->reason.empty()
                       ? i18n::format(i18n::tr("excluded by the facilitator: {0}"), {idea.decision->reason})
                       : std::string(i18n::tr("excluded by the facilitator"));
        case Exclusion::HighRisk:
            return i18n::tr(
                "high-risk under the EU AI Act (Annex III); the rules take high-risk ideas only when pinned as a pilot");
        case Exclusion::Unassessed:
            return i18n::tr(
                "the AI Act questions of its screening are not all answered, and the rules take only screened ideas");
        case Exclusion::Raters:
            return r.raters == 0
                       ? i18n::format(i18n::ntr("not scored yet; at least {0} rater is needed",
                                                "not scored yet; at least {0} raters are needed",
                                                plural_n(rules.min_raters)),
                                      {count(rules.min_raters)})
                       // TRANSLATORS: {0} raters scored the idea; {1} is the fewest raters an idea needs.
                       : i18n::format(i18n::ntr("scored by {0} rater; at least {1} needed",
                                                "scored by {0} raters; at least {1} needed", plural_n(r.raters)),
                                      {count(r.raters), count(rules.min_raters)});
        case Exclusion::Risk:
            return r.risk ? i18n::format(i18n::tr("risk {0} is above the limit {1}"), {fmt2(*r.risk), fmt2(rules.max_risk)})
                          : std::string(i18n::tr("no risk scores yet"));
        case Exclusion::Visibility:
            return r.visibility ? i18n::format(i18n::tr("visibility {0} is below the minimum {1}"),
                                               {fmt2(*r.visibility), fmt2(rules.min_visibility)})
                                : std::string(i18n::tr("no visibility scores yet"));
        case Exclusion::Size:
            return i18n::format(i18n::ntr("all {0} pilot place was taken by higher-ranked ideas",
                                          "all {0} pilot places were taken by higher-ranked ideas", plural_n(rules.size)),
                                {count(rules.size)});
        case Exclusion::Department:
            // TRANSLATORS: {0} is a department; {1} counts its pilots; {2} is the most one department may have.
            return i18n::format(i18n::ntr("{0} already has {1} pilot (at most {2} per department)",
                                          "{0} already has {1} pilots (at most {2} per department)",
                                          plural_n(department_count)),
                                {idea.department, count(department_count), count(rules.max_per_department)});
    }
    return {};
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

void decide(const std::vector<Idea>& ideas, const std::vector<IdeaResult>& results, const SelectionRules& rules,
            const std::vector<AiActClass>& classes, const std::vector<std::size_t>& order,
            const std::vector<int>& department_of, Decisions& d) {
    d.picks.clear();
    d.rejected.clear();
    d.chosen.assign(results.size(), 0);
    int departments = 0;
    for (int x : department_of) departments = std::max(departments, x + 1);
    d.per_department.assign(static_cast<std::size_t>(departments), 0);

    const auto class_of = [&](std::size_t ri) {
        const std::size_t i = results[ri].idea;
        return i < classes.size() ? classes[i] : AiActClass::Unassessed;
    };
    const auto department = [&](std::size_t ri) {
        const std::size_t i = results[ri].idea;
        return i < department_of.size() ? department_of[i] : -1;
    };
    const auto choose = [&](std::size_t ri, bool pinned) {
        d.chosen[ri] = 1;
        if (const int dep = department(ri); dep >= 0) d.per_department[static_cast<std::size_t>(dep)] += 1;
        d.picks.push_back({ri, pinned});
    };

    // Rule 2: pinned includes first, whatever their scores and gates (never a prohibited one);
    // they are never dropped.
    for (std::size_t ri : order) {
        const Idea& idea = ideas[results[ri].idea];
        if (idea.decision && idea.decision->pin == Pin::Include && class_of(ri) != AiActClass::Prohibited)
            choose(ri, true);
    }

    // Rules 3-5: down the ranking; the first rule that keeps an idea out is its code.
    for (std::size_t ri : order) {
        if (d.chosen[ri]) continue;
        const IdeaResult& r = results[ri];
        const Idea& idea = ideas[r.idea];
        const AiActClass ai_act = class_of(ri);
        const int dep = department(ri);
        const int dep_count = dep >= 0 ? d.per_department[static_cast<std::size_t>(dep)] : 0;
        std::optional<Exclusion> code;
        if (ai_act == AiActClass::Prohibited) code = Exclusion::Prohibited;
        else if (idea.decision && idea.decision->pin == Pin::Exclude) code = Exclusion::Excluded;
        else if (ai_act == AiActClass::HighRisk && !rules.allow_high_risk) code = Exclusion::HighRisk;
        else if (ai_act == AiActClass::Unassessed && !rules.allow_unassessed) code = Exclusion::Unassessed;
        else if (r.raters < rules.min_raters && !r.consensus) code = Exclusion::Raters;
        else if (!r.risk || *r.risk > rules.max_risk) code = Exclusion::Risk;
        else if (!r.visibility || *r.visibility < rules.min_visibility) code = Exclusion::Visibility;
        else if (static_cast<int>(d.picks.size()) >= rules.size) code = Exclusion::Size;
        else if (dep >= 0 && dep_count >= rules.max_per_department) code = Exclusion::Department;
        if (code) d.rejected.push_back({ri, *code, dep_count});
        else choose(ri, false);
    }
}

std::vector<int> department_indices(const std::vector<Idea>& ideas) {
    std::map<std::string_view, int> index;
    std::vector<int> out;
    out.reserve(ideas.size());
    for (const Idea& i : ideas) {
        if (i.department.empty()) {
            out.push_back(-1);
            continue;
        }
        const auto [it, added] = index.try_emplace(i.department, static_cast<int>(index.size()));
        out.push_back(it->second);
    }
    return out;
}

Selection select_pilots(const std::vector<Idea>& ideas, const std::vector<IdeaResult>& results,
                        const SelectionRules& rules, const std::vector<AiActClass>& classes) {
    Decisions d;
    decide(ideas, results, rules, classes, rank(ideas, results), department_indices(ideas), d);
    Selection sel;
    for (const auto& pick : d.picks) {
        const IdeaResult& r = results[pick.result];
        sel.pilots.push_back({static_cast<int>(sel.pilots.size()) + 1, pick.result, pick.pinned,
                              why_chosen(ideas[r.idea], r, rules)});
    }
    for (const auto& rejected : d.rejected)
        sel.not_selected.push_back({rejected.result, rejected.code,
                                    reason_for(ideas[results[rejected.result].idea], results[rejected.result], rules,
                                               rejected.code, rejected.department_count)});
    return sel;
}

}  // namespace pilotdeck::core
