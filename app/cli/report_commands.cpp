#include "cli/report_commands.hpp"

#include "cli/language.hpp"
#include "core/selection.hpp"
#include "report/report.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::cli {

namespace {

// The workshop without individual scores, its aggregates and its shortlist by its own rules.
struct Computed {
    core::Workshop workshop;
    std::vector<core::IdeaResult> results;
    core::Selection selection;
};

Computed compute(const std::string& file) {
    auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
    Computed c;
    c.workshop = wf->load_without_scores();
    follow_workshop_language(c.workshop.info.language);  // before any sentence is made
    const core::Aggregates agg = wf->load_aggregates();
    c.results = core::summarize(c.workshop.ideas, c.workshop.criteria, agg);
    c.selection = core::select_pilots(c.workshop.ideas, c.results, c.workshop.selection);
    return c;
}

}  // namespace

void write_report(const std::string& file, const std::string& out) {
    const Computed c = compute(file);
    report::write_pdf({c.workshop, c.results, c.selection, c.workshop.selection}, out);
}

std::string ideas_csv(const std::string& file) {
    const Computed c = compute(file);
    return report::ideas_csv({c.workshop, c.results, c.selection, c.workshop.selection});
}

}  // namespace pilotdeck::cli
