// Axis scores, quadrants and the pilot selection of contracts.md section 4.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/aggregate.hpp"
#include "core/model.hpp"

namespace pilotdeck::core {

enum class Quadrant { QuickWin, Strategic, FillIn, Avoid };
std::string_view to_string(Quadrant q);  // quick-win, strategic, fill-in, avoid

struct CriterionSummary {
    std::string criterion;  // id
    double mean = 0;        // rounded to 2 decimals
    double sd = 0;          // rounded to 2 decimals
    int n = 0;
};

struct IdeaResult {
    std::size_t idea = 0;  // index into the workshop's ideas
    std::optional<double> benefit, risk, visibility;  // rounded to 2 decimals; nullopt = no scores
    int raters = 0;
    std::optional<Quadrant> quadrant;  // nullopt when benefit or risk has no score
    bool contested = false;            // some criterion has rounded sd >= 1.00
    std::vector<CriterionSummary> criteria;  // in the workshop's criteria order, scored ones only
};

// The middle of an axis' scale: (lowest min + highest max) / 2 over that axis' criteria; 3 for 1..5.
double axis_mid(const std::vector<Criterion>& criteria, Axis axis);

IdeaResult summarize_idea(std::size_t index, const std::vector<Criterion>& criteria, const IdeaStats* stats);
std::vector<IdeaResult> summarize(const std::vector<Idea>& ideas, const std::vector<Criterion>& criteria,
                                  const Aggregates& agg);

// Indices into `results`, best first (benefit desc, visibility desc, risk asc, title, id).
std::vector<std::size_t> rank(const std::vector<Idea>& ideas, const std::vector<IdeaResult>& results);

enum class Exclusion { Excluded, Raters, Risk, Visibility, Size, Department };
std::string_view to_string(Exclusion e);  // excluded, raters, risk, visibility, size, department

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

}  // namespace pilotdeck::core
