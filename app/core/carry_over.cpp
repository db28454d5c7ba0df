#include "core/carry_over.hpp"

#include <set>

#include "base/i18n.hpp"
#include "core/aggregate.hpp"
#include "core/followup.hpp"
#include "core/selection.hpp"

namespace pilotdeck::core {
namespace {

// The ideas the earlier workshop's shortlist chose.
std::set<std::string> chosen_ideas(const Workshop& ws) {
    const auto results = summarize(ws.ideas, ws.criteria, Aggregates::from_scores(ws.scores));
    std::set<std::string> chosen;
    for (const Pick& p : select_pilots(ws.ideas, results, ws.selection).pilots) chosen.insert(ws.ideas[results[p.result].idea].id);
    return chosen;
}

// The date a carried pilot began: the earlier workshop's, else its first value's, else today's.
std::string began(const Idea& idea, const Workshop& earlier, const std::string& date) {
    if (!earlier.info.date.empty()) return earlier.info.date;
    std::string first;
    for (const Measure& m : idea.measures)
        for (const MeasureValue& v : m.values)
            if (first.empty() || v.date < first) first = v.date;
    return first.empty() ? date : first;
}

bool has_values(const Idea& idea) {
    for (const Measure& m : idea.measures)
        if (!m.values.empty()) return true;
    return false;
}

}  // namespace

Workshop carry_over(const Workshop& earlier, const Template& t, const std::string& title, const std::string& date) {
    Workshop ws = workshop_from_template(t, title);
    ws.info.organisation = earlier.info.organisation;
    ws.info.facilitator = earlier.info.facilitator;
    ws.info.date = date;
    ws.participants = earlier.participants;
    const std::set<std::string> chosen = chosen_ideas(earlier);
    // The reasons are stored in the file: in the new workshop's language (its template's), with
    // that language's quotation marks, whatever the window shows.
    const i18n::Language lang = i18n::parse_language(ws.info.language).value_or(i18n::Language::En);
    // TRANSLATORS: why a pilot carried into a follow-up workshop has its status; {0} is the earlier workshop's title.
    const std::string chosen_at = i18n::format(i18n::tr_in(lang, "Chosen at “{0}”"), {earlier.info.title});
    // TRANSLATORS: why an idea carried into a follow-up workshop has its status; {0} is the earlier workshop's title.
    const std::string carried_from = i18n::format(i18n::tr_in(lang, "Carried over from “{0}”"), {earlier.info.title});
    for (const Idea& old : earlier.ideas) {
        const IdeaStatus status = status_of(old);
        if (status == IdeaStatus::Scaled || status == IdeaStatus::Stopped) continue;
        Idea idea = old;
        idea.decision.reset();
        if (status == IdeaStatus::Proposed && !old.status && chosen.count(old.id)) {
            idea.status = IdeaStatus::Pilot;
            idea.status_history.push_back({IdeaStatus::Pilot, began(old, earlier, date), chosen_at});
        } else if (status == IdeaStatus::Proposed) {
            idea.status = IdeaStatus::Proposed;
            if (idea.status_history.empty() && !began(old, Workshop{}, date).empty() && has_values(old))
                idea.status_history.push_back({IdeaStatus::Proposed, began(old, earlier, date), carried_from});
        } else if (idea.status_history.empty()) {
            idea.status_history.push_back({status, began(old, earlier, date), carried_from});
        }
        ws.ideas.push_back(std::move(idea));
    }
    return ws;
}

}  // namespace pilotdeck::core
