// Axis scores, quadrants and the pilot selection of contracts.md section 4.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/aggregate.hpp"
#include "core/model.hpp"
#include "core/screening.hpp"

namespace pilotdeck::core {

enum class Quadrant { QuickWin, Strategic, FillIn, Avoid };
std::string_view to_string(Quadrant q);  // quick-win, strategic, fill-in, avoid

struct CriterionSummary {
    std::string criterion;  // id
    double mean = 0;        // rounded to 2 decimals
    double sd = 0;          // rounded to 2 decimals
    int n = 0;              // individual values (a consensus value replaces them as the mean)
    bool consensus = false; // the room's agreed value (contracts 5b): mean = it, sd 0
};

struct IdeaResult {
    std::size_t idea = 0;  // index into the workshop's ideas
    std::optional<double> benefit, risk, visibility;  // rounded to 2 decimals; nullopt = no scores
    int raters = 0;
    std::optional<Quadrant> quadrant;  // nullopt when benefit or risk has no score
    bool contested = false;            // some criterion has rounded sd >= 1.00
    bool consensus = false;            // a consensus value on every axis it is scored on: meets min_raters
    std::vector<CriterionSummary> criteria;  // in the workshop's criteria order, scored ones only
};

// The middle of an axis' scale: (lowest min + highest max) / 2 over that axis' criteria; 3 for 1..5.
double axis_mid(const std::vector<Criterion>& criteria, Axis axis);

IdeaResult summarize_idea(std::size_t index, const std::vector<Criterion>& criteria, const IdeaStats* stats);
std::vector<IdeaResult> summarize(const std::vector<Idea>& ideas, const std::vector<Criterion>& criteria,
                                  const Aggregates& agg);

// Indices into `results`, best first (benefit desc, visibility desc, risk asc, title, id).
std::vector<std::size_t> rank(const std::vector<Idea>& ideas, const std::vector<IdeaResult>& results);

// In the order the rules are checked (contracts 7 amends contracts 4).
enum class Exclusion { Prohibited, Excluded, HighRisk, Unassessed, Raters, Risk, Visibility, Size, Department };
// prohibited, excluded, high-risk, unassessed, raters, risk, visibility, size, department
std::string_view to_string(Exclusion e);

struct Pick {
    int rank = 0;             // 1-based
    std::size_t result = 0;   // index into results
    bool pinned = false;
    std::string why;          // one sentence
};

struct Rejection {
    std::size_t result = 0;
    Exclusion code = Exclusion::Size;
    std::string reason;       // a sentence a facilitator can read aloud
};

struct Selection {
    std::vector<Pick> pilots;
    std::vector<Rejection> not_selected;
};

Selection select_pilots(const std::vector<Idea>& ideas, const std::vector<IdeaResult>& results,
                        const SelectionRules& rules);
// The same with the ideas' AI Act classes already computed (one per idea, in the ideas' order),
// for callers that select many times from the same ideas (robustness samples).
Selection select_pilots(const std::vector<Idea>& ideas, const std::vector<IdeaResult>& results,
                        const SelectionRules& rules, const std::vector<AiActClass>& classes);
std::vector<AiActClass> classify_ideas(const std::vector<Idea>& ideas);

// The rules of sections 4 and 7 without the sentences, for callers that select many times
// (robustness samples): which results are chosen, in order, and each other result's code.
// Buffers are reused between calls.
struct Decisions {
    struct Picked { std::size_t result = 0; bool pinned = false; };
    struct Rejected { std::size_t result = 0; Exclusion code = Exclusion::Size; int department_count = 0; };
    std::vector<Picked> picks;
    std::vector<Rejected> rejected;
    std::vector<char> chosen;        // per result
    std::vector<int> per_department;
};
// `order`: rank(ideas, results) or the same order computed otherwise; `department_of`: per idea,
// the index of its department (department_indices), -1 for none.
void decide(const std::vector<Idea>& ideas, const std::vector<IdeaResult>& results, const SelectionRules& rules,
            const std::vector<AiActClass>& classes, const std::vector<std::size_t>& order,
            const std::vector<int>& department_of, Decisions& out);
std::vector<int> department_indices(const std::vector<Idea>& ideas);

}  // namespace pilotdeck::core
