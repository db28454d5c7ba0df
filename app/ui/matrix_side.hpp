// The matrix chart's side column (drawn by matrix_chart.cpp): the marker key, the numbered ideas
// (those whose title has no room beside their bubble) with their whole titles, and the ideas not
// yet placed. On screen a list too long for the column is paged (the page turned by a key, or
// to the selected idea); the exported picture has no pages: it lists what fits, then "+ N more".
#pragma once

#include <cfloat>
#include <cstddef>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/model.hpp"
#include "core/selection.hpp"
#include "ui/theme.hpp"

namespace pilotdeck::ui {

// Text helper bound to one font and size (the panel's, or the export's).
struct Pen {
    ImDrawList* dl;
    ImFont* font;
    float size;
    ImVec2 measure(const std::string& t, float scale = 1) const {
        return font->CalcTextSizeA(size * scale, FLT_MAX, 0.f, t.c_str());
    }
    void text(ImVec2 p, const Rgba& c, const std::string& t, float scale = 1) const;
    // Wrapped at `wrap` wide; returns the height it took.
    float wrapped(ImVec2 p, const Rgba& c, const std::string& t, float wrap) const;
};

// One numbered idea for the side column.
struct NumberedIdea {
    int number = 0;
    std::size_t idea = 0;  // index into the workshop's ideas
    std::string text;      // its title (with the risk mark)
    bool highlight = false;  // the selected idea: drawn marked
};

// One entry drawn in the list (for tests: where and how big).
struct SideEntry {
    int number = 0;
    std::size_t idea = 0;
    std::string text;  // as drawn: "3 — title"
    ImVec2 min, max;
    float font_size = 0;
};

struct SideColumn {
    std::vector<SideEntry> drawn;  // the numbered ideas drawn (this page)
    int pages = 1, page = 0;       // the list's pages and the one drawn
    std::vector<int> page_of;      // per numbered idea (in number order): its page
    std::vector<SideEntry> unplaced;  // "Not yet placed" and what is drawn under it (number 0)
};

// The side column's width for a chart `width` x `height`: a quarter of the chart, wider where
// ideas share a spot (they will be numbered) and their whole titles would not fit.
float side_width(const core::Workshop& ws, const std::vector<core::IdeaResult>& results, const Pen& pen, float width,
                 float height);

// Draws the side column at `p`, `width` wide, down to `bottom`. `page` < 0: no pages (every
// numbered idea whole, smaller and in two columns where it must, else "+ N more"); else the list
// at a size the back row reads (at least 0.8 of the body), on pages, `page` drawn.
SideColumn draw_side(const Pen& pen, const Palette& pal, ImVec2 p, float width, float bottom, bool limit_shown,
                     const std::vector<NumberedIdea>& numbered, const std::vector<std::string>& unplaced, int page);

}  // namespace pilotdeck::ui
