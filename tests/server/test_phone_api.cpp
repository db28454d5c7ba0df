// The phone API of contracts.md section 5, over real HTTP against the real server on 127.0.0.1,
// with real workshop files.
#include <catch2/catch.hpp>

#include <atomic>
#include <functional>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "core/session.hpp"
#include "server/fixture.hpp"
#include "server/http_client.hpp"
#include "server/page.hpp"
#include "server/phone_server.hpp"
#include "storage/sqlite.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using nlohmann::json;
using test::HttpClient;
using test::HttpResponse;

namespace {

json body_of(const HttpResponse& r) { return json::parse(r.body, nullptr, false); }

std::optional<int> stored_score(const std::string& file, const std::string& idea, const std::string& rater,
                                const std::string& criterion) {
    auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
    for (const auto& s : wf->load().scores)
        if (s.idea == idea && s.rater == rater && s.criterion == criterion) return s.value;
    return std::nullopt;
}

struct Running {
    test::TempDir dir;
    std::string file = dir.file("w.pilotdeck");
    server::PhoneServer server;
    explicit Running(std::optional<core::StageKind> stage = core::StageKind::Scoring, int ideas = 20) {
        test::create_workshop_file(file, test::phone_workshop(ideas));
        server.start(file, test::loopback(stage));
    }
};

}  // namespace

TEST_CASE("joining with the right code creates a participant and gives a token", "[server]") {
    Running s;
    REQUIRE(s.server.address() == "127.0.0.1");
    REQUIRE(s.server.port() > 0);
    REQUIRE(std::regex_match(s.server.join_code(), std::regex("[0-9]{6}")));
    REQUIRE(s.server.url() == "http://127.0.0.1:" + std::to_string(s.server.port()) + "/");
    HttpClient c(s.server.port());

    HttpResponse r = c.request("POST", "/api/join", test::join_body(s.server.join_code(), "Ann"));
    REQUIRE(r.status == 200);
    CHECK(r.header("cache-control") == "no-store");
    CHECK(r.header("x-content-type-options") == "nosniff");
    json j = body_of(r);
    REQUIRE(std::regex_match(j["token"].get<std::string>(), std::regex("[0-9a-f]{32}")));
    CHECK(j["participant"] == "p1");

    // A second phone without a name.
    json k = body_of(c.request("POST", "/api/join", test::join_body(s.server.join_code())));
    CHECK(k["participant"] == "p2");
    CHECK(k["token"] != j["token"]);
    CHECK(s.server.counts().joined == 2);

    s.server.stop();
    auto wf = storage::WorkshopFile::open(s.file, storage::WorkshopFile::Mode::ReadOnly);
    const auto ws = wf->load();
    REQUIRE(ws.participants.size() == 2);
    CHECK(ws.participants[0].id == "p1");
    CHECK(ws.participants[0].name == "Ann");
    CHECK(ws.participants[0].role == core::Role::User);
    CHECK(ws.participants[1].name == "Participant 2");
}

TEST_CASE("a wrong join code gets 403, and 429 after 10 wrong codes from one address", "[server]") {
    Running s;
    HttpClient c(s.server.port());
    const std::string wrong = s.server.join_code() == "000000" ? "000001" : "000000";
    for (int i = 0; i < 10; ++i) {
        HttpResponse r = c.request("POST", "/api/join", test::join_body(wrong));
        REQUIRE(r.status == 403);
    }
    CHECK(c.request("POST", "/api/join", test::join_body(wrong)).status == 429);
    // Locked out: even the right code is refused for now.
    HttpResponse locked = c.request("POST", "/api/join", test::join_body(s.server.join_code()));
    CHECK(locked.status == 429);
    CHECK(locked.header("retry-after") == "60");
    CHECK(s.server.counts().joined == 0);
}

TEST_CASE("the join code is new at every start", "[server]") {
    // Two codes in a row are equal with probability 1e-6; five starts all equal: 1e-24.
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(2));
    std::set<std::string> codes;
    for (int i = 0; i < 5; ++i) {
        server::PhoneServer srv;
        srv.start(file, test::loopback());
        codes.insert(srv.join_code());
    }
    CHECK(codes.size() > 1);
}

