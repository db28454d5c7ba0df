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
struct Batch;

using Command = std::variant<SetInfo, SetCurrentStage, SetConcernCount, PutParticipant, RemoveParticipant,
                             PutIdea, RemoveIdea, SetScore, SetSelection, Batch>;

// Several commands applied as one edit (one transaction, one undo step), in order.
struct Batch { std::vector<Command> commands; std::string label; };

// A short human description for undo/redo menus, e.g. "Add idea “Invoice triage”".
std::string describe(const Command& c);

// Merging duplicates: one edit that removes `dropped` and keeps its scores on `kept` where
// `kept` has none for that rater and criterion (the kept idea's own scores win).
Batch merge_ideas(const Workshop& ws, const Idea& dropped, const Idea& kept);

}  // namespace pilotdeck::core
