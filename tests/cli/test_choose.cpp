// Screening (contracts 7), consensus (5b), robustness (8) and re-vote (9) through the real
// binary on real workshop files in a temporary folder.
#include <catch2/catch.hpp>

#include <filesystem>
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

namespace {

const std::string kScreening = std::string(PILOTDECK_TEST_DATA) + "/screening-workshop.json";
const std::string kDemo = std::string(PILOTDECK_SOURCE_DIR) + "/assets/demo-workshop.json";

json shortlist(const std::string& file, std::vector<std::string> flags = {}) {
    std::vector<std::string> args{"shortlist", file};
    args.insert(args.end(), flags.begin(), flags.end());
    const RunResult r = pd(args);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

const json* find_idea(const json& list, const std::string& id) {
    for (const auto& x : list)
        if (x.at("idea") == id) return &x;
    return nullptr;
}

}  // namespace

TEST_CASE("a version 2 workshop goes through the file byte-identically", "[cli][screening][roundtrip]") {
    TempDir dir;
    const std::string first = imported(dir, kScreening);
    const RunResult e1 = pd({"export", first});
    REQUIRE(e1.status == 0);
    write_all(dir.file("e1.json"), e1.out);
    const std::string second = imported(dir, dir.file("e1.json"), "w2.pilotdeck");
    const RunResult e2 = pd({"export", second});
    REQUIRE(e2.status == 0);
    CHECK(e2.out == e1.out);
    const json doc = json::parse(e1.out);
    CHECK(doc.at("version") == 2);
    CHECK(doc.at("ideas").at(3).at("assessment").at("H4") == true);
    CHECK(doc.at("ideas").at(4).at("assessment").at("H3").is_null());
    CHECK(doc.at("score_history").size() == 1);
    CHECK(doc.at("selection").at("gates").at("high_risk") == "exclude");
    int consensus = 0, round2 = 0;
    for (const auto& s : doc.at("scores")) {
        if (s.value("consensus", false)) {
            ++consensus;
            CHECK_FALSE(s.contains("rater"));
        }
        if (s.value("round", 1) == 2) ++round2;
    }
    CHECK(consensus == 3);
    CHECK(round2 == 1);
    CHECK(pd({"check", first}).status == 0);
}

TEST_CASE("shortlist version 2: classes, gates, obligations and the notice", "[cli][screening][shortlist]") {
    TempDir dir;
    const std::string file = imported(dir, kScreening);
    const json sl = shortlist(file);
    CHECK(sl.at("version") == 2);
    CHECK(sl.at("screening").at("notice").get<std::string>().find("not legal advice") != std::string::npos);
    CHECK(sl.at("screening").at("obligations_checked").get<std::string>().size() == 10);
    // i13 is pinned include but prohibited: never chosen.
    CHECK(find_idea(sl.at("pilots"), "i13") == nullptr);
    const json* i13 = find_idea(sl.at("not_selected"), "i13");
    REQUIRE(i13);
    CHECK(i13->at("code") == "prohibited");
    CHECK(i13->at("ai_act") == "prohibited");
    const json* i4 = find_idea(sl.at("not_selected"), "i4");
    REQUIRE(i4);
    CHECK(i4->at("code") == "high-risk");
    CHECK(i4->at("dpia") == "required");
    const json* i1 = find_idea(sl.at("pilots"), "i1");
    REQUIRE(i1);
    CHECK(i1->at("ai_act") == "limited");
    bool transparency = false;
    for (const auto& o : i1->at("obligations"))
        if (o.get<std::string>().find("Art. 50") != std::string::npos) transparency = true;
    CHECK(transparency);
}

TEST_CASE("a consensus idea meets min_raters and the shortlist says so", "[cli][consensus]") {
    TempDir dir;
    const std::string file = imported(dir, kScreening);
    const json sl = shortlist(file, {"--min-raters", "100", "--max-risk", "5", "--min-visibility", "0"});
    REQUIRE(sl.at("pilots").size() == 1);
    CHECK(sl.at("pilots").at(0).at("idea") == "i6");
    CHECK(sl.at("pilots").at(0).at("consensus") == true);
    CHECK(sl.at("pilots").at(0).at("criteria").at("time_saved").at("consensus") == true);
    CHECK(sl.at("pilots").at(0).at("criteria").at("time_saved").at("sd") == 0);
    CHECK(sl.at("pilots").at(0).at("criteria").at("time_saved").at("mean") == 4);
}

TEST_CASE("bad screening input: one line with the JSON path, nothing written", "[cli][screening][bad]") {
    TempDir dir;
    const std::string text = read_all(kScreening);
    const std::string existing = imported(dir, kDemo, "existing.pilotdeck");
    const std::string before = read_all(existing);
    struct Case { std::string from, to, message; };
    for (const Case& c : {Case{"\"H4\": true", "\"H12\": true", "ideas[3].assessment.H12: unknown screening question \"H12\""},
                          Case{"\"H4\": true", "\"H4\": \"yes\"", "ideas[3].assessment.H4: must be true, false or null"},
                          Case{"\"H4\": true", "\"H4\": 1", "ideas[3].assessment.H4: must be true, false or null"},
                          Case{"Saw the median; I had the night shift in mind only.", std::string(281, 'x'),
                               "score_history[0].reason: a reason is one line of at most 280 characters, found 281"},
                          Case{"\"round\": 2", "\"round\": 0", "scores[160].round: must be a whole number from 1 to 1000"},
                          Case{"\"consensus\": true", "\"consensus\": 1", ".consensus: expected true or false"}}) {
        std::string bad = text;
        INFO(c.to.substr(0, 40));
        const std::size_t at = bad.find(c.from);
        REQUIRE(at != std::string::npos);
        bad.replace(at, c.from.size(), c.to);
        write_all(dir.file("bad.json"), bad);
        const RunResult fresh = pd({"import", dir.file("new.pilotdeck"), "--from", dir.file("bad.json")});
        CHECK(fresh.status == 1);
        check_one_error_line(fresh, c.message);
        CHECK_FALSE(std::filesystem::exists(dir.file("new.pilotdeck")));
        const RunResult forced = pd({"import", existing, "--from", dir.file("bad.json"), "--force"});
        CHECK(forced.status == 1);
        CHECK(read_all(existing) == before);
    }
}

TEST_CASE("robustness: the same seed gives the same bytes; bad flags are one line", "[cli][robustness]") {
    TempDir dir;
    const std::string file = imported(dir, kDemo);
    const std::string before = read_all(file);
    const RunResult a = pd({"robustness", file, "--samples", "2000", "--seed", "5"});
    const RunResult b = pd({"robustness", file, "--samples", "2000", "--seed", "5", "--out", dir.file("r.json")});
    REQUIRE(a.status == 0);
    REQUIRE(b.status == 0);
    CHECK(read_all(dir.file("r.json")) == a.out);
    const json doc = json::parse(a.out);
    CHECK(doc.at("format") == "pilotdeck-robustness");
    CHECK(doc.at("samples") == 2000);
    CHECK(doc.at("seed") == 5);
    CHECK(doc.at("concentration") == 50);
    REQUIRE(doc.at("ideas").size() == 12);
    int robust_or_not = 0;
    for (const auto& i : doc.at("ideas")) {
        const double share = i.at("selected_share");
        CHECK(share >= 0);
        CHECK(share <= 1);
        if (i.at("verdict") != "out") ++robust_or_not;
    }
    CHECK(robust_or_not == 3);  // the demo's three pilots
    const RunResult other = pd({"robustness", file, "--samples", "2000", "--seed", "6"});
    CHECK(other.out != a.out);
    for (const auto& args : std::vector<std::vector<std::string>>{{"robustness", file, "--samples", "0"},
                                                                   {"robustness", file, "--concentration", "-1"},
                                                                   {"robustness", file, "--samples", "many"},
                                                                   {"robustness", file, "--bogus"}}) {
        const RunResult r = pd(args);
        CHECK(r.status == 2);
        check_one_error_line(r, "");
    }
    const RunResult missing = pd({"robustness", dir.file("none.pilotdeck")});
    CHECK(missing.status == 1);
    check_one_error_line(missing, "none.pilotdeck");
    CHECK(read_all(file) == before);
}