TEST_CASE("API calls without a token or with an unknown token get 401", "[server]") {
    Running s;
    HttpClient c(s.server.port());
    HttpResponse none = c.request("GET", "/api/state");
    CHECK(none.status == 401);
    CHECK(none.header("www-authenticate") == "Bearer");
    CHECK(c.request("GET", "/api/state", {}, "0123456789abcdef0123456789abcdef").status == 401);
    CHECK(c.request("PUT", "/api/score", test::score_body("i1", "c1", 3), "nonsense").status == 401);
    CHECK(c.request("POST", "/api/idea", R"({"title":"x"})").status == 401);
    CHECK(c.request("POST", "/api/concern", R"({"concern":"jobs"})", "bad").status == 401);
}

TEST_CASE("a request whose Host is not the bound address gets 403", "[server]") {
    Running s;
    HttpClient c(s.server.port());
    const std::string port = std::to_string(s.server.port());
    const std::string token = test::join(c, s.server.join_code());
    REQUIRE(!token.empty());
    for (const std::string& host : std::vector<std::string>{"localhost:" + port, "evil.example:" + port, "127.0.0.1:1", "127.0.0.1"}) {
        HttpResponse r = c.raw("GET /api/state HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token + "\r\n\r\n");
        CHECK(r.status == 403);
    }
    CHECK(c.raw("GET / HTTP/1.1\r\nHost: rebind.example:" + port + "\r\n\r\n").status == 403);
    // A page of another site cannot post to the phones' API.
    CHECK(c.request("PUT", "/api/score", test::score_body("i1", "c1", 3), token, {"Origin: http://evil.example"}).status == 403);
    CHECK(c.request("PUT", "/api/score", test::score_body("i1", "c1", 3), token, {"Origin: http://localhost:" + port}).status == 403);
    CHECK(c.request("PUT", "/api/score", test::score_body("i1", "c1", 3), token,
                    {"Origin: http://127.0.0.1:" + port}).status == 200);
    CHECK(c.request("PUT", "/api/score", test::score_body("i1", "c1", 3), token, {"Origin: null"}).status == 200);
}

TEST_CASE("bodies: 413 when too large, 411 without Content-Length or chunked, 415 for other types or encodings", "[server]") {
    Running s;
    HttpClient c(s.server.port());
    const std::string token = test::join(c, s.server.join_code());
    REQUIRE(!token.empty());
    const std::string head = "PUT /api/score HTTP/1.1\r\nHost: " + c.host() + "\r\nAuthorization: Bearer " + token + "\r\n";
    const std::string ok = test::score_body("i1", "c1", 4);

    SECTION("over 16 KiB") {
        std::string big = R"({"idea":"i1","criterion":"c1","value":4,"pad":")" + std::string(17000, 'x') + "\"}";
        HttpResponse r = c.request("PUT", "/api/score", big, token);
        CHECK(r.status == 413);
        // A lying Content-Length above the limit is refused before the body is read.
        CHECK(c.raw(head + "Content-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{}").status == 413);
        // Exactly at the limit is fine (valid JSON padded with spaces).
        std::string limit = ok + std::string(16 * 1024 - ok.size(), ' ');
        CHECK(c.request("PUT", "/api/score", limit, token).status == 200);
    }
    SECTION("no Content-Length") {
        CHECK(c.raw(head + "Content-Type: application/json\r\nConnection: close\r\n\r\n" + ok).status == 411);
    }
    SECTION("chunked") {
        std::ostringstream chunk;
        chunk << std::hex << ok.size();
        HttpResponse r = c.raw(head + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk.str() +
                               "\r\n" + ok + "\r\n0\r\n\r\n");
        CHECK(r.status == 411);
    }
    SECTION("gzip and other encodings or types") {
        CHECK(c.request("PUT", "/api/score", ok, token, {"Content-Encoding: gzip"}).status == 415);
        CHECK(c.request("PUT", "/api/score", ok, token, {"Content-Encoding: identity"}).status == 415);
        CHECK(c.raw(head + "Content-Type: text/plain\r\nContent-Length: " + std::to_string(ok.size()) + "\r\n\r\n" + ok).status == 415);
        CHECK(c.raw(head + "Content-Length: " + std::to_string(ok.size()) + "\r\n\r\n" + ok).status == 415);
        CHECK(c.raw(head + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(ok.size()) +
                    "\r\n\r\n" + ok).status == 200);
    }
    SECTION("malformed JSON") {
        CHECK(c.request("PUT", "/api/score", "{\"idea\": ", token).status == 400);
        CHECK(c.request("PUT", "/api/score", "[1,2]", token).status == 400);
        CHECK(c.request("PUT", "/api/score", std::string(R"({"idea":"i1","criterion":"c1","value":4,"x":")") + "\xff\xfe\"}", token).status == 400);
    }
    // Nothing above was saved except the accepted votes.
    s.server.stop();
    auto v = stored_score(s.file, "i1", "p1", "c1");
    CHECK((!v || *v == 4));
}

