#include "server/phone_view.hpp"

#include <algorithm>

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

const json& PhoneView::public_state(const core::Session& s, const PhoneSettings& settings) {
    if (cached_revision_ == s.revision() && cached_version_ == settings.version) return cached_public_;
    std::string title;
    const core::StageKind kind = phone_stage(s, settings, &title);
    json ideas = json::array();
    for (const auto* i : scoring_ideas(s, settings)) ideas.push_back({{"id", i->id}, {"title", i->title}, {"problem", i->problem}});
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
    cached_public_ = json{{"stage", {{"kind", std::string(core::to_string(kind))}, {"title", title}}},
                          {"round_open", settings.round},
                          {"ideas", ideas},
                          {"criteria", criteria},
                          {"concerns", concerns}};
    cached_revision_ = s.revision();
    cached_version_ = settings.version;
    return cached_public_;
}

std::string PhoneView::state_for(const StateRequest& r, const core::Session& s, const PhoneSettings& settings) {
    json out = public_state(s, settings);
    const core::Participant* p = s.find_participant(r.participant);
    out["participant"] = {{"id", r.participant}, {"name", p ? p->name : std::string()}};
    json scores = json::array();
    for (const auto* i : scoring_ideas(s, settings))
        for (const auto& c : s.workshop().criteria)
            if (auto v = s.score(i->id, r.participant, c.id)) scores.push_back({{"idea", i->id}, {"criterion", c.id}, {"value", *v}});
    out["scores"] = scores;
    json ticked = json::array();
    if (r.ticked)
        for (const auto& c : *r.ticked) ticked.push_back(c);
    out["ticked"] = ticked;
    json mine = json::array();
    for (const auto& i : s.workshop().ideas)
        if (i.owner == r.participant) mine.push_back({{"id", i.id}, {"title", i.title}});
    out["my_ideas"] = mine;
    return dump(out);
}

void PhoneView::update_counts(const core::Session& s, const PhoneSettings& settings, const std::vector<std::string>& joined_in,
                              std::unordered_set<std::string>& touched, bool recount_all) {
    std::vector<std::string> joined = joined_in;
    std::sort(joined.begin(), joined.end());
    joined.erase(std::unique(joined.begin(), joined.end()), joined.end());
    const auto ideas = scoring_ideas(s, settings);
    if (recount_all) progress_of_.clear();
    PhoneCounts c;
    c.joined = static_cast<int>(joined.size());
    c.open_ideas = static_cast<int>(ideas.size());
    const std::size_t cells = ideas.size() * s.workshop().criteria.size();
    std::unordered_set<std::string> finished_ids;
    for (const auto& p : joined) {
        auto [it, added] = progress_of_.try_emplace(p, 0);
        const bool finished = (added || touched.count(p)) ? has_finished(s, p, ideas, it->second) : cells > 0 && it->second == cells;
        if (finished) finished_ids.insert(p);
    }
    c.finished = static_cast<int>(finished_ids.size());
    if (!finished_ids.empty())
        for (const auto& p : s.workshop().participants)
            if (finished_ids.count(p.id)) c.finished_names.push_back(p.name);
    touched.clear();
    counts_ = std::move(c);
}

}  // namespace pilotdeck::server
