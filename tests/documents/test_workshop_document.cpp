#include <catch2/catch.hpp>

#include <string>

#include "doc_test_support.hpp"
#include "documents/documents.hpp"
#include "documents/json_reader.hpp"
#include "support/temp_dir.hpp"

namespace docs = pilotdeck::documents;
namespace core = pilotdeck::core;
using pilotdeck::test::at;
using pilotdeck::test::error_of;
using pilotdeck::test::replace_once;
using pilotdeck::test::source_file;
using pilotdeck::test::workshop_error;

namespace {

// A compact workshop whose ideas come before the participants they refer to.
const std::string kOutOfOrder = R"({"format": "pilotdeck-workshop", "version": 1, "title": "T", "language": "nl",
 "ideas": [{"id": "i1", "title": "Idea", "owner": "p1", "decision": {"pin": "exclude"}}],
 "scores": [{"idea": "i1", "rater": "p1", "criterion": "c", "value": 4}],
 "stages": [{"id": "s", "kind": "intro", "title": "S", "minutes": 5, "goal": "", "prompts": []}],
 "criteria": [{"id": "c", "label": "C", "axis": "risk", "weight": 1, "min": 1, "max": 5, "help": "", "levels": {}}],
 "selection": {"max_risk": 2.5, "min_visibility": 3.5, "min_raters": 3, "size": 3, "max_per_department": 1},
 "participants": [{"id": "p1", "name": "Ann"}]}
)";

// A workshop of `ideas` x `raters` x `criteria` scores, every value on the scale.
core::Workshop generated_workshop(int ideas, int raters, int criteria) {
    core::Workshop ws = docs::parse_workshop(source_file("tests/data/small-workshop.json"), "small.json");
    ws.participants.clear();
    ws.ideas.clear();
    ws.scores.clear();
    ws.criteria.resize(static_cast<std::size_t>(criteria), ws.criteria.at(0));
    for (int c = 0; c < criteria; ++c) ws.criteria[static_cast<std::size_t>(c)].id = "criterion_" + std::to_string(c);
    for (int r = 0; r < raters; ++r)
        ws.participants.push_back({"p" + std::to_string(r), "Person " + std::to_string(r), "Dept", core::Role::User});
    for (int i = 0; i < ideas; ++i) {
        core::Idea idea;
        idea.id = "i" + std::to_string(i);
        idea.title = "Idea number " + std::to_string(i);
        idea.owner = "p" + std::to_string(i % raters);
        ws.ideas.push_back(idea);
    }
    ws.scores.reserve(static_cast<std::size_t>(ideas) * static_cast<std::size_t>(raters) * static_cast<std::size_t>(criteria));
    for (int i = 0; i < ideas; ++i)
        for (int r = 0; r < raters; ++r)
            for (int c = 0; c < criteria; ++c)
                ws.scores.push_back({"i" + std::to_string(i), "p" + std::to_string(r),
                                     "criterion_" + std::to_string(c), 1 + (i + r + c) % 5});
    return ws;
}

}  // namespace

TEST_CASE("workshop: the shipped workshop documents read as described", "[workshop]") {
    const core::Workshop small = docs::load_workshop(std::string(PILOTDECK_TEST_DATA) + "/small-workshop.json");
    CHECK(small.info.title == "Small test workshop");
    CHECK(small.info.date == "2026-11-02");
    CHECK(small.participants.size() == 4);
    CHECK(small.ideas.size() == 4);
    CHECK(small.scores.size() == 46);
    REQUIRE(small.ideas[1].decision.has_value());
    CHECK(small.ideas[1].decision->pin == core::Pin::Include);
    CHECK(small.ideas[3].decision->pin == core::Pin::Exclude);
    CHECK(!small.ideas[0].decision);

    const core::Workshop demo = docs::load_workshop(std::string(PILOTDECK_SOURCE_DIR) + "/assets/demo-workshop.json");
    CHECK(demo.participants.size() == 10);
    CHECK(demo.ideas.size() == 12);
    CHECK(demo.scores.size() == 718);
    CHECK(demo.concerns.at(0).count == 9);
}