TEST_CASE("a score is answered saved only once it is in the workshop file", "[server]") {
    Running s;
    HttpClient c(s.server.port());
    const std::string token = test::join(c, s.server.join_code(), "Bo");
    REQUIRE(!token.empty());

    HttpResponse r = c.request("PUT", "/api/score", test::score_body("i3", "c2", 2), token);
    REQUIRE(r.status == 200);
    CHECK(body_of(r) == json{{"saved", true}});
    // The server still runs: another connection (the file is in WAL mode) sees the commit.
    CHECK(stored_score(s.file, "i3", "p1", "c2") == 2);

    // A later PUT changes it: still one score.
    REQUIRE(c.request("PUT", "/api/score", test::score_body("i3", "c2", 5), token).status == 200);
    CHECK(stored_score(s.file, "i3", "p1", "c2") == 5);

    // The state shows the participant's own scores and nobody else's.
    HttpClient other(s.server.port());
    const std::string t2 = test::join(other, s.server.join_code());
    REQUIRE(other.request("PUT", "/api/score", test::score_body("i3", "c2", 1), t2).status == 200);
    json st = body_of(c.request("GET", "/api/state", {}, token));
    REQUIRE(st["scores"].size() == 1);
    CHECK(st["scores"][0] == json{{"idea", "i3"}, {"criterion", "c2"}, {"value", 5}});
    CHECK(st["participant"]["id"] == "p1");
    CHECK(st["participant"]["name"] == "Bo");

    s.server.stop();
    auto wf = storage::WorkshopFile::open(s.file, storage::WorkshopFile::Mode::ReadOnly);
    const auto ws = wf->load();
    CHECK(ws.scores.size() == 2);
    CHECK(storage::WorkshopFile::check(s.file).ok);
}

TEST_CASE("scores: 404 unknown idea or criterion, 422 off the scale or not an integer", "[server]") {
    Running s;
    HttpClient c(s.server.port());
    const std::string token = test::join(c, s.server.join_code());
    CHECK(c.request("PUT", "/api/score", test::score_body("i99", "c1", 3), token).status == 404);
    CHECK(c.request("PUT", "/api/score", test::score_body("i1", "nope", 3), token).status == 404);
    CHECK(c.request("PUT", "/api/score", test::score_body("i1", "c1", 6), token).status == 422);
    CHECK(c.request("PUT", "/api/score", test::score_body("i1", "c1", 0), token).status == 422);
    CHECK(c.request("PUT", "/api/score", R"({"idea":"i1","criterion":"c1","value":2.5})", token).status == 422);
    CHECK(c.request("PUT", "/api/score", R"({"idea":"i1","criterion":"c1","value":"3"})", token).status == 422);
    CHECK(c.request("PUT", "/api/score", R"({"idea":"i1","criterion":"c1","value":99999999999999999999})", token).status == 422);
    CHECK(c.request("PUT", "/api/score", R"({"idea":"i1","criterion":"c1"})", token).status == 422);
    CHECK(c.request("PUT", "/api/score", R"({"criterion":"c1","value":3})", token).status == 400);
    s.server.stop();
    auto wf = storage::WorkshopFile::open(s.file, storage::WorkshopFile::Mode::ReadOnly);
    CHECK(wf->load().scores.empty());
}

