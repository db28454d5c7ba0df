// The matrix's crowded corner (app/ui/matrix_chart.cpp) headless with the real fonts: ideas that
// cannot be labelled beside their bubble are numbered, and the side column lists every number
// with its whole title (smaller, then in two columns, where it must) instead of "+ N more", at
// the room's screen sizes and at the exported PNG's 1920x1080.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "core/session.hpp"
#include "documents/documents.hpp"
#include "headless.hpp"
#include "ui/fonts.hpp"
#include "ui/matrix_chart.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"

using namespace pilotdeck;

namespace {

// `n` ideas with long titles, all but two on the very same spot.
core::Workshop crowded(int n) {
    core::Workshop ws;
    ws.info.title = "Crowded corner";
    ws.stages = {{"m", core::StageKind::Matrix, "Matrix", 30, "", {}}};
    ws.criteria = {{"time_saved", "Time saved", core::Axis::Benefit, 1.0, 1, 5, "", {}},
                   {"errors", "Errors", core::Axis::Risk, 1.0, 1, 5, "", {}},
                   {"reach", "Reach", core::Axis::Visibility, 1.0, 1, 5, "", {}}};
    ws.participants = {{"p1", "Ann", "Sales", core::Role::User}};
    ws.selection.max_risk = 5;
    ws.selection.min_visibility = 1;
    ws.selection.min_raters = 1;
    for (int k = 0; k < n; ++k) {
        const std::string id = "i" + std::to_string(k + 1);
        ws.ideas.push_back({id, "Klantvragen over polisvoorwaarden beantwoorden, idee " + std::to_string(k + 1), "", "",
                            "", "", "", std::nullopt});
        const bool corner = k >= 2;
        ws.scores.push_back({id, "p1", "time_saved", corner ? 5 : 2});
        ws.scores.push_back({id, "p1", "errors", corner ? 1 : 4});
        ws.scores.push_back({id, "p1", "reach", 3});
    }
    return ws;
}

}  // namespace

TEST_CASE("every clustered idea is findable: each number listed whole, on screen and in the PNG") {
    struct Size {
        const char* what;
        int height;     // the screen the fonts are sized for
        ImVec2 chart;   // what the chart gets
        float font_px;  // 0: the body font of that screen
    };
    const Size sizes[] = {{"1280x720", 720, ImVec2(1000, 520), 0},
                          {"1024x768, notes shown", 768, ImVec2(700, 420), 0},
                          {"1920x1080", 1080, ImVec2(1500, 800), 0},
                          {"PNG 1920x1080", 1080, ImVec2(1888, 1010), 27}};
    for (const int n : {12, 20, 30}) {
        for (const Size& size : sizes) {
            // A 4:3 screen with the notes beside the chart holds a dozen crowded titles whole, not 20+.
            if (size.height == 768 && n > 12) continue;
            test::Headless h(crowded(n));
            REQUIRE(ui::build_fonts(h.fonts, ui::body_font_px(size.height, 1.0f)));
            ImGuiIO& io = ImGui::GetIO();
            io.FontDefault = h.fonts.body;
            unsigned char* pixels = nullptr;
            int w = 0, hh = 0;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &hh);
            h.frame([&] {
                ImDrawList list(ImGui::GetDrawListSharedData());
                list._ResetForNewFrame();
                list.PushClipRectFullScreen();
                const float fs = size.font_px > 0 ? size.font_px : ImGui::GetFontSize();
                const ui::MatrixGeometry geo =
                    ui::draw_matrix_chart(&list, ImVec2(0, 0), size.chart, h.ctx, ImGui::GetFont(), fs, "");
                INFO(size.what << ", " << n << " ideas: " << geo.labels.size() << " labelled, " << geo.numbered.size()
                               << " numbered, " << geo.listed << " listed");
                CHECK(geo.labels.size() + geo.numbered.size() == static_cast<std::size_t>(n));
                CHECK(!geo.numbered.empty());
                CHECK(geo.listed == geo.numbered.size());  // no "+ N more": every number is in the list
            });
        }
    }
}

namespace {

// `n` ideas with long German titles, all but two on the very same spot.
core::Workshop crowded_de(int n) {
    core::Workshop ws = crowded(n);
    for (int k = 0; k < n; ++k)
        ws.ideas[static_cast<std::size_t>(k)].title =
            "Kundenanfragen zu Versicherungsbedingungen automatisch beantworten, Idee " + std::to_string(k + 1);
    return ws;
}

// One frame of the chart `size` big on screen, with the side list's page `page`.
ui::MatrixGeometry chart_page(test::Headless& h, ImVec2 size, int page) {
    ui::MatrixGeometry geo;
    h.frame([&] {
        ImDrawList list(ImGui::GetDrawListSharedData());
        list._ResetForNewFrame();
        list.PushClipRectFullScreen();
        geo = ui::draw_matrix_chart(&list, ImVec2(0, 0), size, h.ctx, ImGui::GetFont(), ImGui::GetFontSize(), "", nullptr,
                                    page);
    });
    return geo;
}

}  // namespace

