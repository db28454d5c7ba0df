// phones.judging.300: 300 jury phones judging pairwise at once on loopback (contracts 6; issue
// 10's speed), serve mode: the real PhoneServer on a real workshop file of 60 teams, real HTTP,
// each phone on its own loopback address and kept-alive connection. A phone joins with the jury
// code, then 15 times: GET /api/state (the pair Crowd-BT offers it), POST /api/compare (the left
// team wins when its id sorts first). Measured: request to "saved" of every compare (p50, p99,
// max); then every acknowledged comparison must be in the file exactly once (`missing`: acked
// but not there; `extra`: in the file but never acked; both must be 0). The judges' phones are
// driven from one event-loop thread (phone_loop.hpp).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_util.hpp"
#include "phone_loop.hpp"
#include "server/phone_server.hpp"
#include "storage/workshop_file.hpp"
#include "synthetic.hpp"

namespace pilotdeck::bench {

namespace {

using Clock = std::chrono::steady_clock;
using json = nlohmann::json;
using Triple = std::tuple<std::string, std::string, std::string>;  // judge, winner, loser

constexpr int kJudges = 300;
constexpr int kTeams = 60;
constexpr int kComparisons = 15;  // per judge

double pct(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto idx = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::min(sorted.size() - 1, idx == 0 ? 0 : idx - 1)];
}

std::string hackathon_file(const std::filesystem::path& dir) {
    core::Workshop ws = synthetic_workshop(kTeams, 1, 3);
    ws.scores.clear();
    ws.participants.clear();
    ws.mode = core::Mode::Hackathon;
    ws.judging.method = core::JudgingMethod::Pairwise;
    for (int t = 0; t < kTeams; ++t) {
        auto& idea = ws.ideas[static_cast<std::size_t>(t)];
        idea.owner.clear();
        ws.teams.push_back(core::Team{"t" + std::to_string(t + 1), "Team " + std::to_string(t + 1), idea.id, {}, "", t + 1});
    }
    const std::string file = (dir / "phones-judging.pilotdeck").string();
    std::filesystem::remove(file);
    storage::WorkshopFile::create(file, ws, true);
    return file;
}

// What a judge's phone reads from GET /api/state: the ids of judging.pair. The whole answer is
// read and must be well-formed JSON, but without building the document (a phone's page keeps
// what it draws; building every member made the simulated phones a third of the bench's CPU).
class PairReader : public nlohmann::json_sax<json> {
public:
    std::vector<std::string> ids;
    bool is_pair = false;  // judging.pair was an array

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t& v) override {
        if (in_pair_member() && key_ == "id") ids.push_back(v);
        return true;
    }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return open(); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override {
        if (path_.size() == 2 && path_[1] == "judging" && key_ == "pair") is_pair = true;
        return open();
    }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        key_ = k;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    bool open() {
        path_.push_back(key_);
        key_.clear();
        return true;
    }
    bool close() {
        path_.pop_back();
        key_.clear();
        return true;
    }
    // Inside an element of judging.pair: root, "judging", "pair", the element.
    bool in_pair_member() const { return path_.size() == 4 && path_[1] == "judging" && path_[2] == "pair"; }

    std::vector<std::string> path_;  // the key of each open container ("" in an array or at the root)
    std::string key_;
};

}  // namespace

namespace {

// The room's pace (phones.judging.room.300): all judges have joined when judging opens; each
// sends its first comparison within 2.5 s, then one 1-2 s after the last answer (reading the
// next pair in between), jittered by a generator seeded with the judge's number.
std::chrono::milliseconds jitter(std::mt19937_64& rng, long long from_ms, long long to_ms) {
    return std::chrono::milliseconds(from_ms + static_cast<long long>(rng() % static_cast<std::uint64_t>(to_ms - from_ms + 1)));
}

// One judge's phone: joins with the jury code, then kComparisons times reads its state (the
// pair Crowd-BT offers it) and sends the comparison (the left team wins when its id sorts
// first). At the room's pace each comparison goes out 1-2 s after the last answer (the first
// within 2.5 s of judging opening); the next pair is read in between.
class Judge final : public PhoneScript {
public:
    Judge(int p, std::string code, bool paced) : code_(std::move(code)), paced_(paced), rng_(static_cast<std::uint64_t>(p) + 1) {}

    void open_round(Clock::time_point at) {
        open_ = true;
        next_at_ = at + jitter(rng_, 0, 2500);
    }

    std::optional<PhoneRequest> next() override {
        if (bad > 0) return std::nullopt;
        if (token_.empty()) return PhoneRequest{"POST", "/api/join", json{{"code", code_}}.dump(), {}, {}};
        if (!open_ || done_ >= kComparisons) return std::nullopt;
        if (pair_.empty()) return PhoneRequest{"GET", "/api/state", {}, token_, {}};
        PhoneRequest r{"POST", "/api/compare", json{{"winner", pair_[0]}, {"loser", pair_[1]}}.dump(), token_, {}};
        if (paced_) r.not_before = next_at_;
        return r;
    }

