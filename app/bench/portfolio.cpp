// pilotdeck-bench portfolio: `pilotdeck portfolio` over 50 workshop files of 100 ideas each
// (20 raters x 9 criteria, 3 pilots with 2 measures each per workshop), the size: one
// firm's workshops over years. Measured in-process (read, summarise, build, write the document).
#include <ctime>
#include <filesystem>
#include <string>

#include "bench_util.hpp"
#include "cli/portfolio.hpp"
#include "core/followup.hpp"
#include "documents/documents.hpp"
#include "documents/portfolio_document.hpp"
#include "storage/workshop_file.hpp"
#include "synthetic.hpp"

namespace pilotdeck::bench {

namespace {

constexpr int kWorkshops = 50, kIdeas = 100, kRaters = 20, kCriteria = 9;

std::string date_of(int w) {  // one workshop every month or so, from 2023-01
    const int month = w % 12 + 1, year = 2023 + w / 12;
    return std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + "-10";
}

core::Workshop bench_workshop(int w) {
    core::Workshop ws = synthetic_workshop(kIdeas, kRaters, kCriteria, static_cast<unsigned>(w + 1));
    ws.info.title = "Workshop " + std::to_string(w + 1);
    ws.info.date = date_of(w);
    ws.concerns[0].count = w % kRaters;
    for (int i = 0; i < 3; ++i) {
        core::Idea& idea = ws.ideas[static_cast<std::size_t>(i * 7)];
        idea.status = core::IdeaStatus::Pilot;
        idea.status_history = {{core::IdeaStatus::Pilot, ws.info.date, "Chosen"}};
        for (const char* preset : {"adoption_rate", "minutes_per_task"}) {
            core::Measure m = core::measure_from_preset(*core::find_measure_preset(preset));
            m.values = {{ws.info.date, m.baseline}, {date_of(w + 1), (m.baseline + m.target) / 2}};
            idea.measures.push_back(std::move(m));
        }
    }
    return ws;
}

}  // namespace

void report_portfolio(const std::filesystem::path& dir, int runs) {
    std::vector<std::string> files;
    for (int w = 0; w < kWorkshops; ++w) {
        files.push_back((dir / ("portfolio-" + std::to_string(w) + ".pilotdeck")).string());
        storage::WorkshopFile::create(files.back(), bench_workshop(w), true);
    }
    const std::string out = (dir / "portfolio.json").string();
    const auto run = [&] { cli::cmd_portfolio({files, out}); };
    report("portfolio.50x100", measure(runs, run));
    // The same on the process's CPU clock: what it costs without other programs' load.
    report("portfolio.50x100.cpu", measure(runs, run, [] {
               timespec t{};
               clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
               return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
           }));
}

}  // namespace pilotdeck::bench
