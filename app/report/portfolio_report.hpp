// The portfolio report for the steering group (issue 13, contracts 12): one organisation's
// workshops over months as an A4 PDF — the workshops, the ideas by status, each worry's share of
// the room over time as a line chart, every pilot's measures against baseline and target, and
// every idea with its status. In the current i18n language; see docs/formats.md "Portfolio report".
#pragma once

#include <string>

#include "core/portfolio.hpp"

namespace pilotdeck::report {

// The PDF as bytes (fonts embedded).
std::string render_portfolio_pdf(const core::Portfolio& portfolio);

// render_portfolio_pdf written to `path` atomically; a missing folder is reported before anything
// is drawn. Throws std::runtime_error "PATH: reason".
void write_portfolio_pdf(const core::Portfolio& portfolio, const std::string& path);

}  // namespace pilotdeck::report
