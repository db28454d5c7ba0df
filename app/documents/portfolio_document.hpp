// The portfolio document (contracts 12, `pilotdeck portfolio`).
#pragma once

#include <string>

#include "core/portfolio.hpp"

namespace pilotdeck::documents {

// Keys in the contract's order, 2-space indent, one workshop, trend point, idea and measure per
// line; shares and progress with 3 decimals, axis scores with 2; null where there is no figure.
std::string write_portfolio(const core::Portfolio& p);

}  // namespace pilotdeck::documents
