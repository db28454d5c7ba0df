// Follow-up fields of ideas (contracts 12): status, status_history, measures in workshop
// documents, version 1 and 2, and the faults import names with their JSON path.
#include <catch2/catch.hpp>

#include <string>

#include "doc_test_support.hpp"
#include "documents/documents.hpp"

namespace docs = pilotdeck::documents;
namespace core = pilotdeck::core;
using pilotdeck::test::error_of;
using pilotdeck::test::replace_once;
using pilotdeck::test::source_file;

namespace {

const std::string kFollowup = "tests/data/followup-workshop.json";

std::string error(const std::string& text) {
    return error_of([&] { docs::parse_workshop(text, "ws.json"); });
}

std::string at(const std::string& text, const std::string& marker, std::size_t shift, const std::string& rest,
               const std::string& after = {}) {
    return pilotdeck::test::fault("ws.json", text, marker, shift, rest, after);
}

}  // namespace

TEST_CASE("followup: status, history and measures are read", "[followup]") {
    const core::Workshop ws = docs::parse_workshop(source_file(kFollowup), "f.json");
    const core::Idea& i1 = ws.ideas.at(0);
    REQUIRE(i1.status == core::IdeaStatus::Pilot);
    REQUIRE(i1.status_history.size() == 1);
    CHECK(i1.status_history[0] == core::StatusChange{core::IdeaStatus::Pilot, "2026-11-02", "Chosen at the workshop"});
    REQUIRE(i1.measures.size() == 2);
    const core::Measure& m = i1.measures[0];
    CHECK(m.id == "minutes_per_task");
    CHECK(m.unit == "min");
    CHECK(m.baseline == 30);
    CHECK(m.target == 15);
    CHECK_FALSE(m.up);
    // Values keep the order they were entered in, not date order.
    REQUIRE(m.values.size() == 2);
    CHECK(m.values[0] == core::MeasureValue{"2026-12-14", 20});
    CHECK(m.values[1] == core::MeasureValue{"2026-11-30", 24.5});
    CHECK(i1.measures[1].up);
    CHECK(i1.measures[1].values.empty());
    CHECK(ws.ideas.at(1).status == core::IdeaStatus::Scaled);
    CHECK(ws.ideas.at(1).status_history.size() == 2);
    CHECK_FALSE(ws.ideas.at(2).status.has_value());  // absent: proposed
    CHECK(ws.ideas.at(3).status == core::IdeaStatus::Proposed);
}

TEST_CASE("followup: the fixture is canonical and round-trips; export writes version 2", "[followup]") {
    const std::string text = source_file(kFollowup);
    const core::Workshop ws = docs::parse_workshop(text, "f.json");
    CHECK(docs::write_workshop(ws) == text);
    CHECK(docs::write_workshop(ws).find("\"version\": 2,") != std::string::npos);
    CHECK(docs::parse_workshop(docs::write_workshop(ws, true), "c.json") == ws);
    // An idea without follow-up is written without the fields (absent means proposed).
    const std::string small = docs::write_workshop(docs::load_workshop(std::string(PILOTDECK_TEST_DATA) + "/small-workshop.json"));
    CHECK(small.find("\"status\"") == std::string::npos);
    CHECK(small.find("\"measures\"") == std::string::npos);
}

TEST_CASE("followup: version 1 documents with and without the new fields are read", "[followup]") {
    const std::string v1 = replace_once(source_file(kFollowup), "\"version\": 2", "\"version\": 1");
    CHECK(docs::parse_workshop(v1, "v1.json") == docs::parse_workshop(source_file(kFollowup), "v2.json"));
    CHECK(error(replace_once(v1, "\"version\": 1", "\"version\": 0")) ==
          at(v1, "\"version\": 1", 11, "version: must be 1 or 2, found 0"));
}

