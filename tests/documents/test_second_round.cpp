// Version 2 of workshop documents: screening answers and gates (contracts 7), consensus values
// (5b), rounds and the score history (9); shortlist version 2; the shipped obligations.
#include <catch2/catch.hpp>

#include <string>

#include "core/aggregate.hpp"
#include "core/screening.hpp"
#include "core/selection.hpp"
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

const std::string kV2 = R"({"format": "pilotdeck-workshop", "version": 2, "title": "T", "language": "en",
 "stages": [{"id": "s", "kind": "intro", "title": "S", "minutes": 5, "goal": "", "prompts": []}],
 "criteria": [{"id": "b", "label": "B", "axis": "benefit", "weight": 1, "min": 1, "max": 5, "help": "", "levels": {}},
              {"id": "r", "label": "R", "axis": "risk", "weight": 1, "min": 1, "max": 5, "help": "", "levels": {}},
              {"id": "v", "label": "V", "axis": "visibility", "weight": 1, "min": 1, "max": 5, "help": "", "levels": {}}],
 "selection": {"max_risk": 2.5, "min_visibility": 3.5, "min_raters": 3, "size": 3, "max_per_department": 1,
               "gates": {"high_risk": "allow", "unassessed": "exclude"}},
 "participants": [{"id": "p1", "name": "Ann"}, {"id": "p2", "name": "Bo"}],
 "ideas": [{"id": "i1", "title": "Screened", "assessment": {"P1": false, "H4": true, "E": true, "F": null, "T1": true, "D7": true, "notes": "asked HR"}},
           {"id": "i2", "title": "Agreed", "assessment": null},
           {"id": "i3", "title": "Plain"}],
 "scores": [{"idea": "i1", "rater": "p1", "criterion": "b", "value": 4, "round": 2},
            {"idea": "i1", "rater": "p2", "criterion": "b", "value": 2},
            {"idea": "i2", "criterion": "b", "value": 4, "consensus": true},
            {"idea": "i2", "criterion": "r", "value": 2, "consensus": true},
            {"idea": "i2", "criterion": "v", "value": 4, "consensus": true}],
 "score_history": [{"idea": "i1", "rater": "p1", "criterion": "b", "value": 1, "round": 1, "reason": "I misread the scale"}],
 "revote": {"round": 2, "cells": [{"idea": "i1", "criterion": "b"}]}}
)";

}  // namespace

TEST_CASE("version 2: screening, gates, consensus, rounds and history read and write back", "[second-round]") {
    const core::Workshop ws = docs::parse_workshop(kV2, "ws.json");
    CHECK(ws.selection.allow_high_risk);
    CHECK_FALSE(ws.selection.allow_unassessed);
    REQUIRE(ws.ideas[0].assessment);
    CHECK(ws.ideas[0].assessment->answers.size() == 5);  // F is null: not answered
    CHECK(ws.ideas[0].assessment->answers.get("H4") == true);
    CHECK(ws.ideas[0].assessment->notes == "asked HR");
    CHECK_FALSE(ws.ideas[1].assessment);
    CHECK(ws.scores[0].round == 2);
    CHECK(ws.scores[1].round == 1);
    CHECK(ws.scores[2].consensus);
    CHECK(ws.scores[2].rater.empty());
    REQUIRE(ws.score_history.size() == 1);
    CHECK(ws.score_history[0].reason == "I misread the scale");
    REQUIRE(ws.revote);
    CHECK(ws.revote->round == 2);
    CHECK(ws.revote->cells == std::vector<core::RevoteCell>{{"i1", "b"}});

    const std::string out = docs::write_workshop(ws);
    CHECK(out.find("\"version\": 2") != std::string::npos);
    CHECK(out.find(R"({"idea": "i2", "criterion": "b", "value": 4, "consensus": true})") != std::string::npos);
    CHECK(out.find(R"({"idea": "i1", "rater": "p1", "criterion": "b", "value": 4, "round": 2})") != std::string::npos);
    CHECK(out.find(R"("gates": {"high_risk": "allow", "unassessed": "exclude"})") != std::string::npos);
    CHECK(out.find(R"("F": null)") != std::string::npos);
    const core::Workshop again = docs::parse_workshop(out, "out.json");
    CHECK(again == ws);
    CHECK(docs::write_workshop(again) == out);
}

TEST_CASE("version 1 documents still import, with the default gates", "[second-round]") {
    const core::Workshop ws = docs::load_workshop(std::string(PILOTDECK_TEST_DATA) + "/small-workshop.json");
    CHECK_FALSE(ws.selection.allow_high_risk);
    CHECK(ws.selection.allow_unassessed);
    CHECK(docs::write_workshop(ws).find("\"version\": 2,") != std::string::npos);
}

