// GCC 12 sees a "potential null pointer dereference" inside CLI11's list splitting, inlined into
// the first option that takes several values; the code is CLI11's, not ours.
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <CLI/CLI.hpp>

#include "cli/portfolio.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "core/aggregate.hpp"
#include "documents/documents.hpp"
#include "documents/portfolio_document.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::cli {
namespace {

// Every SQLite database starts with these 16 bytes.
bool is_sqlite_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": " + std::strerror(errno));
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0;
}

core::PortfolioSource load_source(const std::string& path) {
    core::PortfolioSource src;
    src.name = path;
    if (is_sqlite_file(path)) {
        auto wf = storage::WorkshopFile::open(path, storage::WorkshopFile::Mode::ReadOnly);
        src.workshop = wf->load_without_scores();
        src.results = core::summarize(src.workshop.ideas, src.workshop.criteria, wf->load_aggregates());
    } else {
        src.workshop = documents::load_workshop(path);
        src.results = core::summarize(src.workshop.ideas, src.workshop.criteria, core::Aggregates::from_scores(src.workshop.scores));
        src.workshop.scores.clear();
        src.workshop.scores.shrink_to_fit();
    }
    return src;
}

}  // namespace

std::vector<core::PortfolioSource> load_portfolio_sources(const std::vector<std::string>& files) {
    // Files are read by up to 4 threads (each its own SQLite connection); the fault reported is
    // that of the first bad file in the order given, whichever thread met it first.
    std::vector<core::PortfolioSource> sources(files.size());
    std::vector<std::exception_ptr> faults(files.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            try {
                sources[i] = load_source(files[i]);
            } catch (...) {
                faults[i] = std::current_exception();
            }
        }
    };
    const std::size_t helpers = std::min<std::size_t>({files.size(), 4, std::max(1u, std::thread::hardware_concurrency())}) - 1;
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < helpers; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    for (const std::exception_ptr& fault : faults)
        if (fault) std::rethrow_exception(fault);
    if (const auto repeated = core::repeated_workshop(sources)) {
        const core::PortfolioSource& later = sources[repeated->first];
        const core::WorkshopInfo& info = later.workshop.info;
        throw std::runtime_error(later.name + ": the same workshop as " + sources[repeated->second].name + " (\"" +
                                 info.title + "\"" + (info.date.empty() ? "" : ", " + info.date) +
                                 "); give each workshop once");
    }
    return sources;
}

CLI::App* add_portfolio_command(CLI::App& app, PortfolioArgs& args) {
    auto* c = app.add_subcommand("portfolio", "One organisation's workshops as a portfolio document (JSON)");
    c->add_option("FILE", args.files, "Workshop files (.pilotdeck) or workshop documents (JSON), any order")->required();
    c->add_option("--out", args.out, "Output file (default: standard output)");
    return c;
}

int cmd_portfolio(const PortfolioArgs& args) {
    const std::string& out = args.out;
    const std::string text = documents::write_portfolio(core::build_portfolio(load_portfolio_sources(args.files)));
    if (out.empty()) {
        if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
            throw std::runtime_error(std::string("standard output: ") + std::strerror(errno));
    } else {
        documents::write_file_atomic(out, text);
    }
    return 0;
}

}  // namespace pilotdeck::cli
