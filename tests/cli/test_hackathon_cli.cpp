// Hackathons on the command line (contracts 6): import and export round-trip byte for byte, and
// every bad input is one `pilotdeck:` line with its JSON path, nothing written.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
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

const std::string kHackathon = std::string(PILOTDECK_TEST_DATA) + "/hackathon-workshop.json";

// The fixture with the first `from` replaced by `to` (which must be there).
std::string edited(const std::string& from, const std::string& to) {
    std::string text = read_all(kHackathon);
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("hackathon import then export gives the document back byte for byte", "[cli][hackathon]") {
    TempDir dir;
    const std::string file = dir.file("h.pilotdeck"), out = dir.file("out.json");
    const RunResult imported = pd({"import", file, "--from", kHackathon});
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    REQUIRE(pd({"check", file}).status == 0);
    const RunResult exported = pd({"export", file, "--out", out});
    INFO(exported.err);
    REQUIRE(exported.status == 0);
    CHECK(read_all(out) == read_all(kHackathon));
}

TEST_CASE("hackathon import refuses each bad input with one line and its path, writing nothing", "[cli][hackathon]") {
    struct Case {
        std::string from, to, expected;
    };
    const std::vector<Case> cases = {
        {R"("judge": "p9", "winner": "t4")", R"("judge": "p9", "winner": "t1")", "comparisons[4].winner: judge \"p9\" is recused"},
        {R"({"idea": "i2", "rater": "p9")", R"({"idea": "i1", "rater": "p9")", "scores[12].rater: judge \"p9\" is recused"},
        {R"(["p1", "p5"])", R"(["p1", "p55"])", "teams[0].members[1]: no participant has id \"p55\""},
        {R"("idea": "i1", "members")", R"("idea": "i9", "members")", "teams[0].idea: no idea has id \"i9\""},
        {R"("idea": "i2", "members")", R"("idea": "i1", "members")", "teams[1].idea: idea \"i1\" already belongs to team \"t1\""},
        {R"({"voter": "p1", "team": "t2"})", R"({"voter": "p1", "team": "t1"})", "audience_votes[0].team: \"p1\" is a member"},
        {R"("winner": "t3", "loser": "t4")", R"("winner": "t3", "loser": "t3")", "comparisons[2].loser: a team cannot be compared with itself"},
        {R"("judge": "p8", "winner": "t3")", R"("judge": "p88", "winner": "t3")", "comparisons[2].judge: no participant has id \"p88\""},
    };
    for (const Case& c : cases) {
        INFO(c.expected);
        TempDir dir;
        const std::string doc = dir.file("bad.json"), file = dir.file("h.pilotdeck");
        write_all(doc, edited(c.from, c.to));
        const RunResult r = pd({"import", file, "--from", doc});
        check_refused(r, "", c.expected);
        CHECK(r.err.find("bad.json:") != std::string::npos);
        CHECK_FALSE(fs::exists(file));

        // An existing workshop file stays byte-identical under --force.
        REQUIRE(pd({"import", file, "--from", kHackathon}).status == 0);
        const std::string before = read_all(file);
        check_one_error_line(pd({"import", file, "--from", doc, "--force"}), c.expected);
        CHECK(read_all(file) == before);
    }
}

TEST_CASE("pilotdeck results writes the results document from a workshop file or document", "[cli][hackathon]") {
    TempDir dir;
    const std::string expected = read_all(std::string(PILOTDECK_TEST_DATA) + "/hackathon-results.json");
    // The figures in hackathon-results.json were checked against 40-digit arithmetic of Gavel's
    // formulas (t2 mu 0.89646, sigma_sq 0.61818; t1 -0.02358; t4 -0.41969; t3 -0.46053).
    const RunResult from_document = pd({"results", kHackathon});
    INFO(from_document.err);
    REQUIRE(from_document.status == 0);
    CHECK(from_document.out == expected);

    const std::string file = dir.file("h.pilotdeck"), out = dir.file("results.json");
    REQUIRE(pd({"import", file, "--from", kHackathon}).status == 0);
    const RunResult from_file = pd({"results", file, "--out", out});
    INFO(from_file.err);
    REQUIRE(from_file.status == 0);
    CHECK(from_file.out.empty());
    CHECK(read_all(out) == expected);

    const json doc = json::parse(expected);
    CHECK(doc["format"] == "pilotdeck-results");
    CHECK(doc["awards"][1]["tied_with"] == json::array({"t3"}));
    // No judge names, no individual comparisons or scores.
    for (const char* name : {"Gert Bos", "Hanna Meijer", "Iris Vos", "2026-12-01T15", "winner", "\"value\""})
        CHECK(expected.find(name) == std::string::npos);
}

TEST_CASE("pilotdeck results refuses bad input with one line and writes nothing", "[cli][hackathon]") {
    TempDir dir;
    const std::string out = dir.file("results.json");
    SECTION("a document with a recused judge's comparison") {
        const std::string doc = dir.file("bad.json");
        write_all(doc, edited(R"("judge": "p9", "winner": "t4")", R"("judge": "p9", "winner": "t1")"));
        check_one_error_line(pd({"results", doc, "--out", out}), "bad.json:");
        check_one_error_line(pd({"results", doc, "--out", out}), "comparisons[4].winner: judge \"p9\" is recused");
    }
    SECTION("a document with a syntax error") {
        const std::string doc = dir.file("bad.json");
        write_all(doc, edited(R"("teams": [)", R"("teams": [[)"));
        check_one_error_line(pd({"results", doc, "--out", out}), "bad.json:");
    }
    SECTION("a workshop without teams") {
        check_one_error_line(pd({"results", std::string(PILOTDECK_TEST_DATA) + "/small-workshop.json", "--out", out}),
                             "has no teams");
    }
    SECTION("a file that is not there") {
        check_one_error_line(pd({"results", dir.file("missing.pilotdeck"), "--out", out}), "missing.pilotdeck");
    }
    CHECK_FALSE(fs::exists(out));
    for (const auto& entry : fs::directory_iterator(dir.path()))
        CHECK(entry.path().filename().string().find("results") == std::string::npos);
}

TEST_CASE("pilotdeck results of a German workshop: the why sentences in German, codes and numbers unchanged", "[cli][hackathon]") {
    TempDir dir;
    const std::string doc = dir.file("de.json");
    write_all(doc, edited("\"language\": \"en\"", "\"language\": \"de\""));
    const RunResult r = pd({"results", doc});
    INFO(r.err);
    REQUIRE(r.status == 0);
    const json out = json::parse(r.out);
    CHECK(out["awards"][0]["why"] == "Auf Platz eins nach 6 paarweisen Vergleichen von 3 Jurymitgliedern.");
    CHECK(out["awards"][1]["why"] == "2 von 4 Publikumsstimmen. Gleichstand mit 1 weiteren Team.");
    CHECK(out["awards"][2]["why"] == "Höchster Jury-Mittelwert bei Time saved: 3,50.");
    CHECK(out["awards"][1]["tied_with"] == json::array({"t3"}));
    CHECK(out["format"] == "pilotdeck-results");
    // --lang overrides the workshop's language.
    CHECK(json::parse(pd({"results", doc, "--lang", "en"}).out)["awards"][1]["why"] == "2 of 4 audience votes. A tie with 1 other team.");
}
