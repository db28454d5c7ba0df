// Workshop documents (contracts.md section 3): import with full validation, canonical export.
//
// A big document (10,000 ideas x 50 raters x 9 criteria = 4.5 million scores) is read straight
// into core::Workshop. References (owner, and a score's idea, rater and criterion) are resolved
// after the whole document is read, because the lists may come in any order; for the faults
// found then, the reader re-reads the one object concerned to point at the exact value.
#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include "base/i18n.hpp"
#include "documents/documents.hpp"
#include "documents/followup_document.hpp"
#include "documents/hackathon_document.hpp"
#include "documents/json_writer.hpp"
#include "documents/schema.hpp"
#include "documents/second_round.hpp"

namespace pilotdeck::documents {
namespace {

using schema::Field;

constexpr std::size_t kWorkshopMinLevels = 0;
constexpr std::size_t kMaxTitleChars = 200;
// The smallest a score object can be written: {"idea":"a","rater":"b","criterion":"c","value":1},
// used to reserve the score list once instead of growing it (which would double peak memory).
constexpr std::size_t kMinScoreBytes = 48;

constexpr Field kWorkshopFields[] = {
    {"format"},          {"version"},          {"title"},        {"organisation", false}, {"date", false},
    {"facilitator", false}, {"language"},      {"template", false}, {"stages"},            {"concerns", false},
    {"criteria"},        {"selection"},        {"participants", false}, {"ideas", false},  {"scores", false},
    // contracts 6 (hackathon_document.cpp)
    {"mode", false}, {"teams", false}, {"pitching", false}, {"judging", false}, {"comparisons", false}, {"awards", false},
    {"audience_votes", false},
    // contracts 9 (second_round.cpp)
    {"score_history", false}, {"revote", false}};
constexpr Field kParticipantFields[] = {{"id"}, {"name"}, {"department", false}, {"role", false}};
constexpr Field kIdeaFields[] = {{"id"},           {"title"},        {"problem", false},
                                 {"solution", false}, {"department", false}, {"owner", false},
                                 {"success_criteria", false}, {"decision", false}, {"assessment", false},
                                 {"status", false}, {"status_history", false}, {"measures", false}};
constexpr Field kDecisionFields[] = {{"pin"}, {"reason", false}};
constexpr Field kScoreFields[] = {{"idea"}, {"rater", false}, {"criterion"}, {"value"}, {"round", false}, {"consensus", false}};
constexpr Field kHistoryFields[] = {{"idea"}, {"rater"}, {"criterion"}, {"value"}, {"round"}, {"reason", false}};
// The rater index that stands for the room in a consensus value (contracts 5b).
constexpr std::size_t kConsensusRater = 0xFFFFFFFFu;

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// "no idea has id {0}" and the like, with the id quoted.
std::string no_id(const char* pattern, const std::string& id) { return i18n::format(pattern, {quoted(id)}); }

// A value off its criterion's scale.
std::string off_scale(const core::Criterion& c, const std::string& found) {
    return i18n::format(i18n::tr("must be a whole number from {0} to {1} (the scale of {2}), found {3}"),
                        {std::to_string(c.min), std::to_string(c.max), quoted(c.id), found});
}

std::string element_path(const char* list, std::size_t index, const char* field) {
    return std::string(list) + "[" + std::to_string(index) + "]." + field;
}

class WorkshopParser {
public:
    explicit WorkshopParser(JsonReader& r) : r_(r) {}

    core::Workshop parse() {
        read_top();
        resolve_owners();
        resolve_scores();
        followup_.check_dates(r_, ws_);
        hackathon::check_workshop(r_, ws_, hackathon_at_, score_offsets_);
        resolve_history();
        resolve_revote();
        return std::move(ws_);
    }

private:
    void read_top() {
        schema::read_fields(r_, kWorkshopFields, [&](std::string_view key) {
            core::WorkshopInfo& info = ws_.info;
            if (key == "format") schema::read_format(r_, "pilotdeck-workshop");
            else if (key == "version") schema::read_version(r_, 2);
            else if (key == "title") info.title = r_.string();
            else if (key == "organisation") info.organisation = r_.string();
            else if (key == "date") info.date = schema::read_date(r_);
            else if (key == "facilitator") info.facilitator = r_.string();
            else if (key == "language") info.language = schema::read_language(r_);
            else if (key == "template") info.template_id = schema::read_template_id(r_, true);
            else if (key == "stages") ws_.stages = schema::read_stages(r_);
            else if (key == "concerns") ws_.concerns = schema::read_concerns(r_, true);
            else if (key == "criteria") ws_.criteria = schema::read_criteria(r_, kWorkshopMinLevels, criterion_ids_);
            else if (key == "selection") ws_.selection = schema::read_selection(r_);
            else if (key == "participants") r_.array([&](std::size_t) { ws_.participants.push_back(read_participant()); });
            else if (key == "ideas") read_ideas();
            else if (key == "scores") read_scores();
            else if (key == "score_history") read_history();
            else if (key == "revote") ws_.revote = second_round::read_revote(r_, revote_offsets_);
            else hackathon::read_workshop_field(r_, key, ws_, hackathon_at_);
        });
    }