TEST_CASE("blind rounds and narrowing: 409 for ideas not open and after close_round", "[server]") {
    Running s;
    HttpClient c(s.server.port());
    const std::string token = test::join(c, s.server.join_code());
    REQUIRE(c.request("PUT", "/api/score", test::score_body("i1", "c1", 3), token).status == 200);

    s.server.set_open_ideas(std::vector<std::string>{"i2", "i4"});
    json st = body_of(c.request("GET", "/api/state", {}, token));
    REQUIRE(st["ideas"].size() == 2);
    CHECK(st["ideas"][0]["id"] == "i2");
    CHECK(st["ideas"][1]["id"] == "i4");
    CHECK(c.request("PUT", "/api/score", test::score_body("i1", "c1", 4), token).status == 409);
    CHECK(c.request("PUT", "/api/score", test::score_body("i2", "c1", 4), token).status == 200);

    s.server.close_round();
    CHECK_FALSE(s.server.round_open());
    CHECK(body_of(c.request("GET", "/api/state", {}, token))["round_open"] == false);
    CHECK(c.request("PUT", "/api/score", test::score_body("i2", "c1", 1), token).status == 409);
    CHECK(c.request("PUT", "/api/score", test::score_body("i4", "c2", 1), token).status == 409);

    s.server.open_round();
    s.server.set_open_ideas(std::nullopt);
    CHECK(body_of(c.request("GET", "/api/state", {}, token))["ideas"].size() == 20);
    CHECK(c.request("PUT", "/api/score", test::score_body("i4", "c2", 1), token).status == 200);

    s.server.set_stage(core::StageKind::Matrix);
    CHECK(c.request("PUT", "/api/score", test::score_body("i5", "c2", 1), token).status == 409);
    CHECK(body_of(c.request("GET", "/api/state", {}, token))["ideas"].empty());

    s.server.stop();
    CHECK(stored_score(s.file, "i1", "p1", "c1") == 3);  // the vote on the closed idea changed nothing
    CHECK(stored_score(s.file, "i2", "p1", "c1") == 4);
    CHECK(stored_score(s.file, "i4", "p1", "c2") == 1);
    CHECK_FALSE(stored_score(s.file, "i5", "p1", "c2"));
}

TEST_CASE("the state carries the stage, open ideas, criteria with level texts and concerns", "[server]") {
    Running s;
    HttpClient c(s.server.port());
    const std::string token = test::join(c, s.server.join_code());
    HttpResponse r = c.request("GET", "/api/state", {}, token);
    REQUIRE(r.status == 200);
    CHECK(r.header("cache-control") == "no-store");
    CHECK(r.header("content-type") == "application/json; charset=utf-8");
    json st = body_of(r);
    CHECK(st["stage"]["kind"] == "scoring");
    CHECK(st["stage"]["title"] == "Stage scoring");
    CHECK(st["round_open"] == true);
    REQUIRE(st["ideas"].size() == 20);
    CHECK(st["ideas"][0] == json{{"id", "i1"}, {"title", "Idea 1"}, {"problem", "Problem 1"}});
    REQUIRE(st["criteria"].size() == 9);
    CHECK(st["criteria"][0]["id"] == "c1");
    CHECK(st["criteria"][0]["min"] == 1);
    CHECK(st["criteria"][0]["max"] == 5);
    REQUIRE(st["criteria"][0]["levels"].size() == 5);
    CHECK(st["criteria"][0]["levels"][2] == json{{"value", 3}, {"text", "level 3 of c1"}});
    REQUIRE(st["concerns"].size() == 2);
    CHECK(st["concerns"][1] == json{{"id", "privacy"}, {"label", "Our data leaks"}});
    CHECK(st["scores"].empty());
    // No other participant's data, and no counts of concerns or results.
    CHECK_FALSE(st.contains("participants"));
}

TEST_CASE("without --stage the phones follow the workshop's current stage", "[server]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(3));
    {
        auto wf = storage::WorkshopFile::open(file);
        wf->apply(core::SetCurrentStage{2});  // ideas
    }
    server::PhoneServer srv;
    srv.start(file, test::loopback(std::nullopt));
    HttpClient c(srv.port());
    const std::string token = test::join(c, srv.join_code());
    json st = body_of(c.request("GET", "/api/state", {}, token));
    CHECK(st["stage"]["kind"] == "ideas");
    CHECK(st["ideas"].empty());
}

