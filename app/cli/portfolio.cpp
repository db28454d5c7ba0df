// GCC 12 sees a "potential null pointer dereference" inside CLI11's list splitting, inlined into
// the first option that takes several values; the code is CLI11's, not ours.
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <CLI/CLI.hpp>

#include "cli/portfolio.hpp"
#include "portfolio/sources.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "documents/documents.hpp"
#include "documents/portfolio_document.hpp"

namespace pilotdeck::cli {

CLI::App* add_portfolio_command(CLI::App& app, PortfolioArgs& args) {
    auto* c = app.add_subcommand("portfolio", "One organisation's workshops as a portfolio document (JSON)");
    c->add_option("FILE", args.files, "Workshop files (.pilotdeck) or workshop documents (JSON), any order")->required();
    c->add_option("--out", args.out, "Output file (default: standard output)");
    return c;
}

int cmd_portfolio(const PortfolioArgs& args) {
    const std::string& out = args.out;
    const std::string text = documents::write_portfolio(core::build_portfolio(portfolio::load_portfolio_sources(args.files)));
    if (out.empty()) {
        if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
            throw std::runtime_error(std::string("standard output: ") + std::strerror(errno));
    } else {
        documents::write_file_atomic(out, text);
    }
    return 0;
}

}  // namespace pilotdeck::cli