TEST_CASE("workshop: export, import, export gives the same bytes", "[workshop]") {
    for (const std::string& path : {std::string(PILOTDECK_TEST_DATA) + "/small-workshop.json",
                                   std::string(PILOTDECK_SOURCE_DIR) + "/assets/demo-workshop.json"}) {
        INFO(path);
        const core::Workshop first = docs::load_workshop(path);
        const std::string exported = docs::write_workshop(first);
        const core::Workshop again = docs::parse_workshop(exported, "exported.json");
        CHECK(again == first);
        CHECK(docs::write_workshop(again) == exported);
    }
}

TEST_CASE("workshop: the export has the contract's key order and one score per line", "[workshop]") {
    const std::string text = docs::write_workshop(docs::parse_workshop(kOutOfOrder, "ws.json"));
    std::size_t last = 0;
    for (const char* key : {"format", "version", "title", "organisation", "date", "facilitator", "language",
                            "template", "stages", "concerns", "criteria", "selection", "participants", "ideas",
                            "scores"}) {
        const std::size_t at_key = text.find(std::string("\n  \"") + key + "\": ");
        INFO(key);
        REQUIRE(at_key != std::string::npos);
        CHECK(at_key >= last);
        last = at_key;
    }
    CHECK(text.find("    {\"idea\": \"i1\", \"rater\": \"p1\", \"criterion\": \"c\", \"value\": 4}\n") != std::string::npos);
    CHECK(text.find("\"decision\": {\"pin\": \"exclude\", \"reason\": \"\"}") != std::string::npos);
    CHECK(text.find("\"weight\": 1,") != std::string::npos);
    CHECK(text.find("\"levels\": {}") != std::string::npos);
    CHECK(text.back() == '\n');
}

TEST_CASE("workshop: references resolve whatever the order of the lists", "[workshop]") {
    const core::Workshop ws = docs::parse_workshop(kOutOfOrder, "ws.json");
    CHECK(ws.ideas.at(0).owner == "p1");
    CHECK(ws.scores.at(0).value == 4);
    CHECK(ws.info.language == "nl");

    const std::string owner = replace_once(kOutOfOrder, "\"owner\": \"p1\"", "\"owner\": \"p9\"");
    CHECK(workshop_error(owner) == at(owner, "\"p9\"", 0, "ideas[0].owner: no participant has id \"p9\""));
    const std::string rater = replace_once(kOutOfOrder, "\"rater\": \"p1\"", "\"rater\": \"p2\"");
    CHECK(workshop_error(rater) == at(rater, "\"p2\"", 0, "scores[0].rater: no participant has id \"p2\""));
    const std::string value = replace_once(kOutOfOrder, "\"value\": 4", "\"value\": 9");
    CHECK(workshop_error(value) ==
          at(value, "9}", 0, "scores[0].value: must be a whole number from 1 to 5 (the scale of \"c\"), found 9"));
    const std::string huge = replace_once(kOutOfOrder, "\"value\": 4", "\"value\": 3000000000");
    CHECK(workshop_error(huge) ==
          at(huge, "3000000000", 0,
             "scores[0].value: must be a whole number from 1 to 5 (the scale of \"c\"), found 3000000000"));
    const std::string too_big = replace_once(kOutOfOrder, "\"value\": 4", "\"value\": 99999999999999999999");
    CHECK(workshop_error(too_big) ==
          at(too_big, "99999999999999999999", 0, "scores[0].value: number 99999999999999999999 is out of range"));
}

