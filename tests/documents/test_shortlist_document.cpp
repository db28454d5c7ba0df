#include <catch2/catch.hpp>

#include <string>

#include "core/aggregate.hpp"
#include "core/selection.hpp"
#include "doc_test_support.hpp"
#include "documents/documents.hpp"
#include "documents/json_reader.hpp"

namespace docs = pilotdeck::documents;
namespace core = pilotdeck::core;

TEST_CASE("shortlist: the document of contracts.md section 4, exactly", "[shortlist]") {
    core::Workshop ws;
    ws.info = {"Kick-off", "Acme B.V.", "2026-11-02", "Fa Cilitator", "en", "use-case-workshop"};
    ws.participants = {{"p1", "Ann de Vries", "Sales", core::Role::Champion}, {"p2", "Secret Rater", "IT", core::Role::User}};
    core::Idea drafts;
    drafts.id = "i7";
    drafts.title = "Draft replies";
    drafts.department = "Customer Service";
    drafts.owner = "p1";
    drafts.success_criteria = "Half the replies drafted in 6 weeks.";
    core::Idea forecast;
    forecast.id = "i3";
    forecast.title = "Forecast \"pallets\"";
    ws.ideas = {drafts, forecast};

    std::vector<core::IdeaResult> results(2);
    results[0].idea = 0;
    results[0].benefit = 4.166666666666667;  // written rounded: 4.17
    results[0].risk = 1.625;
    results[0].visibility = 4.0;
    results[0].raters = 6;
    results[0].quadrant = core::Quadrant::QuickWin;
    results[0].criteria = {{"time_saved", 4.333333333333333, 0.5163977794943222, 6}, {"privacy", 1.5, 0.0, 2}};
    results[1].idea = 1;
    results[1].visibility = 3.4;
    results[1].raters = 1;

    core::Selection selection;
    selection.pilots = {{1, 0, true, "Pinned by the group."}};
    selection.not_selected = {{1, core::Exclusion::Raters, "Only 1 person scored it; 3 are needed."}};
    const core::SelectionRules rules{2.5, 3.5, 3, 3, 1};

    const std::string text = docs::write_shortlist({ws, results, selection, rules});
    CHECK(text ==
          R"({
  "format": "pilotdeck-shortlist",
  "version": 2,
  "workshop": {
    "title": "Kick-off",
    "organisation": "Acme B.V.",
    "date": "2026-11-02",
    "template": "use-case-workshop"
  },
  "rules": {
    "max_risk": 2.5,
    "min_visibility": 3.5,
    "min_raters": 3,
    "size": 3,
    "max_per_department": 1,
    "gates": {"high_risk": "exclude", "unassessed": "allow"}
  },
  "screening": {
    "notice": "A first screening to guide the discussion, not legal advice: check the result with your data protection officer or legal counsel before a pilot starts."
  },
  "pilots": [
    {
      "rank": 1,
      "idea": "i7",
      "title": "Draft replies",
      "department": "Customer Service",
      "owner": "Ann de Vries",
      "benefit": 4.17,
      "risk": 1.63,
      "visibility": 4,
      "raters": 6,
      "quadrant": "quick-win",
      "contested": false,
      "pinned": true,
      "criteria": {
        "time_saved": {"mean": 4.33, "sd": 0.52, "n": 6},
        "privacy": {"mean": 1.5, "sd": 0, "n": 2}
      },
      "success_criteria": "Half the replies drafted in 6 weeks.",
      "why": "Pinned by the group.",
      "ai_act": "unassessed",
      "dpia": "unknown",
      "obligations": []
    }
  ],
  "not_selected": [
    {
      "idea": "i3",
      "title": "Forecast \"pallets\"",
      "code": "raters",
      "reason": "Only 1 person scored it; 3 are needed.",
      "ai_act": "unassessed",
      "dpia": "unknown"
    }
  ]
}
)");
    CHECK(text.find("Secret Rater") == std::string::npos);
}

TEST_CASE("shortlist: an idea without scores has null axes, quadrant and an empty owner", "[shortlist]") {
    core::Workshop ws;
    core::Idea idea;
    idea.id = "i1";
    idea.title = "Unscored";
    idea.owner = "p404";  // not a participant: no name to show
    ws.ideas = {idea};
    std::vector<core::IdeaResult> results(1);
    core::Selection selection;
    selection.pilots = {{1, 0, false, "Why not."}};
    const std::string text = docs::write_shortlist({ws, results, selection, core::SelectionRules{}});
    CHECK(text.find("\"owner\": \"\",\n      \"benefit\": null,\n      \"risk\": null,\n      \"visibility\": null,") !=
          std::string::npos);
    CHECK(text.find("\"quadrant\": null,") != std::string::npos);
    CHECK(text.find("\"criteria\": {},") != std::string::npos);
}

TEST_CASE("shortlist: the small workshop's shortlist from the real selection", "[shortlist]") {
    const core::Workshop ws = docs::load_workshop(std::string(PILOTDECK_TEST_DATA) + "/small-workshop.json");
    const auto results = core::summarize(ws.ideas, ws.criteria, core::Aggregates::from_scores(ws.scores));
    const core::Selection selection = core::select_pilots(ws.ideas, results, ws.selection);
    const std::string text = docs::write_shortlist({ws, results, selection, ws.selection});

    // The document reads back as JSON, and lists the pilots the test data expects, i2 then i1.
    docs::JsonReader r(text, "shortlist.json");
    std::vector<std::string> pilots;
    r.object([&](std::string_view key) {
        if (key != "pilots") return;
        r.array([&](std::size_t) {
            r.object([&](std::string_view field) {
                if (field == "idea") pilots.push_back(r.string());
            });
        });
    });
    r.finish();
    CHECK(pilots == std::vector<std::string>{"i2", "i1"});
    CHECK(text.find("\"benefit\": 4.17,") != std::string::npos);
}