TEST_CASE("1024x768 with the notes, 20 and 30 crowded German titles: the list pages, every idea readable") {
    // What the matrix stage gets of a 1024x768 screen with the notes beside it.
    const ImVec2 stage(700, 480);
    for (const int n : {20, 30}) {
        test::Headless h(crowded_de(n));
        REQUIRE(h.room_fonts(768, stage));
        const float body = ImGui::GetFontSize();
        ui::MatrixGeometry geo;
        auto draw_page = [&](int page) { geo = chart_page(h, ImVec2(stage.x, stage.y - 60), page); };
        draw_page(0);
        INFO(n << " ideas: " << geo.labels.size() << " labelled, " << geo.numbered.size() << " numbered, "
               << geo.list_pages << " pages");
        REQUIRE(geo.labels.size() + geo.numbered.size() == static_cast<std::size_t>(n));
        REQUIRE(geo.list_page_of.size() == geo.numbered.size());
        CHECK(geo.list_pages > 1);  // they do not fit one page at a size the back row reads
        std::map<int, std::string> seen;  // number -> text drawn
        const int pages = geo.list_pages;
        for (int page = 0; page < pages; ++page) {
            draw_page(page);
            CHECK(geo.list_page == page);
            CHECK(geo.list_pages == pages);
            for (const ui::SideEntry& e : geo.list) {
                INFO("page " << page + 1 << ": " << e.text);
                CHECK(e.font_size >= body * 0.8f - 0.01f);  // readable from the back row
                CHECK(e.max.x <= stage.x);                   // never cut at the side
                CHECK(e.max.y <= stage.y - 60);              // nor at the bottom
                CHECK(e.text == std::to_string(e.number) + " \u2014 " + h.session.workshop().ideas[e.idea].title);
                CHECK(seen.count(e.number) == 0);  // on one page only
                seen[e.number] = e.text;
            }
        }
        // Every numbered idea is on some page, whole.
        for (std::size_t k = 0; k < geo.numbered.size(); ++k) {
            INFO("number " << geo.numbered[k].first);
            CHECK(seen.count(geo.numbered[k].first) == 1);
        }
        for (const ui::MatrixLabel& l : geo.labels) {  // labels beside bubbles: inside the chart
            CHECK(l.max.x <= stage.x);
            CHECK(l.max.y <= stage.y - 60);
        }
    }
}

TEST_CASE("the matrix stage: L turns the list's page, a numbered idea selected brings its page") {
    test::Headless h(crowded_de(30));
    REQUIRE(h.room_fonts(768, ImVec2(700, 480)));
    const auto draw = [&] { ui::draw_matrix(h.ctx); };
    h.frame(draw);
    h.frame(draw);
    const ui::MatrixPanel& mp = h.ctx.panels().matrix;
    REQUIRE(mp.list_pages > 1);
    CHECK(mp.list_page == 0);
    h.press(GLFW_KEY_L, draw);
    CHECK(mp.list_page == 1);
    for (int k = 1; k < mp.list_pages; ++k) h.press(GLFW_KEY_L, draw);
    CHECK(mp.list_page == 0);  // round to the first again
    // The last numbered idea selected (Tab or a click): its page comes up.
    REQUIRE(!mp.idea_page.empty());
    const auto [idea, page] = mp.idea_page.back();
    REQUIRE(page > 0);
    h.ctx.select_idea(h.session.workshop().ideas[idea].id);
    h.frame(draw);
    CHECK(mp.list_page == page);
}

// The screening workshop of tests/data in German at 1024x768 with the notes beside the chart:
// numbered ideas and ideas not yet placed. Every page of the list shows at least one numbered
// idea (not "Page 1 of 8" over an empty list), every number is on a page, and "Noch nicht
// eingeordnet" and what is under it stay inside the column, never cut at its edge.
TEST_CASE("1024x768 in German with the notes: numbered and unplaced ideas, each page lists ideas, nothing cut") {
    const test::InLanguage in(i18n::Language::De);
    const ImVec2 stage(700, 480);
    test::Headless h(documents::load_workshop(PILOTDECK_SCREENING));
    REQUIRE(h.room_fonts(768, stage));
    const ImVec2 chart(stage.x, stage.y - 60);
    ui::MatrixGeometry geo;
    auto draw_page = [&](int page) { geo = chart_page(h, chart, page); };
    draw_page(0);
    INFO(geo.labels.size() << " labelled, " << geo.numbered.size() << " numbered, " << geo.list_pages << " pages");
    REQUIRE(!geo.numbered.empty());
    std::set<int> seen;
    bool unplaced_shown = false;
    for (int page = 0; page < geo.list_pages; ++page) {
        draw_page(page);
        INFO("page " << page + 1 << " of " << geo.list_pages);
        CHECK(!geo.list.empty());  // never a page with no idea on it
        for (const ui::SideEntry& e : geo.list) {
            INFO(e.text);
            CHECK(e.max.x <= chart.x);
            CHECK(e.max.y <= chart.y);
            seen.insert(e.number);
        }
        for (const ui::SideEntry& e : geo.unplaced) {
            INFO("not yet placed: " << e.text);
            CHECK(e.max.x <= chart.x);
            CHECK(e.max.y <= chart.y + 0.5f);
            CHECK(e.min.y >= 0);
        }
        if (!geo.unplaced.empty()) {
            unplaced_shown = true;
            CHECK(geo.unplaced.front().text == i18n::tr("Not yet placed"));
        }
    }
    for (const auto& [number, idea] : geo.numbered) {
        INFO("number " << number);
        CHECK(seen.count(number) == 1);
    }
    // Fewer pages than numbered ideas: a page holds more than one where titles are this short.
    CHECK(geo.list_pages < static_cast<int>(geo.numbered.size()));
    (void)unplaced_shown;
}
