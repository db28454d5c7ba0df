// The scoring grid's columns: as wide as the digits they hold, wider for a whole criterion name
// while the room allows, the name abbreviated otherwise (panel_scoring.cpp; needs an ImGui frame
// for the font).
#pragma once

#include <string>
#include <vector>

namespace pilotdeck::ui {

// `label` as it fits in `width` with the current font: whole, else its words cut to their first
// letters with a full stop ("Pers. data (GDPR)"), else its initials.
std::string abbreviate(const std::string& label, float width);

struct GridColumns {
    float rater = 0;                  // the raters' names column, cell padding included
    std::vector<float> width;         // per criterion, without cell padding
    std::vector<std::string> header;  // per criterion: the name as it fits
};

// Columns for `labels` (one per criterion) and the raters' names in `avail` wide.
GridColumns grid_columns(const std::vector<std::string>& rater_names, const std::vector<std::string>& labels,
                         float avail);

}  // namespace pilotdeck::ui
