// phones.*: the phone server under 60 phones voting at once on loopback: the real PhoneServer on
// a real workshop file, real HTTP, each phone on its own kept-alive connection joining and then
// scoring 20 ideas x 9 criteria, one request after the other.
//
//  - phones.serve.saved: request to "saved" in serve mode (`pilotdeck serve`: the server's own
//    writer thread owns the file).
//  - phones.gui.saved: the same in GUI mode, with a thread that behaves like the GUI's main loop
//    (waits for the server's `wake` callback like glfwWaitEventsTimeout, then pump()).
//  - phones.gui.visible: in that same run, a 61st phone scores an idea nobody else scores, one
//    vote after the other, alternating 1 and 5; the time from sending the PUT to the moment the
//    loop thread, reading the session's cached results as the panels draw them, shows the new
//    mean. (Drawing and swapping the frame come on top of this in the real window.)
//
// One line per measure: name, median_ms (p50), p95_ms, p99_ms, max_ms, runs (votes measured),
// errors (answers other than 200 {"saved": true}); phones.gui.saved also counts the wakes.
//
//  - phones.scale.N (N = 60, 300, 500): serve mode, N phones at once, each on a loopback address
//    of its own (127.77.x.y, as phones in a room have) and its own kept-alive connection,
//    joining and then scoring 20 ideas x 9 criteria, each vote sent the moment the last was
//    answered: request-to-saved p50/p99/max, votes_per_s over the whole run, and `lost`: votes
//    answered "saved" that are not in the workshop file afterwards (must be 0). These phones
//    are driven from one event-loop thread (phone_loop.hpp), so that they take as little as
//    possible of the two cores the server is measured on.
//  - phones.room.500: 500 phones at the room's pace instead of as fast as they can: all joined,
//    then each sends its first vote within 2.5 s of the round opening and one every 1-2 s after
//    the last answer (seeded jitter), 12 votes each; the same figures (votes/s from the opening;
//    the saturating measures count from the start, joins included, as before).
//  - phones.scale.500.tokens8000: the same 500 phones in a workshop that already holds 8,000
//    participants with phone tokens (a file from before the 500-participant limit); the phones
//    use 500 of those tokens: the cost of a vote must not grow with the tokens.
#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <latch>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_util.hpp"
#include "phone_loop.hpp"
#include "core/session.hpp"
#include "server/http_client.hpp"
#include "server/phone_server.hpp"
#include "storage/workshop_file.hpp"
#include "synthetic.hpp"

namespace pilotdeck::bench {

namespace {

using Clock = std::chrono::steady_clock;
using server::HttpClient;
using server::HttpResponse;

constexpr int kPhones = 60;
constexpr int kIdeas = 20;
constexpr int kCriteria = 9;
const std::string kProbeIdea = "i" + std::to_string(kIdeas + 1);  // scored by the probe phone only
const std::string kProbeCriterion = "c1";

double ms_between(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto idx = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size()))) ;
    return sorted[std::min(sorted.size() - 1, idx == 0 ? 0 : idx - 1)];
}

void report_latencies(const std::string& name, std::vector<double> ms, int errors, long wakes = -1) {
    std::sort(ms.begin(), ms.end());
    nlohmann::ordered_json j;
    j["name"] = name;
    j["median_ms"] = round3(percentile(ms, 0.50));
    j["p95_ms"] = round3(percentile(ms, 0.95));
    j["p99_ms"] = round3(percentile(ms, 0.99));
    j["max_ms"] = round3(ms.empty() ? 0 : ms.back());
    j["runs"] = ms.size();
    j["errors"] = errors;
    if (wakes >= 0) j["wakes"] = wakes;  // calls of the wake callback (glfwPostEmptyEvent in the GUI)
    std::cout << j.dump() << std::endl;
}

// 21 ideas (the probe's idea without scores), 9 criteria 1..5, one earlier rater on ideas 1..20.
std::string make_workshop(const std::filesystem::path& dir, int round) {
    core::Workshop ws = synthetic_workshop(kIdeas + 1, 1, kCriteria);
    std::erase_if(ws.scores, [](const core::Score& s) { return s.idea == kProbeIdea; });
    const std::string file = (dir / ("phones-" + std::to_string(round) + ".pilotdeck")).string();
    storage::WorkshopFile::create(file, ws, true);
    return file;
}

