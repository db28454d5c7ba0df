// The command line as a user runs it: the real binary, real files in a temporary folder.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using nlohmann::json;
using pilotdeck::test::read_all;
using pilotdeck::test::RunResult;
using pilotdeck::test::check_one_error_line;
using pilotdeck::test::imported;
using pilotdeck::test::pd;
using pilotdeck::test::TempDir;
using pilotdeck::test::write_all;
namespace fs = std::filesystem;

namespace {

const std::string kDemo = std::string(PILOTDECK_SOURCE_DIR) + "/assets/demo-workshop.json";
const std::string kSmall = std::string(PILOTDECK_TEST_DATA) + "/small-workshop.json";
const std::string kTemplates = std::string(PILOTDECK_SOURCE_DIR) + "/workshop_templates";

std::vector<std::string> ids(const json& list, const char* key) {
    std::vector<std::string> out;
    for (const auto& x : list) out.push_back(x.at(key).get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("help and version", "[cli]") {
    auto v = pd({"--version"});
    CHECK(v.status == 0);
    CHECK(v.out.find("pilotdeck 0.") != std::string::npos);
    auto h = pd({"--help"});
    CHECK(h.status == 0);
    for (const char* cmd : {"open", "new", "import", "export", "shortlist", "templates", "check", "screenshot"})
        CHECK(h.out.find(cmd) != std::string::npos);
    auto sh = pd({"shortlist", "--help"});
    CHECK(sh.status == 0);
    CHECK(sh.out.find("--max-per-department") != std::string::npos);
}

TEST_CASE("wrong usage exits 2 with one error line", "[cli][usage]") {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"frobnicate"},
             {"export"},                                   // missing FILE
             {"new", "x.pilotdeck"},                       // missing --template
             {"export", "x.pilotdeck", "--bogus"},         // unknown flag
             {"shortlist", "x.pilotdeck", "--size", "0"},  // not a positive number
             {"shortlist", "x.pilotdeck", "--min-raters", "abc"},
             {"screenshot", "x.pilotdeck", "--stage", "lunch", "--out", "x.png"},
             {"screenshot", "x.pilotdeck", "--stage", "matrix", "--out", "x.png", "--size", "big"},
         }) {
        auto r = pd(args);
        INFO(args[0] << " " << (args.size() > 1 ? args[1] : ""));
        CHECK(r.status == 2);
        check_one_error_line(r);
    }
}

TEST_CASE("templates lists and validates the shipped templates", "[cli][templates]") {
    auto r = pd({"templates", "--dir", kTemplates});
    INFO(r.err);
    CHECK(r.status == 0);
    for (const char* id : {"use-case-workshop\t", "use-case-workshop-nl\t", "hackathon\t"})
        CHECK(r.out.find(id) != std::string::npos);

    TempDir dir;
    fs::copy_file(kTemplates + "/hackathon.json", dir.file("hackathon.json"));
    std::string broken = read_all(kTemplates + "/use-case-workshop.json");
    const auto pos = broken.find("\"weight\": 2");
    REQUIRE(pos != std::string::npos);
    broken.replace(pos, 11, "\"weight\": 0");
    write_all(dir.file("broken.json"), broken);
    auto bad = pd({"templates", "--dir", dir.path().string()});
    CHECK(bad.status == 1);
    CHECK(bad.out.find("hackathon") != std::string::npos);  // the valid one is still listed
    INFO(bad.err);
    CHECK(bad.err.find("broken.json:") != std::string::npos);
    CHECK(bad.err.find("criteria[0].weight") != std::string::npos);
}

TEST_CASE("new creates a workshop from a template and never overwrites", "[cli][new]") {
    TempDir dir;
    const std::string file = dir.file("kickoff.pilotdeck");
    auto r = pd({"new", file, "--template", "use-case-workshop", "--title", "Kick-off — Finance", "--dir", kTemplates});
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto e = pd({"export", file});
    REQUIRE(e.status == 0);
    json doc = json::parse(e.out);
    CHECK(doc["title"] == "Kick-off — Finance");
    CHECK(doc["template"] == "use-case-workshop");
    CHECK(doc["ideas"].empty());
    CHECK(doc["criteria"].size() == 10);

    const std::string before = read_all(file);
    auto again = pd({"new", file, "--template", "hackathon", "--dir", kTemplates});
    CHECK(again.status == 1);
    check_one_error_line(again);
    CHECK(read_all(file) == before);

    auto unknown = pd({"new", dir.file("x.pilotdeck"), "--template", "nope", "--dir", kTemplates});
    CHECK(unknown.status == 1);
    CHECK(unknown.err.find("use-case-workshop") != std::string::npos);  // lists what is available
    CHECK_FALSE(fs::exists(dir.file("x.pilotdeck")));
}

