// The benefit-vs-risk matrix drawn onto any ImDrawList: the panel draws it into its window,
// the PNG export into an off-screen draw list. Implemented in panel_matrix.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/selection.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

struct MatrixBubble {
    std::size_t idea = 0;  // index into the workshop's ideas
    ImVec2 centre;
    float radius = 0;
};

// A title written beside its bubble (whole, on one to three lines: '\n' between them).
struct MatrixLabel {
    std::size_t idea = 0;
    std::string text;
    ImVec2 min, max;
    bool leader = false;  // drawn away from its bubble, with a line to it
};

// What was drawn where, for hit-testing (hover, click) and for tests.
struct MatrixGeometry {
    std::vector<MatrixBubble> bubbles;  // in drawing order (the last is on top)
    std::vector<MatrixLabel> labels;
    std::vector<std::pair<int, std::size_t>> numbered;  // number and idea: listed in the side column
    std::size_t listed = 0;  // how many of them the side column holds
    ImVec2 plot_min, plot_max;
};

// The quadrant the matrix draws an idea in: its quadrant, except that an idea whose (rounded)
// risk is above the selection's max_risk is never drawn as a quick win or fill-in (green or
// low-risk): it takes the high-risk quadrant of its benefit, as the shortlist rules keep it out.
core::Quadrant shown_quadrant(const core::IdeaResult& r, double max_risk);

// Draws the whole matrix (plot, key, numbered legend, "not yet placed") into [min, max] with
// `font` at `font_size`. `highlight`: the idea id drawn emphasised (the selected one).
MatrixGeometry draw_matrix_chart(ImDrawList* dl, ImVec2 min, ImVec2 max, const UiContext& ctx, ImFont* font,
                                 float font_size, const std::string& highlight);

}  // namespace pilotdeck::ui
