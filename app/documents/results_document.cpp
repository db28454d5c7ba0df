#include "documents/results_document.hpp"

#include <unordered_map>

#include "core/aggregate.hpp"
#include "documents/json_writer.hpp"

namespace pilotdeck::documents {
namespace {

void write_axis(JsonWriter& w, std::string_view key, const std::optional<double>& score) {
    w.key(key);
    if (score) w.value(core::round2(*score));
    else w.null();
}

}  // namespace

std::string write_results(const core::Workshop& ws, const core::HackathonResults& r) {
    std::unordered_map<std::string_view, const core::Idea*> ideas;
    for (const core::Idea& idea : ws.ideas) ideas.emplace(idea.id, &idea);
    const bool pairwise = r.method == core::JudgingMethod::Pairwise;

    JsonWriter w;
    w.begin_object().field("format", "pilotdeck-results").field("version", 1).field("method", core::to_string(r.method));
    w.key("ranking").begin_array();
    for (const core::RankedTeam& row : r.ranking) {
        const core::Team& t = ws.teams.at(row.team);
        const auto idea = ideas.find(t.idea);
        w.begin_object().field("rank", row.rank).field("team", t.id).field("name", t.name).field("idea", t.idea);
        w.field("title", idea == ideas.end() ? std::string_view() : std::string_view(idea->second->title));
        if (pairwise) {
            w.field("mu", row.mu).field("sigma_sq", row.sigma_sq);
        } else {
            write_axis(w, "benefit", row.benefit);
            write_axis(w, "risk", row.risk);
            write_axis(w, "visibility", row.visibility);
            w.field("raters", row.raters);
        }
        w.end_object();
    }
    w.end_array().key("awards").begin_array();
    for (const core::AwardOutcome& a : r.awards) {
        const core::Award& award = ws.awards.at(a.award);
        w.begin_object().field("award", award.id).field("label", award.label);
        if (a.team) w.field("team", ws.teams.at(*a.team).id).field("name", ws.teams.at(*a.team).name);
        else w.key("team").null().key("name").null();
        w.key("tied_with").begin_array(JsonWriter::Layout::Inline);
        for (const std::size_t t : a.tied_with) w.value(ws.teams.at(t).id);
        w.end_array().field("why", a.why).end_object();
    }
    w.end_array().key("recusals").begin_array();
    for (const core::RecusalEntry& e : r.recusals)
        w.begin_object(JsonWriter::Layout::Inline).field("judge", e.judge).field("team", e.team)
            .field("reason", core::to_string(e.reason)).end_object();
    w.end_array().end_object();
    return w.finish();
}

}  // namespace pilotdeck::documents