std::string token_of(const HttpResponse& r) {
    if (r.status != 200) return {};
    const auto j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("token") && j["token"].is_string() ? j["token"].get<std::string>() : std::string();
}

std::string join_body(const std::string& code, const std::string& name) {
    return nlohmann::json{{"code", code}, {"name", name}}.dump();
}

// The same bytes nlohmann::json would write ({"criterion":..,"idea":..,"value":..}), without
// building a JSON object per vote: the phones share the two cores with the server they measure.
std::string score_body(const std::string& idea, const std::string& criterion, int value) {
    std::string b;
    b.reserve(48);
    b.append(R"({"criterion":")").append(criterion).append(R"(","idea":")").append(idea).append(R"(","value":)");
    b.append(std::to_string(value)).append("}");
    return b;
}

bool saved(const HttpResponse& r) { return r.status == 200 && r.body == R"({"saved":true})"; }
bool saved_answer(const PhoneAnswer& a) { return a.status == 200 && a.body == R"({"saved":true})"; }

// A loopback address of its own for phone `p` (the server allows 16 connections per address).
std::string phone_address(int p) { return "127.77." + std::to_string(p / 200) + "." + std::to_string(p % 200 + 10); }

struct Load {
    std::vector<double> saved_ms;
    int errors = 0;
};

// The 60 phones, all released at once; returns when every phone has sent every vote.
Load run_phones(int port, const std::string& code) {
    Load load;
    std::mutex mu;
    std::latch start(kPhones);
    std::vector<std::thread> phones;
    for (int p = 0; p < kPhones; ++p) {
        phones.emplace_back([&, p] {
            pthread_setname_np(pthread_self(), "phone");  // for perf: the clients apart from the server
            HttpClient c(port, phone_address(p));
            c.set_lean(true);  // the status and the body are what a phone reads
            std::vector<double> mine;
            mine.reserve(kIdeas * kCriteria);
            int errors = 0;
            start.arrive_and_wait();
            const std::string token = token_of(c.request("POST", "/api/join", join_body(code, "Phone " + std::to_string(p))));
            if (token.empty()) ++errors;
            for (int i = 1; i <= kIdeas && !token.empty(); ++i)
                for (int cr = 1; cr <= kCriteria; ++cr) {
                    const std::string body = score_body("i" + std::to_string(i), "c" + std::to_string(cr), 1 + (p + i + cr) % 5);
                    const auto t0 = Clock::now();
                    const HttpResponse r = c.request("PUT", "/api/score", body, token);
                    const auto t1 = Clock::now();
                    if (saved(r))
                        mine.push_back(ms_between(t0, t1));
                    else
                        ++errors;
                }
            std::lock_guard l(mu);
            load.saved_ms.insert(load.saved_ms.end(), mine.begin(), mine.end());
            load.errors += errors;
        });
    }
    for (auto& t : phones) t.join();
    return load;
}

// The GUI's main loop as far as the phones are concerned: wait for an event (the server's wake
// callback stands for glfwPostEmptyEvent) or the idle timeout, pump(), then read the cached
// results the way the scoring and matrix panels do.
class GuiLoop {
public:
    // The wake callback: thread-safe, like glfwPostEmptyEvent (an event stays queued until taken).
    void post() {
        ++wakes;
        {
            std::lock_guard l(mu_);
            posted_ = true;
        }
        cv_.notify_one();
    }

    // The probe phone: expects `value` as the probe idea's mean from now on.
    void expect(int value) {
        std::lock_guard l(mu_);
        expected_ = value;
        sent_ = Clock::now();
        seen_ = false;
    }
    // Waits until the loop has shown the expected value; false after 10 s (counted as an error).
    bool wait_seen() {
        std::unique_lock l(mu_);
        return seen_cv_.wait_for(l, std::chrono::seconds(10), [&] { return seen_; });
    }

    void run(server::PhoneServer& srv, const core::Session& session) {
        for (;;) {
            {
                std::unique_lock l(mu_);
                cv_.wait_for(l, std::chrono::milliseconds(500), [&] { return posted_ || quit_; });
                if (quit_) return;
                posted_ = false;
            }
            srv.pump();
            const auto& results = session.results();  // every panel starts here (dirty ideas recomputed)
            const core::IdeaResult* r = session.result_for(kProbeIdea);
            double mean = -1;
            if (r && !results.empty())
                for (const auto& c : r->criteria)
                    if (c.criterion == kProbeCriterion) mean = c.mean;
            const auto now = Clock::now();
            std::lock_guard l(mu_);
            if (expected_ && !seen_ && mean == static_cast<double>(expected_)) {
                visible_ms.push_back(ms_between(sent_, now));
                seen_ = true;
                seen_cv_.notify_all();
            }
        }
    }
    void quit() {
        {
            std::lock_guard l(mu_);
            quit_ = true;
        }
        cv_.notify_one();
    }

