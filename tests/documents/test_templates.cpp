#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "doc_test_support.hpp"
#include "documents/documents.hpp"
#include "support/temp_dir.hpp"

namespace docs = pilotdeck::documents;
namespace core = pilotdeck::core;
using pilotdeck::test::error_of;
using pilotdeck::test::position_of;
using pilotdeck::test::replace_once;
using pilotdeck::test::source_file;

namespace {

const std::string kTemplatePath = "workshop_templates/use-case-workshop.json";

std::string template_error(const std::string& text) {
    return error_of([&] { docs::parse_template(text, "t.json"); });
}

std::string at(const std::string& text, const std::string& marker, std::size_t shift, const std::string& rest,
               const std::string& after = {}) {
    return pilotdeck::test::fault("t.json", text, marker, shift, rest, after);
}

// A small valid template, written compactly so that each test can change one thing.
const std::string kMinimal = R"({
  "format": "pilotdeck-template", "version": 1, "id": "mini", "name": "Mini", "language": "en-GB",
  "description": "",
  "stages": [{"id": "s1", "kind": "scoring", "title": "Score", "minutes": 10, "goal": "", "prompts": ["a"]}],
  "concerns": [{"id": "jobs", "label": "Jobs", "response": "Honest answer"}],
  "criteria": [{"id": "gain", "label": "Gain", "axis": "benefit", "weight": 1.5, "min": 1, "max": 3, "help": "",
                "levels": {"1": "low", "2": "mid", "3": "high"}}],
  "selection": {"max_risk": 2.5, "min_visibility": 3.5, "min_raters": 3, "size": 3, "max_per_department": 1}
})";

}  // namespace

TEST_CASE("templates: every shipped template parses", "[templates]") {
    const auto entries = docs::scan_templates(std::string(PILOTDECK_SOURCE_DIR) + "/workshop_templates");
    REQUIRE(entries.size() >= 3);
    std::set<std::string> ids;
    for (const auto& e : entries) {
        INFO(e.path << ": " << e.error);
        REQUIRE(e.tmpl.has_value());
        CHECK(e.error.empty());
        CHECK(ids.insert(e.tmpl->id).second);
        CHECK(!e.tmpl->stages.empty());
        CHECK(!e.tmpl->criteria.empty());
    }
    CHECK(ids.count("use-case-workshop") == 1);
}

TEST_CASE("templates: the English use-case workshop reads as written", "[templates]") {
    const core::Template t = docs::load_template(std::string(PILOTDECK_SOURCE_DIR) + "/" + kTemplatePath);
    CHECK(t.id == "use-case-workshop");
    CHECK(t.language == "en");
    REQUIRE(t.criteria.size() >= 3);
    CHECK(t.criteria[0].id == "time_saved");
    CHECK(t.criteria[0].weight == 2.0);
    CHECK(t.criteria[0].levels.size() == 5);
    CHECK(t.criteria[0].levels.at(2) == "1\xE2\x80\x93" "3 hours per week across the team");
    CHECK(t.selection.max_risk == 2.5);
    CHECK(t.concerns.at(0).count == 0);
}

TEST_CASE("templates: the minimal template parses with every field", "[templates]") {
    const core::Template t = docs::parse_template(kMinimal, "t.json");
    CHECK(t.id == "mini");
    CHECK(t.language == "en-GB");
    CHECK(t.stages.at(0).kind == core::StageKind::Scoring);
    CHECK(t.stages.at(0).prompts == std::vector<std::string>{"a"});
    CHECK(t.concerns.at(0).response == "Honest answer");
    CHECK(t.criteria.at(0).weight == 1.5);
    CHECK(t.criteria.at(0).levels.at(3) == "high");
}

TEST_CASE("templates: wrong format and versions", "[templates]") {
    const std::string text = source_file(kTemplatePath);
    const std::string format = replace_once(text, "\"pilotdeck-template\"", "\"pilotdeck-workshop\"");
    CHECK(template_error(format) ==
          at(format, "\"pilotdeck-workshop\"", 0, "format: must be \"pilotdeck-template\", found \"pilotdeck-workshop\""));

    const std::string zero = replace_once(text, "\"version\": 1", "\"version\": 0");
    CHECK(template_error(zero) == at(zero, "\"version\": 0", 11, "version: must be 1 or 2, found 0"));

    // A newer version is named even when an unknown field comes before it.
    std::string newer = replace_once(text, "\"version\": 1", "\"version\": 3");
    newer = replace_once(newer, "\"format\"", "\"future_field\": true, \"format\"");
    CHECK(template_error(newer) ==
          at(newer, "\"version\": 3", 11,
             "version: made by a newer pilotdeck (version 3); this one reads versions 1 and 2"));
}

