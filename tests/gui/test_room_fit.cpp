// Issue 14 §2, every screen readable by the room, driven headless with the real fonts at the
// sizes a 1920x1080, 1280x720 or 1024x768 screen gets: the matrix (whole labels, true
// positions, the risk limit agreeing with the shortlist), the scoring grid, the worries, the
// shortlist. The drawn text is read from ImGui's log, rectangles and colours from the draw lists.
#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/selection.hpp"
#include "core/session.hpp"
#include "documents/documents.hpp"
#include "headless.hpp"
#include "ui/fonts.hpp"
#include "ui/grid_columns.hpp"
#include "ui/matrix_chart.hpp"
#include "ui/panels.hpp"
#include "ui/score_display.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

using namespace pilotdeck;

namespace {

// The first window whose name holds `part` (child windows are named "parent/part_ID").
[[maybe_unused]] const ImGuiWindow* window_named(const std::string& part) {
    for (const ImGuiWindow* w : GImGui->Windows)
        if (w->Active && std::string(w->Name).find(part) != std::string::npos) return w;
    return nullptr;
}

[[maybe_unused]] bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Two risk criteria weighted 0.48 and 0.52 scored 2 and 3: risk 2.52, benefit 4, visibility 4.
core::Workshop risk_edge_workshop(double max_risk) {
    core::Workshop ws;
    ws.info.title = "Risk edge";
    ws.stages = {{"m", core::StageKind::Matrix, "Matrix", 30, "", {}}};
    ws.criteria = {{"time_saved", "Time saved", core::Axis::Benefit, 1.0, 1, 5, "", {}},
                   {"privacy", "Personal data", core::Axis::Risk, 0.48, 1, 5, "", {}},
                   {"errors", "Errors", core::Axis::Risk, 0.52, 1, 5, "", {}},
                   {"reach", "Reach", core::Axis::Visibility, 1.0, 1, 5, "", {}}};
    ws.participants = {{"p1", "Ann", "Sales", core::Role::User}};
    ws.ideas = {{"i1", "Policy terms explained", "", "", "Claims", "", "", std::nullopt}};
    ws.scores = {{"i1", "p1", "time_saved", 4}, {"i1", "p1", "privacy", 2}, {"i1", "p1", "errors", 3},
                 {"i1", "p1", "reach", 4}};
    ws.selection.max_risk = max_risk;
    ws.selection.min_visibility = 1;
    ws.selection.min_raters = 1;
    return ws;
}

// The chart drawn into a draw list of its own, inside a frame.
struct DrawnChart {
    ImDrawList list{ImGui::GetDrawListSharedData()};
    ui::MatrixGeometry geo;
    DrawnChart(const ui::UiContext& ctx, ImVec2 size) {
        list._ResetForNewFrame();
        list.PushClipRectFullScreen();
        geo = ui::draw_matrix_chart(&list, ImVec2(0, 0), size, ctx, ImGui::GetFont(), ImGui::GetFontSize(), "");
    }
    // Whether any vertex inside the circle has this colour.
    bool colour_in(ImVec2 c, float r, ImU32 col) const {
        for (const ImDrawVert& v : list.VtxBuffer) {
            const float dx = v.pos.x - c.x, dy = v.pos.y - c.y;
            if (dx * dx + dy * dy <= r * r && v.col == col) return true;
        }
        return false;
    }
};

}  // namespace

TEST_CASE("matrix: an idea above the max-risk line is never a green quick win; the matrix and the shortlist agree") {
    for (const double limit : {2.50, 2.52}) {
        test::Headless h(risk_edge_workshop(limit));
        const core::IdeaResult r = h.session.results()[0];
        REQUIRE(r.risk == Approx(2.52));
        REQUIRE(r.quadrant == core::Quadrant::QuickWin);  // the core's quadrant: left of the middle line
        const core::Selection sel = core::select_pilots(h.session.workshop().ideas, h.session.results(),
                                                        h.session.workshop().selection);
        const bool pilot = sel.pilots.size() == 1;
        CHECK(pilot == (limit >= 2.52));  // the rules: 2.52 > 2.50 keeps it out
        const ImU32 green = ui::u32(ui::quadrant_colour(h.ctx.palette, core::Quadrant::QuickWin));
        h.frame([&] {
            DrawnChart chart(h.ctx, ImVec2(1200, 800));
            REQUIRE(chart.geo.bubbles.size() == 1);
            const auto& b = chart.geo.bubbles[0];
            CHECK(chart.colour_in(b.centre, b.radius, green) == pilot);
            CHECK((ui::shown_quadrant(r, limit) == core::Quadrant::QuickWin) == pilot);
        });
    }
}

