// The hackathon on phones (contracts 6): pairwise and criteria judging by the jury, the audience
// vote and teams from phones, over real HTTP against the real server on 127.0.0.1; the workshop
// file is read back after each flow.
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include "server/fixture.hpp"
#include "server/http_client.hpp"
#include "server/phone_server.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using nlohmann::json;
using test::HttpClient;
using test::HttpResponse;

namespace {

core::Workshop hackathon(int teams, core::JudgingMethod method, bool recuse_department = false) {
    return test::hackathon_workshop(teams, method, recuse_department);
}

server::ServerOptions local(core::StageKind stage) {
    server::ServerOptions o = test::loopback(stage);
    o.judging_seed = 42;
    return o;
}

json body_of(const HttpResponse& r) { return json::parse(r.body, nullptr, false); }

struct Running {
    test::TempDir dir;
    std::string file = dir.file("h.pilotdeck");
    server::PhoneServer server;
    Running(const core::Workshop& ws, core::StageKind stage) {
        test::create_workshop_file(file, ws);
        server.start(file, local(stage));
    }
    core::Workshop read_back() {
        server.stop();
        return storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load();
    }
};

struct Phone {
    HttpClient& c;
    std::string token, id;
    Phone(HttpClient& client, const std::string& code, const std::string& name = {}, const std::string& department = {})
        : c(client) {
        json b{{"code", code}};
        if (!name.empty()) b["name"] = name;
        if (!department.empty()) b["department"] = department;
        HttpResponse r = c.request("POST", "/api/join", b.dump());
        REQUIRE(r.status == 200);
        token = body_of(r)["token"].get<std::string>();
        id = body_of(r)["participant"].get<std::string>();
    }
    json state() {
        HttpResponse r = c.request("GET", "/api/state", {}, token);
        REQUIRE(r.status == 200);
        return body_of(r);
    }
    HttpResponse post(const std::string& path, const json& body) { return c.request("POST", path, body.dump(), token); }
    HttpResponse put(const std::string& path, const json& body) { return c.request("PUT", path, body.dump(), token); }
    HttpResponse compare(const std::string& winner, const std::string& loser) {
        return post("/api/compare", {{"winner", winner}, {"loser", loser}});
    }
};

std::string error_of(const HttpResponse& r) {
    const json j = body_of(r);
    return j.is_object() && j.contains("error") ? j["error"].get<std::string>() : std::string();
}

}  // namespace

TEST_CASE("the jury code makes a jury member; the room's code a participant", "[server][hackathon]") {
    Running s(hackathon(4, core::JudgingMethod::Pairwise), core::StageKind::Judging);
    REQUIRE(s.server.jury_code().size() == 6);
    REQUIRE(s.server.jury_code() != s.server.join_code());
    HttpClient c(s.server.port());
    HttpResponse r = c.request("POST", "/api/join", test::join_body(s.server.jury_code(), "Judge Judy"));
    REQUIRE(r.status == 200);
    CHECK(body_of(r)["role"] == "jury");
    Phone user(c, s.server.join_code(), "Ann");
    CHECK(user.state()["participant"]["role"] == "user");
    CHECK(user.state()["judging"]["jury"] == false);
    CHECK_FALSE(user.state()["judging"].contains("pair"));
    const auto ws = s.read_back();
    CHECK(ws.participants[ws.participants.size() - 2].role == core::Role::Jury);
    CHECK(ws.participants.back().role == core::Role::User);
}

