#include "core/recusal.hpp"

#include <algorithm>
#include <set>

namespace pilotdeck::core {

std::string_view to_string(RecusalReason r) { return r == RecusalReason::Member ? "member" : "department"; }

Recusals::Recusals(const Workshop& ws) : ws_(ws) {
    for (std::size_t i = 0; i < ws.teams.size(); ++i) {
        team_index_.emplace(ws.teams[i].id, i);
        team_of_idea_.emplace(ws.teams[i].idea, i);
    }
    for (const Participant& p : ws.participants) department_of_person_.emplace(p.id, p.department);
    for (const Idea& idea : ws.ideas) department_of_idea_.emplace(idea.id, idea.department);
}

std::optional<RecusalReason> Recusals::of(std::string_view judge, std::string_view team) const {
    const auto t = team_index_.find(team);
    if (t == team_index_.end()) return std::nullopt;
    const Team& tm = ws_.teams[t->second];
    if (std::find(tm.members.begin(), tm.members.end(), judge) != tm.members.end()) return RecusalReason::Member;
    if (!ws_.judging.recuse_same_department) return std::nullopt;
    const auto person = department_of_person_.find(judge);
    const auto idea = department_of_idea_.find(tm.idea);
    // An empty department is unknown, never "the same".
    if (person != department_of_person_.end() && idea != department_of_idea_.end() && !person->second.empty() &&
        person->second == idea->second)
        return RecusalReason::Department;
    return std::nullopt;
}

std::optional<RecusalReason> recusal_of(const Workshop& ws, std::string_view judge, const Team& team) {
    if (std::find(team.members.begin(), team.members.end(), judge) != team.members.end()) return RecusalReason::Member;
    if (!ws.judging.recuse_same_department) return std::nullopt;
    const auto person = std::find_if(ws.participants.begin(), ws.participants.end(), [&](const Participant& p) { return p.id == judge; });
    const auto idea = std::find_if(ws.ideas.begin(), ws.ideas.end(), [&](const Idea& i) { return i.id == team.idea; });
    // An empty department is unknown, never "the same" (as Recusals::of).
    if (person != ws.participants.end() && idea != ws.ideas.end() && !person->department.empty() &&
        person->department == idea->department)
        return RecusalReason::Department;
    return std::nullopt;
}

const Team* Recusals::team_of_idea(std::string_view idea) const {
    const auto it = team_of_idea_.find(idea);
    return it == team_of_idea_.end() ? nullptr : &ws_.teams[it->second];
}

std::vector<RecusalEntry> list_recusals(const Workshop& ws) {
    std::set<std::string> judges;
    for (const Participant& p : ws.participants)
        if (p.role == Role::Jury) judges.insert(p.id);
    for (const Comparison& c : ws.comparisons) judges.insert(c.judge);
    // A jury score is a score given by a participant with role jury (they are judges already).
    std::vector<const Team*> teams;
    for (const Team& t : ws.teams) teams.push_back(&t);
    std::sort(teams.begin(), teams.end(), [](const Team* a, const Team* b) { return a->id < b->id; });
    const Recusals recusals(ws);
    std::vector<RecusalEntry> out;
    for (const std::string& judge : judges)
        for (const Team* t : teams)
            if (const auto reason = recusals.of(judge, t->id)) out.push_back({judge, t->id, *reason});
    return out;
}

}  // namespace pilotdeck::core
