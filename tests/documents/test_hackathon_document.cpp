// contracts 6 in workshop documents and templates: reading, canonical writing, and every bad
// input the hackathon issue names, each refused with its JSON path.
#include <catch2/catch.hpp>

#include <string>

#include "doc_test_support.hpp"
#include "documents/documents.hpp"

namespace docs = pilotdeck::documents;
namespace core = pilotdeck::core;
using pilotdeck::test::at;
using pilotdeck::test::error_of;
using pilotdeck::test::replace_once;
using pilotdeck::test::source_file;
using pilotdeck::test::workshop_error;

namespace {

// The fixture as export writes it (compact objects on one line), so that edits are one-liners.
std::string canonical() {
    return docs::write_workshop(docs::parse_workshop(source_file("tests/data/hackathon-workshop.json"), "h.json"));
}

// The expected message for a fault at `shift` bytes after `marker` (at or after `after`).
}  // namespace

TEST_CASE("hackathon: the fixture reads whole and writes back the same bytes", "[hackathon]") {
    const core::Workshop ws = docs::parse_workshop(source_file("tests/data/hackathon-workshop.json"), "h.json");
    CHECK(ws.mode == core::Mode::Hackathon);
    REQUIRE(ws.teams.size() == 4);
    CHECK(ws.teams[0] == core::Team{"t1", "Matchmakers", "i1", {"p1", "p5"}, "A1", 2});
    CHECK(ws.pitching == core::Pitching{4, 2});
    CHECK(ws.judging == core::Judging{core::JudgingMethod::Pairwise, true});
    REQUIRE(ws.comparisons.size() == 6);
    CHECK(ws.comparisons[4] == core::Comparison{"p9", "t4", "t3", "2026-12-01T15:06:00Z"});
    REQUIRE(ws.awards.size() == 3);
    CHECK(ws.awards[2] == core::Award{"impact", "Most time saved", "criterion:time_saved"});
    CHECK(ws.audience_votes.size() == 4);
    CHECK(ws.stages[2].kind == core::StageKind::Work);

    const std::string text = canonical();
    CHECK(text.find("\"version\": 2") != std::string::npos);
    CHECK(text.find("\"mode\": \"hackathon\"") != std::string::npos);
    CHECK(docs::write_workshop(docs::parse_workshop(text, "again.json")) == text);
    CHECK(docs::parse_workshop(text, "again.json") == ws);
}

TEST_CASE("hackathon: a version 1 use-case document still reads; export writes version 2 without teams", "[hackathon]") {
    const core::Workshop ws = docs::parse_workshop(source_file("tests/data/small-workshop.json"), "small.json");
    CHECK(ws.mode == core::Mode::UseCase);
    CHECK(ws.teams.empty());
    const std::string text = docs::write_workshop(ws);
    CHECK(text.find("\"version\": 2") != std::string::npos);
    CHECK(text.find("\"mode\": \"use-case\"") != std::string::npos);
    CHECK(text.find("\"teams\"") == std::string::npos);
    CHECK(docs::write_workshop(docs::parse_workshop(text, "again.json")) == text);
}