TEST_CASE("pairwise judging from a phone: the pair offered, compare, skip, undo, progress", "[server][hackathon]") {
    Running s(hackathon(6, core::JudgingMethod::Pairwise), core::StageKind::Judging);
    HttpClient c(s.server.port());
    Phone judge(c, s.server.jury_code(), "Judge");
    Phone user(c, s.server.join_code(), "Ann");

    json st = judge.state();
    REQUIRE(st["judging"]["method"] == "pairwise");
    REQUIRE(st["judging"]["jury"] == true);
    CHECK(st["judging"]["compared"] == 0);
    CHECK(st["judging"]["to_go"] == 6);
    CHECK(st["judging"]["can_undo"] == false);
    REQUIRE(st["judging"]["pair"].is_array());
    const std::string a = st["judging"]["pair"][0]["id"], b = st["judging"]["pair"][1]["id"];
    CHECK(a != b);
    CHECK(st["judging"]["pair"][0]["title"].get<std::string>().rfind("Idea ", 0) == 0);
    // The same pair until it is answered.
    CHECK(judge.state()["judging"]["pair"] == st["judging"]["pair"]);

    std::string other;
    for (int t = 1; t <= 6; ++t)
        if ("t" + std::to_string(t) != a && "t" + std::to_string(t) != b) other = "t" + std::to_string(t);
    // Refusals: not the jury 403; unknown team 404; a team with itself 422; another pair 409.
    CHECK(user.compare(a, b).status == 403);
    CHECK(judge.compare(a, "t99").status == 404);
    CHECK(judge.compare(a, a).status == 422);
    HttpResponse wrong = judge.compare(a, other);
    CHECK(wrong.status == 409);
    CHECK(error_of(wrong).find("not the pair") != std::string::npos);
    CHECK(judge.post("/api/compare", {{"winner", a}}).status == 400);

    HttpResponse ok = judge.compare(b, a);  // either order of the pair shown
    REQUIRE(ok.status == 200);
    CHECK(body_of(ok)["saved"] == true);
    CHECK(judge.compare(b, a).status == 409);  // answered already
    st = judge.state();
    CHECK(st["judging"]["compared"] == 1);
    CHECK(st["judging"]["to_go"] == 4);
    CHECK(st["judging"]["can_undo"] == true);

    // Skip: the candidate of the pair shown is not offered again to this judge.
    const std::string cur = st["judging"]["pair"][0]["id"], cand = st["judging"]["pair"][1]["id"];
    CHECK(cur != cand);
    REQUIRE(judge.post("/api/skip", json::object()).status == 200);
    CHECK(judge.post("/api/skip", json::object()).status == 409);  // nothing shown any more
    st = judge.state();
    CHECK(st["judging"]["to_go"] == 3);
    REQUIRE(st["judging"]["pair"].is_array());
    CHECK(st["judging"]["pair"][1]["id"] != cand);
    REQUIRE(judge.compare(st["judging"]["pair"][0]["id"], st["judging"]["pair"][1]["id"]).status == 200);

    // Undo: the judge's own last comparison goes, and its pair is shown again.
    const json before_undo = judge.state();
    HttpResponse undone = judge.post("/api/undo", json::object());
    REQUIRE(undone.status == 200);
    CHECK(body_of(undone)["undone"] == true);
    st = judge.state();
    CHECK(st["judging"]["compared"] == 1);
    std::set<std::string> shown{st["judging"]["pair"][0]["id"], st["judging"]["pair"][1]["id"]};
    CHECK(shown == std::set<std::string>{body_of(undone)["winner"], body_of(undone)["loser"]});
    CHECK(user.post("/api/undo", json::object()).status == 403);
    // Decide again, loser first this time.
    REQUIRE(judge.compare(body_of(undone)["loser"], body_of(undone)["winner"]).status == 200);
    // Judge until nothing is left: never the skipped team, never a pair twice.
    int compared = 2;
    for (int guard = 0; guard < 20; ++guard) {
        st = judge.state();
        if (st["judging"]["pair"].is_null()) break;
        CHECK(st["judging"]["pair"][1]["id"] != cand);
        REQUIRE(judge.compare(st["judging"]["pair"][0]["id"], st["judging"]["pair"][1]["id"]).status == 200);
        ++compared;
    }
    CHECK(st["judging"]["pair"].is_null());
    CHECK(st["judging"]["to_go"] == 0);
    CHECK(st["judging"]["compared"] == compared);

    const auto ws = s.read_back();
    REQUIRE(static_cast<int>(ws.comparisons.size()) == compared);
    CHECK(ws.comparisons[1].winner == body_of(undone)["loser"]);
    CHECK(ws.comparisons[1].loser == body_of(undone)["winner"]);
    for (const auto& cmp : ws.comparisons) {
        CHECK(cmp.judge == judge.id);
        CHECK(cmp.at.size() == 20);
        CHECK(cmp.at.back() == 'Z');
    }
}