TEST_CASE("version 2: each fault is one line with its JSON path", "[second-round]") {
    const std::string unknown = replace_once(kV2, "\"H4\": true", "\"H9\": true");
    CHECK(workshop_error(unknown) ==
          at(unknown, "\"H9\"", 0,
             "ideas[0].assessment.H9: unknown screening question \"H9\" (the questions are P1-P8, H1-H8, E, F, T1-T4, "
             "D1-D9, S and A)"));
    const std::string yes = replace_once(kV2, "\"H4\": true", "\"H4\": \"yes\"");
    CHECK(workshop_error(yes) == at(yes, "\"yes\"", 0, "ideas[0].assessment.H4: must be true, false or null (not answered)"));
    const std::string one = replace_once(kV2, "\"P1\": false", "\"P1\": 1");
    CHECK(workshop_error(one) == at(one, "1, \"H4\"", 0, "ideas[0].assessment.P1: must be true, false or null (not answered)"));
    const std::string gate = replace_once(kV2, "\"high_risk\": \"allow\"", "\"high_risk\": \"maybe\"");
    CHECK(workshop_error(gate) ==
          at(gate, "\"maybe\"", 0, "selection.gates.high_risk: must be \"exclude\" or \"allow\", found \"maybe\""));
    const std::string rater = replace_once(kV2, "{\"idea\": \"i2\", \"criterion\": \"b\"", "{\"idea\": \"i2\", \"rater\": \"p1\", \"criterion\": \"b\"");
    CHECK(workshop_error(rater) ==
          at(rater, "\"p1\", \"criterion\": \"b\", \"value\": 4, \"consensus\"", 0,
             "scores[2].rater: a team consensus value (\"consensus\": true) has no rater"));
    const std::string twice = replace_once(kV2, "\"criterion\": \"r\", \"value\": 2, \"consensus\"", "\"criterion\": \"b\", \"value\": 2, \"consensus\"");
    CHECK(workshop_error(twice) ==
          at(twice, "{\"idea\": \"i2\", \"criterion\": \"b\", \"value\": 2", 0,
             "scores[3]: a second team consensus value for idea \"i2\", criterion \"b\" (first at line 14)"));
    const std::string no_rater = replace_once(kV2, ", \"value\": 4, \"consensus\": true}", ", \"value\": 4}");
    CHECK(workshop_error(no_rater) ==
          at(no_rater, "{\"idea\": \"i2\", \"criterion\": \"b\"", 0,
             "scores[2]: missing field \"rater\" (only a team consensus value, \"consensus\": true, has none)"));
    const std::string round = replace_once(kV2, "\"round\": 2", "\"round\": 0");
    CHECK(workshop_error(round) == at(round, "0}", 0, "scores[0].round: must be a whole number from 1 to 1000, found 0"));
    const std::string reason = replace_once(kV2, "I misread the scale", std::string(281, 'x'));
    CHECK(workshop_error(reason) ==
          at(reason, "\"xxx", 0, "score_history[0].reason: a reason is one line of at most 280 characters, found 281"));
    const std::string off = replace_once(kV2, "\"value\": 1, \"round\": 1", "\"value\": 7, \"round\": 1");
    CHECK(workshop_error(off) ==
          at(off, "7, \"round\": 1", 0, "score_history[0].value: must be a whole number from 1 to 5 (the scale of \"b\"), found 7"));
    const std::string who = replace_once(kV2, "\"rater\": \"p1\", \"criterion\": \"b\", \"value\": 1", "\"rater\": \"p9\", \"criterion\": \"b\", \"value\": 1");
    CHECK(workshop_error(who) == at(who, "\"p9\"", 0, "score_history[0].rater: no participant has id \"p9\""));
    const std::string cell = replace_once(kV2, "\"cells\": [{\"idea\": \"i1\"", "\"cells\": [{\"idea\": \"i7\"");
    CHECK(workshop_error(cell) == at(cell, "\"i7\"", 0, "revote.cells[0].idea: no idea has id \"i7\""));
    const std::string first = replace_once(kV2, "\"revote\": {\"round\": 2", "\"revote\": {\"round\": 1");
    CHECK(workshop_error(first) == at(first, "1, \"cells\"", 0, "revote.round: must be a whole number from 2 to 1000, found 1"));
}

TEST_CASE("shortlist version 2: ai_act, dpia, obligations from the shipped catalogue, consensus", "[second-round]") {
    const core::ObligationCatalogue cat = docs::load_obligations(std::string(PILOTDECK_SOURCE_DIR) + "/assets/ai-act-obligations.json");
    CHECK(cat.checked.size() == 10);
    CHECK(cat.notes.size() >= 2);
    CHECK(cat.notes[1].find("not law until") != std::string::npos);
    core::Workshop ws = docs::parse_workshop(kV2, "ws.json");
    ws.selection.min_raters = 2;
    ws.selection.max_risk = 5;
    ws.selection.min_visibility = 0;
    ws.scores.push_back({"i1", "p1", "r", 1});
    ws.scores.push_back({"i1", "p1", "v", 4});
    core::Assessment all_no;
    for (std::string_view q : core::screening_questions()) all_no.answers.set(q, false);
    ws.ideas[1].assessment = all_no;
    const auto results = core::summarize(ws.ideas, ws.criteria, core::Aggregates::from_scores(ws.scores));
    const auto sel = core::select_pilots(ws.ideas, results, ws.selection);
    const std::string out = docs::write_shortlist({ws, results, sel, ws.selection, &cat});
    INFO(out);
    CHECK(out.find("\"version\": 2") != std::string::npos);
    CHECK(out.find("\"ai_act\": \"high-risk\",\n      \"dpia\": \"recommended\"") != std::string::npos);
    CHECK(out.find("\"consensus\": true,\n      \"criteria\"") != std::string::npos);
    CHECK(out.find("Plan human oversight") != std::string::npos);
    CHECK(out.find("Tell people that they deal with an AI system") != std::string::npos);
    CHECK(out.find("works council") != std::string::npos);
    CHECK(out.find("not legal advice") != std::string::npos);
    CHECK(out.find("\"obligations_checked\": \"" + cat.checked + "\"") != std::string::npos);
    CHECK(out.find("\"code\": \"unassessed\"") != std::string::npos);  // i3, gate unassessed exclude
    const std::string bad = replace_once(source_file("assets/ai-act-obligations.json"), "\"high-risk\"]", "\"risky\"]");
    CHECK(error_of([&] { docs::parse_obligations(bad, "o.json"); }).find("must be an AI Act class, found \"risky\"") !=
          std::string::npos);
}
