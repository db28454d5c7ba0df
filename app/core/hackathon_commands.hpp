// The hackathon commands (contracts 6): teams, comparisons, skips, audience votes. Validation (as
// core::validate, throwing CommandError) and application (returning the inverse) for Session.
#pragma once

#include <string>

#include "core/commands.hpp"
#include "core/model.hpp"

namespace pilotdeck::core {

void validate_hackathon(const Workshop& ws, const PutTeam& c);
void validate_hackathon(const Workshop& ws, const RemoveTeam& c);
// judge: the participant of ws with the comparison's judge id (null: none).
void validate_hackathon(const Workshop& ws, const AddComparison& c, const Participant* judge);
void validate_hackathon(const Workshop& ws, const RemoveComparison& c);
void validate_hackathon(const Workshop& ws, const SetSkip& c);
void validate_hackathon(const Workshop& ws, const SetAudienceVote& c);
void validate_hackathon(const Workshop& ws, const SetAudienceVoteOpen& c);
// The skips of a removed judge (participant) or team go with it, as the file's rows do: removes
// them from ws.skips and returns `inverse` followed by their SetSkips, which undo puts back.
enum class SkipsOf { Judge, Team };
Command drop_skips(Workshop& ws, SkipsOf of, const std::string& id, Command inverse);
// A jury member's score for the idea of a team they are recused from is refused.
void validate_recusal(const Workshop& ws, const SetScore& c, const Participant* rater);  // rater: as judge above

Command apply_hackathon(Workshop& ws, const PutTeam& c);
Command apply_hackathon(Workshop& ws, const RemoveTeam& c);
Command apply_hackathon(Workshop& ws, const AddComparison& c);
Command apply_hackathon(Workshop& ws, const RemoveComparison& c);
Command apply_hackathon(Workshop& ws, const SetSkip& c);
Command apply_hackathon(Workshop& ws, const SetAudienceVote& c);
Command apply_hackathon(Workshop& ws, const SetAudienceVoteOpen& c);

std::string describe_hackathon(const PutTeam& c);
std::string describe_hackathon(const RemoveTeam& c);
std::string describe_hackathon(const AddComparison& c);
std::string describe_hackathon(const RemoveComparison& c);
std::string describe_hackathon(const SetSkip& c);
std::string describe_hackathon(const SetAudienceVote& c);
std::string describe_hackathon(const SetAudienceVoteOpen& c);

}  // namespace pilotdeck::core
