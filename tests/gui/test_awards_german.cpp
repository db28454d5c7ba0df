// The awards and judging stages of a German hackathon (issue 10), headless with the app's real fonts
// at the sizes a 1280x720 and a 1024x768 screen give: a workshop made from the hackathon-de
// template with the test data's teams, judges, comparisons, jury scores and audience votes. The
// awards are revealed award by award as PageDown does (ui::hackathon_page); every step, and the
// jury's progress, is read back from what the frame drew: German titles and sentences, decimal
// commas, no English left, and nothing wider than the stage or below its bottom edge.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "documents/documents.hpp"
#include "headless.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

using namespace pilotdeck;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The German template's stages, criteria and awards around the test data's hackathon day.
core::Workshop german_hackathon() {
    const std::string data = PILOTDECK_TEST_DATA;
    core::Workshop ws =
        core::workshop_from_template(documents::load_template(data + "/../../workshop_templates/hackathon-de.json"), "KI-Hackathon");
    const core::Workshop day = documents::load_workshop(data + "/hackathon-workshop.json");
    ws.participants = day.participants;
    ws.ideas = day.ideas;
    ws.teams = day.teams;
    ws.scores = day.scores;
    ws.judging = day.judging;
    ws.comparisons = day.comparisons;
    ws.audience_votes = day.audience_votes;
    return ws;
}

struct Screen {
    int height;
    ImVec2 stage;  // what the stage gets of that screen (as test_room_fit)
};

// English the awards stage must not show in German (the titles, the core's sentences, the hints).
const std::vector<std::string> kEnglish = {"place", "Winner", "award", "Award", "PageDown", "Ranked first", "comparisons",
                                           "judge", "audience vote", "Highest jury mean", "shortlist's", "A tie", "Not awarded"};

}  // namespace

TEST_CASE("awards in German at 1280x720 and 1024x768: revealed step by step, German words, decimal commas, nothing cut off") {
    const test::InLanguage de(i18n::Language::De);
    const core::Workshop ws = german_hackathon();
    REQUIRE(ws.info.language == "de");
    REQUIRE(ws.awards.size() == 4);
    for (const Screen& screen : {Screen{720, ImVec2(1270, 440)}, Screen{768, ImVec2(1004, 480)}}) {
        INFO("screen height " << screen.height);
        test::Headless h(ws);
        REQUIRE(h.room_fonts(screen.height, screen.stage));
        const int awards = ui::stage_of_kind(h.session, core::StageKind::Awards);
        REQUIRE(awards >= 0);
        h.ctx.go_to_stage(awards);
        const auto draw = [&] { ui::draw_awards(h.ctx); };
        std::vector<std::string> steps;
        for (int step = 0; step < 20; ++step) {
            h.frame(draw);
            h.frame(draw);  // the window's content size is the previous frame's
            const std::string text = h.text(draw);
            INFO("step " << step << ":\n" << text);
            const ImGuiWindow* stage = ImGui::FindWindowByName("stage");
            REQUIRE(stage != nullptr);
            CHECK(stage->ScrollMax.x == 0);  // no line wider than the stage
            CHECK(stage->ScrollMax.y == 0);  // nothing below its bottom edge
            for (const std::string& english : kEnglish) CHECK_FALSE(has(text, english));
            steps.push_back(text);
            if (!ui::hackathon_page(h.ctx, 1)) break;  // what PageDown (the clicker) does on this stage
        }
        REQUIRE(steps.size() == 7);  // nothing shown, then 3rd and 2nd place, three awards, the winner
        CHECK(has(steps[0], "Bild ab enth\u00FCllt den n\u00E4chsten Preis."));
        CHECK(has(steps[0], "noch 6 Preise"));
        const std::string all = steps.back();
        INFO("all revealed:\n" << all);
        CHECK(has(all, "Alle Preise sind enth\u00FCllt. Herzlichen Gl\u00FCckwunsch an alle Teams!"));
        CHECK(has(all, "3. Platz"));
        CHECK(has(all, "2. Platz"));
        CHECK(has(all, "Gewinner: Bestes Projekt"));
        CHECK(has(all, "Gr\u00F6\u00DFte Zeitersparnis"));
        CHECK(has(all, "Publikumspreis"));
        CHECK(has(all, "Erstes Pilotprojekt"));
        // Each award's reason while it is the latest; the earlier ones stay, one line each.
        std::string reasons;
        for (const std::string& step : steps) reasons += step;
        CHECK(has(all, "Auf Platz eins nach 6 paarweisen Vergleichen von 3 Jurymitgliedern."));
        CHECK(has(reasons, "2 von 4 Publikumsstimmen. Gleichstand mit 1 weiteren Team."));
        CHECK(has(all, "Publikumspreis \u2014 Quote Quest & Welcome Bot (Gleichstand zwischen 2 Teams)"));
        CHECK(has(all, "Erstes Pilotprojekt \u2014 Nicht vergeben: Es gibt noch keine Grundlage."));
        // The jury mean of the time saver's award with a decimal comma, never a point.
        const std::size_t mean = reasons.find("H\u00F6chster Jury-Mittelwert bei Zeitersparnis: ");
        REQUIRE(mean != std::string::npos);
        const std::string number = reasons.substr(reasons.find(": ", mean) + 2, 4);
        INFO(number);
        CHECK(number[1] == ',');
    }
}

TEST_CASE("jury progress in German at 1024x768: who compared how much, in German, nothing cut off") {
    const test::InLanguage de(i18n::Language::De);
    test::Headless h(german_hackathon());
    REQUIRE(h.room_fonts(768, ImVec2(1004, 480)));
    const int judging = ui::stage_of_kind(h.session, core::StageKind::Judging);
    REQUIRE(judging >= 0);
    h.ctx.go_to_stage(judging);
    for (const bool notes : {false, true}) {
        INFO("notes shown: " << notes);
        h.ctx.state.notes_visible = notes;
        const auto draw = [&] { ui::draw_judging(h.ctx); };
        h.frame(draw);
        h.frame(draw);
        const std::string text = h.text(draw);
        INFO(text);
        const ImGuiWindow* stage = ImGui::FindWindowByName("stage");
        REQUIRE(stage != nullptr);
        CHECK(stage->ScrollMax.x == 0);
        CHECK(stage->ScrollMax.y == 0);
        CHECK(has(text, "Paarweise Bewertung"));
        CHECK(has(text, "Jurymitglied"));
        CHECK(has(text, "verglichen, noch etwa 1"));
        CHECK(has(text, "verglichen, keiner mehr offen"));
        for (const char* english : {"compared", "to go", "none left", "Judge", "Progress", "Pairwise"}) CHECK_FALSE(has(text, english));
    }
}
