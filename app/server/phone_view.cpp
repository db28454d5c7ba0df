#include "server/phone_view.hpp"

#include <algorithm>

#include "server/bridge.hpp"

namespace pilotdeck::server {

namespace {

using json = nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Moves the cursor past the cells `p` has scored; whether that was all of them.
bool has_finished(const core::Session& s, const std::string& p, const std::vector<const core::Idea*>& ideas,
                  std::size_t& cursor) {
    const auto& criteria = s.workshop().criteria;
    const std::size_t cells = ideas.size() * criteria.size();
    while (cursor < cells && s.score(ideas[cursor / criteria.size()]->id, p, criteria[cursor % criteria.size()].id))
        ++cursor;
    return cells > 0 && cursor == cells;
}

}  // namespace

core::StageKind phone_stage(const core::Session& s, const PhoneSettings& settings, std::string* title) {
    const auto& stages = s.workshop().stages;
    if (settings.stage) {
        for (const auto& st : stages)
            if (st.kind == *settings.stage) {
                if (title) *title = st.title;
                break;
            }
        return *settings.stage;
    }
    if (stages.empty()) return core::StageKind::Intro;
    const auto& cur = stages[static_cast<std::size_t>(s.current_stage())];
    if (title) *title = cur.title;
    return cur.kind;
}

bool idea_open(const PhoneSettings& settings, const std::string& id) {
    return !settings.open_ideas || settings.open_ideas->count(id) > 0;
}

std::vector<const core::Idea*> scoring_ideas(const core::Session& s, const PhoneSettings& settings) {
    std::vector<const core::Idea*> out;
    if (phone_stage(s, settings) != core::StageKind::Scoring) return out;
    for (const auto& i : s.workshop().ideas)
        if (idea_open(settings, i.id)) out.push_back(&i);
    return out;
}

void PhoneView::refresh_public(const core::Session& s, const PhoneSettings& settings) {
    if (cached_revision_ == s.revision() && cached_version_ == settings.version) return;
    std::string title;
    const core::StageKind kind = phone_stage(s, settings, &title);
    cached_open_ = scoring_ideas(s, settings);
    cached_ideas_.clear();
    for (const auto* i : cached_open_) cached_ideas_.push_back({{"id", i->id}, {"title", i->title}, {"problem", i->problem}});
    json criteria = json::array();
    for (const auto& c : s.workshop().criteria) {
        json levels = json::array();
        for (const auto& [v, text] : c.levels) levels.push_back({{"value", v}, {"text", text}});
        criteria.push_back({{"id", c.id},
                            {"label", c.label},
                            {"axis", std::string(core::to_string(c.axis))},
                            {"help", c.help},
                            {"min", c.min},
                            {"max", c.max},
                            {"levels", levels}});
    }
    json concerns = json::array();
    for (const auto& c : s.workshop().concerns) concerns.push_back({{"id", c.id}, {"label", c.label}});
    const json shared{{"stage", {{"kind", std::string(core::to_string(kind))}, {"title", title}}},
                      {"round_open", settings.round},
                      {"criteria", criteria},
                      {"concerns", concerns}};
    const std::string text = dump(shared);
    cached_public_ = text.substr(1, text.size() - 2);  // the members, without the braces
    cached_revision_ = s.revision();
    cached_version_ = settings.version;
}

std::string PhoneView::state_for(const StateRequest& r, const core::Session& s, const PhoneSettings& settings) {
    return state_text(state_json(r, s, settings), s, settings);
}

std::string PhoneView::state_text(const json& own, const core::Session& s, const PhoneSettings& settings) {
    refresh_public(s, settings);
    const std::string text = dump(own);  // an object: "{...}"
    std::string out;
    out.reserve(cached_public_.size() + text.size() + 2);
    out.append("{").append(cached_public_);
    if (text.size() > 2 && !cached_public_.empty()) out.append(",");
    out.append(text, 1, std::string::npos);
    return out;
}

json PhoneView::state_json(const StateRequest& r, const core::Session& s, const PhoneSettings& settings) {
    refresh_public(s, settings);
    json out = json::object();
    const std::size_t total = cached_open_.size();
    const std::size_t from = std::min(r.from, total);
    const std::size_t to = std::min(total, from + kIdeasPerPage);
    json ideas = json::array();
    for (std::size_t k = from; k < to; ++k) ideas.push_back(cached_ideas_[k]);
    out["ideas"] = std::move(ideas);
    out["ideas_from"] = from;
    out["ideas_total"] = total;
    const core::Participant* p = s.find_participant(r.participant);
    out["participant"] = {{"id", r.participant}, {"name", p ? p->name : std::string()}};
    json scores = json::array();
    for (std::size_t k = from; k < to; ++k)
        for (const auto& c : s.workshop().criteria)
            if (auto v = s.score(cached_open_[k]->id, r.participant, c.id))
                scores.push_back({{"idea", cached_open_[k]->id}, {"criterion", c.id}, {"value", *v}});
    out["scores"] = std::move(scores);
    json ticked = json::array();
    if (r.ticked)
        for (const auto& c : *r.ticked) ticked.push_back(c);
    out["ticked"] = std::move(ticked);
    json mine = json::array();
    if (phone_stage(s, settings) == core::StageKind::Ideas)
        for (const auto& i : s.workshop().ideas)
            if (i.owner == r.participant && mine.size() < kMaxOwnIdeasListed) mine.push_back({{"id", i.id}, {"title", i.title}});
    out["my_ideas"] = std::move(mine);
    return out;
}

void PhoneView::update_counts(const core::Session& s, const PhoneSettings& settings, const TokenTable& tokens,
                              std::unordered_set<std::string>& touched, bool recount_all) {
    const std::size_t cells_before = ideas_.size();
    bool names_changed = false;
    if (recount_all) {
        ideas_ = scoring_ideas(s, settings);
        progress_of_.clear();
        const std::size_t before = finished_.size();
        finished_.clear();
        for (const auto& p : tokens.participants()) touched.insert(p);
        names_changed = before > 0 || cells_before != ideas_.size();
    }
    for (const auto& p : touched) {
        auto& cursor = progress_of_[p];
        const bool done = has_finished(s, p, ideas_, cursor);
        if (done ? finished_.insert(p).second : finished_.erase(p) > 0) names_changed = true;
    }
    touched.clear();
    counts_.joined = static_cast<int>(tokens.joined());
    counts_.open_ideas = static_cast<int>(ideas_.size());
    // A participant removed in the GUI comes with a recount; one still finished but without a
    // token (a phone's token forgotten) no longer counts.
    if (names_changed || counts_.finished != static_cast<int>(finished_.size())) {
        counts_.finished_names.clear();
        int finished = 0;
        for (const auto& p : s.workshop().participants)
            if (finished_.count(p.id)) {
                counts_.finished_names.push_back(p.name);
                ++finished;
            }
        counts_.finished = finished;
    }
}

}  // namespace pilotdeck::server
