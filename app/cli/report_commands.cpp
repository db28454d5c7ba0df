#include "cli/report_commands.hpp"

#include "cli/language.hpp"
#include "base/i18n.hpp"
#include "core/screening.hpp"
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

// The screening lines of an idea (contracts 7 and 11), in the report's language; none for an
// idea that was never screened.
std::vector<report::ExtraLine> screening_lines(const core::Idea& idea) {
    if (!idea.assessment) return {};
    std::string ai_act;
    switch (core::classify_ai_act(idea.assessment)) {
        case core::AiActClass::Prohibited: ai_act = i18n::tr("prohibited practice (Art. 5): never a pilot"); break;
        case core::AiActClass::HighRisk: ai_act = i18n::tr("high-risk (Annex III)"); break;
        case core::AiActClass::Unassessed: ai_act = i18n::tr("not fully screened yet"); break;
        case core::AiActClass::Limited: ai_act = i18n::tr("limited risk (transparency duties)"); break;
        case core::AiActClass::Minimal: ai_act = i18n::tr("minimal risk"); break;
    }
    std::string dpia;
    switch (core::classify_dpia(idea.assessment)) {
        case core::DpiaVerdict::Required: dpia = i18n::tr("required before the pilot"); break;
        case core::DpiaVerdict::Recommended: dpia = i18n::tr("recommended"); break;
        case core::DpiaVerdict::Unknown: dpia = i18n::tr("not known yet (questions open)"); break;
        case core::DpiaVerdict::NotNeeded: dpia = i18n::tr("not needed"); break;
    }
    return {{i18n::tr("EU AI Act"), ai_act}, {i18n::tr("DPIA (GDPR)"), dpia}};
}

}  // namespace

void write_report(const std::string& file, const std::string& out) {
    const Computed c = compute(file);
    report::ReportInput in{c.workshop, c.results, c.selection, c.workshop.selection};
    for (const core::Idea& idea : c.workshop.ideas)
        if (auto lines = screening_lines(idea); !lines.empty()) in.extras[idea.id] = std::move(lines);
    report::write_pdf(in, out);
}

std::string ideas_csv(const std::string& file) {
    const Computed c = compute(file);
    return report::ideas_csv({c.workshop, c.results, c.selection, c.workshop.selection});
}

}  // namespace pilotdeck::cli