TEST_CASE("templates: unknown and missing fields", "[templates]") {
    const std::string text = source_file(kTemplatePath);
    const std::string typo = replace_once(text, "\"minutes\": 20", "\"minuts\": 20");
    CHECK(template_error(typo) ==
          at(typo, "\"minuts\"", 0, "stages[0].minuts: unknown field \"minuts\" (did you mean \"minutes\"?)"));

    const std::string counted = replace_once(text, "\"id\": \"jobs\",", "\"id\": \"jobs\", \"count\": 3,");
    CHECK(template_error(counted) == at(counted, "\"count\"", 0, "concerns[0].count: unknown field \"count\""));

    const std::string no_weight = replace_once(text, "\"weight\": 2,\n      ", "");
    CHECK(template_error(no_weight) ==
          at(no_weight, "{", 0, "criteria[0]: missing field \"weight\"", "\"criteria\": ["));

    const std::string no_selection = replace_once(
        kMinimal,
        ",\n  \"selection\": {\"max_risk\": 2.5, \"min_visibility\": 3.5, \"min_raters\": 3, \"size\": 3, "
        "\"max_per_department\": 1}",
        "");
    CHECK(template_error(no_selection) == "t.json:1:1: (document): missing field \"selection\"");
}

TEST_CASE("templates: criterion weight must be greater than 0", "[templates]") {
    const std::string text = source_file(kTemplatePath);
    const std::string after = "\"id\": \"routine_relief\"";
    const std::string zero = replace_once(text, "\"weight\": 1", "\"weight\": 0", after);
    CHECK(template_error(zero) ==
          at(zero, "\"weight\": 0", 10, "criteria[2].weight: must be greater than 0, found 0", after));
    const std::string negative = replace_once(text, "\"weight\": 1", "\"weight\": -1", after);
    CHECK(template_error(negative) ==
          at(negative, "\"weight\": -1", 10, "criteria[2].weight: must be greater than 0, found -1", after));
    const std::string huge = replace_once(text, "\"weight\": 1", "\"weight\": 1e400", after);
    CHECK(template_error(huge) == at(huge, "\"weight\": 1e400", 10, "criteria[2].weight: number 1e400 is out of range", after));
    const std::string text_weight = replace_once(text, "\"weight\": 1", "\"weight\": \"1\"", after);
    CHECK(template_error(text_weight) ==
          at(text_weight, "\"weight\": \"1\"", 10, "criteria[2].weight: expected a number, found a string", after));
}

TEST_CASE("templates: scales and their levels", "[templates]") {
    const std::string text = source_file(kTemplatePath);
    const std::string outside = replace_once(text, "\"5\": \"More than 20", "\"7\": \"More than 20");
    CHECK(template_error(outside) ==
          at(outside, "\"7\": \"More", 0, "criteria[0].levels: levels key \"7\" is outside 1..5"));

    const std::string swapped = replace_once(text, "\"min\": 1,\n      \"max\": 5", "\"min\": 5,\n      \"max\": 1");
    CHECK(template_error(swapped) ==
          at(swapped, "{", 0, "criteria[0]: min must be less than max, found min 5 and max 1", "\"criteria\": ["));

    const std::string few = replace_once(kMinimal, R"({"1": "low", "2": "mid", "3": "high"})", R"({"1": "low", "3": "high"})");
    CHECK(template_error(few) ==
          at(few, "{\"1\": \"low\"", 0, "criteria[0].levels: must describe at least 3 levels, found 2"));

    const std::string word_key = replace_once(kMinimal, R"("2": "mid")", R"("two": "mid")");
    CHECK(template_error(word_key) ==
          at(word_key, "\"two\"", 0, "criteria[0].levels.two: levels key \"two\" is not a whole number like \"3\""));

    const std::string wide = replace_once(kMinimal, "\"max\": 3", "\"max\": 1001");
    CHECK(template_error(wide) ==
          at(wide, "1001", 0, "criteria[0].max: must be a whole number from -1000 to 1000, found 1001"));

    const std::string axis = replace_once(kMinimal, "\"benefit\"", "\"cost\"");
    CHECK(template_error(axis) ==
          at(axis, "\"cost\"", 0, "criteria[0].axis: must be benefit, risk or visibility, found \"cost\""));
}