TEST_CASE("a recused judge is never shown the team and gets 409 for it", "[server][hackathon]") {
    Running s(hackathon(6, core::JudgingMethod::Pairwise, true), core::StageKind::Judging);
    HttpClient c(s.server.port());
    // Dept 1: the ideas of t1 and t4.
    Phone judge(c, s.server.jury_code(), "Judge", "Dept 1");
    json st = judge.state();
    CHECK(st["judging"]["to_go"] == 4);
    HttpResponse r = judge.compare("t1", "t2");
    CHECK(r.status == 409);
    CHECK(error_of(r).find("recused") != std::string::npos);
    int n = 0;
    for (; n < 10; ++n) {
        st = judge.state();
        if (st["judging"]["pair"].is_null()) break;
        for (const auto& t : st["judging"]["pair"]) {
            CHECK(t["id"] != "t1");
            CHECK(t["id"] != "t4");
        }
        REQUIRE(judge.compare(st["judging"]["pair"][0]["id"], st["judging"]["pair"][1]["id"]).status == 200);
    }
    CHECK(n == 3);  // four teams: a first pair, then one new team each
    const auto ws = s.read_back();
    CHECK(ws.comparisons.size() == 3);
}

TEST_CASE("pairwise judging is refused outside the judging stage, with criteria, and while the round is closed",
          "[server][hackathon]") {
    SECTION("pitches") {
        Running s(hackathon(4, core::JudgingMethod::Pairwise), core::StageKind::Pitches);
        HttpClient c(s.server.port());
        Phone judge(c, s.server.jury_code());
        CHECK_FALSE(judge.state().contains("judging"));
        CHECK(judge.compare("t1", "t2").status == 409);
        CHECK(judge.post("/api/skip", json::object()).status == 409);
        CHECK(judge.post("/api/undo", json::object()).status == 409);
        CHECK(s.read_back().comparisons.empty());
    }
    SECTION("criteria") {
        Running s(hackathon(4, core::JudgingMethod::Criteria), core::StageKind::Judging);
        HttpClient c(s.server.port());
        Phone judge(c, s.server.jury_code());
        CHECK(judge.compare("t1", "t2").status == 409);
        CHECK(s.read_back().comparisons.empty());
    }
    SECTION("closed round") {
        Running s(hackathon(4, core::JudgingMethod::Pairwise), core::StageKind::Judging);
        HttpClient c(s.server.port());
        Phone judge(c, s.server.jury_code());
        json st = judge.state();
        s.server.close_round();
        CHECK(judge.compare(st["judging"]["pair"][0]["id"], st["judging"]["pair"][1]["id"]).status == 409);
        CHECK(judge.state()["judging"]["pair"].is_null());
        s.server.open_round();
        CHECK(judge.compare(st["judging"]["pair"][0]["id"], st["judging"]["pair"][1]["id"]).status == 200);
        CHECK(s.read_back().comparisons.size() == 1);
    }
}

TEST_CASE("criteria judging from a phone: the jury scores the teams' ideas, progress per judge", "[server][hackathon]") {
    Running s(hackathon(5, core::JudgingMethod::Criteria, true), core::StageKind::Judging);
    HttpClient c(s.server.port());
    Phone judge(c, s.server.jury_code(), "Judge", "Dept 2");  // recused from t2 and t5
    Phone user(c, s.server.join_code(), "Ann");
    json st = judge.state();
    REQUIRE(st["judging"]["method"] == "criteria");
    CHECK(st["judging"]["of"] == 3);
    CHECK(st["judging"]["done"] == 0);
    REQUIRE(st["judging"]["teams"].size() == 3);
    CHECK(st["judging"]["teams"][0]["team"] == "t1");
    CHECK(st["judging"]["teams"][0]["idea"] == "i1");

    for (const char* crit : {"c1", "c2", "c3"}) REQUIRE(judge.put("/api/score", {{"idea", "i1"}, {"criterion", crit}, {"value", 4}}).status == 200);
    REQUIRE(judge.put("/api/score", {{"idea", "i3"}, {"criterion", "c1"}, {"value", 2}}).status == 200);
    st = judge.state();
    CHECK(st["judging"]["done"] == 1);
    CHECK(st["judging"]["of"] == 3);
    CHECK(st["scores"].size() == 4);

    HttpResponse recused = judge.put("/api/score", {{"idea", "i2"}, {"criterion", "c1"}, {"value", 4}});
    CHECK(recused.status == 409);
    CHECK(error_of(recused).find("recused") != std::string::npos);
    CHECK(user.put("/api/score", {{"idea", "i1"}, {"criterion", "c1"}, {"value", 4}}).status == 403);
    CHECK(judge.put("/api/score", {{"idea", "i1"}, {"criterion", "c1"}, {"value", 9}}).status == 422);
    CHECK(judge.put("/api/score", {{"idea", "i99"}, {"criterion", "c1"}, {"value", 3}}).status == 404);
    s.server.close_round();
    CHECK(judge.put("/api/score", {{"idea", "i4"}, {"criterion", "c1"}, {"value", 3}}).status == 409);

    const auto ws = s.read_back();
    REQUIRE(ws.scores.size() == 4);
    for (const auto& sc : ws.scores) CHECK(sc.rater == judge.id);
}

