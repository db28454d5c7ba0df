#include "server/revote.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace pilotdeck::server {

using i18n::N_;

namespace {

using json = nlohmann::json;

bool in_round(const core::Workshop& ws, const std::string& idea, const std::string& criterion) {
    if (!ws.revote) return false;
    const auto& cells = ws.revote->cells;
    return std::any_of(cells.begin(), cells.end(), [&](const core::RevoteCell& c) { return c.idea == idea && c.criterion == criterion; });
}

const core::Score* own_score(const core::Workshop& ws, const std::string& idea, const std::string& rater,
                             const std::string& criterion) {
    for (const auto& sc : ws.scores)
        if (!sc.consensus && sc.idea == idea && sc.rater == rater && sc.criterion == criterion) return &sc;
    return nullptr;
}

double round2(double x) { return std::round(x * 100.0) / 100.0; }

}  // namespace

double quantile(const std::vector<int>& sorted, double p) {
    if (sorted.empty()) return 0;
    const double pos = p * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::optional<core::Command> check_revote(Job& j, const core::Session& s, const PhoneSettings& settings) {
    const auto& ws = s.workshop();
    if (!s.find_idea(j.idea)) {
        j.reply = error_reply(404, N_("unknown idea"));
        return std::nullopt;
    }
    if (!s.find_criterion(j.criterion)) {
        j.reply = error_reply(404, N_("unknown criterion"));
        return std::nullopt;
    }
    const char* refused = nullptr;
    const core::Score* mine = own_score(ws, j.idea, j.participant, j.criterion);
    if (phone_stage(s, settings) != core::StageKind::Scoring) refused = N_("scoring is not open");
    else if (!ws.revote) refused = N_("no re-vote round is open");
    else if (!settings.round) refused = N_("the round is closed");
    else if (!in_round(ws, j.idea, j.criterion)) refused = N_("this score is not part of the re-vote round");
    else if (!mine) refused = N_("only a rater who scored it can re-vote");
    else if (mine->round >= ws.revote->round) refused = N_("you have re-voted on it in this round already");
    if (refused) {
        j.reply = error_reply(409, refused);
        return std::nullopt;
    }
    core::Command cmd = core::Revote{j.idea, j.participant, j.criterion, static_cast<int>(j.value), j.reason};
    try {
        core::validate(ws, cmd);  // the scale, the reason's length: 422
    } catch (const core::CommandError& e) {
        j.reply = refused_reply(e);
        return std::nullopt;
    }
    return cmd;
}

void add_revote_state(json& out, const std::string& participant, const core::Session& s, const PhoneSettings& settings) {
    const auto& ws = s.workshop();
    if (!ws.revote || phone_stage(s, settings) != core::StageKind::Scoring) return;
    // The room's current individual values of every cell in the round, in one pass.
    std::map<std::pair<std::string, std::string>, std::vector<int>> values;
    for (const auto& c : ws.revote->cells) values[{c.idea, c.criterion}];
    for (const auto& sc : ws.scores)
        if (!sc.consensus)
            if (auto it = values.find({sc.idea, sc.criterion}); it != values.end()) it->second.push_back(sc.value);
    json cells = json::array();
    for (const auto& c : ws.revote->cells) {
        const core::Score* mine = own_score(ws, c.idea, participant, c.criterion);
        const core::Idea* idea = s.find_idea(c.idea);
        const core::Criterion* crit = s.find_criterion(c.criterion);
        if (!mine || !idea || !crit) continue;
        std::vector<int>& v = values[{c.idea, c.criterion}];
        std::sort(v.begin(), v.end());
        json histogram = json::array();
        for (int x = crit->min; x <= crit->max; ++x)
            histogram.push_back({{"value", x}, {"count", std::count(v.begin(), v.end(), x)}});
        cells.push_back({{"idea", c.idea},
                         {"title", idea->title},
                         {"criterion", c.criterion},
                         {"label", crit->label},
                         {"min", crit->min},
                         {"max", crit->max},
                         {"mine", mine->value},
                         {"done", mine->round >= ws.revote->round},
                         {"raters", v.size()},
                         {"median", round2(quantile(v, 0.5))},
                         {"q1", round2(quantile(v, 0.25))},
                         {"q3", round2(quantile(v, 0.75))},
                         {"histogram", std::move(histogram)}});
    }
    out["revote"] = {{"round", ws.revote->round}, {"cells", std::move(cells)}};
}

}  // namespace pilotdeck::server
