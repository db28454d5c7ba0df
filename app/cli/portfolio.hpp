// `pilotdeck portfolio FILE... [--out PORTFOLIO.json]` (contracts 12).
#pragma once

#include <string>
#include <vector>

#include "core/portfolio.hpp"

namespace CLI {
class App;
}

namespace pilotdeck::cli {

// Reads each FILE, a workshop file (.pilotdeck, recognised by its SQLite header, opened
// read-only) or a workshop document (JSON), with its axis scores. Throws std::runtime_error
// "FILE: what is wrong" (or the document's positioned message) at the first that is not a
// workshop, and "FILE: the same workshop as OTHER (...)" when one is given twice.
std::vector<core::PortfolioSource> load_portfolio_sources(const std::vector<std::string>& files);

struct PortfolioArgs {
    std::vector<std::string> files;
    std::string out;
};
// The `portfolio` subcommand, its arguments bound to `args`.
CLI::App* add_portfolio_command(CLI::App& app, PortfolioArgs& args);

// Writes the portfolio document to --out (atomically) or stdout; nothing when any input fails.
int cmd_portfolio(const PortfolioArgs& args);

}  // namespace pilotdeck::cli