TEST_CASE("a closed audience vote stays closed: in the file, after a restart of the server", "[server][hackathon]") {
    Running s(hackathon(3, core::JudgingMethod::Pairwise), core::StageKind::Pitches);
    {
        HttpClient c(s.server.port());
        Phone ann(c, s.server.join_code(), "Ann");
        REQUIRE(ann.put("/api/vote", {{"team", "t1"}}).status == 200);
        CHECK(s.server.audience_vote_open());
        s.server.close_audience_vote();
        CHECK_FALSE(s.server.audience_vote_open());
        CHECK(ann.put("/api/vote", {{"team", "t2"}}).status == 409);
    }
    const auto ws = s.read_back();
    CHECK(ws.audience_vote_closed);
    REQUIRE(ws.audience_votes.size() == 1);

    server::PhoneServer again;  // as `pilotdeck serve` started anew on the same file
    again.start(s.file, local(core::StageKind::Awards));
    CHECK_FALSE(again.audience_vote_open());
    HttpClient c(again.port());
    Phone bob(c, again.join_code(), "Bob");
    CHECK(bob.state()["audience"]["open"] == false);
    HttpResponse late = bob.put("/api/vote", {{"team", "t2"}});
    CHECK(late.status == 409);
    CHECK(error_of(late).find("closed") != std::string::npos);
    again.open_audience_vote();  // the facilitator may open it again
    CHECK(bob.put("/api/vote", {{"team", "t2"}}).status == 200);
    again.stop();
    CHECK_FALSE(storage::WorkshopFile::open(s.file, storage::WorkshopFile::Mode::ReadOnly)->load().audience_vote_closed);
}

TEST_CASE("the audience vote: once, for a team not one's own, changeable until closed, no counts", "[server][hackathon]") {
    Running s(hackathon(3, core::JudgingMethod::Pairwise), core::StageKind::Teams);
    HttpClient c(s.server.port());
    Phone ann(c, s.server.join_code(), "Ann");
    Phone bob(c, s.server.join_code(), "Bob");
    HttpResponse made = ann.post("/api/team", {{"name", "Ann's team"}, {"title", "Invoice triage"}});
    REQUIRE(made.status == 201);
    const std::string own = body_of(made)["team"];
    s.server.set_stage(core::StageKind::Pitches);

    HttpResponse mine = ann.put("/api/vote", {{"team", own}});
    CHECK(mine.status == 409);
    CHECK(error_of(mine).find("own team") != std::string::npos);
    CHECK(ann.put("/api/vote", {{"team", "t77"}}).status == 404);
    CHECK(ann.put("/api/vote", {{"team", 3}}).status == 400);
    REQUIRE(ann.put("/api/vote", {{"team", "t1"}}).status == 200);
    REQUIRE(ann.put("/api/vote", {{"team", "t2"}}).status == 200);  // changed
    REQUIRE(bob.put("/api/vote", {{"team", own}}).status == 200);
    json st = ann.state();
    CHECK(st["audience"]["open"] == true);
    CHECK(st["audience"]["vote"] == "t2");
    CHECK(st.dump().find("count") == std::string::npos);  // no counts, no one else's vote
    CHECK(st.dump().find(bob.id) == std::string::npos);

    s.server.close_audience_vote();
    CHECK_FALSE(s.server.audience_vote_open());
    CHECK(ann.put("/api/vote", {{"team", "t3"}}).status == 409);
    CHECK(ann.state()["audience"]["open"] == false);
    s.server.open_audience_vote();
    REQUIRE(bob.put("/api/vote", {{"team", nullptr}}).status == 200);  // withdrawn

    const auto ws = s.read_back();
    REQUIRE(ws.audience_votes.size() == 1);
    CHECK(ws.audience_votes[0].voter == ann.id);
    CHECK(ws.audience_votes[0].team == "t2");
}