TEST_CASE("workshop: each invalid test document fails at its first fault", "[workshop]") {
    struct Case {
        const char* file;
        const char* expected;  // after "FILE:"
    };
    const Case cases[] = {
        {"invalid-syntax.json", "336:3: participants[4]: expected an object, found ']'"},
        {"invalid-format.json", "2:13: format: must be \"pilotdeck-workshop\", found \"pilotdeck-template\""},
        {"invalid-stage-kind.json",
         "26:15: stages[1].kind: must be intro, concerns, ideas, scoring, matrix, shortlist, teams, work, pitches, judging, awards or review, found \"break\""},
        {"invalid-weight.json", "179:17: criteria[2].weight: must be greater than 0, found 0"},
        {"invalid-unknown-owner.json", "354:16: ideas[1].owner: no participant has id \"p9\""},
        {"invalid-duplicate-idea-id.json", "372:13: ideas[3].id: duplicate id \"i1\" (first at line 339)"},
        {"invalid-decision-pin.json", "347:16: ideas[0].decision.pin: must be include or exclude, found \"maybe\""},
        {"invalid-unknown-idea.json", "411:15: scores[4].idea: no idea has id \"i99\""},
        {"invalid-unknown-rater.json", "412:16: scores[4].rater: no participant has id \"p99\""},
        {"invalid-unknown-criterion.json", "413:20: scores[4].criterion: no criterion has id \"privacy\""},
        {"invalid-score-out-of-range.json",
         "414:16: scores[4].value: must be a whole number from 1 to 5 (the scale of \"ai_act\"), found 6"},
        {"invalid-score-not-integer.json", "414:16: scores[4].value: expected a whole number, found 3.5"},
        {"invalid-duplicate-score.json",
         "662:5: scores[46]: duplicate score for idea \"i1\", rater \"p1\", criterion \"ai_act\" (first at line 410)"},
    };
    for (const Case& c : cases) {
        const std::string path = std::string(PILOTDECK_TEST_DATA) + "/" + c.file;
        CHECK(error_of([&] { docs::load_workshop(path); }) == path + ":" + c.expected);
    }
}

TEST_CASE("workshop: a duplicate score is reported at its first repetition", "[workshop]") {
    std::string text = kOutOfOrder;
    const std::string score = R"({"idea": "i1", "rater": "p1", "criterion": "c", "value": 4})";
    text = replace_once(text, score, score + ",\n  " + R"({"idea": "i1", "rater": "p1", "criterion": "c", "value": 2})");
    CHECK(workshop_error(text) ==
          "ws.json:4:3: scores[1]: duplicate score for idea \"i1\", rater \"p1\", criterion \"c\" (first at line 3)");
}

