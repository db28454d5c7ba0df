// Panels are objects owning their state: two instances side by side (two views of one workshop,
// as a presenter window beside the projected one will be) share nothing but the session.
#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <memory>
#include <string>

#include "documents/documents.hpp"
#include "headless.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"

using namespace pilotdeck;
using test::Headless;

namespace {

core::Workshop ideas_workshop() {
    core::Workshop ws;
    ws.info.title = "Two views";
    ws.stages = {{"i", core::StageKind::Ideas, "Collect", 45, "", {}}};
    return ws;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Draws `draw` in a child window of its own and returns the text it drew.
std::string child_text(const char* id, float width, const std::function<void()>& draw) {
    ImGui::BeginChild(id, ImVec2(width, 0), false);
    ImGui::LogToBuffer();
    draw();
    std::string out = GImGui->LogBuffer.c_str();
    ImGui::LogFinish();
    ImGui::EndChild();
    return out;
}

}  // namespace

TEST_CASE("panel objects: two ideas panels side by side keep their own capture field and draft") {
    Headless h(ideas_workshop());
    ui::IdeasPanel left, right;
    std::string left_text, right_text;
    auto draw = [&] {
        left_text = child_text("##left", 780, [&] { left.draw(h.ctx); });
        ImGui::SameLine();
        right_text = child_text("##right", 780, [&] { right.draw(h.ctx); });
    };
    h.ctx.state.focus_new_idea = true;  // Ctrl+N: the first panel drawn takes it
    for (int i = 0; i < 3; ++i) h.frame(draw);
    ImGui::GetIO().AddInputCharactersUTF8("Invoice matching");
    for (int i = 0; i < 3; ++i) h.frame(draw);
    CHECK(has(left_text, "Invoice matching"));
    CHECK_FALSE(has(right_text, "Invoice matching"));

    // Enter saves it (the left panel's field) and selects it: both panels show its details
    // (the selection is the view's, and both draw in one view here).
    h.press(GLFW_KEY_ENTER, draw);
    h.frame(draw);
    REQUIRE(h.session.workshop().ideas.size() == 1);
    CHECK(h.session.workshop().ideas[0].title == "Invoice matching");
    CHECK(has(right_text, "Invoice matching"));  // its details now
    CHECK(h.ctx.state.error.empty());
}

TEST_CASE("panel objects: two views of one workshop each have their own panels and view state") {
    Headless h(ideas_workshop());
    const ui::Palette palette = ui::projector_palette();
    ui::UiContext second(h.session, h.fonts, palette);  // e.g. a presenter view beside the projected one
    CHECK(&h.ctx.panels() != &second.panels());
    std::string first_text, second_text;
    auto draw = [&] {
        first_text = child_text("##first", 780, [&] { ui::draw_ideas(h.ctx); });
        ImGui::SameLine();
        second_text = child_text("##second", 780, [&] { ui::draw_ideas(second); });
    };
    h.ctx.state.focus_new_idea = true;
    for (int i = 0; i < 3; ++i) h.frame(draw);
    ImGui::GetIO().AddInputCharactersUTF8("Route planning");
    for (int i = 0; i < 3; ++i) h.frame(draw);
    CHECK(has(first_text, "Route planning"));
    CHECK_FALSE(has(second_text, "Route planning"));
    CHECK(h.ctx.holds_edits());
    CHECK_FALSE(second.holds_edits());

    // What ends the typing in the first view commits its title (one session for both views);
    // picking it in the second view shows its details there only.
    h.ctx.commit_edits();
    h.frame(draw);
    REQUIRE(h.session.workshop().ideas.size() == 1);
    second.select_idea(h.session.workshop().ideas[0].id);
    h.frame(draw);
    h.frame(draw);
    CHECK(has(second_text, "Route planning"));
    CHECK_FALSE(has(first_text, "Route planning"));
    CHECK(has(first_text, "Pick an idea"));
    CHECK(h.ctx.state.selected_idea.empty());
}

TEST_CASE("panel objects: a new view starts with fresh panels (how a reopened workshop resets them)") {
    Headless h(ideas_workshop());
    const ui::Palette palette = ui::projector_palette();
    auto view = std::make_unique<ui::UiContext>(h.session, h.fonts, palette);
    std::string text;
    auto draw = [&] { text = child_text("##view", 1500, [&] { ui::draw_ideas(*view); }); };
    view->state.focus_new_idea = true;
    for (int i = 0; i < 3; ++i) h.frame(draw);
    ImGui::GetIO().AddInputCharactersUTF8("Half typed");
    for (int i = 0; i < 3; ++i) h.frame(draw);
    CHECK(has(text, "Half typed"));
    view->release_edit("new idea");  // dropped, not committed: only the panel holds it
    ImGui::ClearActiveID();           // as the app's commit_edits() does when a workshop closes
    view = std::make_unique<ui::UiContext>(h.session, h.fonts, palette);
    for (int i = 0; i < 2; ++i) h.frame(draw);
    CHECK_FALSE(has(text, "Half typed"));
    CHECK(h.session.workshop().ideas.empty());
}

namespace {

core::Workshop scored_workshop() {
    core::Workshop ws;
    ws.info.title = "Two charts";
    ws.stages = {{"m", core::StageKind::Matrix, "Matrix", 15, "", {}}};
    ws.criteria = {{"time_saved", "Time saved", core::Axis::Benefit, 1.0, 1, 5, "", {}},
                   {"privacy", "Personal data", core::Axis::Risk, 1.0, 1, 5, "", {}},
                   {"reach", "Reach", core::Axis::Visibility, 1.0, 1, 5, "", {}}};
    ws.participants = {{"p1", "Ann", "Sales", core::Role::User}};
    ws.ideas = {{"i1", "Invoice matching", "", "", "Finance", "", "", std::nullopt},
                {"i2", "Mail triage", "", "", "Service", "", "", std::nullopt}};
    ws.scores = {{"i1", "p1", "time_saved", 4}, {"i1", "p1", "privacy", 2}, {"i1", "p1", "reach", 4},
                 {"i2", "p1", "time_saved", 5}, {"i2", "p1", "privacy", 1}, {"i2", "p1", "reach", 5}};
    return ws;
}

}  // namespace

TEST_CASE("panel objects: two views keep their own matrix layout, pitch order and award reveal (a presenter shares the room's)") {
    SECTION("the matrix chart's layout is each view's own") {
        Headless h(scored_workshop());
        const ui::Palette palette = ui::projector_palette();
        ui::UiContext second(h.session, h.fonts, palette);
        auto draw = [&] {
            child_text("##first", 900, [&] { ui::draw_matrix(h.ctx); });
            ImGui::SameLine();
            child_text("##second", 600, [&] { ui::draw_matrix(second); });
        };
        h.frame(draw);
        h.frame(draw);
        const ui::MatrixChartCache& first_chart = h.ctx.panels().matrix.chart;
        const ui::MatrixChartCache& second_chart = second.panels().matrix.chart;
        CHECK(first_chart.circles.size() == 2);
        CHECK(second_chart.circles.size() == 2);
        // Each laid out for its own width, and neither undid the other's layout.
        CHECK(first_chart.key.x1 - first_chart.key.x0 > second_chart.key.x1 - second_chart.key.x0);
        CHECK(first_chart.key.session == &h.session);
        CHECK(second_chart.key.session == &h.session);
    }
    SECTION("pitches and awards") {
        Headless h(documents::load_workshop(std::string(PILOTDECK_TEST_DATA) + "/hackathon-workshop.json"));
        ImFont* font = ImGui::GetIO().Fonts->Fonts[0];  // the team on stage is drawn in the large font
        h.fonts.large = h.fonts.huge = font;
        const ui::Palette palette = ui::projector_palette();
        ui::UiContext second(h.session, h.fonts, palette);
        CHECK(has(h.text([&] { ui::draw_pitches(second); }), "Ready for the first pitch"));
        REQUIRE(ui::pitches_page(h.ctx, +1));  // the first view starts the first pitch
        CHECK_FALSE(has(h.text([&] { ui::draw_pitches(h.ctx); }), "Ready for the first pitch"));
        CHECK(has(h.text([&] { ui::draw_pitches(second); }), "Ready for the first pitch"));

        REQUIRE(ui::awards_page(h.ctx, +1));  // the first view reveals the first award
        CHECK(h.ctx.panels().show->awards.shown == 1);
        h.frame([&] { ui::draw_awards(second); });
        CHECK(second.panels().show->awards.shown == 0);
        CHECK_FALSE(second.panels().show->awards.steps.empty());

        // The presenter's window shares what the room is shown (App::presenter_workshop_shown).
        ui::UiContext presenter(h.session, h.fonts, palette);
        presenter.panels().show = h.ctx.panels().show;
        CHECK_FALSE(has(h.text([&] { ui::draw_pitches(presenter); }), "Ready for the first pitch"));
        h.frame([&] { ui::draw_awards(presenter); });
        CHECK(presenter.panels().show->awards.shown == 1);
    }
}