TEST_CASE("ideas from phones: 201, stored as plain text, limits give 422", "[server]") {
    Running s(core::StageKind::Ideas, 3);
    HttpClient c(s.server.port());
    const std::string token = test::join(c, s.server.join_code(), "Cy");
    const std::string evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    HttpResponse r = c.request("POST", "/api/idea", json{{"title", evil}, {"problem", "a & b < c"}}.dump(), token);
    REQUIRE(r.status == 201);
    CHECK(body_of(r) == json{{"idea", "i4"}});

    json st = body_of(c.request("GET", "/api/state", {}, token));
    REQUIRE(st["my_ideas"].size() == 1);
    CHECK(st["my_ideas"][0]["title"] == evil);

    // Limits: title 1..120 characters (counted as characters, not bytes), problem up to 1000.
    // (The core also caps a title at 200 bytes: 100 two-byte characters fit both.)
    const std::string e100 = [] { std::string t; for (int i = 0; i < 100; ++i) t += "\xC3\xA9"; return t; }();
    CHECK(c.request("POST", "/api/idea", json{{"title", e100}}.dump(), token).status == 201);
    CHECK(c.request("POST", "/api/idea", json{{"title", std::string(120, 'x')}}.dump(), token).status == 201);
    CHECK(c.request("POST", "/api/idea", json{{"title", std::string(121, 'x')}}.dump(), token).status == 422);
    CHECK(c.request("POST", "/api/idea", json{{"title", "   "}}.dump(), token).status == 422);
    CHECK(c.request("POST", "/api/idea", json{{"title", "two\nlines"}}.dump(), token).status == 422);
    CHECK(c.request("POST", "/api/idea", json{{"title", "ok"}, {"problem", std::string(1001, 'p')}}.dump(), token).status == 422);
    CHECK(c.request("POST", "/api/idea", json{{"title", "ok"}, {"problem", std::string(1000, 'p')}}.dump(), token).status == 201);
    CHECK(c.request("POST", "/api/idea", json{{"title", 5}}.dump(), token).status == 400);

    s.server.set_stage(core::StageKind::Scoring);
    CHECK(c.request("POST", "/api/idea", json{{"title", "late"}}.dump(), token).status == 409);

    s.server.stop();
    auto wf = storage::WorkshopFile::open(s.file, storage::WorkshopFile::Mode::ReadOnly);
    const auto ws = wf->load();
    REQUIRE(ws.ideas.size() == 7);
    CHECK(ws.ideas[3].id == "i4");
    CHECK(ws.ideas[3].title == evil);
    CHECK(ws.ideas[3].problem == "a & b < c");
    CHECK(ws.ideas[3].owner == "p1");
    CHECK(ws.ideas[4].title == e100);
}

TEST_CASE("the page inserts server text with textContent only and is served with a strict policy", "[server]") {
    const std::string js(server::page_script());
    CHECK(js.find("innerHTML") == std::string::npos);
    CHECK(js.find("outerHTML") == std::string::npos);
    CHECK(js.find("insertAdjacentHTML") == std::string::npos);
    CHECK(js.find("document.write") == std::string::npos);
    CHECK(js.find("eval(") == std::string::npos);
    CHECK(js.find("textContent") != std::string::npos);
    const std::string html(server::page_html());
    CHECK(html.find("<script>") == std::string::npos);  // no inline script
    CHECK(html.find("style=") == std::string::npos);     // no inline style

    Running s;
    HttpClient c(s.server.port());
    HttpResponse page = c.request("GET", "/");
    REQUIRE(page.status == 200);
    CHECK(page.header("content-type") == "text/html; charset=utf-8");
    CHECK(page.header("content-security-policy").find("default-src 'none'; script-src 'self'") == 0);
    CHECK(page.header("x-content-type-options") == "nosniff");
    CHECK(page.header("referrer-policy") == "no-referrer");
    CHECK(page.body == html);
    HttpResponse script = c.request("GET", "/app.js");
    CHECK(script.status == 200);
    CHECK(script.header("content-type") == "text/javascript; charset=utf-8");
    CHECK(script.body == js);
    CHECK(c.request("GET", "/app.css").header("content-type") == "text/css; charset=utf-8");
    // Nothing is served from the file system.
    CHECK(c.request("GET", "/../CMakeLists.txt").status == 404);
    CHECK(c.request("GET", "/index.html").status == 404);
    CHECK(c.request("DELETE", "/api/score", "{}").status == 405);
}

TEST_CASE("concerns are counted, once per phone, never who", "[server]") {
    Running s(core::StageKind::Concerns, 2);
    HttpClient a(s.server.port()), b(s.server.port());
    const std::string ta = test::join(a, s.server.join_code()), tb = test::join(b, s.server.join_code());
    HttpResponse r = a.request("POST", "/api/concern", R"({"concern":"jobs"})", ta);
    REQUIRE(r.status == 200);
    CHECK(body_of(r) == json{{"counted", true}});
    CHECK(body_of(a.request("POST", "/api/concern", R"({"concern":"jobs"})", ta)) == json{{"counted", false}});
    CHECK(b.request("POST", "/api/concern", R"({"concern":"jobs"})", tb).status == 200);
    CHECK(b.request("POST", "/api/concern", R"({"concern":"privacy"})", tb).status == 200);
    CHECK(b.request("POST", "/api/concern", R"({"concern":"weather"})", tb).status == 404);
    json st = body_of(b.request("GET", "/api/state", {}, tb));
    CHECK(st["ticked"] == json::array({"jobs", "privacy"}));
    s.server.set_stage(core::StageKind::Scoring);
    CHECK(a.request("POST", "/api/concern", R"({"concern":"privacy"})", ta).status == 409);
    s.server.stop();

    auto wf = storage::WorkshopFile::open(s.file, storage::WorkshopFile::Mode::ReadOnly);
    const auto ws = wf->load();
    CHECK(ws.concerns[0].count == 2);
    CHECK(ws.concerns[1].count == 1);
}