TEST_CASE("matrix: every bubble at its true position; labels are whole titles, wrapped, never cut") {
    core::Workshop ws = risk_edge_workshop(5.0);
    const char* titles[] = {"Polisvoorwaarden uitleggen aan klanten in gewone taal",
                            "Schadeclaims automatisch voorsorteren op urgentie",
                            "Offertes samenvatten voor de accountmanager",
                            "Klachtenmails beantwoorden met een concept",
                            "Contracten controleren op afwijkende clausules",
                            "Vergaderverslagen",
                            "Facturen matchen met inkooporders en pakbonnen",
                            "Kennisbank doorzoeken in gewone taal"};
    ws.ideas.clear();
    ws.scores.clear();
    for (int k = 0; k < 8; ++k) {
        const std::string id = "i" + std::to_string(k + 1);
        ws.ideas.push_back({id, titles[k], "", "", "", "", "", std::nullopt});
        // Six of them on the very same spot (a crowded corner), two elsewhere.
        const int b = k < 6 ? 5 : 2 + k % 2, risk = k < 6 ? 1 : 4;
        for (const char* c : {"privacy", "errors"}) ws.scores.push_back({id, "p1", c, risk});
        ws.scores.push_back({id, "p1", "time_saved", b});
        ws.scores.push_back({id, "p1", "reach", 3});
    }
    for (const auto& [screen, size] : {std::pair{1080, ImVec2(1500, 800)}, std::pair{720, ImVec2(1000, 520)},
                                       std::pair{768, ImVec2(780, 540)}}) {
        test::Headless h(ws);
        REQUIRE(h.room_fonts(screen, size));
        h.frame([&] {
            DrawnChart chart(h.ctx, size);
            const auto& geo = chart.geo;
            REQUIRE(geo.bubbles.size() == 8);
            // True positions: the six with the same scores share one centre, none was moved aside.
            const ImVec2 c0 = std::find_if(geo.bubbles.begin(), geo.bubbles.end(), [](const auto& b) { return b.idea == 0; })->centre;
            for (const auto& b : geo.bubbles)
                if (b.idea < 6) {
                    CHECK(b.centre.x == c0.x);
                    CHECK(b.centre.y == c0.y);
                }
            // Every idea is labelled with its whole title, or numbered (and listed whole at the side).
            CHECK(geo.labels.size() + geo.numbered.size() == 8);
            CHECK(geo.labels.size() >= 3);
            for (const auto& l : geo.labels) {
                std::string flat = l.text;
                std::replace(flat.begin(), flat.end(), '\n', ' ');
                CHECK(flat == titles[l.idea]);
                CHECK(std::count(l.text.begin(), l.text.end(), '\n') <= 2);
                CHECK(l.max.x <= geo.plot_max.x);
                CHECK(l.min.x >= geo.plot_min.x);
                CHECK(l.min.y >= geo.plot_min.y);
                CHECK(l.max.y <= geo.plot_max.y);
            }
            // Long titles that fit whole on two lines are wrapped, not cut.
            const bool wrapped = std::any_of(geo.labels.begin(), geo.labels.end(),
                                             [](const auto& l) { return l.text.find('\n') != std::string::npos; });
            CHECK(wrapped);
        });
    }
}

// What the stage gets of a screen (the menu, stepper, stage title and status line take the rest;
// measured on the screenshots) and the screen height the fonts are sized for.
struct Screen {
    int height;
    ImVec2 stage;
};
const Screen kScreens[] = {{1080, ImVec2(1900, 660)}, {720, ImVec2(1270, 440)}, {768, ImVec2(1004, 480)}};