TEST_CASE("hackathon: every bad input is refused with its JSON path", "[hackathon]") {
    const std::string ok = canonical();
    REQUIRE(workshop_error(ok) == "(no error)");

    SECTION("a comparison by a judge of the same department as the team's idea") {
        const std::string t = replace_once(ok, R"("judge": "p9", "winner": "t4")", R"("judge": "p9", "winner": "t1")");
        CHECK(workshop_error(t) == at(t, R"("judge": "p9", "winner": "t1")", 25,
                                      "comparisons[4].winner: judge \"p9\" is recused from team \"t1\" "
                                      "(the same department as its idea)"));
    }
    SECTION("a comparison by a member of the team") {
        const std::string t = replace_once(ok, R"("judge": "p7", "winner": "t2", "loser": "t1")",
                                           R"("judge": "p1", "winner": "t2", "loser": "t1")");
        CHECK(workshop_error(t) == at(t, R"("judge": "p1", "winner": "t2", "loser": "t1")", 40,
                                      "comparisons[0].loser: judge \"p1\" is recused from team \"t1\" (a member of it)"));
    }
    SECTION("a jury score by a recused judge") {
        const std::string t = replace_once(ok, R"("idea": "i2", "rater": "p9")", R"("idea": "i1", "rater": "p9")");
        CHECK(workshop_error(t) == at(t, R"("idea": "i1", "rater": "p9")", 23,
                                      "scores[12].rater: judge \"p9\" is recused from team \"t1\" "
                                      "(the same department as its idea)"));
    }
    SECTION("a team with an unknown member") {
        const std::string t = replace_once(ok, R"("members": ["p1", "p5"])", R"("members": ["p1", "p55"])");
        CHECK(workshop_error(t) == at(t, R"("members": ["p1", "p55"])", 18,
                                      "teams[0].members[1]: no participant has id \"p55\""));
    }
    SECTION("a team with an unknown idea") {
        const std::string t = replace_once(ok, R"("idea": "i1", "members")", R"("idea": "i9", "members")");
        CHECK(workshop_error(t) == at(t, R"("idea": "i9", "members")", 8, "teams[0].idea: no idea has id \"i9\""));
    }
    SECTION("two teams sharing one idea") {
        const std::string t = replace_once(ok, R"("idea": "i2", "members")", R"("idea": "i1", "members")");
        CHECK(workshop_error(t) == at(t, R"("idea": "i1", "members")", 8,
                                      "teams[1].idea: idea \"i1\" already belongs to team \"t1\"", "Quote Quest"));
    }
    SECTION("a participant in two teams") {
        const std::string t = replace_once(ok, R"("members": ["p3"])", R"("members": ["p5"])");
        CHECK(workshop_error(t) == at(t, R"("members": ["p5"])", 12,
                                      "teams[2].members[0]: \"p5\" is already a member of team \"t1\""));
    }
    SECTION("an audience vote for one's own team") {
        const std::string t = replace_once(ok, R"({"voter": "p1", "team": "t2"})", R"({"voter": "p1", "team": "t1"})");
        CHECK(workshop_error(t) == at(t, R"({"voter": "p1", "team": "t1"})", 24,
                                      "audience_votes[0].team: \"p1\" is a member of team \"t1\" and cannot vote for it"));
    }
    SECTION("two audience votes by one voter") {
        const std::string t = replace_once(ok, R"({"voter": "p3", "team": "t2"})", R"({"voter": "p1", "team": "t4"})");
        CHECK(workshop_error(t) == at(t, R"({"voter": "p1", "team": "t4"})", 10,
                                      "audience_votes[2].voter: \"p1\" has already voted (audience_votes[0])"));
    }
    SECTION("a comparison of a team with itself") {
        const std::string t = replace_once(ok, R"("winner": "t3", "loser": "t4")", R"("winner": "t3", "loser": "t3")");
        CHECK(workshop_error(t) == at(t, R"("winner": "t3", "loser": "t3")", 25,
                                      "comparisons[2].loser: a team cannot be compared with itself (\"t3\")"));
    }
    SECTION("a judge who is not a participant") {
        const std::string t = replace_once(ok, R"("judge": "p8", "winner": "t3")", R"("judge": "p88", "winner": "t3")");
        CHECK(workshop_error(t) == at(t, R"("judge": "p88")", 9, "comparisons[2].judge: no participant has id \"p88\""));
    }
    SECTION("a comparison of an unknown team") {
        const std::string t = replace_once(ok, R"("winner": "t3", "loser": "t4")", R"("winner": "t3", "loser": "t7")");
        CHECK(workshop_error(t) == at(t, R"("loser": "t7")", 9, "comparisons[2].loser: no team has id \"t7\""));
    }
    SECTION("an award for an unknown criterion") {
        const std::string t = replace_once(ok, R"("criterion:time_saved")", R"("criterion:speed")");
        CHECK(workshop_error(t) == at(t, R"("criterion:speed")", 0, "awards[2].rule: no criterion has id \"speed\""));
    }
    SECTION("an award rule that is no rule") {
        const std::string t = replace_once(ok, R"("rule": "overall")", R"("rule": "best")");
        CHECK(workshop_error(t) == at(t, R"("rule": "best")", 8,
                                      "awards[0].rule: must be overall, audience, pilot or criterion:ID, found \"best\""));
    }
    SECTION("an unknown mode, method or time") {
        std::string t = replace_once(ok, R"("mode": "hackathon")", R"("mode": "party")");
        CHECK(workshop_error(t) == at(t, R"("mode": "party")", 8, "mode: must be use-case or hackathon, found \"party\""));
        t = replace_once(ok, R"("method": "pairwise")", R"("method": "vibes")");
        CHECK(workshop_error(t) == at(t, R"("method": "vibes")", 10, "judging.method: must be criteria or pairwise, found \"vibes\""));
        t = replace_once(ok, R"("2026-12-01T15:00:00Z")", R"("2026-12-01 15:00")");
        CHECK(workshop_error(t) == at(t, R"("2026-12-01 15:00")", 0,
                                      "comparisons[0].at: must be a UTC time such as \"2026-12-01T10:15:00Z\", "
                                      "found \"2026-12-01 15:00\""));
    }
}

