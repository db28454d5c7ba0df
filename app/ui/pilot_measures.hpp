// Measures of a pilot in the GUI (contracts 12): adding one from the KPI presets with its own
// baseline and target, and the shortlist's flag for a pilot that has none yet.
#pragma once

#include <optional>
#include <string>

#include "core/model.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

// One row: preset, baseline, target, "Add measure". True when a measure was added.
bool add_measure_row(UiContext& ctx, const core::Idea& pilot);

// On the shortlist: a chosen pilot without a measure is flagged, with "Add a measure…".
void measure_flag(UiContext& ctx, const core::Idea& pilot);

// "22", "22.5" or "22,5" (decimal comma): the number, or nullopt.
std::optional<double> parse_number(std::string text);

}  // namespace pilotdeck::ui
