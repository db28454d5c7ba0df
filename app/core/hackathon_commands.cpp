#include "core/hackathon_commands.hpp"

#include "base/i18n.hpp"

#include <algorithm>

#include "core/recusal.hpp"
#include "core/session.hpp"
#include "core/text.hpp"

namespace pilotdeck::core {
namespace {

constexpr std::size_t kMaxName = 120;

using i18n::N_;
[[noreturn]] void fail(const char* pattern, std::vector<std::string> args = {}) { throw CommandError(pattern, std::move(args)); }
std::string quoted(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }

template <class List>
auto find_id(List& list, const std::string& id) {
    return std::find_if(list.begin(), list.end(), [&](const auto& x) { return x.id == id; });
}

const Team& team_or_fail(const Workshop& ws, const std::string& id) {
    const auto it = find_id(ws.teams, id);
    if (it == ws.teams.end()) fail(N_("unknown team \"{0}\""), {id});
    return *it;
}

void check_recusal(const Workshop& ws, const std::string& judge, const Team& t) {
    if (const auto why = recusal_of(ws, judge, t))  // no Recusals built: this runs for every comparison
        fail(*why == RecusalReason::Member ? N_("this judge is recused from {0} (a member of it)")
                                           : N_("this judge is recused from {0} (the same department as its idea)"),
             {quoted(t.name)});
}

}  // namespace

void validate_hackathon(const Workshop& ws, const PutTeam& c) {
    const Team& t = c.team;
    if (!is_valid_id(t.id)) fail(N_("invalid team id \"{0}\""), {t.id});
    if (t.name.find_first_not_of(" \t\r\n") == std::string::npos) fail(N_("a team needs a name"));
    if (utf8_length(t.name) > kMaxName) fail(N_("the team name is too long (at most {0} characters)"), {std::to_string(kMaxName)});
    if (t.pitch_order < 0) fail(N_("the pitch order cannot be negative"));
    if (find_id(ws.ideas, t.idea) == ws.ideas.end()) fail(N_("a team needs its idea (unknown idea \"{0}\")"), {t.idea});
    for (const Team& other : ws.teams) {
        if (other.id == t.id) continue;
        if (other.idea == t.idea) fail(N_("the idea already belongs to team {0}"), {quoted(other.name)});
        for (const std::string& m : t.members)
            if (std::find(other.members.begin(), other.members.end(), m) != other.members.end())
                fail(N_("\"{0}\" is already a member of team {1}"), {m, quoted(other.name)});
    }
    for (std::size_t i = 0; i < t.members.size(); ++i) {
        if (find_id(ws.participants, t.members[i]) == ws.participants.end()) fail(N_("unknown member \"{0}\""), {t.members[i]});
        if (std::find(t.members.begin(), t.members.begin() + static_cast<std::ptrdiff_t>(i), t.members[i]) !=
            t.members.begin() + static_cast<std::ptrdiff_t>(i))
            fail(N_("\"{0}\" is named twice"), {t.members[i]});
    }
    if (c.position && *c.position > ws.teams.size()) fail(N_("team position out of range"));
    // A new member may not be a judge who compared or voted for this team already.
    for (const Comparison& cmp : ws.comparisons)
        if ((cmp.winner == t.id || cmp.loser == t.id) &&
            std::find(t.members.begin(), t.members.end(), cmp.judge) != t.members.end())
            fail(N_("\"{0}\" has judged this team and cannot join it"), {cmp.judge});
}

void validate_hackathon(const Workshop& ws, const RemoveTeam& c) {
    team_or_fail(ws, c.id);
    for (const Comparison& cmp : ws.comparisons)
        if (cmp.winner == c.id || cmp.loser == c.id) fail(N_("the team has been compared by the judges"));
    for (const AudienceVote& v : ws.audience_votes)
        if (v.team == c.id) fail(N_("the team has audience votes"));
}

void validate_hackathon(const Workshop& ws, const AddComparison& c, const Participant* judge) {
    const Comparison& cmp = c.comparison;
    if (!judge) fail(N_("unknown judge \"{0}\""), {cmp.judge});
    const Team& w = team_or_fail(ws, cmp.winner);
    const Team& l = team_or_fail(ws, cmp.loser);
    if (cmp.winner == cmp.loser) fail(N_("a team cannot be compared with itself"));
    check_recusal(ws, cmp.judge, w);
    check_recusal(ws, cmp.judge, l);
    if (c.position && *c.position > ws.comparisons.size()) fail(N_("comparison position out of range"));
}

void validate_hackathon(const Workshop& ws, const RemoveComparison& c) {
    if (c.index >= ws.comparisons.size()) fail(N_("there is no such comparison"));
}

void validate_hackathon(const Workshop& ws, const SetSkip& c) {
    if (find_id(ws.participants, c.skip.judge) == ws.participants.end()) fail(N_("unknown judge \"{0}\""), {c.skip.judge});
    team_or_fail(ws, c.skip.team);
    const bool there = std::find(ws.skips.begin(), ws.skips.end(), c.skip) != ws.skips.end();
    if (c.skipped && there) fail(N_("this judge has skipped this team already"));
    if (!c.skipped && !there) fail(N_("this judge has not skipped this team"));
}

void validate_hackathon(const Workshop& ws, const SetAudienceVote& c) {
    if (find_id(ws.participants, c.voter) == ws.participants.end()) fail(N_("unknown voter \"{0}\""), {c.voter});
    if (!c.team) return;
    const Team& t = team_or_fail(ws, *c.team);
    if (std::find(t.members.begin(), t.members.end(), c.voter) != t.members.end())
        fail(N_("nobody may vote for their own team"));
}

void validate_hackathon(const Workshop&, const SetAudienceVoteOpen&) {}

void validate_recusal(const Workshop& ws, const SetScore& c, const Participant* rater) {
    if (ws.teams.empty() || !c.value) return;
    if (!rater || rater->role != Role::Jury) return;
    const auto t = std::find_if(ws.teams.begin(), ws.teams.end(), [&](const Team& team) { return team.idea == c.idea; });
    if (t != ws.teams.end()) check_recusal(ws, c.rater, *t);
}

Command apply_hackathon(Workshop& ws, const PutTeam& c) {
    auto it = find_id(ws.teams, c.team.id);
    if (it != ws.teams.end()) {
        PutTeam inverse{*it, std::nullopt};
        *it = c.team;
        return inverse;
    }
    const std::size_t at = c.position.value_or(ws.teams.size());
    ws.teams.insert(ws.teams.begin() + static_cast<std::ptrdiff_t>(at), c.team);
    return RemoveTeam{c.team.id};
}

Command apply_hackathon(Workshop& ws, const RemoveTeam& c) {
    auto it = find_id(ws.teams, c.id);
    PutTeam inverse{*it, static_cast<std::size_t>(it - ws.teams.begin())};
    ws.teams.erase(it);
    return drop_skips(ws, SkipsOf::Team, c.id, std::move(inverse));
}

Command apply_hackathon(Workshop& ws, const AddComparison& c) {
    const std::size_t at = c.position.value_or(ws.comparisons.size());
    ws.comparisons.insert(ws.comparisons.begin() + static_cast<std::ptrdiff_t>(at), c.comparison);
    return RemoveComparison{at};
}

Command apply_hackathon(Workshop& ws, const RemoveComparison& c) {
    AddComparison inverse{ws.comparisons[c.index], c.index};
    ws.comparisons.erase(ws.comparisons.begin() + static_cast<std::ptrdiff_t>(c.index));
    return inverse;
}

Command apply_hackathon(Workshop& ws, const SetSkip& c) {
    if (c.skipped) ws.skips.push_back(c.skip);
    else ws.skips.erase(std::find(ws.skips.begin(), ws.skips.end(), c.skip));
    return SetSkip{c.skip, !c.skipped};
}

Command drop_skips(Workshop& ws, SkipsOf of, const std::string& id, Command inverse) {
    Batch restore{{std::move(inverse)}, {}};
    const auto gone = [&](const Skip& k) { return (of == SkipsOf::Judge ? k.judge : k.team) == id; };
    for (const Skip& k : ws.skips)
        if (gone(k)) restore.commands.push_back(SetSkip{k, true});
    if (restore.commands.size() == 1) return std::move(restore.commands.front());
    ws.skips.erase(std::remove_if(ws.skips.begin(), ws.skips.end(), gone), ws.skips.end());
    return restore;
}

Command apply_hackathon(Workshop& ws, const SetAudienceVote& c) {
    auto& votes = ws.audience_votes;
    auto it = std::find_if(votes.begin(), votes.end(), [&](const AudienceVote& v) { return v.voter == c.voter; });
    SetAudienceVote inverse{c.voter, std::nullopt};
    if (it != votes.end()) {
        inverse.team = it->team;
        if (c.team) it->team = *c.team;
        else votes.erase(it);
    } else if (c.team) {
        votes.push_back({c.voter, *c.team});
    }
    return inverse;
}

Command apply_hackathon(Workshop& ws, const SetAudienceVoteOpen& c) {
    SetAudienceVoteOpen inverse{!ws.audience_vote_closed};
    ws.audience_vote_closed = !c.open;
    return inverse;
}

std::string describe_hackathon(const PutTeam& c) { return i18n::format(i18n::tr("Save team {0}"), {quoted(c.team.name)}); }
std::string describe_hackathon(const RemoveTeam&) { return i18n::tr("Remove team"); }
std::string describe_hackathon(const AddComparison&) { return i18n::tr("Compare two teams"); }
std::string describe_hackathon(const RemoveComparison&) { return i18n::tr("Undo a comparison"); }
std::string describe_hackathon(const SetSkip& c) { return c.skipped ? i18n::tr("Skip a pair") : i18n::tr("Take back a skipped pair"); }
std::string describe_hackathon(const SetAudienceVote& c) { return c.team ? i18n::tr("Audience vote") : i18n::tr("Withdraw audience vote"); }
std::string describe_hackathon(const SetAudienceVoteOpen& c) {
    return c.open ? i18n::tr("Reopen the audience vote") : i18n::tr("Close the audience vote");
}

}  // namespace pilotdeck::core
