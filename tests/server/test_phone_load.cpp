// 60 phones scoring at once: every acknowledged vote is in the file exactly once, also when the
// server process is killed (SIGKILL) in the middle.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <latch>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include <nlohmann/json.hpp>

#include "server/fixture.hpp"
#include "server/http_client.hpp"
#include "server/serve_child.hpp"
#include "server/phone_server.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"


using namespace pilotdeck;
using test::HttpClient;
using test::HttpResponse;

namespace {

constexpr int kPhones = 60;
constexpr int kIdeas = 20;
constexpr int kCriteria = 9;

int value_for(int phone, int idea, int criterion) { return 1 + (phone * 7 + idea * 3 + criterion) % 5; }

using Key = std::tuple<std::string, std::string, std::string>;  // idea, rater, criterion

struct LoadResult {
    std::map<Key, int> acked;            // every vote answered 200 {"saved": true}
    std::vector<double> latencies_ms;    // request to "saved"
    int joined = 0;
    int failures = 0;                    // requests without a complete answer
    int other_status = 0;                // answers other than 200
};

// Each phone joins, then scores every idea on every criterion, one request after the other on
// its own kept-alive connection. `on_ack` is called after every acknowledged vote with the total
// so far; a phone stops at its first request without an answer (the server is gone).
LoadResult run_phones(int port, const std::string& code, const std::function<void(int)>& on_ack) {
    LoadResult result;
    std::mutex mu;
    std::atomic<int> total{0};
    std::latch start(kPhones);
    std::vector<std::thread> phones;
    for (int p = 0; p < kPhones; ++p) {
        phones.emplace_back([&, p] {
            HttpClient c(port, test::phone_address(p));
            start.arrive_and_wait();  // all at once
            HttpResponse j = c.request("POST", "/api/join", test::join_body(code, "Phone " + std::to_string(p)));
            if (j.status != 200) {
                std::lock_guard l(mu);
                ++(j.status == 0 ? result.failures : result.other_status);
                return;
            }
            const auto jj = nlohmann::json::parse(j.body);
            const std::string token = jj["token"], pid = jj["participant"];
            {
                std::lock_guard l(mu);
                ++result.joined;
            }
            std::vector<std::pair<Key, int>> mine;
            std::vector<double> lat;
            int failures = 0, other = 0;
            for (int i = 1; i <= kIdeas && failures == 0; ++i) {
                for (int cr = 1; cr <= kCriteria; ++cr) {
                    const std::string idea = "i" + std::to_string(i), crit = "c" + std::to_string(cr);
                    const int v = value_for(p, i, cr);
                    const auto t0 = std::chrono::steady_clock::now();
                    HttpResponse r = c.request("PUT", "/api/score", test::score_body(idea, crit, v), token);
                    const auto t1 = std::chrono::steady_clock::now();
                    if (r.status == 0) {
                        ++failures;
                        break;
                    }
                    if (r.status == 200 && r.body == R"({"saved":true})") {
                        mine.emplace_back(Key{idea, pid, crit}, v);
                        lat.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                        on_ack(++total);
                    } else {
                        ++other;
                    }
                }
            }
            std::lock_guard l(mu);
            for (auto& [k, v] : mine) result.acked[k] = v;
            result.latencies_ms.insert(result.latencies_ms.end(), lat.begin(), lat.end());
            result.failures += failures;
            result.other_status += other;
        });
    }
    for (auto& t : phones) t.join();
    return result;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto idx = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(idx, v.size() - 1)];
}

std::map<Key, int> stored_scores(const std::string& file) {
    auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
    std::map<Key, int> out;
    for (const auto& s : wf->load().scores) out[Key{s.idea, s.rater, s.criterion}] = s.value;
    return out;
}

// `pilotdeck serve` (or the test's stand-in) as a child process; stdout read through a pipe.
struct Child : test::ServeChild {
    Child(const std::string& file, const std::vector<std::string>& extra) : ServeChild(PILOTDECK_SERVE_EXE, file, extra) {}
};

}  // namespace

