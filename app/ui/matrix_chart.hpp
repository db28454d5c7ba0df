// The benefit-vs-risk matrix drawn onto any ImDrawList: the panel draws it into its window,
// the PNG export into an off-screen draw list. Implemented in matrix_chart.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/selection.hpp"
#include "ui/matrix_layout.hpp"
#include "ui/matrix_side.hpp"
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
    std::size_t listed = 0;  // how many of them the side column holds (on the page drawn)
    std::vector<SideEntry> list;  // those entries: number, text, where, at what size
    int list_pages = 1, list_page = 0;  // the side list's pages (on screen) and the one drawn
    std::vector<int> list_page_of;      // per entry of `numbered`: the page it is on
    std::vector<SideEntry> unplaced;    // "Not yet placed" and the lines under it, as drawn
    ImVec2 plot_min, plot_max;
};

// The quadrant the matrix draws an idea in: its quadrant, except that an idea whose (rounded)
// risk is above the selection's max_risk is never drawn as a quick win or fill-in (green or
// low-risk): it takes the high-risk quadrant of its benefit, as the shortlist rules keep it out.
core::Quadrant shown_quadrant(const core::IdeaResult& r, double max_risk);

// What the bubble and label layout was computed from.
struct MatrixChartKey {
    const core::Session* session = nullptr;
    std::uint64_t revision = 0;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0, font_size = 0;
    const ImFont* font = nullptr;
    std::string highlight;
    bool operator==(const MatrixChartKey&) const = default;
};

// The bubble and label layout of one view's chart: laid out again only when the workshop or the
// geometry changes, not every frame (placing 1,000 labels is quadratic). The matrix panel keeps
// one (panel_set.hpp).
struct MatrixChartCache {
    MatrixChartKey key;
    std::vector<std::string> unplaced;
    std::vector<std::size_t> placed_ideas;
    std::vector<matrix::Circle> circles;
    std::vector<std::string> label_text, short_text;
    matrix::LabelLayout labels;
    std::vector<std::vector<std::size_t>> groups;  // numbered bubbles overlapping others
    std::vector<std::string> group_text;           // "3, 4, 5"
    std::vector<matrix::Circle> group_centres;
    matrix::LabelLayout group_tags;
};

// Draws the whole matrix (plot, key, numbered legend, "not yet placed") into [min, max] with
// `font` at `font_size`. `highlight`: the idea id drawn emphasised (the selected one).
// `layout_cache`: the view's layout of the bubbles and labels (none: laid out for this drawing).
// `list_page`: on screen, the page of the numbered list to draw (a list too long for the side
// column is paged at a size the back row reads, the highlighted idea marked in it); -1 (the
// exported picture): no pages, what does not fit ends in "+ N more".
MatrixGeometry draw_matrix_chart(ImDrawList* dl, ImVec2 min, ImVec2 max, const UiContext& ctx, ImFont* font,
                                 float font_size, const std::string& highlight,
                                 MatrixChartCache* layout_cache = nullptr, int list_page = -1);

}  // namespace pilotdeck::ui
