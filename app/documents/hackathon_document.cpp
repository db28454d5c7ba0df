// Reading, checking and writing the hackathon parts of templates and workshop documents
// (contracts 6). Faults found once the whole document is known (references, recusal, one team
// per idea) are reported at the exact value by re-reading the one object concerned.
#include "documents/hackathon_document.hpp"

#include <string>
#include <unordered_map>

#include "base/i18n.hpp"
#include "core/recusal.hpp"

namespace pilotdeck::documents::hackathon {
namespace {

using schema::Field;

constexpr std::size_t kMaxNameChars = 120;
constexpr std::int64_t kMaxMinutes = 600;
constexpr std::int64_t kMaxPitchOrder = 100000;

constexpr Field kTeamFields[] = {{"id"}, {"name"}, {"idea"}, {"members", false}, {"table", false}, {"pitch_order", false}, {"absent", false}};
constexpr Field kPitchingFields[] = {{"pitch_minutes", false}, {"qa_minutes", false}};
constexpr Field kJudgingFields[] = {{"method"}, {"recuse_same_department", false}};
constexpr Field kComparisonFields[] = {{"judge"}, {"winner"}, {"loser"}, {"at", false}};
constexpr Field kAwardFields[] = {{"id"}, {"label"}, {"rule"}};
constexpr Field kVoteFields[] = {{"voter"}, {"team"}};

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

core::Mode read_mode(JsonReader& r) {
    const std::string_view s = r.string_view();
    const auto mode = core::mode_from(s);
    if (!mode) r.fail(i18n::format(i18n::tr("must be use-case or hackathon, found {0}"), {quoted(s)}));
    return *mode;
}

std::string read_name(JsonReader& r) {
    std::string name = r.string();
    if (name.empty()) r.fail(i18n::tr("must not be empty"));
    if (const std::size_t chars = utf8_length(name); chars > kMaxNameChars)
        r.fail(i18n::format(i18n::tr("must be at most {0} characters, found {1}"), {std::to_string(kMaxNameChars), std::to_string(chars)}));
    return name;
}

core::Pitching read_pitching(JsonReader& r) {
    core::Pitching p;
    schema::read_fields(r, kPitchingFields, [&](std::string_view key) {
        if (key == "pitch_minutes") p.pitch_minutes = static_cast<int>(r.integer(1, kMaxMinutes));
        else if (key == "qa_minutes") p.qa_minutes = static_cast<int>(r.integer(0, kMaxMinutes));
    });
    return p;
}

core::Judging read_judging(JsonReader& r) {
    core::Judging j;
    schema::read_fields(r, kJudgingFields, [&](std::string_view key) {
        if (key == "method") {
            const std::string_view s = r.string_view();
            const auto method = core::judging_method_from(s);
            if (!method) r.fail(i18n::format(i18n::tr("must be criteria or pairwise, found {0}"), {quoted(s)}));
            j.method = *method;
        } else if (key == "recuse_same_department") {
            j.recuse_same_department = r.boolean();
        }
    });
    return j;
}

// YYYY-MM-DDTHH:MM:SSZ (UTC, whole seconds).
bool is_utc_time(std::string_view s) {
    if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        return false;
    const auto number = [&](std::size_t at, std::size_t len) {
        int v = 0;
        for (std::size_t i = at; i < at + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    const int month = number(5, 2), day = number(8, 2), hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    return number(0, 4) >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24 &&
           minute >= 0 && minute < 60 && second >= 0 && second < 61;
}

// "overall", "audience", "pilot" or "criterion:ID" (the criterion is resolved later).
std::string read_rule(JsonReader& r) {
    std::string rule = r.string();
    if (rule == "overall" || rule == "audience" || rule == "pilot") return rule;
    if (rule.rfind("criterion:", 0) == 0 && core::is_valid_id(std::string_view(rule).substr(10))) return rule;
    r.fail(i18n::format(i18n::tr("must be overall, audience, pilot or criterion:ID, found {0}"), {quoted(rule)}));
}

void read_awards(JsonReader& r, std::vector<core::Award>& awards, Offsets& at) {
    schema::IdIndex ids;
    r.array([&](std::size_t) {
        core::Award a;
        at.awards.push_back(schema::read_fields(r, kAwardFields, [&](std::string_view key) {
            if (key == "id") a.id = ids.read(r);
            else if (key == "label") a.label = read_name(r);
            else if (key == "rule") a.rule = read_rule(r);
        }));
        awards.push_back(std::move(a));
    });
}

void read_teams(JsonReader& r, std::vector<core::Team>& teams, Offsets& at) {
    schema::IdIndex ids;
    r.array([&](std::size_t) {
        core::Team t;
        at.teams.push_back(schema::read_fields(r, kTeamFields, [&](std::string_view key) {
            if (key == "id") t.id = ids.read(r);
            else if (key == "name") t.name = read_name(r);
            else if (key == "idea") t.idea = schema::read_id(r);
            else if (key == "members") r.array([&](std::size_t) { t.members.push_back(schema::read_id(r)); });
            else if (key == "table") t.table = r.string();
            else if (key == "pitch_order") t.pitch_order = static_cast<int>(r.integer(0, kMaxPitchOrder));
            else if (key == "absent") t.absent = r.boolean();
        }));
        teams.push_back(std::move(t));
    });
}

void read_comparisons(JsonReader& r, std::vector<core::Comparison>& comparisons, Offsets& at) {
    r.array([&](std::size_t) {
        core::Comparison c;
        at.comparisons.push_back(schema::read_fields(r, kComparisonFields, [&](std::string_view key) {
            if (key == "judge") c.judge = schema::read_id(r);
            else if (key == "winner") c.winner = schema::read_id(r);
            else if (key == "loser") c.loser = schema::read_id(r);
            else if (key == "at") {
                c.at = r.string();
                if (!is_utc_time(c.at)) r.fail(i18n::format(i18n::tr("must be a UTC time such as \"2026-12-01T10:15:00Z\", found {0}"), {quoted(c.at)}));
            }
        }));
        comparisons.push_back(std::move(c));
    });
}

void read_votes(JsonReader& r, std::vector<core::AudienceVote>& votes, Offsets& at) {
    r.array([&](std::size_t) {
        core::AudienceVote v;
        at.votes.push_back(schema::read_fields(r, kVoteFields, [&](std::string_view key) {
            if (key == "voter") v.voter = schema::read_id(r);
            else if (key == "team") v.team = schema::read_id(r);
        }));
        votes.push_back(std::move(v));
    });
}

// ---- checks once everything is read -------------------------------------------------------

using Index = std::unordered_map<std::string_view, std::size_t>;

template <class T>
Index index_of(const std::vector<T>& list) {
    Index index;
    for (std::size_t i = 0; i < list.size(); ++i) index.emplace(list[i].id, i);
    return index;
}

class Checker {
public:
    Checker(const JsonReader& r) : r_(r) {}

    // Where the value of member `key` (or its element `element`) starts in the object at `object`.
    std::size_t locate(std::size_t object, std::string_view key, std::ptrdiff_t element = -1) const {
        JsonReader again(r_.text().substr(object), r_.name());
        std::size_t found = 0;
        again.object([&](std::string_view k) {
            if (k != key) return;
            if (element < 0) {
                again.skip();
                found = again.value_offset();
                return;
            }
            again.array([&](std::size_t i) {
                again.skip();
                if (static_cast<std::ptrdiff_t>(i) == element) found = again.value_offset();
            });
        });
        return object + found;
    }

    [[noreturn]] void fail(std::size_t object, const std::string& list, std::size_t index, const std::string& key,
                           const std::string& message, std::ptrdiff_t element = -1) const {
        std::string path = list + "[" + std::to_string(index) + "]." + key;
        if (element >= 0) path += "[" + std::to_string(element) + "]";
        r_.fail_at(locate(object, key, element), path, message);
    }

private:
    const JsonReader& r_;
};

void check_awards(const Checker& c, const std::vector<core::Award>& awards, const std::vector<core::Criterion>& criteria,
                  const Offsets& at) {
    const Index criterion = index_of(criteria);
    for (std::size_t i = 0; i < awards.size(); ++i) {
        const std::string& rule = awards[i].rule;
        if (rule.rfind("criterion:", 0) == 0 && !criterion.count(std::string_view(rule).substr(10)))
            c.fail(at.awards[i], "awards", i, "rule", i18n::format(i18n::tr("no criterion has id {0}"), {quoted(std::string_view(rule).substr(10))}));
    }
}

std::string recusal_message(std::string_view judge, std::string_view team, core::RecusalReason reason) {
    return i18n::format(reason == core::RecusalReason::Member
                            ? i18n::tr("judge {0} is recused from team {1} (a member of it)")
                            : i18n::tr("judge {0} is recused from team {1} (the same department as its idea)"),
                        {quoted(judge), quoted(team)});
}

}  // namespace

bool read_workshop_field(JsonReader& r, std::string_view key, core::Workshop& ws, Offsets& at) {
    if (key == "mode") ws.mode = read_mode(r);
    else if (key == "teams") read_teams(r, ws.teams, at);
    else if (key == "pitching") ws.pitching = read_pitching(r);
    else if (key == "judging") ws.judging = read_judging(r);
    else if (key == "comparisons") read_comparisons(r, ws.comparisons, at);
    else if (key == "awards") read_awards(r, ws.awards, at);
    else if (key == "audience_votes") read_votes(r, ws.audience_votes, at);
    else return false;
    return true;
}

bool read_template_field(JsonReader& r, std::string_view key, core::Template& t, Offsets& at) {
    if (key == "mode") t.mode = read_mode(r);
    else if (key == "pitching") t.pitching = read_pitching(r);
    else if (key == "judging") t.judging = read_judging(r);
    else if (key == "awards") read_awards(r, t.awards, at);
    else return false;
    return true;
}

void check_template(const JsonReader& r, const core::Template& t, const Offsets& at) {
    check_awards(Checker(r), t.awards, t.criteria, at);
}

void check_workshop(const JsonReader& r, const core::Workshop& ws, const Offsets& at,
                    std::span<const std::uint32_t> score_offsets) {
    const Checker c(r);
    const Index person = index_of(ws.participants), idea = index_of(ws.ideas), team = index_of(ws.teams);

    Index team_of_idea, team_of_member;
    for (std::size_t i = 0; i < ws.teams.size(); ++i) {
        const core::Team& t = ws.teams[i];
        if (!idea.count(t.idea)) c.fail(at.teams[i], "teams", i, "idea", i18n::format(i18n::tr("no idea has id {0}"), {quoted(t.idea)}));
        if (const auto [it, fresh] = team_of_idea.emplace(t.idea, i); !fresh)
            c.fail(at.teams[i], "teams", i, "idea",
                   i18n::format(i18n::tr("idea {0} already belongs to team {1}"), {quoted(t.idea), quoted(ws.teams[it->second].id)}));
        for (std::size_t k = 0; k < t.members.size(); ++k) {
            const std::string& m = t.members[k];
            const auto element = static_cast<std::ptrdiff_t>(k);
            if (!person.count(m)) c.fail(at.teams[i], "teams", i, "members", i18n::format(i18n::tr("no participant has id {0}"), {quoted(m)}), element);
            if (const auto [it, fresh] = team_of_member.emplace(m, i); !fresh)
                c.fail(at.teams[i], "teams", i, "members",
                       i18n::format(i18n::tr("{0} is already a member of team {1}"), {quoted(m), quoted(ws.teams[it->second].id)}), element);
        }
    }
    check_awards(c, ws.awards, ws.criteria, at);

    const core::Recusals recusals(ws);
    for (std::size_t i = 0; i < ws.comparisons.size(); ++i) {
        const core::Comparison& cmp = ws.comparisons[i];
        const std::size_t o = at.comparisons[i];
        if (!person.count(cmp.judge)) c.fail(o, "comparisons", i, "judge", i18n::format(i18n::tr("no participant has id {0}"), {quoted(cmp.judge)}));
        if (!team.count(cmp.winner)) c.fail(o, "comparisons", i, "winner", i18n::format(i18n::tr("no team has id {0}"), {quoted(cmp.winner)}));
        if (!team.count(cmp.loser)) c.fail(o, "comparisons", i, "loser", i18n::format(i18n::tr("no team has id {0}"), {quoted(cmp.loser)}));
        if (cmp.winner == cmp.loser)
            c.fail(o, "comparisons", i, "loser", i18n::format(i18n::tr("a team cannot be compared with itself ({0})"), {quoted(cmp.loser)}));
        if (const auto why = recusals.of(cmp.judge, cmp.winner))
            c.fail(o, "comparisons", i, "winner", recusal_message(cmp.judge, cmp.winner, *why));
        if (const auto why = recusals.of(cmp.judge, cmp.loser))
            c.fail(o, "comparisons", i, "loser", recusal_message(cmp.judge, cmp.loser, *why));
    }

    // A jury member's score for a team's idea counts as judging that team.
    if (!ws.teams.empty()) {
        for (std::size_t i = 0; i < ws.scores.size(); ++i) {
            const core::Score& s = ws.scores[i];
            const auto p = person.find(s.rater);
            if (p == person.end() || ws.participants[p->second].role != core::Role::Jury) continue;
            const core::Team* t = recusals.team_of_idea(s.idea);
            if (!t) continue;
            if (const auto why = recusals.of(s.rater, t->id))
                c.fail(score_offsets[i], "scores", i, "rater", recusal_message(s.rater, t->id, *why));
        }
    }

    Index voted;
    for (std::size_t i = 0; i < ws.audience_votes.size(); ++i) {
        const core::AudienceVote& v = ws.audience_votes[i];
        const std::size_t o = at.votes[i];
        if (!person.count(v.voter)) c.fail(o, "audience_votes", i, "voter", i18n::format(i18n::tr("no participant has id {0}"), {quoted(v.voter)}));
        if (!team.count(v.team)) c.fail(o, "audience_votes", i, "team", i18n::format(i18n::tr("no team has id {0}"), {quoted(v.team)}));
        if (recusals.of(v.voter, v.team) == core::RecusalReason::Member)
            c.fail(o, "audience_votes", i, "team", i18n::format(i18n::tr("{0} is a member of team {1} and cannot vote for it"), {quoted(v.voter), quoted(v.team)}));
        if (const auto [it, fresh] = voted.emplace(v.voter, i); !fresh)
            c.fail(o, "audience_votes", i, "voter",
                   i18n::format(i18n::tr("{0} has already voted (audience_votes[{1}])"), {quoted(v.voter), std::to_string(it->second)}));
    }
}

void write_mode(JsonWriter& w, const core::Workshop& ws) { w.field("mode", core::to_string(ws.mode)); }

void write_workshop_parts(JsonWriter& w, const core::Workshop& ws) {
    const bool any = ws.mode == core::Mode::Hackathon || !ws.teams.empty() || !ws.comparisons.empty() ||
                     !ws.awards.empty() || !ws.audience_votes.empty() || ws.pitching != core::Pitching{} ||
                     ws.judging != core::Judging{};
    if (!any) return;
    using Layout = JsonWriter::Layout;
    w.key("teams").begin_array();
    for (const core::Team& t : ws.teams) {
        w.begin_object(Layout::Inline).field("id", t.id).field("name", t.name).field("idea", t.idea).key("members").begin_array();
        for (const std::string& m : t.members) w.value(m);
        w.end_array().field("table", t.table).field("pitch_order", t.pitch_order);
        if (t.absent) w.field("absent", true);  // only when marked, so older documents read back the same
        w.end_object();
    }
    w.end_array();
    w.key("pitching").begin_object(Layout::Inline).field("pitch_minutes", ws.pitching.pitch_minutes);
    w.field("qa_minutes", ws.pitching.qa_minutes).end_object();
    w.key("judging").begin_object(Layout::Inline).field("method", core::to_string(ws.judging.method));
    w.field("recuse_same_department", ws.judging.recuse_same_department).end_object();
    w.key("comparisons").begin_array();
    for (const core::Comparison& c : ws.comparisons) {
        w.begin_object(Layout::Inline).field("judge", c.judge).field("winner", c.winner).field("loser", c.loser);
        if (!c.at.empty()) w.field("at", c.at);
        w.end_object();
    }
    w.end_array().key("awards").begin_array();
    for (const core::Award& a : ws.awards)
        w.begin_object(Layout::Inline).field("id", a.id).field("label", a.label).field("rule", a.rule).end_object();
    w.end_array().key("audience_votes").begin_array();
    for (const core::AudienceVote& v : ws.audience_votes)
        w.begin_object(Layout::Inline).field("voter", v.voter).field("team", v.team).end_object();
    w.end_array();
}

}  // namespace pilotdeck::documents::hackathon