TEST_CASE("workshop: fields of people, ideas and the workshop itself", "[workshop]") {
    const std::string date = replace_once(kOutOfOrder, "\"title\": \"T\",", "\"title\": \"T\", \"date\": \"2026-02-30\",");
    CHECK(workshop_error(date) ==
          at(date, "\"2026-02-30\"", 0, "date: must be a real date written YYYY-MM-DD (or \"\"), found \"2026-02-30\""));
    for (const char* good : {"2024-02-29", "2026-12-31", ""})
        CHECK(workshop_error(replace_once(kOutOfOrder, "\"title\": \"T\",",
                                          std::string("\"title\": \"T\", \"date\": \"") + good + "\",")) == "(no error)");
    for (const char* bad : {"2023-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-00", "2026/01/01"})
        CHECK(workshop_error(replace_once(kOutOfOrder, "\"title\": \"T\",",
                                          std::string("\"title\": \"T\", \"date\": \"") + bad + "\",")) != "(no error)");

    const std::string role = replace_once(kOutOfOrder, "\"name\": \"Ann\"", "\"name\": \"Ann\", \"role\": \"boss\"");
    CHECK(workshop_error(role) ==
          at(role, "\"boss\"", 0,
             "participants[0].role: must be user, champion, decider, developer or jury, found \"boss\""));

    const std::string untitled = replace_once(kOutOfOrder, "\"title\": \"Idea\"", "\"title\": \"\"");
    CHECK(workshop_error(untitled) == at(untitled, "\"\", \"owner\"", 0, "ideas[0].title: must not be empty"));
    const std::string long_title =
        replace_once(kOutOfOrder, "\"title\": \"Idea\"", "\"title\": \"" + std::string(201, 'x') + "\"");
    CHECK(workshop_error(long_title) ==
          at(long_title, "\"xxx", 0, "ideas[0].title: must be at most 200 characters, found 201"));
    // 200 characters of two bytes each are fine: the limit counts characters.
    std::string accents;
    for (int i = 0; i < 200; ++i) accents += "\xC3\xA9";
    CHECK(workshop_error(replace_once(kOutOfOrder, "\"title\": \"Idea\"", "\"title\": \"" + accents + "\"")) ==
          "(no error)");

    const std::string count = replace_once(kOutOfOrder, "\"stages\"",
                                           "\"concerns\": [{\"id\": \"jobs\", \"label\": \"J\", \"response\": \"R\", "
                                           "\"count\": -2}],\n \"stages\"");
    CHECK(workshop_error(count) == at(count, "-2", 0, "concerns[0].count: must be a whole number from 0 to 2147483647, found -2"));

    const std::string score_typo = replace_once(kOutOfOrder, "\"value\": 4", "\"valeu\": 4");
    CHECK(workshop_error(score_typo) ==
          at(score_typo, "\"valeu\"", 0, "scores[0].valeu: unknown field \"valeu\" (did you mean \"value\"?)"));
    const std::string no_value = replace_once(kOutOfOrder, ", \"value\": 4", "");
    CHECK(workshop_error(no_value) == at(no_value, "{\"idea\"", 0, "scores[0]: missing field \"value\""));
    const std::string no_title = replace_once(kOutOfOrder, "\"title\": \"T\", ", "");
    CHECK(workshop_error(no_title) == "ws.json:1:1: (document): missing field \"title\"");
}

TEST_CASE("workshop: byte-order mark accepted, trailing text refused", "[workshop]") {
    CHECK(workshop_error("\xEF\xBB\xBF" + kOutOfOrder) == "(no error)");
    const std::string trailing = kOutOfOrder + "]";
    CHECK(workshop_error(trailing) == "ws.json:8:1: (document): unexpected text after the end of the document: ']'");
    CHECK(workshop_error("[]") == "ws.json:1:1: (document): expected an object, found an array");
}

TEST_CASE("workshop: a newer version is named before other faults", "[workshop]") {
    std::string newer = replace_once(kOutOfOrder, "\"version\": 1", "\"version\": 3");
    newer = replace_once(newer, "\"participants\"", "\"participants_v3\"");
    CHECK(workshop_error(newer) ==
          at(newer, "3, \"title\"", 0, "version: made by a newer pilotdeck (version 3); this one reads versions 1 and 2"));
}

TEST_CASE("workshop: 2,000 ideas x 20 raters x 9 criteria read back exactly", "[workshop][big]") {
    const core::Workshop ws = generated_workshop(2000, 20, 9);
    const std::string text = docs::write_workshop(ws);
    const core::Workshop back = docs::parse_workshop(text, "big.json");
    REQUIRE(back.scores.size() == 360000);
    CHECK(back.scores[123456] == ws.scores[123456]);
    CHECK(back == ws);

    // A duplicate at the very end is still found, and pointed at.
    std::string doubled = text;
    const std::string last_score = R"({"idea": "i1999", "rater": "p19", "criterion": "criterion_8", "value": )";
    const std::size_t end = doubled.rfind("\n  ]");
    doubled.insert(end, ",\n    {\"idea\": \"i0\", \"rater\": \"p0\", \"criterion\": \"criterion_0\", \"value\": 1}");
    const std::string error = workshop_error(doubled);
    CHECK(error.find(": scores[360000]: duplicate score for idea \"i0\", rater \"p0\", criterion \"criterion_0\"") !=
          std::string::npos);
    CHECK(doubled.find(last_score) != std::string::npos);
}
