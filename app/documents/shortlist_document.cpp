// The shortlist document (contracts.md section 4): aggregates only, no rater names or scores.
#include <unordered_map>

#include "core/aggregate.hpp"
#include "core/screening.hpp"
#include "documents/documents.hpp"
#include "documents/json_writer.hpp"

namespace pilotdeck::documents {
namespace {

// A score rounded to 2 decimals as the room sees it, or null when the axis has no scores.
void write_score(JsonWriter& w, std::string_view key, const std::optional<double>& score) {
    w.key(key);
    if (score) w.value(core::round2(*score));
    else w.null();
}

void write_screening(JsonWriter& w, const core::Idea& idea) {
    w.field("ai_act", core::to_string(core::classify_ai_act(idea.assessment)));
    w.field("dpia", core::to_string(core::classify_dpia(idea.assessment)));
}

void write_pilot(JsonWriter& w, const ShortlistInput& in, const core::Pick& pick,
                 const std::unordered_map<std::string_view, std::string_view>& owner_names) {
    const core::IdeaResult& r = in.results.at(pick.result);
    const core::Idea& idea = in.workshop.ideas.at(r.idea);
    const auto owner = owner_names.find(idea.owner);
    w.begin_object().field("rank", pick.rank).field("idea", idea.id).field("title", idea.title);
    w.field("department", idea.department).field("owner", owner == owner_names.end() ? std::string_view() : owner->second);
    write_score(w, "benefit", r.benefit);
    write_score(w, "risk", r.risk);
    write_score(w, "visibility", r.visibility);
    w.field("raters", r.raters).key("quadrant");
    if (r.quadrant) w.value(core::to_string(*r.quadrant));
    else w.null();
    w.field("contested", r.contested).field("pinned", pick.pinned);
    if (r.consensus) w.field("consensus", true);
    w.key("criteria").begin_object();
    for (const core::CriterionSummary& c : r.criteria) {
        w.key(c.criterion).begin_object(JsonWriter::Layout::Inline);
        w.field("mean", core::round2(c.mean)).field("sd", core::round2(c.sd)).field("n", c.n);
        if (c.consensus) w.field("consensus", true);
        w.end_object();
    }
    w.end_object().field("success_criteria", idea.success_criteria).field("why", pick.why);
    write_screening(w, idea);
    w.key("obligations").begin_array();
    if (in.obligations)
        for (const std::string& o : core::obligations_for(idea.assessment, *in.obligations)) w.value(o);
    w.end_array().end_object();
}

void write_rejection(JsonWriter& w, const ShortlistInput& in, const core::Rejection& rejection) {
    const core::Idea& idea = in.workshop.ideas.at(in.results.at(rejection.result).idea);
    w.begin_object().field("idea", idea.id).field("title", idea.title);
    w.field("code", core::to_string(rejection.code)).field("reason", rejection.reason);
    write_screening(w, idea);
    w.end_object();
}

}  // namespace

std::string write_shortlist(const ShortlistInput& in) {
    const core::WorkshopInfo& info = in.workshop.info;
    const core::SelectionRules& rules = in.rules;
    std::unordered_map<std::string_view, std::string_view> owner_names;
    for (const core::Participant& p : in.workshop.participants) owner_names.emplace(p.id, p.name);

    JsonWriter w;
    w.begin_object().field("format", "pilotdeck-shortlist").field("version", 2);
    w.key("workshop").begin_object().field("title", info.title).field("organisation", info.organisation);
    w.field("date", info.date).field("template", info.template_id).end_object();
    w.key("rules").begin_object().field("max_risk", rules.max_risk).field("min_visibility", rules.min_visibility);
    w.field("min_raters", rules.min_raters).field("size", rules.size);
    w.field("max_per_department", rules.max_per_department);
    w.key("gates").begin_object(JsonWriter::Layout::Inline).field("high_risk", rules.allow_high_risk ? "allow" : "exclude");
    w.field("unassessed", rules.allow_unassessed ? "allow" : "exclude").end_object().end_object();
    // contracts 7: the app says plainly what the screening is, and how current its dates are.
    w.key("screening").begin_object().field("notice", core::kScreeningNotice);
    if (in.obligations) {
        w.field("obligations_checked", in.obligations->checked).key("notes").begin_array();
        for (const std::string& n : in.obligations->notes) w.value(n);
        w.end_array();
    }
    w.end_object();
    w.key("pilots").begin_array();
    for (const core::Pick& pick : in.selection.pilots) write_pilot(w, in, pick, owner_names);
    w.end_array().key("not_selected").begin_array();
    for (const core::Rejection& rejection : in.selection.not_selected) write_rejection(w, in, rejection);
    w.end_array().end_object();
    return w.finish();
}

}  // namespace pilotdeck::documents
