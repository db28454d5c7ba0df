// What the hackathon stages show (contracts 6), as pure state the GUI draws: the pitch order
// with who is on and next and the pitch / Q&A phases, each judge's progress, and the awards
// reveal one step at a time.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "core/hackathon.hpp"
#include "core/model.hpp"

namespace pilotdeck::core {

// Teams in pitch order: pitch_order, then name; the teams marked absent at the end (in the same
// order among themselves). Indices into ws.teams.
std::vector<std::size_t> pitch_lineup(const Workshop& ws, const std::set<std::string>& absent);

enum class PitchPhase { Waiting, Pitch, QandA, Done };

// Where the pitches are: Waiting (before the first team), then Pitch and QandA for each team in
// the lineup, then Done. next() and back() step one phase; they return false (and change
// nothing) at either end, so the caller can move on to the next or previous stage.
struct PitchCursor {
    std::size_t position = 0;  // in the lineup
    PitchPhase phase = PitchPhase::Waiting;
    bool next(std::size_t teams);
    bool back(std::size_t teams);
    bool operator==(const PitchCursor&) const = default;
};

// One judge's progress: criteria judging counts the teams whose idea this judge has scored on
// every criterion (of the teams the judge is not recused from); pairwise counts comparisons and
// the teams still to be shown ("about m to go").
struct JudgeProgress {
    std::string judge;  // participant id
    std::string name;
    int done = 0;       // teams scored / comparisons made
    int of = 0;         // teams to score (criteria) / done + teams still to see (pairwise)
    int recused = 0;    // teams this judge may not judge
};
// The jury (role jury) and, for pairwise, anyone who has compared; in participant order.
std::vector<JudgeProgress> judging_progress(const Workshop& ws);

// One step of the awards reveal: an award, or one place of the overall ranking. Ties are one
// step naming every tied team.
struct RevealStep {
    std::string title;               // "3rd place", "Audience favourite", "Winner: Best project"
    std::vector<std::size_t> teams;  // indices into ws.teams; empty when nothing to award
    std::string why;
    std::string rule;  // the award's rule ("audience", "overall", ...); "overall" also for the places
    int place = 0;     // a place of the overall ranking (2, 3), 1 for the winner; 0 for the other awards
    bool tie() const { return teams.size() > 1; }
};
// The other awards first (in the template's order), then the overall ranking from the lowest
// shown place (3rd, or fewer with fewer teams) up to the winner, who comes last.
std::vector<RevealStep> award_reveal(const Workshop& ws, const HackathonResults& results);

}  // namespace pilotdeck::core