TEST_CASE("templates: stages", "[templates]") {
    const std::string empty = replace_once(kMinimal, R"([{"id": "s1", "kind": "scoring", "title": "Score", "minutes": 10, "goal": "", "prompts": ["a"]}])", "[]");
    CHECK(template_error(empty) == at(empty, "[]", 0, "stages: must list at least one stage"));

    const std::string kind = replace_once(kMinimal, "\"scoring\"", "\"outro\"");
    CHECK(template_error(kind) ==
          at(kind, "\"outro\"", 0,
             "stages[0].kind: must be intro, concerns, ideas, scoring, matrix, shortlist, teams, work, pitches, judging, awards or review, found \"outro\""));

    const std::string long_stage = replace_once(kMinimal, "\"minutes\": 10", "\"minutes\": 601");
    CHECK(template_error(long_stage) ==
          at(long_stage, "601", 0, "stages[0].minutes: must be a whole number from 0 to 600, found 601"));
    const std::string fraction = replace_once(kMinimal, "\"minutes\": 10", "\"minutes\": 10.5");
    CHECK(template_error(fraction) == at(fraction, "10.5", 0, "stages[0].minutes: expected a whole number, found 10.5"));

    const std::string prompts = replace_once(kMinimal, "[\"a\"]", "[\"a\", 2]");
    CHECK(template_error(prompts) == at(prompts, "2]", 0, "stages[0].prompts[1]: expected a string, found a number"));

    const std::string text = source_file(kTemplatePath);
    const std::string duplicate = replace_once(text, "\"id\": \"worries\"", "\"id\": \"welcome\"");
    const std::string first = position_of(text, "\"welcome\"");
    const std::string first_line = first.substr(0, first.find(':'));
    CHECK(template_error(duplicate) == at(duplicate, "\"welcome\"", 0,
                                          "stages[1].id: duplicate id \"welcome\" (first at line " + first_line + ")",
                                          "\"kind\": \"intro\""));
}

TEST_CASE("templates: ids, language and selection", "[templates]") {
    const std::string id = replace_once(kMinimal, "\"mini\"", "\"Mini Workshop\"");
    CHECK(template_error(id) ==
          at(id, "\"Mini Workshop\"", 0,
             "id: a template id must be lower-case letters, digits and '-', found \"Mini Workshop\""));

    const std::string criterion_id = replace_once(kMinimal, "\"gain\"", "\"Gain!\"");
    CHECK(template_error(criterion_id) ==
          at(criterion_id, "\"Gain!\"", 0,
             "criteria[0].id: an id must be 1 to 64 lower-case letters, digits, '-' or '_', found \"Gain!\""));

    const std::string language = replace_once(kMinimal, "\"en-GB\"", "\"english\"");
    CHECK(template_error(language) ==
          at(language, "\"english\"", 0,
             "language: must be a language tag such as \"en\" or \"nl-BE\", found \"english\""));
    for (const char* good : {"nl", "en-GB", "zh-Hant-TW", "fil"}) {
        CHECK(template_error(replace_once(kMinimal, "\"en-GB\"", std::string("\"") + good + "\"")) == "(no error)");
    }
    for (const char* bad : {"", "e", "en-", "en_GB", "en-toolongsubtag"}) {
        CHECK(template_error(replace_once(kMinimal, "\"en-GB\"", std::string("\"") + bad + "\"")) != "(no error)");
    }

    const std::string size = replace_once(kMinimal, "\"size\": 3", "\"size\": 0");
    CHECK(template_error(size) == at(size, "\"size\": 0", 8, "selection.size: must be a whole number from 1 to 100000, found 0"));
    const std::string raters = replace_once(kMinimal, "\"min_raters\": 3", "\"min_raters\": -1");
    CHECK(template_error(raters) ==
          at(raters, "-1", 0, "selection.min_raters: must be a whole number from 0 to 100000, found -1"));
}

TEST_CASE("templates: raw bytes that are not UTF-8 are refused", "[templates]") {
    const std::string bad = replace_once(kMinimal, "\"Mini\"", "\"Mi\xE9ni\"");
    CHECK(template_error(bad) == at(bad, "\xE9", 0, "name: invalid UTF-8 in a string (byte 0xE9)"));
}

TEST_CASE("templates: a syntax error names line and column", "[templates]") {
    const std::string text = source_file(kTemplatePath);
    const std::string bad = replace_once(text, "\"minutes\": 20,", "\"minutes\": 20");
    CHECK(template_error(bad) ==
          at(bad, "\"goal\"", 0, "stages[0]: expected ',' or '}' after an object member, found a string"));
}

TEST_CASE("templates: scan_templates keeps each file's error and sorts by name", "[templates]") {
    pilotdeck::test::TempDir dir;
    pilotdeck::test::write_all(dir.file("b.json"), kMinimal);
    pilotdeck::test::write_all(dir.file("a.json"), replace_once(kMinimal, "\"en-GB\"", "\"english\""));
    pilotdeck::test::write_all(dir.file("notes.txt"), "not a template");
    const auto entries = docs::scan_templates(dir.path().string());
    REQUIRE(entries.size() == 2);
    CHECK(std::filesystem::path(entries[0].path).filename() == "a.json");
    CHECK(!entries[0].tmpl);
    CHECK(entries[0].error.find("a.json:2:") != std::string::npos);
    CHECK(entries[0].error.find("language: must be a language tag") != std::string::npos);
    CHECK(entries[1].tmpl.has_value());
    CHECK(entries[1].error.empty());

    CHECK(error_of([&] { docs::scan_templates(dir.file("missing")); }) == dir.file("missing") + ": no such folder");
}