    void answered(const PhoneAnswer& a) override {
        if (token_.empty()) {
            const json joined = json::parse(a.body, nullptr, false);
            if (a.status != 200 || !joined.is_object() || joined.value("role", "") != "jury" || !joined.contains("token")) {
                ++bad;
                return;
            }
            token_ = joined["token"].get<std::string>();
            judge = joined["participant"].get<std::string>();
            return;
        }
        if (pair_.empty()) {
            PairReader pair;
            if (a.status != 200 || !json::sax_parse(a.body, &pair) || !pair.is_pair || pair.ids.size() != 2) {
                ++bad;
                return;
            }
            pair_ = pair.ids;
            if (pair_[1] < pair_[0]) std::swap(pair_[0], pair_[1]);
            return;
        }
        if (a.status == 200 && a.body == R"({"saved":true})") {
            saved_ms.push_back(std::chrono::duration<double, std::milli>(a.got - a.sent).count());
            acked.emplace_back(judge, pair_[0], pair_[1]);
        } else {
            ++bad;
        }
        pair_.clear();
        ++done_;
        next_at_ = a.got + jitter(rng_, 1000, 2000);
    }

    std::string judge;
    std::vector<double> saved_ms;
    std::vector<Triple> acked;
    int bad = 0;

private:
    std::string code_, token_;
    bool paced_, open_ = false;
    std::mt19937_64 rng_;
    std::vector<std::string> pair_;
    int done_ = 0;
    Clock::time_point next_at_;
};

void run_judging(const std::filesystem::path& dir, bool paced) {
    const std::string file = hackathon_file(dir);
    server::ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    o.stage = core::StageKind::Judging;
    o.judging_seed = 1;
    server::PhoneServer srv;
    srv.start(file, o);
    std::vector<std::string> sources;
    std::vector<Judge> judges;
    judges.reserve(kJudges);
    for (int p = 0; p < kJudges; ++p) {
        sources.push_back("127.78." + std::to_string(p / 200) + "." + std::to_string(p % 200 + 10));
        judges.emplace_back(p, srv.jury_code(), paced);
    }
    std::vector<PhoneScript*> scripts;
    for (auto& j : judges) scripts.push_back(&j);
    PhoneLoop loop(srv.port(), sources);  // the judges' phones on one event-loop thread (phone_loop.hpp)
    auto t0 = Clock::now();
    double cpu0 = process_cpu_seconds();
    if (paced) {
        loop.run(scripts);  // every judge joins; then judging opens (comparisons/s from the opening)
        t0 = Clock::now();
        cpu0 = process_cpu_seconds();
    }
    for (auto& j : judges) j.open_round(t0);
    loop.run(scripts);
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    const double cpu = process_cpu_seconds() - cpu0;  // server and phones (one process)
    srv.stop();
    std::vector<double> saved_ms;
    std::vector<Triple> acked;
    int errors = 0;
    for (const auto& j : judges) {
        saved_ms.insert(saved_ms.end(), j.saved_ms.begin(), j.saved_ms.end());
        acked.insert(acked.end(), j.acked.begin(), j.acked.end());
        errors += j.bad;
    }

    // Every acknowledged comparison in the file exactly once, and nothing else.
    std::map<Triple, long> count;
    for (const auto& a : acked) ++count[a];
    const auto ws = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load();
    long extra = 0;
    for (const auto& c : ws.comparisons) {
        auto it = count.find({c.judge, c.winner, c.loser});
        if (it == count.end() || it->second == 0) ++extra;
        else --it->second;
    }
    long missing = 0;
    for (const auto& [t, n] : count) missing += n;

    std::sort(saved_ms.begin(), saved_ms.end());
    nlohmann::ordered_json out;
    out["name"] = paced ? "phones.judging.room.300" : "phones.judging.300";
    out["phones"] = kJudges;
    out["teams"] = kTeams;
    out["median_ms"] = round3(pct(saved_ms, 0.50));
    out["p99_ms"] = round3(pct(saved_ms, 0.99));
    out["max_ms"] = round3(saved_ms.empty() ? 0 : saved_ms.back());
    out["comparisons"] = acked.size();
    out["in_file"] = ws.comparisons.size();
    out["comparisons_per_s"] = std::round(seconds > 0 ? static_cast<double>(acked.size()) / seconds : 0);
    out["cpu_us_per_comparison"] = std::round(acked.empty() ? 0 : cpu * 1e6 / static_cast<double>(acked.size()));
    out["errors"] = errors;
    out["missing"] = missing;
    out["extra"] = extra;
    std::cout << out.dump() << std::endl;
}

}  // namespace

void report_phones_judging(const std::filesystem::path& dir) {
    run_judging(dir, false);
    run_judging(dir, true);  // next to the saturating measure, never instead of it
}

}  // namespace pilotdeck::bench
