// Follow-up and portfolio on the command line (contracts 12): the real binary, real files.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using nlohmann::json;
using pilotdeck::test::read_all;
using pilotdeck::test::RunResult;
using pilotdeck::test::check_refused;
using pilotdeck::test::pd;
using pilotdeck::test::TempDir;
using pilotdeck::test::write_all;
namespace fs = std::filesystem;

namespace {

const std::string kFollowup = std::string(PILOTDECK_TEST_DATA) + "/followup-workshop.json";

json concern(const std::string& id, const std::string& label, int count) {
    return {{"id", id}, {"label", label}, {"response", "We answer it."}, {"count", count}};
}

json participants(int n) {
    json list = json::array();
    for (int i = 1; i <= n; ++i)
        list.push_back({{"id", "p" + std::to_string(i)}, {"name", "Person " + std::to_string(i)}, {"department", "Sales"},
                        {"role", "user"}});
    return list;
}

// The pulse-check a quarter later: 8 people, one new worry, the culture worry gone, a new idea.
json pulse_check(const std::string& date, int people, json concerns) {
    json ws = json::parse(read_all(kFollowup));
    ws["title"] = "Pulse-check " + date;
    ws["date"] = date;
    ws["participants"] = participants(people);
    ws["concerns"] = std::move(concerns);
    ws["scores"] = json::array();
    ws["ideas"] = json::array({{{"id", "i1"}, {"title", "Summarise complaint letters"}, {"department", "Service"}}});
    return ws;
}

}  // namespace

TEST_CASE("import then export of a workshop with follow-up gives the same bytes", "[followup]") {
    TempDir dir;
    const std::string file = dir.file("f.pilotdeck");
    REQUIRE(pd({"import", file, "--from", kFollowup}).status == 0);
    const RunResult out = pd({"export", file});
    REQUIRE(out.status == 0);
    CHECK(out.out == read_all(kFollowup));
}

TEST_CASE("portfolio: workshops in date order, worries matched by id, pilots with progress", "[followup][portfolio]") {
    TempDir dir;
    const std::string first = dir.file("2026-11.pilotdeck");
    REQUIRE(pd({"import", first, "--from", kFollowup}).status == 0);
    const std::string second = dir.file("2027-02.json"), third = dir.file("2027-05.json");
    write_all(second, pulse_check("2027-02-01", 8,
                                  {concern("data", "Our data leaves the company", 4), concern("jobs", "AI takes my job", 3),
                                   concern("understanding", "I don't understand it", 2), concern("culture", "Culture", 0)})
                          .dump(2));
    write_all(third, pulse_check("2027-05-03", 3, {concern("jobs", "AI will take my job", 1), concern("data", "Data", 2)}).dump(2));
    const std::string out = dir.file("portfolio.json");
    const RunResult r = pd({"portfolio", third, first, second, "--out", out});  // any order
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    const json p = json::parse(read_all(out));
    CHECK(p["format"] == "pilotdeck-portfolio");
    CHECK(p["version"] == 1);
    REQUIRE(p["workshops"].size() == 3);
    CHECK(p["workshops"][0] == json({{"title", "Small test workshop"}, {"date", "2026-11-02"}, {"participants", 4},
                                     {"ideas", 4}, {"pilots", 2}}));
    CHECK(p["workshops"][1]["date"] == "2027-02-01");
    CHECK(p["workshops"][2]["date"] == "2027-05-03");
    CHECK(p["workshops"][2]["participants"] == 3);

    // Worries in order of first appearance, each point one workshop's count / participants.
    std::vector<std::string> ids;
    for (const auto& w : p["worries"]) ids.push_back(w["concern"]);
    CHECK(ids == std::vector<std::string>{"jobs", "understanding", "blame", "complexity", "culture", "data"});
    const json& jobs = p["worries"][0];
    CHECK(jobs["label"] == "AI will take my job");  // the latest wording
    CHECK(jobs["trend"] == json::parse(R"([{"date": "2026-11-02", "share": 0.5}, {"date": "2027-02-01", "share": 0.375},
                                           {"date": "2027-05-03", "share": 0.333}])"));
    CHECK(p["worries"][4]["trend"].size() == 2);  // culture: not asked in May
    CHECK(p["worries"][5]["trend"] == json::parse(R"([{"date": "2027-02-01", "share": 0.5}, {"date": "2027-05-03", "share": 0.667}])"));

    // Every idea with its status (absent: proposed) and scores; pilots = status not proposed.
    REQUIRE(p["ideas"].size() == 6);
    CHECK(p["ideas"][0] == json({{"workshop", 0}, {"idea", "i1"}, {"title", "Draft minutes of sales meetings"},
                                 {"department", "Sales"}, {"status", "pilot"}, {"benefit", 4.17}, {"risk", 1.7},
                                 {"visibility", 4.17}, {"ai_act", "unassessed"}}));
    CHECK(p["ideas"][2]["status"] == "proposed");
    CHECK(p["ideas"][4]["workshop"] == 1);
    CHECK(p["ideas"][4]["benefit"].is_null());
    REQUIRE(p["pilots"].size() == 2);
    const json& minutes = p["pilots"][0]["measures"][0];
    CHECK(minutes == json({{"id", "minutes_per_task"}, {"label", "Minutes per task"}, {"baseline", 30}, {"target", 15},
                           {"latest", 20}, {"progress", 0.667}}));  // latest by date, falling measure
    CHECK(p["pilots"][0]["measures"][1]["progress"].is_null());     // no values yet
    CHECK(p["pilots"][1]["status"] == "scaled");
    CHECK(p["pilots"][1]["measures"][0]["progress"] == 0.8);  // (4.2 - 3) / (4.5 - 3)

    // Without --out: the same document on stdout.
    const RunResult to_stdout = pd({"portfolio", first, second, third});
    CHECK(to_stdout.out == read_all(out));
}

