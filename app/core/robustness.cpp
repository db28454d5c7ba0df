#include "core/robustness.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "core/aggregate.hpp"
#include "core/screening.hpp"
#include "core/selection.hpp"

namespace pilotdeck::core {

namespace {

// ---- random numbers: our own, so that the bytes never depend on the standard library -------

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// xoshiro256**, one stream per sample (seeded from the seed and the sample's number), so that
// which thread draws a sample changes nothing.
class Rng {
public:
    Rng(std::uint64_t seed, std::uint64_t sample) {
        std::uint64_t x = seed ^ (sample * 0xD1B54A32D192ED03ull);
        for (auto& word : s_) word = splitmix64(x);
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in (0, 1): 53 random bits, never 0.
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
    // Uniform integer in [0, n), without modulo bias (Lemire's method).
    std::uint32_t below(std::uint32_t n) {
        std::uint64_t m = (next() >> 32) * n;
        auto low = static_cast<std::uint32_t>(m);
        if (low < n) {
            const std::uint32_t threshold = static_cast<std::uint32_t>(-n) % n;
            while (low < threshold) {
                m = (next() >> 32) * n;
                low = static_cast<std::uint32_t>(m);
            }
        }
        return static_cast<std::uint32_t>(m >> 32);
    }
    double normal() {  // Marsaglia's polar method
        for (;;) {
            const double u = 2 * uniform() - 1, v = 2 * uniform() - 1;
            const double s = u * u + v * v;
            if (s > 0 && s < 1) return u * std::sqrt(-2 * std::log(s) / s);
        }
    }
    // Gamma(shape, 1) by Marsaglia and Tsang; shape < 1 through Gamma(shape + 1) * U^(1/shape).
    double gamma(double shape) {
        if (shape < 1) return gamma(shape + 1) * std::pow(uniform(), 1 / shape);
        const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
        for (;;) {
            double x, v;
            do {
                x = normal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            const double u = uniform();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
        }
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

// ---- the workshop, laid out for fast samples ------------------------------------------------

struct Model {
    const Workshop& ws;
    std::size_t ideas = 0, criteria = 0, raters = 0;
    std::size_t stride = 0;  // raters rounded up to a multiple of 16: whole vectors, no scalar tail
    // values[(i * criteria + c) * stride + r]: rater r's value (0 when none); given: 1 when one.
    // int16 so that the dot products with the draw counts vectorise (pmaddwd): values lie within
    // -1000..1000 and a count is at most the number of raters, below 32768 (checked).
    std::vector<std::int16_t> values, given;
    std::vector<std::int16_t> scored_idea;   // [i * stride + r]: 1 when r scored idea i at all
    std::vector<double> consensus;           // [i * criteria + c]: the agreed value, or NaN
    std::vector<int> axis_of;                // per criterion: 0 benefit, 1 risk, 2 visibility
    std::vector<double> weight;              // per criterion (the workshop's)
    std::vector<std::vector<std::size_t>> axis_criteria;  // per axis
    std::vector<std::size_t> name_order;     // per idea: its place by (title, id)
    std::vector<AiActClass> classes;
    std::vector<int> departments;

    explicit Model(const Workshop& w) : ws(w) {
        ideas = ws.ideas.size();
        criteria = ws.criteria.size();
        std::unordered_map<std::string_view, std::size_t> idea_at, criterion_at, rater_at;
        for (std::size_t i = 0; i < ideas; ++i) idea_at.emplace(ws.ideas[i].id, i);
        for (std::size_t c = 0; c < criteria; ++c) criterion_at.emplace(ws.criteria[c].id, c);
        // The raters: participants with at least one individual score, in the participants' order.
        std::unordered_map<std::string_view, bool> has_score;
        for (const Score& s : ws.scores)
            if (!s.consensus) has_score[s.rater] = true;
        for (const Participant& p : ws.participants)
            if (has_score.count(p.id)) rater_at.emplace(p.id, raters++);
        stride = (raters + 15) / 16 * 16;
        values.assign(ideas * criteria * stride, 0);
        given.assign(values.size(), 0);
        scored_idea.assign(ideas * stride, 0);
        consensus.assign(ideas * criteria, std::nan(""));
        for (const Score& s : ws.scores) {
            const auto i = idea_at.find(s.idea);
            const auto c = criterion_at.find(s.criterion);
            if (i == idea_at.end() || c == criterion_at.end()) continue;
            if (s.consensus) {
                consensus[i->second * criteria + c->second] = s.value;
                continue;
            }
            const auto r = rater_at.find(s.rater);
            if (r == rater_at.end()) continue;
            const std::size_t at = (i->second * criteria + c->second) * stride + r->second;
            values[at] = static_cast<std::int16_t>(std::clamp(s.value, -32767, 32767));
            given[at] = 1;
            scored_idea[i->second * stride + r->second] = 1;
        }
        axis_criteria.resize(3);
        for (std::size_t c = 0; c < criteria; ++c) {
            axis_of.push_back(static_cast<int>(ws.criteria[c].axis));
            weight.push_back(ws.criteria[c].weight);
            axis_criteria[static_cast<std::size_t>(axis_of.back())].push_back(c);
        }
        std::vector<std::size_t> by_name(ideas);
        for (std::size_t i = 0; i < ideas; ++i) by_name[i] = i;
        std::sort(by_name.begin(), by_name.end(), [&](std::size_t a, std::size_t b) {
            const Idea& x = ws.ideas[a];
            const Idea& y = ws.ideas[b];
            return x.title != y.title ? x.title < y.title : x.id < y.id;
        });
        name_order.resize(ideas);
        for (std::size_t k = 0; k < ideas; ++k) name_order[by_name[k]] = k;
        classes = classify_ideas(ws.ideas);
        departments = department_indices(ws.ideas);
    }
};

// One thread's buffers and tallies.
struct Worker {
    std::vector<double> w;           // sampled weights per criterion
    std::vector<std::int16_t> m;     // times each rater was drawn
    std::vector<std::int16_t> drawn; // 1 when drawn at least once
    std::vector<IdeaResult> results;
    std::vector<std::size_t> order;
    struct Key {
        double benefit, visibility, risk;  // negated where high ranks first
        std::size_t name;
        bool operator<(const Key& o) const {
            if (benefit != o.benefit) return benefit < o.benefit;
            if (visibility != o.visibility) return visibility < o.visibility;
            if (risk != o.risk) return risk < o.risk;
            return name < o.name;
        }
    };
    std::vector<Key> keys;
    Decisions decisions;
    std::vector<int> selected, top;
    // For the ideas the plain shortlist chooses (tracked slots): sums of the sampled weights in
    // fixed point (integers, so that the sums do not depend on which thread took which sample)
    // and of the drawn raters, over the samples that chose the idea, and over all samples.
    std::vector<std::int64_t> w_chosen, w_all;  // [slot * criteria + c], [c]
    std::vector<std::int64_t> r_chosen, r_all;  // [slot * stride + r], [r]
};

constexpr double kWeightScale = 1e9;

void run_sample(const Model& model, const RobustnessOptions& options, std::uint64_t sample, Worker& k,
                const std::vector<int>& slot_of) {
    Rng rng(options.seed, sample);
    // 1. Weights: per axis a Dirichlet with parameters C * w_j / sum(w); one criterion keeps its weight.
    for (const auto& list : model.axis_criteria) {
        if (list.size() == 1) {
            k.w[list[0]] = model.weight[list[0]];
            continue;
        }
        double total = 0;
        for (std::size_t c : list) total += model.weight[c];
        double drawn = 0;
        for (std::size_t c : list) drawn += (k.w[c] = rng.gamma(options.concentration * model.weight[c] / total));
        for (std::size_t c : list) k.w[c] /= drawn;
    }
    // 2. Raters: R draws with replacement from the R raters.
    std::fill(k.m.begin(), k.m.end(), 0);
    const auto R = static_cast<std::uint32_t>(model.raters);
    for (std::uint32_t d = 0; d < R; ++d) {
        std::int16_t& count = k.m[rng.below(R)];
        count = static_cast<std::int16_t>(count + 1);  // at most R < 32768
    }
    for (std::size_t r = 0; r < model.raters; ++r) k.drawn[r] = static_cast<std::int16_t>(k.m[r] > 0);
    // 3. Scores and selection exactly as the plain shortlist computes them.
    const std::size_t C = model.criteria, n_raters = model.stride;  // padding: zero counts
    for (std::size_t i = 0; i < model.ideas; ++i) {
        IdeaResult& res = k.results[i];
        double weighted[3] = {0, 0, 0}, weights[3] = {0, 0, 0};
        bool agreed[3] = {false, false, false}, any_agreed = false;
        for (std::size_t c = 0; c < C; ++c) {
            const double fixed = model.consensus[i * C + c];
            double mean;
            if (!std::isnan(fixed)) {
                mean = fixed;
                agreed[static_cast<std::size_t>(model.axis_of[c])] = any_agreed = true;
            } else {
                const std::int16_t* v = &model.values[(i * C + c) * n_raters];
                const std::int16_t* g = &model.given[(i * C + c) * n_raters];
                const std::int16_t* m = k.m.data();
                std::int32_t sum = 0, n = 0;
                for (std::size_t r = 0; r < n_raters; ++r) {
                    sum += static_cast<std::int32_t>(m[r]) * v[r];
                    n += static_cast<std::int32_t>(m[r]) * g[r];
                }
                if (n == 0) continue;
                mean = static_cast<double>(sum) / static_cast<double>(n);
            }
            const auto a = static_cast<std::size_t>(model.axis_of[c]);
            weighted[a] += k.w[c] * mean;
            weights[a] += k.w[c];
        }
        std::int32_t distinct = 0;
        const std::int16_t* scored = &model.scored_idea[i * n_raters];
        const std::int16_t* drawn = k.drawn.data();
        for (std::size_t r = 0; r < n_raters; ++r) distinct += static_cast<std::int32_t>(drawn[r]) * scored[r];
        res.raters = distinct;
        auto axis = [&](std::size_t a) -> std::optional<double> {
            if (weights[a] <= 0) return std::nullopt;
            return round2(weighted[a] / weights[a]);
        };
        res.benefit = axis(0);
        res.risk = axis(1);
        res.visibility = axis(2);
        res.consensus = any_agreed;
        for (std::size_t a = 0; a < 3; ++a)
            if (weights[a] > 0 && !agreed[a]) res.consensus = false;
    }
    // Rule 1 as one ascending key per idea: a missing score ranks below every score.
    constexpr double kMissing = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < model.ideas; ++i) {
        const IdeaResult& r = k.results[i];
        k.keys[i] = {r.benefit ? -*r.benefit : kMissing, r.visibility ? -*r.visibility : kMissing,
                     r.risk ? *r.risk : kMissing, model.name_order[i]};
        k.order[i] = i;
    }
    std::sort(k.order.begin(), k.order.end(), [&](std::size_t x, std::size_t y) { return k.keys[x] < k.keys[y]; });
    decide(model.ws.ideas, k.results, model.ws.selection, model.classes, k.order, model.departments, k.decisions);
    for (const auto& pick : k.decisions.picks) k.selected[pick.result] += 1;
    if (!k.order.empty()) k.top[k.order[0]] += 1;
    // What the tracked ideas' choice went with.
    const std::size_t C2 = model.criteria, S = model.stride;
    for (std::size_t c = 0; c < C2; ++c) k.w_all[c] += std::llround(k.w[c] * kWeightScale);
    for (std::size_t r = 0; r < model.raters; ++r) k.r_all[r] += k.drawn[r];
    for (const auto& pick : k.decisions.picks) {
        const int slot = slot_of[pick.result];
        if (slot < 0) continue;
        const auto t = static_cast<std::size_t>(slot);
        for (std::size_t c = 0; c < C2; ++c) k.w_chosen[t * C2 + c] += std::llround(k.w[c] * kWeightScale);
        for (std::size_t r = 0; r < model.raters; ++r) k.r_chosen[t * S + r] += k.drawn[r];
    }
}

// The weight and the rater a tracked idea's choice depends on most (see RobustnessDependence).
RobustnessDependence dependence(const Model& model, const std::vector<Worker>& workers, std::size_t slot, int selected,
                                int samples) {
    RobustnessDependence d;
    const std::size_t C = model.criteria, S = model.stride;
    const int others = samples - selected;
    double best = 0;
    for (std::size_t c = 0; c < C; ++c) {
        if (model.axis_criteria[static_cast<std::size_t>(model.axis_of[c])].size() < 2) continue;  // a fixed weight
        if (selected == 0 || others == 0) break;
        std::int64_t chosen = 0, all = 0;
        for (const Worker& k : workers) {
            chosen += k.w_chosen[slot * C + c];
            all += k.w_all[c];
        }
        const double when = static_cast<double>(chosen) / kWeightScale / selected;
        const double otherwise = static_cast<double>(all - chosen) / kWeightScale / others;
        // Rounded to 1e-6 so that the two criteria of a two-criterion axis (which always differ by
        // the same amount) tie; of tied ones, the weight under which it is chosen when it weighs more.
        const double diff = std::round(1e6 * std::abs(when - otherwise)) / 1e6;
        if (diff > best || (diff == best && diff > 0 && when > otherwise && d.weight_when_chosen < d.weight_otherwise)) {
            best = diff;
            d.criterion = c;
            d.weight_when_chosen = std::round(1000 * when) / 1000;
            d.weight_otherwise = std::round(1000 * otherwise) / 1000;
        }
    }
    // The model's raters are the participants with an individual score, in the participants' order.
    std::vector<std::size_t> participant_of;
    {
        std::unordered_map<std::string_view, bool> has_score;
        for (const Score& s : model.ws.scores)
            if (!s.consensus) has_score[s.rater] = true;
        for (std::size_t p = 0; p < model.ws.participants.size(); ++p)
            if (has_score.count(model.ws.participants[p].id)) participant_of.push_back(p);
    }
    best = 0;
    for (std::size_t r = 0; r < model.raters; ++r) {
        std::int64_t chosen_with = 0, drawn = 0;
        for (const Worker& k : workers) {
            chosen_with += k.r_chosen[slot * S + r];
            drawn += k.r_all[r];
        }
        const std::int64_t not_drawn = samples - drawn;
        if (drawn == 0 || not_drawn == 0) continue;
        const double with = static_cast<double>(chosen_with) / static_cast<double>(drawn);
        const double without = static_cast<double>(selected - chosen_with) / static_cast<double>(not_drawn);
        if (std::abs(with - without) > best) {
            best = std::abs(with - without);
            d.rater = participant_of[r];
            d.share_with_rater = std::round(1000 * with) / 1000;
            d.share_without_rater = std::round(1000 * without) / 1000;
        }
    }
    return d;
}


double share(int count, int samples) { return std::round(1000.0 * count / samples) / 1000.0; }

}  // namespace

std::string_view to_string(RobustnessVerdict v) {
    switch (v) {
        case RobustnessVerdict::Robust: return "robust";
        case RobustnessVerdict::Uncertain: return "uncertain";
        case RobustnessVerdict::Fragile: return "fragile";
        case RobustnessVerdict::Out: return "out";
    }
    return {};
}

RobustnessResult robustness(const Workshop& ws, const RobustnessOptions& options) {
    if (options.samples < 1) throw std::invalid_argument("the number of samples must be at least 1");
    if (!(options.concentration > 0) || !std::isfinite(options.concentration))
        throw std::invalid_argument("the concentration must be a number above 0");
    const Model model(ws);
    if (model.raters >= 32768) throw std::invalid_argument("robustness handles at most 32767 raters");

    int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
    threads = std::clamp(threads, 1, std::max(1, std::min(options.samples, 64)));
    // The ideas the plain shortlist chooses are tracked for what their choice depends on.
    const std::vector<IdeaResult> plain = summarize(ws.ideas, ws.criteria, Aggregates::from_scores(ws.scores));
    const Selection chosen = select_pilots(ws.ideas, plain, ws.selection, model.classes);
    std::vector<int> slot_of(model.ideas, -1);
    std::size_t tracked = 0;
    for (const Pick& p : chosen.pilots) slot_of[plain[p.result].idea] = static_cast<int>(tracked++);
    std::vector<Worker> workers(static_cast<std::size_t>(threads));
    for (Worker& k : workers) {
        k.w_chosen.assign(tracked * model.criteria, 0);
        k.w_all.assign(model.criteria, 0);
        k.r_chosen.assign(tracked * model.stride, 0);
        k.r_all.assign(model.stride, 0);
        k.w.assign(model.criteria, 0);
        k.m.assign(model.stride, 0);
        k.drawn.assign(model.stride, 0);
        k.results.assign(model.ideas, IdeaResult{});
        for (std::size_t i = 0; i < model.ideas; ++i) k.results[i].idea = i;
        k.order.resize(model.ideas);
        k.keys.resize(model.ideas);
        k.selected.assign(model.ideas, 0);
        k.top.assign(model.ideas, 0);
    }
    // Samples are handed out in small blocks; each sample's numbers depend only on its number.
    constexpr int kBlock = 64;
    std::atomic<int> next{0}, done{0};
    std::atomic<bool> stop{false};
    auto work = [&](Worker& k, bool reports) {
        for (;;) {
            if (stop.load(std::memory_order_relaxed) || (options.cancel && options.cancel->load())) {
                stop = true;
                return;
            }
            const int first = next.fetch_add(kBlock);
            if (first >= options.samples) return;
            const int last = std::min(options.samples, first + kBlock);
            for (int s = first; s < last; ++s) run_sample(model, options, static_cast<std::uint64_t>(s), k, slot_of);
            done.fetch_add(last - first);
            if (reports && options.progress) options.progress(std::min(done.load(), options.samples), options.samples);
        }
    };
    // The calling thread works too (as workers[0]) and reports the progress after each block.
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < workers.size(); ++t) pool.emplace_back(work, std::ref(workers[t]), false);
    work(workers[0], true);
    for (auto& t : pool) t.join();
    if (options.progress && !stop.load()) options.progress(done.load(), options.samples);

    RobustnessResult out;
    out.samples = options.samples;
    out.cancelled = stop.load() || done.load() < options.samples;
    if (out.cancelled) return out;
    std::vector<char> is_chosen(ws.ideas.size(), 0);
    for (const Pick& p : chosen.pilots) is_chosen[plain[p.result].idea] = 1;
    for (std::size_t ri : rank(ws.ideas, plain)) {
        const std::size_t i = plain[ri].idea;
        IdeaRobustness r;
        r.idea = i;
        for (const Worker& k : workers) {
            r.selected += k.selected[i];
            r.top += k.top[i];
        }
        r.selected_share = share(r.selected, options.samples);
        r.top_share = share(r.top, options.samples);
        r.chosen = is_chosen[i] != 0;
        if (!r.chosen) r.verdict = RobustnessVerdict::Out;
        else if (r.selected_share >= 0.8) r.verdict = RobustnessVerdict::Robust;
        else if (r.selected_share <= 0.5) r.verdict = RobustnessVerdict::Fragile;
        else r.verdict = RobustnessVerdict::Uncertain;
        if (r.chosen && r.verdict != RobustnessVerdict::Robust)
            r.depends_on = dependence(model, workers, static_cast<std::size_t>(slot_of[i]), r.selected, options.samples);
        out.ideas.push_back(r);
    }
    return out;
}

}  // namespace pilotdeck::core
