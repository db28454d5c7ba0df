// Every edit of a workshop is one Command: the core validates and applies it, storage
// persists it as one committed transaction, and its inverse makes undo possible.
#pragma once

#include <optional>
#include <string>
#include <type_traits>
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
// contracts 6 (hackathon_commands.cpp). Add (new id; at `position`, or at the end) or replace a team.
struct PutTeam { Team team; std::optional<std::size_t> position; };
// Only allowed when no comparison or audience vote names the team.
struct RemoveTeam { std::string id; };
// A comparison at `position` in the list (default: the end); undo of a judge's last one removes it.
struct AddComparison { Comparison comparison; std::optional<std::size_t> position; };
struct RemoveComparison { std::size_t index = 0; };
// A judge skips a team in pairwise judging (skipped false: the skip is taken back, undo only).
struct SetSkip { Skip skip; bool skipped = true; };
// A participant's audience vote (nullopt: withdrawn).
struct SetAudienceVote { std::string voter; std::optional<std::string> team; };
// The facilitator closes (or reopens) the audience vote; kept in the workshop file.
struct SetAudienceVoteOpen { bool open = true; };

struct Batch;

using Command = std::variant<SetInfo, SetCurrentStage, SetConcernCount, PutParticipant, RemoveParticipant,
                             PutIdea, RemoveIdea, SetScore, SetSelection, PutTeam, RemoveTeam, AddComparison,
                             RemoveComparison, SetSkip, SetAudienceVote, SetAudienceVoteOpen, SetRevote, Revote, Unrevote, Batch>;

template <class C>
concept HackathonCommand = std::is_same_v<C, PutTeam> || std::is_same_v<C, RemoveTeam> ||
                           std::is_same_v<C, AddComparison> || std::is_same_v<C, RemoveComparison> || std::is_same_v<C, SetSkip> ||
                           std::is_same_v<C, SetAudienceVote> || std::is_same_v<C, SetAudienceVoteOpen>;

// Several commands applied as one edit (one transaction, one undo step), in order.
struct Batch { std::vector<Command> commands; std::string label; };

inline constexpr std::size_t kMaxRevoteReason = 280;  // characters

// A short human description for undo/redo menus, e.g. "Add idea “Invoice triage”".
std::string describe(const Command& c);

// Merging duplicates: one edit that removes `dropped` and keeps its scores on `kept` where
// `kept` has none for that rater and criterion (the kept idea's own scores win).
Batch merge_ideas(const Workshop& ws, const Idea& dropped, const Idea& kept);

}  // namespace pilotdeck::core