    core::Participant read_participant() {
        core::Participant p;
        schema::read_fields(r_, kParticipantFields, [&](std::string_view key) {
            if (key == "id") p.id = participant_ids_.read(r_);
            else if (key == "name") p.name = r_.string();
            else if (key == "department") p.department = r_.string();
            else if (key == "role") {
                const std::string_view role = r_.string_view();
                const auto parsed = core::role_from(role);
                if (!parsed) r_.fail(i18n::format(i18n::tr("must be user, champion, decider, developer or jury, found {0}"), {quoted(role)}));
                p.role = *parsed;
            }
        });
        return p;
    }

    void read_ideas() {
        r_.array([&](std::size_t) {
            core::Idea idea;
            idea_offsets_.push_back(schema::read_fields(r_, kIdeaFields, [&](std::string_view key) {
                if (key == "id") idea.id = idea_ids_.read(r_);
                else if (key == "title") idea.title = read_title();
                else if (key == "problem") idea.problem = r_.string();
                else if (key == "solution") idea.solution = r_.string();
                else if (key == "department") idea.department = r_.string();
                else if (key == "owner") idea.owner = r_.string();  // resolved once participants are known
                else if (key == "success_criteria") idea.success_criteria = r_.string();
                else if (key == "decision") idea.decision = read_decision();
                else if (followup::is_idea_key(key)) followup_.read(r_, key, idea, ws_.ideas.size());
                else if (key == "assessment") idea.assessment = second_round::read_assessment(r_);
            }));
            ws_.ideas.push_back(std::move(idea));
        });
    }

    std::string read_title() {
        std::string title = r_.string();
        if (title.empty()) r_.fail(i18n::tr("must not be empty"));
        if (const std::size_t chars = utf8_length(title); chars > kMaxTitleChars)
            r_.fail(i18n::format(i18n::tr("must be at most {0} characters, found {1}"), {std::to_string(kMaxTitleChars), std::to_string(chars)}));
        return title;
    }

    std::optional<core::Decision> read_decision() {
        if (r_.null()) return std::nullopt;
        core::Decision d;
        schema::read_fields(r_, kDecisionFields, [&](std::string_view key) {
            if (key == "pin") {
                const std::string_view pin = r_.string_view();
                const auto parsed = core::pin_from(pin);
                if (!parsed) r_.fail(i18n::format(i18n::tr("must be include or exclude, found {0}"), {quoted(pin)}));
                d.pin = *parsed;
            } else if (key == "reason") {
                d.reason = r_.string();
            }
        });
        return d;
    }

    void read_scores() {
        r_.array([&](std::size_t index) {
            if (index == 0) {
                const std::size_t estimate = (r_.text().size() - r_.value_offset()) / kMinScoreBytes + 1;
                ws_.scores.reserve(estimate);
                score_offsets_.reserve(estimate);
            }
            core::Score& s = ws_.scores.emplace_back();
            bool has_rater = false;
            const std::size_t at = schema::read_fields(r_, kScoreFields, [&](std::string_view key) {
                if (key == "idea") s.idea = r_.string_view();
                else if (key == "rater") {
                    s.rater = r_.string_view();
                    has_rater = true;
                }
                else if (key == "criterion") s.criterion = r_.string_view();
                else if (key == "value") s.value = read_score_value();
                else if (key == "round") s.round = second_round::read_round(r_);
                else if (key == "consensus") s.consensus = r_.boolean();
            });
            score_offsets_.push_back(static_cast<std::uint32_t>(at));
            if (s.consensus && has_rater)
                fail_member(at, "scores", index, "rater", i18n::tr("a team consensus value (\"consensus\": true) has no rater"));
            if (!s.consensus && !has_rater)
                r_.fail_at(at, "scores[" + std::to_string(index) + "]",
                           i18n::tr("missing field \"rater\" (only a team consensus value, \"consensus\": true, has none)"));
        });
    }

