#include "report/report.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "base/i18n.hpp"
#include "documents/documents.hpp"
#include "report/charts.hpp"
#include "report/pdf_doc.hpp"
#include "report/text.hpp"

namespace pilotdeck::report {

namespace {

void workshop_section(PdfDoc& doc, const ReportInput& in) {
    const core::WorkshopInfo& info = in.workshop.info;
    doc.paragraph(info.title.empty() ? std::string(i18n::tr("Untitled workshop")) : info.title, fonts::kH1, 0, 3);
    doc.paragraph(i18n::tr("Report for decision makers"), Font{13, false, colors::kMuted});
    doc.space(8);
    doc.rule();
    doc.space(4);
    const std::string none = i18n::tr("not given");
    doc.field(i18n::tr("Organisation"), info.organisation.empty() ? none : info.organisation);
    doc.field(i18n::tr("Date"), info.date.empty() ? none : date_for_people(info.date));
    doc.field(i18n::tr("Facilitator"), info.facilitator.empty() ? none : info.facilitator);
    doc.field(i18n::tr("Participants"), i18n::integer(static_cast<long long>(in.workshop.participants.size())));
    doc.field(i18n::tr("Ideas"), i18n::integer(static_cast<long long>(in.workshop.ideas.size())));
    doc.space(6);
    doc.paragraph(i18n::format(i18n::ntr("{0} pilot was chosen from {1} ideas.", "{0} pilots were chosen from {1} ideas.",
                                         static_cast<unsigned long>(in.selection.pilots.size())),
                               {std::to_string(in.selection.pilots.size()), std::to_string(in.workshop.ideas.size())}),
                  fonts::kBody);
}

bool has_scores(const ReportInput& in) {
    return std::any_of(in.results.begin(), in.results.end(), [](const core::IdeaResult& r) { return r.raters > 0; });
}

void extras(PdfDoc& doc, const ReportInput& in, const core::Idea& idea, double indent) {
    // HOOK: ai_act, dpia, obligations and the robustness verdict arrive here as extra lines (measures,
    // already in the model, are printed by pilot_section).
    const auto it = in.extras.find(idea.id);
    if (it == in.extras.end()) return;
    for (const auto& line : it->second) {
        if (line.items.empty()) {
            doc.field(line.label, line.text, indent);
            continue;
        }
        doc.paragraph(line.label + ":", fonts::kLabel, indent, 2);
        for (const auto& item : line.items) doc.paragraph("• " + item, fonts::kBody, indent + 16, 1);
    }
}

void pilot_section(PdfDoc& doc, const ReportInput& in, const core::Pick& pick) {
    const core::IdeaResult& r = in.results[pick.result];
    const core::Idea& idea = in.workshop.ideas[r.idea];
    doc.heading(i18n::format(i18n::tr("Pilot {0}: {1}"), {std::to_string(pick.rank), idea.title}), fonts::kH3);
    const std::string none = i18n::tr("not given");
    doc.field(i18n::tr("Department"), idea.department.empty() ? none : idea.department);
    doc.field(i18n::tr("Owner"), owner_name(in.workshop, idea));
    doc.field(i18n::tr("Success criteria"), idea.success_criteria.empty() ? none : idea.success_criteria);
    const auto measures = measure_lines(idea);
    if (!measures.empty()) {
        doc.paragraph(std::string(i18n::tr("Measures")) + ":", fonts::kLabel);
        for (const auto& line : measures) doc.paragraph(line, fonts::kBody, 16, 1);
    }
    doc.field(i18n::tr("Scores"), axis_scores_line(in.workshop.criteria, r));
    std::string standing = i18n::format(i18n::ntr("{0} rater", "{0} raters", static_cast<unsigned long>(std::max(r.raters, 0))),
                                        {std::to_string(r.raters)});
    if (r.quadrant) standing += " · " + std::string(quadrant_name(*r.quadrant));
    if (pick.pinned) standing += " · " + std::string(i18n::tr("pinned by the facilitator"));
    if (r.contested) standing += " · " + std::string(i18n::tr("contested: the raters disagree on a criterion"));
    doc.field(i18n::tr("Standing"), standing);
    for (const auto& line : criterion_lines(in.workshop.criteria, r)) doc.paragraph(line, fonts::kSmall, 16, 1);
    extras(doc, in, idea, 0);
    doc.field(i18n::tr("Why"), pick.why);
    doc.space(4);
    doc.rule();
}

void other_ideas_section(PdfDoc& doc, const ReportInput& in, const std::vector<int>& numbers) {
    doc.heading(i18n::tr("The other ideas"), fonts::kH2);
    if (in.selection.not_selected.empty()) {
        doc.paragraph(i18n::tr("Every idea became a pilot."), fonts::kBody);
        return;
    }
    doc.paragraph(i18n::tr("In ranking order, each with the first rule that kept it out."), fonts::kSmall);
    doc.space(4);
    for (const auto& rej : in.selection.not_selected) {
        const core::IdeaResult& r = in.results[rej.result];
        const core::Idea& idea = in.workshop.ideas[r.idea];
        std::string head = "#" + std::to_string(numbers[rej.result]) + "  " + idea.title;
        if (!idea.department.empty()) head += " — " + idea.department;
        doc.ensure(doc.line_height(fonts::kLabel) * 2);
        doc.paragraph(head, fonts::kLabel, 0, 2);
        doc.paragraph(rej.reason, fonts::kBody, 16, 1);
        if (r.raters > 0) doc.paragraph(axis_scores_line(in.workshop.criteria, r), fonts::kSmall, 16, 1);
        extras(doc, in, idea, 16);
        doc.space(3);
    }
}

void rules_section(PdfDoc& doc, const ReportInput& in) {
    doc.heading(i18n::tr("The rules used"), fonts::kH2);
    const core::SelectionRules& rules = in.rules;
    doc.field(i18n::tr("Highest risk for a pilot"), i18n::number(rules.max_risk));
    doc.field(i18n::tr("Lowest visibility for a pilot"), i18n::number(rules.min_visibility));
    doc.field(i18n::tr("Fewest raters per idea"), i18n::integer(rules.min_raters));
    doc.field(i18n::tr("Number of pilots"), i18n::integer(rules.size));
    doc.field(i18n::tr("Most pilots per department"), i18n::integer(rules.max_per_department));
    doc.space(4);
    doc.paragraph(i18n::tr("Ideas are ranked by benefit, then visibility, then the lower risk. Ideas the facilitator "
                           "pinned come first. Going down the ranking, an idea becomes a pilot when enough people "
                           "scored it, its risk is at most the limit, its visibility at least the minimum, and places "
                           "are left for it and its department. Scores are weighted means of the criteria; the "
                           "spread is the largest standard deviation of the scores on a criterion of that axis."),
                  fonts::kBody);
    doc.space(4);
    doc.paragraph(i18n::tr("Criteria and weights"), fonts::kLabel);
    for (const auto& c : in.workshop.criteria)
        doc.paragraph(i18n::format(i18n::tr("{0} — {1}, weight {2}"),
                                   {c.label, axis_name(c.axis), i18n::number(c.weight, c.weight == static_cast<int>(c.weight) ? 0 : 1)}),
                      fonts::kBody, 12, 1);
    doc.space(4);
    doc.paragraph(i18n::tr("This report shows only aggregates: no names of raters and no individual scores."),
                  fonts::kSmall);
    for (const auto& note : in.notes) {
        doc.space(2);
        doc.paragraph(note, fonts::kSmall);
    }
}

}  // namespace

std::string render_pdf(const ReportInput& in) {
    const std::string title = in.workshop.info.title.empty() ? std::string(i18n::tr("Untitled workshop"))
                                                             : in.workshop.info.title;
    PdfDoc doc(title, title);
    const std::vector<int> numbers = ranking_numbers(in);
    const bool scored = has_scores(in);

    workshop_section(doc, in);
    doc.heading(i18n::tr("Worries in the room"), fonts::kH2);
    draw_worries_chart(doc, in.workshop.concerns);

    // The matrix fills what is left of the page (between 240 and 330 points wide), else a new page;
    // its heading stays with it.
    constexpr double kHeading = 40, kLargest = 330, kSmallest = 240;
    double side = std::min(kLargest, doc.bottom() - doc.y - kHeading - matrix_height(0));
    if (side < kSmallest) {
        doc.new_page();
        side = kLargest;
    }
    doc.heading(i18n::tr("Benefit versus risk"), fonts::kH2);
    if (scored)
        draw_matrix(doc, in, numbers, side);
    else
        doc.paragraph(i18n::tr("No scores yet: nobody has scored an idea in this workshop, so there is no matrix and "
                               "no idea was chosen by its scores."),
                      fonts::kBody);

    doc.heading(i18n::tr("The pilots"), fonts::kH2);
    if (in.selection.pilots.empty())
        doc.paragraph(scored ? i18n::tr("No idea met the rules, so no pilot was chosen.")
                             : i18n::tr("No pilot was chosen: the ideas have no scores yet."),
                      fonts::kBody);
    for (const auto& pick : in.selection.pilots) pilot_section(doc, in, pick);

    other_ideas_section(doc, in, numbers);
    rules_section(doc, in);
    return doc.finish();
}

void write_pdf(const ReportInput& in, const std::string& path) {
    namespace fs = std::filesystem;
    const fs::path parent = fs::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !fs::is_directory(parent, ec))
        throw std::runtime_error(path + ": " + i18n::format(i18n::tr("the folder {0} does not exist"), {parent.string()}));
    const std::string pdf = render_pdf(in);
    documents::write_file_atomic(path, pdf);
}

}  // namespace pilotdeck::report
