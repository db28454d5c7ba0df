// issue 10: a judge's skipped pairs are kept in the workshop file. `pilotdeck serve` on a real
// file over real HTTP: a judge compares and skips, the server is killed with SIGKILL and started
// again on the file; the skipped team is never offered to that judge again, "about m to go" and
// the GUI's jury progress count the skip, a file of schema 7 migrates, and `pilotdeck check`
// passes.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/hackathon_stages.hpp"
#include "server/fixture.hpp"
#include "server/http_client.hpp"
#include "server/serve_child.hpp"
#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using nlohmann::json;
using test::HttpClient;
using test::HttpResponse;

namespace {

json judging_of(HttpClient& c, const std::string& token) {
    const HttpResponse r = c.request("GET", "/api/state", {}, token);
    REQUIRE(r.status == 200);
    return json::parse(r.body)["judging"];
}

std::string team_of(const json& judging, int k) { return judging["pair"][static_cast<std::size_t>(k)]["id"].get<std::string>(); }

bool offers_any(const json& judging, const std::set<std::string>& teams) {
    return judging["pair"].is_array() && (teams.count(team_of(judging, 0)) || teams.count(team_of(judging, 1)));
}

}  // namespace

TEST_CASE("a judge's skips survive a SIGKILL of serve: never offered again, counted in the progress", "[server][hackathon][kill]") {
    test::TempDir dir;
    const std::string file = dir.file("skips.pilotdeck");
    test::create_workshop_file(file, test::hackathon_workshop(5, core::JudgingMethod::Pairwise));
    bool old_file = false;
    SECTION("a file of this schema") {}
    SECTION("a file of schema 7, from before skips were kept, migrates when serve opens it") {
        test::raw_exec(file, "DROP TABLE IF EXISTS pair_skip; PRAGMA user_version = 7;");
        old_file = true;
    }

    std::string token, judge;
    std::set<std::string> skipped;
    int compared = 0, to_go = -1;
    {
        test::ServeChild serve(PILOTDECK_SERVE_EXE, file, {"--stage", "judging"});
        REQUIRE(serve.port() > 0);
        if (old_file) CHECK(test::raw_query(file, "PRAGMA user_version") == std::to_string(storage::kSchemaVersion));
        HttpClient c(serve.port());
        const HttpResponse joined = c.request("POST", "/api/join", test::join_body(serve.jury, "Judge Judy"));
        REQUIRE(joined.status == 200);
        token = json::parse(joined.body)["token"];
        judge = json::parse(joined.body)["participant"];
        json j = judging_of(c, token);
        REQUIRE(j["to_go"] == 5);
        REQUIRE(j["pair"].is_array());
        REQUIRE(c.request("POST", "/api/compare", json{{"winner", team_of(j, 0)}, {"loser", team_of(j, 1)}}.dump(), token).status == 200);
        ++compared;
        j = judging_of(c, token);
        REQUIRE(j["to_go"] == 3);
        REQUIRE(j["pair"].is_array());
        skipped.insert(team_of(j, 1));  // the candidate: the team new to this judge
        REQUIRE(c.request("POST", "/api/skip", "{}", token).status == 200);
        j = judging_of(c, token);
        to_go = j["to_go"];
        CHECK(to_go == 2);
        CHECK_FALSE(offers_any(j, skipped));
        CHECK(WIFSIGNALED(serve.stop(SIGKILL)));
    }

    // Started again on the file: the same judge (the token is in the file), the skip still there.
    {
        test::ServeChild serve(PILOTDECK_SERVE_EXE, file, {"--stage", "judging"});
        REQUIRE(serve.port() > 0);
        HttpClient c(serve.port());
        json j = judging_of(c, token);
        CHECK(j["compared"] == compared);
        CHECK(j["to_go"] == to_go);
        // Judge to the end; the last pair is skipped, so the judge ends with nothing left.
        for (int guard = 0; guard < 10 && j["pair"].is_array(); ++guard) {
            CHECK_FALSE(offers_any(j, skipped));
            if (j["to_go"] == 1) {
                skipped.insert(team_of(j, 1));
                REQUIRE(c.request("POST", "/api/skip", "{}", token).status == 200);
            } else {
                REQUIRE(c.request("POST", "/api/compare", json{{"winner", team_of(j, 1)}, {"loser", team_of(j, 0)}}.dump(), token).status == 200);
                ++compared;
            }
            j = judging_of(c, token);
        }
        CHECK(j["pair"].is_null());
        CHECK(j["to_go"] == 0);
        CHECK(skipped.size() == 2);
        CHECK(WIFSIGNALED(serve.stop(SIGKILL)));
    }

    // Once more: nothing is offered again, nothing left to go.
    {
        test::ServeChild serve(PILOTDECK_SERVE_EXE, file, {"--stage", "judging"});
        REQUIRE(serve.port() > 0);
        HttpClient c(serve.port());
        const json j = judging_of(c, token);
        CHECK(j["pair"].is_null());
        CHECK(j["to_go"] == 0);
        CHECK(j["compared"] == compared);
        CHECK(WIFEXITED(serve.stop(SIGTERM)));
    }

    // The GUI's jury progress reads the file: the judge has none left ("n compared, none left").
    const core::Workshop ws = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load();
    const auto progress = core::judging_progress(ws);
    const auto g = std::find_if(progress.begin(), progress.end(), [&](const core::JudgeProgress& p) { return p.judge == judge; });
    REQUIRE(g != progress.end());
    CHECK(g->done == compared);
    CHECK(g->of == compared);
    CHECK(ws.skips.size() == skipped.size());
    for (const auto& k : ws.skips) {
        CHECK(k.judge == judge);
        CHECK(skipped.count(k.team) == 1);
    }

    const test::RunResult checked = test::run_program({PILOTDECK_SERVE_EXE, "check", file});
    INFO(checked.out << checked.err);
    CHECK(checked.status == 0);
}