TEST_CASE("hackathon: a template carries mode, pitching, judging and awards", "[hackathon]") {
    const std::string base = R"({"format": "pilotdeck-template", "version": 1, "id": "h", "name": "H", "language": "en",
 "description": "", "stages": [{"id": "s", "kind": "pitches", "title": "S", "minutes": 5, "goal": "", "prompts": []}],
 "concerns": [],
 "criteria": [{"id": "c", "label": "C", "axis": "benefit", "weight": 1, "min": 1, "max": 5, "help": "",
               "levels": {"1": "a", "3": "b", "5": "c"}}],
 "selection": {"max_risk": 2.5, "min_visibility": 3.5, "min_raters": 3, "size": 3, "max_per_department": 1},
 "mode": "hackathon", "pitching": {"pitch_minutes": 3, "qa_minutes": 1},
 "judging": {"method": "criteria", "recuse_same_department": true},
 "awards": [{"id": "best", "label": "Best", "rule": "criterion:c"}]}
)";
    const core::Template t = docs::parse_template(base, "t.json");
    CHECK(t.mode == core::Mode::Hackathon);
    CHECK(t.pitching == core::Pitching{3, 1});
    CHECK(t.judging == core::Judging{core::JudgingMethod::Criteria, true});
    REQUIRE(t.awards.size() == 1);
    const core::Workshop ws = core::workshop_from_template(t, "");
    CHECK(ws.mode == core::Mode::Hackathon);
    CHECK(ws.awards == t.awards);

    const std::string bad = replace_once(base, R"("criterion:c")", R"("criterion:d")");
    CHECK(error_of([&] { docs::parse_template(bad, "t.json"); }) ==
          pilotdeck::test::fault("t.json", bad, R"("criterion:d")", 0, "awards[0].rule: no criterion has id \"d\""));
}

TEST_CASE("hackathon: the shipped hackathon templates in three languages run the hackathon flow", "[hackathon]") {
    using K = core::StageKind;
    const std::vector<K> flow = {K::Intro,   K::Concerns, K::Teams,  K::Work,     K::Pitches,
                                 K::Judging, K::Matrix,   K::Awards, K::Shortlist};
    const core::Template en = docs::load_template(std::string(PILOTDECK_SOURCE_DIR) + "/workshop_templates/hackathon.json");
    for (const char* id : {"hackathon", "hackathon-nl", "hackathon-de"}) {
        INFO(id);
        const core::Template t =
            docs::load_template(std::string(PILOTDECK_SOURCE_DIR) + "/workshop_templates/" + id + ".json");
        CHECK(t.id == id);
        CHECK(t.mode == core::Mode::Hackathon);
        std::vector<K> kinds;
        for (const core::Stage& s : t.stages) kinds.push_back(s.kind);
        CHECK(kinds == flow);
        REQUIRE(t.criteria.size() == en.criteria.size());
        for (std::size_t i = 0; i < t.criteria.size(); ++i) {
            CHECK(t.criteria[i].id == en.criteria[i].id);
            CHECK(t.criteria[i].weight == en.criteria[i].weight);
            CHECK(t.criteria[i].levels.size() == 5);
        }
        REQUIRE(t.awards.size() == 4);
        CHECK(t.awards[0].rule == "overall");
        CHECK(t.awards[2].rule == "audience");
        CHECK(t.pitching == en.pitching);
        CHECK(t.judging == en.judging);
        CHECK(t.selection == en.selection);
    }
    CHECK(docs::load_template(std::string(PILOTDECK_SOURCE_DIR) + "/workshop_templates/hackathon-nl.json").language == "nl");
    CHECK(docs::load_template(std::string(PILOTDECK_SOURCE_DIR) + "/workshop_templates/hackathon-de.json").language == "de");
}