    void read_history() {
        r_.array([&](std::size_t) {
            core::ScoreHistory& h = ws_.score_history.emplace_back();
            history_offsets_.push_back(schema::read_fields(r_, kHistoryFields, [&](std::string_view key) {
                if (key == "idea") h.idea = r_.string_view();
                else if (key == "rater") h.rater = r_.string_view();
                else if (key == "criterion") h.criterion = r_.string_view();
                else if (key == "value") h.value = read_score_value();
                else if (key == "round") h.round = second_round::read_round(r_);
                else if (key == "reason") h.reason = second_round::read_reason(r_);
            }));
        });
    }

    void resolve_revote() {
        if (!ws_.revote) return;
        for (std::size_t i = 0; i < ws_.revote->cells.size(); ++i) {
            const core::RevoteCell& c = ws_.revote->cells[i];
            const std::string path = "revote.cells[" + std::to_string(i) + "]";
            if (idea_ids_.find(c.idea) < 0)
                r_.fail_at(member_offset(revote_offsets_[i], "idea"), path + ".idea", no_id(i18n::tr("no idea has id {0}"), c.idea));
            if (criterion_ids_.find(c.criterion) < 0)
                r_.fail_at(member_offset(revote_offsets_[i], "criterion"), path + ".criterion",
                           no_id(i18n::tr("no criterion has id {0}"), c.criterion));
        }
    }

    void resolve_history() {
        for (std::size_t i = 0; i < ws_.score_history.size(); ++i) {
            const core::ScoreHistory& h = ws_.score_history[i];
            const std::size_t at = history_offsets_[i];
            if (idea_ids_.find(h.idea) < 0) fail_member(at, "score_history", i, "idea", no_id(i18n::tr("no idea has id {0}"), h.idea));
            if (participant_ids_.find(h.rater) < 0)
                fail_member(at, "score_history", i, "rater", no_id(i18n::tr("no participant has id {0}"), h.rater));
            const std::ptrdiff_t c = criterion_ids_.find(h.criterion);
            if (c < 0) fail_member(at, "score_history", i, "criterion", no_id(i18n::tr("no criterion has id {0}"), h.criterion));
            const core::Criterion& cr = ws_.criteria[static_cast<std::size_t>(c)];
            if (h.value < cr.min || h.value > cr.max) {
                const std::size_t v = member_offset(at, "value");
                r_.fail_at(v, element_path("score_history", i, "value"),
                           off_scale(cr, number_text(v)));
            }
        }
    }