    std::vector<double> visible_ms;  // read after run() returned
    std::atomic<long> wakes{0};

private:
    std::mutex mu_;
    std::condition_variable cv_, seen_cv_;
    bool posted_ = false, quit_ = false;
    int expected_ = 0;
    Clock::time_point sent_;
    bool seen_ = false;
};

struct Scale {
    std::vector<double> saved_ms;
    int errors = 0;
    std::size_t acked = 0, lost = 0;
    double seconds = 0;
    double cpu_seconds = 0;  // the process's (server and phones) over the same span
};

// The room's pace (phones.room.*): all phones have joined when the round opens; each sends its
// first vote within kFirstWithin of the opening, then one every kGapMin..kGapMax after the last
// answer, jittered by a generator seeded with the phone's number (the same run every time).
constexpr auto kFirstWithin = std::chrono::milliseconds(2500);
constexpr auto kGapMin = std::chrono::milliseconds(1000);
constexpr auto kGapMax = std::chrono::milliseconds(2000);
constexpr int kPacedVotes = 12;  // per phone: about 20 s of a round

std::chrono::milliseconds jitter(std::mt19937_64& rng, std::chrono::milliseconds from, std::chrono::milliseconds to) {
    const auto span = static_cast<std::uint64_t>((to - from).count()) + 1;
    return from + std::chrono::milliseconds(static_cast<long long>(rng() % span));
}

// One phone of phones.scale.* / phones.room.*: joins (or, given a token, reads its state to
// learn who it is), then, once its round is open, scores the ideas criterion by criterion; at
// the room's pace it sends its first vote within kFirstWithin of the opening and each next one
// kGapMin..kGapMax after the last answer (a generator seeded with the phone's number).
class VotingPhone final : public PhoneScript {
public:
    VotingPhone(int p, std::string code, std::string token, bool paced)
        : p_(p), code_(std::move(code)), token_(std::move(token)), paced_(paced), rng_(static_cast<std::uint64_t>(p) + 1) {}

    void open_round(LoopClock::time_point at) {
        open_ = true;
        next_at_ = at + jitter(rng_, std::chrono::milliseconds(0), kFirstWithin);
    }

    std::optional<PhoneRequest> next() override {
        if (errors > 0) return std::nullopt;
        if (participant.empty()) {
            if (token_.empty()) return PhoneRequest{"POST", "/api/join", join_body(code_, "Phone " + std::to_string(p_)), {}, {}};
            return PhoneRequest{"GET", "/api/state", {}, token_, {}};
        }
        if (!open_ || vote_ >= (paced_ ? kPacedVotes : kIdeas * kCriteria)) return std::nullopt;
        const int i = vote_ / kCriteria + 1, cr = vote_ % kCriteria + 1;
        PhoneRequest r{"PUT", "/api/score", score_body("i" + std::to_string(i), "c" + std::to_string(cr), 1 + (p_ + i + cr) % 5), token_, {}};
        if (paced_) r.not_before = next_at_;
        return r;
    }

    void answered(const PhoneAnswer& a) override {
        if (participant.empty()) {
            const auto j = nlohmann::json::parse(a.body, nullptr, false);
            if (a.status == 200 && j.is_object() && token_.empty() && j.contains("token") && j["token"].is_string()) {
                token_ = j["token"].get<std::string>();
                participant = j.value("participant", "");
            } else if (a.status == 200 && j.is_object() && !token_.empty() && j.contains("participant") && j["participant"].is_object()) {
                participant = j["participant"].value("id", "");
            }
            if (participant.empty()) ++errors;
            return;
        }
        const int i = vote_ / kCriteria + 1, cr = vote_ % kCriteria + 1;
        if (saved_answer(a)) {
            saved_ms.push_back(ms_between(a.sent, a.got));
            acked.emplace_back("i" + std::to_string(i), "c" + std::to_string(cr), 1 + (p_ + i + cr) % 5);
        } else {
            ++errors;
        }
        ++vote_;
        next_at_ = a.got + jitter(rng_, kGapMin, kGapMax);
    }

