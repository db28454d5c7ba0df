// issue 11: a re-vote round from phones over real HTTP with `pilotdeck serve`, the server killed
// with SIGKILL while the phones send their new values; `pilotdeck export` then shows every
// acknowledged value in `scores` with its round and the earlier value in `score_history`, and
// the file is sound.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <latch>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/session.hpp"
#include "server/fixture.hpp"
#include "server/http_client.hpp"
#include "server/serve_child.hpp"
#include "storage/workshop_file.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using nlohmann::json;
using test::HttpClient;
using test::HttpResponse;

namespace {

constexpr int kPhones = 24, kIdeas = 8, kCriteria = 3;

int first_value(int phone, int idea, int criterion) { return 1 + (phone * 3 + idea + criterion) % 5; }  // spread: contested
int second_value(int phone, int idea, int criterion) { return 2 + (phone + idea * 2 + criterion) % 3; }  // closer together

using Key = std::tuple<std::string, std::string, std::string>;  // idea, rater, criterion

}  // namespace

TEST_CASE("re-vote from phones, serve killed with SIGKILL mid-round: export shows every acknowledged value", "[server][revote][kill]") {
    test::TempDir dir;
    const std::string file = dir.file("revote.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(kIdeas, kCriteria));

    // Round 1 from phones: every phone scores every cell, far apart.
    std::vector<std::string> tokens(kPhones), participants(kPhones);
    {
        test::ServeChild serve(PILOTDECK_SERVE_EXE, file, {"--stage", "scoring"});
        REQUIRE(serve.port() > 0);
        for (int p = 0; p < kPhones; ++p) {
            HttpClient c(serve.port(), test::phone_address(p));
            HttpResponse j = c.request("POST", "/api/join", test::join_body(serve.code, "Phone " + std::to_string(p)));
            REQUIRE(j.status == 200);
            const json jj = json::parse(j.body);
            tokens[static_cast<std::size_t>(p)] = jj["token"];
            participants[static_cast<std::size_t>(p)] = jj["participant"];
            for (int i = 1; i <= kIdeas; ++i)
                for (int cr = 1; cr <= kCriteria; ++cr)
                    REQUIRE(c.request("PUT", "/api/score", test::score_body("i" + std::to_string(i), "c" + std::to_string(cr), first_value(p, i, cr)),
                                      tokens[static_cast<std::size_t>(p)])
                                .body == R"({"saved":true})");
        }
        REQUIRE(WIFEXITED(serve.stop(SIGTERM)));
    }

    // The facilitator opens the re-vote round on the contested cells (on the laptop).
    std::size_t cells = 0;
    {
        auto wf = storage::WorkshopFile::open(file);
        core::Session session(wf->load(), wf->current_stage(), wf.get());
        const auto round = session.open_revote();
        REQUIRE(round);
        cells = round->revote->cells.size();
        REQUIRE(cells == static_cast<std::size_t>(kIdeas * kCriteria));
        session.execute(*round);
    }

    // Round 2: all phones at once (same tokens: the server keeps them in the file), each sending
    // a new value with a reason for every cell; the server is killed a third of the way through.
    test::ServeChild serve(PILOTDECK_SERVE_EXE, file, {"--stage", "scoring"});
    REQUIRE(serve.port() > 0);
    const int kill_after = kPhones * kIdeas * kCriteria / 3;
    std::map<Key, int> acked;
    std::mutex mu;
    std::atomic<int> total{0};
    std::atomic<int> refused{0};
    std::latch start(kPhones);
    std::vector<std::thread> phones;
    const pid_t pid = serve.pid;
    for (int p = 0; p < kPhones; ++p) {
        phones.emplace_back([&, p] {
            HttpClient c(serve.port(), test::phone_address(p));
            const std::string& token = tokens[static_cast<std::size_t>(p)];
            start.arrive_and_wait();
            for (int i = 1; i <= kIdeas; ++i)
                for (int cr = 1; cr <= kCriteria; ++cr) {
                    const std::string idea = "i" + std::to_string(i), crit = "c" + std::to_string(cr);
                    const int v = second_value(p, i, cr);
                    const json body = {{"idea", idea}, {"criterion", crit}, {"value", v}, {"reason", "heard phone " + std::to_string(p)}};
                    HttpResponse r = c.request("PUT", "/api/revote", body.dump(), token);
                    if (r.status == 0) return;  // the server is gone
                    if (r.status != 200 || r.body != R"({"saved":true})") {
                        ++refused;
                        continue;
                    }
                    {
                        std::lock_guard l(mu);
                        acked[{idea, participants[static_cast<std::size_t>(p)], crit}] = v;
                    }
                    if (++total == kill_after) kill(pid, SIGKILL);
                }
        });
    }
    for (auto& t : phones) t.join();
    const int st = serve.stop(SIGKILL);  // already dead: reaped here
    CHECK(WIFSIGNALED(st));
    CHECK(refused == 0);
    REQUIRE(acked.size() >= static_cast<std::size_t>(kill_after));
    CHECK(acked.size() < static_cast<std::size_t>(kPhones * kIdeas * kCriteria));

    // The file is sound, and `pilotdeck export` shows every acknowledged value.
    CHECK(storage::WorkshopFile::check(file).ok);
    const test::RunResult exported = test::run_program({PILOTDECK_SERVE_EXE, "export", file});
    INFO(exported.err);
    REQUIRE(exported.status == 0);
    const json doc = json::parse(exported.out);
    std::map<Key, std::pair<int, int>> scores;  // value, round
    for (const auto& s : doc["scores"])
        scores[{s["idea"], s["rater"], s["criterion"]}] = {s["value"].get<int>(), s.value("round", 1)};
    std::map<Key, json> history;
    for (const auto& h : doc["score_history"]) history[{h["idea"], h["rater"], h["criterion"]}] = h;
    std::size_t present = 0, with_history = 0;
    for (const auto& [key, value] : acked) {
        const auto& [idea, rater, crit] = key;
        const int p = static_cast<int>(std::find(participants.begin(), participants.end(), rater) - participants.begin());
        const int i = std::stoi(idea.substr(1)), cr = std::stoi(crit.substr(1));
        if (scores.count(key) && scores[key] == std::pair{value, 2}) ++present;
        if (history.count(key) && history[key]["value"] == first_value(p, i, cr) && history[key]["round"] == 1 &&
            history[key]["reason"] == "heard phone " + std::to_string(p))
            ++with_history;
    }
    CHECK(present == acked.size());
    CHECK(with_history == acked.size());
    // Nothing else changed: every score is there once, unanswered re-votes at most one per phone.
    CHECK(scores.size() == static_cast<std::size_t>(kPhones * kIdeas * kCriteria));
    CHECK(history.size() >= acked.size());
    CHECK(history.size() <= acked.size() + static_cast<std::size_t>(kPhones));
    CHECK(doc["score_history"].size() == history.size());
}