TEST_CASE("counts: joined phones and who finished scoring every open idea", "[server]") {
    Running s(core::StageKind::Scoring, 2);
    HttpClient a(s.server.port()), b(s.server.port());
    const std::string ta = test::join(a, s.server.join_code()), tb = test::join(b, s.server.join_code());
    CHECK(s.server.counts().joined == 2);
    CHECK(s.server.counts().finished == 0);
    CHECK(s.server.counts().open_ideas == 2);
    for (const char* idea : {"i1", "i2"})
        for (int cr = 1; cr <= 9; ++cr)
            REQUIRE(a.request("PUT", "/api/score", test::score_body(idea, "c" + std::to_string(cr), 3), ta).status == 200);
    CHECK(s.server.counts().finished == 1);
    REQUIRE(b.request("PUT", "/api/score", test::score_body("i1", "c1", 3), tb).status == 200);
    CHECK(s.server.counts().finished == 1);
    CHECK(s.server.counts().finished_names == std::vector<std::string>{"Participant 1"});  // for the notes
}

// A phone hears "saved" as soon as its vote is committed (Bridge::run's `answered`); the room's
// "n of m finished" must already count it then, not only once the whole drain is done.
TEST_CASE("counts: a phone that hears saved for its last score is already counted as finished", "[server]") {
    Running s(core::StageKind::Scoring, 1);
    constexpr int kPhones = 18;  // under the 20 joins per address and minute
    for (int k = 0; k < kPhones; ++k) {
        HttpClient c(s.server.port());
        const std::string token = test::join(c, s.server.join_code(), "P" + std::to_string(k));
        for (int cr = 1; cr <= 9; ++cr)
            REQUIRE(c.request("PUT", "/api/score", test::score_body("i1", "c" + std::to_string(cr), 2), token).status == 200);
        REQUIRE(s.server.counts().finished == k + 1);
    }
}

TEST_CASE("counts: the names of those who finished, in the workshop's participant order", "[server]") {
    Running s(core::StageKind::Scoring, 1);
    std::vector<std::string> tokens;
    for (const char* name : {"Zoe", "Ann", "Bob"}) {
        HttpClient c(s.server.port());
        tokens.push_back(test::join(c, s.server.join_code(), name));
    }
    CHECK(s.server.counts().finished_names.empty());
    HttpClient c(s.server.port());
    for (std::size_t who : {2u, 0u})  // Bob, then Zoe
        for (int cr = 1; cr <= 9; ++cr)
            REQUIRE(c.request("PUT", "/api/score", test::score_body("i1", "c" + std::to_string(cr), 4), tokens[who]).status == 200);
    const auto counts = s.server.counts();
    CHECK(counts.finished == 2);
    CHECK(counts.finished_names == std::vector<std::string>{"Zoe", "Bob"});
}