TEST_CASE("followup: faults are named with their JSON path", "[followup]") {
    const std::string text = source_file(kFollowup);
    SECTION("a measure without baseline") {
        const std::string bad = replace_once(text, "\"baseline\": 30,\n", "");
        CHECK(error(bad) == at(bad, "{\n          \"id\": \"minutes_per_task\"", 0,
                               "ideas[0].measures[0]: missing field \"baseline\""));
    }
    SECTION("a measure without target") {
        const std::string bad = replace_once(text, "\"target\": 4.5,\n", "");
        CHECK(error(bad) == at(bad, "{\n          \"id\": \"feedback_score\"", 0,
                               "ideas[1].measures[0]: missing field \"target\""));
    }
    SECTION("a target equal to its baseline") {
        const std::string bad = replace_once(text, "\"target\": 15,", "\"target\": 30,");
        CHECK(error(bad) == at(bad, "\"target\": 30", 10,
                               "ideas[0].measures[0].target: must differ from the baseline (30): progress is measured "
                               "between them"));
    }
    SECTION("a value dated before the workshop") {
        const std::string bad = replace_once(text, "\"2026-11-30\"", "\"2026-10-30\"");
        CHECK(error(bad) == at(bad, "\"2026-10-30\"", 0,
                               "ideas[0].measures[0].values[1].date: is dated before the workshop (2026-11-02); a value "
                               "is measured after the pilot began"));
    }
    SECTION("the workshop's date may come after the ideas and still counts") {
        std::string bad = replace_once(text, "  \"date\": \"2026-11-02\",\n", "");
        bad = replace_once(bad, "\"scores\": [", "\"date\": \"2026-12-01\",\n  \"scores\": [");
        bad = replace_once(bad, "\"date\": \"2026-11-02\", \"reason\": \"Chosen", "\"date\": \"2026-12-20\", \"reason\": \"Chosen");
        CHECK(error(bad) == at(bad, "\"2026-11-30\"", 0,
                               "ideas[0].measures[0].values[1].date: is dated before the workshop (2026-12-01); a value "
                               "is measured after the pilot began"));
    }
    SECTION("an earlier status change allows earlier values (a pilot carried over)") {
        std::string moved = replace_once(text, "\"date\": \"2026-11-02\"", "\"date\": \"2027-01-10\"");
        CHECK(error(moved) == "(no error)");
    }
    SECTION("an unknown status") {
        const std::string bad = replace_once(text, "\"status\": \"pilot\",", "\"status\": \"piloting\",");
        CHECK(error(bad) == at(bad, "\"piloting\"", 0,
                               "ideas[0].status: must be proposed, pilot, scaled, adjusted or stopped, found \"piloting\""));
    }
    SECTION("an unknown status in the history") {
        const std::string bad = replace_once(text, "{\"status\": \"scaled\"", "{\"status\": \"done\"");
        CHECK(error(bad) == at(bad, "\"done\"", 0,
                               "ideas[1].status_history[1].status: must be proposed, pilot, scaled, adjusted or stopped, "
                               "found \"done\""));
    }
    SECTION("a history entry without a date") {
        const std::string bad = replace_once(text, "\"date\": \"2026-11-02\", \"reason\": \"Chosen", "\"date\": \"\", \"reason\": \"Chosen");
        CHECK(error(bad) == at(bad, "\"\", \"reason\": \"Chosen", 0,
                               "ideas[0].status_history[0].date: must be a real date written YYYY-MM-DD"));
    }
    SECTION("a direction other than up or down") {
        const std::string bad = replace_once(text, "\"direction\": \"down\"", "\"direction\": \"lower\"");
        CHECK(error(bad) == at(bad, "\"lower\"", 0, "ideas[0].measures[0].direction: must be up or down, found \"lower\""));
    }
    SECTION("two measures with one id") {
        const std::string bad = replace_once(text, "\"id\": \"adoption_rate\"", "\"id\": \"minutes_per_task\"");
        CHECK(error(bad).find("ideas[0].measures[1].id: ") != std::string::npos);
    }
    SECTION("a value that is not a number") {
        const std::string bad = replace_once(text, "\"value\": 24.5", "\"value\": \"24.5\"");
        CHECK(error(bad).find("ideas[0].measures[0].values[1].value: ") != std::string::npos);
    }
}
