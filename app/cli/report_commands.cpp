#include "cli/report_commands.hpp"

#include "cli/language.hpp"
#include "base/i18n.hpp"
#include "cli/resources.hpp"
#include "documents/documents.hpp"
#include "core/selection.hpp"
#include "report/report.hpp"
#include "report/portfolio_report.hpp"
#include "report/workshop_report.hpp"
#include "portfolio/sources.hpp"
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
    const core::ObligationCatalogue obligations = documents::load_obligations(obligations_path());
    report::WorkshopReportOptions options;
    options.obligations = &obligations;
    options.on_language = [](std::string_view lang) { follow_workshop_language(lang); };
    report::write_workshop_report(file, out, options);
}

void write_portfolio_report(const std::vector<std::string>& files, const std::string& out) {
    const std::vector<core::PortfolioSource> sources = portfolio::load_portfolio_sources(files);
    // The latest workshop's language (dates compare as text; undated ones count as oldest).
    const core::PortfolioSource* latest = nullptr;
    for (const core::PortfolioSource& s : sources)
        if (!latest || s.workshop.info.date >= latest->workshop.info.date) latest = &s;
    if (latest) follow_workshop_language(latest->workshop.info.language);
    report::write_portfolio_pdf(core::build_portfolio(sources), out);
}

std::string ideas_csv(const std::string& file) {
    const Computed c = compute(file);
    return report::ideas_csv({c.workshop, c.results, c.selection, c.workshop.selection});
}

}  // namespace pilotdeck::cli
