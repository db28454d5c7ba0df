#include "core/screening.hpp"
#include "core/portfolio.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "core/followup.hpp"
#include "core/progress.hpp"

namespace pilotdeck::core {
namespace {

PortfolioMeasure summarize_measure(const Measure& m) {
    PortfolioMeasure out{m.id, m.label, m.unit, m.baseline, m.target, m.up, std::nullopt, {}, std::nullopt};
    if (const auto latest = latest_value(m)) {
        out.latest = latest->value;
        out.latest_date = latest->date;
    }
    if (const auto p = progress(m)) out.progress = round3(*p);
    return out;
}

}  // namespace

std::string ai_act_class(const std::optional<Assessment>& a) { return std::string(to_string(classify_ai_act(a))); }

std::optional<std::pair<std::size_t, std::size_t>> repeated_workshop(const std::vector<PortfolioSource>& sources) {
    for (std::size_t i = 1; i < sources.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            const WorkshopInfo& a = sources[i].workshop.info;
            const WorkshopInfo& b = sources[j].workshop.info;
            if (a.organisation == b.organisation && a.title == b.title && a.date == b.date) return std::pair{i, j};
        }
    return std::nullopt;
}

Portfolio build_portfolio(const std::vector<PortfolioSource>& sources) {
    std::vector<std::size_t> order(sources.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const std::string& da = sources[a].workshop.info.date;
        const std::string& db = sources[b].workshop.info.date;
        if (da.empty() != db.empty()) return db.empty();  // undated last
        return da < db;
    });

    Portfolio p;
    std::unordered_map<std::string, std::size_t> worry_index;
    for (std::size_t w = 0; w < order.size(); ++w) {
        const PortfolioSource& src = sources[order[w]];
        const Workshop& ws = src.workshop;
        PortfolioWorkshop summary{ws.info.title, ws.info.organisation, ws.info.date, ws.participants.size(), ws.ideas.size(), 0};

        for (const Concern& c : ws.concerns) {
            auto [it, added] = worry_index.emplace(c.id, p.worries.size());
            if (added) p.worries.push_back({c.id, c.label, {}});
            WorryTrend& trend = p.worries[it->second];
            trend.label = c.label;  // the latest wording
            const auto share = worry_share(c.count, ws.participants.size());
            trend.trend.push_back({w, ws.info.date, share ? std::optional<double>(round3(*share)) : std::nullopt});
        }

        for (std::size_t i = 0; i < ws.ideas.size(); ++i) {
            const Idea& idea = ws.ideas[i];
            const IdeaStatus status = status_of(idea);
            PortfolioIdea entry{w, idea.id, idea.title, idea.department, status, std::nullopt, std::nullopt, std::nullopt,
                                ai_act_class(idea.assessment)};
            if (i < src.results.size()) {
                entry.benefit = src.results[i].benefit;
                entry.risk = src.results[i].risk;
                entry.visibility = src.results[i].visibility;
            }
            p.ideas.push_back(std::move(entry));
            if (status == IdeaStatus::Proposed) continue;
            ++summary.pilots;
            PortfolioPilot pilot{w, idea.id, idea.title, status, {}, std::nullopt, {}, {}};
            for (const Measure& m : idea.measures) pilot.measures.push_back(summarize_measure(m));
            if (!idea.status_history.empty()) pilot.decision = idea.status_history.back();
            for (auto it = idea.status_history.rbegin(); it != idea.status_history.rend(); ++it)
                if (!it->users_say.empty()) {
                    pilot.users_say = it->users_say;
                    pilot.users_say_date = it->date;
                    break;
                }
            p.pilots.push_back(std::move(pilot));
        }
        p.workshops.push_back(std::move(summary));
    }
    return p;
}

}  // namespace pilotdeck::core