TEST_CASE("scoring: the whole grid of 10 raters x 10 criteria fits, and every level text of the focused criterion") {
    const core::Workshop demo = documents::load_workshop(PILOTDECK_DEMO);
    REQUIRE(demo.criteria.size() == 10);
    REQUIRE(demo.participants.size() >= 10);
    for (const Screen& screen : {kScreens[0], kScreens[1]}) {
        test::Headless h(demo);
        REQUIRE(h.room_fonts(screen.height, screen.stage));
        h.ctx.state.selected_idea = demo.ideas.front().id;
        h.ctx.state.notes_visible = false;  // projected: raters by number, the notes hidden
        auto draw = [&] { ui::draw_scoring(h.ctx); };
        h.frame(draw);
        h.frame(draw);
        const std::string text = h.text(draw);
        INFO("screen height " << screen.height);
        const ImGuiWindow* grid = window_named("grid");
        REQUIRE(grid != nullptr);
        CHECK(grid->ScrollMax.x == 0);  // every criterion column in view
        CHECK(grid->ScrollMax.y == 0);  // every rater row and the aggregates in view
        CHECK(has(text, "Rater 10"));
        CHECK(has(text, "Agreement"));
        // The focused criterion (the first) by its whole name, with all its level texts.
        const core::Criterion* first = nullptr;
        for (const auto& c : demo.criteria)
            if (c.axis == core::Axis::Benefit) {
                first = &c;
                break;
            }
        REQUIRE(first != nullptr);
        CHECK(has(text, first->label));
        for (const auto& [level, words] : first->levels) {
            INFO("level " << level);
            CHECK(has(text, std::to_string(level) + " \u2014 "));
        }
        const ImGuiWindow* levels = window_named("levels");
        REQUIRE(levels != nullptr);
        CHECK(levels->ScrollMax.y == 0);
    }
}

TEST_CASE("scoring: a criterion name is abbreviated to its column, never cut mid-word without a mark") {
    test::Headless h(risk_edge_workshop(2.5));
    REQUIRE(h.room_fonts(720, ImVec2(1260, 540)));
    h.frame([&] {
        const std::string name = "Relief from routine work";
        CHECK(ui::abbreviate(name, 1000) == name);
        const float narrow = ImGui::CalcTextSize("0.00").x + ui::em(0.4f);
        const std::string a = ui::abbreviate(name, narrow);
        CHECK(ImGui::CalcTextSize(a.c_str()).x <= narrow);
        CHECK(a.rfind("R", 0) == 0);
        const ui::GridColumns gc = ui::grid_columns({"Rater 1", "Rater 10"}, std::vector<std::string>(10, name), 900);
        REQUIRE(gc.width.size() == 10);
        for (float w : gc.width) CHECK(w >= ImGui::CalcTextSize("0.00").x);
    });
}

TEST_CASE("worries: all of a template's worries fit without scrolling at 1920x1080 and 1280x720") {
    const core::Workshop demo = documents::load_workshop(PILOTDECK_DEMO);
    REQUIRE(demo.concerns.size() >= 5);
    for (const Screen& screen : kScreens) {
        test::Headless h(demo);
        REQUIRE(h.room_fonts(screen.height, screen.stage));
        auto draw = [&] { ui::draw_concerns(h.ctx); };
        h.frame(draw);
        h.frame(draw);
        const std::string text = h.text(draw);
        INFO("screen height " << screen.height);
        const ImGuiWindow* tiles = window_named("##tiles");
        REQUIRE(tiles != nullptr);
        CHECK(tiles->ScrollMax.y == 0);
        for (const auto& c : demo.concerns) {
            // Each label's first word is drawn (the whole label, wrapped in its tile).
            CHECK(has(text, c.label.substr(0, c.label.find(' '))));
        }
    }
}

TEST_CASE("shortlist: the pilots come first and in view, at 1280x720 and zoomed in") {
    core::Workshop demo = documents::load_workshop(PILOTDECK_DEMO);
    for (const float zoom : {1.0f, 1.5f, 2.5f}) {
        test::Headless h(demo);
        REQUIRE(h.room_fonts(720, ImVec2(1260, 540), zoom));
        const core::Selection& sel = h.session.selection();
        REQUIRE(!sel.pilots.empty());
        REQUIRE(!sel.not_selected.empty());
        auto draw = [&] { ui::draw_shortlist(h.ctx); };
        h.frame(draw);
        h.frame(draw);
        const std::string text = h.text(draw);  // only what is in view is drawn (and logged)
        INFO("zoom " << zoom << "\n" << text);
        const std::string first = "1  " + h.session.workshop().ideas[h.session.results()[sel.pilots[0].result].idea].title;
        const auto at = text.find(first.substr(0, 20));
        REQUIRE(at != std::string::npos);
        CHECK(text.find("Pilots") < at);
        const auto not_selected = text.find("Not selected");
        if (not_selected != std::string::npos) CHECK(at < not_selected);
        if (zoom == 1.0f)  // at 1280x720 every pilot is in view, before any idea kept out
            for (const core::Pick& p : sel.pilots) {
                const std::string t = h.session.workshop().ideas[h.session.results()[p.result].idea].title;
                const auto pos = text.find(t.substr(0, 20));
                CHECK(pos != std::string::npos);
                if (not_selected != std::string::npos) CHECK(pos < not_selected);
            }
    }
}

