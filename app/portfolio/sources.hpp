// Reading the workshops of a portfolio (contracts 12): workshop files and workshop documents,
// used by `pilotdeck portfolio` and the GUI's portfolio view.
#pragma once

#include <string>
#include <vector>

#include "core/portfolio.hpp"

namespace pilotdeck::portfolio {

// Reads each FILE, a workshop file (.pilotdeck, recognised by its SQLite header, read once,
// read-only: WorkshopFile::read_summary) or a workshop document (JSON), with its axis scores. Throws std::runtime_error
// "FILE: what is wrong" (or the document's positioned message) at the first that is not a
// workshop, and "FILE: the same workshop as OTHER (...)" when one is given twice.
std::vector<core::PortfolioSource> load_portfolio_sources(const std::vector<std::string>& files);

}  // namespace pilotdeck::portfolio
