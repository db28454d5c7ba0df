// File > Portfolio (contracts 12): the workshops of one folder as a portfolio, drawn over the
// whole window: the trend of each worry over time as a line chart, and every pilot's progress.
// Read-only: the workshop files are opened read-only and never changed.
#pragma once

#include <string>

#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

struct Palette;

// Opens the view on `folder` (every *.pilotdeck and *.json in it is read at once).
void open_portfolio_view(const std::string& folder);
bool portfolio_view_open();
// Draws the view into the current window; Esc or Close closes it.
void draw_portfolio_view(const Fonts& fonts, const Palette& palette);
// The folder the view starts on: the open workshop's folder, else the documents folder.
std::string portfolio_default_folder(const std::string& workshop_path);

}  // namespace pilotdeck::ui