TEST_CASE("GUI mode: the caller's session serves the phones through pump()", "[server]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(3));
    auto wf = storage::WorkshopFile::open(file);
    core::Session session(wf->load(), wf->current_stage(), wf.get());

    server::PhoneServer srv;
    std::atomic<int> wakes{0};
    server::ServerOptions o = test::loopback();
    o.wake = [&] { ++wakes; };
    srv.start(session, o);
    std::atomic<bool> finished{false};
    int join_status = 0, score_status = 0;
    std::string code = srv.join_code();
    std::thread phone([&] {
        HttpClient c(srv.port());
        HttpResponse j = c.request("POST", "/api/join", test::join_body(code, "Gui"));
        join_status = j.status;
        if (j.status == 200) {
            const std::string token = json::parse(j.body)["token"];
            score_status = c.request("PUT", "/api/score", test::score_body("i2", "c3", 4), token).status;
        }
        finished = true;
    });
    // The GUI's frame loop, bounded.
    for (int frame = 0; frame < 100000 && !finished; ++frame) {
        srv.pump();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    phone.join();
    CHECK(srv.counts().joined == 1);
    CHECK(srv.counts().finished == 0);
    // The facilitator enters the remaining scores of p1 in the GUI: the counts follow at the next pump.
    core::Batch all{{}, "scores"};
    for (const char* idea : {"i1", "i2", "i3"})
        for (int cr = 1; cr <= 9; ++cr) all.commands.push_back(core::SetScore{idea, "p1", "c" + std::to_string(cr), 2});
    all.commands.push_back(core::SetScore{"i2", "p1", "c3", 4});
    session.execute(all);
    srv.pump();
    CHECK(srv.counts().finished == 1);
    srv.stop();
    CHECK(join_status == 200);
    CHECK(score_status == 200);
    CHECK(wakes >= 2);  // the join and the vote each woke the GUI
    // The session (the GUI's) has the participant and the score, and so has the file.
    REQUIRE(session.find_participant("p1"));
    CHECK(session.find_participant("p1")->name == "Gui");
    CHECK(session.score("i2", "p1", "c3") == 4);
    wf.reset();
    CHECK(stored_score(file, "i2", "p1", "c3") == 4);
}

TEST_CASE("start refuses a missing file and a port in use, naming them", "[server]") {
    test::TempDir dir;
    server::PhoneServer srv;
    CHECK_THROWS_WITH(srv.start(dir.file("missing.pilotdeck"), test::loopback()), Catch::Contains("missing.pilotdeck"));
    CHECK_FALSE(srv.running());

    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(1));
    server::PhoneServer first;
    first.start(file, test::loopback());
    server::ServerOptions same = test::loopback();
    same.port = first.port();
    CHECK_THROWS_WITH(srv.start(file, same), Catch::Contains("127.0.0.1:" + std::to_string(first.port())));
    same.bind = "not-an-address";
    CHECK_THROWS_WITH(srv.start(file, same), Catch::Contains("not an IPv4 address"));
}

TEST_CASE("connections beyond the per-address limit get 503 with Retry-After at once, the others still served", "[server]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(1));
    server::PhoneServer srv;
    server::ServerOptions o = test::loopback();
    o.per_ip_connection_limit = 3;
    srv.start(file, o);

    // Three phones that keep their connections open (each has had one answer on it).
    std::vector<std::unique_ptr<HttpClient>> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(std::make_unique<HttpClient>(srv.port()));
        REQUIRE(held.back()->request("GET", "/app.css").status == 200);
    }
    // A fourth connection from the same address is refused at once, with the app's headers.
    HttpClient fourth(srv.port());
    const HttpResponse refused = fourth.raw("GET /app.css HTTP/1.1\r\nHost: " + fourth.host() + "\r\n\r\n");
    CHECK(refused.status == 503);
    CHECK(!refused.header("retry-after").empty());
    CHECK(refused.header("x-content-type-options") == "nosniff");
    CHECK(refused.header("content-security-policy").find("default-src 'none'") == 0);
    // Another address is still served.
    HttpClient other(srv.port(), "127.0.0.2");
    CHECK(other.request("GET", "/app.css").status == 200);
    // The held connections still work.
    for (auto& c : held) CHECK(c->request("GET", "/app.css").status == 200);
    // One leaves (the server sees the close when it answers "Connection: close"): room again.
    CHECK(held[0]->request("GET", "/app.css", {}, {}, {"Connection: close"}).status == 200);
    held.erase(held.begin());
    bool served = false;
    for (int i = 0; i < 100 && !served; ++i) {  // the server notices the closed socket asynchronously
        served = fourth.raw("GET /app.css HTTP/1.1\r\nHost: " + fourth.host() + "\r\n\r\n").status == 200;
        if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(served);
}

namespace {

// The participant a token stands for, as the server says in /api/state ("" when refused).
std::string participant_of(int port, const std::string& token) {
    HttpClient c(port);
    const HttpResponse r = c.request("GET", "/api/state", {}, token);
    if (r.status != 200) return {};
    return body_of(r)["participant"]["id"].get<std::string>();
}

std::size_t participants_in(const std::string& file) {
    return storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load().participants.size();
}

}  // namespace

