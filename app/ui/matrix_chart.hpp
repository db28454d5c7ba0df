// The benefit-vs-risk matrix drawn onto any ImDrawList: the panel draws it into its window,
// the PNG export into an off-screen draw list. Implemented in panel_matrix.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

struct MatrixBubble {
    std::size_t idea = 0;  // index into the workshop's ideas
    ImVec2 centre;
    float radius = 0;
};

// What was drawn where, for hit-testing (hover, click).
struct MatrixGeometry {
    std::vector<MatrixBubble> bubbles;  // in drawing order (the last is on top)
    ImVec2 plot_min, plot_max;
};

// Draws the whole matrix (plot, key, numbered legend, "not yet placed") into [min, max] with
// `font` at `font_size`. `highlight`: the idea id drawn emphasised (the selected one).
MatrixGeometry draw_matrix_chart(ImDrawList* dl, ImVec2 min, ImVec2 max, const UiContext& ctx, ImFont* font,
                                 float font_size, const std::string& highlight);

}  // namespace pilotdeck::ui
