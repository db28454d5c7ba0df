// The decisions behind score entry, kept apart from drawing so they are tested on their own:
// which idea "Next unscored idea" goes to (which command one keystroke becomes is core's
// score_command, core/team_consensus.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/selection.hpp"
#include "core/session.hpp"
#include "core/team_consensus.hpp"

namespace pilotdeck::ui {

// The "Team consensus" rater and the command for one score: a rule of the domain, in
// core/team_consensus.hpp (named here for the scoring panel).
using core::kConsensusId;
using core::kConsensusName;
using core::score_command;

// The idea after `current` (wrapping round, `current` itself last) that nobody scored yet, else
// the one with the fewest raters; only ideas of `department` when it is not empty. Index into
// `ideas`, or nullopt when there is none.
std::optional<std::size_t> next_unscored(const std::vector<core::Idea>& ideas,
                                         const std::vector<core::IdeaResult>& results, const std::string& current,
                                         const std::string& department);

}  // namespace pilotdeck::ui