TEST_CASE("a phone's token survives a restart of the server: the same participant, its votes go on", "[server]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(3));
    std::string ann, bob;
    {
        server::PhoneServer srv;
        srv.start(file, test::loopback());
        HttpClient c(srv.port());
        ann = test::join(c, srv.join_code(), "Ann");
        bob = test::join(c, srv.join_code(), "Bob");
        REQUIRE(!ann.empty());
        REQUIRE(c.request("PUT", "/api/score", test::score_body("i1", "c1", 2), ann).status == 200);
        srv.stop();
    }
    CHECK(participants_in(file) == 2);

    server::PhoneServer again;
    again.start(file, test::loopback());
    CHECK(participant_of(again.port(), ann) == "p1");
    CHECK(participant_of(again.port(), bob) == "p2");
    CHECK(again.counts().joined == 2);
    HttpClient c(again.port());
    const HttpResponse vote = c.request("PUT", "/api/score", test::score_body("i1", "c2", 5), ann);
    CHECK(vote.status == 200);
    CHECK(body_of(c.request("GET", "/api/state", {}, ann))["scores"].size() == 2);  // the vote before the restart too
    CHECK(c.request("GET", "/api/state", {}, "0123456789abcdef0123456789abcdef").status == 401);
    // A new phone is a new participant after the two.
    CHECK(body_of(c.request("POST", "/api/join", test::join_body(again.join_code())))["participant"] == "p3");
    again.stop();
    CHECK(stored_score(file, "i1", "p1", "c1") == 2);
    CHECK(stored_score(file, "i1", "p1", "c2") == 5);
    CHECK(participants_in(file) == 3);
}

TEST_CASE("GUI mode with the workshop file: tokens are stored and work again after a restart", "[server]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(3));
    // One run of the GUI: the session on the file, the server pumped on this thread.
    auto gui_run = [&](const std::function<void(server::PhoneServer&)>& phone) {
        auto wf = storage::WorkshopFile::open(file);
        core::Session session(wf->load(), wf->current_stage(), wf.get());
        server::PhoneServer srv;
        srv.start(session, *wf, test::loopback());
        std::atomic<bool> done{false};
        std::thread t([&] {
            phone(srv);
            done = true;
        });
        for (int frame = 0; frame < 100000 && !done; ++frame) {
            srv.pump();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        t.join();
        srv.stop();
    };
    std::string token;
    gui_run([&](server::PhoneServer& srv) {
        HttpClient c(srv.port());
        token = test::join(c, srv.join_code(), "Gui");
    });
    REQUIRE(!token.empty());
    std::string who;
    int status = 0;
    gui_run([&](server::PhoneServer& srv) {
        who = participant_of(srv.port(), token);
        HttpClient c(srv.port());
        status = c.request("PUT", "/api/score", test::score_body("i3", "c9", 4), token).status;
    });
    CHECK(who == "p1");
    CHECK(status == 200);
    CHECK(stored_score(file, "i3", "p1", "c9") == 4);
    CHECK(participants_in(file) == 1);
}

TEST_CASE("a workshop file of schema 1 is served: it migrates and its phones' tokens survive a restart", "[server]") {
    test::TempDir dir;
    const std::string file = dir.file("old.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(2));
    {
        // Schema 1 is schema 2 without phone_token.
        storage::sqlite::Database db(file, SQLITE_OPEN_READWRITE);
        db.exec("DROP TABLE phone_token; PRAGMA user_version = 1;");
    }
    REQUIRE(storage::WorkshopFile::check(file).schema_version == 1);
    std::string token;
    {
        server::PhoneServer srv;
        srv.start(file, test::loopback());
        HttpClient c(srv.port());
        token = test::join(c, srv.join_code(), "Old");
        REQUIRE(!token.empty());
    }
    server::PhoneServer again;
    again.start(file, test::loopback());
    CHECK(participant_of(again.port(), token) == "p1");
    again.stop();
    const auto report = storage::WorkshopFile::check(file);
    CHECK(report.ok);
    CHECK(report.schema_version == storage::kSchemaVersion);
}

TEST_CASE("header_value reads a header of an answer's head as the bench's phones do", "[server]") {
    const std::string head =
        "HTTP/1.1 200 OK\r\n"
        "Content-Type: application/json\r\n"
        "X-Content-Length-Note: not this one\r\n"
        "CONTENT-length:    14\r\n"
        "Connection: close\r\n"
        "content-length: 99";
    CHECK(server::header_value(head, "content-length") == std::optional<std::string_view>("14"));  // any case, spaces dropped, the first
    CHECK(server::header_value(head, "connection") == std::optional<std::string_view>("close"));
    CHECK(server::header_value(head, "content-type") == std::optional<std::string_view>("application/json"));
    CHECK_FALSE(server::header_value(head, "content").has_value());  // a name is whole, never a prefix
    CHECK_FALSE(server::header_value(head, "x-frame-options").has_value());
    CHECK_FALSE(server::header_value("HTTP/1.1 200 OK", "content-length").has_value());
    CHECK_FALSE(server::header_value("content-length: 5", "content-length").has_value());  // the status line is no header
    CHECK(server::header_value("HTTP/1.1 204 No Content\r\nContent-Length:", "content-length") == std::optional<std::string_view>(""));
}
