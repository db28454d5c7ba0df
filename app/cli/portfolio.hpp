// `pilotdeck portfolio FILE... [--out PORTFOLIO.json]` (contracts 12).
#pragma once

#include <string>
#include <vector>

#include "core/portfolio.hpp"

namespace CLI {
class App;
}

namespace pilotdeck::cli {

struct PortfolioArgs {
    std::vector<std::string> files;
    std::string out;
};
// The `portfolio` subcommand, its arguments bound to `args`.
CLI::App* add_portfolio_command(CLI::App& app, PortfolioArgs& args);

// Writes the portfolio document to --out (atomically) or stdout; nothing when any input fails.
int cmd_portfolio(const PortfolioArgs& args);

}  // namespace pilotdeck::cli