    // Any whole number here; the criterion's scale is checked once criteria are known. Values
    // beyond int are clamped, which keeps them off every scale (scales lie within -1000..1000).
    int read_score_value() {
        const std::int64_t v =
            r_.integer(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
        return static_cast<int>(std::clamp<std::int64_t>(v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
    }

    // Where the value of member `key` starts in the object at `object_offset`.
    std::size_t member_offset(std::size_t object_offset, std::string_view key) const {
        JsonReader again(r_.text().substr(object_offset), r_.name());
        std::size_t found = 0;
        again.object([&](std::string_view k) {
            if (k != key) return;
            again.skip();
            found = again.value_offset();
        });
        return object_offset + found;
    }

    // The text of the number at `offset`, for messages.
    std::string number_text(std::size_t offset) const {
        const std::string_view rest = r_.text().substr(offset);
        return std::string(rest.substr(0, rest.find_first_not_of("-+.eE0123456789")));
    }

    [[noreturn]] void fail_member(std::size_t object_offset, const char* list, std::size_t index, const char* field,
                                  const std::string& message) const {
        r_.fail_at(member_offset(object_offset, field), element_path(list, index, field), message);
    }

    void resolve_owners() {
        for (std::size_t i = 0; i < ws_.ideas.size(); ++i) {
            const std::string& owner = ws_.ideas[i].owner;
            if (!owner.empty() && participant_ids_.find(owner) < 0)
                fail_member(idea_offsets_[i], "ideas", i, "owner", no_id(i18n::tr("no participant has id {0}"), owner));
        }
    }

    // Resolves one reference of score i; consecutive scores mostly repeat the idea, so the last
    // answer is reused.
    struct CachedLookup {
        std::string_view id;
        std::ptrdiff_t index = -1;
    };
    std::size_t resolve(CachedLookup& cache, const schema::IdIndex& ids, const std::string& id, std::size_t i,
                        const char* field, const char* missing) const {
        if (cache.index < 0 || cache.id != id) cache = CachedLookup{id, ids.find(id)};
        if (cache.index < 0)
            fail_member(score_offsets_[i], "scores", i, field, no_id(i18n::tr(missing), id));
        return static_cast<std::size_t>(cache.index);
    }

    void resolve_scores() {
        // (idea, rater) and (criterion, score index): sorting puts duplicates side by side.
        std::vector<std::pair<std::uint64_t, std::uint64_t>> keys;
        keys.reserve(ws_.scores.size());
        CachedLookup idea, rater, criterion;
        for (std::size_t i = 0; i < ws_.scores.size(); ++i) {
            const core::Score& s = ws_.scores[i];
            const std::size_t idea_index = resolve(idea, idea_ids_, s.idea, i, "idea", i18n::N_("no idea has id {0}"));
            const std::size_t rater_index =
                s.consensus ? kConsensusRater : resolve(rater, participant_ids_, s.rater, i, "rater", i18n::N_("no participant has id {0}"));
            const std::size_t criterion_index = resolve(criterion, criterion_ids_, s.criterion, i, "criterion", i18n::N_("no criterion has id {0}"));
            const core::Criterion& c = ws_.criteria[criterion_index];
            if (s.value < c.min || s.value > c.max) {
                const std::size_t at = member_offset(score_offsets_[i], "value");
                r_.fail_at(at, element_path("scores", i, "value"),
                           off_scale(c, number_text(at)));
            }
            keys.emplace_back(std::uint64_t{idea_index} << 32 | rater_index, std::uint64_t{criterion_index} << 32 | i);
        }
        check_duplicate_scores(keys);
    }

    void check_duplicate_scores(std::vector<std::pair<std::uint64_t, std::uint64_t>>& keys) const {
        std::sort(keys.begin(), keys.end());
        constexpr std::uint64_t kLow = 0xFFFFFFFFu;
        std::size_t first = 0, duplicate = std::numeric_limits<std::size_t>::max();
        for (std::size_t k = 1; k < keys.size(); ++k) {
            const bool same = keys[k].first == keys[k - 1].first && (keys[k].second >> 32) == (keys[k - 1].second >> 32);
            if (!same) continue;
            // keys[k] is a later copy; report the copy that comes first in the document.
            const std::size_t later = keys[k].second & kLow;
            if (later < duplicate) {
                duplicate = later;
                std::size_t g = k - 1;
                while (g > 0 && keys[g - 1].first == keys[k].first && (keys[g - 1].second >> 32) == (keys[k].second >> 32)) --g;
                first = keys[g].second & kLow;
            }
        }
        if (duplicate == std::numeric_limits<std::size_t>::max()) return;
        const core::Score& s = ws_.scores[duplicate];
        const std::string first_line = std::to_string(r_.line_of(score_offsets_[first]));
        r_.fail_at(score_offsets_[duplicate], "scores[" + std::to_string(duplicate) + "]",
                   s.consensus ? i18n::format(i18n::tr("a second team consensus value for idea {0}, criterion {1} (first at line {2})"),
                                              {quoted(s.idea), quoted(s.criterion), first_line})
                               : i18n::format(i18n::tr("duplicate score for idea {0}, rater {1}, criterion {2} (first at line {3})"),
                                              {quoted(s.idea), quoted(s.rater), quoted(s.criterion), first_line}));
    }

    JsonReader& r_;
    core::Workshop ws_;
    schema::IdIndex participant_ids_, idea_ids_, criterion_ids_;
    std::vector<std::size_t> idea_offsets_;
    followup::Reader followup_;
    std::vector<std::uint32_t> score_offsets_;  // documents are far below 4 GiB (kMaxDocumentBytes)
    hackathon::Offsets hackathon_at_;  // documents are far below 4 GiB (kMaxDocumentBytes)
    std::vector<std::size_t> history_offsets_, revote_offsets_;
};

// ---- writing ----------------------------------------------------------------------------------

void write_stages(JsonWriter& w, const std::vector<core::Stage>& stages) {
    w.key("stages").begin_array();
    for (const core::Stage& s : stages) {
        w.begin_object().field("id", s.id).field("kind", core::to_string(s.kind)).field("title", s.title);
        w.field("minutes", s.minutes).field("goal", s.goal).key("prompts").begin_array();
        for (const std::string& p : s.prompts) w.value(p);
        w.end_array().end_object();
    }
    w.end_array();
}

void write_concerns(JsonWriter& w, const std::vector<core::Concern>& concerns) {
    w.key("concerns").begin_array();
    for (const core::Concern& c : concerns)
        w.begin_object().field("id", c.id).field("label", c.label).field("response", c.response).field("count", c.count).end_object();
    w.end_array();
}

void write_criteria(JsonWriter& w, const std::vector<core::Criterion>& criteria) {
    w.key("criteria").begin_array();
    for (const core::Criterion& c : criteria) {
        w.begin_object().field("id", c.id).field("label", c.label).field("axis", core::to_string(c.axis));
        w.field("weight", c.weight).field("min", c.min).field("max", c.max).field("help", c.help);
        w.key("levels").begin_object();
        for (const auto& [level, text] : c.levels) w.field(std::to_string(level), text);  // std::map: ascending
        w.end_object().end_object();
    }
    w.end_array();
}

void write_selection(JsonWriter& w, const core::SelectionRules& s) {
    w.key("selection").begin_object().field("max_risk", s.max_risk).field("min_visibility", s.min_visibility);
    w.field("min_raters", s.min_raters).field("size", s.size).field("max_per_department", s.max_per_department);
    second_round::write_gates(w, s);
    w.end_object();
}

void write_ideas(JsonWriter& w, const std::vector<core::Idea>& ideas) {
    w.key("ideas").begin_array();
    for (const core::Idea& i : ideas) {
        w.begin_object().field("id", i.id).field("title", i.title).field("problem", i.problem);
        w.field("solution", i.solution).field("department", i.department).field("owner", i.owner);
        w.field("success_criteria", i.success_criteria).key("decision");
        if (i.decision)
            w.begin_object(JsonWriter::Layout::Inline).field("pin", core::to_string(i.decision->pin)).field("reason", i.decision->reason).end_object();
        else
            w.null();
        second_round::write_assessment(w, i.assessment);
        followup::write_idea_fields(w, i);
        w.end_object();
    }
    w.end_array();
}

}  // namespace

core::Workshop parse_workshop(std::string_view text, const std::string& name) {
    core::Workshop ws;
    schema::parse_document(text, name, "pilotdeck-workshop", [&](JsonReader& r) { ws = WorkshopParser(r).parse(); });
    return ws;
}

core::Workshop load_workshop(const std::string& path) { return parse_workshop(read_file(path), path); }

std::string write_workshop(const core::Workshop& ws, bool compact) {
    constexpr std::size_t kBytesPerScore = 80, kBytesPerIdea = 600;
    JsonWriter w(65536 + ws.scores.size() * kBytesPerScore + ws.ideas.size() * kBytesPerIdea,
                 compact ? JsonWriter::Style::Compact : JsonWriter::Style::Pretty);
    const core::WorkshopInfo& info = ws.info;
    w.begin_object().field("format", "pilotdeck-workshop").field("version", 2);
    w.field("title", info.title).field("organisation", info.organisation).field("date", info.date);
    w.field("facilitator", info.facilitator).field("language", info.language).field("template", info.template_id);
    hackathon::write_mode(w, ws);
    write_stages(w, ws.stages);
    write_concerns(w, ws.concerns);
    write_criteria(w, ws.criteria);
    write_selection(w, ws.selection);
    w.key("participants").begin_array();
    for (const core::Participant& p : ws.participants)
        w.begin_object().field("id", p.id).field("name", p.name).field("department", p.department).field("role", core::to_string(p.role)).end_object();
    w.end_array();
    write_ideas(w, ws.ideas);
    w.key("scores").begin_array();
    for (const core::Score& s : ws.scores) {
        w.begin_object(JsonWriter::Layout::Inline).field("idea", s.idea);
        if (!s.consensus) w.field("rater", s.rater);
        w.field("criterion", s.criterion).field("value", s.value);
        if (s.round != 1) w.field("round", s.round);
        if (s.consensus) w.field("consensus", true);
        w.end_object();
    }
    w.end_array();
    // Written only when there is history (a workshop without re-votes keeps its version 1 shape).
    if (!ws.score_history.empty()) {
        w.key("score_history").begin_array();
        for (const core::ScoreHistory& h : ws.score_history) {
            w.begin_object(JsonWriter::Layout::Inline).field("idea", h.idea).field("rater", h.rater);
            w.field("criterion", h.criterion).field("value", h.value).field("round", h.round).field("reason", h.reason);
            w.end_object();
        }
        w.end_array();
    }
    second_round::write_revote(w, ws.revote);
    hackathon::write_workshop_parts(w, ws);
    w.end_object();
    return w.finish();
}

}  // namespace pilotdeck::documents
