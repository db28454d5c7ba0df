// The "Team consensus" rater: the participant that stands for the whole room when it agrees on
// one value, created on first use. A rule of the domain (moved here from ui/score_entry.hpp).
#pragma once

#include <optional>
#include <string>

#include "core/commands.hpp"
#include "core/session.hpp"

namespace pilotdeck::core {

inline constexpr const char* kConsensusId = "consensus";
inline constexpr const char* kConsensusName = "Team consensus";

// The command for setting (value) or clearing (nullopt) one score. For the consensus rater
// the participant is created on first use, in the same edit (one undo step). Nothing to do
// (clearing a consensus score that cannot exist yet): nullopt.
inline std::optional<Command> score_command(const Session& s, const std::string& idea, const std::string& rater,
                                            const std::string& criterion, std::optional<int> value) {
    SetScore set{idea, rater, criterion, value};
    if (rater != kConsensusId || s.find_participant(kConsensusId)) return Command{set};
    if (!value) return std::nullopt;
    Participant p{kConsensusId, kConsensusName, "", Role::Decider};
    return Command{Batch{{PutParticipant{p, std::nullopt}, set}, "Team consensus score"}};
}

}  // namespace pilotdeck::core