TEST_CASE("60 phones score 20 ideas on 9 criteria at once: every acknowledged vote exactly once", "[server][load]") {
    test::TempDir dir;
    const std::string file = dir.file("load.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(kIdeas, kCriteria));
    server::PhoneServer srv;
    server::ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    o.stage = core::StageKind::Scoring;
    srv.start(file, o);

    const auto t0 = std::chrono::steady_clock::now();
    LoadResult r = run_phones(srv.port(), srv.join_code(), [](int) {});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(r.joined == kPhones);
    CHECK(r.failures == 0);
    CHECK(r.other_status == 0);
    CHECK(r.acked.size() == static_cast<std::size_t>(kPhones * kIdeas * kCriteria));
    CHECK(srv.counts().finished == kPhones);
    srv.stop();

    const auto stored = stored_scores(file);
    CHECK(stored.size() == r.acked.size());  // exactly once: nothing more
    std::size_t matching = 0;
    for (const auto& [k, v] : r.acked) {
        auto it = stored.find(k);
        if (it != stored.end() && it->second == v) ++matching;
    }
    CHECK(matching == r.acked.size());
    CHECK(storage::WorkshopFile::check(file).ok);

    std::printf("phone load: %zu votes from %d phones in %.2f s; request-to-saved latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                r.latencies_ms.size(), kPhones, seconds, percentile(r.latencies_ms, 0.50),
                percentile(r.latencies_ms, 0.99), percentile(r.latencies_ms, 1.0));
}

TEST_CASE("serve killed with SIGKILL under load: every acknowledged vote is in the file", "[server][load]") {
    test::TempDir dir;
    const std::string file = dir.file("kill.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(kIdeas, kCriteria));
    Child child(file, {"--stage", "scoring"});
    REQUIRE(child.port() > 0);
    REQUIRE(child.url == "http://127.0.0.1:" + std::to_string(child.port()) + "/");
    REQUIRE(child.code.size() == 6);

    const int kill_after = kPhones * kIdeas * kCriteria / 3;
    const pid_t pid = child.pid;
    LoadResult r = run_phones(child.port(), child.code, [&](int total) {
        if (total == kill_after) kill(pid, SIGKILL);
    });
    const int st = child.wait_status();
    REQUIRE(WIFSIGNALED(st));
    CHECK(WTERMSIG(st) == SIGKILL);
    CHECK(r.joined == kPhones);
    CHECK(r.other_status == 0);
    REQUIRE(r.acked.size() >= static_cast<std::size_t>(kill_after));
    CHECK(r.acked.size() < static_cast<std::size_t>(kPhones * kIdeas * kCriteria));

    CHECK(storage::WorkshopFile::check(file).ok);
    const auto stored = stored_scores(file);
    std::size_t present = 0;
    for (const auto& [k, v] : r.acked) {
        auto it = stored.find(k);
        if (it != stored.end() && it->second == v) ++present;
    }
    CHECK(present == r.acked.size());
    // Votes the server had not answered may or may not have been committed; nothing else is there.
    CHECK(stored.size() >= r.acked.size());
    CHECK(stored.size() <= r.acked.size() + static_cast<std::size_t>(kPhones));
    std::printf("kill test: %zu votes acknowledged before SIGKILL, %zu in the file after reopening\n", r.acked.size(),
                stored.size());
}

TEST_CASE("serve prints url and code, and stops cleanly on SIGTERM and SIGINT", "[server]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(2));
    for (int sig : {SIGTERM, SIGINT}) {
        Child child(file, {});
        REQUIRE(child.port() > 0);
        REQUIRE(child.code.size() == 6);
        HttpClient c(child.port());
        const std::string token = test::join(c, child.code);
        CHECK(!token.empty());
        kill(child.pid, sig);
        const int st = child.wait_status();
        REQUIRE(WIFEXITED(st));
        CHECK(WEXITSTATUS(st) == 0);
    }
    auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
    CHECK(wf->load().participants.size() == 2);
}

TEST_CASE("serve backs up the workshop it serves, and again when stopping after changes", "[server]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(2));
    const std::string data = dir.file("data");
    const char* old = std::getenv("XDG_DATA_HOME");
    const std::string saved = old ? old : "";
    setenv("XDG_DATA_HOME", data.c_str(), 1);
    {
        Child child(file, {});
        REQUIRE(child.port() > 0);
        HttpClient c(child.port());
        CHECK(!test::join(c, child.code).empty());  // a new participant: the file changed
        kill(child.pid, SIGTERM);
        const int st = child.wait_status();
        REQUIRE(WIFEXITED(st));
        CHECK(WEXITSTATUS(st) == 0);
    }
    if (old) setenv("XDG_DATA_HOME", saved.c_str(), 1); else unsetenv("XDG_DATA_HOME");
    std::vector<std::string> backups;
    for (const auto& e : std::filesystem::recursive_directory_iterator(data))
        if (e.path().extension() == ".pilotdeck") backups.push_back(e.path().string());
    // One on start and one at the stop after the join; both may fall in the same second, when
    // the later one takes the earlier one's name. Either way the newest holds the joined phone.
    REQUIRE(!backups.empty());
    for (const auto& b : backups) CHECK(storage::WorkshopFile::check(b).ok);
    const auto now = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load();
    REQUIRE(now.participants.size() == 1);
    bool newest_found = false;
    for (const auto& b : backups)
        newest_found |= storage::WorkshopFile::open(b, storage::WorkshopFile::Mode::ReadOnly)->load() == now;
    CHECK(newest_found);
}

TEST_CASE("serve fails with one line on stderr and exit 1 for a file that is not a workshop", "[server]") {
    test::TempDir dir;
    const std::string bad = dir.file("bad.pilotdeck");
    test::write_all(bad, "not a database");
    const std::string err = dir.file("err.txt");
    const std::string cmd = std::string("'") + PILOTDECK_SERVE_EXE + "' serve '" + bad + "' --bind 127.0.0.1 --port 0 2>'" + err + "'";
    const int st = std::system(cmd.c_str());
    REQUIRE(WIFEXITED(st));
    CHECK(WEXITSTATUS(st) == 1);
    const std::string text = test::read_all(err);
    CHECK(text.rfind("pilotdeck: ", 0) == 0);
    CHECK(text.find("bad.pilotdeck") != std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') == 1);
    CHECK(test::read_all(bad) == "not a database");

    const std::string cmd2 = std::string("'") + PILOTDECK_SERVE_EXE + "' serve '" + bad + "' --stage lunch 2>/dev/null";
    const int st2 = std::system(cmd2.c_str());
    REQUIRE(WIFEXITED(st2));
    CHECK(WEXITSTATUS(st2) == 2);
}

TEST_CASE("serve killed with SIGKILL right after a join: the phone's token works again after restarting", "[server]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(2));
    std::string token;
    {
        Child child(file, {"--stage", "scoring"});
        REQUIRE(child.port() > 0);
        HttpClient c(child.port());
        token = test::join(c, child.code, "Crash");
        REQUIRE(!token.empty());
        kill(child.pid, SIGKILL);
        child.wait_status();
    }
    Child again(file, {"--stage", "scoring"});
    REQUIRE(again.port() > 0);
    HttpClient c(again.port());
    const HttpResponse state = c.request("GET", "/api/state", {}, token);
    REQUIRE(state.status == 200);
    CHECK(nlohmann::json::parse(state.body)["participant"]["id"] == "p1");
    CHECK(c.request("PUT", "/api/score", test::score_body("i2", "c4", 3), token).status == 200);
    kill(again.pid, SIGKILL);
    again.wait_status();
    const auto stored = stored_scores(file);
    CHECK(stored.size() == 1);
    CHECK(stored.count(Key{"i2", "p1", "c4"}) == 1);
    CHECK(storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load().participants.size() == 1);
}

TEST_CASE("serve: a join code spent by guessing from many addresses is replaced and printed", "[server][limits]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(2));
    Child child(file, {});
    REQUIRE(child.port() > 0);
    const std::string wrong = child.code == "000000" ? "000001" : "000000";
    for (int a = 0; a < 12; ++a) {  // 9 wrong codes from each of 12 addresses: 108 in all
        HttpClient c(child.port(), "127.23.0." + std::to_string(a + 1));
        for (int i = 0; i < 9; ++i) c.request("POST", "/api/join", test::join_body(wrong));
    }
    HttpClient late(child.port(), "127.23.1.1");
    CHECK(late.request("POST", "/api/join", test::join_body(child.code)).status == 403);  // spent
    // The new code comes as another "code:" line within a few seconds (bounded wait).
    pollfd p{child.out, POLLIN, 0};
    std::string text;
    for (int i = 0; i < 50 && text.find('\n') == std::string::npos; ++i)
        if (poll(&p, 1, 100) > 0) {
            char buf[128];
            const ssize_t n = ::read(child.out, buf, sizeof buf);
            if (n <= 0) break;
            text.append(buf, static_cast<std::size_t>(n));
        }
    REQUIRE(text.rfind("code: ", 0) == 0);
    const std::string fresh = text.substr(6, 6);
    CHECK(fresh != child.code);
    CHECK(!test::join(late, fresh).empty());
    kill(child.pid, SIGTERM);
    child.wait_status();
}
