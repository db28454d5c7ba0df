// The decisions behind score entry, kept apart from drawing so they are tested on their own:
// which idea "Next unscored idea" goes to, and which command one keystroke becomes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "core/commands.hpp"
#include "core/selection.hpp"
#include "core/session.hpp"

namespace pilotdeck::ui {

// The rater id of the room's agreed value: none (contracts 5b: a consensus score has no rater,
// and no participant stands for the room).
inline constexpr const char* kConsensusId = "";
// Marked for translation: pass it through i18n::tr() where it is drawn.
inline constexpr const char* kConsensusName = i18n::N_("Team consensus");

// The command for setting (value) or clearing (nullopt) one score. For the consensus rater
// the participant is created on first use, in the same edit (one undo step). Nothing to do
// (clearing a consensus score that cannot exist yet): nullopt.
std::optional<core::Command> score_command(const core::Session& s, const std::string& idea, const std::string& rater,
                                           const std::string& criterion, std::optional<int> value);

// The idea after `current` (wrapping round, `current` itself last) that nobody scored yet, else
// the one with the fewest raters; only ideas of `department` when it is not empty. Index into
// `ideas`, or nullopt when there is none.
std::optional<std::size_t> next_unscored(const std::vector<core::Idea>& ideas,
                                         const std::vector<core::IdeaResult>& results, const std::string& current,
                                         const std::string& department);

}  // namespace pilotdeck::ui
