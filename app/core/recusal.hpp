// contracts 6: when a judge is recused from a team. Pure; shared by the documents (import refuses
// a recused judge's comparison or score), the results and live judging.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"

namespace pilotdeck::core {

enum class RecusalReason { Member, Department };
std::string_view to_string(RecusalReason r);  // "member" | "department"

// Answers "is judge J recused from team T, and why" for one workshop. Built once (O(people +
// members)); each question is two hash look-ups. Holds views into `ws`, which must outlive it.
class Recusals {
public:
    explicit Recusals(const Workshop& ws);
    // nullopt when the judge may judge the team (also for unknown ids).
    std::optional<RecusalReason> of(std::string_view judge, std::string_view team) const;
    // The team whose idea is `idea`, or nullptr.
    const Team* team_of_idea(std::string_view idea) const;

private:
    const Workshop& ws_;
    std::unordered_map<std::string_view, std::size_t> team_index_;
    std::unordered_map<std::string_view, std::string_view> department_of_person_;
    std::unordered_map<std::string_view, std::string_view> department_of_idea_;
    std::unordered_map<std::string_view, std::size_t> team_of_idea_;
};

// The same rule for one judge and one team without building anything: the team's members, and
// with `recuse_same_department` one look through the people and the ideas. For a single
// question (validating one comparison or score) this is cheaper than a Recusals.
std::optional<RecusalReason> recusal_of(const Workshop& ws, std::string_view judge, const Team& team);

struct RecusalEntry {
    std::string judge;
    std::string team;
    RecusalReason reason = RecusalReason::Member;
    bool operator==(const RecusalEntry&) const = default;
};

// Every (judge, team) pair in which a judge is recused, judges being the participants with role
// jury and anyone who made a comparison or a jury score; ordered by judge id, then team id.
std::vector<RecusalEntry> list_recusals(const Workshop& ws);

}  // namespace pilotdeck::core