    std::string participant;
    std::vector<double> saved_ms;
    std::vector<std::tuple<std::string, std::string, int>> acked;
    int errors = 0;

private:
    int p_;
    std::string code_, token_;
    bool paced_, open_ = false;
    std::mt19937_64 rng_;
    int vote_ = 0;
    LoopClock::time_point next_at_;
};

// `phones` phones at once, each from its own address, driven by one event-loop thread (see
// phone_loop.hpp); with `tokens` they use those tokens instead of joining. Every acknowledged
// vote is looked for in the file afterwards. `paced`: the room's pace instead of every phone
// sending its next vote the moment the last is answered.
Scale run_scale(const std::string& file, int phones, const std::vector<std::string>& tokens, bool paced = false) {
    server::ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    o.stage = core::StageKind::Scoring;
    server::PhoneServer srv;
    srv.start(file, o);
    Scale out;
    std::vector<std::string> sources;
    std::vector<VotingPhone> phone;
    phone.reserve(static_cast<std::size_t>(phones));
    for (int p = 0; p < phones; ++p) {
        sources.push_back(phone_address(p));
        phone.emplace_back(p, srv.join_code(), tokens.empty() ? std::string() : tokens[static_cast<std::size_t>(p)], paced);
    }
    std::vector<PhoneScript*> scripts;
    for (auto& ph : phone) scripts.push_back(&ph);
    PhoneLoop loop(srv.port(), sources);
    auto t0 = Clock::now();
    double cpu0 = process_cpu_seconds();
    if (paced) {
        loop.run(scripts);  // everyone joins; then the round opens (votes/s from the opening)
        t0 = Clock::now();
        cpu0 = process_cpu_seconds();
    }
    for (auto& ph : phone) ph.open_round(t0);
    loop.run(scripts);
    out.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    out.cpu_seconds = process_cpu_seconds() - cpu0;
    srv.stop();
    // Nothing acknowledged may be lost: every "saved" vote is in the file.
    auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
    core::Session stored(wf->load(), 0, nullptr);
    for (const auto& ph : phone) {
        out.saved_ms.insert(out.saved_ms.end(), ph.saved_ms.begin(), ph.saved_ms.end());
        out.errors += ph.errors;
        for (const auto& [idea, crit, v] : ph.acked) {
            ++out.acked;
            if (stored.score(idea, ph.participant, crit) != v) ++out.lost;
        }
    }
    return out;
}

void report_scale(const std::string& name, int phones, Scale r) {
    std::sort(r.saved_ms.begin(), r.saved_ms.end());
    nlohmann::ordered_json j;
    j["name"] = name;
    j["phones"] = phones;
    j["median_ms"] = round3(percentile(r.saved_ms, 0.50));
    j["p99_ms"] = round3(percentile(r.saved_ms, 0.99));
    j["max_ms"] = round3(r.saved_ms.empty() ? 0 : r.saved_ms.back());
    j["votes"] = r.acked;
    j["votes_per_s"] = std::round(r.seconds > 0 ? static_cast<double>(r.acked) / r.seconds : 0);
    j["cpu_us_per_vote"] = std::round(r.acked > 0 ? r.cpu_seconds * 1e6 / static_cast<double>(r.acked) : 0);
    j["errors"] = r.errors;
    j["lost"] = r.lost;
    std::cout << j.dump() << std::endl;
}

}  // namespace

