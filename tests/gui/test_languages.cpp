// The presenter's panels in Dutch and German (contracts.md section 10), driven headless: the text
// a frame drew, read back from ImGui's log, is in the language chosen, with its plurals and its
// decimal comma; English again after switching back, at once (no restart, the same atlas).
#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>

#include <string>

#include "base/i18n.hpp"
#include "core/timer.hpp"
#include "documents/documents.hpp"
#include "headless.hpp"
#include <imgui_internal.h>
#include "ui/panels.hpp"
#include "ui/score_display.hpp"
#include "ui/widgets.hpp"

using namespace pilotdeck;

namespace {

using test::InLanguage;

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

core::Workshop data(const char* name) { return documents::load_workshop(std::string(PILOTDECK_TEST_DATA) + "/" + name); }

core::Workshop agenda() {
    core::Workshop ws;
    ws.info.title = "Werkstatt";
    ws.info.facilitator = "Eline";
    ws.stages = {{"a", core::StageKind::Intro, "Willkommen", 15, "Piloten finden", {}},
                 {"b", core::StageKind::Ideas, "Ideen sammeln", 1, "", {}}};
    ws.ideas = {{"i1", "Rechnungsabgleich", "", "", "Finanzen", "", "", std::nullopt}};
    return ws;
}

}  // namespace

TEST_CASE("intro and stage header in German: agenda, goal, minutes, plural") {
    const InLanguage de(i18n::Language::De);
    test::Headless h(agenda());
    const std::string intro = h.text([&] { ui::draw_intro(h.ctx); });
    CHECK(has(intro, "Ziel f\u00FCr heute"));
    CHECK(has(intro, "Ablauf"));
    CHECK(has(intro, "moderiert von Eline"));
    CHECK(has(intro, "15 Min."));
    CHECK(has(intro, "Insgesamt 0:16 Stunden"));
    CHECK_FALSE(has(intro, "Agenda"));
    core::Countdown countdown;
    h.ctx.go_to_stage(1);
    const std::string header = h.text([&] { ui::draw_stage_header(h.ctx, countdown); });
    INFO(header);
    CHECK(has(header, "Abschnitt 2 von 2 \u2014 1 Minute "));
    CHECK(has(header, "Zeit \u00FCberschritten"));
    CHECK(has(header, "Zur\u00FCcksetzen"));
}

TEST_CASE("ideas in Dutch: the list's heading with the Dutch plural, the filter, the empty details") {
    const InLanguage nl(i18n::Language::Nl);
    core::Workshop ws = agenda();
    test::Headless one(ws);
    CHECK(has(one.text([&] { ui::draw_ideas(one.ctx); }), "1 idee\n"));
    ws.ideas.push_back({"i2", "Postsortering", "", "", "", "", "", std::nullopt});
    test::Headless two(ws);
    const std::string text = two.text([&] { ui::draw_ideas(two.ctx); });
    CHECK(has(text, "2 idee\u00EBn"));
    CHECK(has(text, "Alle afdelingen"));
    CHECK(has(text, "Kies een idee"));
}

TEST_CASE("pilot review in German and Dutch: decimal comma, German words; English again at once") {
    test::Headless h(data("followup-workshop.json"));
    auto draw = [&] { ui::draw_review(h.ctx); };
    h.frame(draw);
    h.press(GLFW_KEY_DOWN, draw);  // the second pilot: its latest value is 4.2
    {
        const InLanguage de(i18n::Language::De);
        const std::string text = h.text(draw);
        CHECK(has(text, "Zuletzt: 4,2 score am 2027-01-15; h\u00F6her ist besser"));
        CHECK(has(text, "Ausrollen (S)"));
        CHECK(has(text, "Nachsteuern (A)"));
        CHECK(has(text, "ausgerollt"));
        CHECK_FALSE(has(text, "4.2 score"));
    }
    {
        const InLanguage nl(i18n::Language::Nl);
        const std::string text = h.text(draw);
        CHECK(has(text, "Laatst: 4,2 score op 2027-01-15; hoger is beter"));
        CHECK(has(text, "Opschalen (S)"));
    }
    const std::string english = h.text(draw);  // the next frame after the switch back
    CHECK(has(english, "Latest: 4.2 score on 2027-01-15; higher is better"));
}

TEST_CASE("scores for people: a decimal comma in German and Dutch, a point in English") {
    core::IdeaResult r;
    r.benefit = 4.25;
    r.risk = 1.5;
    r.visibility = 3.0;
    r.raters = 1;
    test::Headless h(agenda());
    auto draw = [&] { ui::axis_scores_line(h.ctx, r); };
    {
        const InLanguage de(i18n::Language::De);
        const std::string text = h.text(draw);
        CHECK(has(text, "Nutzen 4,25   Risiko 1,50   Sichtbarkeit 3,00   1 Person"));
    }
    {
        const InLanguage nl(i18n::Language::Nl);
        CHECK(has(h.text(draw), "Nut 4,25   Risico 1,50   Zichtbaarheid 3,00   1 beoordelaar"));
    }
    CHECK(has(h.text(draw), "Benefit 4.25   Risk 1.50   Visibility 3.00   1 rater"));
}

