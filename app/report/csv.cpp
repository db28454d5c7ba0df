// `pilotdeck export FILE --csv`: every idea with its aggregates for spreadsheets.
#include <string>

#include "base/i18n.hpp"
#include "report/report.hpp"
#include "report/text.hpp"

namespace pilotdeck::report {

namespace {

// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
void add_field(std::string& row, std::string_view value, bool first = false) {
    if (!first) row += ',';
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        row += value;
        return;
    }
    row += '"';
    for (char c : value) {
        if (c == '"') row += '"';
        row += c;
    }
    row += '"';
}

// Numbers keep points (data, as in JSON); empty when there is no score.
std::string data_number(const std::optional<double>& v) { return v ? i18n::number(*v, 2, i18n::Language::En) : ""; }

}  // namespace

std::string ideas_csv(const ReportInput& in) {
    std::string out = "\xEF\xBB\xBF";  // UTF-8 byte order mark: Excel then keeps umlauts
    std::string head;
    add_field(head, "rank", true);
    for (const char* name : {"idea", "title", "department", "owner", "status", "pilot_rank", "code", "explanation",
                             "benefit", "risk", "visibility", "raters", "quadrant", "contested", "pin", "success_criteria"})
        add_field(head, name);
    for (const auto& c : in.workshop.criteria) {
        add_field(head, c.id + "_mean");
        add_field(head, c.id + "_sd");
        add_field(head, c.id + "_n");
    }
    out += head + "\r\n";

    std::vector<const core::Pick*> pick_of(in.results.size(), nullptr);
    std::vector<const core::Rejection*> rejection_of(in.results.size(), nullptr);
    for (const auto& p : in.selection.pilots) pick_of[p.result] = &p;
    for (const auto& r : in.selection.not_selected) rejection_of[r.result] = &r;

    const std::vector<std::size_t> order = core::rank(in.workshop.ideas, in.results);
    for (std::size_t place = 0; place < order.size(); ++place) {
        const std::size_t ri = order[place];
        const core::IdeaResult& r = in.results[ri];
        const core::Idea& idea = in.workshop.ideas[r.idea];
        const core::Pick* pick = pick_of[ri];
        const core::Rejection* rej = rejection_of[ri];
        std::string row;
        add_field(row, std::to_string(place + 1), true);
        add_field(row, idea.id);
        add_field(row, idea.title);
        add_field(row, idea.department);
        add_field(row, idea.owner.empty() ? std::string() : owner_name(in.workshop, idea));
        add_field(row, pick ? "pilot" : "not_selected");
        add_field(row, pick ? std::to_string(pick->rank) : std::string());
        add_field(row, rej ? std::string(core::to_string(rej->code)) : std::string());
        add_field(row, pick ? pick->why : rej ? rej->reason : std::string());
        add_field(row, data_number(r.benefit));
        add_field(row, data_number(r.risk));
        add_field(row, data_number(r.visibility));
        add_field(row, std::to_string(r.raters));
        add_field(row, r.quadrant ? std::string(core::to_string(*r.quadrant)) : std::string());
        add_field(row, r.contested ? "true" : "false");
        add_field(row, idea.decision ? std::string(core::to_string(idea.decision->pin)) : std::string());
        add_field(row, idea.success_criteria);
        for (const auto& c : in.workshop.criteria) {
            const core::CriterionSummary* cs = nullptr;
            for (const auto& x : r.criteria)
                if (x.criterion == c.id) cs = &x;
            add_field(row, cs ? data_number(cs->mean) : std::string());
            add_field(row, cs ? data_number(cs->sd) : std::string());
            add_field(row, cs ? std::to_string(cs->n) : std::string());
        }
        out += row + "\r\n";
    }
    return out;
}

}  // namespace pilotdeck::report
