// A measure against its baseline and target as a small chart a projector shows legibly
// (contracts 12, the review stage): thick lines, labels in the large font.
#pragma once

#include <imgui.h>

#include "core/model.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

// Draws the chart into a box of `size` at the cursor and advances the cursor past it.
void measure_chart(const UiContext& ctx, const core::Measure& m, ImVec2 size);

// "30 min", "4.2", "60 %": a figure with its unit, as people read it.
std::string with_unit(double value, const std::string& unit);

}  // namespace pilotdeck::ui