TEST_CASE("teams from phones: create one, join it with its code", "[server][hackathon]") {
    Running s(hackathon(2, core::JudgingMethod::Criteria), core::StageKind::Teams);
    HttpClient c(s.server.port());
    Phone ann(c, s.server.join_code(), "Ann", "Finance");
    Phone bob(c, s.server.join_code(), "Bob", "Sales");
    Phone cem(c, s.server.join_code(), "Cem");

    CHECK(ann.post("/api/team", {{"name", ""}, {"title", "x"}}).status == 422);
    CHECK(ann.post("/api/team", {{"name", "Good"}, {"title", ""}}).status == 422);
    CHECK(ann.post("/api/team", {{"name", "Bad\u202Ename"}, {"title", "x"}}).status == 422);
    CHECK(ann.post("/api/team", {{"name", "Good"}}).status == 400);
    CHECK(ann.post("/api/team", {{"name", "team 1"}, {"title", "x"}}).status == 409);  // the name is taken
    HttpResponse made = ann.post("/api/team", {{"name", "Rechnungsprüfer"}, {"title", "Invoice triage"}, {"problem", "Slow"}});
    REQUIRE(made.status == 201);
    const std::string team = body_of(made)["team"], code = body_of(made)["code"];
    CHECK(team == "t3");
    CHECK(code.size() == 5);
    CHECK(ann.post("/api/team", {{"name", "Second"}, {"title", "y"}}).status == 409);  // in a team already
    CHECK(cem.post("/api/team", {{"name", "RECHNUNGSPRÜFER"}, {"title", "z"}}).status == 409);  // the same name

    json st = ann.state();
    REQUIRE(st["my_team"].is_object());
    CHECK(st["my_team"]["id"] == team);
    CHECK(st["my_team"]["code"] == code);
    CHECK(st["teams"].size() == 3);

    CHECK(bob.post("/api/team/join", {{"code", "ZZZZZ"}}).status == 404);
    std::string lower_code = code;
    for (char& ch : lower_code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    REQUIRE(bob.post("/api/team/join", {{"code", " " + lower_code}}).status == 200);  // as typed on a phone
    CHECK(bob.post("/api/team/join", {{"code", code}}).status == 200);               // again: no change
    CHECK(bob.state()["my_team"]["members"] == json::array({"Ann", "Bob"}));
    // Cem makes a team; then cannot join Ann's too.
    HttpResponse cems = cem.post("/api/team", {{"name", "Cem's"}, {"title", "Chatbot"}});
    REQUIRE(cems.status == 201);
    CHECK(cem.post("/api/team/join", {{"code", code}}).status == 409);

    s.server.set_stage(core::StageKind::Pitches);
    Phone dan(c, s.server.join_code(), "Dan");
    CHECK(dan.post("/api/team/join", {{"code", code}}).status == 409);
    CHECK(dan.post("/api/team", {{"name", "Late"}, {"title", "z"}}).status == 409);

    const auto ws = s.read_back();
    REQUIRE(ws.teams.size() == 4);
    CHECK(ws.teams[2].id == "t3");
    CHECK(ws.teams[2].name == "Rechnungsprüfer");
    CHECK(ws.teams[2].members == std::vector<std::string>{ann.id, bob.id});
    CHECK(ws.teams[2].pitch_order == 3);
    const core::Idea* idea = nullptr;
    for (const auto& i : ws.ideas)
        if (i.id == ws.teams[2].idea) idea = &i;
    REQUIRE(idea);
    CHECK(idea->title == "Invoice triage");
    CHECK(idea->problem == "Slow");
    CHECK(idea->owner == ann.id);
    CHECK(idea->department == "Finance");
    CHECK(ws.teams[3].members == std::vector<std::string>{cem.id});
}
