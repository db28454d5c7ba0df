// The re-vote round on phones (contracts 9), end to end over real HTTP with the GUI's session
// (the facilitator opens the round on the laptop): the room's spread without names, the new
// value with its reason, every refusal, and the file read back.
#include <catch2/catch.hpp>

#include <atomic>
#include <functional>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/session.hpp"
#include "server/fixture.hpp"
#include "server/http_client.hpp"
#include "server/phone_server.hpp"
#include "server/revote.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using nlohmann::json;
using test::HttpClient;
using test::HttpResponse;

namespace {

// Runs `phones` on a thread while this thread pumps the server, as the GUI's frames do.
void with_frames(server::PhoneServer& srv, const std::function<void()>& phones) {
    std::atomic<bool> done{false};
    std::thread t([&] {
        phones();
        done = true;
    });
    for (int frame = 0; frame < 200000 && !done; ++frame) {
        srv.pump();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    t.join();
}

json revote_body(const std::string& idea, const std::string& criterion, int value, const std::string& reason = {}) {
    return json{{"idea", idea}, {"criterion", criterion}, {"value", value}, {"reason", reason}};
}

}  // namespace

TEST_CASE("quantiles as spreadsheets compute them", "[server][revote]") {
    CHECK(server::quantile({1, 2, 4, 5}, 0.5) == Approx(3.0));
    CHECK(server::quantile({1, 2, 4, 5}, 0.25) == Approx(1.75));
    CHECK(server::quantile({1, 2, 4, 5}, 0.75) == Approx(4.25));
    CHECK(server::quantile({3}, 0.25) == Approx(3.0));
    CHECK(server::quantile({1, 2, 3}, 0.5) == Approx(2.0));
}

TEST_CASE("a re-vote round from phones: the room's spread, a new value with its reason, refusals", "[server][revote]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(2, 3));
    auto wf = storage::WorkshopFile::open(file);
    core::Session session(wf->load(), wf->current_stage(), wf.get());
    server::PhoneServer srv;
    srv.start(session, *wf, test::loopback(core::StageKind::Scoring));
    HttpClient c(srv.port());
    std::vector<std::string> tokens;
    const int values[] = {1, 2, 4, 5};

    with_frames(srv, [&] {
        for (int i = 0; i < 5; ++i) tokens.push_back(test::join(c, srv.join_code(), "Rater " + std::to_string(i + 1)));
        for (int i = 0; i < 4; ++i) {
            REQUIRE(c.request("PUT", "/api/score", test::score_body("i1", "c1", values[i]), tokens[static_cast<std::size_t>(i)]).status == 200);
            REQUIRE(c.request("PUT", "/api/score", test::score_body("i1", "c2", 3), tokens[static_cast<std::size_t>(i)]).status == 200);
        }
        HttpResponse early = c.request("PUT", "/api/revote", revote_body("i1", "c1", 3).dump(), tokens[0]);
        CHECK(early.status == 409);
        CHECK(early.body.find("no re-vote round") != std::string::npos);
        CHECK(!json::parse(c.request("GET", "/api/state", {}, tokens[0]).body).contains("revote"));
    });

    // The facilitator opens the round on the contested cells (only i1/c1 has sd >= 1).
    const auto round = session.open_revote();
    REQUIRE(round);
    REQUIRE(round->revote->cells.size() == 1);
    session.execute(*round);

    with_frames(srv, [&] {
        json st = json::parse(c.request("GET", "/api/state", {}, tokens[0]).body);
        REQUIRE(st.contains("revote"));
        CHECK(st["revote"]["round"] == 2);
        REQUIRE(st["revote"]["cells"].size() == 1);
        const json cell = st["revote"]["cells"][0];
        CHECK(cell["idea"] == "i1");
        CHECK(cell["criterion"] == "c1");
        CHECK(cell["label"] == "Criterion 1");
        CHECK(cell["mine"] == 1);
        CHECK(cell["done"] == false);
        CHECK(cell["raters"] == 4);
        CHECK(cell["median"] == 3.0);
        CHECK(cell["q1"] == 1.75);
        CHECK(cell["q3"] == 4.25);
        CHECK(cell["histogram"] == json::parse(R"([{"value":1,"count":1},{"value":2,"count":1},{"value":3,"count":0},
                                                   {"value":4,"count":1},{"value":5,"count":1}])"));
        CHECK(st.dump().find("Rater 2") == std::string::npos);  // no names
        // The fifth phone scored nothing: no cells for it, and 409.
        CHECK(json::parse(c.request("GET", "/api/state", {}, tokens[4]).body)["revote"]["cells"].empty());
        CHECK(c.request("PUT", "/api/revote", revote_body("i1", "c1", 3).dump(), tokens[4]).status == 409);

        const auto put = [&](const json& body, std::size_t who = 0) { return c.request("PUT", "/api/revote", body.dump(), tokens[who]).status; };
        CHECK(put(revote_body("i1", "c2", 4)) == 409);                       // not contested
        CHECK(put(revote_body("i9", "c1", 4)) == 404);
        CHECK(put(revote_body("i1", "c9", 4)) == 404);
        CHECK(put(revote_body("i1", "c1", 9)) == 422);                       // off the scale
        CHECK(put(revote_body("i1", "c1", 3, std::string(281, 'x'))) == 422);  // reason too long
        CHECK(put(revote_body("i1", "c1", 3, "two\nlines")) == 422);
        CHECK(put(json{{"idea", "i1"}, {"criterion", "c1"}, {"value", 3}, {"reason", 5}}) == 400);
        CHECK(put(json{{"idea", "i1"}, {"criterion", "c1"}, {"value", "3"}}) == 422);
        CHECK(put(revote_body("i1", "c1", 3, std::string(280, 'y'))) == 200);  // exactly 280: fine
        CHECK(put(revote_body("i1", "c1", 4)) == 409);                          // once per round
        srv.close_round();  // the blind-round rule holds
        CHECK(put(revote_body("i1", "c1", 3, "closed"), 1) == 409);
        srv.open_round();
        CHECK(put(revote_body("i1", "c1", 3, "heard the others"), 1) == 200);
        st = json::parse(c.request("GET", "/api/state", {}, tokens[0]).body);
        CHECK(st["revote"]["cells"][0]["done"] == true);
        CHECK(st["revote"]["cells"][0]["mine"] == 3);
        CHECK(st["revote"]["cells"][0]["median"] == 3.5);  // 3, 3, 4, 5
    });
    srv.stop();

    const auto ws = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load();
    REQUIRE(ws.score_history.size() == 2);
    CHECK(ws.score_history[0].rater == "p1");
    CHECK(ws.score_history[0].value == 1);
    CHECK(ws.score_history[0].round == 1);
    CHECK(ws.score_history[0].reason == std::string(280, 'y'));
    CHECK(ws.score_history[1].rater == "p2");
    CHECK(ws.score_history[1].value == 2);
    CHECK(ws.score_history[1].reason == "heard the others");
    int counted = 0;
    for (const auto& sc : ws.scores)
        if (sc.idea == "i1" && sc.criterion == "c1" && (sc.rater == "p1" || sc.rater == "p2")) {
            CHECK(sc.value == 3);
            CHECK(sc.round == 2);
            ++counted;
        }
    CHECK(counted == 2);
}
