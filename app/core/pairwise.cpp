#include "core/pairwise.hpp"

#include <algorithm>

namespace pilotdeck::core {

double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

std::size_t uniform_index(std::mt19937_64& rng, std::size_t n) { return static_cast<std::size_t>(rng() % n); }

Pairwise::Pairwise(const Workshop& ws)
    : teams_(ws.teams), recuse_same_department_(ws.judging.recuse_same_department), ratings_(ws.teams.size()),
      active_(ws.teams.size(), 1) {
    std::unordered_map<std::string_view, std::string_view> idea_department;
    for (const Idea& idea : ws.ideas) idea_department.emplace(idea.id, idea.department);
    for (std::size_t i = 0; i < teams_.size(); ++i) {
        team_index_.emplace(teams_[i].id, i);
        const auto d = idea_department.find(teams_[i].idea);
        team_department_.emplace_back(d == idea_department.end() ? std::string_view() : d->second);
    }
    for (const Participant& p : ws.participants) person_department_.emplace(p.id, p.department);
    replay(ws.comparisons);
    for (const Skip& k : ws.skips)
        if (const auto t = team_index(k.team)) skip(k.judge, *t);
}

std::optional<std::size_t> Pairwise::team_index(std::string_view id) const {
    const auto it = team_index_.find(std::string(id));
    if (it == team_index_.end()) return std::nullopt;
    return it->second;
}

Pairwise::Judge& Pairwise::judge_state(const std::string& id) {
    const auto found = judges_.find(id);
    if (found != judges_.end()) return found->second;
    Judge j;
    j.seen.assign(teams_.size(), 0);
    j.skipped.assign(teams_.size(), 0);
    j.recused.assign(teams_.size(), 0);
    const auto dept = person_department_.find(id);
    for (std::size_t t = 0; t < teams_.size(); ++t) {
        const auto& members = teams_[t].members;
        const bool member = std::find(members.begin(), members.end(), id) != members.end();
        const bool department = recuse_same_department_ && dept != person_department_.end() && !dept->second.empty() &&
                                dept->second == team_department_[t];
        j.recused[t] = member || department;
    }
    return judges_.emplace(id, std::move(j)).first->second;
}

bool Pairwise::apply(const Comparison& c) {
    const auto wi_it = team_index_.find(c.winner), li_it = team_index_.find(c.loser);
    if (wi_it == team_index_.end() || li_it == team_index_.end() || wi_it == li_it) return false;
    const std::optional<std::size_t> w = wi_it->second, l = li_it->second;
    const auto found = judges_.find(c.judge);
    if (found == judges_.end() && !person_department_.count(c.judge)) return false;
    Judge& j = found != judges_.end() ? found->second : judge_state(c.judge);
    if (j.recused[*w] || j.recused[*l]) return false;
    TeamRating& winner = ratings_[*w];
    TeamRating& loser = ratings_[*l];
    const crowd_bt::Updated u = crowd_bt::update(j.rating.alpha, j.rating.beta, winner.mu, winner.sigma_sq, loser.mu, loser.sigma_sq);
    j.rating.alpha = u.alpha;
    j.rating.beta = u.beta;
    ++j.rating.comparisons;
    winner.mu = u.mu_winner;
    winner.sigma_sq = u.sigma_sq_winner;
    loser.mu = u.mu_loser;
    loser.sigma_sq = u.sigma_sq_loser;
    const bool new_w = !j.seen[*w], new_l = !j.seen[*l];
    if (new_w) ++winner.views;
    if (new_l) ++loser.views;
    j.seen[*w] = j.seen[*l] = 1;
    // The judge's current team: the one new to them; else the other one of the pair they were
    // shown with their current team; else the winner.
    const auto wi = static_cast<std::ptrdiff_t>(*w), li = static_cast<std::ptrdiff_t>(*l);
    if (new_w != new_l) j.current = new_w ? wi : li;
    else if (j.current == wi) j.current = li;
    else if (j.current == li) j.current = wi;
    else j.current = wi;
    return true;
}

void Pairwise::replay(const std::vector<Comparison>& comparisons) {
    std::fill(ratings_.begin(), ratings_.end(), TeamRating{});
    for (auto& [id, j] : judges_) {
        j.rating = JudgeRating{};
        j.current = -1;
        std::fill(j.seen.begin(), j.seen.end(), 0);
    }
    for (const Comparison& c : comparisons) apply(c);
}

std::vector<std::size_t> Pairwise::candidates(const Judge& j) const {
    std::vector<std::size_t> items, less_seen;
    for (std::size_t t = 0; t < teams_.size(); ++t) {
        if (!active_[t] || j.seen[t] || j.skipped[t] || j.recused[t] || static_cast<std::ptrdiff_t>(t) == j.current)
            continue;
        items.push_back(t);
        if (ratings_[t].views < crowd_bt::kMinViews) less_seen.push_back(t);
    }
    return less_seen.empty() ? items : less_seen;
}

std::optional<std::pair<std::size_t, std::size_t>> Pairwise::next_pair(const std::string& judge, std::mt19937_64& rng) {
    Judge& j = judge_state(judge);
    if (j.current < 0 || !active_[static_cast<std::size_t>(j.current)]) {
        const std::vector<std::size_t> first = candidates(j);
        if (first.empty()) return std::nullopt;
        j.current = static_cast<std::ptrdiff_t>(first[uniform_index(rng, first.size())]);
    }
    std::vector<std::size_t> items = candidates(j);
    if (items.empty()) return std::nullopt;
    for (std::size_t i = items.size() - 1; i > 0; --i) std::swap(items[i], items[uniform_index(rng, i + 1)]);
    const auto current = static_cast<std::size_t>(j.current);
    if (uniform01(rng) < crowd_bt::kEpsilon) return std::pair{current, items[0]};
    const crowd_bt::GainJudge judging(j.rating.alpha, j.rating.beta);
    const crowd_bt::GainTeam a(ratings_[current].mu, ratings_[current].sigma_sq);
    std::size_t best = items[0];
    double best_gain = -1;
    for (const std::size_t t : items) {
        const double gain = crowd_bt::expected_information_gain(judging, a, crowd_bt::GainTeam(ratings_[t].mu, ratings_[t].sigma_sq));
        if (gain > best_gain) {  // the first of equal gains, as Python's max
            best_gain = gain;
            best = t;
        }
    }
    return std::pair{current, best};
}

void Pairwise::skip(const std::string& judge, std::size_t team) {
    Judge& j = judge_state(judge);
    if (team < teams_.size()) j.skipped[team] = 1;
}

void Pairwise::set_active(std::size_t team, bool active) {
    if (team < active_.size()) active_[team] = active;
}

JudgeRating Pairwise::judge(std::string_view judge) const {
    const auto it = judges_.find(std::string(judge));
    return it == judges_.end() ? JudgeRating{} : it->second.rating;
}

bool Pairwise::recused(const std::string& judge, std::size_t team) {
    return team < teams_.size() && judge_state(judge).recused[team];
}

int Pairwise::remaining(const std::string& judge) {
    const Judge& j = judge_state(judge);
    int n = 0;
    for (std::size_t t = 0; t < teams_.size(); ++t)
        if (active_[t] && !j.seen[t] && !j.skipped[t] && !j.recused[t]) ++n;
    return n;
}

}  // namespace pilotdeck::core
