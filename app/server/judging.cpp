#include "server/judging.hpp"

#include <algorithm>
#include <ctime>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "core/recusal.hpp"
#include "core/text.hpp"

namespace pilotdeck::server {

using i18n::N_;

namespace {

using json = nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Team codes: five letters and digits that cannot be mistaken for one another when read aloud
// or off a phone (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
constexpr std::string_view kCodeAlphabet = "ACDEFGHJKMNPQRTWXY34679";
constexpr std::size_t kCodeLength = 5;

bool hackathon_stage(core::StageKind k) {
    return k == core::StageKind::Teams || k == core::StageKind::Work || k == core::StageKind::Pitches ||
           k == core::StageKind::Judging || k == core::StageKind::Awards;
}

const core::Team* find_team(const core::Workshop& ws, const std::string& id) {
    for (const auto& t : ws.teams)
        if (t.id == id) return &t;
    return nullptr;
}

const core::Team* team_of_member(const core::Workshop& ws, const std::string& participant) {
    for (const auto& t : ws.teams)
        if (std::find(t.members.begin(), t.members.end(), participant) != t.members.end()) return &t;
    return nullptr;
}

bool is_jury(const core::Session& s, const std::string& participant) {
    const core::Participant* p = s.find_participant(participant);
    return p && p->role == core::Role::Jury;
}

std::string idea_title(const core::Session& s, const core::Team& t) {
    const core::Idea* i = s.find_idea(t.idea);
    return i ? i->title : std::string();
}

json team_json(const core::Session& s, const core::Team& t) {
    return json{{"id", t.id}, {"name", t.name}, {"table", t.table}, {"title", idea_title(s, t)}};
}

std::string next_team_id(const core::Workshop& ws) {
    long long max = 0;
    for (const auto& t : ws.teams)
        if (t.id.size() > 1 && t.id[0] == 't' && t.id.find_first_not_of("0123456789", 1) == std::string::npos && t.id.size() < 12)
            max = std::max(max, std::stoll(t.id.substr(1)));
    return "t" + std::to_string(max + 1);
}

std::optional<Reply> pairwise_open(const Job& j, const core::Session& s, const PhoneSettings& settings) {
    if (phone_stage(s, settings) != core::StageKind::Judging) return error_reply(409, N_("judging is not open"));
    if (s.workshop().judging.method != core::JudgingMethod::Pairwise)
        return error_reply(409, N_("the jury judges by criteria now, not in pairs"));
    if (!is_jury(s, j.participant)) return error_reply(403, N_("only the jury judges"));
    if (!settings.round) return error_reply(409, N_("the round is closed"));
    return std::nullopt;
}

}  // namespace

std::string utc_now() {
    // Written once a second per thread: every comparison is stamped, hundreds a second.
    thread_local std::time_t last = -1;
    thread_local std::string text;
    const std::time_t t = std::time(nullptr);
    if (t != last) {
        std::tm tm{};
        gmtime_r(&t, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        text = buf;
        last = t;
    }
    return text;
}

JudgingDesk::JudgingDesk() : rng_(std::random_device{}()), code_rng_(std::random_device{}()) {}

core::Pairwise& JudgingDesk::pairwise(const core::Session& s) {
    if (!pairwise_ || pairwise_revision_ != s.revision()) {
        pairwise_.emplace(s.workshop());  // the comparisons replayed, the skips from the file applied
        pairwise_revision_ = s.revision();
    }
    return *pairwise_;
}

void JudgingDesk::before_commit(const core::Session& s) { in_step_ = pairwise_ && pairwise_revision_ == s.revision(); }

void JudgingDesk::committed(const core::Command& c, const core::Session& s) {
    if (!in_step_) return;
    if (const auto* add = std::get_if<core::AddComparison>(&c)) pairwise_->apply(add->comparison);
    pairwise_revision_ = s.revision();
}

std::string JudgingDesk::code_of(const std::string& team) {
    auto it = code_of_team_.find(team);
    if (it != code_of_team_.end()) return it->second;
    std::string code;
    do {
        code.clear();
        for (std::size_t i = 0; i < kCodeLength; ++i) code += kCodeAlphabet[core::uniform_index(code_rng_, kCodeAlphabet.size())];
    } while (team_of_code_.count(code));
    code_of_team_.emplace(team, code);
    team_of_code_.emplace(code, team);
    return code;
}

// The pair offered to the judge: the one shown before (until it is compared or skipped), else
// Crowd-BT's next pair.
std::optional<std::pair<std::string, std::string>> JudgingDesk::offered(const std::string& judge, const core::Session& s) {
    const auto& ws = s.workshop();
    auto it = offered_.find(judge);
    if (it != offered_.end()) {
        if (find_team(ws, it->second.first) && find_team(ws, it->second.second)) return it->second;
        offered_.erase(it);
    }
    core::Pairwise& pw = pairwise(s);
    auto next = pw.next_pair(judge, rng_);
    if (!next) return std::nullopt;
    auto pair = std::pair{ws.teams[next->first].id, ws.teams[next->second].id};
    offered_[judge] = pair;
    return pair;
}

std::optional<core::Command> JudgingDesk::check_compare(Job& j, const core::Session& s, const PhoneSettings& settings) {
    const auto& ws = s.workshop();
    const core::Team* w = find_team(ws, j.winner);
    const core::Team* l = find_team(ws, j.loser);
    if (!w || !l) {
        j.reply = error_reply(404, N_("unknown team"));
        return std::nullopt;
    }
    if (auto closed = pairwise_open(j, s, settings)) {
        j.reply = std::move(*closed);
        return std::nullopt;
    }
    core::Pairwise& pw = pairwise(s);  // its recusals are contracts 6's, as core::Recusals
    if (pw.recused(j.participant, *pw.team_index(w->id)) || pw.recused(j.participant, *pw.team_index(l->id))) {
        j.reply = error_reply(409, N_("you are recused from one of these teams"));
        return std::nullopt;
    }
    auto it = offered_.find(j.participant);
    const bool shown = it != offered_.end() && ((it->second.first == w->id && it->second.second == l->id) ||
                                               (it->second.first == l->id && it->second.second == w->id));
    if (!shown) {
        j.reply = error_reply(409, N_("this is not the pair you were shown: load the next one"));
        return std::nullopt;
    }
    // The core validates it again when the batch runs (a refusal then is the core's 422).
    core::Command cmd = core::AddComparison{core::Comparison{j.participant, w->id, l->id, utc_now()}, std::nullopt};
    offered_.erase(it);  // a second answer to the same pair is refused
    return cmd;
}

std::optional<Reply> JudgingDesk::check_jury_score(const Job& j, const core::Session& s, const PhoneSettings& settings) {
    const auto& ws = s.workshop();
    if (ws.judging.method != core::JudgingMethod::Criteria) return error_reply(409, N_("the jury compares pairs now, not criteria"));
    if (!is_jury(s, j.participant)) return error_reply(403, N_("only the jury judges"));
    if (!settings.round) return error_reply(409, N_("the round is closed"));
    const auto t = std::find_if(ws.teams.begin(), ws.teams.end(), [&](const core::Team& team) { return team.idea == j.idea; });
    if (t == ws.teams.end()) return error_reply(409, N_("this idea is not a team's: it is not judged"));
    if (core::recusal_of(ws, j.participant, *t)) return error_reply(409, N_("you are recused from this team"));
    return std::nullopt;
}

Reply JudgingDesk::run(Job& j, core::Session& s, const PhoneSettings& settings) {
    switch (j.kind) {
        case JobKind::Skip: return skip(j, s, settings);
        case JobKind::Undo: return undo(j, s, settings);
        case JobKind::Vote: return vote(j, s, settings);
        case JobKind::TeamCreate: return create_team(j, s, settings);
        case JobKind::TeamJoin: return join_team(j, s, settings);
        default: return error_reply(500, N_("unexpected job"));
    }
}

Reply JudgingDesk::skip(const Job& j, core::Session& s, const PhoneSettings& settings) {
    if (auto closed = pairwise_open(j, s, settings)) return *closed;
    auto it = offered_.find(j.participant);
    if (it == offered_.end()) return error_reply(409, N_("there is no pair to skip: load the next one"));
    const std::string candidate = it->second.second;
    // Kept in the workshop file (one transaction) before the answer, like a comparison: a
    // restart does not offer the pair again. Never on the facilitator's undo stack, and the
    // judge's "Undo my last comparison" leaves it (docs/formats.md, "Skipped pairs").
    core::Pairwise& pw = pairwise(s);  // in step with the session before the skip
    s.execute(core::SetSkip{core::Skip{j.participant, candidate}, true}, false);
    offered_.erase(it);
    if (auto k = pw.team_index(candidate)) pw.skip(j.participant, *k);
    pairwise_revision_ = s.revision();
    return json_reply(200, R"({"skipped":true})");
}

Reply JudgingDesk::undo(const Job& j, core::Session& s, const PhoneSettings& settings) {
    if (auto closed = pairwise_open(j, s, settings)) return *closed;
    const auto& list = s.workshop().comparisons;
    std::size_t k = list.size();
    while (k > 0 && list[k - 1].judge != j.participant) --k;
    if (k == 0) return error_reply(409, N_("you have no comparison to undo"));
    const core::Comparison undone = list[k - 1];
    s.execute(core::RemoveComparison{k - 1}, false);  // the rest is replayed when next needed
    offered_[j.participant] = {undone.winner, undone.loser};  // the same pair, to decide again
    return json_reply(200, dump(json{{"undone", true}, {"winner", undone.winner}, {"loser", undone.loser}}));
}

Reply JudgingDesk::vote(const Job& j, core::Session& s, const PhoneSettings&) {
    const auto& ws = s.workshop();
    const core::Team* t = j.team.empty() ? nullptr : find_team(ws, j.team);
    if (!j.team.empty() && !t) return error_reply(404, N_("unknown team"));
    if (ws.audience_vote_closed) return error_reply(409, N_("the audience vote is closed"));
    if (t && std::find(t->members.begin(), t->members.end(), j.participant) != t->members.end())
        return error_reply(409, N_("you cannot vote for your own team"));
    core::SetAudienceVote cmd{j.participant, t ? std::optional<std::string>(t->id) : std::nullopt};
    s.execute(cmd, false);
    return saved_reply();
}

Reply JudgingDesk::create_team(const Job& j, core::Session& s, const PhoneSettings& settings) {
    const auto& ws = s.workshop();
    if (phone_stage(s, settings) != core::StageKind::Teams) return error_reply(409, N_("teams are not being formed now"));
    if (const core::Team* mine = team_of_member(ws, j.participant))
        return error_reply(409, N_("you are already in team “{0}”"), {mine->name});
    for (const auto& t : ws.teams)
        if (base::fold_case(t.name) == base::fold_case(j.name)) return error_reply(409, N_("there is already a team with this name"));
    core::Idea idea;
    idea.id = s.next_idea_id();
    idea.title = j.title;
    idea.problem = j.problem;
    idea.owner = j.participant;
    if (const auto* p = s.find_participant(j.participant)) idea.department = p->department;
    core::Team team;
    team.id = next_team_id(ws);
    team.name = j.name;
    team.idea = idea.id;
    team.members = {j.participant};
    int last = 0;
    for (const auto& t : ws.teams) last = std::max(last, t.pitch_order);
    team.pitch_order = last + 1;
    core::Batch b;
    b.label = "Team from a phone";
    b.commands.push_back(core::PutIdea{idea, std::nullopt});
    b.commands.push_back(core::PutTeam{team, std::nullopt});
    s.execute(b, false);
    return json_reply(201, dump(json{{"team", team.id}, {"code", code_of(team.id)}}));
}

Reply JudgingDesk::join_team(const Job& j, core::Session& s, const PhoneSettings& settings) {
    const auto& ws = s.workshop();
    auto code = team_of_code_.find(j.team_code);
    const core::Team* t = code == team_of_code_.end() ? nullptr : find_team(ws, code->second);
    if (!t) return error_reply(404, N_("unknown team code"));
    if (phone_stage(s, settings) != core::StageKind::Teams) return error_reply(409, N_("teams are not being formed now"));
    const core::Team* mine = team_of_member(ws, j.participant);
    if (mine == t) return json_reply(200, dump(json{{"team", t->id}}));
    if (mine) return error_reply(409, N_("you are already in team “{0}”"), {mine->name});
    core::Team changed = *t;
    changed.members.push_back(j.participant);
    s.execute(core::PutTeam{changed, std::nullopt}, false);
    return json_reply(200, dump(json{{"team", changed.id}}));
}

json JudgingDesk::judging_state(const std::string& participant, const core::Session& s, const PhoneSettings& settings) {
    const auto& ws = s.workshop();
    const bool pairwise_method = ws.judging.method == core::JudgingMethod::Pairwise;
    json out{{"method", std::string(core::to_string(ws.judging.method))}, {"jury", is_jury(s, participant)}};
    if (!is_jury(s, participant)) return out;
    if (pairwise_method) {
        json pair = nullptr;
        if (settings.round)
            if (auto p = offered(participant, s)) {
                const core::Team* a = find_team(ws, p->first);
                const core::Team* b = find_team(ws, p->second);
                pair = json::array({team_json(s, *a), team_json(s, *b)});
            }
        core::Pairwise& pw = pairwise(s);
        const int compared = pw.judge(participant).comparisons;
        out["pair"] = std::move(pair);
        out["compared"] = compared;
        out["to_go"] = pw.remaining(participant);
        out["can_undo"] = compared > 0;
        return out;
    }
    const core::Recusals recusals(ws);
    json teams = json::array();
    int done = 0, of = 0;
    for (const auto& t : ws.teams) {
        const core::Idea* idea = s.find_idea(t.idea);
        if (!idea || recusals.of(participant, t.id)) continue;
        ++of;
        bool all = !ws.criteria.empty();
        for (const auto& c : ws.criteria) {
            const auto v = s.score(idea->id, participant, c.id);
            if (v)
                out["scores"].push_back({{"idea", idea->id}, {"criterion", c.id}, {"value", *v}});
            else
                all = false;
        }
        if (all) ++done;
        teams.push_back({{"team", t.id}, {"name", t.name}, {"idea", idea->id}, {"title", idea->title}, {"problem", idea->problem}});
    }
    out["teams"] = std::move(teams);
    out["done"] = done;
    out["of"] = of;
    if (!out.contains("scores")) out["scores"] = json::array();
    return out;
}

void JudgingDesk::add_state(json& out, const std::string& participant, const core::Session& s, const PhoneSettings& settings) {
    const auto& ws = s.workshop();
    const core::Participant* p = s.find_participant(participant);
    out["participant"]["role"] = p ? std::string(core::to_string(p->role)) : std::string("user");
    const core::StageKind kind = phone_stage(s, settings);
    if (!hackathon_stage(kind)) return;
    // A judge comparing pairs sees only the pair: the list of teams is for the other views.
    const bool judging_pairs = kind == core::StageKind::Judging && ws.judging.method == core::JudgingMethod::Pairwise &&
                               p && p->role == core::Role::Jury;
    json teams = json::array();
    if (!judging_pairs)
        for (const auto& t : ws.teams) teams.push_back(team_json(s, t));
    out["teams"] = std::move(teams);
    json mine = nullptr;
    if (const core::Team* t = team_of_member(ws, participant)) {
        mine = team_json(s, *t);
        mine["code"] = code_of(t->id);
        json members = json::array();
        for (const auto& m : t->members)
            if (const auto* who = s.find_participant(m)) members.push_back(who->name);
        mine["members"] = std::move(members);
    }
    out["my_team"] = std::move(mine);
    json my_vote = nullptr;
    for (const auto& v : ws.audience_votes)
        if (v.voter == participant) my_vote = v.team;
    out["audience"] = {{"open", !ws.audience_vote_closed}, {"vote", my_vote}};
    if (kind != core::StageKind::Judging) return;
    json judging = judging_state(participant, s, settings);
    if (auto it = judging.find("scores"); it != judging.end()) {  // the jury's own, as in scoring
        for (auto& v : *it) out["scores"].push_back(std::move(v));
        judging.erase("scores");
    }
    out["judging"] = std::move(judging);
}

}  // namespace pilotdeck::server
