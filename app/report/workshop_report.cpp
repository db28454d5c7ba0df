#include "report/workshop_report.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "base/i18n.hpp"
#include "base/shipped.hpp"
#include "core/aggregate.hpp"
#include "core/selection.hpp"
#include "report/text.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::report {
namespace {

std::string verdict_text(core::RobustnessVerdict v) {
    switch (v) {
        case core::RobustnessVerdict::Robust: return i18n::tr("robust");
        case core::RobustnessVerdict::Uncertain: return i18n::tr("uncertain");
        case core::RobustnessVerdict::Fragile: return i18n::tr("fragile");
        case core::RobustnessVerdict::Out: return i18n::tr("not chosen");
    }
    return {};
}

bool has_individual_scores(const core::Workshop& ws) {
    return std::any_of(ws.scores.begin(), ws.scores.end(), [](const core::Score& s) { return !s.consensus; });
}

}  // namespace

std::string shipped_obligations_path() {
    return (std::filesystem::path(base::shipped_dir("PILOTDECK_ASSETS", "assets")) / "ai-act-obligations.json").string();
}

namespace {

// What an uncertain or fragile pilot depends on (core::RobustnessDependence), one sentence each.
std::vector<std::string> dependence_items(const core::RobustnessDependence& d, const std::vector<core::Criterion>& criteria) {
    std::vector<std::string> items;
    if (d.criterion && *d.criterion < criteria.size()) {
        const std::string name = "\u201C" + criteria[*d.criterion].label + "\u201D";
        // TRANSLATORS: {0} a criterion's name in quotes; {1} and {2} its mean share of its axis's weight (0,42).
        const char* pattern = d.weight_when_chosen >= d.weight_otherwise
                                  ? i18n::tr("The weight of {0}: a pilot when it weighs more (on average {1} of its axis when "
                                             "chosen, {2} otherwise).")
                                  : i18n::tr("The weight of {0}: a pilot when it weighs less (on average {1} of its axis when "
                                             "chosen, {2} otherwise).");
        items.push_back(i18n::format(pattern, {name, i18n::number(d.weight_when_chosen, 2), i18n::number(d.weight_otherwise, 2)}));
    }
    if (d.rater)
        // TRANSLATORS: {0} and {1} percentages. The report names no rater, on purpose.
        items.push_back(i18n::format(i18n::tr("Who scored: with one of the raters in the room it is a pilot in {0} % of the "
                                              "variations, without them in {1} % (the report names no rater)."),
                                     {i18n::number(d.share_with_rater * 100, 1), i18n::number(d.share_without_rater * 100, 1)}));
    return items;
}

}  // namespace

std::vector<ExtraLine> idea_lines(const core::Idea& idea, bool pilot, const core::IdeaRobustness* robust, int samples,
                                  const core::ObligationCatalogue* obligations, const std::vector<core::Criterion>& criteria) {
    std::vector<ExtraLine> lines;
    if (idea.assessment) {
        lines.push_back({i18n::tr("EU AI Act"), core::describe(core::classify_ai_act(idea.assessment))});
        lines.push_back({i18n::tr("DPIA (GDPR)"), core::describe(core::classify_dpia(idea.assessment))});
    }
    if (!idea.status_history.empty()) {  // the latest decision (contracts 12) and what the users said then
        const core::StatusChange& last = idea.status_history.back();
        // TRANSLATORS: {0} a status (scaled, stopped...), {1} a date; a reason may follow after a dash.
        std::string text = i18n::format(i18n::tr("{0} on {1}"), {status_name(last.status), date_for_people(last.date)});
        if (!last.reason.empty()) text += " — " + last.reason;
        lines.push_back({i18n::tr("Status"), text});
        if (!last.users_say.empty()) lines.push_back({i18n::tr("What the users say"), last.users_say});
    }
    if (pilot && obligations) {
        // An unscreened pilot still carries what applies to every AI system (and "finish the
        // screening"), as the shortlist document lists them.
        std::vector<std::string> items = core::obligations_for(idea.assessment, *obligations);
        if (!items.empty()) lines.push_back({i18n::tr("Obligations"), {}, std::move(items)});
    }
    if (pilot && robust) {
        // TRANSLATORS: {0} robust/uncertain/fragile, {1} a percentage, {2} the number of variations.
        lines.push_back({i18n::tr("Robustness"),
                         i18n::format(i18n::tr("{0} — a pilot in {1} % of {2} variations of the weights and of who scored"),
                                      {verdict_text(robust->verdict), i18n::number(robust->selected_share * 100, 1),
                                       i18n::integer(samples)})});
        if (robust->depends_on)
            if (auto items = dependence_items(*robust->depends_on, criteria); !items.empty())
                lines.push_back({i18n::tr("What it depends on"), {}, std::move(items)});
    }
    return lines;
}

void write_workshop_report(const std::string& file, const std::string& out, const WorkshopReportOptions& options) {
    auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
    core::Workshop ws = wf->load();
    if (options.on_language) options.on_language(ws.info.language);
    const std::vector<core::IdeaResult> results = core::summarize(ws.ideas, ws.criteria, wf->load_aggregates());
    const core::Selection selection = core::select_pilots(ws.ideas, results, ws.selection);

    core::RobustnessResult rob;
    const bool robust = !selection.pilots.empty() && has_individual_scores(ws);
    if (robust) {
        core::RobustnessOptions ro;
        ro.samples = kReportSamples;
        ro.seed = kReportSeed;
        ro.concentration = kReportConcentration;
        rob = core::robustness(ws, ro);
    }
    ws.scores.clear();  // the report reads aggregates only
    ws.scores.shrink_to_fit();

    ReportInput in{ws, results, selection, ws.selection};
    std::vector<bool> pilot(ws.ideas.size(), false);
    for (const core::Pick& p : selection.pilots) pilot[results[p.result].idea] = true;
    std::vector<const core::IdeaRobustness*> verdict(ws.ideas.size(), nullptr);
    for (const core::IdeaRobustness& r : rob.ideas) verdict[r.idea] = &r;
    bool screened = false;
    for (std::size_t i = 0; i < ws.ideas.size(); ++i) {
        const core::Idea& idea = ws.ideas[i];
        screened = screened || idea.assessment.has_value();
        auto lines = idea_lines(idea, pilot[i], verdict[i], kReportSamples, options.obligations, ws.criteria);
        if (!lines.empty()) in.extras[idea.id] = std::move(lines);
    }
    if (robust)
        in.notes.push_back(i18n::format(
            i18n::tr("Robustness: the shortlist was computed again {0} times, each time with the criteria weights "
                     "varied at random (concentration {1}) and the raters drawn again with replacement (seed {2}); "
                     "robust means a pilot in at least 80 % of them, fragile in at most 50 %. The same as "
                     "`pilotdeck robustness` with its defaults."),
            {i18n::integer(kReportSamples), i18n::number(kReportConcentration, 0), std::to_string(kReportSeed)}));
    if (screened || (options.obligations && !selection.pilots.empty()))
        in.notes.push_back(i18n::tr("A first screening to guide the discussion, not legal advice: check the result with "
                                    "your data protection officer or legal counsel before a pilot starts."));
    write_pdf(in, out);
}

}  // namespace pilotdeck::report
