#include "core/hackathon.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "base/i18n.hpp"
#include "core/aggregate.hpp"
#include "core/pairwise.hpp"
#include "core/selection.hpp"

namespace pilotdeck::core {
namespace {

// The sentences of the awards ("why"), in the current language (contracts 10: the results
// document's sentences are in the workshop's language; the caller chooses it).
namespace text {
unsigned long plural_n(std::size_t n) { return static_cast<unsigned long>(n); }
std::string count(std::size_t n) { return std::to_string(n); }
std::string overall_pairwise(std::size_t comparisons, std::size_t judges) {
    return i18n::format(i18n::ntr("Ranked first by Crowd-BT over {0} comparisons by {1} judge.",
                                  "Ranked first by Crowd-BT over {0} comparisons by {1} judges.", plural_n(judges)),
                        {count(comparisons), count(judges)});
}
std::string overall_criteria(std::size_t raters) {
    return i18n::format(i18n::ntr("Ranked first on the jury's scores (benefit high, visibility high, risk low) by {0} judge.",
                                  "Ranked first on the jury's scores (benefit high, visibility high, risk low) by {0} judges.",
                                  plural_n(raters)),
                        {count(raters)});
}
std::string audience(int votes, std::size_t total) {
    return i18n::format(i18n::ntr("{0} of {1} audience vote.", "{0} of {1} audience votes.", plural_n(total)),
                        {std::to_string(votes), count(total)});
}
std::string criterion(const std::string& label, double mean) {
    return i18n::format(i18n::tr("Highest jury mean on {0}: {1}."), {label, i18n::number(mean, 2)});
}
std::string pilot() { return i18n::tr("Its idea is the shortlist's first pilot."); }
std::string no_comparisons() { return i18n::tr("No comparisons yet."); }
std::string no_jury_scores() { return i18n::tr("No jury scores yet."); }
std::string no_votes() { return i18n::tr("No audience votes yet."); }
std::string no_pilot() { return i18n::tr("No team's idea is the shortlist's first pilot."); }
std::string tie(const std::string& sentence, std::size_t others) {
    return sentence + " " +
           i18n::format(i18n::ntr("A tie with {0} other team.", "A tie with {0} other teams.", plural_n(others)), {count(others)});
}
}  // namespace text

bool name_less(const Workshop& ws, std::size_t a, std::size_t b) {
    const Team& x = ws.teams[a];
    const Team& y = ws.teams[b];
    return x.name != y.name ? x.name < y.name : x.id < y.id;
}

// -1 a before b, 1 b before a, 0 equal; a team with a value comes before one without.
int compare_optional(const std::optional<double>& a, const std::optional<double>& b, bool high_first) {
    if (a.has_value() != b.has_value()) return a ? -1 : 1;
    if (!a || *a == *b) return 0;
    return (*a > *b) == high_first ? -1 : 1;
}

int compare_criteria(const RankedTeam& a, const RankedTeam& b) {
    if (const int c = compare_optional(a.benefit, b.benefit, true)) return c;
    if (const int c = compare_optional(a.visibility, b.visibility, true)) return c;
    return compare_optional(a.risk, b.risk, false);
}

int compare_pairwise(const RankedTeam& a, const RankedTeam& b) {
    if (a.mu == b.mu) return 0;
    return a.mu > b.mu ? -1 : 1;
}

template <class Compare>
void sort_and_rank(const Workshop& ws, std::vector<RankedTeam>& ranking, Compare compare) {
    std::sort(ranking.begin(), ranking.end(), [&](const RankedTeam& a, const RankedTeam& b) {
        const int c = compare(a, b);
        return c != 0 ? c < 0 : name_less(ws, a.team, b.team);
    });
    for (std::size_t i = 0; i < ranking.size(); ++i)
        ranking[i].rank = i > 0 && compare(ranking[i - 1], ranking[i]) == 0 ? ranking[i - 1].rank : static_cast<int>(i + 1);
}

// The winner of a set of teams that tie (first by name), the others as tied_with.
void award_to(const Workshop& ws, AwardOutcome& out, std::vector<std::size_t> teams, const std::string& why) {
    std::sort(teams.begin(), teams.end(), [&](std::size_t a, std::size_t b) { return name_less(ws, a, b); });
    out.team = teams.front();
    out.tied_with.assign(teams.begin() + 1, teams.end());
    out.why = out.tied_with.empty() ? why : text::tie(why, out.tied_with.size());
}

}  // namespace

double round5(double x) {
    const double scaled = std::round(x * 100000.0);
    return (scaled == 0 ? 0.0 : scaled) / 100000.0;  // no -0
}

std::vector<Score> jury_scores(const Workshop& ws) {
    std::unordered_set<std::string_view> jury;
    for (const Participant& p : ws.participants)
        if (p.role == Role::Jury) jury.insert(p.id);
    const Recusals recusals(ws);
    std::vector<Score> out;
    for (const Score& s : ws.scores) {
        if (!jury.count(s.rater)) continue;
        const Team* t = recusals.team_of_idea(s.idea);
        if (t && recusals.of(s.rater, t->id)) continue;
        out.push_back(s);
    }
    return out;
}

HackathonResults hackathon_results(const Workshop& ws) {
    HackathonResults r;
    r.method = ws.judging.method;
    r.recusals = list_recusals(ws);
    std::unordered_map<std::string_view, std::size_t> idea_index;
    for (std::size_t i = 0; i < ws.ideas.size(); ++i) idea_index.emplace(ws.ideas[i].id, i);

    const std::vector<Score> jury = jury_scores(ws);
    const std::vector<IdeaResult> jury_results = summarize(ws.ideas, ws.criteria, Aggregates::from_scores(jury));
    std::unordered_set<std::string_view> jurors;
    for (const Score& s : jury) jurors.insert(s.rater);

    const Pairwise pairwise(ws);
    std::unordered_set<std::string_view> judges;
    for (const Comparison& c : ws.comparisons) judges.insert(c.judge);

    for (std::size_t t = 0; t < ws.teams.size(); ++t) {
        RankedTeam row;
        row.team = t;
        if (r.method == JudgingMethod::Pairwise) {
            row.mu = round5(pairwise.teams()[t].mu);
            row.sigma_sq = round5(pairwise.teams()[t].sigma_sq);
        } else if (const auto i = idea_index.find(ws.teams[t].idea); i != idea_index.end()) {
            const IdeaResult& ir = jury_results[i->second];
            row.benefit = ir.benefit;
            row.risk = ir.risk;
            row.visibility = ir.visibility;
            row.raters = ir.raters;
        }
        r.ranking.push_back(row);
    }
    if (r.method == JudgingMethod::Pairwise) sort_and_rank(ws, r.ranking, compare_pairwise);
    else sort_and_rank(ws, r.ranking, compare_criteria);

    for (std::size_t a = 0; a < ws.awards.size(); ++a) {
        const Award& award = ws.awards[a];
        AwardOutcome out;
        out.award = a;
        if (award.rule == "overall") {
            const bool judged = r.method == JudgingMethod::Pairwise ? !ws.comparisons.empty()
                                                                    : !r.ranking.empty() && r.ranking[0].benefit.has_value();
            if (!judged || r.ranking.empty()) {
                out.why = r.method == JudgingMethod::Pairwise ? text::no_comparisons() : text::no_jury_scores();
            } else {
                std::vector<std::size_t> first;
                for (const RankedTeam& row : r.ranking)
                    if (row.rank == 1) first.push_back(row.team);
                award_to(ws, out, first,
                         r.method == JudgingMethod::Pairwise ? text::overall_pairwise(ws.comparisons.size(), judges.size())
                                                             : text::overall_criteria(jurors.size()));
            }
        } else if (award.rule == "audience") {
            std::vector<int> votes(ws.teams.size(), 0);
            std::unordered_map<std::string_view, std::size_t> team_index;
            for (std::size_t t = 0; t < ws.teams.size(); ++t) team_index.emplace(ws.teams[t].id, t);
            for (const AudienceVote& v : ws.audience_votes)
                if (const auto it = team_index.find(v.team); it != team_index.end()) ++votes[it->second];
            const int most = votes.empty() ? 0 : *std::max_element(votes.begin(), votes.end());
            if (most == 0) {
                out.why = text::no_votes();
            } else {
                std::vector<std::size_t> top;
                for (std::size_t t = 0; t < votes.size(); ++t)
                    if (votes[t] == most) top.push_back(t);
                award_to(ws, out, top, text::audience(most, ws.audience_votes.size()));
            }
        } else if (award.rule.rfind("criterion:", 0) == 0) {
            const std::string id = award.rule.substr(10);
            const auto crit = std::find_if(ws.criteria.begin(), ws.criteria.end(), [&](const Criterion& c) { return c.id == id; });
            std::optional<double> best;
            std::vector<std::size_t> top;
            for (std::size_t t = 0; t < ws.teams.size(); ++t) {
                const auto i = idea_index.find(ws.teams[t].idea);
                if (i == idea_index.end()) continue;
                for (const CriterionSummary& c : jury_results[i->second].criteria) {
                    if (c.criterion != id) continue;
                    if (!best || c.mean > *best) {
                        best = c.mean;
                        top = {t};
                    } else if (c.mean == *best) {
                        top.push_back(t);
                    }
                }
            }
            if (!best) out.why = text::no_jury_scores();
            else award_to(ws, out, top, text::criterion(crit == ws.criteria.end() ? id : crit->label, *best));
        } else if (award.rule == "pilot") {
            const std::vector<IdeaResult> all = summarize(ws.ideas, ws.criteria, Aggregates::from_scores(ws.scores));
            const Selection selection = select_pilots(ws.ideas, all, ws.selection);
            out.why = text::no_pilot();
            if (!selection.pilots.empty()) {
                const std::string& idea = ws.ideas[all[selection.pilots.front().result].idea].id;
                for (std::size_t t = 0; t < ws.teams.size(); ++t)
                    if (ws.teams[t].idea == idea) award_to(ws, out, {t}, text::pilot());
            }
        }
        r.awards.push_back(std::move(out));
    }
    return r;
}

}  // namespace pilotdeck::core
