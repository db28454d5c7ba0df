// The scoring grid of one idea (score_grid.cpp): raters x criteria, typed by keyboard, the
// level texts of the focused criterion at hand, sized to fit the room's screen whole. In a
// hackathon the raters are the jury, and a judge's row for their own team is recused.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/recusal.hpp"
#include "core/selection.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

struct ScoreGrid {
    std::vector<std::string> rater_ids;
    std::vector<std::string> rater_names;
    std::vector<std::optional<core::RecusalReason>> recused;  // per rater, for this idea
    std::vector<const core::Criterion*> criteria;
    bool any_open() const;  // some rater may score this idea
};

// The raters of `idea`: the room's single consensus row, the jury (hackathon), or everyone.
ScoreGrid make_score_grid(const UiContext& ctx, const core::Idea& idea, bool consensus);

// The raters of a workshop as the grid shows them: the jury in a hackathon, else every person.
std::vector<const core::Participant*> grid_raters(const core::Workshop& ws);

// The grid and the levels of its focused criterion in the space left in the current window:
// font scale, row height and column widths chosen so both show whole, the levels beside the
// grid or below it.
void draw_grid_and_levels(UiContext& ctx, const ScoreGrid& g, const core::Idea& idea, const core::IdeaResult* result);

}  // namespace pilotdeck::ui
