#include "portfolio/sources.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "core/aggregate.hpp"
#include "documents/documents.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::portfolio {
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
        storage::WorkshopFile::Summary summary = storage::WorkshopFile::read_summary(path);
        src.workshop = std::move(summary.workshop);
        src.results = core::summarize(src.workshop.ideas, src.workshop.criteria, summary.aggregates);
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

}  // namespace pilotdeck::portfolio