TEST_CASE("hackathon stages in German: teams, judging and pitches") {
    const InLanguage de(i18n::Language::De);
    test::Headless h(data("hackathon-workshop.json"));
    const std::string teams = h.text([&] { ui::draw_teams(h.ctx); });
    CHECK(has(teams, "4 Teams"));
    CHECK(has(teams, "Mitglieder"));
    CHECK(has(teams, "Tisch A1"));
    CHECK(has(teams, "eine Abteilung"));
    const std::string judging = h.text([&] { ui::draw_judging(h.ctx); });
    CHECK(has(judging, "Jurymitglied"));
    CHECK(has(judging, "Befangenheiten"));
    CHECK(has(judging, "befangen bei 1 Team"));
    const std::string pitches = h.text([&] { ui::draw_pitches(h.ctx); });
    CHECK(has(pitches, "Bereit f\u00FCr den ersten Pitch"));
    CHECK(has(pitches, "Abwesend: ans Ende"));
}

TEST_CASE("a label too long for its button keeps the button's width and shows whole on hover") {
    test::Headless h(agenda());
    const char* label = "Runde schlie\u00DFen und aufdecken";
    ImVec2 min, max;
    auto draw = [&] {
        ui::fitted_button(label, 80.0f);
        min = ImGui::GetItemRectMin();
        max = ImGui::GetItemRectMax();
    };
    h.frame(draw);
    CHECK(max.x - min.x == Approx(80.0f));
    const std::string drawn = h.text(draw);
    CHECK(drawn.find(label) != std::string::npos);  // the whole label for the log, once
    CHECK(drawn.find(label, drawn.find(label) + 1) == std::string::npos);
    auto tooltip = [] {
        const ImGuiWindow* w = ImGui::FindWindowByName("##Tooltip_00");
        return w != nullptr && w->Active;
    };
    CHECK_FALSE(tooltip());
    ImGui::GetIO().MousePos = ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2);
    h.frame(draw);
    h.frame(draw);
    CHECK(tooltip());  // hovering shows the whole label
    // A label that fits is an ordinary button: no tooltip.
    h.frame([&] { ui::fitted_button("Start", 200.0f); });
    h.frame([&] { ui::fitted_button("Start", 200.0f); });
    CHECK_FALSE(tooltip());
}

TEST_CASE("buttons follow on the line while they fit, else start the next one") {
    test::Headless h(agenda());
    ImGui::GetIO().DisplaySize = ImVec2(300, 400);
    float first_y = 0, second_y = 0, third_y = 0;
    h.frame([&] {
        ImGui::Button("Ausrollen (S)");
        first_y = ImGui::GetItemRectMin().y;
        ui::same_line_if_fits(ui::button_width("Nachsteuern (A)"));
        ImGui::Button("Nachsteuern (A)");
        second_y = ImGui::GetItemRectMin().y;
        ui::same_line_if_fits(ui::button_width("Beenden (X)"));
        ImGui::Button("Beenden (X)");
        third_y = ImGui::GetItemRectMin().y;
    });
    CHECK(second_y == Approx(first_y));  // two fit in 300 px with the default font
    CHECK(third_y > second_y);           // the third goes to the next line
}

TEST_CASE("scoring, matrix, shortlist and concerns in German: no English left in what they draw") {
    const InLanguage de(i18n::Language::De);
    test::Headless h(data("small-workshop.json"));
    h.ctx.select_idea("i1");
    const std::string scoring = h.text([&] { ui::draw_scoring(h.ctx); });
    INFO(scoring);
    CHECK(has(scoring, "bewertet von 3 von 4"));
    CHECK(has(scoring, "N\u00E4chste unbewertete Idee (F8)"));
    CHECK(has(scoring, "Einzelbewertungen"));
    CHECK(has(scoring, "Teamkonsens"));
    CHECK(has(scoring, "Mittelwert"));
    CHECK(has(scoring, "Streuung (SD)"));
    CHECK_FALSE(has(scoring, "scored by"));
    CHECK_FALSE(has(scoring, "Individual scores"));
    CHECK_FALSE(has(scoring, "higher = more"));

    test::Headless m(data("small-workshop.json"));
    const std::string matrix = m.text([&] { ui::draw_matrix(m.ctx); });
    INFO(matrix);
    CHECK(has(matrix, "Klicken Sie auf eine Blase"));
    CHECK_FALSE(has(matrix, "Click a bubble"));

    const std::string shortlist = h.text([&] { ui::draw_shortlist(h.ctx); });
    INFO(shortlist);
    CHECK(has(shortlist, "Auswahlregeln"));
    CHECK(has(shortlist, "Max. Risiko"));
    CHECK(has(shortlist, "2,5"));  // the rules' limits with a decimal comma (max risk 2.5, min visibility 3.5)
    CHECK(has(shortlist, "3,5"));
    CHECK_FALSE(has(shortlist, "2.5"));
    CHECK_FALSE(has(shortlist, "3.5"));
    CHECK(has(shortlist, "Min. Bewertende"));
    CHECK(has(shortlist, "Pilotprojekte"));
    CHECK(has(shortlist, "Festlegen\u2026"));
    CHECK(has(shortlist, "Exportieren nach"));
    CHECK_FALSE(has(shortlist, "Pin\u2026"));
    CHECK_FALSE(has(shortlist, "Export to"));
    CHECK_FALSE(has(shortlist, "Selection rules"));

    const std::string concerns = h.text([&] { ui::draw_concerns(h.ctx); });
    INFO(concerns);
    CHECK(has(concerns, "Handzeichen: 4"));
    CHECK_FALSE(has(concerns, "Hands raised"));
}
