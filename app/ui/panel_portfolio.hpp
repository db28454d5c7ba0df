// File > Portfolio (contracts 12): the workshops of one folder as a portfolio, drawn over the
// whole window: the trend of each worry over time as a line chart, and every pilot's progress.
// Read-only: the workshop files are opened read-only and never changed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/portfolio.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

struct Palette;

// The view, with the folder it shows and what was read from it (the App keeps one).
class PortfolioView {
public:
    // Opens the view on `folder` (every *.pilotdeck and *.json in it is read at once).
    void open(const std::string& folder);
    bool is_open() const { return open_; }
    // Draws the view into the current window; Esc or Close closes it.
    void draw(const Fonts& fonts, const Palette& palette);

private:
    void read_folder();

    bool open_ = false;
    std::string folder_;
    std::optional<core::Portfolio> portfolio_;
    std::size_t files_ = 0;
    std::string error_;
};
// The folder the view starts on: the open workshop's folder, else the documents folder.
std::string portfolio_default_folder(const std::string& workshop_path);

}  // namespace pilotdeck::ui