TEST_CASE("zoom: the level shows in a box when it changes") {
    test::Headless h(risk_edge_workshop(2.5));
    CHECK(ui::zoom_text(1.5f) == "Zoom 150%");
    CHECK(ui::zoom_text(0.6f) == "Zoom 60%");
    float text_w = 0;
    auto draw = [&] {
        ui::zoom_badge(h.ctx, 1.3f);
        text_w = ImGui::CalcTextSize("Zoom 130%").x;
    };
    h.frame(draw);
    h.frame(draw);
    const ImGuiWindow* badge = window_named("##zoom");
    REQUIRE(badge != nullptr);  // drawn over the stage, as wide as its words
    CHECK(badge->Size.x >= text_w);
    CHECK(badge->Pos.y >= 0);
}

TEST_CASE("multi-line fields wrap their text inside the field; a click hands the keyboard to the editor") {
    test::Headless h(risk_edge_workshop(2.5));
    REQUIRE(h.room_fonts(720, ImVec2(500, 600)));
    std::string problem =
        "Customers ask the same questions about their policy terms every day and the answers are spread "
        "over three systems, so each reply takes a quarter of an hour, and new colleagues need months before "
        "they know where to look for the clause that applies to the customer on the phone";
    ImVec2 min, max;
    float content_right = 0;
    auto draw = [&] {
        content_right = ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x;
        ui::edit_field("Problem", "##problem", problem, 3);
        min = ImGui::GetItemRectMin();
        max = ImGui::GetItemRectMax();
    };
    h.frame(draw);
    h.frame(draw);
    // Every glyph of the text inside the field's frame: wrapped, not running off to the right.
    const std::string text = h.text(draw);
    CHECK(has(text, "a quarter of an hour"));
    const float line = ImGui::GetFontSize();
    CHECK(max.x <= content_right + 1);
    CHECK(max.y - min.y >= 4 * line);  // as tall as the wrapped text (more than the 3 lines asked for)
    float right = 0;
    h.frame([&] {
        draw();
        for (const ImDrawVert& v : ImGui::GetWindowDrawList()->VtxBuffer)
            if (v.pos.y > min.y && v.pos.y < max.y) right = std::max(right, v.pos.x);
    });
    CHECK(right <= max.x + 1);
    // A click on it: the editor has the keyboard.
    h.click(ImVec2(min.x + 20, min.y + 10), draw);
    h.frame(draw);
    CHECK(ImGui::GetIO().WantTextInput);
}

TEST_CASE("worries: the chart's labels wrap to two lines at 1024x768, never cut mid-glyph") {
    const core::Workshop demo = documents::load_workshop(PILOTDECK_DEMO);
    test::Headless h(demo);
    REQUIRE(h.room_fonts(768, ImVec2(700, 480)));
    auto draw = [&] { ui::draw_concerns(h.ctx); };
    h.frame(draw);
    h.frame(draw);
    const std::string text = h.text(draw);
    const ImGuiWindow* chart = window_named("##chart");
    REQUIRE(chart != nullptr);
    const float right = chart->InnerRect.Max.x;
    bool wrapped = false;
    for (const auto& c : demo.concerns) {
        INFO(c.label);
        if (ImGui::CalcTextSize(c.label.c_str()).x > chart->InnerRect.GetWidth()) wrapped = true;
        CHECK(has(text, c.label.substr(c.label.rfind(' ') + 1)));  // its last word is drawn too
    }
    CHECK(wrapped);  // (the demo's longest worry is wider than the chart at this size)
    float widest = 0;
    for (const ImDrawVert& v : chart->DrawList->VtxBuffer) widest = std::max(widest, v.pos.x);
    CHECK(widest <= right + 1);
}
