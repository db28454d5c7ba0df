// Every edit of a workshop is one Command: the core validates and applies it, storage
// persists it as one committed transaction, and its inverse makes undo possible.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/model.hpp"

namespace pilotdeck::core {

struct SetInfo { WorkshopInfo info; };
struct SetCurrentStage { int index = 0; };
struct SetConcernCount { std::string concern; int count = 0; };
// Add (when the id is new; at `position`, or at the end) or replace a participant.
struct PutParticipant { Participant participant; std::optional<std::size_t> position; };
// Only allowed when the participant owns no idea and gave no score.
struct RemoveParticipant { std::string id; };
// Add (when the id is new; at `position` in the list, or at the end) or replace an idea.
struct PutIdea { Idea idea; std::optional<std::size_t> position; };
// Removes the idea and all its scores.
struct RemoveIdea { std::string id; };
// Set (value) or clear (nullopt) one score.
// consensus: the room's agreed value for (idea, criterion), rater empty (contracts 5b).
struct SetScore { std::string idea; std::string rater; std::string criterion; std::optional<int> value; bool consensus = false; };
struct SetSelection { SelectionRules rules; };
// contracts 9: open (a round) or close (nullopt) the re-vote; see open_revote().
struct SetRevote { std::optional<RevoteRound> revote; };
// contracts 9: a rater's new value for a cell of the open round, with a one-line reason; the
// value it replaces goes to the score history.
struct Revote { std::string idea; std::string rater; std::string criterion; int value = 0; std::string reason; };
// The inverse of Revote: the rater's last history entry for the cell becomes the score again.
struct Unrevote { std::string idea; std::string rater; std::string criterion; };
struct Batch;

using Command = std::variant<SetInfo, SetCurrentStage, SetConcernCount, PutParticipant, RemoveParticipant,
                             PutIdea, RemoveIdea, SetScore, SetSelection, SetRevote, Revote, Unrevote, Batch>;

// Several commands applied as one edit (one transaction, one undo step), in order.
struct Batch { std::vector<Command> commands; std::string label; };

inline constexpr std::size_t kMaxRevoteReason = 280;  // characters

// A short human description for undo/redo menus, e.g. "Add idea “Invoice triage”".
std::string describe(const Command& c);

// Merging duplicates: one edit that removes `dropped` and keeps its scores on `kept` where
// `kept` has none for that rater and criterion (the kept idea's own scores win).
Batch merge_ideas(const Workshop& ws, const Idea& dropped, const Idea& kept);

}  // namespace pilotdeck::core