void report_phones_scale(const std::filesystem::path& dir) {
    for (int phones : {60, 300, 500}) {
        // Without the earlier rater: 500 phones are the workshop's 500 participants.
        core::Workshop ws = synthetic_workshop(kIdeas + 1, 1, kCriteria);
        ws.scores.clear();
        ws.participants.clear();
        for (auto& idea : ws.ideas) idea.owner.clear();
        const std::string file = (dir / ("phones-scale-" + std::to_string(phones) + ".pilotdeck")).string();
        storage::WorkshopFile::create(file, ws, true);
        report_scale("phones.scale." + std::to_string(phones), phones, run_scale(file, phones, {}));
    }
    // The room's pace: 500 phones, everyone's first vote within 2.5 s of the round opening,
    // then one every 1-2 s (next to the saturating measures above, never instead of them).
    {
        core::Workshop ws = synthetic_workshop(kIdeas + 1, 1, kCriteria);
        ws.scores.clear();
        ws.participants.clear();
        for (auto& idea : ws.ideas) idea.owner.clear();
        const std::string file = (dir / "phones-room-500.pilotdeck").string();
        storage::WorkshopFile::create(file, ws, true);
        report_scale("phones.room.500", 500, run_scale(file, 500, {}, true));
    }
    // 8,000 participants with phone tokens already in the file; 500 of them vote.
    core::Workshop ws = synthetic_workshop(kIdeas + 1, 1, kCriteria);
    std::erase_if(ws.scores, [](const core::Score& s) { return s.idea == kProbeIdea; });
    const std::string file = (dir / "phones-tokens8000.pilotdeck").string();
    storage::WorkshopFile::create(file, ws, true);
    std::vector<std::string> tokens;
    {
        auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadWrite);
        core::Session session(wf->load(), wf->current_stage(), wf.get());
        const long long first = std::stoll(session.next_participant_id().substr(1));
        core::Batch b;
        std::vector<storage::WorkshopFile::PhoneToken> stored;
        for (int k = 0; k < 8000; ++k) {
            const std::string id = "p" + std::to_string(first + k);
            char token[33];
            std::snprintf(token, sizeof token, "%032x", k + 1);
            stored.push_back({token, id});
            tokens.push_back(token);
            b.commands.push_back(core::PutParticipant{core::Participant{id, "Phone " + std::to_string(k), {}, core::Role::User}, std::nullopt});
        }
        wf->attach_phone_tokens(stored);
        session.execute(b, false);
    }
    tokens.resize(500);
    std::reverse(tokens.begin(), tokens.end());  // any 500 of them
    report_scale("phones.scale.500.tokens8000", 500, run_scale(file, 500, tokens));
}

void report_phones(const std::filesystem::path& dir, int rounds) {
    server::ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    o.stage = core::StageKind::Scoring;

    Load serve;
    for (int round = 0; round < rounds; ++round) {
        const std::string file = make_workshop(dir, round);
        server::PhoneServer srv;
        srv.start(file, o);
        Load l = run_phones(srv.port(), srv.join_code());
        srv.stop();
        serve.saved_ms.insert(serve.saved_ms.end(), l.saved_ms.begin(), l.saved_ms.end());
        serve.errors += l.errors;
    }
    report_latencies("phones.serve.saved", serve.saved_ms, serve.errors);

    Load gui;
    std::vector<double> visible;
    int probe_errors = 0;
    long wakes = 0;
    for (int round = 0; round < rounds; ++round) {
        const std::string file = make_workshop(dir, rounds + round);
        auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadWrite);
        core::Session session(wf->load(), wf->current_stage(), wf.get());
        GuiLoop loop;
        server::ServerOptions go = o;
        go.wake = [&loop] { loop.post(); };
        server::PhoneServer srv;
        srv.start(session, go);
        std::thread gui_thread([&] {
            pthread_setname_np(pthread_self(), "gui-loop");
            loop.run(srv, session);
        });

        std::atomic<bool> load_done{false};
        std::thread probe([&] {
            HttpClient c(srv.port(), "127.78.0.1");  // the probe: an address of its own
            const std::string token = token_of(c.request("POST", "/api/join", join_body(srv.join_code(), "Probe")));
            if (token.empty()) {
                ++probe_errors;
                return;
            }
            for (int k = 0; !load_done; ++k) {
                const int value = k % 2 == 0 ? 5 : 1;
                loop.expect(value);
                const HttpResponse r = c.request("PUT", "/api/score", score_body(kProbeIdea, kProbeCriterion, value), token);
                if (!saved(r) || !loop.wait_seen()) ++probe_errors;
            }
        });
        Load l = run_phones(srv.port(), srv.join_code());
        load_done = true;
        probe.join();
        loop.quit();
        gui_thread.join();
        srv.stop();
        gui.saved_ms.insert(gui.saved_ms.end(), l.saved_ms.begin(), l.saved_ms.end());
        gui.errors += l.errors;
        visible.insert(visible.end(), loop.visible_ms.begin(), loop.visible_ms.end());
        wakes += loop.wakes;
    }
    report_latencies("phones.gui.saved", gui.saved_ms, gui.errors, wakes);
    report_latencies("phones.gui.visible", visible, probe_errors);
}

}  // namespace pilotdeck::bench