TEST_CASE("export then import then export gives the same document", "[cli][roundtrip]") {
    TempDir dir;
    const std::string a = imported(dir, kDemo);
    auto e1 = pd({"export", a, "--out", dir.file("one.json")});
    REQUIRE(e1.status == 0);
    CHECK(e1.out.empty());
    auto i2 = pd({"import", dir.file("b.pilotdeck"), "--from", dir.file("one.json")});
    REQUIRE(i2.status == 0);
    auto e2 = pd({"export", dir.file("b.pilotdeck")});
    REQUIRE(e2.status == 0);
    CHECK(e2.out == read_all(dir.file("one.json")));

    // The compact layout holds the same document.
    auto compact = pd({"export", a, "--compact", "--out", dir.file("compact.json")});
    REQUIRE(compact.status == 0);
    CHECK(read_all(dir.file("compact.json")).size() < read_all(dir.file("one.json")).size());
    CHECK(read_all(dir.file("compact.json")).find("\n  ") == std::string::npos);
    REQUIRE(pd({"import", dir.file("c.pilotdeck"), "--from", dir.file("compact.json")}).status == 0);
    CHECK(pd({"export", dir.file("c.pilotdeck")}).out == e2.out);

    // The export holds what the demo document holds.
    json original = json::parse(read_all(kDemo));
    json exported = json::parse(e2.out);
    CHECK(exported["ideas"] == original["ideas"]);
    CHECK(exported["participants"] == original["participants"]);
    CHECK(exported["scores"].size() == original["scores"].size());
    CHECK(exported["criteria"] == original["criteria"]);
    CHECK(exported["title"] == original["title"]);
}

TEST_CASE("import refuses an existing file unless --force, and bad documents change nothing", "[cli][import]") {
    TempDir dir;
    const std::string file = imported(dir, kSmall);
    const std::string before = read_all(file);

    auto refused = pd({"import", file, "--from", kDemo});
    CHECK(refused.status == 1);
    check_one_error_line(refused);
    CHECK(refused.err.find("--force") != std::string::npos);
    CHECK(read_all(file) == before);

    struct Case { const char* doc; const char* path; };
    for (const Case& c : {Case{"invalid-syntax.json", ":336:3:"}, Case{"invalid-weight.json", "criteria[2].weight"},
                          Case{"invalid-unknown-owner.json", "ideas[1].owner"},
                          Case{"invalid-duplicate-idea-id.json", "ideas[3].id"},
                          Case{"invalid-duplicate-score.json", "scores["},
                          Case{"invalid-score-out-of-range.json", "scores[4].value"},
                          Case{"invalid-score-not-integer.json", "scores[4].value"},
                          Case{"invalid-unknown-rater.json", "scores[4].rater"}}) {
        const std::string doc = std::string(PILOTDECK_TEST_DATA) + "/" + c.doc;
        auto r = pd({"import", file, "--from", doc, "--force"});
        INFO(c.doc << ": " << r.err);
        CHECK(r.status == 1);
        check_one_error_line(r);
        CHECK(r.err.find(c.doc) != std::string::npos);
        CHECK(r.err.find(c.path) != std::string::npos);
        CHECK(read_all(file) == before);
        auto fresh = pd({"import", dir.file("fresh.pilotdeck"), "--from", doc});
        CHECK(fresh.status == 1);
        CHECK_FALSE(fs::exists(dir.file("fresh.pilotdeck")));
    }
    // Nothing half-written is left in the folder.
    for (const auto& entry : fs::directory_iterator(dir.path()))
        CHECK(entry.path().filename().string().find("tmp") == std::string::npos);

    auto forced = pd({"import", file, "--from", kDemo, "--force"});
    CHECK(forced.status == 0);
    CHECK(json::parse(pd({"export", file}).out)["ideas"].size() == 12);
}

TEST_CASE("shortlist of the demo follows the contract's rules", "[cli][shortlist]") {
    TempDir dir;
    const std::string file = imported(dir, kDemo);
    const json expected = json::parse(read_all(std::string(PILOTDECK_TEST_DATA) + "/expected-shortlists.json"))["demo-workshop"];
    auto r = pd({"shortlist", file});
    INFO(r.err);
    REQUIRE(r.status == 0);
    const json doc = json::parse(r.out);
    CHECK(doc["format"] == "pilotdeck-shortlist");
    CHECK(doc["version"] == 2);
    CHECK(doc["rules"] == json::parse(R"({"max_risk": 2.5, "min_visibility": 3.5, "min_raters": 3, "size": 3, "max_per_department": 1,
                                          "gates": {"high_risk": "exclude", "unassessed": "allow"}})"));
    CHECK(ids(doc["pilots"], "idea") == expected["pilots"].get<std::vector<std::string>>());
    std::vector<std::string> codes, expected_codes;
    for (const auto& n : doc["not_selected"]) codes.push_back(n["idea"].get<std::string>() + ":" + n["code"].get<std::string>());
    for (const auto& n : expected["not_selected"]) expected_codes.push_back(n["idea"].get<std::string>() + ":" + n["code"].get<std::string>());
    CHECK(codes == expected_codes);
    for (const auto& p : doc["pilots"]) {
        const json& want = expected["ideas"][p["idea"].get<std::string>()];
        CHECK(p["benefit"] == want["benefit"]);
        CHECK(p["risk"] == want["risk"]);
        CHECK(p["visibility"] == want["visibility"]);
        CHECK(p["raters"] == want["raters"]);
        CHECK(p["quadrant"] == want["quadrant"]);
        CHECK(p["rank"].is_number_integer());
        CHECK_FALSE(p["why"].get<std::string>().empty());
    }
    for (const auto& n : doc["not_selected"]) CHECK_FALSE(n["reason"].get<std::string>().empty());
    // No rater names and no individual scores.
    const json demo = json::parse(read_all(kDemo));
    for (const auto& person : demo["participants"]) {
        bool is_owner = false;
        for (const auto& idea : demo["ideas"]) is_owner |= idea["owner"] == person["id"];
        if (!is_owner) CHECK(r.out.find(person["name"].get<std::string>()) == std::string::npos);
    }
    CHECK(r.out.find("\"rater\"") == std::string::npos);
}

