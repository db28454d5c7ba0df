// app/report as a library: what other parts hand it (extra lines per idea, measures of pilots)
// appears in the PDF, read back with pdftotext.
#include <catch2/catch.hpp>

#include <regex>

#include "base/i18n.hpp"
#include "core/aggregate.hpp"
#include "documents/documents.hpp"
#include "report/report.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace core = pilotdeck::core;
namespace i18n = pilotdeck::i18n;
namespace report = pilotdeck::report;

TEST_CASE("extra lines and measures reach the report", "[report][hook]") {
    pilotdeck::test::TempDir dir;
    core::Workshop ws = pilotdeck::documents::load_workshop(std::string(PILOTDECK_SOURCE_DIR) + "/assets/demo-workshop.json");
    const core::Aggregates agg = core::Aggregates::from_scores(ws.scores);
    ws.scores.clear();  // the report never needs them
    const auto results = core::summarize(ws.ideas, ws.criteria, agg);
    const auto sel = core::select_pilots(ws.ideas, results, ws.selection);
    REQUIRE_FALSE(sel.pilots.empty());
    REQUIRE_FALSE(sel.not_selected.empty());
    core::Idea& pilot = ws.ideas[results[sel.pilots[0].result].idea];
    pilot.measures.push_back({"reply", "Median reply time", "h", 8, 4, false, {{"2026-12-10", 5.5}}});
    const std::string other = ws.ideas[results[sel.not_selected[0].result].idea].id;

    i18n::set_language(i18n::Language::Nl);
    report::ReportInput in{ws, results, sel, ws.selection};
    in.extras[pilot.id] = {{"AI Act", "beperkt risico"}, {"DPIA", "nodig"}};
    in.extras[other] = {{"Robuustheid", "blijft buiten de selectie"}};
    const std::string pdf = dir.file("r.pdf");
    report::write_pdf(in, pdf);
    i18n::set_language(i18n::Language::En);

    const auto r = pilotdeck::test::run_program({PILOTDECK_PDFTOTEXT, "-enc", "UTF-8", pdf, "-"});
    REQUIRE(r.status == 0);
    const std::string text = std::regex_replace(r.out, std::regex("\\s+"), " ");
    CHECK(text.find("AI Act: beperkt risico") != std::string::npos);
    CHECK(text.find("DPIA: nodig") != std::string::npos);
    CHECK(text.find("Robuustheid: blijft buiten de selectie") != std::string::npos);
    CHECK(text.find("Meetpunten:") != std::string::npos);
    CHECK(text.find("Median reply time: startwaarde 8 h, doel 4 h, laatste 5,5 h (10 december 2026)") != std::string::npos);
}