TEST_CASE("portfolio: bad input is one line naming the file, and nothing is written", "[followup][portfolio]") {
    TempDir dir;
    const std::string file = dir.file("a.pilotdeck");
    REQUIRE(pd({"import", file, "--from", kFollowup}).status == 0);
    const std::string out = dir.file("portfolio.json");
    const std::string before = read_all(file);

    SECTION("the same workshop twice (its file and its document)") {
        check_refused(pd({"portfolio", file, kFollowup, "--out", out}), kFollowup + ": the same workshop as " + file);
    }
    SECTION("the same file twice") {
        check_refused(pd({"portfolio", file, file, "--out", out}), file + ": the same workshop as " + file);
    }
    SECTION("a document that is not a workshop among many") {
        const std::string other = dir.file("shortlist.json");
        REQUIRE(pd({"shortlist", file, "--out", other}).status == 0);
        check_refused(pd({"portfolio", file, other, "--out", out}),
                             other + ":2:13: format: must be \"pilotdeck-workshop\", found \"pilotdeck-shortlist\"");
    }
    SECTION("a text file among many") {
        const std::string notes = dir.file("notes.txt");
        write_all(notes, "Minutes of the steering group\n");
        check_refused(pd({"portfolio", notes, file, "--out", out}), notes + ":1:1: ");
    }
    SECTION("another SQLite database among many") {
        const std::string db_path = dir.file("other.sqlite");
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
        sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        check_refused(pd({"portfolio", file, db_path, "--out", out}), db_path + ": not a pilotdeck workshop");
    }
    SECTION("a file that does not exist") {
        check_refused(pd({"portfolio", file, dir.file("missing.pilotdeck"), "--out", out}), dir.file("missing.pilotdeck"));
    }
    SECTION("an invalid follow-up in one of the documents") {
        json bad = json::parse(read_all(kFollowup));
        bad["date"] = "2027-01-01";
        bad["title"] = "Later";
        bad["ideas"][0]["status_history"] = json::array();
        const std::string bad_path = dir.file("bad.json");
        write_all(bad_path, bad.dump(2));
        const RunResult r = pd({"portfolio", file, bad_path, "--out", out});
        check_refused(r, bad_path + ":");
        CHECK(r.err.find("ideas[0].measures[0].values[0].date: is dated before the workshop (2027-01-01)") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(out));
    CHECK(read_all(file) == before);
    CHECK(pd({"portfolio"}).status == 2);
}

TEST_CASE("new --from: participants, open ideas and pilots for review come along", "[followup][carry-over]") {
    TempDir dir;
    const std::string earlier = dir.file("november.pilotdeck");
    REQUIRE(pd({"import", earlier, "--from", kFollowup}).status == 0);
    const std::string before = read_all(earlier);
    const std::string review = dir.file("february.pilotdeck");
    const RunResult r = pd({"new", review, "--from", earlier, "--title", "Pilot review February"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(read_all(earlier) == before);  // the earlier workshop is only read
    const RunResult exported = pd({"export", review});
    REQUIRE(exported.status == 0);
    const json ws = json::parse(exported.out);
    const json src = json::parse(read_all(kFollowup));
    CHECK(ws["template"] == "pilot-review");
    CHECK(ws["title"] == "Pilot review February");
    CHECK(ws["organisation"] == src["organisation"]);
    CHECK(ws["participants"] == src["participants"]);
    CHECK(ws["scores"].empty());
    std::vector<std::string> kinds;
    for (const auto& s : ws["stages"]) kinds.push_back(s["kind"]);
    CHECK(std::find(kinds.begin(), kinds.end(), "review") != kinds.end());
    CHECK(std::find(kinds.begin(), kinds.end(), "concerns") != kinds.end());  // the pulse-check
    // Concern ids stay those of the use-case workshop, so the portfolio's trend matches them.
    CHECK(ws["concerns"].size() == src["concerns"].size());
    CHECK(ws["concerns"][0]["id"] == "jobs");
    CHECK(ws["concerns"][0]["count"] == 0);
    // i1 (pilot) comes with its measures and history; i2 (scaled) stays behind; i3 and i4 open.
    REQUIRE(ws["ideas"].size() == 3);
    CHECK(ws["ideas"][0]["id"] == "i1");
    CHECK(ws["ideas"][0]["status"] == "pilot");
    CHECK(ws["ideas"][0]["measures"] == src["ideas"][0]["measures"]);
    CHECK(ws["ideas"][0]["status_history"] == src["ideas"][0]["status_history"]);
    CHECK(ws["ideas"][1]["id"] == "i3");
    CHECK(ws["ideas"][1]["status"] == "proposed");
    CHECK(ws["ideas"][2]["id"] == "i4");
    CHECK(ws["ideas"][2]["decision"].is_null());  // the old pin is not carried
}

TEST_CASE("new --from: the shortlist's choice becomes the pilots when nobody set a status", "[followup][carry-over]") {
    TempDir dir;
    const std::string earlier = dir.file("small.pilotdeck");
    REQUIRE(pd({"import", earlier, "--from", std::string(PILOTDECK_TEST_DATA) + "/small-workshop.json"}).status == 0);
    const std::string review = dir.file("review.pilotdeck");
    REQUIRE(pd({"new", review, "--from", earlier, "--template", "pilot-review-de"}).status == 0);
    const json ws = json::parse(pd({"export", review}).out);
    CHECK(ws["language"] == "de");
    const std::string title = json::parse(pd({"export", earlier}).out)["title"];
    // small-workshop's shortlist: i2 (pinned) and i1.
    std::vector<std::string> pilots;
    for (const auto& i : ws["ideas"])
        if (i["status"] == "pilot") {
            pilots.push_back(i["id"]);
            CHECK(i["status_history"][0]["date"] == "2026-11-02");
            // Stored in the review's language, German quotation marks included, whatever the CLI's.
            CHECK(i["status_history"][0]["reason"] == "Gewählt in „" + title + "“");
        }
    CHECK(pilots == std::vector<std::string>{"i1", "i2"});
    CHECK(ws["ideas"].size() == 4);
    // The same from Dutch and English templates, with the CLI's messages in German.
    for (const auto& [tmpl, reason] : {std::pair<std::string, std::string>{"pilot-review-nl", "Gekozen in “" + title + "”"},
                                       std::pair<std::string, std::string>{"pilot-review", "Chosen at “" + title + "”"}}) {
        const std::string other = dir.file(tmpl + ".pilotdeck");
        REQUIRE(pd({"new", other, "--from", earlier, "--template", tmpl, "--lang", "de"}).status == 0);
        const json o = json::parse(pd({"export", other}).out);
        for (const auto& i : o["ideas"])
            if (i["status"] == "pilot") CHECK(i["status_history"][0]["reason"] == reason);
    }
}

TEST_CASE("new --from: bad input changes nothing", "[followup][carry-over]") {
    TempDir dir;
    const std::string earlier = dir.file("november.pilotdeck");
    REQUIRE(pd({"import", earlier, "--from", kFollowup}).status == 0);
    const std::string review = dir.file("review.pilotdeck");
    check_refused(pd({"new", review, "--from", dir.file("nope.pilotdeck")}), dir.file("nope.pilotdeck"));
    check_refused(pd({"new", review, "--from", kFollowup}), kFollowup + ": not a pilotdeck workshop");
    check_refused(pd({"new", review, "--from", earlier, "--template", "nope"}), "no template with id \"nope\"");
    CHECK_FALSE(fs::exists(review));
    const RunResult usage = pd({"new", review});
    CHECK(usage.status == 2);
    CHECK(usage.err.rfind("pilotdeck: new: --template or --from is required", 0) == 0);
}

TEST_CASE("import then export keeps what the users say with a decision, and a team marked absent", "[followup][hackathon]") {
    TempDir dir;
    json ws = json::parse(read_all(kFollowup));
    json& history = ws["ideas"][1]["status_history"];
    REQUIRE_FALSE(history.empty());
    history.back()["users_say"] = "\"Answers in a minute instead of a day\", says the AP team; two complaints about tone.";
    const std::string src = dir.file("review.json");
    write_all(src, ws.dump(2));
    const std::string file = dir.file("review.pilotdeck");
    REQUIRE(pd({"import", file, "--from", src}).status == 0);
    const RunResult out = pd({"export", file});
    REQUIRE(out.status == 0);
    const json back = json::parse(out.out);
    CHECK(back["ideas"][1]["status_history"].back()["users_say"] == history.back()["users_say"]);
    CHECK_FALSE(back["ideas"][0]["status_history"].back().contains("users_say"));  // written only when heard
    // Export, import, export: the same bytes.
    const std::string again_src = dir.file("again.json");
    write_all(again_src, out.out);
    REQUIRE(pd({"import", dir.file("again.pilotdeck"), "--from", again_src}).status == 0);
    CHECK(pd({"export", dir.file("again.pilotdeck")}).out == out.out);

    json hack = json::parse(read_all(std::string(PILOTDECK_TEST_DATA) + "/hackathon-workshop.json"));
    hack["teams"][2]["absent"] = true;
    const std::string hsrc = dir.file("hack.json");
    write_all(hsrc, hack.dump(2));
    REQUIRE(pd({"import", dir.file("hack.pilotdeck"), "--from", hsrc}).status == 0);
    const json hback = json::parse(pd({"export", dir.file("hack.pilotdeck")}).out);
    CHECK(hback["teams"][2]["absent"] == true);
    CHECK_FALSE(hback["teams"][0].contains("absent"));
    // A wrong type is refused with its path, nothing written.
    hack["teams"][2]["absent"] = "yes";
    write_all(hsrc, hack.dump(2));
    const RunResult bad = pd({"import", dir.file("bad.pilotdeck"), "--from", hsrc});
    check_refused(bad, hsrc);
    CHECK(bad.err.find("teams[2].absent") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("bad.pilotdeck")));
}

TEST_CASE("bad follow-up input through import and portfolio: one line naming the file and the path, nothing written",
          "[followup][bad]") {
    TempDir dir;
    const std::string existing = dir.file("existing.pilotdeck");
    REQUIRE(pd({"import", existing, "--from", kFollowup}).status == 0);
    const std::string existing_bytes = read_all(existing);
    json earlier = json::parse(read_all(kFollowup));  // another workshop for the portfolio
    earlier["title"] = "The first workshop";
    earlier["date"] = "2026-06-01";
    const std::string first = dir.file("first.json");
    write_all(first, earlier.dump(2));

    struct Case {
        const char* what;
        std::function<void(json&)> change;
        const char* path;
    };
    const std::vector<Case> cases = {
        {"a measure without baseline", [](json& d) { d["ideas"][0]["measures"][0].erase("baseline"); },
         "ideas[0].measures[0]: missing field \"baseline\""},
        {"a measure without target", [](json& d) { d["ideas"][0]["measures"][0].erase("target"); },
         "ideas[0].measures[0]: missing field \"target\""},
        {"a target equal to its baseline", [](json& d) { d["ideas"][0]["measures"][0]["target"] = 30; },
         "ideas[0].measures[0].target: must differ from the baseline"},
        {"a value dated before the workshop", [](json& d) { d["ideas"][0]["measures"][0]["values"][1]["date"] = "2026-10-30"; },
         "ideas[0].measures[0].values[1].date: is dated before the workshop"},
        {"an unknown status", [](json& d) { d["ideas"][0]["status"] = "paused"; }, "ideas[0].status: "},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        json doc = json::parse(read_all(kFollowup));
        c.change(doc);
        const std::string bad = dir.file("bad.json");
        write_all(bad, doc.dump(2));
        const auto check = [&](const RunResult& r) {
            check_one_error_line(r, bad + ":");
            CHECK(r.err.find(c.path) != std::string::npos);
        };
        // import: no new file; an existing one (--force) stays byte-identical.
        const std::string fresh = dir.file("fresh.pilotdeck");
        check(pd({"import", fresh, "--from", bad}));
        CHECK_FALSE(fs::exists(fresh));
        check(pd({"import", existing, "--from", bad, "--force"}));
        CHECK(read_all(existing) == existing_bytes);
        // portfolio among good inputs: no output at all.
        const std::string out = dir.file("portfolio.json");
        check(pd({"portfolio", first, existing, bad, "--out", out}));
        CHECK_FALSE(fs::exists(out));
        const RunResult to_stdout = pd({"portfolio", first, bad});
        check(to_stdout);
        CHECK(to_stdout.out.empty());
        // the report of a portfolio: no PDF.
        const std::string pdf = dir.file("portfolio.pdf");
        check(pd({"report", "--portfolio", first, bad, "--out", pdf}));
        CHECK_FALSE(fs::exists(pdf));
    }
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir.path())) left.push_back(e.path().filename().string());
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<std::string>{"bad.json", "existing.pilotdeck", "first.json"});
}