TEST_CASE("every shortlist flag overrides one rule for this run only", "[cli][shortlist]") {
    TempDir dir;
    const std::string file = imported(dir, kDemo);
    const std::string before = read_all(file);
    auto pilots = [&](std::vector<std::string> flags) {
        flags.insert(flags.begin(), {"shortlist", file});
        auto r = pd(flags);
        INFO(r.err);
        REQUIRE(r.status == 0);
        return json::parse(r.out);
    };
    json base = pilots({});
    CHECK(base["pilots"].size() == 3);
    json one = pilots({"--size", "1"});
    CHECK(one["rules"]["size"] == 1);
    CHECK(ids(one["pilots"], "idea") == std::vector<std::string>{"i1"});
    json dept = pilots({"--max-per-department", "2"});
    CHECK(dept["pilots"][2]["idea"] == "i5");  // i5 was kept out by the department limit
    json risky = pilots({"--max-risk", "5"});
    CHECK(risky["rules"]["max_risk"] == 5);
    json raters = pilots({"--min-raters", "20"});
    CHECK(raters["pilots"].empty());
    json vis = pilots({"--min-visibility", "4.3"});
    CHECK(vis["rules"]["min_visibility"] == 4.3);
    REQUIRE_FALSE(vis["pilots"].empty());
    for (const auto& p : vis["pilots"]) CHECK(p["visibility"].get<double>() >= 4.3);
    CHECK(vis["pilots"][0]["idea"] == "i1");  // i2 (3.71) and i3 (4.25) drop out
    for (const auto& n : vis["not_selected"])
        if (n["idea"] == "i3") CHECK(n["code"] == "visibility");
    CHECK(read_all(file) == before);  // a shortlist never changes the workshop
    auto again = pilots({});
    CHECK(again == base);
}

TEST_CASE("output files are written whole or not at all", "[cli][atomic]") {
    TempDir dir;
    const std::string file = imported(dir, kDemo);
    auto missing = pd({"shortlist", file, "--out", dir.file("no/such/folder/s.json")});
    CHECK(missing.status == 1);
    check_one_error_line(missing);
    CHECK_FALSE(fs::exists(dir.file("no")));

    write_all(dir.file("keep.json"), "previous content");
    write_all(dir.file("not-a-workshop.pilotdeck"), "hello");
    auto bad = pd({"export", dir.file("not-a-workshop.pilotdeck"), "--out", dir.file("keep.json")});
    CHECK(bad.status == 1);
    CHECK(read_all(dir.file("keep.json")) == "previous content");

    auto ok = pd({"export", file, "--out", dir.file("keep.json")});
    CHECK(ok.status == 0);
    CHECK(json::parse(read_all(dir.file("keep.json")))["format"] == "pilotdeck-workshop");
}

TEST_CASE("check accepts a sound workshop and refuses anything else unchanged", "[cli][check]") {
    TempDir dir;
    const std::string file = imported(dir, kDemo);
    auto ok = pd({"check", file});
    INFO(ok.err);
    CHECK(ok.status == 0);
    CHECK(ok.out.find("ok") != std::string::npos);

    // Another SQLite database.
    const std::string other = dir.file("other.db");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(other.c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    // A PNG, a truncated workshop and an empty file.
    write_all(dir.file("picture.png"), std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    const std::string whole = read_all(file);
    write_all(dir.file("truncated.pilotdeck"), whole.substr(0, whole.size() / 3));
    write_all(dir.file("empty.pilotdeck"), "");

    for (const char* name : {"other.db", "picture.png", "truncated.pilotdeck", "empty.pilotdeck", "missing.pilotdeck"}) {
        const std::string path = dir.file(name);
        const bool existed = fs::exists(path);
        const std::string before = existed ? read_all(path) : "";
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"check", path}, {"export", path}, {"shortlist", path}}) {
            auto r = pd(args);
            INFO(args[0] << " " << name << ": " << r.err);
            CHECK(r.status == 1);
            check_one_error_line(r);
            CHECK(r.err.find(name) != std::string::npos);
        }
        CHECK(fs::exists(path) == existed);
        if (existed) CHECK(read_all(path) == before);
        CHECK_FALSE(fs::exists(path + "-wal"));
    }
}
