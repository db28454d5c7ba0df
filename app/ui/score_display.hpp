// How scores, quadrants and flags look, shared by the scoring, matrix and shortlist panels:
// numbers with 2 decimals (as core rounds them), quadrant names, colours and marker shapes
// (colour is never alone: every quadrant has its own shape too).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/selection.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

std::string fmt2(double v);                        // "4.17"
std::string fmt_score(const std::optional<double>& v);  // "4.17", or "—" when no scores
std::string fmt_limit(double v);                   // "2.5", "2.25", "3" (no trailing zeros)

// The scale of an axis: lowest min and highest max over its criteria (1..5 when it has none).
struct AxisRange {
    double lo = 1, hi = 5;
};
AxisRange axis_range(const std::vector<core::Criterion>& criteria, core::Axis a);

const char* quadrant_title(core::Quadrant q);      // "Quick win"
const char* quadrant_area_title(core::Quadrant q); // "Quick wins" (the area on the matrix)
const char* axis_title(core::Axis a);              // "Benefit"
Rgba quadrant_colour(const Palette& p, core::Quadrant q);  // Okabe-Ito
Rgba quadrant_tint(const Palette& p, core::Quadrant q);    // the light area tint

// The quadrant's marker: circle (quick win), square (strategic), diamond (fill-in),
// triangle (avoid), filled with the quadrant colour and outlined.
void draw_quadrant_marker(ImDrawList* dl, ImVec2 centre, float r, core::Quadrant q, const Palette& p,
                          float outline_thickness);
// Black or white, whichever reads better on `fill`.
Rgba text_on(const Rgba& fill);

// A small filled tag with its text, so a flag is never colour alone.
void badge(const char* text, const Rgba& bg, const Rgba& fg);
// "! discuss" in the warning colours.
void contested_badge(const UiContext& ctx);
// Marker and name of a quadrant inline with the text.
void quadrant_tag(const UiContext& ctx, core::Quadrant q);
// One line: "Benefit 4.17   Risk 1.62   Visibility 4.25   6 raters", the quadrant tag and,
// when contested, the "! discuss" badge.
void axis_scores_line(const UiContext& ctx, const core::IdeaResult& r);

}  // namespace pilotdeck::ui
